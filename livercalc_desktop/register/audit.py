"""The audit table: counselling categories (and urgent cases) against what became of them.

Rows are the knowledge base's categories in order, then "urgent" across categories, then
all cases; the
columns are the number of cases, how many have an outcome, and each final-diagnosis group.
A case counts once in a group if any of its fetuses' latest outcomes names the group.
Withdrawn cases are left out. Only counts leave this module: no names, no ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from livercalc_desktop.domain.schema import Choice
from livercalc_desktop.register.store import Register, Search

CASES, WITH_OUTCOME, URGENT, ALL = "cases", "with-outcome", "urgent", "all"


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One category (or the urgent row) and its counts by column id."""

    id: str
    label: str
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class AuditTable:
    """The whole table for a scan-date range (None: open-ended)."""

    scan_from: dt.date | None
    scan_to: dt.date | None
    columns: tuple[Choice, ...]
    rows: tuple[AuditRow, ...]
    register_files: tuple[Path, ...] = ()
    """The register's own files, which a saved audit page must never replace."""

    @property
    def period(self) -> str:
        start = self.scan_from.isoformat() if self.scan_from else "the first case"
        end = self.scan_to.isoformat() if self.scan_to else "the latest case"
        return f"Scans from {start} to {end}"


def audit_table(register: Register, scan_from: dt.date | None = None, scan_to: dt.date | None = None) -> AuditTable:
    """Count the register's cases by category and outcome group."""
    groups = register.outcome_reader.schema.field("diagnosis.groups")
    assert groups is not None, "the outcome schema defines diagnosis.groups"
    columns = (Choice(CASES, "Cases"), Choice(WITH_OUTCOME, "Outcome recorded"), *groups.choices)
    categories = [(c.id, c.label) for c in register.pathway.kb.categories]
    categories += [(URGENT, "Urgent (any category)"), (ALL, "All cases")]
    counts = {row_id: dict.fromkeys((c.value for c in columns), 0) for row_id, _label in categories}
    found = register.latest_outcomes()
    for revision in register.latest_revisions(Search(scan_from=scan_from, scan_to=scan_to)):
        records = found.get(revision.case_id, [])
        named = {group for record in records for group in record.diagnosis_groups}
        keys = [revision.summary.category, ALL] + ([URGENT] if revision.summary.urgent else [])
        for key in keys:
            row = counts.setdefault(key, dict.fromkeys((c.value for c in columns), 0))
            row[CASES] += 1
            row[WITH_OUTCOME] += bool(records)
            for group in named:
                row[group] += 1
    labels = dict(categories)
    rows = tuple(AuditRow(key, labels.get(key, key), row) for key, row in counts.items())
    return AuditTable(scan_from=scan_from, scan_to=scan_to, columns=columns, rows=rows, register_files=register.files)


def audit_text(table: AuditTable) -> str:
    """Render the table as fixed-width text for a terminal (columns by id, to stay narrow)."""
    header = ["Category", *(c.value for c in table.columns)]
    lines = [[row.label, *(str(row.counts[c.value]) for c in table.columns)] for row in table.rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

    def fmt(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))])

    rule = "-" * len(fmt(header))
    return "\n".join([f"Audit: {table.period}", rule, fmt(header), rule, *map(fmt, lines), rule]) + "\n"
