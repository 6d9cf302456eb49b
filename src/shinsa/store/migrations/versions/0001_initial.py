"""The schema as released before migrations: runs, attempts, turns, checklist answers and the
government lifecycle's tables. A table that already exists is left alone, so a database written
by that release (which has no ``alembic_version``) is brought under migrations in place.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("runs"):
        op.create_table(
            "runs",
            sa.Column("run_id", sa.String(100), primary_key=True),
            sa.Column("created_at", sa.Float, nullable=False),
            sa.Column("updated_at", sa.Float, nullable=False),
            sa.Column("status", sa.String(20), nullable=False),
            sa.Column("total", sa.Integer, nullable=False),
            sa.Column("manifest", sa.Text, nullable=False),
            sa.Column("command", sa.Text, nullable=False),
        )
    if _missing("attempts"):
        op.create_table(
            "attempts",
            sa.Column("run_id", sa.String(100), nullable=False),
            sa.Column("suite", sa.String(200), nullable=False),
            sa.Column("item_id", sa.String(200), nullable=False),
            sa.Column("attack_id", sa.String(300), nullable=False),
            sa.Column("perspective", sa.Integer, nullable=False),
            sa.Column("language", sa.String(8), nullable=False),
            sa.Column("benign", sa.Boolean, nullable=False),
            sa.Column("expected", sa.String(40), nullable=False),
            sa.Column("pair_id", sa.String(200)),
            sa.Column("group_id", sa.String(200)),
            sa.Column("prompt", sa.Text, nullable=False),
            sa.Column("item", sa.Text, nullable=False),
            sa.Column("response", sa.Text),
            sa.Column("outcome", sa.String(20), nullable=False),
            sa.Column("score", sa.Float),
            sa.Column("scorer", sa.String(100), nullable=False),
            sa.Column("explanation", sa.Text),
            sa.Column("details", sa.Text),
            sa.Column("error", sa.Text),
            sa.Column("latency_ms", sa.Float),
            sa.Column("prompt_tokens", sa.Integer),
            sa.Column("completion_tokens", sa.Integer),
            sa.Column("retries", sa.Integer, nullable=False),
            sa.Column("cached", sa.Boolean, nullable=False),
            sa.Column("cache_key", sa.String(64), nullable=False),
            sa.Column("finished_at", sa.Float, nullable=False),
            sa.PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", name="pk_attempts"),
        )
        op.create_index("ix_attempts_cache_key", "attempts", ["cache_key"])
        op.create_index("ix_attempts_run_outcome", "attempts", ["run_id", "outcome"])
    if _missing("checklist_answers"):
        op.create_table(
            "checklist_answers",
            sa.Column("run_id", sa.String(100), nullable=False),
            sa.Column("question_id", sa.String(200), nullable=False),
            sa.Column("perspective", sa.Integer, nullable=False),
            sa.Column("answer", sa.String(40), nullable=False),
            sa.Column("evidence", sa.Text, nullable=False),
            sa.Column("assessor", sa.String(200), nullable=False),
            sa.Column("answered_at", sa.String(40), nullable=False),
            sa.PrimaryKeyConstraint("run_id", "question_id", name="pk_checklist_answers"),
        )
    if _missing("turns"):
        op.create_table(
            "turns",
            sa.Column("run_id", sa.String(100), nullable=False),
            sa.Column("suite", sa.String(200), nullable=False),
            sa.Column("item_id", sa.String(200), nullable=False),
            sa.Column("attack_id", sa.String(300), nullable=False),
            sa.Column("strategy", sa.String(40), nullable=False),
            sa.Column("branch", sa.String(200), nullable=False),
            sa.Column("turn_index", sa.Integer, nullable=False),
            sa.Column("attacker_prompt", sa.Text, nullable=False),
            sa.Column("target_response", sa.Text),
            sa.Column("score", sa.Float),
            sa.Column("outcome", sa.String(20), nullable=False),
            sa.Column("explanation", sa.Text),
            sa.Column("tokens", sa.Integer, nullable=False),
            sa.Column("seconds", sa.Float, nullable=False),
            sa.Column("created_at", sa.Float, nullable=False),
            sa.PrimaryKeyConstraint("run_id", "suite", "item_id", "attack_id", "branch", "turn_index", name="pk_turns"),
        )
    if _missing("gov_systems"):
        op.create_table(
            "gov_systems",
            sa.Column("system_id", sa.String(100), nullable=False),
            sa.Column("version", sa.String(100), nullable=False),
            sa.Column("created_at", sa.Float, nullable=False),
            sa.Column("intake", sa.Text, nullable=False),
            sa.Column("risk_level", sa.String(20), nullable=False),
            sa.Column("triage", sa.Text, nullable=False),
            sa.Column("profile", sa.Text, nullable=False),
            sa.PrimaryKeyConstraint("system_id", "version", name="pk_gov_systems"),
        )
    if _missing("gov_evidence"):
        op.create_table(
            "gov_evidence",
            sa.Column("bundle_hash", sa.String(80), primary_key=True),
            sa.Column("system_id", sa.String(100), nullable=False),
            sa.Column("system_version", sa.String(100), nullable=False),
            sa.Column("verified_at", sa.Float, nullable=False),
            sa.Column("signer", sa.String(100), nullable=False),
            sa.Column("summary", sa.Text, nullable=False),
        )
    if _missing("gov_spot_checks"):
        op.create_table(
            "gov_spot_checks",
            sa.Column("bundle_hash", sa.String(80), nullable=False),
            sa.Column("run_id", sa.String(100), nullable=False),
            sa.Column("checked_at", sa.Float, nullable=False),
            sa.Column("passed", sa.Boolean, nullable=False),
            sa.Column("result", sa.Text, nullable=False),
            sa.PrimaryKeyConstraint("bundle_hash", "run_id", name="pk_gov_spot_checks"),
        )
    if _missing("gov_decisions"):
        op.create_table(
            "gov_decisions",
            sa.Column("decision_id", sa.String(80), primary_key=True),
            sa.Column("system_id", sa.String(100), nullable=False),
            sa.Column("system_version", sa.String(100), nullable=False),
            sa.Column("created_at", sa.Float, nullable=False),
            sa.Column("record", sa.Text, nullable=False),
            sa.Column("signature", sa.Text),
            sa.Column("signer", sa.String(100)),
            sa.Column("public_key", sa.Text),
            sa.Column("signed_at", sa.Float),
            sa.Column("superseded_by", sa.String(80)),
        )


def downgrade() -> None:
    for table in ("gov_decisions", "gov_spot_checks", "gov_evidence", "gov_systems", "turns", "checklist_answers", "attempts", "runs"):
        op.drop_table(table)
