"""The knowledge base as typed, immutable data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from livercalc_desktop.knowledge.conditions import Condition


class Level(StrEnum):
    """How concerning a category is; ``unknown`` until the survey is done."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    UNKNOWN = "unknown"


class Priority(StrEnum):
    """How strongly a checklist item is recommended for this case."""

    DO = "do"
    OFFER = "offer"
    CONSIDER = "consider"


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A publication or guideline that supports a rule.

    Fields are structured (not one free citation string) so tests can check them one by
    one and an unverified detail stays empty instead of being guessed.
    """

    id: str
    authors: tuple[str, ...]  # personal authors in Vancouver form, "Lazzarotto T"
    group: str  # corporate author printed first, "Society for Maternal-Fetal Medicine (SMFM)"
    et_al: bool  # the author list is known to be incomplete
    title: str
    journal: str
    year: int
    volume: str
    issue: str
    pages: str
    doi: str
    pmid: str
    note: str  # what kind of publication when the journal alone misleads: "Abstract 368"
    rows: tuple[str, ...]

    @property
    def author_year(self) -> str:
        """First author and year: "Lazzarotto 2020", "SMFM 2016"; the journal when there is no author."""
        if self.group:
            first = self.group.split(";")[0].strip()
            abbreviation = _ABBREVIATION.search(first)
            name = abbreviation.group(1) if abbreviation else first
        elif self.authors:
            name = self.authors[0].rsplit(" ", 1)[0]
        else:
            return f"{self.journal} {self.year}" + (f", {self.note}" if self.note else "")
        return f"{name} {self.year}"

    @property
    def short(self) -> str:
        """Author-year-journal form used by the command line (the journal once, when it stands for the author)."""
        if not (self.group or self.authors):
            return self.author_year
        return f"{self.author_year}, {self.journal}"

    @property
    def summary(self) -> str:
        """One line for the side panel: author-year, title, journal and year."""
        title = f"{self.title} " if self.title else ""
        return f"{self.author_year} — {title}({self.journal}, {self.year})"

    @property
    def byline(self) -> str:
        """Vancouver author list: the group, then up to six people, then "et al." if there are more."""
        people = list(self.authors[:_VANCOUVER_MAX_AUTHORS])
        if self.et_al or len(self.authors) > _VANCOUVER_MAX_AUTHORS:
            people.append("et al")
        return "; ".join(part for part in (self.group, ", ".join(people)) if part)

    @property
    def full(self) -> str:
        """Vancouver-style citation with DOI and PMID, for reference lists and the leaflet."""
        source = f"{self.year}"
        if self.volume:
            source += f";{self.volume}" + (f"({self.issue})" if self.issue else "")
        if self.pages:
            source += f":{self.pages}"
        title = " ".join(part for part in (self.title.rstrip("."), f"[{self.note}]" if self.note else "") if part)
        parts = [self.byline, title, self.journal, source]
        text = " ".join(f"{part.rstrip('.')}." for part in parts if part)
        if self.doi:
            text += f" doi:{self.doi}."
        if self.pmid:
            text += f" PMID: {self.pmid}."
        return text


_VANCOUVER_MAX_AUTHORS = 6
_ABBREVIATION = re.compile(r"\(([A-Z]{2,})\)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A derived term of the spec (``isolated``), named so rules and traces can cite it."""

    id: str
    meaning: str
    when: Condition


@dataclass(frozen=True, slots=True, kw_only=True)
class Addendum:
    """A sentence added to a rationale when its condition holds (e.g. "resolved by a normal microarray").

    Its references join the reason's only when it applies, so each line cites what supports it.
    """

    text: str
    when: Condition
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Category:
    """A counselling category.

    ``when`` is None for the catch-all last row, which is chosen by elimination; its
    ``explain`` condition then only says which facts left the case there.
    """

    id: str
    level: Level
    label: str
    rationale: str
    references: tuple[str, ...]
    when: Condition | None
    explain: Condition | None = None
    addenda: tuple[Addendum, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    """A pattern shown beside the category.

    A ``workflow`` flag records where the work stands (a test declined, results awaited); it is
    a design choice of the app, not a published finding, so it cites nothing and says so.
    """

    id: str
    label: str
    rationale: str
    references: tuple[str, ...]
    when: Condition
    addenda: tuple[Addendum, ...] = ()
    workflow: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistRule:
    """One reason an item is on the checklist at a given priority."""

    priority: Priority
    because: str
    when: Condition


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpliedStatus:
    """A status the scan findings (or the history) already show, used when the workup records none."""

    status: str
    when: Condition
    source: str = "scan"


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistItem:
    """A workup step; its rules are tried in order and the first that holds wins.

    ``kind`` (scan, test or action) decides which statuses the item can record.
    """

    id: str
    kind: str
    label: str
    what: str
    references: tuple[str, ...]
    rules: tuple[ChecklistRule, ...]
    implied: tuple[ImpliedStatus, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeMeta:
    """Version and review state printed on every panel and leaflet."""

    pathway: str
    content_version: str
    reviewed: str
    review_status: str
    reviewed_by: str
    spec: str


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeBase:
    """Everything the engine evaluates for one pathway."""

    meta: KnowledgeMeta
    terms: tuple[Term, ...]
    categories: tuple[Category, ...]
    flags: tuple[Flag, ...]
    checklist: tuple[ChecklistItem, ...]
    references: Mapping[str, Reference]
    _terms_by_id: Mapping[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_terms_by_id", {t.id: t for t in self.terms})

    def term(self, term_id: str) -> Term:
        return self._terms_by_id[term_id]

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)
