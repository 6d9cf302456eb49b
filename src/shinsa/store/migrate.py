"""Bring a database to the newest schema revision (Alembic, environment in ``store/migrations``).

:class:`~shinsa.store.store.Store` calls :func:`upgrade` on opening, so every command, worker and
web server works on the current schema, and a database written before migrations existed (no
``alembic_version`` table) is upgraded in place: revision 0001 creates only the tables it lacks."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")
_LOCK_KEY = 0x5348494E  # "SHIN": one migrating process at a time on PostgreSQL


@cache
def head_revision() -> str:
    """The newest revision, from the file names (``NNNN_name.py``), without loading Alembic: the
    common case, an up-to-date database, costs one query."""
    numbers = [m.group(1) for p in (MIGRATIONS / "versions").iterdir() if (m := _REVISION_FILE.match(p.name))]
    return max(numbers)


def current_revision(conn: Connection) -> str | None:
    """The database's revision (None before migrations), read without importing Alembic."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` (default: the newest), if needed."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        current = current_revision(conn)
        if current == (head_revision() if revision == "head" else revision):
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
