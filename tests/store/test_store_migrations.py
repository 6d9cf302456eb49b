"""Alembic migrations: a database written before migrations existed (no ``alembic_version``)
upgrades in place with its data; a fresh one reaches the newest revision; and the migrated schema
is exactly the tables of ``store/schema.py``, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, inspect

from shinsa.store.migrate import MIGRATIONS, current_revision, head_revision
from shinsa.store.schema import metadata
from shinsa.store.store import Store

RELEASED_TABLES = (
    "runs", "attempts", "checklist_answers", "turns", "gov_systems", "gov_evidence", "gov_spot_checks", "gov_decisions",
)
"""The tables of the release before migrations, which created them with ``metadata.create_all``."""


def released_database(url: str) -> None:
    """A database as the release before migrations wrote it: its tables, a run, no alembic_version."""
    engine = create_engine(url)
    old = MetaData()
    for name in RELEASED_TABLES:
        metadata.tables[name].to_metadata(old)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            old.tables["runs"].insert().values(
                run_id="before", created_at=1.0, updated_at=1.0, status="finished", total=2, manifest="{}", command="shinsa run"
            )
        )
    engine.dispose()


def assert_matches_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


@pytest.fixture(params=["sqlite", "postgres"])
def any_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("postgres_url"))


def test_a_released_database_upgrades_in_place(any_url: str) -> None:
    released_database(any_url)
    assert "alembic_version" not in inspect(create_engine(any_url)).get_table_names()
    store = Store(any_url)
    assert store.require_run("before")["status"] == "finished"
    assert_matches_schema(store)
    store.close()


def test_a_fresh_database_has_the_schema(any_url: str) -> None:
    store = Store(any_url)
    assert_matches_schema(store)
    store.create_run("new", {}, 1, "shinsa run")
    store.close()
    assert Store(any_url).require_run("new")["total"] == 1  # reopening finds nothing to do and keeps data


def test_head_from_file_names_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == head_revision()
    assert len(script.get_heads()) == 1, "migrations must stay a straight line"
