"""Persistence for runs and attempts over SQLite (default, WAL) or PostgreSQL.

Every finished attempt is written by the runner's writer in small batches, each its own
transaction, so a kill loses at most the batch in flight, and resume re-runs exactly those items.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
)

from shinsa.errors import InputError, RunBusyError, StoreError
from shinsa.secrets import scrubber
from shinsa.store.migrate import upgrade
from shinsa.store.schema import attempts, checklist_answers, review_verdicts, runs, turns

ATTEMPT_KEY = ("suite", "item_id", "attack_id")
_ATTEMPT_COLUMNS = tuple(c.name for c in attempts.c)
_SQLITE_UPSERT = (
    f"INSERT INTO attempts ({', '.join(_ATTEMPT_COLUMNS)}) VALUES ({', '.join('?' for _ in _ATTEMPT_COLUMNS)}) "
    f"ON CONFLICT (run_id, {', '.join(ATTEMPT_KEY)}) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ATTEMPT_COLUMNS if c not in ("run_id", *ATTEMPT_KEY))
)


BUSY_TIMEOUT_SECONDS = 10.0
"""How long a SQLite write waits for another process's lock before the run stops."""
_SCRUBBED_COLUMNS = ("response", "error", "explanation", "details")


def store_trouble(exc: DBAPIError, url: str) -> StoreError:
    """A failed write as one line naming its cause."""
    detail = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]
    lowered = detail.lower()
    if "locked" in lowered or "lock timeout" in lowered:
        cause = f"the database {url} is locked by another process (waited {BUSY_TIMEOUT_SECONDS:g}s)"
    elif "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        cause = f"the database {url} is read-only"
    elif "full" in lowered or "no space" in lowered:
        cause = f"the disk holding the database {url} is full"
    else:
        cause = f"the database {url} refused a write: {detail}"
    return StoreError(cause)


def _created_concurrently(exc: DBAPIError) -> bool:
    """Another process created the same table or type between the check and the create."""
    message = str(exc.orig).lower()
    return "already exists" in message or "duplicate key" in message


