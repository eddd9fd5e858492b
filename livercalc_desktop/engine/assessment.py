"""What the engine returns: the category, flags, reasons and checklist for one case."""

from __future__ import annotations

from dataclasses import dataclass

from livercalc_desktop.knowledge.model import Level, Priority


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """One line of "why".

    It holds the rule it comes from, the recorded facts that made it fire (in the
    clinician's words and values) and its references.
    """

    rule: str
    label: str
    text: str
    references: tuple[str, ...]
    facts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChecklistEntry:
    """A workup step as it applies to this case.

    ``status`` is the status recorded in the case; failing that, the status the scan
    findings or the history imply (``implied_from`` is then "scan" or "history", and
    ``status_from_scan`` is True for the scan); failing that, ``not-recorded``.
    ``basis`` says which
    rule put the item here and ``facts`` which recorded findings made that rule fire;
    ``indicated`` is False for an item shown only because the case records a status for it.
    """

    id: str
    kind: str
    label: str
    what: str
    priority: Priority
    status: str
    status_from_scan: bool
    implied_from: str
    detail: str
    date: str | None
    basis: str
    references: tuple[str, ...]
    indicated: bool
    facts: tuple[str, ...] = ()


NOT_RECORDED = "not-recorded"
SOURCE_WORDS = {"scan": "from the scan", "history": "from the history"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """The full result for one case; the panel, the CLI and the leaflet all show this."""

    category: str
    category_label: str
    level: Level
    urgent: bool
    flags: tuple[str, ...]
    rationale: tuple[Reason, ...]
    checklist: tuple[ChecklistEntry, ...]
    terms: tuple[str, ...]
    kb_version: str
    kb_reviewed: str

    def entry(self, item_id: str) -> ChecklistEntry | None:
        return next((e for e in self.checklist if e.id == item_id), None)
