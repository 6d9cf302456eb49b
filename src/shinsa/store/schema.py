"""Database tables (SQLAlchemy Core). One row per attempt: item × attack in a run."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("run_id", String(100), primary_key=True),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("status", String(20), nullable=False),
    Column("total", Integer, nullable=False, default=0),
    Column("manifest", Text, nullable=False),
    Column("command", Text, nullable=False, default=""),
)

attempts = Table(
    "attempts",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("suite", String(200), nullable=False),
    Column("item_id", String(200), nullable=False),
    Column("attack_id", String(300), nullable=False, default=""),
    Column("perspective", Integer, nullable=False),
    Column("language", String(8), nullable=False),
    Column("benign", Boolean, nullable=False),
    Column("expected", String(40), nullable=False),
    Column("pair_id", String(200)),
    Column("group_id", String(200)),
    Column("prompt", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("response", Text),
    Column("outcome", String(20), nullable=False),
    Column("score", Float),
    Column("scorer", String(100), nullable=False),
    Column("explanation", Text),
    Column("details", Text),
    Column("error", Text),
    Column("latency_ms", Float),
    Column("prompt_tokens", Integer),
    Column("completion_tokens", Integer),
    Column("retries", Integer, nullable=False, default=0),
    Column("cached", Boolean, nullable=False, default=False),
    Column("cache_key", String(64), nullable=False),
    Column("finished_at", Float, nullable=False),
    PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", name="pk_attempts"),
)

checklist_answers = Table(
    "checklist_answers",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("perspective", Integer, nullable=False),
    Column("answer", String(40), nullable=False),
    Column("evidence", Text, nullable=False, default=""),
    Column("assessor", String(200), nullable=False, default=""),
    Column("answered_at", String(40), nullable=False, default=""),
    PrimaryKeyConstraint("run_id", "question_id", name="pk_checklist_answers"),
)
"""Qualitative (checklist) answers given by a human assessor for a run; one per question."""

Index("ix_attempts_cache_key", attempts.c.cache_key)
Index("ix_attempts_run_outcome", attempts.c.run_id, attempts.c.outcome)

turns = Table(
    "turns",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("suite", String(200), nullable=False),
    Column("item_id", String(200), nullable=False),
    Column("attack_id", String(300), nullable=False),
    Column("strategy", String(40), nullable=False),
    Column("branch", String(200), nullable=False, default=""),
    Column("turn_index", Integer, nullable=False),
    Column("attacker_prompt", Text, nullable=False),
    Column("target_response", Text),
    Column("score", Float),
    Column("outcome", String(20), nullable=False),
    Column("explanation", Text),
    Column("tokens", Integer, nullable=False, default=0),
    Column("seconds", Float, nullable=False, default=0.0),
    Column("created_at", Float, nullable=False),
    PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", "branch", "turn_index", name="pk_turns"),
)
"""One row per turn of a multi-turn attack, written as soon as the turn finishes, so a killed
attack resumes at its last finished turn."""
