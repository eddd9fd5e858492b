"""Regressions for the clinical review of the leaflet (notes/leaflet-clinical-review.md).

Each test builds the reviewer's case (the same JSON, from the same base), prints the PDF
and reads its text back, so it checks what the patient actually gets.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from livercalc_desktop.domain.case import Case
from livercalc_desktop.knowledge.pathway import Pathway
from tests.leaflet_helpers import TODAY, flat, leaflet

# The reviewer's base case: 22+0 weeks on 10 March 2026, one 3 mm spot, survey done.
BASE: dict[str, Any] = {
    "format": "livercalc-case",
    "version": 2,
    "exam": {
        "date": "2026-03-10",
        "gestational_age": {"weeks": 22, "days": 0},
        "detailed_survey": "done",
        "pregnancy": "singleton",
        "clinic": "Review Unit, tel 0100 000 000",
    },
    "lesion": {
        "count": "1",
        "largest_mm": [3.0],
        "compartment": "parenchymal",
        "lobe": "right",
        "liver_mass": "none",
        "hepatomegaly": False,
        "venous_doppler": "normal",
    },
    "findings": {"fgr": False, "amniotic_fluid": "normal"},
}


def review_case(pathway: Pathway, **sections: dict[str, Any]) -> Case:
    """The base case with each given section merged into its own (one level deep)."""
    data = copy.deepcopy(BASE)
    for key, value in sections.items():
        data[key] = {**data.get(key, {}), **value}
    return pathway.parser.parse(data, TODAY)


def printed(pathway: Pathway, **sections: dict[str, Any]) -> str:
    return flat(leaflet(pathway, review_case(pathway, **sections)))


def timeline(text: str) -> str:
    start = text.index("What happens next")
    return text[start : text.index("Later in pregnancy and after birth", start)]


def meaning(text: str) -> str:
    start = text.index("What this usually means")
    return text[start : text.index("Tests and checks", start)]


# --- C2: meconium peritonitis grade 2-3 -----------------------------------------------------

MP_SIGNS = {
    1: ["ascites"],
    2: ["ascites", "bowel-dilatation"],
    3: ["ascites", "bowel-dilatation", "meconium-pseudocyst"],
}


def _peritoneal(pathway: Pathway, grade: int, fluid: str = "normal") -> str:
    return printed(
        pathway,
        lesion={"count": "2-3", "compartment": "capsular-peritoneal"},
        findings={"amniotic_fluid": fluid, "abdominal": MP_SIGNS[grade]},
    )


@pytest.mark.parametrize("grade", [2, 3])
def test_c2_mp_grade_2_or_3_says_most_babies_need_an_operation(pathway, grade):
    text = _peritoneal(pathway, grade, "polyhydramnios")
    assert "Most babies with signs like these need an operation on the bowel soon after birth." in text
    assert "born in a hospital with baby surgeons" in text
    assert "Some babies" not in text and "Many do well after it" not in text


def test_c2_mp_grade_1_says_about_half(pathway):
    text = _peritoneal(pathway, 1)
    assert "About half of babies with signs like these need an operation on the bowel" in text
    assert "Most babies with signs" not in text and "Many do well after it" not in text


# --- C3: cystic or mixed liver lump -----------------------------------------------------------


@pytest.mark.parametrize("mass", ["cystic", "mixed"])
def test_c3_cystic_or_mixed_lump_is_not_called_blood_vessels_that_shrink(pathway, mass):
    text = meaning(printed(pathway, lesion={"liver_mass": mass}))
    assert "clumps of small blood vessels" not in text and "shrink" not in text
    expected = {"cystic": "a small bubble of fluid (a cyst)", "mixed": "a lump with solid parts and fluid parts"}
    assert expected[mass] in text
    assert "closer look" in text


def test_c3_solid_lump_keeps_the_blood_vessel_explanation(pathway):
    text = meaning(printed(pathway, lesion={"liver_mass": "solid"}))
    assert "Many are clumps of small blood vessels, which often shrink after birth." in text


# --- C4: the fluid test for toxoplasma or parvovirus -------------------------------------------


@pytest.mark.parametrize("infection", ["toxoplasma", "parvovirus"])
def test_c4_fluid_test_for_other_infections_is_not_called_cmv_or_dated_by_the_cmv_rule(pathway, infection):
    text = printed(pathway, history={"maternal_infection": [infection], "infection_date": "2026-02-25"})
    steps = timeline(text)
    assert "fluid test for CMV" not in steps
    assert "8 April 2026" not in steps  # 21+0 / 6 weeks after the infection: the CMV rule
    assert "Infection test on the fluid your team will tell you when" in steps
    assert "For CMV, it is done after 21 weeks" in text  # the table gives the rule for CMV only


def test_c4_cmv_keeps_the_cmv_rule(pathway):
    steps = timeline(printed(pathway, history={"maternal_illness": True, "illness_date": "2026-03-03"}))
    assert "Earliest fluid test for CMV from about 14 April 2026" in steps


# --- C5: late in pregnancy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "days", "illness"), [(40, 3, "2026-02-01"), (34, 0, "2026-02-24"), (41, 6, "2026-02-01")]
)
def test_c5_no_fluid_test_after_37_weeks_and_no_plain_not_done_amniocentesis(pathway, weeks, days, illness):
    text = printed(
        pathway,
        exam={"gestational_age": {"weeks": weeks, "days": days}},
        history={"maternal_illness": True, "illness_date": illness},
    )
    steps = timeline(text)
    assert "fluid test" not in steps.lower()
    assert "Infection test on the fluid your" not in steps
    status = meaning(text)
    assert not re.search(r"Not done yet:[^.]*(amniocentesis|infection test on the fluid)", status), status
    assert "It is late in pregnancy for tests on the fluid around your baby." in status
    assert "then about every 4 weeks" not in steps


def test_c5_before_34_weeks_amniocentesis_is_still_not_done_yet(pathway):
    text = meaning(printed(pathway))
    assert re.search(r"Not done yet:[^.]*amniocentesis", text)
    assert "late in pregnancy" not in text


# --- M1: a declined urgent review ----------------------------------------------------------------


def test_m1_declined_urgent_review_asks_her_to_talk_to_the_team_again(pathway):
    text = printed(
        pathway,
        findings={"hydrops": ["pleural"]},
        workup={
            "fetal-medicine-review-urgent": {"status": "declined"},
            "maternal-infection-serology": {"status": "normal"},
        },
    )
    assert "That is your choice" not in text
    assert "You chose not to see the specialist team for now." in text
    assert "as soon as you can" in text
    assert "Specialist review within 1 to 2 days" not in timeline(text)


def test_m1_other_declined_test_in_an_urgent_case_is_not_just_your_choice(pathway):
    text = printed(
        pathway,
        findings={"hydrops": ["pleural"]},
        workup={"maternal-infection-serology": {"status": "declined"}},
    )
    assert "That is your choice" not in text
    assert "please talk to your team again about this as soon as you can" in text


def test_m1_not_urgent_keeps_your_choice(pathway):
    text = printed(pathway, findings={"fgr": True}, workup={"amniocentesis-cma": {"status": "declined"}})
    assert "You chose not to have some tests. That is your choice." in text


# --- M3: peritoneal-isolated says which tests are outstanding ----------------------------------


def test_m3_peritoneal_isolated_lists_outstanding_tests(pathway):
    text = meaning(printed(pathway, lesion={"compartment": "capsular-peritoneal"}))
    assert re.search(r"Not done yet: the blood tests for infections, amniocentesis", text), text


def test_m3_peritoneal_isolated_lists_waiting_and_declined(pathway):
    text = meaning(
        printed(
            pathway,
            lesion={"compartment": "capsular-peritoneal"},
            workup={
                "maternal-infection-serology": {"status": "pending"},
                "amniocentesis-cma": {"status": "declined"},
            },
        )
    )
    assert "Still waiting for the results: the blood tests for infections." in text
    assert "You chose not to have: amniocentesis." in text


# --- M6: four or more spots, or many specks -------------------------------------------------------


@pytest.mark.parametrize("count", ["4+", "diffuse"])
def test_m6_many_spots_get_no_single_spot_figures(pathway, count):
    text = meaning(printed(pathway, lesion={"count": count, "largest_mm": [2.0]}))
    assert "19 did well" not in text and "21 babies" not in text
    assert "A spot like this on its own is usually harmless" not in text
    assert "Many spots are less common than one or two." in text


def test_m6_many_spots_reassuring_gets_no_nearly_all(pathway):
    text = meaning(
        printed(
            pathway,
            lesion={"count": "4+"},
            workup={"maternal-infection-serology": {"status": "normal"}, "amniocentesis-cma": {"status": "normal"}},
        )
    )
    assert "nearly all babies" not in text and "usually harmless" not in text
    assert "Many spots are less common than one or two." in text


# --- M4: a declined CF test is in the status list -----------------------------------------------


def test_m4_declined_cf_test_is_listed(pathway):
    text = meaning(
        printed(
            pathway,
            workup={
                "maternal-infection-serology": {"status": "offered"},
                "amniocentesis-cma": {"status": "pending"},
                "cf-carrier-testing": {"status": "declined"},
            },
        )
    )
    assert "You chose not to have: the cystic fibrosis test for parents." in text


# --- M5: polyhydramnios and early labour ---------------------------------------------------------


def test_m5_polyhydramnios_says_when_to_call_for_early_labour(pathway):
    text = _peritoneal(pathway, 2, "polyhydramnios")
    call = text[text.index("When to call your team") :]
    assert "if your waters break, you have pains that come and go" in call


def test_m5_no_labour_advice_without_polyhydramnios(pathway):
    assert "waters break" not in _peritoneal(pathway, 2)


# --- M8: CMV found on the fluid test ---------------------------------------------------------------


def test_m8_cmv_found_on_the_fluid_is_not_if_not_ruled_out(pathway):
    text = printed(
        pathway,
        exam={"gestational_age": {"weeks": 24, "days": 0}},
        workup={
            "maternal-infection-serology": {"status": "normal"},
            "amniocentesis-cma": {"status": "normal"},
            "af-pcr": {"status": "abnormal", "detail": "CMV DNA detected"},
        },
    )
    # The clinician has not named the infection (the engine's infection-not-named): no "CMV was found".
    assert "If CMV has not been ruled out" not in text and "Because CMV was found" not in text
    assert "Because the fluid test found an infection, your baby will have a CMV test" in text


def test_m8_cmv_named_says_cmv_was_found(pathway):
    text = printed(
        pathway,
        history={"maternal_infection": ["cmv-primary"]},
        workup={"af-pcr": {"status": "abnormal", "detail": "CMV DNA detected"}},
    )
    assert "If CMV has not been ruled out" not in text
    assert "Because CMV was found, your baby will have a CMV test of saliva or urine within 3 weeks" in text


def test_m8_cmv_not_yet_tested_keeps_if_not_ruled_out(pathway):
    assert "If CMV has not been ruled out before birth" in printed(pathway)


# --- C1: an infection recorded only on the blood-test result (engine flag infection-not-named) --


def test_c1_unnamed_infection_result_gets_scans_every_1_to_2_weeks(pathway):
    text = printed(
        pathway, workup={"maternal-infection-serology": {"status": "abnormal", "detail": "Parvovirus IgM positive"}}
    )
    steps = timeline(text)
    assert "Follow-up scans around 17 March 2026, then every 1 to 2 weeks" in steps
    assert "every 4 weeks" not in steps
    # It may be parvovirus: no CMV fluid test by the CMV rule, and the less-movement advice.
    assert "fluid test for CMV" not in steps and "Infection test on the fluid your team will tell you when" in steps
    assert "If your baby moves less than usual" in text[text.index("When to call your team") :]


def test_m8_unnamed_infection_on_the_fluid_is_not_called_cmv(pathway):
    text = printed(pathway, workup={"af-pcr": {"status": "abnormal"}})
    assert "If CMV has not been ruled out" not in text and "Because CMV was found" not in text
    assert "Because the fluid test found an infection, your baby will have a CMV test" in text


# --- minor findings ------------------------------------------------------------------------------


def test_m12_no_cause_is_said_once(pathway):
    text = printed(
        pathway,
        workup={"maternal-infection-serology": {"status": "normal"}, "amniocentesis-cma": {"status": "normal"}},
    )
    assert len(re.findall(r"Most often, no cause is (ever )?found\.", text)) == 1


def test_m14_survey_incomplete_does_not_say_healed(pathway):
    text = printed(pathway, exam={"detailed_survey": "not-done"})
    assert "small area that has healed" not in text


def test_m1_plural_spots_are_described_in_the_plural(pathway):
    text = printed(pathway, lesion={"count": "2-3"})
    assert "Doctors call bright spots like these calcifications. Each one is a tiny deposit of calcium." in text
    assert "Spots like these, on their own, are usually harmless." in text
    assert "a bright spot like this" not in text and "A spot like this on its own" not in text


def test_m2_no_harmless_lump_among_the_causes(pathway):
    text = printed(pathway)
    assert "harmless lump" not in text
    assert "a lump in the liver, such as a clump of small blood vessels" in text


def test_m4_anaemia_pattern_gets_less_movement_advice(pathway):
    text = printed(pathway, history={"maternal_infection": ["parvovirus"], "infection_date": "2026-02-20"})
    call = text[text.index("When to call your team") :]
    assert "If your baby moves less than usual, call your maternity unit straight away" in call


def test_m5_twins_with_low_risk_nipt_say_it_is_less_sure(pathway):
    text = printed(
        pathway,
        exam={"pregnancy": "twins", "fetus": "A"},
        screening={"cfdna": "low-risk"},
        workup={"maternal-infection-serology": {"status": "normal"}, "amniocentesis-cma": {"status": "declined"}},
    )
    assert "In twins, NIPT gives one result for both babies, and it is a little less sure." in text


def test_m7_placenta_is_not_in_your_baby(pathway):
    text = printed(pathway, findings={"hydrops": ["placentomegaly"]})
    assert "the scan found other differences in your baby or the placenta." in text


@pytest.mark.parametrize("urgent", [False, True])
def test_m8_m9_results_are_not_promised_in_1_to_3_weeks(pathway, urgent):
    findings = {"hydrops": ["pleural"]} if urgent else {}
    steps = timeline(printed(pathway, findings=findings, workup={"maternal-infection-serology": {"status": "pending"}}))
    assert "1 to 3 weeks" not in steps
    assert "Test results your team will tell you when" in steps
    assert steps.index("Today's scan") < steps.index("Test results") < steps.index("Follow-up scans")
    if urgent:
        assert steps.index("Test results") < steps.index("Specialist review")


def test_m10_urgent_review_done_does_not_ask_to_be_seen_again(pathway):
    text = printed(
        pathway,
        findings={"hydrops": ["pleural"]},
        workup={
            "fetal-medicine-review-urgent": {"status": "done", "date": "2026-03-10"},
            "maternal-infection-serology": {"status": "normal"},
        },
    )
    assert "The specialist team has seen your baby. They will tell you what happens next" in text
    assert "see you again very soon" not in text and "needs to check your baby soon" not in text
    assert "in the next day or two" not in text


def test_m11_fluid_test_that_can_be_done_now_is_on_the_timeline(pathway):
    steps = timeline(
        printed(pathway, exam={"gestational_age": {"weeks": 24, "days": 0}}, lesion={"hepatomegaly": True})
    )
    assert "Earliest fluid test for CMV can be done now, if you choose it" in steps


def test_m16_one_cf_carrier_says_a_result_is_awaited(pathway):
    text = printed(
        pathway,
        history={"cf_carriers": "one"},
        workup={"maternal-infection-serology": {"status": "normal"}, "amniocentesis-cma": {"status": "normal"}},
    )
    assert "One more result is not back yet: the cystic fibrosis test." in meaning(text)


def test_m9_no_should_i_have_amniocentesis_after_a_microarray(pathway):
    text = printed(
        pathway,
        screening={"cfdna": "high-risk"},
        workup={"maternal-infection-serology": {"status": "normal"}, "amniocentesis-cma": {"status": "normal"}},
    )
    assert "should I have amniocentesis?" not in text
    assert "What does my microarray result mean for my baby?" in text
    assert "should I have amniocentesis?" in printed(pathway, screening={"cfdna": "high-risk"})


def test_m13_an_offered_test_is_a_choice_not_simply_not_done_yet(pathway):
    text = meaning(printed(pathway, workup={"amniocentesis-cma": {"status": "offered"}}))
    assert "You can still decide about: amniocentesis" in text
    assert not re.search(r"Not done yet:[^.]*amniocentesis", text)


def test_m1_plural_spots_are_not_called_it(pathway):
    text = printed(pathway, lesion={"count": "4+"})
    assert "They often mark small areas that have healed." in text
    assert "Spots like these are not rare. Large studies found them in about 1 in every 1,000" in text
    assert "It often marks" not in text and "It is not rare" not in text
