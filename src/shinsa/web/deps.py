"""The dependencies a router uses: the workspace's services, the signed-in user, permission and
project checks, and template rendering. docs/web.md shows how a new page uses them.

Every route that depends on :func:`principal` (directly or through :func:`require`,
:func:`run_access`, :func:`system_access`) refuses an unsafe request (POST, PUT, PATCH, DELETE)
from a browser session unless it carries the session's CSRF token, as the ``csrf_token`` form
field or the ``X-CSRF-Token`` header. API tokens need no CSRF token (no cookie is involved).

Database work never runs on the event loop: :func:`principal` looks the session or token up in the
threadpool, and :func:`run_access` / :func:`system_access` are plain functions, which FastAPI runs
there too. A blocking query in an ``async`` dependency would hold every other request back (20
reviewers on one page serialised behind each other's lookups; docs/performance.md)."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from shinsa.web.access import Permission, Principal, Role
from shinsa.web.i18n import LANGUAGES, WebTranslator
from shinsa.web.security import same

if TYPE_CHECKING:
    from shinsa.store.store import Store
    from shinsa.web.accounts import Accounts
    from shinsa.web.jobs import JobQueue
    from shinsa.web.workspace import Workspace

SESSION_COOKIE = "shinsa_session"
LANG_COOKIE = "shinsa_lang"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Settings:
    secure_cookies: bool = True
    """Mark cookies Secure (off only for plain HTTP on the loopback address, the embedded default)."""
    python_targets: frozenset[str] = frozenset()
    """Modules whose functions may be run as ``python:`` targets from the web."""
    team: bool = False
    """Team mode: runs go to a job queue for ``shinsa worker`` instead of a thread here."""


@dataclass
class Services:
    """What the app shares between requests; ``request.app.state.services``."""

    store: Store
    accounts: Accounts
    workspace: Workspace
    jobs: JobQueue
    settings: Settings


class LoginRequired(Exception):
    """No valid session or token: pages redirect to the login page, the API answers 401."""


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def store(request: Request) -> Store:
    return services(request).store


async def _csrf_sent(request: Request) -> str | None:
    sent = request.headers.get("x-csrf-token")
    if sent is not None:
        return sent
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get("csrf_token")
        return value if isinstance(value, str) else None
    return None


async def principal(request: Request) -> Principal:
    """The signed-in user (by ``Authorization: Bearer`` API token or session cookie). Checks the
    CSRF token of unsafe requests made with a session cookie."""
    found = getattr(request.state, "principal", None)
    if isinstance(found, Principal):
        return found
    accounts = services(request).accounts
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        found = await run_in_threadpool(accounts.token_principal, authorization[7:].strip())
    elif cookie := request.cookies.get(SESSION_COOKIE):
        found = await run_in_threadpool(accounts.session_principal, cookie)
        if found is not None and request.method not in SAFE_METHODS:
            sent = await _csrf_sent(request)
            if not sent or not same(sent, found.csrf_token):
                raise HTTPException(403, detail="csrf")
    if found is None:
        raise LoginRequired
    request.state.principal = found
    return found


CurrentUser = Annotated[Principal, Depends(principal)]


def require(permission: Permission) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency: the user, who must have ``permission`` in at least one project (or be admin);
    routes about one run or system use :func:`run_access` / :func:`system_access` instead."""

    async def check(user: CurrentUser) -> Principal:
        if permission is Permission.MANAGE and not user.user.is_admin:
            raise HTTPException(403, detail="forbidden")
        if not user.can_anywhere(permission):
            raise HTTPException(403, detail="forbidden")
        return user

    return check


@dataclass(frozen=True, slots=True)
class Access:
    """A run or system the user may act on, with where it lives and the user's role there."""

    principal: Principal
    project_id: int | None
    """None only for a run filed under no system (visible to admins only)."""
    system_id: str | None
    role: Role


def _grant(user: Principal, project_id: int, system_id: str, permission: Permission) -> Access:
    role = user.role_in(project_id)
    if role is None:
        raise HTTPException(404, detail="not found")  # another project's: as if it did not exist
    if not user.can(permission, project_id):
        raise HTTPException(403, detail="forbidden")
    return Access(user, project_id, system_id, role)


def run_access(permission: Permission = Permission.VIEW) -> Callable[..., Access]:
    """A dependency for routes with a ``run_id`` path parameter: 404 for a run the user cannot
    see (unknown, or in another project: the two look the same), 403 without ``permission``."""

    def check(run_id: str, request: Request, user: CurrentUser) -> Access:
        located = services(request).workspace.run_project(run_id)
        if located is None:
            if user.user.is_admin and services(request).store.get_run(run_id) is not None:
                return Access(user, None, None, Role.ADMIN)
            raise HTTPException(404, detail="not found")
        return _grant(user, located[0], located[1], permission)

    return check


def system_access(permission: Permission = Permission.VIEW) -> Callable[..., Access]:
    """As :func:`run_access`, for routes with a ``system_id`` path parameter."""

    def check(system_id: str, request: Request, user: CurrentUser) -> Access:
        system = services(request).workspace.system(system_id)
        if system is None:
            raise HTTPException(404, detail="not found")
        return _grant(user, int(system["project_id"]), system_id, permission)

    return check


def language(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE, "ja")
    return chosen if chosen in LANGUAGES else "ja"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shinsa.web", "templates"),
        autoescape=select_autoescape(("html", "j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datetime"] = _datetime
    return env


def _datetime(timestamp: float | None) -> str:
    return "" if timestamp is None else datetime.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


templates = Jinja2Templates(env=_environment())
"""Pages extend ``base.html.j2``; autoescaping is on for every template (model output is untrusted)."""


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """Render a page with what every template needs: ``t`` (translator), ``lang``, ``user`` (the
    principal, or None on the login page) and ``csrf_token`` for forms."""
    lang = language(request)
    user = getattr(request.state, "principal", None)
    return templates.TemplateResponse(
        request,
        name,
        {"t": WebTranslator(lang), "lang": lang, "user": user, "csrf_token": user.csrf_token if user else "", **context},
        status_code=status_code,
    )
