"""Store: runs and attempts in SQLite or PostgreSQL."""

from shinsa.store.store import Store, default_db_url

__all__ = ["Store", "default_db_url"]
