"""The leaflet against spec section 5 (v2), point by point, read back from real PDFs.

Cases: the bundled demos plus cases built here for what the demos do not show (a
screen-positive NIPT, urgent hydrops without an abnormal result, twins, a resolved spot,
an early survey, a recorded illness date). Properties over any valid case check what must
never be printed and that the timeline is in date order.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import readability
from hypothesis import given, settings

from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.case import Case
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.content import ClinicDetails, LeafletContent, build_content
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from tests.conftest import EXAMPLES
from tests.leaflet_helpers import TODAY, case_from, flat, leaflet
from tests.strategies import case_data

DEMOS = sorted(p.stem for p in EXAMPLES.glob("*.json"))

# Cases built for what the demos do not cover; each names the category it must land in.
BUILT: dict[str, tuple[str, dict[str, Any]]] = {
    "sp-serology-normal": (
        "screen-positive",
        {"screening": {"cfdna": "high-risk"}, "workup": {"maternal-infection-serology": {"status": "normal"}}},
    ),
    "sp-no-survey": (
        "screen-positive",
        {"exam": {"detailed_survey": "not-done"}, "screening": {"cfdna": "high-risk"}},
    ),
    "urgent-pleural": (
        "non-isolated",
        {"findings": {"hydrops": ["pleural"]}, "lesion": {"count": "2-3", "compartment": "parenchymal"}},
    ),
    "abnormal-cmv": (
        "abnormal-result",
        {"workup": {"maternal-infection-serology": {"status": "normal"}, "af-pcr": {"status": "abnormal"}}},
    ),
    "reassuring-microarray": (
        "isolated-reassuring",
        {
            "workup": {
                "maternal-infection-serology": {"status": "normal"},
                "amniocentesis-cma": {"status": "normal"},
            }
        },
    ),
    "pending-declined": (
        "isolated-pending",
        {
            "workup": {
                "maternal-infection-serology": {"status": "declined"},
                "amniocentesis-cma": {"status": "pending"},
            }
        },
    ),
    "early-survey": (
        "survey-incomplete",
        {"exam": {"gestational_age": {"weeks": 15, "days": 0}, "detailed_survey": "done"}},
    ),
    "twin-a": ("isolated-pending", {"exam": {"pregnancy": "twins", "fetus": "A"}}),
    "resolved": (
        "isolated-pending",
        {"lesion": {"count": "2-3", "compartment": "parenchymal", "change_from_prior": "resolved"}},
    ),
    "illness-date": (
        "isolated-pending",
        {
            "history": {"maternal_illness": True, "illness_date": "2026-02-20"},
            "workup": {"amniocentesis-cma": {"status": "offered"}},
        },
    ),
    "diffuse-surface": (
        "peritoneal-isolated",
        {"lesion": {"count": "diffuse", "compartment": "capsular-peritoneal", "lobe": "right"}},
    ),
}
REASSURANCE = (
    "usually harmless",
    "healed",
    "did well",
    "nearly all",
    "not rare",
    "no cause is found",
    "unlikely to happen again",
    "do well",
    "good sign",
)
FORBIDDEN = (
    "does no harm",
    "nothing to worry about",
    "18%",
    "%",
    "percent",
    "20 of 21",
    "95%",
    "never cancer",
    "is not cancer",
    "You do not need to decide anything today",
    "You can change your mind at any time",
    "reviewed 20",
    "not confirmed",
    "placeholder",
    "TODO",
    "TBD",
    "XXX",
    "lorem",
    "{",
    "}",
    "None",
)
ADULT = ("3 cm", "hydatid", "echinococc", "tubercul", "granuloma", "metasta", "gallstone", "bile duct", "cirrhosis")


def _build(pathway: Pathway, sections: dict[str, Any]) -> Case:
    return case_from(pathway, version=2, **sections)


def _case(pathway: Pathway, name: str) -> Case:
    if name in BUILT:
        return _build(pathway, BUILT[name][1])
    return read_case_file(EXAMPLES / f"{name}.json", pathway)


def _content(pathway: Pathway, case: Case, clinic: ClinicDetails | None = None) -> LeafletContent:
    texts = load_leaflet_texts(pathway)
    return build_content(case, assess(case, pathway), pathway, texts, clinic or ClinicDetails())


ALL = [*DEMOS, *BUILT]


@pytest.fixture(scope="module")
def printed(pathway) -> dict[str, str]:
    """The flattened PDF text of every demo and built case."""
    return {name: flat(leaflet(pathway, _case(pathway, name))) for name in ALL}


@pytest.fixture(scope="module")
def category(pathway) -> dict[str, str]:
    return {name: assess(_case(pathway, name), pathway).category for name in ALL}


def _between(text: str, start: str, end: str) -> str:
    """The printed text from heading ``start`` up to heading ``end``."""
    return text[text.index(start) : text.index(end, text.index(start))]


def _seen(text: str) -> str:
    return _between(text, "What the scan showed", "What this usually means")


def _meaning(text: str) -> str:
    return _between(text, "What this usually means", "Tests and checks")


# --- built cases land where they should ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_cases_are_in_their_category(category, name):
    assert category[name] == BUILT[name][0]


# --- point 1: what was seen ------------------------------------------------------------------


def test_what_was_seen_names_date_gestation_count_size_and_place(printed):
    seen = _seen(printed["isolated-pending"])
    assert "You had a scan on 10 March 2026, when you were 20 weeks and 3 days pregnant." in seen
    assert "The scan showed one bright spot in your baby's liver. It measured about 5.5 mm across." in seen
    assert "It is on the right side of the liver. It is inside the liver itself." in seen


SINGULAR, PLURAL = r"\bIt (is|lies|measured|looks)\b", r"\b(They|them)\b"
COUNT_WORDS = {
    "1": ("one bright spot", SINGULAR, PLURAL),
    "2-3": ("two or three bright spots", PLURAL, SINGULAR),
    "4+": ("four or more bright spots", PLURAL, SINGULAR),
    "diffuse": ("many small bright specks", PLURAL, SINGULAR),
}
COMPARTMENTS = {
    "parenchymal": "inside the liver itself",
    "capsular-peritoneal": "on the outer surface of the liver",
    "vascular": "along blood vessel",
    "mixed": "on its surface",
}


@pytest.mark.parametrize("count", sorted(COUNT_WORDS))
@pytest.mark.parametrize("compartment", sorted(COMPARTMENTS))
def test_number_agreement_and_compartment_wording(pathway, count, compartment):
    words, pronoun, wrong = COUNT_WORDS[count]
    case = _build(pathway, {"lesion": {"count": count, "compartment": compartment, "largest_mm": [3.0]}})
    content = _content(pathway, case)
    seen = content.seen[0]
    assert words in seen
    place = COMPARTMENTS[compartment]
    if count == "1" and compartment == "vascular":
        place = "along a blood vessel"
    assert place in seen
    assert (re.search(pronoun, seen) or compartment == "mixed") and not re.search(wrong, seen)
    assert ("It measured about 3 mm" in seen) == (count == "1")
    assert ("The largest one measured about 3 mm" in seen) == (count != "1")
    title = "A bright spot in your baby's liver" if count == "1" else "Bright spots in your baby's liver"
    assert content.title == title
    # Everything the leaflet says about "the spot" agrees with the count.
    body = " ".join(content.body())
    if count == "1":
        assert "the spots" not in body and "The spots" not in body and "the specks" not in body
    else:
        assert not re.search(r"\b[Tt]he spot (is|was)\b", body)


@pytest.mark.parametrize("count", ["1", "2-3"])
def test_isolated_meaning_agrees_with_the_count(printed, pathway, count):
    case = _build(pathway, {"lesion": {"count": count, "compartment": "parenchymal"}})
    text = _meaning(flat(leaflet(pathway, case)))
    expected = "the spot is the only thing" if count == "1" else "the spots are the only thing"
    assert expected in text


def test_baby_b_of_triplets_is_named(pathway):
    case = _build(pathway, {"exam": {"pregnancy": "higher-order", "fetus": "B"}})
    assert "Baby B's liver" in _content(pathway, case).seen[0]


def test_twin_a_is_named(printed):
    seen = _seen(printed["twin-a"])
    assert "Twin A's liver" in seen
    assert 'This leaflet is about Twin A. Where it says "your baby", it means Twin A.' in seen
    assert "Twin" not in _seen(printed["isolated-pending"])


def test_a_resolved_spot_was_seen_before_and_is_no_longer_seen(printed):
    seen = _seen(printed["resolved"])
    assert "An earlier scan showed two or three bright spots" in seen
    assert "This scan no longer shows them." in seen
    assert "The scan showed two or three" not in seen and "They are inside" not in seen
    assert "So far, the scans have found nothing else in your baby." in _meaning(printed["resolved"])
    assert "the spots are the only thing" not in printed["resolved"]


# --- point 2: what it usually means ----------------------------------------------------------


def test_isolated_meaning_says_usually_harmless_with_study_numbers(printed):
    for name in ("isolated-pending", "isolated-reassuring"):
        meaning = _meaning(printed[name])
        assert "usually harmless" in meaning
    assert "In one study of 21 babies whose only finding was a liver spot, 19 did well." in printed["isolated-pending"]


def test_main_tests_normal_only_when_infection_screen_and_chromosomes_are_covered(printed):
    assert "The main tests are normal too." in printed["isolated-reassuring"]  # serology normal + low-risk NIPT
    assert "The main tests are normal too." in printed["reassuring-microarray"]
    for name in ("isolated-pending", "pending-declined", "illness-date"):
        assert "main tests" not in printed[name]


def test_low_risk_nipt_says_what_it_does_not_cover(printed):
    text = printed["isolated-reassuring"]
    assert "NIPT does not look for small missing or extra pieces of chromosomes" in text
    assert "It does not check for infections either." in text
    assert "NIPT does not look for small" not in _meaning(printed["reassuring-microarray"])  # microarray normal


def test_isolated_pending_says_which_tests_are_not_done_waiting_or_declined(printed):
    demo = _meaning(printed["isolated-pending"])
    assert "Not done yet: amniocentesis" in demo
    assert "Still waiting for the results: the blood tests for infections." in demo
    assert "You chose not to have" not in demo
    declined = _meaning(printed["pending-declined"])
    assert "You chose not to have: the blood tests for infections." in declined
    assert "Still waiting for the results: amniocentesis." in declined
    assert "Not done yet: amniocentesis" not in declined


@pytest.mark.parametrize("name", ["non-isolated", "liver-mass", "peritoneal-complex"])
def test_high_categories_say_the_team_will_discuss_and_chromosome_chance_is_higher(printed, name):
    meaning = _meaning(printed[name])
    assert "Your team will talk to you about what" in meaning
    assert "chance of a chromosome condition is" in meaning and "higher" in meaning
    assert "usually harmless" not in meaning


def test_infection_is_named_more_likely_only_with_the_infection_pattern(printed, pathway):
    assert "signs of an infection" in _meaning(printed["non-isolated"])  # hepatomegaly-free, but FGR + echogenic bowel
    plain = _build(pathway, {"findings": {"structural": ["heart"]}})
    assert "signs of an infection" not in _meaning(flat(leaflet(pathway, plain)))


def test_screen_positive_explains_nipt_is_not_a_diagnosis(printed):
    meaning = _meaning(printed["screen-positive"])
    assert "Your NIPT blood test showed a higher chance of a chromosome condition." in meaning
    assert "It is not a diagnosis" in meaning
    assert "A test of the fluid around your baby, called amniocentesis, can tell for sure." in meaning
    assert "the detailed scan showed no other differences in your baby" in meaning
    assert "other differences in your baby" not in meaning.replace("showed no other differences in your baby", "")
    no_survey = _meaning(printed["sp-no-survey"])
    assert "no other differences" not in no_survey
    assert "Your baby still needs a full detailed scan." in no_survey


def test_abnormal_result_has_no_generic_reassurance_anywhere(printed, category):
    for name, text in printed.items():
        if category[name] != "abnormal-result":
            continue
        assert "Your team will explain the result to you" in text
        for phrase in REASSURANCE:
            assert phrase not in text, (name, phrase)
        assert "What can cause it" not in text


@pytest.mark.parametrize("name", ["abnormal-result", "urgent-pleural", "urgent-hydrops"])
def test_urgent_wording_replaces_no_decision_today(printed, name):
    text = printed[name]
    meaning = _meaning(text)
    assert meaning.index("Your team wants to see you again very soon, usually within a day or two.") < meaning.index(
        "Please go to the appointment"
    )
    assert "fluid building up in your baby's body" in meaning  # why, in plain words
    assert "decide anything today" not in text
    assert "If your baby moves less than usual, call your maternity unit straight away" in text
    if name == "urgent-hydrops":  # the demo records the review as booked for the next day
        assert "Specialist review booked for 7 May 2026" in text
    else:
        assert "Specialist review within 1 to 2 days" in text
    assert "then every 1 to 2 weeks" in text and "about every 4 weeks" not in text


def test_mca_speed_is_explained_when_it_makes_the_case_urgent(printed):
    assert "blood is flowing faster than usual in your baby's head" in printed["abnormal-result"]
    assert "flowing faster" not in printed["urgent-pleural"]


def test_results_are_awaited_only_when_a_test_is_pending(printed):
    # The screen-positive demo has amniocentesis offered and counselling booked: nothing awaits a result.
    for phrase in ("Some test results are not back yet", "Test results usually", "When will my test results be back"):
        assert phrase not in printed["screen-positive"]
    assert "Test results usually within 1 to 3 weeks" in printed["isolated-pending"]  # serology pending


def test_not_urgent_cases_have_no_urgent_wording(printed):
    for name in ("isolated-pending", "non-isolated", "screen-positive"):
        assert "very soon" not in printed[name] and "moves less" not in printed[name]


# --- point 3: causes -------------------------------------------------------------------------


def test_causes_for_every_category_except_abnormal_result(printed, category):
    for name, text in printed.items():
        has_causes = "What can cause it" in text
        assert has_causes == (category[name] != "abnormal-result"), name
        if has_causes:
            causes = _between(text, "What can cause it", "Tests and checks")
            for cause in ("an infection", "a chromosome condition", "a blood vessel", "lump in the liver"):
                assert cause in causes, (name, cause)
    assert "Most often, no cause is found." in printed["isolated-pending"]
    assert "a small leak from the bowel" in printed["peritoneal-isolated"]
    assert "a harmless lump" not in printed["liver-mass"] and "a lump in the liver" in printed["liver-mass"]


# --- point 4: tests, jargon, time limits -----------------------------------------------------

JARGON = ("NIPT", "CMV", "Parvovirus", "Toxoplasma", "Cystic fibrosis", "Amniocentesis", "Microarray")


@pytest.mark.parametrize("name", ALL)
def test_jargon_is_explained_once(printed, name):
    text = printed[name]
    words = _between(text, "Some words explained", "Tests and checks")
    outside = text.replace(words, "")
    for word in JARGON:
        used = re.search(rf"\b{word}", outside, re.IGNORECASE) is not None
        assert words.count(f"{word}:") == (1 if used else 0), (name, word)


def test_time_limits_are_stated(printed):
    text = printed["isolated-pending"]
    assert "It is done after 21 weeks, and at least 6 weeks after an illness or infection." in text
    assert "A saliva or urine test within 3 weeks of birth" in text
    assert "After 3 weeks, the test can no longer show whether the infection began before birth." in text


def test_change_of_mind_is_never_promised_without_limits(printed):
    text = printed["isolated-reassuring"]
    assert (
        "If you change your mind about a test, tell your team soon. Some tests can only be done at certain times."
        in text
    )
    assert "You chose not to have it" in text
    assert "change your mind" not in printed["non-isolated"]  # nothing declined


def test_status_of_each_test_is_shown(printed):
    text = printed["isolated-pending"]
    for status in ("Done: normal", "Waiting for the result", "Offered: you can decide", "To be discussed"):
        assert status in text
    assert (
        "Newborn check and scan A check of your baby and a scan of the tummy after birth. Recommended After birth"
        in text
    )
    urgent = printed["urgent-pleural"]
    assert "Urgent specialist review" in urgent and "Your team will arrange it within 1 to 2 days" in urgent


# --- point 5: what happens next --------------------------------------------------------------

_DATE = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b"
)


def _dates(text: str) -> list[dt.date]:
    return [dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date() for m in _DATE.finditer(text)]


@pytest.mark.parametrize("name", ALL)
def test_timeline_dates_are_in_order(printed, name):
    timeline = _between(printed[name], "What happens next", "Later in pregnancy and after birth")
    dates = _dates(timeline)
    assert dates == sorted(dates) and len(dates) >= 2
    assert timeline.index("Your due date") < timeline.index("Newborn check")


def test_timeline_dates_come_from_the_gestational_age(printed):
    text = printed["isolated-pending"]
    # Scan 10 March 2026 at 20+3: 21+0 is 14 March, 40+0 is 25 July, +4 weeks is 7 April.
    assert "Earliest fluid test for CMV from about 14 March 2026" in text
    assert "Your due date around 25 July 2026" in text
    assert "Follow-up scans around 7 April 2026, then about every 4 weeks" in text


def test_detailed_scan_within_two_weeks_when_survey_not_complete(printed):
    assert "Detailed scan within 1 to 2 weeks, by about 4 March 2026" in printed["survey-incomplete"]  # 16+5
    assert "Detailed scan at about 18 weeks, around 31 March 2026" in printed["early-survey"]  # 15+0 on 10 March
    assert "Your detailed scan was done before 18 weeks." in printed["early-survey"]
    assert "Detailed scan within" not in printed["isolated-pending"]


def test_fluid_cmv_test_waits_six_weeks_after_the_illness(printed):
    # Illness 20 February 2026 + 6 weeks = 3 April 2026, later than 21 weeks (14 March).
    assert "Earliest fluid test for CMV from about 3 April 2026" in printed["illness-date"]


def test_newborn_cmv_test_only_when_cmv_not_excluded(printed, pathway):
    assert "Newborn CMV test within 3 weeks of birth" in printed["abnormal-cmv"]
    assert "Newborn CMV test" not in printed["isolated-reassuring"]
    assert "If CMV has not been ruled out before birth" not in printed["isolated-reassuring"]


# --- points 6-10 -----------------------------------------------------------------------------


def test_spots_often_fade_except_abnormal_result_and_liver_mass(printed, category):
    for name, text in printed.items():
        says = "Spots like this often stay the same, get smaller or go away" in text
        assert says == (category[name] not in ("abnormal-result", "liver-mass")), name


def test_future_pregnancies(printed):
    assert "If no cause is found, it is unlikely to happen again in another pregnancy." in printed["isolated-pending"]
    assert "Your team will explain what your result means for any future pregnancy." in printed["abnormal-result"]


@pytest.mark.parametrize("name", ALL)
def test_when_to_call_adult_information_and_feelings(printed, name):
    text = printed[name]
    call = _between(text, "When to call your team", "Questions you may want to ask")
    assert "a fever, a rash or a flu-like illness" in call
    assert 'chickenpox or "slapped cheek"' in call
    assert "liver calcification in adults. That is a different thing. It does not apply to your baby." in text
    assert "It is normal to feel worried" in text and "another talk" in text
    assert "Phone 0100 000 000" in _between(text, "Who to contact", "Where this information comes from")


# --- point 11: questions ---------------------------------------------------------------------


def test_questions_are_tailored(printed):
    isolated, other = printed["isolated-pending"], printed["non-isolated"]
    assert "Did the scan show anything else?" in isolated and "What do the other findings mean" not in isolated
    assert "What do the other findings mean for my baby?" in other and "Did the scan show anything else?" not in other
    assert "When will my test results be back" in isolated
    assert "Is the spot inside the liver, on its surface, or in a blood vessel?" in printed["survey-incomplete"]
    assert "inside the liver, on its surface, or in a blood vessel?" not in isolated  # compartment recorded
    assert "What does my NIPT result mean, and should I have amniocentesis?" in printed["screen-positive"]
    assert "Where should I give birth?" not in printed["screen-positive"]
    assert "which results are still due?" in printed["survey-incomplete"]  # no infection blood tests yet
    assert "which results are still due?" not in printed["abnormal-result"]  # serology done (abnormal)


# --- point 12 --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DEMOS)
def test_note_contact_version_references_and_disclaimer(printed, name):
    text = printed[name]
    assert "Leaflet content version 1.1.0, draft, awaiting clinical review." in text
    assert "content 1.1.0, draft, awaiting clinical review" in text  # footer
    assert re.search(r"\d\. Simchen MJ, Toi A", text)
    assert "It does not replace advice from your own doctors and midwives." in text
    note = "We will call you with the blood test results within a week."
    assert (note in text) == (name == "isolated-pending")


# --- reading grade ---------------------------------------------------------------------------


def _sentences(lines: tuple[str, ...]) -> str:
    """One sentence per line, as the readability package expects its input."""
    return "\n".join(s.strip() for line in lines for s in re.split(r"(?<=[.?!])\s+", line) if s.strip())


@pytest.mark.parametrize("name", ALL)
def test_body_text_reads_at_grade_7_or_lower(pathway, name):
    content = _content(pathway, _case(pathway, name))
    grade = readability.getmeasures(_sentences(content.body()), lang="en")["readability grades"]["Kincaid"]
    assert grade <= 7.0, f"{name}: Flesch-Kincaid grade {grade:.1f}"


# --- never printed, for any valid case -------------------------------------------------------


def _check_never_printed(content: LeafletContent, case: Case, category: str, terms: tuple[str, ...]) -> None:
    text = " ".join(
        (content.title, *content.body(), content.version_line, content.footer, *content.references, *content.contact)
    )
    for phrase in (*FORBIDDEN, *ADULT):
        assert phrase not in text, phrase
    if category == "abnormal-result":
        for phrase in REASSURANCE:
            assert phrase not in text, phrase
    if "urgent" in terms:
        assert "very soon, usually within a day or two" in text
    if "The main tests" in text:
        assert "infection-screen-normal" in terms
        assert case.status_of("amniocentesis-cma") == "normal" or case.get("screening.cfdna") == "low-risk"
    seen = content.seen[0]
    wrong = PLURAL if case.get("lesion.count") == "1" else SINGULAR
    assert not re.search(wrong, seen), seen
    section_ids = {section.id for section in (*content.after_meaning, *content.after_next)}
    assert ("causes" in section_ids) == (category != "abnormal-result")
    fade = "Spots like this often stay the same" in text
    assert fade == (category not in ("abnormal-result", "liver-mass"))
    days = [p.day for p in content.timeline]
    assert days == sorted(days)
    # Everything not named "after birth" is dated, and dated points are in date order.
    dated = [d for p in content.timeline for d in _dates(p.when)]
    assert dated == sorted(dated)


def test_nothing_forbidden_for_any_valid_case(pathway):
    texts = load_leaflet_texts(pathway)

    @settings(max_examples=300, deadline=None)
    @given(data=case_data(pathway, TODAY))
    def check(data: dict[str, Any]) -> None:
        case = pathway.parser.parse(data, TODAY)
        assessment = assess(case, pathway)
        content = build_content(case, assessment, pathway, texts, ClinicDetails("Unit", "Phone 1"))
        _check_never_printed(content, case, assessment.category, assessment.terms)

    check()


def test_nothing_forbidden_in_the_printed_pdf_of_any_valid_case(pathway):
    @settings(max_examples=10, deadline=None)
    @given(data=case_data(pathway, TODAY))
    def check(data: dict[str, Any]) -> None:
        data.pop("patient", None)  # typed text is tested elsewhere; some scripts are refused by design
        data.pop("notes", None)
        data["exam"].pop("clinic", None)
        case = pathway.parser.parse(data, TODAY)
        text = flat(leaflet(pathway, case))
        for phrase in (*FORBIDDEN, *ADULT):
            assert phrase not in text, phrase
        assert "Leaflet content version 1.1.0, draft, awaiting clinical review." in text

    check()
