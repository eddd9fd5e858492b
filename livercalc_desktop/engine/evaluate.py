"""Evaluate a case: first matching category, every flag, then the checklist.

Pure and deterministic: the same case and knowledge base always give the same result, so
the side panel, the CLI and the leaflet can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable

from livercalc_desktop.domain.case import Case, Value
from livercalc_desktop.engine.assessment import NOT_RECORDED, Assessment, ChecklistEntry, Reason
from livercalc_desktop.knowledge.conditions import Condition
from livercalc_desktop.knowledge.model import Addendum, ChecklistItem, KnowledgeBase, Priority
from livercalc_desktop.knowledge.pathway import Pathway

_RECORDED_ONLY = "Not indicated by the rules for this case; shown because the case records it."


class CaseFacts:
    """Answers conditions about one case; values, derived terms and their explanations are computed once each.

    The leaflet asks the same questions (for tailored paragraphs) once the category and
    flags are settled, so it builds one through ``settled_facts``.
    """

    def __init__(self, case: Case, pathway: Pathway) -> None:
        self._case = case
        self._defaults = pathway.schema.defaults
        self._kb = pathway.kb
        self._term_values: dict[str, bool] = {}
        self._values: dict[str, Value | None] = {}
        # A term's or flag's definition explains every rule that names it: once per evaluation.
        # Keyed by identity: the definitions live in the knowledge base, which outlives this.
        self._explained: dict[tuple[int, bool], tuple[str, ...]] = {}
        self._category: str | None = None
        self._flags: frozenset[str] = frozenset()

    def value(self, path: str) -> Value | None:
        if path not in self._values:
            value = self._case.get(path)
            self._values[path] = self._defaults.get(path) if value is None else value
        return self._values[path]

    def recorded(self, path: str) -> Value | None:
        return self._case.get(path)

    def status(self, item_id: str) -> str | None:
        return self._case.status_of(item_id)

    def detail(self, item_id: str) -> str:
        entry = self._case.workup.get(item_id)
        return entry.detail if entry else ""

    def items_with_status(self, statuses: frozenset[str]) -> tuple[tuple[str, str], ...]:
        return tuple((item, e.status) for item, e in self._case.workup.items() if e.status in statuses)

    def term(self, term_id: str) -> bool:
        if term_id not in self._term_values:
            self._term_values[term_id] = self._kb.term(term_id).when.holds(self)
        return self._term_values[term_id]

    def explain(self, condition: Condition, holding: bool) -> tuple[str, ...]:
        """Return ``condition.why`` (``holding``) or ``why_not``, computed once per case."""
        key = (id(condition), holding)
        if key not in self._explained:
            self._explained[key] = condition.why(self) if holding else condition.why_not(self)
        return self._explained[key]

    def category(self) -> str:
        assert self._category is not None, "checklist rules run after the category is set"
        return self._category

    def has_flag(self, flag_id: str) -> bool:
        return flag_id in self._flags

    def settle(self, category: str, flags: frozenset[str]) -> None:
        self._category, self._flags = category, flags
        self._explained.clear()  # an explanation may name the category or a flag


def settled_facts(case: Case, pathway: Pathway, assessment: Assessment) -> CaseFacts:
    """Return facts about ``case`` with the category and flags of its assessment."""
    facts = CaseFacts(case, pathway)
    facts.settle(assessment.category, frozenset(assessment.flags))
    return facts


def _unique(lines: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(lines))


def _reason(
    rule: str,
    label: str,
    rationale: str,
    references: tuple[str, ...],
    when: Condition | None,
    addenda: tuple[Addendum, ...],
    facts: CaseFacts,
) -> Reason:
    """Build a "why" line: the rationale, any addendum that applies, and the facts that fired it."""
    applying = [a for a in addenda if a.when.holds(facts)]
    text = " ".join([rationale, *(a.text for a in applying)])
    references = tuple(dict.fromkeys([*references, *(r for a in applying for r in a.references)]))
    return Reason(
        rule=rule,
        label=label,
        text=text,
        references=references,
        facts=_unique(when.why(facts)) if when is not None else (),
    )


def _checklist_entry(item: ChecklistItem, case: Case, facts: CaseFacts) -> ChecklistEntry | None:
    rule = next((r for r in item.rules if r.when.holds(facts)), None)
    recorded = case.workup.get(item.id)
    implied = None if recorded else next((i for i in item.implied if i.when.holds(facts)), None)
    if rule is None and recorded is None and implied is None:
        return None
    return ChecklistEntry(
        id=item.id,
        kind=item.kind,
        label=item.label,
        what=item.what,
        priority=rule.priority if rule else Priority.CONSIDER,
        status=recorded.status if recorded else implied.status if implied else NOT_RECORDED,
        status_from_scan=implied is not None and implied.source == "scan",
        implied_from=implied.source if implied else "",
        detail=recorded.detail if recorded else "",
        date=recorded.date if recorded else None,
        basis=rule.because if rule else _RECORDED_ONLY,
        references=item.references,
        indicated=rule is not None,
        facts=_unique(rule.when.why(facts)) if rule else (),
    )


def assess(case: Case, pathway: Pathway) -> Assessment:
    """Return the assessment of ``case``; never raises for a case the parser accepted."""
    kb: KnowledgeBase = pathway.kb
    facts = CaseFacts(case, pathway)
    category = next(c for c in kb.categories if c.when is None or c.when.holds(facts))
    flags = tuple(f for f in kb.flags if f.when.holds(facts))
    facts.settle(category.id, frozenset(f.id for f in flags))
    reasons = [
        _reason(
            f"category:{category.id}",
            category.label,
            category.rationale,
            category.references,
            category.when or category.explain,
            category.addenda,
            facts,
        )
    ]
    reasons += [_reason(f"flag:{f.id}", f.label, f.rationale, f.references, f.when, f.addenda, facts) for f in flags]
    entries = (_checklist_entry(item, case, facts) for item in kb.checklist)
    return Assessment(
        category=category.id,
        category_label=category.label,
        level=category.level,
        urgent=facts.term("urgent"),
        flags=tuple(f.id for f in flags),
        rationale=tuple(reasons),
        checklist=tuple(e for e in entries if e is not None),
        terms=tuple(t.id for t in kb.terms if facts.term(t.id)),
        kb_version=kb.meta.content_version,
        kb_reviewed=kb.meta.reviewed,
    )
