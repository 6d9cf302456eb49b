"""Database tables (SQLAlchemy Core). One row per attempt: item × attack in a run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
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

# --- the web workspace (shinsa.web): accounts, projects, systems, saved configurations, jobs -----

users = Table(
    "users",
    metadata,
    Column("user_id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", Float, nullable=False),
)
"""A person who signs in. ``password_hash`` is an argon2id hash; the password is never stored."""

projects = Table(
    "projects",
    metadata,
    Column("project_id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
)
"""A unit of access (one per ministry or vendor): a user sees only their projects' systems and runs."""

memberships = Table(
    "memberships",
    metadata,
    Column("user_id", Integer, ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
    Column("project_id", Integer, ForeignKey("projects.project_id", ondelete="CASCADE"), nullable=False),
    Column("role", String(20), nullable=False),
    PrimaryKeyConstraint("user_id", "project_id", name="pk_memberships"),
)
"""A user's role (assessor, reviewer, viewer) in one project; admins see every project."""

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("session_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
)
"""A signed-in browser. Only the SHA-256 of the cookie's value is kept, so a copy of the database
does not let anyone in."""

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
    Column("last_used_at", Float),
    Column("revoked_at", Float),
)
"""A token for CI, acting as its user; stored as its SHA-256 (it is random, so no slow hash is needed)."""

login_audit = Table(
    "login_audit",
    metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("username", String(100), nullable=False),
    Column("user_id", Integer),
    Column("client", String(100), nullable=False, default=""),
    Column("event", String(20), nullable=False),
)
"""Every sign-in, failed sign-in, refused (throttled) sign-in and sign-out; also what throttling counts."""

Index("ix_login_audit_username_at", login_audit.c.username, login_audit.c.at)
Index("ix_login_audit_client_at", login_audit.c.client, login_audit.c.at)

