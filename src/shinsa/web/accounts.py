"""Users, projects, memberships, sessions, API tokens and the login audit, in the run store's
database. Sign-in is throttled from the audit itself, so it holds across workers and restarts."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from shinsa.errors import InputError
from shinsa.store.schema import api_tokens, login_audit, memberships, projects, users, web_sessions
from shinsa.web.access import MEMBER_ROLES, Principal, Role, User
from shinsa.web.security import (
    MIN_PASSWORD_LENGTH,
    digest,
    hash_password,
    needs_rehash,
    new_token,
    verify_password,
)

SESSION_SECONDS = 12 * 3600
THROTTLE_WINDOW = 15 * 60
THROTTLE_FAILURES = 5
"""More failed sign-ins than this for one username, or five times as many from one client, in
:data:`THROTTLE_WINDOW` seconds, and further attempts are refused until the window passes."""


class Throttled(Exception):
    """Too many failed sign-ins: try again later."""


@dataclass(frozen=True, slots=True)
class Session:
    token: str
    """The cookie's value: given to the browser once, stored only as its digest."""
    csrf_token: str


class Accounts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # users ------------------------------------------------------------------------------------
    def create_user(self, username: str, password: str, *, is_admin: bool = False) -> int:
        username = username.strip()
        if not username or len(username) > 100:
            raise InputError("a username needs 1 to 100 characters")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InputError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
        try:
            with self.engine.begin() as conn:
                result = conn.execute(
                    insert(users).values(
                        username=username, password_hash=hash_password(password), is_admin=is_admin,
                        disabled=False, created_at=time.time(),
                    )
                )
        except IntegrityError:
            raise InputError(f"user {username!r} already exists") from None
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def set_password(self, user_id: int, password: str) -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InputError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.user_id == user_id).values(password_hash=hash_password(password)))

    def user_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(users)).scalar_one())

    def find_user(self, username: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).mappings().first()
        return None if row is None else User(row["user_id"], row["username"], bool(row["is_admin"]))

    def list_users(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(users.c.user_id, users.c.username, users.c.is_admin, users.c.disabled, users.c.created_at)
                .order_by(users.c.username)
            ).mappings()
            return [dict(row) for row in rows]

    # sign-in ----------------------------------------------------------------------------------
    def _audit(self, conn: Any, username: str, user_id: int | None, client: str, event: str) -> None:
        conn.execute(
            insert(login_audit).values(at=time.time(), username=username[:100], user_id=user_id, client=client[:100], event=event)
        )

    def _throttled(self, conn: Any, username: str, client: str) -> bool:
        since = time.time() - THROTTLE_WINDOW
        failed = login_audit.c.event == "failed"
        by_name = conn.execute(
            select(func.count()).where(failed, login_audit.c.username == username[:100], login_audit.c.at >= since)
        ).scalar_one()
        by_client = conn.execute(
            select(func.count()).where(failed, login_audit.c.client == client[:100], login_audit.c.at >= since)
        ).scalar_one()
        return by_name >= THROTTLE_FAILURES or by_client >= 5 * THROTTLE_FAILURES

    def authenticate(self, username: str, password: str, client: str) -> User | None:
        """The user if the password is right; every attempt is audited. Raises :class:`Throttled`
        after too many failures, before even checking the password."""
        with self.engine.begin() as conn:
            if self._throttled(conn, username, client):
                self._audit(conn, username, None, client, "throttled")
                raise Throttled
            row = conn.execute(select(users).where(users.c.username == username)).mappings().first()
            ok = row is not None and not row["disabled"] and verify_password(row["password_hash"], password)
            if row is None:
                verify_password(_dummy_hash(), password)  # the same time for a missing user as a wrong password
            self._audit(conn, username, row["user_id"] if row else None, client, "ok" if ok else "failed")
            if not ok or row is None:
                return None
            if needs_rehash(row["password_hash"]):
                conn.execute(update(users).where(users.c.user_id == row["user_id"]).values(password_hash=hash_password(password)))
            return User(row["user_id"], row["username"], bool(row["is_admin"]))

    def login_events(self, limit: int = 200) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(login_audit).order_by(login_audit.c.event_id.desc()).limit(limit)).mappings()
            return [dict(row) for row in rows]

    # sessions ---------------------------------------------------------------------------------
    def open_session(self, user: User) -> Session:
        session = Session(new_token(), new_token())
        now = time.time()
        with self.engine.begin() as conn:
            conn.execute(delete(web_sessions).where(web_sessions.c.expires_at < now))
            conn.execute(
                insert(web_sessions).values(
                    session_hash=digest(session.token), user_id=user.user_id, csrf_token=session.csrf_token,
                    created_at=now, expires_at=now + SESSION_SECONDS,
                )
            )
        return session

    def close_session(self, token: str, client: str) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(
                select(users.c.user_id, users.c.username)
                .join(web_sessions, web_sessions.c.user_id == users.c.user_id)
                .where(web_sessions.c.session_hash == digest(token))
            ).first()
            conn.execute(delete(web_sessions).where(web_sessions.c.session_hash == digest(token)))
            if row is not None:
                self._audit(conn, row.username, row.user_id, client, "logout")

    def session_principal(self, token: str) -> Principal | None:
        query = (
            select(users, web_sessions.c.csrf_token)
            .join(web_sessions, web_sessions.c.user_id == users.c.user_id)
            .where(web_sessions.c.session_hash == digest(token), web_sessions.c.expires_at > time.time())
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
            if row is None or row["disabled"]:
                return None
            user = User(row["user_id"], row["username"], bool(row["is_admin"]))
            return Principal(user, "session", self._roles(conn, user.user_id), row["csrf_token"])

    # API tokens -------------------------------------------------------------------------------
    def create_token(self, user_id: int, name: str) -> str:
        """A new API token for ``user_id``: returned once, stored only as its digest."""
        token = "shinsa_" + new_token()
        with self.engine.begin() as conn:
            conn.execute(
                insert(api_tokens).values(user_id=user_id, name=name[:200], token_hash=digest(token), created_at=time.time())
            )
        return token

    def revoke_token(self, user_id: int, token_id: int) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(api_tokens)
                .where(api_tokens.c.token_id == token_id, api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=time.time())
            )
        return result.rowcount == 1

    def list_tokens(self, user_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(api_tokens.c.token_id, api_tokens.c.name, api_tokens.c.created_at, api_tokens.c.last_used_at, api_tokens.c.revoked_at)
                .where(api_tokens.c.user_id == user_id)
                .order_by(api_tokens.c.token_id)
            ).mappings()
            return [dict(row) for row in rows]

    def token_principal(self, token: str) -> Principal | None:
        query = (
            select(users, api_tokens.c.token_id)
            .join(api_tokens, api_tokens.c.user_id == users.c.user_id)
            .where(api_tokens.c.token_hash == digest(token), api_tokens.c.revoked_at.is_(None))
        )
        with self.engine.begin() as conn:
            row = conn.execute(query).mappings().first()
            if row is None or row["disabled"]:
                return None
            conn.execute(update(api_tokens).where(api_tokens.c.token_id == row["token_id"]).values(last_used_at=time.time()))
            user = User(row["user_id"], row["username"], bool(row["is_admin"]))
            return Principal(user, "token", self._roles(conn, user.user_id))

    # projects ---------------------------------------------------------------------------------
    def create_project(self, name: str) -> int:
        name = name.strip()
        if not name or len(name) > 200:
            raise InputError("a project name needs 1 to 200 characters")
        try:
            with self.engine.begin() as conn:
                result = conn.execute(insert(projects).values(name=name, created_at=time.time()))
        except IntegrityError:
            raise InputError(f"project {name!r} already exists") from None
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def find_project(self, name: str) -> int | None:
        with self.engine.connect() as conn:
            found = conn.execute(select(projects.c.project_id).where(projects.c.name == name)).scalar()
        return None if found is None else int(found)

    def list_projects(self, visible: set[int] | None = None) -> list[dict[str, Any]]:
        query = select(projects).order_by(projects.c.name)
        if visible is not None:
            query = query.where(projects.c.project_id.in_(visible))
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def set_membership(self, user_id: int, project_id: int, role: Role) -> None:
        if role not in MEMBER_ROLES:
            raise InputError(f"a project role is one of {', '.join(MEMBER_ROLES)} (admin is given to a user, not in a project)")
        with self.engine.begin() as conn:
            conn.execute(delete(memberships).where(memberships.c.user_id == user_id, memberships.c.project_id == project_id))
            conn.execute(insert(memberships).values(user_id=user_id, project_id=project_id, role=str(role)))

    def _roles(self, conn: Any, user_id: int) -> dict[int, Role]:
        rows = conn.execute(select(memberships.c.project_id, memberships.c.role).where(memberships.c.user_id == user_id))
        return {int(project_id): Role(role) for project_id, role in rows}


@cache
def _dummy_hash() -> str:
    return hash_password("not the password of anyone")
