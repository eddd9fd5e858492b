"""What the clinician summary says, as plain data: the one model both outputs are made from.

The PDF letter and the plain-text note for the record are two typesettings of this model,
so they cannot disagree with each other, and both come from the same assessment as the
side panel and the leaflet. Absent findings are written "not recorded", never as normal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from livercalc_desktop import __version__
from livercalc_desktop.domain.case import Case, Value
from livercalc_desktop.domain.schema import FieldSpec, FieldType
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.engine.assessment import NOT_RECORDED, Assessment
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.formats import Formats
from livercalc_desktop.leaflet.letterhead import ClinicDetails, Logo
from livercalc_desktop.leaflet.timeline import milestones, recorded_illness_dates
from livercalc_desktop.summary.texts import SummaryTexts

# Shown in the identity block, not in the findings table.
_IDENTITY = (
    "patient.name", "patient.hospital_number", "exam.date", "exam.gestational_age.weeks",
    "exam.gestational_age.days", "exam.pregnancy", "exam.fetus", "exam.clinician", "exam.clinic",
)  # fmt: skip
# Groups that are not findings: the leaflet's greeting and language, and the note to the patient.
_NOT_FINDINGS = ("patient", "notes")
URGENT_FLAG = "urgent"


@dataclass(frozen=True, slots=True)
class Entry:
    """A label and its value; ``recorded`` is False when the value says "not recorded"."""

    label: str
    value: str
    recorded: bool = True


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """The findings of one form section, every field of the schema listed."""

    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class ReasonLine:
    """A rule that fired: its label, text, the facts that made it fire and its reference numbers."""

    label: str
    text: str
    facts: tuple[str, ...]
    references: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    """One workup item as it stands."""

    item: str
    kind: str
    priority: str
    status: str
    detail: str
    date: str
    recorded: bool
    abnormal: bool


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered reference: ``author_year`` and ``short`` for the note, ``full`` for the letter."""

    number: int
    author_year: str
    short: str
    full: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryContent:
    """Everything the clinician summary holds, in reading order."""

    title: str
    headings: dict[str, str]
    labels: dict[str, str]
    letterhead: tuple[str, ...]
    logo: Logo | None
    identity: tuple[Entry, ...]
    findings: tuple[FindingGroup, ...]
    assessment: tuple[Entry, ...]
    urgent: str | None
    reasons: tuple[ReasonLine, ...]
    checklist: tuple[ChecklistLine, ...]
    timeline: tuple[Entry, ...]
    patient_note: str | None
    citations: tuple[Citation, ...]
    sign_off: tuple[Entry, ...]
    closing: tuple[str, ...]
    page_label: str
    creator: str

    def cited(self, numbers: tuple[int, ...]) -> tuple[Citation, ...]:
        return tuple(self.citations[n - 1] for n in numbers)


def _letterhead(clinic: ClinicDetails) -> tuple[str, ...]:
    """Return the clinic name, then its address, phone and contact on one line, as a letter is headed."""
    name, *rest = clinic.lines() if clinic.name else ("", *clinic.lines())
    details = ", ".join(rest)
    return tuple(line for line in (name, details) if line)


_ENGLISH = Formats.of("en_GB")


def long_date(day: dt.date) -> str:
    """Write a date as the record reads it (the summary is in English): 10 March 2026."""
    return _ENGLISH.date(day)


def gestation_text(weeks: object, days: object) -> str:
    """Write a gestational age the way clinicians do: 20+3."""
    return f"{weeks}+{days}"


