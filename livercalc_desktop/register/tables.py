"""The register's tables, as SQLAlchemy Core metadata (the schema of migration head).

``cases`` only names a case. ``revisions`` holds every save: the case JSON as given, its
assessment summary and a few columns copied out of it for searching. ``outcomes`` holds
every outcome record, one series per fetus. Rows are only ever inserted; a unique
(case, number) pair is what makes two simultaneous saves conflict instead of overwrite.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime, nullable=False),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # "saved" or "withdrawn"
    Column("reason", Text, nullable=True),  # why it was withdrawn
    Column("case_json", Text, nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("category", String(64), nullable=False),
    Column("level", String(32), nullable=False),
    Column("urgent", Boolean, nullable=False),
    Column("flags", Text, nullable=False),  # JSON list
    Column("kb_version", String(32), nullable=False),
    Column("scan_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("patient_name", Text, nullable=True),
    Column("hospital_number", Text, nullable=True),
    Column("search_text", Text, nullable=False),  # casefolded name and hospital number
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", String(128), nullable=False),
    Column("workstation", String(255), nullable=False),
    UniqueConstraint("case_id", "number", name="uq_revisions_case_number"),
    Index("ix_revisions_category_scan", "category", "scan_date"),
    Index("ix_revisions_scan_date", "scan_date"),
    Index("ix_revisions_content", "content_sha256"),
)

outcomes = Table(
    "outcomes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("fetus", String(1), nullable=False),  # "" for a singleton
    Column("number", Integer, nullable=False),
    Column("outcome_json", Text, nullable=False),
    Column("pregnancy_outcome", String(32), nullable=False),
    Column("diagnosis_groups", Text, nullable=False),  # JSON list
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", String(128), nullable=False),
    Column("workstation", String(255), nullable=False),
    UniqueConstraint("case_id", "fetus", "number", name="uq_outcomes_case_fetus_number"),
)
