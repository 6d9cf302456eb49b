"""Database tables (SQLAlchemy Core). One row per attempt: item × attack in a run."""

from __future__ import annotations

from typing import Any

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
from sqlalchemy.types import TypeEngine

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

# --- government lifecycle (shinsa.gov): systems, verified evidence, spot-checks, decisions -------

def _required(name: str, kind: TypeEngine[Any] | type[TypeEngine[Any]]) -> Column[Any]:
    return Column(name, kind, nullable=False)


def _gov_id(name: str) -> Column[Any]:
    """A system id or version, run id or signer name."""
    return _required(name, String(100))


def _gov_hash(name: str) -> Column[Any]:
    """A content hash (``sha256:…``) or a decision id."""
    return _required(name, String(80))


def _gov_time(name: str) -> Column[Any]:
    return _required(name, Float)


def _gov_document(name: str) -> Column[Any]:
    """A JSON document."""
    return _required(name, Text)


gov_systems = Table(
    "gov_systems",
    metadata,
    _gov_id("system_id"),
    _gov_id("version"),
    _gov_time("created_at"),
    _gov_document("intake"),
    _required("risk_level", String(20)),
    _gov_document("triage"),
    _gov_document("profile"),
    PrimaryKeyConstraint("system_id", "version", name="pk_gov_systems"),
)
"""One row per version of a system under assessment: its intake, triage and the assessment
profile chosen for it (the profile's full text, so the plan stays reproducible)."""

gov_evidence = Table(
    "gov_evidence",
    metadata,
    Column("bundle_hash", String(80), primary_key=True),
    _gov_id("system_id"),
    _gov_id("system_version"),
    _gov_time("verified_at"),
    _gov_id("signer"),
    _gov_document("summary"),
)
"""An evidence bundle whose signature and hashes were verified, with the gate results it shows."""

gov_spot_checks = Table(
    "gov_spot_checks",
    metadata,
    _gov_hash("bundle_hash"),
    _gov_id("run_id"),
    _gov_time("checked_at"),
    _required("passed", Boolean),
    _gov_document("result"),
    PrimaryKeyConstraint("bundle_hash", "run_id", name="pk_gov_spot_checks"),
)
"""A reproducibility spot-check of a bundle: a seeded sample re-run against the same endpoint."""

gov_decisions = Table(
    "gov_decisions",
    metadata,
    Column("decision_id", String(80), primary_key=True),
    _gov_id("system_id"),
    _gov_id("system_version"),
    _gov_time("created_at"),
    _gov_document("record"),
    Column("signature", Text),
    Column("signer", String(100)),
    Column("public_key", Text),
    Column("signed_at", Float),
    Column("superseded_by", String(80)),
)
"""A go / go-with-conditions / no-go decision. ``record`` never changes once written; signing adds
the signature, and a later signed decision for the same system fills ``superseded_by``."""
