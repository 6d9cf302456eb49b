"""Run: drive suites through a target, score, and store every finished attempt.

Nothing is re-exported here: importing a module of this package (``run.retry``) must not load
the engine and SQLAlchemy with it.
"""
