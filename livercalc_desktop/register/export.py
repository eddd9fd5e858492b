"""Exports for research and regional registers: de-identified CSV and REDCap files.

Columns come from the case and outcome schemas, so a new field is exported without new
code, under these rules: free text and identifiers are left out, the scan date becomes its
year, every other date becomes days after the scan, and withdrawn cases are left out.
Records are numbered 1..N in the file, never by register id. The identified export keeps
everything and is only written when asked for by name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.schema import CaseSchema, Choice, FieldSpec, FieldType
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.register.errors import RegisterInputError
from livercalc_desktop.register.store import OutcomeRecord, Register, Revision, Search

DEIDENTIFIED_CSV = "livercalc-register-deidentified.csv"
IDENTIFIED_CSV = "livercalc-register-IDENTIFIED.csv"
REDCAP_DICTIONARY = "livercalc-redcap-data-dictionary.csv"
REDCAP_RECORDS = "livercalc-redcap-records.csv"
REDCAP_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
_ABBREVIATIONS = {
    "gestational_age": "ga",
    "findings": "fnd",
    "extrahepatic": "exhep",
    "calcification": "calc",
    "history": "hx",
    "screening": "scr",
    "pregnancy": "preg",
    "diagnosis": "dx",
    "results": "res",
    "infection": "inf",
    "ultrasound": "us",
    "maternal": "mat",
    "change_from_prior": "change",
    "counselling": "couns",
    "specialist_referral": "referral",
    "amniocentesis": "amnio",
    "carrier_testing": "carrier",
    "delivery_planning": "delivery",
    "neonatal": "neo",
    "anatomy_survey": "survey",
    "fetal_medicine_review": "fm_review",
}
MAX_NAME = 26  # REDCap's recommended limit for variable names


def variable_name(path: str) -> str:
    """Turn a field path into a REDCap-safe variable name (lower case, digits, underscores)."""
    name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_")
    for long, short in _ABBREVIATIONS.items():
        name = name.replace(long, short)
    return name[:MAX_NAME].rstrip("_")


@dataclass(frozen=True, slots=True)
class Row:
    """What one exported line is made of: a case revision and (maybe) one fetus's outcome."""

    revision: Revision
    case: Case
    outcome: Case | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """One exported variable and how to read it from a row (None: blank)."""

    name: str
    form: str
    label: str
    kind: str  # text | integer | number | yesno | radio | checkbox
    read: Callable[[Row], object]
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    section: str = ""


def _days_after_scan(row: Row, value: object) -> int | None:
    date = parse_date(value) if isinstance(value, str) else None
    return (date - row.revision.scan_date).days if date else None


_KINDS = {
    FieldType.INT: "integer",
    FieldType.NUMBER: "number",
    FieldType.BOOL: "yesno",
    FieldType.CHOICE: "radio",
    FieldType.CHOICES: "checkbox",
}


