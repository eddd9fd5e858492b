"""First register schema: cases, revisions, outcomes.

Revision ID: r0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("case_json", sa.Text, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
        sa.Column("kb_version", sa.String(32), nullable=False),
        sa.Column("scan_date", sa.Date, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("patient_name", sa.Text, nullable=True),
        sa.Column("hospital_number", sa.Text, nullable=True),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(128), nullable=False),
        sa.Column("workstation", sa.String(255), nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_revisions_case_number"),
    )
    op.create_index("ix_revisions_category_scan", "revisions", ["category", "scan_date"])
    op.create_index("ix_revisions_scan_date", "revisions", ["scan_date"])
    op.create_index("ix_revisions_content", "revisions", ["content_sha256"])
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("fetus", sa.String(1), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("outcome_json", sa.Text, nullable=False),
        sa.Column("pregnancy_outcome", sa.String(32), nullable=False),
        sa.Column("diagnosis_groups", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(128), nullable=False),
        sa.Column("workstation", sa.String(255), nullable=False),
        sa.UniqueConstraint("case_id", "fetus", "number", name="uq_outcomes_case_fetus_number"),
    )


def downgrade() -> None:
    op.drop_table("outcomes")
    op.drop_table("revisions")
    op.drop_table("cases")