class _Builder:
    def __init__(self, case: Case, assessment: Assessment, pathway: Pathway, texts: SummaryTexts) -> None:
        self.case, self.assessment, self.pathway, self.texts = case, assessment, pathway, texts
        self.labels = texts["labels"]
        self.citation_numbers: dict[str, int] = {}

    def not_recorded(self, label: str) -> Entry:
        return Entry(label, self.labels["not_recorded"], recorded=False)

    def value_text(self, spec: FieldSpec, value: Value) -> str:
        if spec.type is FieldType.CHOICE:
            return spec.choice_label(str(value))
        if spec.type is FieldType.CHOICES:
            assert isinstance(value, tuple)
            return "; ".join(spec.choice_label(str(v)) for v in value) or self.labels["none"]
        if spec.type is FieldType.BOOL:
            return self.labels["yes"] if value else self.labels["no"]
        if spec.type is FieldType.SIZES:
            assert isinstance(value, tuple)
            last = float(value[-1]) if value else 0.0  # the unit follows the last number
            return ", ".join(f"{float(v):g}" for v in value) + spec.unit_after(last)
        if spec.type is FieldType.NUMBER:
            return f"{float(value):g}{spec.unit_after(float(value))}"  # type: ignore[arg-type]
        if spec.type is FieldType.DATE:
            day = parse_date(str(value))
            return long_date(day) if day else str(value)
        return f"{value}{spec.unit_after(value)}" if spec.type is FieldType.INT else str(value)  # type: ignore[arg-type]

    def entry(self, path: str, label: str | None = None) -> Entry | None:
        """Return the entry of a schema field; None if this case format has no such field."""
        spec = self.pathway.schema.field(path)
        if spec is None:
            return None
        value = self.case.get(path)
        shown = label or spec.label
        return self.not_recorded(shown) if value is None else Entry(shown, self.value_text(spec, value))

    def identity(self) -> tuple[Entry, ...]:
        labels = self.labels
        weeks, days = self.case.get("exam.gestational_age.weeks"), self.case.get("exam.gestational_age.days")
        entries = [
            self.entry("patient.name", labels["patient"]),
            self.entry("patient.hospital_number", labels["hospital_number"]),
            self.entry("exam.date", labels["scan"]),
            Entry(labels["gestation"], f"{gestation_text(weeks, days)} weeks"),
            self.entry("exam.pregnancy", labels["pregnancy"]),
        ]
        if self.case.get("exam.fetus") is not None:  # only twins and more record which fetus
            entries.append(self.entry("exam.fetus", labels["fetus"]))
        entries.append(self.entry("exam.clinician", labels["clinician"]))
        if self.case.get("exam.clinic") is not None:  # the letterhead names the clinic otherwise
            entries.append(self.entry("exam.clinic", labels["clinic"]))
        return tuple(e for e in entries if e is not None)

    def findings(self) -> tuple[FindingGroup, ...]:
        schema = self.pathway.schema
        groups = []
        for group in schema.groups:
            if group.id in _NOT_FINDINGS:
                continue
            entries = tuple(
                entry
                for spec in schema.fields_in(group.id)
                if spec.path not in _IDENTITY and (entry := self.entry(spec.path)) is not None
            )
            if entries:
                groups.append(FindingGroup(group.label, entries))
        return tuple(groups)

    def assessment_entries(self) -> tuple[Entry, ...]:
        a, labels = self.assessment, self.labels
        flags = {f.id: f.label for f in self.pathway.kb.flags}
        others = [flags[f] for f in a.flags if f != URGENT_FLAG]
        return (
            Entry(labels["category"], f"{a.category_label} ({a.category})"),
            Entry(labels["level"], self.texts["level"][a.level.value]),
            Entry(labels["urgent"], labels["yes"] if self.urgent() else labels["no"]),
            Entry(labels["flags"], "; ".join(others) or labels["none"]),
        )

    def urgent(self) -> bool:
        return self.assessment.urgent

    def urgent_banner(self) -> str | None:
        """Return the urgent flag's own words ("Urgent: fetal-medicine review within 1–2 days"), shown first."""
        if not self.urgent():
            return None
        label = next((f.label for f in self.pathway.kb.flags if f.id == URGENT_FLAG), self.labels["urgent"])
        return label.upper()

    def cite(self, ids: tuple[str, ...]) -> tuple[int, ...]:
        for ref in ids:
            self.citation_numbers.setdefault(ref, len(self.citation_numbers) + 1)
        return tuple(self.citation_numbers[ref] for ref in ids)

    def reasons(self) -> tuple[ReasonLine, ...]:
        return tuple(
            ReasonLine(label=r.label, text=r.text, facts=r.facts, references=self.cite(r.references))
            for r in self.assessment.rationale
        )

    def checklist(self) -> tuple[ChecklistLine, ...]:
        labels, schema = self.labels, self.pathway.schema
        lines = []
        for e in self.assessment.checklist:
            recorded = e.status != NOT_RECORDED
            status = schema.status_label(e.status) if recorded else labels["not_recorded"]
            if e.implied_from:
                status = f"{status} ({labels['from_' + e.implied_from]})"
            day = parse_date(e.date) if e.date else None
            lines.append(
                ChecklistLine(
                    item=e.label,
                    kind=e.kind,
                    priority=self.texts["priority"][e.priority.value] if e.indicated else labels["not_indicated"],
                    status=status,
                    detail=e.detail,
                    date=day.strftime("%-d %b %Y") if day else (e.date or ""),
                    recorded=recorded,
                    abnormal=e.status == "abnormal",
                )
            )
        return tuple(lines)

    def timeline(self) -> tuple[Entry, ...]:
        words = self.texts["timeline"]
        exam_date = parse_date(str(self.case.get("exam.date")))
        weeks, days = self.case.get("exam.gestational_age.weeks"), self.case.get("exam.gestational_age.days")
        assert exam_date is not None and isinstance(weeks, int) and isinstance(days, int)
        entries = []
        named = self.case.get("history.maternal_infection")
        infections = tuple(str(i) for i in named) if isinstance(named, tuple) else ()
        ga_days = weeks * 7 + days
        for point in milestones(exam_date, ga_days, self.assessment, recorded_illness_dates(self.case), infections):
            what = words[f"{point.key}_{point.variant}" if point.variant else point.key]
            if point.date is None:  # after birth, or a step that is due now (no date of its own)
                entries.append(Entry(words["after_birth"] if point.day > ga_days else words["now"], what))
                continue
            when = f"{gestation_text(point.day // 7, point.day % 7)}, {long_date(point.date)}"
            entries.append(Entry(when, what))
        return tuple(entries)

    def closing(self) -> tuple[str, ...]:
        words, meta = self.texts["closing"], self.pathway.kb.meta
        kb_line = words["knowledge_base"].format(
            version=meta.content_version, reviewed=meta.reviewed, status=meta.review_status
        )
        if meta.review_status != "approved":
            kb_line = f"{kb_line} {words['draft']}"
        return (kb_line, words["disclaimer"], words["made_by"].format(app=__version__))


