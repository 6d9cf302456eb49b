"""The web workspace: users, projects, memberships, sessions, API tokens, the sign-in audit,
systems under assessment, saved run configurations and the runs filed under systems.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("is_admin", sa.Boolean, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "projects",
        sa.Column("project_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "memberships",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.project_id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "project_id", name="pk_memberships"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("session_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("token_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.user_id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("last_used_at", sa.Float),
        sa.Column("revoked_at", sa.Float),
    )
    op.create_table(
        "login_audit",
        sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("user_id", sa.Integer),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
    )
    op.create_index("ix_login_audit_username_at", "login_audit", ["username", "at"])
    op.create_index("ix_login_audit_client_at", "login_audit", ["client", "at"])
    op.create_table(
        "project_systems",
        sa.Column("system_id", sa.String(100), primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.project_id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "run_configs",
        sa.Column("config_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "system_id", sa.String(100), sa.ForeignKey("project_systems.system_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("parameters", sa.Text, nullable=False),
        sa.Column("created_by", sa.Integer),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "project_runs",
        sa.Column("run_id", sa.String(100), primary_key=True),
        sa.Column(
            "system_id", sa.String(100), sa.ForeignKey("project_systems.system_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("config_id", sa.Integer),
        sa.Column("started_by", sa.Integer),
        sa.Column("job_state", sa.String(20), nullable=False),
        sa.Column("progress", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_project_runs_system", "project_runs", ["system_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_project_runs_system", "project_runs")
    op.drop_index("ix_login_audit_client_at", "login_audit")
    op.drop_index("ix_login_audit_username_at", "login_audit")
    for table in ("project_runs", "run_configs", "project_systems", "login_audit", "api_tokens", "web_sessions",
                  "memberships", "projects", "users"):
        op.drop_table(table)