def _field_columns(
    schema: CaseSchema, form: str, pick: Callable[[Row], Case | None], identified: bool
) -> Iterator[Column]:
    """Yield the columns of one schema's fields, under the export rules in the module docstring."""
    section_of = {g.id: g.label for g in schema.groups}
    started: set[str] = set()  # a section header goes on the first field of its group only
    for spec in schema.fields:

        def value(row: Row, spec: FieldSpec = spec) -> object:
            source = pick(row)
            return source.get(spec.path) if source is not None else None

        name = variable_name(spec.path)
        section = "" if spec.group in started else section_of.get(spec.group, "")
        started.add(spec.group)
        if spec.type in (FieldType.TEXT, FieldType.LANGUAGE) or (spec.type is FieldType.DATE and identified):
            if identified:
                yield Column(name=name, form=form, label=spec.label, kind="text", read=value, section=section)
        elif spec.path == "exam.date":
            yield Column(
                name="scan_year",
                form=form,
                label="Year of the scan",
                kind="integer",
                read=lambda row: row.revision.scan_date.year,
                section=section,
            )
        elif spec.type is FieldType.DATE:

            def days(row: Row, value: Callable[[Row], object] = value) -> object:
                return _days_after_scan(row, value(row))

            yield Column(
                name=f"{name}_days"[:MAX_NAME],
                form=form,
                label=f"{spec.label}: days after the scan",
                kind="integer",
                read=days,
                section=section,
            )
        elif spec.type is FieldType.SIZES:
            for index in range(spec.max_items or 3):

                def size(row: Row, value: Callable[[Row], object] = value, index: int = index) -> object:
                    sizes = value(row)
                    return sizes[index] if isinstance(sizes, tuple) and index < len(sizes) else None

                yield Column(
                    name=f"{name}_{index + 1}",
                    form=form,
                    label=f"{spec.label} ({index + 1})",
                    kind="number",
                    read=size,
                    minimum=spec.minimum,
                    maximum=spec.maximum,
                    section=section if index == 0 else "",
                )
        else:
            yield Column(
                name=name,
                form=form,
                label=spec.label,
                kind=_KINDS[spec.type],
                read=value,
                choices=spec.choices,
                minimum=spec.minimum,
                maximum=spec.maximum,
                section=section,
            )
        section = ""


def columns(register: Register, identified: bool = False) -> list[Column]:
    """Every exported column, in order: record, case, workup, assessment, outcome."""
    pathway, kb = register.pathway, register.pathway.kb
    result = [Column(name="record_id", form="case", label="Record ID", kind="text", read=lambda _row: None)]
    if identified:
        result.append(
            Column(
                name="register_case_id",
                form="case",
                label="Register case id",
                kind="integer",
                read=lambda row: row.revision.case_id,
            )
        )
    result += _field_columns(pathway.schema, "case", lambda row: row.case, identified)
    statuses = pathway.schema.workup_statuses
    for item in kb.checklist:
        base = variable_name(f"wu_{item.id}")

        def status(row: Row, item_id: str = item.id) -> object:
            return row.case.status_of(item_id)

        def when(row: Row, item_id: str = item.id) -> object:
            entry = row.case.workup.get(item_id)
            if entry is None or entry.date is None:
                return None
            return entry.date if identified else _days_after_scan(row, entry.date)

        result.append(
            Column(
                name=base,
                form="case",
                label=item.label,
                kind="radio",
                read=status,
                choices=statuses,
                section="Workup" if item is kb.checklist[0] else "",
            )
        )
        result.append(
            Column(
                name=f"{base}_date" if identified else f"{base}_days"[:MAX_NAME],
                form="case",
                label=f"{item.label}: {'date' if identified else 'days after the scan'}",
                kind="text" if identified else "integer",
                read=when,
            )
        )
    summary = register.pathway.kb
    result += [
        Column(
            name="category",
            form="case",
            label="Counselling category",
            kind="radio",
            read=lambda row: row.revision.summary.category,
            section="Assessment",
            choices=tuple(Choice(c.id, c.label) for c in summary.categories),
        ),
        Column(
            name="level",
            form="case",
            label="Level of concern",
            kind="radio",
            read=lambda row: row.revision.summary.level,
            choices=tuple(Choice(v, v.capitalize()) for v in ("high", "moderate", "low", "unknown")),
        ),
        Column(name="urgent", form="case", label="Urgent", kind="yesno", read=lambda row: row.revision.summary.urgent),
        Column(
            name="flags",
            form="case",
            label="Flags",
            kind="checkbox",
            read=lambda row: row.revision.summary.flags,
            choices=tuple(Choice(f.id, f.label) for f in summary.flags),
        ),
        Column(
            name="kb_version",
            form="case",
            label="Knowledge base version",
            kind="text",
            read=lambda row: row.revision.summary.kb_version,
        ),
    ]
    result += _field_columns(register.outcome_reader.schema, "outcome", lambda row: row.outcome, identified)
    names = [c.name for c in result]
    assert len(set(names)) == len(names), "export column names must be unique"
    return result


