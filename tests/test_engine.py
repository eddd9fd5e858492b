"""The rules of spec sections 2-4, case by case, plus properties over any valid case."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.model import Level
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from tests.conftest import base_case_data
from tests.strategies import case_data

TODAY = dt.date(2026, 11, 23)
PATHWAY = load_pathway(bundled_pathway_folder())


def assessed(**sections: Any):
    return assess(PATHWAY.parser.parse(base_case_data(**sections), TODAY), PATHWAY)


def status(item: str, value: str) -> dict[str, Any]:
    return {item: {"status": value}}


CATEGORY_CASES: list[tuple[str, dict[str, Any]]] = [
    # abnormal-result: each way a result can be abnormal
    ("abnormal-result", {"workup": status("amniocentesis-cma", "abnormal")}),
    ("abnormal-result", {"workup": status("maternal-infection-serology", "abnormal")}),
    ("abnormal-result", {"workup": status("af-pcr", "abnormal")}),
    ("abnormal-result", {"workup": status("cf-carrier-testing", "abnormal")}),
    ("abnormal-result", {"workup": status("mca-doppler", "abnormal")}),
    ("abnormal-result", {"history": {"cf_carriers": "both"}}),
    ("abnormal-result", {"findings": {"mca_psv_mom": 1.5}}),
    ("abnormal-result", {"lesion": {"liver_mass": "solid"}, "workup": status("af-pcr", "abnormal")}),
    # liver-mass beats the peritoneal and non-isolated rows
    ("liver-mass", {"lesion": {"liver_mass": "solid"}}),
    ("liver-mass", {"lesion": {"liver_mass": "cystic"}}),
    ("liver-mass", {"lesion": {"liver_mass": "mixed", "compartment": "mixed"}, "findings": {"abdominal": ["ascites"]}}),
    # peritoneal-complex: surface lesion and MP grade >= 1
    ("peritoneal-complex", {"lesion": {"compartment": "capsular-peritoneal"}, "findings": {"abdominal": ["ascites"]}}),
    (
        "peritoneal-complex",
        {
            "lesion": {"compartment": "mixed"},
            "findings": {"abdominal": ["meconium-pseudocyst", "peritoneal-calcification"]},
        },
    ),
    (
        "peritoneal-complex",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["bowel-dilatation"], "structural": ["heart"]}},
    ),
    # non-isolated: each positive finding on its own
    ("non-isolated", {"findings": {"structural": ["kidney-urinary"]}}),
    ("non-isolated", {"findings": {"soft_markers": ["pyelectasis"]}}),
    ("non-isolated", {"findings": {"extrahepatic_calcification": ["spleen"]}}),
    ("non-isolated", {"lesion": {"hepatomegaly": True}}),
    ("non-isolated", {"findings": {"fgr": True}}),
    ("non-isolated", {"findings": {"hydrops": ["pleural"]}}),
    ("non-isolated", {"findings": {"amniotic_fluid": "polyhydramnios"}}),
    ("non-isolated", {"findings": {"amniotic_fluid": "oligohydramnios"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "suspected-thrombus"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "abnormal-shunt"}}),
    ("non-isolated", {"findings": {"abdominal": ["ascites"]}}),
    ("non-isolated", {"findings": {"abdominal": ["peritoneal-calcification"]}}),
    ("non-isolated", {"screening": {"cfdna": "high-risk"}}),
    ("non-isolated", {"exam": {"detailed_survey": "not-done"}, "findings": {"structural": ["heart"]}}),
    # survey-incomplete
    ("survey-incomplete", {"exam": {"detailed_survey": "not-done"}}),
    ("survey-incomplete", {"exam": {"detailed_survey": "not-done"}, "lesion": {"compartment": "capsular-peritoneal"}}),
    # peritoneal-isolated
    ("peritoneal-isolated", {"lesion": {"compartment": "capsular-peritoneal"}}),
    (
        "peritoneal-isolated",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["peritoneal-calcification"]}},
    ),
    # isolated-reassuring: infection screen normal and aneuploidy addressed
    (
        "isolated-reassuring",
        {"workup": {**status("maternal-infection-serology", "normal"), **status("amniocentesis-cma", "normal")}},
    ),
    ("isolated-reassuring", {"workup": {**status("af-pcr", "normal"), **status("amniocentesis-cma", "normal")}}),
    (
        "isolated-reassuring",
        {
            "screening": {"cfdna": "low-risk"},
            "workup": {**status("maternal-infection-serology", "normal"), **status("amniocentesis-cma", "declined")},
        },
    ),
    (
        "isolated-reassuring",
        {
            "screening": {"cfdna": "low-risk"},
            "workup": {**status("maternal-infection-serology", "normal"), **status("amniocentesis-cma", "not-offered")},
        },
    ),
    # isolated-pending: anything else
    ("isolated-pending", {}),
    ("isolated-pending", {"findings": {"mca_psv_mom": 1.49}}),
    ("isolated-pending", {"workup": status("maternal-infection-serology", "normal")}),
    ("isolated-pending", {"workup": status("amniocentesis-cma", "normal")}),
    (
        "isolated-pending",
        {"screening": {"cfdna": "low-risk"}, "workup": status("maternal-infection-serology", "normal")},
    ),
    (
        "isolated-pending",
        {
            "screening": {"cfdna": "no-call"},
            "workup": {**status("maternal-infection-serology", "normal"), **status("amniocentesis-cma", "declined")},
        },
    ),
    (
        "isolated-pending",
        {"workup": {**status("maternal-infection-serology", "pending"), **status("amniocentesis-cma", "normal")}},
    ),
    ("isolated-pending", {"lesion": {"venous_doppler": "not-done", "count": "diffuse"}}),
]


@pytest.mark.parametrize(("expected", "sections"), CATEGORY_CASES)
def test_category_rules(expected, sections):
    assert assessed(**sections).category == expected


def test_every_category_is_covered_by_the_table():
    assert {c for c, _ in CATEGORY_CASES} == {c.id for c in PATHWAY.kb.categories}


LEVELS = {
    "abnormal-result": "high",
    "liver-mass": "high",
    "peritoneal-complex": "high",
    "non-isolated": "high",
    "survey-incomplete": "unknown",
    "peritoneal-isolated": "low",
    "isolated-reassuring": "low",
    "isolated-pending": "moderate",
}


@pytest.mark.parametrize(("expected", "sections"), CATEGORY_CASES)
def test_levels_follow_the_spec(expected, sections):
    assert assessed(**sections).level.value == LEVELS[expected]


FLAG_CASES = [
    ("infection-pattern", {"findings": {"extrahepatic_calcification": ["brain"]}}, True),
    ("infection-pattern", {"lesion": {"hepatomegaly": True}}, True),
    ("infection-pattern", {"findings": {"hydrops": ["placentomegaly"]}}, True),
    ("infection-pattern", {"findings": {"fgr": True, "soft_markers": ["echogenic-bowel"]}}, True),
    ("infection-pattern", {"findings": {"fgr": True}}, False),
    ("infection-pattern", {"findings": {"extrahepatic_calcification": ["heart"]}}, False),
    ("anaemia-pattern", {"findings": {"hydrops": ["skin-oedema"]}}, True),
    ("anaemia-pattern", {"findings": {"mca_psv_mom": 1.5}}, True),
    ("anaemia-pattern", {"findings": {"mca_psv_mom": 1.2}}, False),
    ("vascular-pattern", {"lesion": {"venous_doppler": "suspected-thrombus"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "abnormal-shunt"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "normal"}}, False),
    ("aneuploidy-pattern", {"findings": {"structural": ["face"]}}, True),
    ("aneuploidy-pattern", {"findings": {"soft_markers": ["thick-nuchal-fold"]}}, False),
    ("high-risk-screen", {"screening": {"cfdna": "high-risk"}}, True),
    ("high-risk-screen", {"screening": {"cfdna": "no-call"}}, False),
    ("mp-grade-0", {"lesion": {"compartment": "capsular-peritoneal"}}, True),
    ("mp-grade-0", {}, False),
    (
        "mp-grade-1",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["ascites", "peritoneal-calcification"]}},
        True,
    ),
    (
        "mp-grade-2",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["ascites", "meconium-pseudocyst"]}},
        True,
    ),
    (
        "mp-grade-3",
        {
            "lesion": {"compartment": "mixed"},
            "findings": {"abdominal": ["ascites", "meconium-pseudocyst", "bowel-dilatation"]},
        },
        True,
    ),
    ("mp-grade-1", {"findings": {"abdominal": ["bowel-dilatation"]}}, True),
    ("polyhydramnios", {"findings": {"amniotic_fluid": "polyhydramnios"}}, True),
    ("polyhydramnios", {"findings": {"amniotic_fluid": "normal"}}, False),
    ("doppler-recommended", {"lesion": {"venous_doppler": "not-done"}}, True),
    ("doppler-recommended", {"lesion": {"compartment": "vascular", "venous_doppler": "normal"}}, False),
    ("declined-testing", {"workup": status("fetal-echo", "declined")}, True),
    ("declined-testing", {"workup": status("fetal-echo", "not-offered")}, False),
    ("results-pending", {"workup": status("af-pcr", "offered")}, True),
    ("results-pending", {"workup": status("af-pcr", "pending")}, True),
    ("results-pending", {"workup": status("af-pcr", "normal")}, False),
    ("many-foci", {"lesion": {"count": "4+"}}, True),
    ("many-foci", {"lesion": {"count": "diffuse"}}, True),
    ("many-foci", {"lesion": {"count": "2-3"}}, False),
]


@pytest.mark.parametrize(("flag", "sections", "expected"), FLAG_CASES)
def test_flag_rules(flag, sections, expected):
    assert (flag in assessed(**sections).flags) is expected


def test_every_flag_is_covered_by_the_table():
    assert {f for f, _, present in FLAG_CASES if present} == {f.id for f in PATHWAY.kb.flags}


def test_unrecorded_doppler_is_flagged():
    data = base_case_data()
    del data["lesion"]["venous_doppler"]
    result = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    assert "doppler-recommended" in result.flags


ALL_CATEGORIES = {c.id for c in PATHWAY.kb.categories}
ISOLATED = {"isolated-reassuring", "isolated-pending"}
CATEGORY_EXAMPLE: dict[str, dict[str, Any]] = {expected: sections for expected, sections in reversed(CATEGORY_CASES)}

# (item, priority or None, categories, extra case sections)
CHECKLIST_CASES: list[tuple[str, str | None, set[str], dict[str, Any]]] = [
    ("anatomy-survey", "do", ALL_CATEGORIES, {}),
    ("venous-doppler", "do", ALL_CATEGORIES, {}),
    ("growth-scan", "do", ALL_CATEGORIES, {}),
    ("maternal-infection-serology", "do", ALL_CATEGORIES, {}),
    ("serial-scans", "do", ALL_CATEGORIES, {}),
    ("neonatal-exam-ultrasound", "do", ALL_CATEGORIES, {}),
    ("genetic-counselling", "do", {"non-isolated", "liver-mass", "abnormal-result"}, {}),
    ("genetic-counselling", "offer", ISOLATED, {}),
    ("genetic-counselling", None, {"survey-incomplete", "peritoneal-isolated", "peritoneal-complex"}, {}),
    ("amniocentesis-cma", "offer", ISOLATED | {"peritoneal-complex", "peritoneal-isolated"}, {}),
    ("amniocentesis-cma", None, {"survey-incomplete", "liver-mass"}, {}),
    ("cf-carrier-testing", "do", {"peritoneal-complex", "peritoneal-isolated"}, {}),
    ("cf-carrier-testing", "offer", ISOLATED, {}),
    ("cf-carrier-testing", None, {"survey-incomplete", "liver-mass"}, {}),
    ("fetal-echo", "do", {"non-isolated", "liver-mass"}, {}),
    ("fetal-echo", "consider", ISOLATED, {}),
    ("fetal-echo", None, {"survey-incomplete", "peritoneal-isolated", "peritoneal-complex"}, {}),
    ("fetal-mri", "do", {"liver-mass"}, {}),
    ("fetal-mri", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated"}, {}),
    ("specialist-referral", "do", {"non-isolated", "liver-mass", "peritoneal-complex", "abnormal-result"}, {}),
    ("specialist-referral", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated"}, {}),
    ("delivery-planning", "do", {"peritoneal-complex", "liver-mass"}, {}),
    ("delivery-planning", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated"}, {}),
]


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = dict(a)
    for key, value in b.items():
        merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
    return merged


@pytest.mark.parametrize(("item", "priority", "categories", "extra"), CHECKLIST_CASES)
def test_checklist_priority_by_category(item, priority, categories, extra):
    for category in sorted(categories):
        result = assessed(**_merge(CATEGORY_EXAMPLE[category], extra))
        assert result.category == category
        entry = result.entry(item)
        if priority is None:
            assert entry is None or not entry.indicated, (category, entry)
        else:
            assert entry is not None and entry.priority.value == priority, (category, entry)


FLAG_DRIVEN = [
    ("amniocentesis-cma", "do", {"screening": {"cfdna": "high-risk"}}),
    ("af-pcr", "do", {"lesion": {"hepatomegaly": True}}),
    ("af-pcr", "offer", {"workup": status("amniocentesis-cma", "offered")}),
    ("af-pcr", "offer", {"workup": status("amniocentesis-cma", "pending")}),
    ("af-pcr", None, {"workup": status("amniocentesis-cma", "declined")}),
    ("af-pcr", None, {}),
    ("mca-doppler", "do", {"findings": {"hydrops": ["pericardial"]}}),
    ("mca-doppler", "do", {"history": {"infection_contact": ["parvovirus"]}}),
    ("mca-doppler", None, {"history": {"infection_contact": ["cmv"]}}),
    ("cf-carrier-testing", "do", {"findings": {"soft_markers": ["echogenic-bowel"]}}),
    ("fetal-echo", "do", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}),
    ("fetal-mri", "consider", {"findings": {"extrahepatic_calcification": ["brain"]}}),
    ("delivery-planning", "do", {"findings": {"hydrops": ["ascites"]}}),
    ("neonatal-cmv-test", "do", {}),
    ("neonatal-cmv-test", "do", {"workup": status("maternal-infection-serology", "pending")}),
    ("neonatal-cmv-test", None, {"workup": status("maternal-infection-serology", "normal")}),
    ("neonatal-cmv-test", None, {"workup": status("af-pcr", "normal")}),
]


@pytest.mark.parametrize(("item", "priority", "sections"), FLAG_DRIVEN)
def test_checklist_rules_driven_by_flags_and_results(item, priority, sections):
    entry = assessed(**sections).entry(item)
    if priority is None:
        assert entry is None or not entry.indicated
    else:
        assert entry is not None and entry.priority.value == priority


def test_checklist_shows_recorded_status_and_declined_is_never_missing():
    result = assessed(workup={**status("maternal-infection-serology", "normal"), **status("fetal-mri", "declined")})
    assert result.entry("maternal-infection-serology").status == "normal"
    mri = result.entry("fetal-mri")
    assert mri is not None and mri.status == "declined" and not mri.indicated


def test_status_implied_by_the_scan_is_marked_and_recorded_status_wins():
    implied = assessed().entry("venous-doppler")
    assert (implied.status, implied.status_from_scan) == ("normal", True)
    recorded = assessed(workup=status("venous-doppler", "pending")).entry("venous-doppler")
    assert (recorded.status, recorded.status_from_scan) == ("pending", False)
    assert assessed().entry("genetic-counselling").status == "not-recorded"


def test_every_reason_and_item_cites_known_references():
    result = assessed(findings={"structural": ["heart"], "hydrops": ["pleural"]})
    assert result.rationale[0].rule == "category:non-isolated"
    for reason in result.rationale:
        assert reason.references and set(reason.references) <= set(PATHWAY.kb.references)
    for entry in result.checklist:
        assert entry.basis and entry.references


POSITIVE_FINDINGS = [
    {"findings": {"structural": ["heart"]}},
    {"findings": {"soft_markers": ["echogenic-bowel"]}},
    {"findings": {"extrahepatic_calcification": ["placenta"]}},
    {"lesion": {"hepatomegaly": True}},
    {"findings": {"fgr": True}},
    {"findings": {"hydrops": ["ascites"]}},
    {"findings": {"amniotic_fluid": "oligohydramnios"}},
    {"lesion": {"liver_mass": "cystic"}},
    {"lesion": {"venous_doppler": "abnormal-shunt"}},
    {"findings": {"abdominal": ["bowel-dilatation"]}},
    {"screening": {"cfdna": "high-risk"}},
]
RANK = {Level.LOW: 0, Level.MODERATE: 1, Level.UNKNOWN: 1, Level.HIGH: 2}


def _add(data: dict[str, Any], finding: dict[str, Any]) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    for section, values in finding.items():
        target = out.setdefault(section, {})
        for key, value in values.items():
            target[key] = sorted(set(target.get(key, [])) | set(value)) if isinstance(value, list) else value
    return out


@settings(max_examples=300, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_engine_never_raises_on_any_valid_case(data):
    result = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    assert result.category in ALL_CATEGORIES
    assert result.rationale[0].rule == f"category:{result.category}"


@settings(max_examples=300, deadline=None)
@given(case_data(PATHWAY, TODAY), st.sampled_from(POSITIVE_FINDINGS))
def test_adding_a_positive_finding_never_lowers_the_level(data, finding):
    before = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    after = assess(PATHWAY.parser.parse(_add(data, finding), TODAY), PATHWAY)
    assert RANK[after.level] >= RANK[before.level]
    assert after.level is Level.HIGH


@settings(max_examples=100, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_assessment_is_deterministic(data):
    case = PATHWAY.parser.parse(data, TODAY)
    assert assess(case, PATHWAY) == assess(case, PATHWAY)
