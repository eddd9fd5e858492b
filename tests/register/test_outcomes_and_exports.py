"""Outcomes, the audit table and the exports, on both backends."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from livercalc_desktop.domain.errors import CaseInvalid
from livercalc_desktop.register.audit import audit_table, audit_text
from livercalc_desktop.register.audit_pdf import audit_pdf
from livercalc_desktop.register.errors import RegisterInputError
from livercalc_desktop.register.export import (
    MAX_NAME,
    REDCAP_HEADER,
    columns,
    export_rows,
    write_csv,
    write_redcap,
)
from livercalc_desktop.register.store import Register, Search
from tests.register.conftest import case_text, example_text, outcome_text


def problems(register: Register, case_id: int, text: str) -> list[str]:
    with pytest.raises(CaseInvalid) as caught:
        register.record_outcome(case_id, text)
    return [str(p) for p in caught.value.problems]


def test_outcome_rules_that_span_fields(register: Register) -> None:
    case_id = register.add(case_text())
    assert problems(register, case_id, outcome_text(diagnosis={"groups": ["aneuploidy"]})) == [
        'diagnosis.aneuploidy_type: is required when diagnosis.groups includes "aneuploidy"'
    ]
    assert problems(register, case_id, outcome_text(diagnosis={"groups": ["none-found", "other"]})) == [
        'diagnosis.groups: "none-found" cannot be combined with another group'
    ]
    assert problems(register, case_id, outcome_text(pregnancy={"date": "2026-01-01"})) == [
        "pregnancy.date: must be on or after the scan date 2026-03-10, got 2026-01-01"
    ]
    assert problems(register, case_id, outcome_text(fetus="A")) == [
        "fetus: is only allowed when the case records twins or more"
    ]
    lost = outcome_text(pregnancy={"outcome": "lost-to-follow-up", "date": None}, baby=None, results=None)
    lost = lost.replace('"date": null, ', "")
    assert register.record_outcome(case_id, lost) == 1
    assert register.record_outcome(case_id, outcome_text()) == 2  # a correction is a new record
    assert [(o.number, o.pregnancy_outcome) for o in register.outcomes(case_id)] == [(2, "live-birth")]


def test_twins_need_a_fetus_letter_and_get_one_outcome_each(register: Register) -> None:
    case_id = register.add(case_text(exam={"pregnancy": "twins"}))
    assert problems(register, case_id, outcome_text()) == [
        'fetus: is required for twins or more: one of "A", "B", "C", "D"'
    ]
    register.record_outcome(case_id, outcome_text(fetus="A"))
    register.record_outcome(case_id, outcome_text(fetus="B", diagnosis={"groups": ["surgery-needed"]}))
    assert [(o.fetus, o.diagnosis_groups) for o in register.outcomes(case_id)] == [
        ("A", ("none-found",)),
        ("B", ("surgery-needed",)),
    ]
    assert len(export_rows(register)) == 2


def test_a_withdrawn_case_takes_no_outcome(register: Register) -> None:
    case_id = register.add(case_text())
    register.withdraw(case_id, 1, "wrong patient")
    with pytest.raises(RegisterInputError, match="is withdrawn"):
        register.record_outcome(case_id, outcome_text())


def test_outcomes_due_is_four_weeks_past_the_due_date(register: Register) -> None:
    import datetime as dt

    case_id = register.add(case_text())  # scan 2026-03-10 at 20+3: due 2026-07-25
    register.today = lambda: dt.date(2026, 8, 22)
    assert register.outcomes_due() == []
    register.today = lambda: dt.date(2026, 8, 23)
    assert [r.case_id for r in register.outcomes_due()] == [case_id]
    register.record_outcome(case_id, outcome_text())
    assert register.outcomes_due() == []


def test_audit_counts_categories_against_outcome_groups(register: Register) -> None:
    isolated = register.add(example_text("isolated-pending.json"))
    mass = register.add(example_text("liver-mass.json"))
    register.add(example_text("non-isolated.json"))
    register.record_outcome(isolated, outcome_text())
    register.record_outcome(
        mass,
        outcome_text(
            pregnancy={"date": "2026-11-01"},
            diagnosis={"groups": ["congenital-infection", "hepatic-tumour"], "infection_agent": "cmv"},
        ),
    )
    withdrawn = register.add(example_text("abnormal-result.json"))
    register.withdraw(withdrawn, 1, "test entry")
    table = audit_table(register)
    rows = {row.id: row.counts for row in table.rows}
    assert rows["isolated-pending"]["cases"] == 1 and rows["isolated-pending"]["none-found"] == 1
    assert rows["liver-mass"]["with-outcome"] == 1 and rows["liver-mass"]["hepatic-tumour"] == 1
    assert rows["non-isolated"] == {**dict.fromkeys(rows["non-isolated"], 0), "cases": 1}
    assert rows["abnormal-result"]["cases"] == 0
    assert rows["all"]["cases"] == 3 and rows["all"]["with-outcome"] == 2
    import datetime as dt

    narrow = audit_table(register, dt.date(2026, 8, 1), dt.date(2026, 8, 31))
    assert {row.id: row.counts["cases"] for row in narrow.rows}["all"] == 1
    text = audit_text(table)
    assert "Calcification with a liver mass" in text and "Kowalska" not in text
    pdf = PdfReader(io.BytesIO(audit_pdf(table, clinic_name="Unit <b>&amp;</b> 東京")))
    page = pdf.pages[0].extract_text()
    assert "Case register audit" in page and "Unit <b>&amp;</b>" in page
    assert len(pdf.pages) == 1


def test_the_deidentified_csv_has_no_names_free_text_or_dates(register: Register, tmp_path: Path) -> None:
    case_id = register.add(example_text("isolated-pending.json"))
    register.record_outcome(case_id, outcome_text(note="Mother Anna Kowalska phoned"))
    path = write_csv(register, tmp_path, export_rows(register))
    text = path.read_text("utf-8")
    for secret in ("Anna", "Kowalska", "DEMO-0001", "Demo Fetal Medicine Unit", "phoned", "2026-03-10", "2026-07-30"):
        assert secret not in text
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["record_id"] == "1" and row["scan_year"] == "2026"
    assert row["preg_date_days"] == "142"  # 2026-03-10 to 2026-07-30
    assert row["category"] == "isolated-pending" and row["dx_groups"] == "none-found"
    assert row["exam_ga_weeks"] == "20"


def test_redcap_dictionary_and_records_agree(register: Register, tmp_path: Path) -> None:
    for name in ("isolated-pending.json", "liver-mass.json", "peritoneal-complex.json"):
        case_id = register.add(example_text(name))
    register.record_outcome(case_id, outcome_text(diagnosis={"groups": ["meconium-peritonitis", "surgery-needed"]}))
    dictionary_path, records_path = write_redcap(register, tmp_path, export_rows(register))
    dictionary = list(csv.reader(io.StringIO(dictionary_path.read_text("utf-8"))))
    assert tuple(dictionary[0]) == REDCAP_HEADER
    fields = dictionary[1:]
    assert fields[0][:4] == ["record_id", "case", "", "text"]
    assert all(re.fullmatch(rf"[a-z][a-z0-9_]{{0,{MAX_NAME - 1}}}", f[0]) and not f[0].endswith("_") for f in fields)
    assert len({f[0] for f in fields}) == len(fields)
    assert {f[3] for f in fields} <= {"text", "radio", "checkbox", "yesno"}
    expected: list[str] = []
    choices: dict[str, set[str]] = {}
    for name, _form, _section, kind, _label, options, *_ in fields:
        codes = [part.split(",", 1)[0].strip() for part in options.split(" | ")] if options else []
        choices[name] = set(codes)
        expected += [f"{name}___{code}" for code in codes] if kind == "checkbox" else [name]
    records = list(csv.DictReader(io.StringIO(records_path.read_text("utf-8"))))
    assert list(records[0]) == expected
    assert [r["record_id"] for r in records] == ["1", "2", "3"]
    for record in records:
        for name, kind in ((f[0], f[3]) for f in fields):
            if kind == "radio" and record[name]:
                assert record[name] in choices[name]
            if kind == "checkbox":
                assert all(record[f"{name}___{code}"] in ("0", "1") for code in choices[name])
    (with_outcome,) = [r for r in records if r["preg_outcome"]]
    assert sum(with_outcome[f"dx_groups___{code}"] == "1" for code in choices["dx_groups"]) == 2
    assert len(columns(register)) == len(fields)


def test_search_limit_and_withdrawn_are_left_out_of_exports(register: Register) -> None:
    kept = register.add(case_text())
    gone = register.add(case_text(exam={"date": "2026-04-01"}))
    register.withdraw(gone, 1, "duplicate")
    assert [r.revision.case_id for r in export_rows(register)] == [kept]
    assert len(register.search(Search(include_withdrawn=True, limit=1))) == 1
