"""Store: runs and attempts in SQLite or PostgreSQL (``store.store``); nothing is re-exported, so
only code that opens a store loads SQLAlchemy."""
