"""The knowledge base as typed, immutable data."""

from __future__ import annotations

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
    """A publication or guideline that supports a rule."""

    id: str
    authors: str
    title: str
    journal: str
    year: int
    citation: str
    rows: tuple[str, ...]

    @property
    def author_year(self) -> str:
        """First author and year: "Simchen 2002"; organisations ("Society for ...") stay whole."""
        first = self.authors.split(",")[0].split(";")[0].strip().rstrip(".")
        *name, initials = first.split() or [first]
        surname = " ".join(name) if name and initials.isupper() and len(initials) <= 3 else first
        return f"{surname} {self.year}"

    @property
    def short(self) -> str:
        """Author-year-journal form used by the command line."""
        return f"{self.author_year}, {self.journal}"

    @property
    def full(self) -> str:
        """Full citation for reference lists."""
        tail = f" {self.citation}." if self.citation else ""
        return f"{self.authors} {self.title}. {self.journal}. {self.year}.{tail}".replace("..", ".")


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A derived term of the spec (``isolated``), named so rules and traces can cite it."""

    id: str
    meaning: str
    when: Condition


@dataclass(frozen=True, slots=True, kw_only=True)
class Addendum:
    """A sentence added to a rationale when its condition holds (e.g. "resolved by a normal microarray")."""

    text: str
    when: Condition


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
    """A pattern shown beside the category."""

    id: str
    label: str
    rationale: str
    references: tuple[str, ...]
    when: Condition
    addenda: tuple[Addendum, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistRule:
    """One reason an item is on the checklist at a given priority."""

    priority: Priority
    because: str
    when: Condition


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpliedStatus:
    """A status the scan findings already show, used when the workup records none."""

    status: str
    when: Condition


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