def build_summary(
    case: Case, assessment: Assessment, pathway: Pathway, texts: SummaryTexts, clinic: ClinicDetails
) -> SummaryContent:
    """Return the clinician summary of one case."""
    builder = _Builder(case, assessment, pathway, texts)
    labels = texts["labels"]
    reasons = builder.reasons()
    refs = pathway.kb.references
    citations = tuple(
        Citation(number, refs[ref].author_year, refs[ref].short, refs[ref].full)
        for ref, number in builder.citation_numbers.items()
    )
    clinician = builder.entry("exam.clinician", labels["clinician"])
    assert clinician is not None
    note = case.get("notes.for_patient")
    letterhead = _letterhead(clinic) or tuple(line for line in (str(case.get("exam.clinic") or ""),) if line)
    name, number = case.get("patient.name"), case.get("patient.hospital_number")
    meta = pathway.kb.meta
    return SummaryContent(
        title=texts["headings"]["title"],
        headings=dict(texts["headings"]),
        labels=dict(labels),
        letterhead=letterhead,
        logo=clinic.logo,
        identity=builder.identity(),
        findings=builder.findings(),
        assessment=builder.assessment_entries(),
        urgent=builder.urgent_banner(),
        reasons=reasons,
        checklist=builder.checklist(),
        timeline=builder.timeline(),
        patient_note=note if isinstance(note, str) else None,
        citations=citations,
        sign_off=(clinician, Entry(labels["signature"], ""), Entry(labels["signed_date"], "")),
        closing=builder.closing(),
        page_label=" · ".join(str(v) for v in (name, number, case.get("exam.date")) if v),
        creator=f"LiverCalc Desktop {__version__} (knowledge base {meta.content_version})",
    )
