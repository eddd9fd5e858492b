"""The rules of spec sections 2-4, case by case, plus properties over any valid case."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from livercalc_desktop.engine.evaluate import assess, settled_facts
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


SEROLOGY_NORMAL = status("maternal-infection-serology", "normal")
CMA_NORMAL = status("amniocentesis-cma", "normal")
SURFACE = {"compartment": "capsular-peritoneal"}

CATEGORY_CASES: list[tuple[str, dict[str, Any]]] = [
    # abnormal-result: each way a result can be abnormal (spec section 2)
    ("abnormal-result", {"workup": status("amniocentesis-cma", "abnormal")}),
    ("abnormal-result", {"workup": status("maternal-infection-serology", "abnormal")}),
    ("abnormal-result", {"workup": status("af-pcr", "abnormal")}),
    ("abnormal-result", {"workup": status("cf-carrier-testing", "abnormal")}),
    ("abnormal-result", {"workup": status("mca-doppler", "abnormal")}),
    ("abnormal-result", {"workup": status("fetal-cf-testing", "abnormal")}),
    ("abnormal-result", {"workup": status("neonatal-exam-ultrasound", "abnormal")}),
    ("abnormal-result", {"workup": status("neonatal-cmv-test", "abnormal")}),
    ("abnormal-result", {"history": {"cf_carriers": "both"}}),
    ("abnormal-result", {"history": {"maternal_infection": ["toxoplasma"]}}),
    ("abnormal-result", {"findings": {"mca_psv_mom": 1.5}}),
    ("abnormal-result", {"lesion": {"liver_mass": "solid"}, "workup": status("af-pcr", "abnormal")}),
    # liver-mass beats the peritoneal and non-isolated rows
    ("liver-mass", {"lesion": {"liver_mass": "solid"}}),
    ("liver-mass", {"lesion": {"liver_mass": "cystic"}}),
    ("liver-mass", {"lesion": {"liver_mass": "mixed", "compartment": "mixed"}, "findings": {"abdominal": ["ascites"]}}),
    # peritoneal-complex: peritoneal calcification and MP grade >= 1, however it is coded
    ("peritoneal-complex", {"lesion": SURFACE, "findings": {"abdominal": ["ascites"]}}),
    ("peritoneal-complex", {"lesion": SURFACE, "findings": {"hydrops": ["ascites"]}}),
    (
        "peritoneal-complex",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["meconium-pseudocyst"]}},
    ),
    (
        "peritoneal-complex",
        {"findings": {"abdominal": ["peritoneal-calcification", "ascites", "bowel-dilatation", "meconium-pseudocyst"]}},
    ),
    (
        "peritoneal-complex",
        {"lesion": SURFACE, "findings": {"abdominal": ["bowel-dilatation"], "structural": ["heart"]}},
    ),
    # non-isolated: each scan finding on its own, recorded in the form or in the checklist
    ("non-isolated", {"findings": {"structural": ["kidney-urinary"]}}),
    ("non-isolated", {"findings": {"soft_markers": ["pyelectasis"]}}),
    ("non-isolated", {"findings": {"extrahepatic_calcification": ["spleen"]}}),
    ("non-isolated", {"lesion": {"hepatomegaly": True}}),
    ("non-isolated", {"findings": {"fgr": True}}),
    ("non-isolated", {"findings": {"hydrops": ["placentomegaly"]}}),
    ("non-isolated", {"findings": {"amniotic_fluid": "polyhydramnios"}}),
    ("non-isolated", {"findings": {"amniotic_fluid": "oligohydramnios"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "suspected-thrombus"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}),
    ("non-isolated", {"lesion": {"venous_doppler": "abnormal-shunt"}}),
    ("non-isolated", {"findings": {"abdominal": ["ascites"]}}),
    ("non-isolated", {"findings": {"abdominal": ["bowel-dilatation"]}}),
    ("non-isolated", {"findings": {"abdominal": ["meconium-pseudocyst"]}}),
    ("non-isolated", {"workup": status("anatomy-survey", "abnormal")}),
    ("non-isolated", {"workup": status("venous-doppler", "abnormal")}),
    ("non-isolated", {"workup": status("growth-scan", "abnormal")}),
    ("non-isolated", {"workup": status("fetal-echo", "abnormal")}),
    ("non-isolated", {"workup": status("fetal-mri", "abnormal")}),
    ("non-isolated", {"exam": {"detailed_survey": "not-done"}, "findings": {"structural": ["heart"]}}),
    ("non-isolated", {"screening": {"cfdna": "high-risk"}, "findings": {"structural": ["heart"]}}),
    # screen-positive: high-risk cfDNA, scan otherwise clear, no normal microarray
    ("screen-positive", {"screening": {"cfdna": "high-risk"}}),
    ("screen-positive", {"screening": {"cfdna": "high-risk"}, "workup": status("amniocentesis-cma", "pending")}),
    ("screen-positive", {"screening": {"cfdna": "high-risk"}, "exam": {"detailed_survey": "not-done"}}),
    # survey-incomplete: not done, or "done" before 18+0 weeks
    ("survey-incomplete", {"exam": {"detailed_survey": "not-done"}}),
    ("survey-incomplete", {"exam": {"detailed_survey": "not-done"}, "lesion": SURFACE}),
    ("survey-incomplete", {"exam": {"gestational_age": {"weeks": 17, "days": 6}}}),
    # peritoneal-isolated
    ("peritoneal-isolated", {"lesion": SURFACE}),
    ("peritoneal-isolated", {"findings": {"abdominal": ["peritoneal-calcification"]}}),
    (
        "peritoneal-isolated",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["peritoneal-calcification"]}},
    ),
    # isolated-reassuring: infection screen normal and aneuploidy addressed
    ("isolated-reassuring", {"workup": {**SEROLOGY_NORMAL, **CMA_NORMAL}}),
    (
        "isolated-reassuring",
        {"exam": {"gestational_age": {"weeks": 18, "days": 0}}, "workup": {**SEROLOGY_NORMAL, **CMA_NORMAL}},
    ),
    (
        "isolated-reassuring",
        {"screening": {"cfdna": "low-risk"}, "workup": {**SEROLOGY_NORMAL, **status("amniocentesis-cma", "declined")}},
    ),
    (
        "isolated-reassuring",
        {
            "screening": {"cfdna": "low-risk"},
            "workup": {**SEROLOGY_NORMAL, **status("amniocentesis-cma", "not-offered")},
        },
    ),
    ("isolated-reassuring", {"screening": {"cfdna": "high-risk"}, "workup": {**SEROLOGY_NORMAL, **CMA_NORMAL}}),
    # isolated-pending: anything else
    ("isolated-pending", {}),
    ("isolated-pending", {"findings": {"mca_psv_mom": 1.49}}),
    ("isolated-pending", {"workup": SEROLOGY_NORMAL}),
    ("isolated-pending", {"workup": CMA_NORMAL}),
    # a normal fluid PCR alone is not an infection screen (it usually tests CMV only)
    ("isolated-pending", {"workup": {**status("af-pcr", "normal"), **CMA_NORMAL}}),
    ("isolated-pending", {"screening": {"cfdna": "low-risk"}, "workup": SEROLOGY_NORMAL}),
    (
        "isolated-pending",
        {"screening": {"cfdna": "no-call"}, "workup": {**SEROLOGY_NORMAL, **status("amniocentesis-cma", "declined")}},
    ),
    ("isolated-pending", {"workup": {**status("maternal-infection-serology", "pending"), **CMA_NORMAL}}),
    ("isolated-pending", {"lesion": {"venous_doppler": "not-done", "count": "diffuse"}}),
    ("isolated-pending", {"history": {"maternal_illness": True, "infection_contact": ["cmv"]}}),
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
    "screen-positive": "high",
    "survey-incomplete": "unknown",
    "peritoneal-isolated": "low",
    "isolated-reassuring": "low",
    "isolated-pending": "moderate",
}


@pytest.mark.parametrize(("expected", "sections"), CATEGORY_CASES)
def test_levels_follow_the_spec(expected, sections):
    assert assessed(**sections).level.value == LEVELS[expected]


FLAG_CASES = [
    ("urgent", {"findings": {"mca_psv_mom": 1.5}}, True),
    ("urgent", {"workup": status("mca-doppler", "abnormal")}, True),
    ("urgent", {"findings": {"hydrops": ["ascites"]}}, True),
    ("urgent", {"findings": {"hydrops": ["pleural"]}}, True),
    ("urgent", {"findings": {"hydrops": ["pericardial"]}}, True),
    ("urgent", {"findings": {"hydrops": ["skin-oedema"]}}, True),
    ("urgent", {"findings": {"hydrops": ["placentomegaly"]}}, False),
    ("urgent", {"findings": {"mca_psv_mom": 1.49}}, False),
    ("infection-pattern", {"findings": {"extrahepatic_calcification": ["brain"]}}, True),
    ("infection-pattern", {"lesion": {"hepatomegaly": True}}, True),
    ("infection-pattern", {"lesion": {"hepatomegaly": True, "liver_mass": "solid"}}, False),
    ("infection-pattern", {"findings": {"hydrops": ["placentomegaly"]}}, True),
    ("infection-pattern", {"findings": {"fgr": True, "soft_markers": ["echogenic-bowel"]}}, True),
    ("infection-pattern", {"history": {"maternal_infection": ["cmv-primary"]}}, True),
    ("infection-pattern", {"findings": {"fgr": True}}, False),
    ("infection-pattern", {"findings": {"extrahepatic_calcification": ["heart"]}}, False),
    ("anaemia-pattern", {"findings": {"hydrops": ["skin-oedema"]}}, True),
    ("anaemia-pattern", {"findings": {"mca_psv_mom": 1.5}}, True),
    ("anaemia-pattern", {"workup": status("mca-doppler", "abnormal")}, True),
    ("anaemia-pattern", {"history": {"maternal_infection": ["parvovirus"]}}, True),
    ("anaemia-pattern", {"findings": {"mca_psv_mom": 1.2}}, False),
    ("vascular-pattern", {"lesion": {"venous_doppler": "suspected-thrombus"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "abnormal-shunt"}}, True),
    ("vascular-pattern", {"lesion": {"compartment": "vascular"}}, True),
    ("vascular-pattern", {"lesion": {"venous_doppler": "normal"}}, False),
    ("aneuploidy-pattern", {"findings": {"structural": ["face"]}}, True),
    ("aneuploidy-pattern", {"workup": status("anatomy-survey", "abnormal")}, True),
    ("aneuploidy-pattern", {"workup": status("fetal-echo", "abnormal")}, True),
    ("aneuploidy-pattern", {"findings": {"soft_markers": ["thick-nuchal-fold"]}}, False),
    ("high-risk-screen", {"screening": {"cfdna": "high-risk"}}, True),
    ("high-risk-screen", {"screening": {"cfdna": "high-risk"}, "workup": CMA_NORMAL}, True),
    ("high-risk-screen", {"screening": {"cfdna": "no-call"}}, False),
    ("no-call-screen", {"screening": {"cfdna": "no-call"}}, True),
    ("no-call-screen", {"screening": {"cfdna": "low-risk"}}, False),
    ("mp-grade-0", {"lesion": SURFACE}, True),
    ("mp-grade-0", {}, False),
    ("mp-grade-0", {"lesion": {"compartment": "mixed", "liver_mass": "solid"}}, False),
    ("mp-grade-0", {"lesion": SURFACE, "findings": {"hydrops": ["placentomegaly"]}}, False),
    ("mp-grade-1", {"lesion": SURFACE, "findings": {"abdominal": ["ascites"]}}, True),
    ("mp-grade-1", {"lesion": SURFACE, "findings": {"hydrops": ["ascites"]}}, True),
    ("mp-grade-1", {"findings": {"abdominal": ["bowel-dilatation"]}}, False),
    (
        "mp-grade-2",
        {"lesion": {"compartment": "mixed"}, "findings": {"abdominal": ["ascites", "meconium-pseudocyst"]}},
        True,
    ),
    (
        "mp-grade-2",
        {"lesion": SURFACE, "findings": {"abdominal": ["meconium-pseudocyst", "ascites"], "hydrops": ["ascites"]}},
        True,
    ),
    (
        "mp-grade-3",
        {"findings": {"abdominal": ["peritoneal-calcification", "ascites", "meconium-pseudocyst", "bowel-dilatation"]}},
        True,
    ),
    ("mp-grade-3", {"findings": {"abdominal": ["ascites", "meconium-pseudocyst", "bowel-dilatation"]}}, False),
    ("polyhydramnios", {"findings": {"amniotic_fluid": "polyhydramnios"}}, True),
    ("polyhydramnios", {"findings": {"amniotic_fluid": "normal"}}, False),
    ("many-foci", {"lesion": {"count": "4+"}}, True),
    ("many-foci", {"lesion": {"count": "diffuse"}}, True),
    ("many-foci", {"lesion": {"count": "2-3"}}, False),
    ("doppler-recommended", {"lesion": {"venous_doppler": "not-done"}}, True),
    (
        "doppler-recommended",
        {"lesion": {"venous_doppler": "not-done"}, "workup": status("venous-doppler", "normal")},
        False,
    ),
    (
        "doppler-recommended",
        {"lesion": {"venous_doppler": "not-done"}, "workup": status("venous-doppler", "pending")},
        True,
    ),
    ("doppler-recommended", {"lesion": {"compartment": "vascular", "venous_doppler": "normal"}}, False),
    ("declined-testing", {"workup": status("fetal-echo", "declined")}, True),
    ("declined-testing", {"workup": status("fetal-echo", "not-offered")}, False),
    ("results-pending", {"workup": status("af-pcr", "offered")}, True),
    ("results-pending", {"workup": status("af-pcr", "pending")}, True),
    ("results-pending", {"workup": status("delivery-planning", "booked")}, True),
    ("results-pending", {"workup": status("af-pcr", "normal")}, False),
    ("results-pending", {"workup": status("delivery-planning", "done")}, False),
    ("early-survey", {"exam": {"gestational_age": {"weeks": 17, "days": 6}}}, True),
    ("early-survey", {"exam": {"gestational_age": {"weeks": 18, "days": 0}}}, False),
    ("early-survey", {"exam": {"gestational_age": {"weeks": 16, "days": 0}, "detailed_survey": "not-done"}}, False),
    ("spot-resolved", {"lesion": {"change_from_prior": "resolved"}}, True),
    ("spot-resolved", {"lesion": {"change_from_prior": "decreased"}}, False),
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
PERITONEAL = {"peritoneal-complex", "peritoneal-isolated"}
CATEGORY_EXAMPLE: dict[str, dict[str, Any]] = {
    "abnormal-result": {"workup": status("amniocentesis-cma", "abnormal")},
    "liver-mass": {"lesion": {"liver_mass": "cystic"}},
    "peritoneal-complex": {"lesion": SURFACE, "findings": {"abdominal": ["meconium-pseudocyst"]}},
    "non-isolated": {"findings": {"soft_markers": ["pyelectasis"]}},
    "screen-positive": {"screening": {"cfdna": "high-risk"}},
    "survey-incomplete": {"exam": {"detailed_survey": "not-done"}},
    "peritoneal-isolated": {"lesion": SURFACE},
    "isolated-reassuring": {"workup": {**SEROLOGY_NORMAL, **CMA_NORMAL}},
    "isolated-pending": {},
}

# (item, priority or None, categories, extra case sections): spec section 4 by category
CHECKLIST_CASES: list[tuple[str, str | None, set[str], dict[str, Any]]] = [
    ("anatomy-survey", "do", ALL_CATEGORIES, {}),
    ("venous-doppler", "do", ALL_CATEGORIES, {}),
    ("growth-scan", "do", ALL_CATEGORIES, {}),
    ("maternal-infection-serology", "do", ALL_CATEGORIES, {}),
    ("serial-scans", "do", ALL_CATEGORIES, {}),
    ("neonatal-exam-ultrasound", "do", ALL_CATEGORIES, {}),
    ("genetic-counselling", "do", {"non-isolated", "liver-mass", "abnormal-result", "screen-positive"}, {}),
    ("genetic-counselling", "offer", ISOLATED | PERITONEAL, {}),
    ("genetic-counselling", None, {"survey-incomplete"}, {}),
    ("amniocentesis-cma", "do", {"non-isolated", "screen-positive"}, {}),
    ("amniocentesis-cma", "offer", ISOLATED | PERITONEAL | {"liver-mass"}, {}),
    ("amniocentesis-cma", None, {"survey-incomplete"}, {}),
    ("cf-carrier-testing", "do", PERITONEAL, {}),
    ("cf-carrier-testing", "offer", ISOLATED, {}),
    ("cf-carrier-testing", None, {"survey-incomplete", "liver-mass", "screen-positive"}, {}),
    ("fetal-echo", "do", {"non-isolated", "liver-mass"}, {}),
    ("fetal-echo", "consider", ISOLATED | {"screen-positive"}, {}),
    ("fetal-echo", None, {"survey-incomplete", "peritoneal-isolated", "peritoneal-complex"}, {}),
    ("fetal-mri", "do", {"liver-mass"}, {}),
    ("fetal-mri", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated", "screen-positive"}, {}),
    (
        "specialist-referral",
        "do",
        {"non-isolated", "liver-mass", "peritoneal-complex", "abnormal-result", "screen-positive"},
        {},
    ),
    ("specialist-referral", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated"}, {}),
    ("delivery-planning", "do", {"peritoneal-complex", "liver-mass"}, {}),
    ("delivery-planning", None, ISOLATED | {"survey-incomplete", "peritoneal-isolated", "screen-positive"}, {}),
    ("fetal-medicine-review-urgent", None, ALL_CATEGORIES, {}),
    ("fetal-cf-testing", None, ALL_CATEGORIES - {"abnormal-result"}, {}),
    ("neonatal-cmv-test", "do", ALL_CATEGORIES - {"isolated-reassuring"}, {}),
]


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = dict(a)
    for key, value in b.items():
        merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
    return merged


def _priority(entry) -> str | None:
    return entry.priority.value if entry is not None and entry.indicated else None


@pytest.mark.parametrize(("item", "priority", "categories", "extra"), CHECKLIST_CASES)
def test_checklist_priority_by_category(item, priority, categories, extra):
    for category in sorted(categories):
        result = assessed(**_merge(CATEGORY_EXAMPLE[category], extra))
        assert result.category == category
        assert _priority(result.entry(item)) == priority, (category, result.entry(item))


def test_every_item_and_category_is_in_the_checklist_table():
    assert {item for item, *_ in CHECKLIST_CASES} == {i.id for i in PATHWAY.kb.checklist} - {"af-pcr", "mca-doppler"}
    assert set(CATEGORY_EXAMPLE) == ALL_CATEGORIES


# Rules keyed on flags and terms: a first-match category never hides an item the findings need.
FLAG_DRIVEN = [
    # urgent care
    ("fetal-medicine-review-urgent", "do", {"findings": {"mca_psv_mom": 1.7}}),
    ("fetal-medicine-review-urgent", "do", {"findings": {"hydrops": ["pleural"]}}),
    ("fetal-medicine-review-urgent", None, {"findings": {"hydrops": ["placentomegaly"]}}),
    ("mca-doppler", "do", {"findings": {"hydrops": ["pericardial"]}}),
    ("mca-doppler", "do", {"history": {"infection_contact": ["parvovirus"]}}),
    ("mca-doppler", "do", {"history": {"maternal_infection": ["parvovirus"]}}),
    ("mca-doppler", None, {"history": {"infection_contact": ["cmv"]}}),
    # heart defect with both parents carriers (abnormal-result): microarray, echo and CF testing stay
    ("amniocentesis-cma", "do", {"findings": {"structural": ["heart"]}, "history": {"cf_carriers": "both"}}),
    ("fetal-echo", "do", {"findings": {"structural": ["heart"]}, "history": {"cf_carriers": "both"}}),
    ("fetal-cf-testing", "do", {"findings": {"structural": ["heart"]}, "history": {"cf_carriers": "both"}}),
    ("genetic-counselling", "do", {"findings": {"structural": ["heart"]}, "history": {"cf_carriers": "both"}}),
    # liver mass with a heart defect keeps the microarray
    ("amniocentesis-cma", "do", {"lesion": {"liver_mass": "solid"}, "findings": {"structural": ["heart"]}}),
    # both carriers: the fluid can test the baby
    ("amniocentesis-cma", "offer", {"history": {"cf_carriers": "both"}}),
    ("fetal-cf-testing", "do", {"workup": status("cf-carrier-testing", "abnormal")}),
    # no-call screen
    ("amniocentesis-cma", "offer", {"screening": {"cfdna": "no-call"}, "exam": {"detailed_survey": "not-done"}}),
    ("genetic-counselling", "do", {"screening": {"cfdna": "no-call"}}),
    (
        "genetic-counselling",
        "offer",
        {"exam": {"detailed_survey": "not-done"}, "workup": status("amniocentesis-cma", "offered")},
    ),
    # meconium peritonitis, however coded: delivery planning and CF testing
    (
        "delivery-planning",
        "do",
        {"findings": {"abdominal": ["peritoneal-calcification", "ascites", "bowel-dilatation", "meconium-pseudocyst"]}},
    ),
    (
        "cf-carrier-testing",
        "do",
        {"lesion": {"liver_mass": "solid"}, "findings": {"abdominal": ["peritoneal-calcification", "ascites"]}},
    ),
    ("delivery-planning", "do", {"findings": {"hydrops": ["ascites"]}}),
    ("cf-carrier-testing", "do", {"findings": {"soft_markers": ["echogenic-bowel"]}}),
    # amniotic-fluid PCR
    ("af-pcr", "do", {"lesion": {"hepatomegaly": True}}),
    ("af-pcr", "do", {"history": {"maternal_infection": ["cmv-nonprimary"]}}),
    ("af-pcr", "do", {"history": {"maternal_infection": ["toxoplasma"]}}),
    ("af-pcr", "offer", {"workup": status("amniocentesis-cma", "offered")}),
    ("af-pcr", "offer", {"workup": status("amniocentesis-cma", "pending")}),
    ("af-pcr", "offer", {"history": {"maternal_illness": True}}),
    ("af-pcr", "offer", {"history": {"infection_contact": ["cmv"]}}),
    ("af-pcr", None, {"history": {"infection_contact": ["varicella"]}}),
    ("af-pcr", None, {"workup": status("amniocentesis-cma", "declined")}),
    ("af-pcr", None, {}),
    ("fetal-echo", "do", {"lesion": {"venous_doppler": "umbilical-vein-varix"}}),
    ("fetal-echo", "do", {"lesion": {"compartment": "vascular"}}),
    ("fetal-mri", "consider", {"findings": {"extrahepatic_calcification": ["brain"]}}),
    # the newborn CMV test stays whenever CMV is not excluded
    ("neonatal-cmv-test", "do", {}),
    ("neonatal-cmv-test", "do", {"workup": status("maternal-infection-serology", "pending")}),
    ("neonatal-cmv-test", "do", {"workup": {**SEROLOGY_NORMAL, **status("af-pcr", "abnormal")}}),
    ("neonatal-cmv-test", "do", {"workup": status("af-pcr", "normal")}),
    ("neonatal-cmv-test", "do", {"workup": SEROLOGY_NORMAL, "history": {"maternal_infection": ["cmv-primary"]}}),
    ("neonatal-cmv-test", None, {"workup": SEROLOGY_NORMAL}),
]


@pytest.mark.parametrize(("item", "priority", "sections"), FLAG_DRIVEN)
def test_checklist_rules_driven_by_flags_and_terms(item, priority, sections):
    assert _priority(assessed(**sections).entry(item)) == priority


@pytest.mark.parametrize(
    ("sections", "words"),
    [
        ({"findings": {"mca_psv_mom": 1.7}}, "Every 1–2 weeks"),
        ({"history": {"maternal_infection": ["parvovirus"]}}, "Every 1–2 weeks"),
        ({}, "Every 4 weeks"),
        ({"exam": {"detailed_survey": "not-done"}}, "Every 4 weeks"),
    ],
)
def test_follow_up_interval_follows_urgency(sections, words):
    assert assessed(**sections).entry("serial-scans").basis.startswith(words)


def test_survey_not_complete_asks_for_the_scan_within_two_weeks():
    assert "within 1–2 weeks" in assessed(exam={"detailed_survey": "not-done"}).entry("anatomy-survey").basis
    assert "within 1–2 weeks" not in assessed().entry("anatomy-survey").basis


def test_checklist_shows_recorded_status_and_declined_is_never_missing():
    result = assessed(workup={**SEROLOGY_NORMAL, **status("fetal-mri", "declined")})
    assert result.entry("maternal-infection-serology").status == "normal"
    mri = result.entry("fetal-mri")
    assert mri is not None and mri.status == "declined" and not mri.indicated


def test_status_implied_by_the_scan_is_marked_and_recorded_status_wins():
    implied = assessed().entry("venous-doppler")
    assert (implied.status, implied.status_from_scan) == ("normal", True)
    recorded = assessed(workup=status("venous-doppler", "pending")).entry("venous-doppler")
    assert (recorded.status, recorded.status_from_scan) == ("pending", False)
    assert assessed().entry("genetic-counselling").status == "not-recorded"


def test_a_high_risk_screen_never_shows_the_scan_as_abnormal():
    survey = assessed(screening={"cfdna": "high-risk"}).entry("anatomy-survey")
    assert (survey.status, survey.status_from_scan) == ("normal", True)


def test_an_early_survey_is_not_shown_as_normal():
    survey = assessed(exam={"gestational_age": {"weeks": 16, "days": 2}}).entry("anatomy-survey")
    assert survey.status == "not-recorded"


@pytest.mark.parametrize(("carriers", "shown"), [("neither", "normal"), ("one", "pending"), ("both", "abnormal")])
def test_carrier_status_from_the_history_shows_on_the_carrier_test(carriers, shown):
    entry = assessed(lesion=SURFACE, history={"cf_carriers": carriers}).entry("cf-carrier-testing")
    assert (entry.status, entry.implied_from, entry.status_from_scan) == (shown, "history", False)


def test_items_have_their_kind():
    kinds = {e.id: e.kind for e in assessed(lesion={"liver_mass": "solid"}).checklist}
    assert kinds["anatomy-survey"] == "scan" and kinds["amniocentesis-cma"] == "test"
    assert kinds["delivery-planning"] == "action"


def test_every_reason_and_item_cites_known_references():
    result = assessed(findings={"structural": ["heart"], "hydrops": ["pleural"]})
    assert result.rationale[0].rule == "category:non-isolated"
    for reason in result.rationale:
        assert reason.references and set(reason.references) <= set(PATHWAY.kb.references)
    for entry in result.checklist:
        assert entry.basis and entry.references


# --- explanations name their facts ---------------------------------------------------------


def _reason(result, rule: str):
    return next(r for r in result.rationale if r.rule == rule)


@pytest.mark.parametrize(
    ("sections", "rule", "fact"),
    [
        ({"findings": {"mca_psv_mom": 1.7}}, "category:abnormal-result", "MCA peak systolic velocity: 1.7 MoM (≥ 1.5)"),
        ({"findings": {"mca_psv_mom": 1.7}}, "flag:urgent", "MCA peak systolic velocity: 1.7 MoM (≥ 1.5)"),
        (
            {"workup": {"fetal-echo": {"status": "abnormal", "detail": "AVSD"}}},
            "category:non-isolated",
            "Fetal echocardiography recorded abnormal: AVSD",
        ),
        (
            {"workup": {"af-pcr": {"status": "abnormal", "detail": "CMV"}}},
            "category:abnormal-result",
            "Amniotic-fluid PCR recorded abnormal: CMV",
        ),
        (
            {"exam": {"gestational_age": {"weeks": 16, "days": 4}}},
            "category:survey-incomplete",
            "Gestational age: 16 weeks (below 18)",
        ),
        (
            {"exam": {"detailed_survey": "not-done"}},
            "category:survey-incomplete",
            "Detailed anatomy survey: Not done yet",
        ),
        ({"findings": {"hydrops": ["ascites"]}, "lesion": SURFACE}, "flag:mp-grade-1", "Hydrops signs: Ascites"),
        ({"screening": {"cfdna": "high-risk"}}, "category:screen-positive", "cfDNA (NIPT) screening: High risk"),
        ({}, "category:isolated-pending", "Maternal infection blood tests: not recorded"),
    ],
)
def test_each_reason_names_the_facts_that_fired_it(sections, rule, fact):
    reason = _reason(assessed(**sections), rule)
    assert fact in reason.facts, reason.facts


def test_no_fact_is_a_field_path():
    paths = [f.path for f in PATHWAY.schema.fields]
    result = assessed(
        findings={"mca_psv_mom": 2.0, "hydrops": ["ascites"], "structural": ["heart"]},
        workup={"fetal-echo": {"status": "abnormal", "detail": "AVSD"}},
    )
    lines = [fact for r in result.rationale for fact in r.facts] + [f for e in result.checklist for f in e.facts]
    assert lines
    assert not [line for line in lines if any(path in line for path in paths)]


def test_a_resolved_high_risk_screen_says_so():
    reason = _reason(
        assessed(screening={"cfdna": "high-risk"}, workup={**SEROLOGY_NORMAL, **CMA_NORMAL}), "flag:high-risk-screen"
    )
    assert "Resolved" in reason.text


def test_reassurance_on_cfdna_alone_says_what_cfdna_does_not_cover():
    cfdna_only = assessed(
        screening={"cfdna": "low-risk"}, workup={**SEROLOGY_NORMAL, **status("amniocentesis-cma", "declined")}
    )
    assert "microarray" in cfdna_only.rationale[0].text
    with_array = assessed(workup={**SEROLOGY_NORMAL, **CMA_NORMAL})
    assert "does not look for" not in with_array.rationale[0].text


def test_the_urgent_field_of_the_assessment_matches_the_flag():
    assert assessed(findings={"mca_psv_mom": 1.6}).urgent
    assert not assessed().urgent


# --- properties over any valid case ----------------------------------------------------------

SCAN_ITEMS = ("anatomy-survey", "venous-doppler", "growth-scan", "fetal-echo", "fetal-mri")
CALM = ISOLATED | {"peritoneal-isolated"}
HYDROPS_SIGNS = {"ascites", "pleural", "pericardial", "skin-oedema"}

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
    {"history": {"maternal_infection": ["cmv-primary"]}},
    {"workup": status("fetal-echo", "abnormal")},
    {"workup": status("amniocentesis-cma", "abnormal")},
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
    case = PATHWAY.parser.parse(data, TODAY)
    result = assess(case, PATHWAY)
    assert result.category in ALL_CATEGORIES
    assert result.rationale[0].rule == f"category:{result.category}"
    # the catch-all category is reached only as its explanation says
    last = PATHWAY.kb.categories[-1]
    if result.category == last.id:
        assert last.explain is not None and last.explain.holds(settled_facts(case, PATHWAY, result))


@settings(max_examples=400, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_no_recorded_abnormality_is_ever_in_a_calm_category(data):
    case = PATHWAY.parser.parse(data, TODAY)
    result = assess(case, PATHWAY)
    abnormal_item = any(entry.status == "abnormal" for entry in case.workup.values())
    if abnormal_item or "scan-finding" in result.terms or case.get("history.maternal_infection"):
        assert result.category not in CALM, result.category


@settings(max_examples=400, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_newborn_cmv_test_whenever_cmv_is_not_excluded(data):
    result = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    if "cmv-not-excluded" in result.terms:
        entry = result.entry("neonatal-cmv-test")
        assert entry is not None and entry.indicated


@settings(max_examples=400, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_urgent_review_whenever_a_hydrops_sign_or_high_mca_is_recorded(data):
    case = PATHWAY.parser.parse(data, TODAY)
    result = assess(case, PATHWAY)
    mca = case.get("findings.mca_psv_mom")
    hydrops = set(case.get("findings.hydrops") or ())  # type: ignore[arg-type]
    if (isinstance(mca, float) and mca >= 1.5) or hydrops & HYDROPS_SIGNS:
        entry = result.entry("fetal-medicine-review-urgent")
        assert entry is not None and entry.indicated and result.urgent and "urgent" in result.flags


@settings(max_examples=300, deadline=None)
@given(case_data(PATHWAY, TODAY), st.sampled_from(POSITIVE_FINDINGS))
def test_adding_a_finding_never_lowers_the_level(data, finding):
    before = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    after = assess(PATHWAY.parser.parse(_add(data, finding), TODAY), PATHWAY)
    assert RANK[after.level] >= RANK[before.level]
    assert after.level is Level.HIGH


@settings(max_examples=100, deadline=None)
@given(case_data(PATHWAY, TODAY))
def test_assessment_is_deterministic(data):
    case = PATHWAY.parser.parse(data, TODAY)
    assert assess(case, PATHWAY) == assess(case, PATHWAY)


# --- regressions from the clinical review of knowledge base 1.1 (notes: kb11-clinical-review) ---

HIGH_RISK = {"cfdna": "high-risk"}


@pytest.mark.parametrize(
    "sections",
    [
        {"findings": {"mca_psv_mom": 1.6}, "screening": HIGH_RISK},
        {"workup": status("maternal-infection-serology", "abnormal"), "screening": HIGH_RISK},
        {"lesion": {"liver_mass": "cystic"}, "screening": HIGH_RISK},
        {"lesion": SURFACE, "findings": {"abdominal": ["ascites"]}, "screening": HIGH_RISK},
        {"history": {"cf_carriers": "both"}, "screening": HIGH_RISK},
    ],
)
def test_an_unresolved_high_risk_screen_keeps_the_microarray_under_any_category(sections):
    result = assessed(**sections)
    assert "screen-positive" in result.terms and result.category != "screen-positive"
    assert _priority(result.entry("amniocentesis-cma")) == "do"
    assert _priority(result.entry("genetic-counselling")) == "do"


@pytest.mark.parametrize(
    ("sections", "item", "priority"),
    [
        (
            {"workup": {"maternal-infection-serology": {"status": "abnormal", "detail": "Parvovirus IgM"}}},
            "mca-doppler",
            "consider",
        ),
        (
            {"workup": {"maternal-infection-serology": {"status": "abnormal", "detail": "CMV IgM"}}, "lesion": SURFACE},
            "af-pcr",
            "offer",
        ),
        (
            {"workup": {**SEROLOGY_NORMAL, "af-pcr": {"status": "abnormal", "detail": "parvovirus DNA"}}},
            "mca-doppler",
            "consider",
        ),
        ({"workup": {**SEROLOGY_NORMAL, "af-pcr": {"status": "abnormal", "detail": "CMV"}}}, "fetal-mri", "consider"),
        ({"findings": {"abdominal": ["ascites"]}}, "mca-doppler", "do"),
    ],
)
def test_an_infection_or_ascites_recorded_anywhere_gets_its_follow_up(sections, item, priority):
    assert _priority(assessed(**sections).entry(item)) == priority


@pytest.mark.parametrize(
    "sections",
    [
        {"lesion": SURFACE, "findings": {"amniotic_fluid": "polyhydramnios"}},
        {"lesion": SURFACE, "findings": {"soft_markers": ["intracardiac-echogenic-focus"]}},
        {"lesion": SURFACE, "screening": HIGH_RISK},
        {"lesion": SURFACE, "exam": {"detailed_survey": "not-done", "gestational_age": {"weeks": 16, "days": 0}}},
    ],
)
def test_peritoneal_calcification_keeps_the_cf_carrier_test_and_qualifies_grade_0(sections):
    result = assessed(**sections)
    assert _priority(result.entry("cf-carrier-testing")) == "do"
    grade_0 = _reason(result, "flag:mp-grade-0")
    qualified = grade_0.text != next(f.rationale for f in PATHWAY.kb.flags if f.id == "mp-grade-0")
    # a high-risk screen is not a finding beside the calcification; the others qualify the figure
    assert qualified is ("screening" not in sections)


def test_grade_0_alone_keeps_its_plain_figure():
    reason = _reason(assessed(lesion=SURFACE), "flag:mp-grade-0")
    assert reason.text.endswith("none of 18 babies in one series needed surgery.")


def test_screen_positive_before_the_survey_does_not_claim_a_clear_scan():
    early = assessed(
        screening=HIGH_RISK, exam={"detailed_survey": "not-done", "gestational_age": {"weeks": 16, "days": 3}}
    )
    assert early.category == "screen-positive"
    assert "no other finding" not in early.rationale[0].text and "not complete" in early.rationale[0].text
    assert "shows no other finding" in assessed(screening=HIGH_RISK).rationale[0].text


@pytest.mark.parametrize("item", ["fetal-mri", "growth-scan", "venous-doppler"])
def test_another_scan_abnormal_does_not_mark_the_anatomy_survey_abnormal(item):
    result = assessed(workup={**status(item, "abnormal"), **SEROLOGY_NORMAL})
    assert result.category == "non-isolated"
    assert result.entry("anatomy-survey").status == "normal"


def test_a_contradictory_mca_record_is_pointed_out():
    reason = _reason(assessed(findings={"mca_psv_mom": 1.7}, workup=status("mca-doppler", "normal")), "flag:urgent")
    assert "Check the record" in reason.text


def test_a_default_is_never_shown_as_a_recorded_finding():
    data = base_case_data(lesion={"hepatomegaly": True})
    data["lesion"].pop("liver_mass", None)
    result = assess(PATHWAY.parser.parse(data, TODAY), PATHWAY)
    facts = _reason(result, "flag:infection-pattern").facts
    assert "Liver mass: not recorded" in facts and "Liver mass: None" not in facts


def test_peritoneal_calcification_is_the_one_finding_that_can_lower_the_level():
    """Spec v2 section 3 puts peritoneal-isolated (low) above isolated-pending (moderate).

    Kept as the spec says; the issue note records the objection: a surface spot with nothing
    tested reads "low" while the same spot inside the liver reads "moderate".
    """
    assert assessed().level is Level.MODERATE
    assert assessed(lesion=SURFACE).level is Level.LOW
