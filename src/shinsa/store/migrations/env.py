"""Alembic's environment: migrations run on the connection ``store.migrate`` passes in (or, for a
developer's ``alembic`` command, on ``sqlalchemy.url``), against the tables of ``store.schema``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from shinsa.store.schema import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as own:
            context.configure(connection=own, target_metadata=metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