def default_db_url() -> str:
    override = os.environ.get("SHINSA_DB")
    if override:
        return override
    folder = Path(user_data_dir("shinsa"))
    return f"sqlite:///{folder / 'shinsa.db'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    cursor.close()


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except (ArgumentError, NoSuchModuleError) as exc:
        raise InputError(f"invalid database URL {url!r}: {exc}") from None
    except ModuleNotFoundError as exc:
        raise InputError(f"database URL {url!r} needs {exc.name}: pip install 'shinsa[postgres]'") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_db_url()
        self.engine = open_engine(self.url)
        self._create_schema()
        self._insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        self.sqlite_path = self._sqlite_file()
        self._inode = self.sqlite_path.stat().st_ino if self.sqlite_path is not None else None

    def _create_schema(self) -> None:
        """Bring the schema to the newest migration; two processes opening a new database at once
        both succeed."""
        for attempt in range(3):
            try:
                upgrade(self.engine)
                return
            except (OperationalError, IntegrityError, ProgrammingError) as exc:
                if attempt < 2 and _created_concurrently(exc):
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise InputError(f"cannot open database {self.safe_url}: {str(exc.orig).splitlines()[0]}") from None

    def _sqlite_file(self) -> Path | None:
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database).resolve()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a failed write into a :class:`StoreError` naming the cause; notice a SQLite file
        deleted or replaced under a running process (its writes would go nowhere)."""
        if self.sqlite_path is not None:
            try:
                inode = self.sqlite_path.stat().st_ino
            except FileNotFoundError:
                inode = None
            if inode != self._inode:
                raise StoreError(f"the database file {self.sqlite_path} was deleted or replaced while in use")
        try:
            yield
        except DBAPIError as exc:
            raise store_trouble(exc, self.safe_url) from None

    @contextmanager
    def run_lease(self, run_id: str) -> Iterator[None]:
        """Hold the right to execute ``run_id`` while the block runs: a second process on the same
        run raises :class:`RunBusyError` naming the holder. A PostgreSQL advisory lock, a lock file
        next to a SQLite database; both go with the process that holds them, even on kill -9."""
        if self.engine.dialect.name == "postgresql":
            with self._postgres_lease(run_id):
                yield
        elif self.sqlite_path is not None:
            with _file_lease(Path(f"{self.sqlite_path}.{_digest(run_id, 8).hex()}.runlock"), run_id):
                yield
        else:
            yield

    @contextmanager
    def _postgres_lease(self, run_id: str) -> Iterator[None]:
        digest = _digest(run_id, 8)
        high, low = (int.from_bytes(digest[:4], "big") >> 1, int.from_bytes(digest[4:], "big") >> 1)
        with self.engine.connect() as conn:
            conn.execute(text("SELECT set_config('application_name', :name, false)"), {"name": _holder()})
            if not conn.execute(text("SELECT pg_try_advisory_lock(:high, :low)"), {"high": high, "low": low}).scalar():
                holder = conn.execute(
                    text(
                        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :high AND l.objid = :low "
                        "AND l.objsubid = 2"
                    ),
                    {"high": high, "low": low},
                ).scalar()
                raise RunBusyError(f"run {run_id} is being executed by {holder or 'another process'}")
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:high, :low)"), {"high": high, "low": low})
                conn.commit()

    @property
    def safe_url(self) -> str:
        """The URL with any password masked, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # runs -------------------------------------------------------------------------------------
    def get_run(self, run_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(runs).where(runs.c.run_id == run_id)).mappings().first()
        if row is None:
            return None
        run = dict(row)
        run["manifest"] = json.loads(run["manifest"])
        return run

    def require_run(self, run_id: str) -> dict[str, Any]:
        run = self.get_run(run_id)
        if run is None:
            raise InputError(f"no run {run_id!r} in {self.safe_url}")
        return run

    def create_run(self, run_id: str, manifest: dict[str, Any], total: int, command: str) -> None:
        now = time.time()
        scrub = scrubber()
        with self._writing(), self.engine.begin() as conn:
            conn.execute(
                runs.insert().values(
                    run_id=run_id,
                    created_at=now,
                    updated_at=now,
                    status="running",
                    total=total,
                    manifest=scrub(json.dumps(manifest, ensure_ascii=False, sort_keys=True)),
                    command=scrub(command),
                )
            )

    def set_status(self, run_id: str, status: str, total: int | None = None) -> None:
        values: dict[str, Any] = {"status": status, "updated_at": time.time()}
        if total is not None:
            values["total"] = total
        with self._writing(), self.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.run_id == run_id).values(**values))

    def list_runs(self) -> list[dict[str, Any]]:
        counts = (
            select(attempts.c.run_id, func.count().label("attempts"))
            .group_by(attempts.c.run_id)
            .subquery()
        )
        query = (
            select(runs, func.coalesce(counts.c.attempts, 0).label("attempts"))
            .outerjoin(counts, counts.c.run_id == runs.c.run_id)
            .order_by(runs.c.created_at.desc())
        )
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        for row in rows:
            row["manifest"] = json.loads(row["manifest"])
        return rows

    # attempts ---------------------------------------------------------------------------------
    def write_attempts(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert or replace attempts in one transaction (a retried error replaces its row).

        On SQLite the rows go straight to the driver's ``executemany``: this sits on the run's
        hot path, and SQLAlchemy's per-row parameter processing would cost several times more."""
        if not rows:
            return
        rows = scrubbed(rows)
        if self.engine.dialect.name == "sqlite":
            values = [tuple(row.get(name) for name in _ATTEMPT_COLUMNS) for row in rows]
            with self._writing(), self.engine.begin() as conn:
                conn.exec_driver_sql(_SQLITE_UPSERT, values)
            return
        statement = self._insert(attempts)
        replace = {c.name: statement.excluded[c.name] for c in attempts.c if c.name not in ("run_id", *ATTEMPT_KEY)}
        statement = statement.on_conflict_do_update(index_elements=["run_id", *ATTEMPT_KEY], set_=replace)
        with self._writing(), self.engine.begin() as conn:
            conn.execute(statement, list(rows))

    def finished_keys(self, run_id: str, item_ids: Iterable[str]) -> set[tuple[str, str, str]]:
        """Keys of attempts among ``item_ids`` that need no re-run (anything but an error)."""
        ids = list(set(item_ids))
        if not ids:
            return set()
        query = select(attempts.c.suite, attempts.c.item_id, attempts.c.attack_id).where(
            attempts.c.run_id == run_id, attempts.c.item_id.in_(ids), attempts.c.outcome != "error"
        )
        with self.engine.connect() as conn:
            return {(r[0], r[1], r[2]) for r in conn.execute(query)}

    def cached_responses(self, cache_keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Earlier answers to the same (target, conversation, parameters), from any run."""
        keys = list(set(cache_keys))
        if not keys:
            return {}
        query = select(
            attempts.c.cache_key,
            attempts.c.response,
            attempts.c.prompt_tokens,
            attempts.c.completion_tokens,
            attempts.c.latency_ms,
            attempts.c.details,
        ).where(attempts.c.cache_key.in_(keys), attempts.c.outcome != "error", attempts.c.response.is_not(None))
        found: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                found.setdefault(row["cache_key"], dict(row))
        return found

    def iter_attempts(self, run_id: str, batch: int = 2000, reviewed: bool = True) -> Iterator[dict[str, Any]]:
        """All attempts of a run in a stable order, streamed. With ``reviewed`` (the default) a
        verdict people decided replaces the automatic one (see :func:`_apply_review`); only the
        review queue itself asks for the automatic verdicts."""
        query = select(attempts).where(attempts.c.run_id == run_id)
        decided = reviewed and self.reviewed_count(run_id) > 0
        if decided:
            verdict = review_verdicts.c
            query = query.add_columns(
                verdict.outcome.label("review_outcome"),
                verdict.score.label("review_score"),
                verdict.reviewer.label("review_reviewer"),
                verdict.reason.label("review_reason"),
                verdict.updated_at.label("review_at"),
            ).outerjoin(
                review_verdicts,
                (verdict.run_id == attempts.c.run_id)
                & (verdict.suite == attempts.c.suite)
                & (verdict.item_id == attempts.c.item_id)
                & (verdict.attack_id == attempts.c.attack_id)
                & verdict.outcome.is_not(None),
            )
        query = query.order_by(attempts.c.suite, attempts.c.item_id, attempts.c.attack_id).execution_options(
            yield_per=batch
        )
        scrub = scrubber()  # also hides a key stored by an older version, or learnt since
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                record = dict(row)
                for column in _SCRUBBED_COLUMNS:
                    if record[column]:
                        record[column] = scrub(record[column])
                yield _apply_review(record) if decided else record

    def reviewed_count(self, run_id: str) -> int:
        """Attempts of a run whose verdict people decided."""
        query = select(func.count()).where(review_verdicts.c.run_id == run_id, review_verdicts.c.outcome.is_not(None))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def count_attempts(self, run_id: str) -> dict[str, int]:
        query = (
            select(attempts.c.outcome, func.count())
            .where(attempts.c.run_id == run_id)
            .group_by(attempts.c.outcome)
        )
        with self.engine.connect() as conn:
            return {outcome: count for outcome, count in conn.execute(query)}

    def write_turn(self, row: dict[str, Any]) -> None:
        """Record one finished turn in its own transaction (a replayed turn replaces its row)."""
        scrub = scrubber()
        row = {name: scrub(value) if isinstance(value, str) else value for name, value in row.items()}
        statement = self._insert(turns).values(**row)
        key = ("run_id", "suite", "item_id", "attack_id", "branch", "turn_index")
        statement = statement.on_conflict_do_update(
            index_elements=list(key), set_={c.name: statement.excluded[c.name] for c in turns.c if c.name not in key}
        )
        with self._writing(), self.engine.begin() as conn:
            conn.execute(statement)

    def load_turns(self, run_id: str, suite: str, item_id: str, attack_id: str) -> list[dict[str, Any]]:
        """The stored turns of one attack, in the order they were taken."""
        query = (
            select(turns)
            .where(
                turns.c.run_id == run_id,
                turns.c.suite == suite,
                turns.c.item_id == item_id,
                turns.c.attack_id == attack_id,
            )
            .order_by(turns.c.turn_index, turns.c.created_at, turns.c.branch)
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    # checklist answers ------------------------------------------------------------------------
    def write_checklist_answers(self, run_id: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert or replace a run's checklist answers (one per question) in one transaction."""
        if not rows:
            return
        statement = self._insert(checklist_answers)
        replace = {
            c.name: statement.excluded[c.name]
            for c in checklist_answers.c
            if c.name not in ("run_id", "question_id")
        }
        statement = statement.on_conflict_do_update(index_elements=["run_id", "question_id"], set_=replace)
        with self.engine.begin() as conn:
            conn.execute(statement, [{**row, "run_id": run_id} for row in rows])

    def checklist_answers(self, run_id: str) -> list[dict[str, Any]]:
        """A run's checklist answers ordered by perspective and question."""
        query = (
            select(checklist_answers)
            .where(checklist_answers.c.run_id == run_id)
            .order_by(checklist_answers.c.perspective, checklist_answers.c.question_id)
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]


def scrubbed(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attempt rows with every known secret redacted and unstorable characters replaced in the
    text a target or scorer produced (prompts come from validated suites)."""
    scrub = scrubber()
    out = []
    for row in rows:
        clean = dict(row)
        for column in _SCRUBBED_COLUMNS:
            value = clean.get(column)
            if isinstance(value, str):
                clean[column] = scrub(value)
        out.append(clean)
    return out


def _digest(value: str, size: int) -> bytes:
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=size).digest()


def _holder() -> str:
    return f"pid {os.getpid()} on host {socket.gethostname()}"


@contextmanager
def _file_lease(path: Path, run_id: str) -> Iterator[None]:
    """An exclusive ``flock`` on ``path``, which holds who has it; removed on release. The inode
    check after locking makes removal safe: a lock taken on a file already removed is retried."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise RunBusyError(f"run {run_id} is being executed by {holder}") from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, _holder().encode())
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def _apply_review(row: dict[str, Any]) -> dict[str, Any]:
    """Put the outcome people decided in place of the automatic one; the automatic verdict, the
    reviewer and the reason go to ``details["review"]``, so exports show both."""
    outcome = row.pop("review_outcome")
    score = row.pop("review_score")
    reviewer = row.pop("review_reviewer")
    reason = row.pop("review_reason")
    reviewed_at = row.pop("review_at")
    if outcome is None:
        return row
    details = json.loads(row["details"]) if row.get("details") else {}
    details["review"] = {
        "automatic_outcome": row["outcome"],
        "automatic_score": row["score"],
        "automatic_explanation": row.get("explanation") or "",
        "reviewer": reviewer,
        "reason": reason,
        "reviewed_at": reviewed_at,
    }
    row.update(outcome=outcome, score=score, details=json.dumps(details, ensure_ascii=False), explanation=reason or reviewer)
    return row
