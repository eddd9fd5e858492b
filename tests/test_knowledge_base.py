"""The clinical data: complete, cited, and strict about typos."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.knowledge.conditions import AtLeast
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway

SPEC_CATEGORIES = [
    "abnormal-result",
    "liver-mass",
    "peritoneal-complex",
    "non-isolated",
    "screen-positive",
    "survey-incomplete",
    "peritoneal-isolated",
    "isolated-reassuring",
    "isolated-pending",
]
SPEC_FLAGS = {
    "urgent",
    "infection-not-named",
    "no-call-screen",
    "early-survey",
    "spot-resolved",
    "infection-pattern",
    "anaemia-pattern",
    "vascular-pattern",
    "aneuploidy-pattern",
    "high-risk-screen",
    "mp-grade-0",
    "mp-grade-1",
    "mp-grade-2",
    "mp-grade-3",
    "polyhydramnios",
    "doppler-recommended",
    "declined-testing",
    "results-pending",
    "many-foci",
}
SPEC_ITEMS = [
    "anatomy-survey",
    "venous-doppler",
    "growth-scan",
    "fetal-medicine-review-urgent",
    "genetic-counselling",
    "amniocentesis-cma",
    "maternal-infection-serology",
    "af-pcr",
    "mca-doppler",
    "cf-carrier-testing",
    "fetal-cf-testing",
    "fetal-echo",
    "fetal-mri",
    "serial-scans",
    "specialist-referral",
    "delivery-planning",
    "neonatal-exam-ultrasound",
    "neonatal-cmv-test",
]


def test_ids_are_exactly_those_of_the_spec(pathway):
    kb = pathway.kb
    assert [c.id for c in kb.categories] == SPEC_CATEGORIES
    assert {f.id for f in kb.flags} == SPEC_FLAGS
    assert [i.id for i in kb.checklist] == SPEC_ITEMS


WORKFLOW_FLAGS = {"declined-testing", "results-pending", "early-survey", "spot-resolved", "infection-not-named"}


def test_every_category_flag_and_item_cites_a_known_reference(pathway):
    kb = pathway.kb
    for entry in (*kb.categories, *kb.flags, *kb.checklist):
        workflow = getattr(entry, "workflow", False)
        assert bool(entry.references) != workflow, entry.id
        assert set(entry.references) <= set(kb.references), entry.id
    for entry in (*kb.categories, *kb.flags):
        for addendum in entry.addenda:
            assert set(addendum.references) <= set(kb.references), entry.id


def test_only_workflow_flags_cite_nothing(pathway):
    """Design choices say so instead of citing papers that do not support them (review m11)."""
    assert {f.id for f in pathway.kb.flags if f.workflow} == WORKFLOW_FLAGS


def test_content_is_versioned_and_dated(pathway):
    meta = pathway.kb.meta
    assert meta.content_version.count(".") == 2
    assert dt.date.fromisoformat(meta.reviewed) <= dt.date.today()


def test_clinician_texts_never_use_percentages(pathway):
    kb = pathway.kb
    texts = [c.rationale for c in kb.categories] + [f.rationale for f in kb.flags]
    texts += [r.because for i in kb.checklist for r in i.rules] + [i.what for i in kb.checklist]
    assert not [t for t in texts if "%" in t]


def test_forbidden_figures_do_not_appear(pathway):
    text = (pathway.folder / "knowledge-base.toml").read_text("utf-8")
    for forbidden in ("18%", "20 of 21", "95%", "never cancer"):
        assert forbidden not in text


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


TYPOS = [
    (
        "knowledge-base.toml",
        'field = "lesion.compartment"',
        'field = "lesion.compartmant"',
        'knowledge-base.toml: term "peritoneal-calcification" > when > any[0]: unknown field "lesion.compartmant"',
    ),
    (
        "knowledge-base.toml",
        'in = ["capsular-peritoneal", "mixed"]',
        'in = ["capsular-peritoneum", "mixed"]',
        'term "peritoneal-calcification" > when > any[0]: "lesion.compartment" has no value(s) capsular-peritoneum',
    ),
    (
        "knowledge-base.toml",
        'references = ["zangheri-2007", "foster-1987"]',
        'references = ["zangheri-2070"]',
        'category "peritoneal-isolated": unknown reference(s): zangheri-2070',
    ),
    (
        "knowledge-base.toml",
        'references = ["bronshtein-1995"]\n[flags.when]',
        "references = []\n[flags.when]",
        'flag "many-foci": must cite at least one reference',
    ),
    (
        "knowledge-base.toml",
        "workflow = true\nreferences = []",
        'workflow = true\nreferences = ["simchen-2002"]',
        "a workflow rule records where the work stands and cites no publication",
    ),
    (
        "knowledge-base.toml",
        'level = "moderate"',
        'level = "medium"',
        'category "isolated-pending": "level" must be one of high, moderate, low, unknown; got "medium"',
    ),
    ("knowledge-base.toml", 'label = "Many spots"', 'lable = "Many spots"', 'flag "many-foci": missing "label"'),
    (
        "knowledge-base.toml",
        'rationale = "Four or more',
        'colour = "red"\nrationale = "Four or more',
        'flag "many-foci": unknown key(s): colour',
    ),
    (
        "knowledge-base.toml",
        '{ flag = "infection-pattern" }',
        '{ flag = "infection-patern" }',
        'unknown flag "infection-patern"',
    ),
    (
        "knowledge-base.toml",
        '{ workup = "maternal-infection-serology", in = ["normal"] }',
        '{ workup = "maternal-infection-serology", in = ["ok"] }',
        "unknown workup status id(s): ok",
    ),
    (
        "knowledge-base.toml",
        '{ term = "peritoneal-calcification" },\n  { count',
        '{ term = "peritonal-calcification" },\n  { count',
        'unknown term "peritonal-calcification"',
    ),
    (
        "knowledge-base.toml",
        'kind = "action"',
        'kind = "chore"',
        'checklist item "fetal-medicine-review-urgent": "kind" must be one of scan, test, action; got "chore"',
    ),
    (
        "knowledge-base.toml",
        '{ status = "pending", source = "history", when = { field = "history.cf_carriers"',
        '{ status = "booked", source = "history", when = { field = "history.cf_carriers"',
        'status "booked" is not one a test item takes',
    ),
    (
        "knowledge-base.toml",
        'decides the category.", when = { always = true }',
        'decides the category.", when = { always = false }',
        '"always" can only be true',
    ),
    (
        "case-schema.toml",
        'only_with = { field = "exam.pregnancy", in = ["twins", "higher-order"] }',
        'only_with = { field = "exam.pregnancy", in = ["twins", "triplets"] }',
        'field "exam.fetus": only_with names an unknown field or value',
    ),
    (
        "case-schema.toml",
        'rename = { normal = "done", pending = "booked" }',
        'rename = { normal = "finished", pending = "booked" }',
        "a rename to a status that kind does not take",
    ),
    (
        "knowledge-base.toml",
        'priority = "consider"',
        'priority = "maybe"',
        'checklist item "fetal-echo" > rules[1]: "priority" must be one of do, offer, consider',
    ),
    (
        "knowledge-base.toml",
        "otherwise = true",
        "otherwise = false",
        'category "isolated-pending": exactly the last category',
    ),
    (
        "case-schema.toml",
        'type = "choices"',
        'type = "multi"',
        'case-schema.toml: field "findings.structural": "type" must be one of text',
    ),
    ("case-schema.toml", 'group = "lesion"', 'group = "liver"', 'field "lesion.count": unknown group "liver"'),
    (
        "references.toml",
        "year = 2002",
        'year = "2002"',
        'references.toml: reference "simchen-2002": "year" must be int',
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), TYPOS)
def test_a_typo_stops_loading_with_file_and_entry_named(kb_copy, file, old, new, message):
    _edit(kb_copy, file, old, new)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_pathway(kb_copy)
    assert message in str(caught.value)


def test_broken_toml_syntax_is_a_clear_error(kb_copy):
    (kb_copy / "knowledge-base.toml").write_text("[meta\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"knowledge-base.toml: cannot read"):
        load_pathway(kb_copy)


def test_unmodified_copy_loads(kb_copy):
    assert load_pathway(kb_copy).kb.meta.content_version


def test_a_fact_says_one_day_not_one_days(pathway):
    """Facts named their number's unit in the plural only ("1 days"), unlike the form and the summary."""
    spec = pathway.schema.field("exam.gestational_age.days")
    assert spec is not None

    class OneDay:
        def value(self, path: str) -> int:
            return 1

    assert AtLeast(spec, 1).why(OneDay()) == ("Gestational age, days: 1 day (≥ 1)",)  # type: ignore[arg-type]