project_systems = Table(
    "project_systems",
    metadata,
    Column("system_id", String(100), primary_key=True),
    Column("project_id", Integer, ForeignKey("projects.project_id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("created_at", Float, nullable=False),
)
"""A system under assessment and the project it belongs to (the same ``system_id`` as ``gov_systems``)."""

run_configs = Table(
    "run_configs",
    metadata,
    Column("config_id", Integer, primary_key=True, autoincrement=True),
    Column("system_id", String(100), ForeignKey("project_systems.system_id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("parameters", Text, nullable=False),
    Column("created_by", Integer),
    Column("created_at", Float, nullable=False),
)
"""A saved run configuration (JSON): suites, target, judge, limits; secrets by variable name only."""

project_runs = Table(
    "project_runs",
    metadata,
    Column("run_id", String(100), primary_key=True),
    Column("system_id", String(100), ForeignKey("project_systems.system_id", ondelete="CASCADE"), nullable=False),
    Column("config_id", Integer),
    Column("started_by", Integer),
    Column("job_state", String(20), nullable=False),
    Column("progress", Text, nullable=False, default="{}"),
    Column("message", Text, nullable=False, default=""),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)
"""Which system (and so which project) a run assesses, and the state of the job running it:
queued, running, finished, failed, interrupted, or attached (a CLI run filed under a system).
``progress`` holds the live counters the run page streams."""

Index("ix_project_runs_system", project_runs.c.system_id, project_runs.c.created_at)

# --- human review of verdicts (shinsa.review) ---------------------------------------------------

review_verdicts = Table(
    "review_verdicts",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("suite", String(200), nullable=False),
    Column("item_id", String(200), nullable=False),
    Column("attack_id", String(300), nullable=False),
    Column("version", Integer, nullable=False),
    Column("state", String(20), nullable=False),
    Column("automatic_outcome", String(20), nullable=False),
    Column("outcome", String(20)),
    Column("score", Float),
    Column("reviewer", String(200), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("updated_at", Float, nullable=False),
    PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", name="pk_review_verdicts"),
)
"""The current review state of one attempt (``decided``, ``awaiting_second``, ``conflict``) and, once
decided, the outcome people gave it, which replaces the automatic one everywhere. ``version`` grows
with every decision: a save names the version it saw, so two reviewers never overwrite each other."""

Index("ix_review_verdicts_run_state", review_verdicts.c.run_id, review_verdicts.c.state)

review_decisions = Table(
    "review_decisions",
    metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(100), nullable=False),
    Column("suite", String(200), nullable=False),
    Column("item_id", String(200), nullable=False),
    Column("attack_id", String(300), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("outcome_before", String(20), nullable=False),
    Column("outcome_after", String(20), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
)
"""Every decision a person made (append-only): who, in which role (``first``, ``second``,
``adjudicator``), the outcome before and after, why and when."""

Index(
    "ix_review_decisions_attempt",
    review_decisions.c.run_id,
    review_decisions.c.suite,
    review_decisions.c.item_id,
    review_decisions.c.attack_id,
)

review_audit = Table(
    "review_audit",
    metadata,
    Column("audit_id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Float, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("run_id", String(100), nullable=False, default=""),
    Column("subject", String(800), nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),
)
"""Append-only log of everything done in review: decisions, refused saves (conflicts), settings,
exports, checklist answers and evidence uploads."""

Index("ix_review_audit_run", review_audit.c.run_id, review_audit.c.created_at)

review_settings = Table(
    "review_settings",
    metadata,
    Column("run_id", String(100), primary_key=True),
    Column("double_review", Boolean, nullable=False, default=False),
    Column("updated_by", String(200), nullable=False),
    Column("updated_at", Float, nullable=False),
)
"""Per run: whether every verdict needs two blind reviewers (conflicts go to an adjudicator)."""

review_queue = Table(
    "review_queue",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("suite", String(200), nullable=False),
    Column("item_id", String(200), nullable=False),
    Column("attack_id", String(300), nullable=False),
    Column("tier", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("open", Boolean, nullable=False),
    Column("first_reviewer", String(200)),
    PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", name="pk_review_queue"),
)
"""Each reviewable attempt's place in the review queue (derived from ``attempts``, rebuilt when the
run changes): ``tier`` says why a person should look (see ``shinsa.review.queue``), lower first;
``open`` while nobody decided it (or it awaits the second of a double review, then
``first_reviewer`` says who must not review it again). Kept in step by every decision, so a page of
open attempts is one range of the index."""

Index(
    "ix_review_queue_order",
    review_queue.c.run_id,
    review_queue.c.open,
    review_queue.c.tier,
    review_queue.c.confidence,
    review_queue.c.suite,
    review_queue.c.item_id,
    review_queue.c.attack_id,
)

review_queue_runs = Table(
    "review_queue_runs",
    metadata,
    Column("run_id", String(100), primary_key=True),
    Column("run_updated_at", Float, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("queued", Integer, nullable=False),
)
"""Which state of a run ``review_queue`` was built from, so it is rebuilt only when the run changed."""

evidence_files = Table(
    "evidence_files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", Float, nullable=False),
)
"""Evidence files for checklist answers, stored once by content hash (size- and type-checked)."""

checklist_evidence = Table(
    "checklist_evidence",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("uploaded_by", String(200), nullable=False),
    Column("uploaded_at", Float, nullable=False),
    PrimaryKeyConstraint("run_id", "question_id", "sha256", name="pk_checklist_evidence"),
)
"""Which evidence files back which checklist answer of a run."""

checklist_signoffs = Table(
    "checklist_signoffs",
    metadata,
    Column("run_id", String(100), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("reviewer", String(200), nullable=False, default=""),
    Column("reviewed_at", Float),
    Column("approver", String(200), nullable=False, default=""),
    Column("approved_at", Float),
    PrimaryKeyConstraint("run_id", "question_id", name="pk_checklist_signoffs"),
)
"""Who reviewed and who approved a checklist answer (the answer itself is in ``checklist_answers``)."""
