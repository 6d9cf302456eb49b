"""Human review of verdicts and checklist evidence: decisions (append-only), the current review
state per attempt, the review audit log, per-run review settings, the review queue, evidence
files by content hash, their attachment to checklist answers, and checklist sign-off.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ATTEMPT_KEY = ("run_id", "suite", "item_id", "attack_id")


def _attempt_key() -> list[sa.Column[str]]:
    return [
        sa.Column("run_id", sa.String(100), nullable=False),
        sa.Column("suite", sa.String(200), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("attack_id", sa.String(300), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "review_verdicts",
        *_attempt_key(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("automatic_outcome", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("score", sa.Float),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint(*_ATTEMPT_KEY, name="pk_review_verdicts"),
    )
    op.create_index("ix_review_verdicts_run_state", "review_verdicts", ["run_id", "state"])
    op.create_table(
        "review_decisions",
        sa.Column("decision_id", sa.Integer, primary_key=True, autoincrement=True),
        *_attempt_key(),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("outcome_before", sa.String(20), nullable=False),
        sa.Column("outcome_after", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_review_decisions_attempt", "review_decisions", list(_ATTEMPT_KEY))
    op.create_table(
        "review_audit",
        sa.Column("audit_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("run_id", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(800), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_review_audit_run", "review_audit", ["run_id", "created_at"])
    op.create_table(
        "review_settings",
        sa.Column("run_id", sa.String(100), primary_key=True),
        sa.Column("double_review", sa.Boolean, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "review_queue",
        *_attempt_key(),
        sa.Column("tier", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("open", sa.Boolean, nullable=False),
        sa.Column("first_reviewer", sa.String(200)),
        sa.PrimaryKeyConstraint(*_ATTEMPT_KEY, name="pk_review_queue"),
    )
    op.create_index(
        "ix_review_queue_order",
        "review_queue",
        ["run_id", "open", "tier", "confidence", "suite", "item_id", "attack_id"],
    )
    op.create_table(
        "review_queue_runs",
        sa.Column("run_id", sa.String(100), primary_key=True),
        sa.Column("run_updated_at", sa.Float, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("queued", sa.Integer, nullable=False),
    )
    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "checklist_evidence",
        sa.Column("run_id", sa.String(100), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(300), nullable=False),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
        sa.Column("uploaded_at", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "question_id", "sha256", name="pk_checklist_evidence"),
    )
    op.create_table(
        "checklist_signoffs",
        sa.Column("run_id", sa.String(100), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reviewed_at", sa.Float),
        sa.Column("approver", sa.String(200), nullable=False),
        sa.Column("approved_at", sa.Float),
        sa.PrimaryKeyConstraint("run_id", "question_id", name="pk_checklist_signoffs"),
    )


def downgrade() -> None:
    for table in (
        "checklist_signoffs",
        "checklist_evidence",
        "evidence_files",
        "review_queue_runs",
        "review_queue",
        "review_settings",
        "review_audit",
        "review_decisions",
        "review_verdicts",
    ):
        op.drop_table(table)
