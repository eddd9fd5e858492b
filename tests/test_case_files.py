"""Case files: validation messages, round trips, and atomic saving."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from livercalc_desktop.casefile import case_json, parse_case_text, read_case_file, write_case_file
from livercalc_desktop.domain.case import WorkupEntry
from livercalc_desktop.domain.errors import CaseFileError, CaseInvalid
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.engine.evaluate import assess
from tests.conftest import base_case_data

TODAY = dt.date(2026, 11, 23)


def problems_of(pathway, data) -> list[str]:
    with pytest.raises(CaseInvalid) as caught:
        pathway.parser.parse(data, TODAY)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"exam": {"gestational_age": {"weeks": 50, "days": 0}}}, "exam.gestational_age.weeks: must be 10–42, got 50"),
        ({"exam": {"gestational_age": {"weeks": 20, "days": 7}}}, "exam.gestational_age.days: must be 0–6, got 7"),
        (
            {"exam": {"gestational_age": {"weeks": 20.5, "days": 1}}},
            "exam.gestational_age.weeks: must be a whole number 10–42, got 20.5",
        ),
        (
            {"exam": {"date": "2026-11-24"}},
            "exam.date: must not be in the future (today is 2026-11-23), got 2026-11-24",
        ),
        ({"exam": {"date": "2026-02-30"}}, 'exam.date: must be a date written YYYY-MM-DD, got "2026-02-30"'),
        ({"exam": {"detailed_survey": "yes"}}, 'exam.detailed_survey: must be one of "done", "not-done"; got "yes"'),
        ({"lesion": {"count": "5"}}, 'lesion.count: must be one of "1", "2-3", "4+", "diffuse"; got "5"'),
        ({"lesion": {"largest_mm": [0.2]}}, "lesion.largest_mm[0]: must be 0.5–100 mm, got 0.2"),
        (
            {"lesion": {"largest_mm": [1, 2, 3, 4]}},
            "lesion.largest_mm: must be a list of 1 to 3 sizes, each 0.5–100 mm; got a list",
        ),
        ({"lesion": {"hepatomegaly": "no"}}, 'lesion.hepatomegaly: must be true or false, got "no"'),
        ({"findings": {"mca_psv_mom": 3.5}}, "findings.mca_psv_mom: must be 0.5–3 MoM, got 3.5"),
        ({"findings": {"structural": ["heart", "liver"]}}, "findings.structural[1]: must be one of"),
        ({"findings": {"hydrops": ["pleural", "pleural"]}}, 'findings.hydrops[1]: "pleural" is listed twice'),
        ({"patient": {"language": "english please"}}, "patient.language: must be a language tag"),
        (
            {"patient": {"nmae": "x"}},
            "patient.nmae: unknown field; allowed here: hospital_number, language, name, preferred_name",
        ),
        ({"lesion": {"size": 3}}, "lesion.size: unknown field"),
        ({"workup": {"x-ray": {"status": "normal"}}}, "workup.x-ray: unknown test; allowed: anatomy-survey"),
        ({"workup": {"af-pcr": {"status": "done"}}}, 'workup.af-pcr.status: must be one of "not-offered"'),
        (
            {"workup": {"af-pcr": {"status": "normal", "when": "today"}}},
            "workup.af-pcr.when: unknown field; allowed here: status, detail, date",
        ),
        (
            {"workup": {"af-pcr": {"status": "normal", "date": "soon"}}},
            'workup.af-pcr.date: must be a date written YYYY-MM-DD, got "soon"',
        ),
        ({"format": "something-else"}, 'format: must be "livercalc-case", got "something-else"'),
        ({"version": 0}, "version: must be a whole number 1–2, got 0"),
        ({"version": True}, "version: must be a whole number 1–2, got true"),
        ({"version": 3}, "version: this case was saved in format version 3 by a newer LiverCalc"),
        (
            {"workup": {"delivery-planning": {"status": "normal"}}},
            'workup.delivery-planning.status: must be one of "not-offered", "offered", "declined", "booked", "done"',
        ),
        ({"workup": {"growth-scan": {"status": "done"}}}, "workup.growth-scan.status: must be one of"),
        ({"exam": {"fetus": "A"}}, 'exam.fetus: can only be recorded when pregnancy is "Twins" or "Triplets or more"'),
        (
            {"history": {"illness_date": "2026-03-11"}},
            "history.illness_date: must not be after the scan date (2026-03-10), got 2026-03-11",
        ),
        (
            {"history": {"infection_date": "2025-05-01"}},
            "history.infection_date: must be at most 42 weeks before the scan date, got 2025-05-01",
        ),
        ({"history": {"maternal_infection": ["zika"]}}, "history.maternal_infection[0]: must be one of"),
    ],
)
def test_bad_values_are_named_with_what_is_allowed(pathway, change, expected):
    data = base_case_data(**change)
    assert any(p.startswith(expected) for p in problems_of(pathway, data)), problems_of(pathway, data)


def test_every_problem_is_reported_at_once(pathway):
    data = base_case_data(
        exam={"date": "2030-01-01", "gestational_age": {"weeks": 50, "days": 9}},
        lesion={"count": "7", "largest_mm": [200]},
        unknown=1,
    )
    problems = problems_of(pathway, data)
    assert len(problems) == 6
    assert {p.split(":")[0] for p in problems} == {
        "exam.date",
        "exam.gestational_age.weeks",
        "exam.gestational_age.days",
        "lesion.count",
        "lesion.largest_mm[0]",
        "unknown",
    }


def test_required_fields_are_reported_missing(pathway):
    problems = problems_of(pathway, {"format": "livercalc-case", "version": 2})
    assert problems == [
        "exam.date: is required",
        "exam.gestational_age.weeks: is required",
        "exam.gestational_age.days: is required",
        "exam.detailed_survey: is required",
        "lesion.count: is required",
    ]


def test_problem_messages_never_repeat_a_patient_name(pathway):
    canary = "Zelda-Canary" * 20
    data = base_case_data(patient={"name": canary, "hospital_number": ["H-123456"]}, notes={"for_patient": 7})
    problems = problems_of(pathway, data)
    text = "\n".join(problems)
    assert "patient.name: must be at most 200 characters, got 240 characters" in problems
    assert "patient.hospital_number: must be text, got a list" in problems
    assert "Zelda" not in text and "H-123456" not in text


def test_a_missing_value_means_not_recorded(pathway):
    case = pathway.parser.parse(base_case_data(), TODAY)
    assert case.get("lesion.hepatomegaly") is None
    assert case.get("findings.amniotic_fluid") is None
    assert "lesion.liver_mass" not in case.values


def test_examples_round_trip_through_save_and_load(pathway, example_files, tmp_path):
    assert len(example_files) >= 8
    for example in example_files:
        case = read_case_file(example, pathway)
        saved = tmp_path / example.name
        write_case_file(saved, case, pathway)
        assert read_case_file(saved, pathway) == case
        assert json.loads(saved.read_text("utf-8"))["format"] == "livercalc-case"


def test_saved_json_keeps_non_latin_text_readable(pathway, tmp_path):
    case = pathway.parser.parse(base_case_data(patient={"name": "王芳 محمد"}), TODAY)
    assert "王芳 محمد" in case_json(case, pathway)


def test_malformed_json_names_line_and_column(pathway):
    with pytest.raises(CaseFileError, match=r"case.json is not valid JSON: line 2, column 2: Extra data"):
        parse_case_text('{"format": "livercalc-case"\n}}', pathway, "case.json")


def test_missing_and_non_utf8_files_are_clear_errors(pathway, tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        read_case_file(tmp_path / "absent.json", pathway)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"x": "é"}'.encode("latin-1"))
    with pytest.raises(CaseFileError, match="is not UTF-8 text"):
        read_case_file(latin1, pathway)


def test_failed_save_leaves_previous_file_intact_and_no_temp_files(pathway, tmp_path, monkeypatch):
    target = tmp_path / "case.json"
    target.write_text("previous content", "utf-8")
    case = pathway.parser.parse(base_case_data(), TODAY)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(CaseFileError, match=r"cannot write .*case.json: no space left on device"):
        write_case_file(target, case, pathway)
    assert target.read_text("utf-8") == "previous content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_saving_into_a_missing_folder_is_a_clear_error(pathway, tmp_path):
    case = pathway.parser.parse(base_case_data(), TODAY)
    with pytest.raises(CaseFileError, match=r"cannot write .*: no such file or directory"):
        write_case_file(tmp_path / "nowhere" / "case.json", case, pathway)


def test_workup_entries_survive_a_round_trip(pathway):
    data = base_case_data(workup={"af-pcr": {"status": "pending", "detail": "sent", "date": "2026-03-11"}})
    case = pathway.parser.parse(data, TODAY)
    assert case.workup["af-pcr"] == WorkupEntry(status="pending", detail="sent", date="2026-03-11")
    assert parse_case_text(case_json(case, pathway), pathway, "x", TODAY) == case


def test_non_object_sections_are_rejected(pathway):
    assert problems_of(pathway, base_case_data(lesion="bright"))[0].startswith("lesion: must be an object")
    assert problems_of(pathway, [1, 2])[0] == "(case): must be a JSON object, got a list"


def _version_1(**sections: Any) -> dict[str, Any]:
    data = base_case_data(**sections)
    data["version"] = 1
    return data


def test_a_format_1_file_upgrades_its_action_statuses(pathway):
    data = _version_1(
        workup={
            "delivery-planning": {"status": "normal"},
            "serial-scans": {"status": "pending"},
            "growth-scan": {"status": "pending"},
            "genetic-counselling": {"status": "declined"},
        }
    )
    case = pathway.parser.parse(data, TODAY)
    statuses = {item: entry.status for item, entry in case.workup.items()}
    assert statuses == {
        "delivery-planning": "done",
        "serial-scans": "booked",
        "growth-scan": "pending",
        "genetic-counselling": "declined",
    }
    assert case_to_data(case, pathway.schema)["version"] == 2


def test_abnormal_on_an_action_is_an_error_naming_the_item_in_either_format(pathway):
    for data in (
        _version_1(workup={"specialist-referral": {"status": "abnormal"}}),
        base_case_data(workup={"specialist-referral": {"status": "abnormal"}}),
    ):
        assert any(p.startswith("workup.specialist-referral.status:") for p in problems_of(pathway, data))


def test_fetus_is_allowed_with_twins_and_dates_in_their_window(pathway):
    data = base_case_data(
        exam={"pregnancy": "twins", "fetus": "B"},
        history={"illness_date": "2026-01-20", "infection_date": "2026-03-10", "maternal_infection": ["parvovirus"]},
    )
    case = pathway.parser.parse(data, TODAY)
    assert case.get("exam.fetus") == "B" and case.get("history.illness_date") == "2026-01-20"


def test_every_demo_case_is_saved_in_format_2(example_files):
    for path in example_files:
        assert json.loads(path.read_text("utf-8"))["version"] == 2, path.name


_BACK_TO_V1 = {"done": "normal", "booked": "pending"}


def test_every_demo_upgrades_from_format_1_and_assesses_the_same(pathway, example_files):
    """A demo written back in format 1 (actions "normal"/"pending") reads as the format-2 demo."""
    kinds = {item.id: item.kind for item in pathway.kb.checklist}
    for path in example_files:
        data = json.loads(path.read_text("utf-8"))
        old = json.loads(json.dumps(data))
        old["version"] = 1
        for item, entry in old.get("workup", {}).items():
            if kinds[item] == "action":
                entry["status"] = _BACK_TO_V1.get(entry["status"], entry["status"])
        assert assess(pathway.parser.parse(old, TODAY), pathway) == assess(pathway.parser.parse(data, TODAY), pathway)


def test_problems_in_the_window_use_field_labels_not_paths(pathway):
    problems = problems_of(
        pathway, {"format": "livercalc-case", "version": 2, "workup": {"serial-scans": {"status": "x"}}}
    )
    with pytest.raises(CaseInvalid) as raised:
        pathway.parser.parse(
            {"format": "livercalc-case", "version": 2, "workup": {"serial-scans": {"status": "x"}}}, TODAY
        )
    texts = [pathway.problem_text(p) for p in raised.value.problems]
    assert "Scan date: is required" in texts
    assert any(t.startswith("Follow-up scans, status: must be one of") for t in texts)
    assert len(texts) == len(problems) and not any(t.startswith(("exam.", "workup.")) for t in texts)
