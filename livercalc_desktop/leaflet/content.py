"""What the leaflet says, as plain data: no reportlab here.

Built from the case, its assessment and the language's texts, so tests can check the
wording and order directly, and the renderer only typesets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from livercalc_desktop import __version__
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.engine.assessment import Assessment
from livercalc_desktop.engine.evaluate import settled_facts
from livercalc_desktop.knowledge.conditions import Facts
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.letterhead import ClinicDetails as ClinicDetails  # re-exported: its old home
from livercalc_desktop.leaflet.letterhead import Logo
from livercalc_desktop.leaflet.texts import Conditional, LeafletTexts
from livercalc_desktop.leaflet.timeline import Milestone, milestones

SMALL_SPOT_MM = 5.0
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """Write a date the way a patient reads it: 10 March 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class TestRow:
    """One line of the tests table."""

    name: str
    tells: str
    priority: str
    status: str


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """A milestone with its words: ``label`` above the line, ``when`` below it."""

    key: str
    day: int
    label: str
    when: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LeafletContent:
    """Everything the leaflet prints, in order."""

    language: str
    title: str
    subtitle: str
    headings: dict[str, str]
    greeting: str | None
    seen: tuple[str, ...]
    meaning: tuple[str, ...]
    tests: tuple[TestRow, ...]
    next_intro: str
    timeline: tuple[TimelinePoint, ...]
    questions: tuple[str, ...]
    note: str | None
    contact: tuple[str, ...]
    clinic_name: str
    logo: Logo | None
    sources_intro: str
    references: tuple[str, ...]
    version_line: str
    disclaimer: str
    draft_notice: str | None
    creator: str
    footer: str


def _gestation(case: Case, texts: LeafletTexts) -> str:
    """Write 20 weeks and 3 days, 21 weeks and 1 day, or just 22 weeks."""
    weeks, days = case.get("exam.gestational_age.weeks"), case.get("exam.gestational_age.days")
    assert isinstance(weeks, int) and isinstance(days, int)
    seen = texts.seen
    week_text = seen["week" if weeks == 1 else "weeks"].format(n=weeks)
    if days == 0:
        return week_text
    return seen["gestation"].format(weeks=week_text, days=seen["day" if days == 1 else "days"].format(n=days))


def _seen(case: Case, pathway: Pathway, texts: LeafletTexts) -> tuple[str, ...]:
    seen = texts.seen
    exam_date = str(case.get("exam.date"))
    day = parse_date(exam_date)
    lines = [seen["scan"].format(date=long_date(day) if day else exam_date, gestation=_gestation(case, texts))]
    lines.append(texts.seen_choices["lesion.count"][str(case.get("lesion.count"))])
    sizes = case.get("lesion.largest_mm")
    if isinstance(sizes, tuple) and sizes:
        largest = max(float(s) for s in sizes)
        template = seen["size"] if largest < SMALL_SPOT_MM else seen["size_large"]
        lines.append(template.format(size=f"{largest:g}"))
    for path in ("lesion.lobe", "lesion.compartment"):
        value = case.get(path)
        if isinstance(value, str) and value in texts.seen_choices[path]:
            lines.append(texts.seen_choices[path][value])
    return (" ".join(lines), f"{seen['what']} {seen['common']}")


def _timeline(case: Case, assessment: Assessment, texts: LeafletTexts) -> tuple[TimelinePoint, ...]:
    exam_date = parse_date(str(case.get("exam.date")))
    weeks, days = case.get("exam.gestational_age.weeks"), case.get("exam.gestational_age.days")
    assert exam_date is not None and isinstance(weeks, int) and isinstance(days, int)
    words = texts.next

    def when(point: Milestone) -> str:
        if point.key == "today":
            return long_date(exam_date)
        if point.key == "results":
            return words["results_when"]
        if point.key == "newborn":
            cmv = " " + words["newborn_cmv"] if assessment.entry("neonatal-cmv-test") else ""
            return words["newborn_when"] + cmv
        assert point.date is not None
        stem = f"{words['about']} {long_date(point.date)}"
        return f"{stem}, then {words['scan_when']}" if point.key == "scan" else stem

    return tuple(
        TimelinePoint(key=m.key, day=m.day, label=words[m.key], when=when(m))
        for m in milestones(exam_date, weeks * 7 + days, assessment)
    )


def _chosen(items: tuple[Conditional, ...], facts: Facts) -> tuple[str, ...]:
    return tuple(item.text for item in items if item.when is None or item.when.holds(facts))


def build_content(
    case: Case, assessment: Assessment, pathway: Pathway, texts: LeafletTexts, clinic: ClinicDetails
) -> LeafletContent:
    """Return the leaflet for one case."""
    name = case.get("patient.preferred_name") or case.get("patient.name")
    clinic_name = clinic.name or str(case.get("exam.clinic") or "")
    letterhead = clinic.lines() if clinic.name else (clinic_name, *clinic.lines())
    contact = tuple(line for line in letterhead if line) or (texts.contact["fallback"],)
    cited = [*pathway.kb.category(assessment.category).references, *texts.references]
    refs = pathway.kb.references
    meta = pathway.kb.meta
    version_line = texts.sources["version"].format(
        version=texts.content_version, reviewed=texts.reviewed, app=__version__
    )
    note = case.get("notes.for_patient")
    facts = settled_facts(case, pathway, assessment)  # shared, so derived terms are computed once
    return LeafletContent(
        language=texts.language,
        title=texts.title,
        subtitle=texts.subtitle,
        headings=dict(texts.headings),
        greeting=texts.headings["greeting"].format(name=name) if isinstance(name, str) else None,
        seen=_seen(case, pathway, texts),
        meaning=texts.meaning[assessment.category] + _chosen(texts.extras, facts),
        tests=tuple(
            TestRow(
                name=texts.tests[e.id].name,
                tells=texts.tests[e.id].tells,
                priority=texts.priority[e.priority.value] if e.indicated else "",
                status=texts.status[e.status],
            )
            for e in assessment.checklist
        ),
        next_intro=texts.next["intro"],
        timeline=_timeline(case, assessment, texts),
        questions=_chosen(texts.questions, facts),
        note=note if isinstance(note, str) else None,
        contact=contact,
        clinic_name=clinic_name,
        logo=clinic.logo,
        sources_intro=texts.sources["intro"],
        references=tuple(refs[r].full for r in dict.fromkeys(cited)),
        version_line=version_line,
        disclaimer=texts.sources["disclaimer"],
        draft_notice=texts.sources["draft"] if meta.review_status != "approved" else None,
        creator=f"LiverCalc Desktop {__version__} (knowledge base {meta.content_version}, "
        f"texts {texts.content_version})",
        footer=f"LiverCalc Desktop {__version__} · content {texts.content_version}, reviewed {texts.reviewed}",
    )
