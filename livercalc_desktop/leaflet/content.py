"""What the leaflet says, as plain data: no reportlab here.

Built from the case, its assessment and the language's texts, so tests can check the
wording and order directly, and the renderer only typesets. Every sentence comes from
the texts file; this module only chooses among them (by category, flags, terms and
recorded values), fills in the case's own facts with the right grammatical number, and
orders the timeline. Dates, numbers, weeks and lists are formatted for the texts' CLDR
locale (``formats``), so no month name, date order or plural rule is written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from livercalc_desktop import __version__
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.engine.assessment import NOT_RECORDED, Assessment
from livercalc_desktop.engine.evaluate import settled_facts
from livercalc_desktop.knowledge.conditions import Facts
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.formats import Formats
from livercalc_desktop.leaflet.letterhead import ClinicDetails as ClinicDetails  # re-exported: its old home
from livercalc_desktop.leaflet.letterhead import Logo
from livercalc_desktop.leaflet.texts import COUNT_NUMBER, Conditional, LeafletTexts, SectionText
from livercalc_desktop.leaflet.timeline import FLUID_TESTS_UNTIL_DAYS, Milestone, milestones, recorded_illness_dates

SMALL_SPOT_MM = 5.0  # below this, the leaflet adds "smaller than a grain of rice"


@dataclass(frozen=True, slots=True)
class TestRow:
    """One line of the tests table."""

    name: str
    tells: str
    priority: str
    status: str


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """A milestone with its words: ``label`` and ``when``; ``mark`` is the left-hand gestation."""

    key: str
    day: int
    label: str
    when: str
    mark: str


@dataclass(frozen=True, slots=True)
class Section:
    """A titled block: paragraphs, then bullet points, then closing paragraphs."""

    id: str
    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    closing: tuple[str, ...]
    boxed: bool

    def lines(self) -> tuple[str, ...]:
        return (*self.paragraphs, *self.bullets, *self.closing)


@dataclass(frozen=True, slots=True, kw_only=True)
class LeafletContent:
    """Everything the leaflet prints, in order.

    ``draft_notice`` is the "not yet reviewed by a qualified medical translator" line of a
    draft translation, in its language and in English (empty for English or a reviewed one).
    """

    language: str
    right_to_left: bool
    draft_notice: tuple[str, ...]
    table_header: tuple[str, str, str]
    page_label: str
    formats: Formats
    number: str
    title: str
    subtitle: str
    headings: dict[str, str]
    greeting: str | None
    seen: tuple[str, ...]
    urgent: tuple[str, ...]
    meaning: tuple[str, ...]
    after_meaning: tuple[Section, ...]
    words: tuple[tuple[str, str], ...]
    tests: tuple[TestRow, ...]
    next_intro: str
    timeline: tuple[TimelinePoint, ...]
    after_next: tuple[Section, ...]
    questions: tuple[str, ...]
    note: str | None
    contact: tuple[str, ...]
    clinic_name: str
    logo: Logo | None
    sources_intro: str
    references: tuple[str, ...]
    version_line: str
    disclaimer: str
    creator: str
    footer: str

    def body(self) -> tuple[str, ...]:
        """Every sentence written for the patient to read (not names, notes or references)."""
        sections = (*self.after_meaning, *self.after_next)
        return (
            *self.seen,
            *self.urgent,
            *self.meaning,
            *(line for s in sections for line in s.lines()),
            *(text for _, text in self.words),
            *(f"{row.name}. {row.tells}" for row in self.tests),
            self.next_intro,
            *(f"{p.label}: {p.when}." for p in self.timeline),
            *self.questions,
            self.sources_intro,
            self.disclaimer,
        )


class _Writer:
    """Fills the texts for one case: placeholders, conditions and the case's own facts."""

    def __init__(self, case: Case, assessment: Assessment, pathway: Pathway, texts: LeafletTexts) -> None:
        self.case, self.assessment, self.texts = case, assessment, texts
        self.formats = Formats.of(texts.locale)
        self.facts: Facts = settled_facts(case, pathway, assessment)  # derived terms computed once
        self.number = COUNT_NUMBER[str(case.get("lesion.count"))]
        self.words = {**texts.numbers[self.number], **self._baby(), "tests_status": self._tests_status()}

    def _baby(self) -> dict[str, str]:
        baby = self.texts.baby
        pregnancy, fetus = self.case.get("exam.pregnancy"), self.case.get("exam.fetus")
        if isinstance(pregnancy, str) and pregnancy in baby and isinstance(fetus, str):
            name = baby[pregnancy].format(fetus=fetus)
        else:
            name = baby["default"]
        return {"baby": name, "babys": baby["possessive"].format(baby=name)}

    def fill(self, text: str, **more: str) -> str:
        return text.format_map({**self.words, **more}) if "{" in text else text

    def holds(self, item: Conditional | SectionText) -> bool:
        return item.when is None or item.when.holds(self.facts)

    def chosen(self, items: Iterable[Conditional]) -> tuple[str, ...]:
        return tuple(filled for item in items if self.holds(item) for filled in [self.fill(item.text)] if filled)

    def _tests_status(self) -> str:
        """Which main tests are not done yet, still to decide, waiting, declined or done (only those that apply).

        Late in pregnancy a fluid test that is not done yet is not listed as still to come;
        the leaflet says the baby will be tested after birth instead.
        """
        lists = self.texts.status_lists
        entries = [e for e in (self.assessment.entry(t) for t in lists.tests) if e is not None]
        weeks = self.case.get("exam.gestational_age.weeks")
        late = isinstance(weeks, int) and weeks * 7 >= FLUID_TESTS_UNTIL_DAYS
        not_done = {*lists.groups["not_done"], *lists.groups["offered"]}
        too_late = [e for e in entries if late and e.id in lists.late_tests and e.status in not_done]
        entries = [e for e in entries if e not in too_late]
        sentences = []
        for group, statuses in lists.groups.items():
            names = [self.texts.tests[e.id].short for e in entries if e.status in statuses]
            if names:
                sentences.append(lists.sentences[group].format(tests=self.formats.join(names)))
        if too_late:
            sentences.append(lists.late)
        return self.formats.sentences(sentences)

    def gestation(self) -> str:
        """Write 20 weeks and 3 days, 21 weeks and 1 day, or just 22 weeks."""
        weeks, days = self.case.get("exam.gestational_age.weeks"), self.case.get("exam.gestational_age.days")
        assert isinstance(weeks, int) and isinstance(days, int)
        return self.formats.gestation(weeks, days)

    def seen(self) -> tuple[str, ...]:
        texts, case = self.texts.seen, self.case
        exam_date = str(case.get("exam.date"))
        day = parse_date(exam_date)
        date = self.formats.date(day) if day else exam_date
        lines = [self.fill(texts.plain["scan"], date=date, gestation=self.gestation())]
        if self.words["baby"] != self.texts.baby["default"]:
            lines.append(self.fill(texts.plain["twin"]))
        count = str(case.get("lesion.count"))
        if case.get("lesion.change_from_prior") == "resolved":
            # Size and place describe a spot as seen today; a resolved spot is not seen today.
            resolved = [*lines, self.fill(texts.resolved[count])]
            return (self.formats.sentences(resolved), self.formats.sentences(self.chosen(self.texts.about)))
        lines.append(self.fill(texts.count[count]))
        sizes = case.get("lesion.largest_mm")
        if isinstance(sizes, tuple) and sizes:
            largest = max(float(s) for s in sizes)
            lines.append(texts.size[self.number].format(size=self.formats.number(largest)))
            if largest < SMALL_SPOT_MM:
                lines.append(texts.plain["small"])
        for path, sentences in texts.where.items():
            value = case.get(path)
            if isinstance(value, str) and value in sentences and sentences[value][self.number]:
                lines.append(sentences[value][self.number])
        return (self.formats.sentences(lines), self.formats.sentences(self.chosen(self.texts.about)))

    def meaning(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        urgent = self.chosen(self.texts.urgent)
        meaning = self.chosen(self.texts.meaning[self.assessment.category]) + self.chosen(self.texts.extras)
        return urgent, meaning

    def sections(self, place: str) -> tuple[Section, ...]:
        sections = []
        for text in self.texts.sections:
            if text.place != place or not self.holds(text):
                continue
            paragraphs, bullets, closing = (
                self.chosen(lines) for lines in (text.paragraphs, text.bullets, text.closing)
            )
            if paragraphs or bullets or closing:
                sections.append(Section(text.id, text.heading, paragraphs, bullets, closing, text.boxed))
        return tuple(sections)

    def timeline(self) -> tuple[TimelinePoint, ...]:
        case, words = self.case, self.texts.next
        exam_date = parse_date(str(case.get("exam.date")))
        weeks, days = case.get("exam.gestational_age.weeks"), case.get("exam.gestational_age.days")
        assert exam_date is not None and isinstance(weeks, int) and isinstance(days, int)
        illness = recorded_illness_dates(case)
        named = case.get("history.maternal_infection")
        infections = tuple(str(i) for i in named) if isinstance(named, tuple) else ()

        def when(point: Milestone) -> str:
            date = self.formats.date(point.date) if point.date else ""
            if point.key == "today":
                return date
            key = f"{point.key}_when_{point.variant}" if point.variant else f"{point.key}_when"
            return words[key if key in words else "about"].format(date=date)

        def label(point: Milestone) -> str:
            key = f"{point.key}_{point.variant}"
            return words[key if point.variant and key in words else point.key]

        return tuple(
            TimelinePoint(
                key=m.key,
                day=m.day,
                label=label(m),
                when=when(m),
                mark=self.formats.duration(m.day // 7, "week") if m.date else words["after_birth"],
            )
            for m in milestones(exam_date, weeks * 7 + days, self.assessment, illness, infections)
        )


def _word_pattern(match: str) -> str:
    return (r"\b" if match[:1].isascii() else "") + re.escape(match)


def _glossary(texts: LeafletTexts, body: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Return the jargon words the leaflet uses, each with its one explanation.

    A Latin-script word must start a word ("CMV", not "xCMV"); Chinese has no spaces and
    Arabic attaches "the" to its noun, so other scripts match anywhere.
    """
    text = "\n".join(body)
    return tuple(
        (word.word, word.text) for word in texts.words if any(re.search(_word_pattern(m), text) for m in word.matches)
    )


def _version_status(texts: LeafletTexts, kb_status: str, kb_reviewer: str) -> str:
    """Say "draft, awaiting clinical review" unless both the texts and the rules are signed off."""
    sources = texts.sources
    if texts.review_status == "approved" and kb_status == "approved" and kb_reviewer:
        return sources["reviewed_status"].format(by=texts.reviewed_by, date=texts.reviewed)
    return sources["draft_status"]


def build_content(
    case: Case, assessment: Assessment, pathway: Pathway, texts: LeafletTexts, clinic: ClinicDetails
) -> LeafletContent:
    """Return the leaflet for one case."""
    writer = _Writer(case, assessment, pathway, texts)
    name = case.get("patient.preferred_name") or case.get("patient.name")
    clinic_name = clinic.name or str(case.get("exam.clinic") or "")
    letterhead = clinic.lines() if clinic.name else (clinic_name, *clinic.lines())
    contact = tuple(line for line in letterhead if line) or (texts.contact["fallback"],)
    cited = [*pathway.kb.category(assessment.category).references, *texts.references]
    meta = pathway.kb.meta
    status = _version_status(texts, meta.review_status, meta.reviewed_by)
    note = case.get("notes.for_patient")
    urgent, meaning = writer.meaning()
    seen = writer.seen()
    after_meaning, after_next = writer.sections("after-meaning"), writer.sections("after-next")
    tests = tuple(
        TestRow(
            name=texts.tests[e.id].name,
            tells=texts.tests[e.id].tells,
            priority=texts.priority[e.priority.value] if e.indicated else "",
            status=(e.status == NOT_RECORDED and texts.tests[e.id].unrecorded) or texts.status[e.status],
        )
        for e in assessment.checklist
    )
    timeline = writer.timeline()
    questions = writer.chosen(texts.questions)
    uses = [*seen, *urgent, *meaning, *(line for s in (*after_meaning, *after_next) for line in s.lines())]
    uses += [f"{t.name} {t.tells}" for t in tests] + [p.label for p in timeline] + list(questions)
    layout = texts.layout
    draft = texts.translation is not None and texts.translation.is_draft
    return LeafletContent(
        language=texts.language,
        right_to_left=writer.formats.right_to_left,
        draft_notice=(layout["unreviewed_translation"], texts.english_notice) if draft else (),
        table_header=(layout["test"], layout["advice"], layout["status"]),
        page_label=layout["page"],
        formats=writer.formats,
        number=writer.number,
        title=texts.title[writer.number],
        subtitle=texts.subtitle,
        headings=dict(texts.headings),
        greeting=texts.headings["greeting"].format(name=name) if isinstance(name, str) else None,
        seen=seen,
        urgent=urgent,
        meaning=meaning,
        after_meaning=after_meaning,
        words=_glossary(texts, uses),
        tests=tests,
        next_intro=texts.next["intro"],
        timeline=timeline,
        after_next=after_next,
        questions=questions,
        note=note if isinstance(note, str) else None,
        contact=contact,
        clinic_name=clinic_name,
        logo=clinic.logo,
        sources_intro=texts.sources["intro"],
        references=tuple(pathway.kb.references[r].full for r in dict.fromkeys(cited)),
        version_line=texts.sources["version"].format(version=texts.content_version, status=status, app=__version__),
        disclaimer=texts.sources["disclaimer"],
        creator=f"LiverCalc Desktop {__version__} (knowledge base {meta.content_version}, "
        f"texts {texts.content_version})",
        footer=texts.sources["footer"].format(app=__version__, version=texts.content_version, status=status),
    )
