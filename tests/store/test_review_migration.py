"""Revision 0003 creates the review tables exactly as ``store/schema.py`` defines them."""

from __future__ import annotations

import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from shinsa.store.schema import metadata
from shinsa.store.store import Store

REVIEW_TABLES = {
    "review_verdicts", "review_decisions", "review_audit", "review_settings", "review_queue",
    "review_queue_runs", "evidence_files", "checklist_evidence", "checklist_signoffs",
}


def _table_of(diff: object) -> str | None:
    """The table an Alembic difference is about (a tuple, or a list of tuples for modifications)."""
    for part in diff if isinstance(diff, list) else [diff]:
        for value in part if isinstance(part, tuple) else ():
            name = getattr(value, "name", None) if not isinstance(value, str) else None
            table = getattr(value, "table", None)
            if table is not None and getattr(table, "name", None):
                return str(table.name)
            if name in REVIEW_TABLES:
                return str(name)
        if isinstance(part, tuple) and len(part) > 2 and isinstance(part[2], str):
            return part[2]
    return None


def _check(url: str) -> None:
    store = Store(url)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == "0003"
        diffs = [d for d in compare_metadata(context, metadata) if _table_of(d) in REVIEW_TABLES]
    assert diffs == []


def test_review_tables_match_the_schema_on_sqlite(sqlite_url: str) -> None:
    _check(sqlite_url)


def test_review_tables_match_the_schema_on_postgres(postgres_url: str) -> None:
    _check(postgres_url)


def test_a_database_at_the_workspace_revision_upgrades(sqlite_url: str) -> None:
    from shinsa.store.migrate import upgrade
    from shinsa.store.store import open_engine

    engine = open_engine(sqlite_url)
    upgrade(engine, "0002")
    engine.dispose()
    assert not REVIEW_TABLES & set(sqlalchemy.inspect(open_engine(sqlite_url)).get_table_names())
    _check(sqlite_url)