def export_rows(register: Register, scan_from: dt.date | None = None, scan_to: dt.date | None = None) -> list[Row]:
    """One row per fetus with an outcome, or one per case without; oldest scan first."""
    latest = register.latest_revisions(Search(scan_from=scan_from, scan_to=scan_to))
    found = register.latest_outcomes()
    rows = []
    for revision in reversed(latest):
        case = register.pathway.parser.parse(json.loads(revision.case_json), today=dt.date.max)
        records: list[OutcomeRecord | None] = [*found.get(revision.case_id, [])] or [None]
        for record in records:
            outcome = register.outcome_case(record) if record is not None else None
            rows.append(Row(revision=revision, case=case, outcome=outcome))
    return rows


def _plain(value: object, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return "|".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _csv_bytes(header: list[str], lines: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    return buffer.getvalue().encode("utf-8")


def _folder(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise RegisterInputError(f"-o: {folder} is a file, not a folder")
    try:
        # A folder made here holds exports of patient data: owner-only, whatever the umask.
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise RegisterInputError(f"-o: cannot create {folder}: {(exc.strerror or str(exc)).lower()}") from exc
    return folder


def write_csv(register: Register, folder: Path, rows: list[Row], identified: bool = False) -> Path:
    """Write the plain CSV (choice values as their ids, several as a|b); returns its path."""
    chosen = columns(register, identified)
    lines = [
        [str(number) if c.name == "record_id" else _plain(c.read(row), c) for c in chosen]
        for number, row in enumerate(rows, 1)
    ]
    target = _folder(folder) / (IDENTIFIED_CSV if identified else DEIDENTIFIED_CSV)
    write_atomically(target, _csv_bytes([c.name for c in chosen], lines), RegisterInputError)
    if identified:
        os.chmod(target, 0o600)
    return target


def _codes(column: Column) -> dict[str, str]:
    return {choice.value: str(index) for index, choice in enumerate(column.choices, 1)}


def _dictionary_line(column: Column) -> list[str]:
    kind = {"integer": "text", "number": "text"}.get(column.kind, column.kind)
    validation = column.kind if column.kind in ("integer", "number") else ""
    choices = " | ".join(f"{code}, {c.label}" for c, code in zip(column.choices, _codes(column).values(), strict=True))

    def limit(value: float | None) -> str:
        return "" if value is None or not validation else f"{value:g}"

    line = [
        column.name,
        column.form,
        column.section,
        kind,
        column.label,
        choices,
        "",
        validation,
        limit(column.minimum),
        limit(column.maximum),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    return line


def write_redcap(register: Register, folder: Path, rows: list[Row]) -> tuple[Path, Path]:
    """Write a REDCap data dictionary and a records CSV that imports against it."""
    chosen = columns(register)
    dictionary = [_dictionary_line(c) for c in chosen]
    header: list[str] = []
    for column in chosen:
        if column.kind == "checkbox":
            header += [f"{column.name}___{code}" for code in _codes(column).values()]
        else:
            header.append(column.name)
    lines = []
    for number, row in enumerate(rows, 1):
        line: list[str] = []
        for column in chosen:
            value = str(number) if column.name == "record_id" else column.read(row)
            codes = _codes(column)
            if column.kind == "checkbox":
                picked = value if isinstance(value, tuple) else ()
                line += ["1" if choice in picked else "0" for choice in codes]
            elif column.kind == "radio":
                line.append(codes.get(str(value), "") if value is not None else "")
            else:
                line.append(_plain(value, column))
        lines.append(line)
    out = _folder(folder)
    dictionary_path, records_path = out / REDCAP_DICTIONARY, out / REDCAP_RECORDS
    write_atomically(dictionary_path, _csv_bytes(list(REDCAP_HEADER), dictionary), RegisterInputError)
    write_atomically(records_path, _csv_bytes(header, lines), RegisterInputError)
    return dictionary_path, records_path
