"""Load the patient-facing leaflet texts of a pathway (``leaflet.<language>.toml``).

The words are data, reviewed and versioned like the rules. The loader checks that every
category, checklist item, status and lesion count has its text, and parses the
conditions that tailor extra paragraphs and questions with the knowledge-base language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.engine.assessment import NOT_RECORDED
from livercalc_desktop.knowledge.conditions import Condition, ConditionParser, Scope
from livercalc_desktop.knowledge.model import Priority
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.strict_table import StrictTable, read_toml


@dataclass(frozen=True, slots=True)
class Conditional:
    """A sentence shown only when its condition holds (always, when there is none)."""

    text: str
    when: Condition | None


@dataclass(frozen=True, slots=True)
class TestText:
    """How a checklist item is named and explained to a patient."""

    name: str
    tells: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LeafletTexts:
    """Every patient-facing string of one language."""

    language: str
    content_version: str
    reviewed: str
    title: str
    subtitle: str
    references: tuple[str, ...]
    headings: Mapping[str, str]
    seen: Mapping[str, str]
    seen_choices: Mapping[str, Mapping[str, str]]
    meaning: Mapping[str, tuple[str, ...]]
    extras: tuple[Conditional, ...]
    tests: Mapping[str, TestText]
    status: Mapping[str, str]
    priority: Mapping[str, str]
    next: Mapping[str, str]
    questions: tuple[Conditional, ...]
    contact: Mapping[str, str]
    sources: Mapping[str, str]


_HEADINGS = ("greeting", "seen", "meaning", "tests", "next", "questions", "note", "contact", "sources")
_SEEN = ("scan", "gestation", "week", "weeks", "day", "days", "size", "size_large", "what", "common")
_SEEN_CHOICES = {"count": "lesion.count", "lobe": "lesion.lobe", "compartment": "lesion.compartment"}
_NEXT = (
    "intro", "today", "results", "results_when", "scan", "scan_when", "af_pcr",
    "birth", "newborn", "newborn_when", "newborn_cmv", "about",
)  # fmt: skip
_SOURCES = ("intro", "version", "disclaimer", "draft")


def _strings(table: StrictTable, key: str, names: tuple[str, ...] | None = None) -> dict[str, str]:
    """Take a table of strings; with ``names``, exactly those keys must be present."""
    section = StrictTable(table.take(key, dict), table.source, key)
    values = {name: section.take(name, str) for name in names} if names else section.take_rest_as_strings()
    section.finish()
    return values


class _TextsReader:
    def __init__(self, pathway: Pathway, path: Path) -> None:
        self.pathway = pathway
        self.source = path.name
        self.root = StrictTable(read_toml(path), self.source, "(top)")
        kb = pathway.kb
        self.scope = Scope(
            terms={t.id: t.when for t in kb.terms},
            categories={c.id: c.label for c in kb.categories},
            flags={f.id: f.when for f in kb.flags},
        )
        self.parser = ConditionParser(pathway.schema, {i.id: i.label for i in kb.checklist})

    def conditionals(self, key: str) -> tuple[Conditional, ...]:
        items = []
        for i, raw in enumerate(self.root.take(key, list)):
            table = StrictTable(raw, self.source, f"{key}[{i}]")
            text = table.take("text", str)
            when = (
                self.parser.parse(table.take("when", dict), self.source, f"{key}[{i}] > when", self.scope)
                if table.has("when")
                else None
            )
            table.finish()
            items.append(Conditional(text, when))
        return tuple(items)

    def exactly(self, what: str, found: set[str], wanted: set[str]) -> None:
        if found != wanted:
            missing, extra = sorted(wanted - found), sorted(found - wanted)
            raise KnowledgeBaseError(f"{self.source}: {what}: missing {missing or 'none'}, unknown {extra or 'none'}")

    def seen(self) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        section = StrictTable(self.root.take("seen", dict), self.source, "seen")
        plain = {name: section.take(name, str) for name in _SEEN}
        choices: dict[str, dict[str, str]] = {}
        for key, path in _SEEN_CHOICES.items():
            spec = self.pathway.schema.field(path)
            assert spec is not None
            texts = {k: v for k, v in section.take(key, dict).items() if isinstance(v, str)}
            allowed = set(spec.choice_values) - {"unknown", "indeterminate"}
            self.exactly(f"seen.{key}", set(texts), allowed)
            choices[path] = texts
        section.finish()
        return plain, choices

    def read(self) -> LeafletTexts:
        kb = self.pathway.kb
        meta = StrictTable(self.root.take("meta", dict), self.source, "meta")
        meaning_raw = self.root.take("meaning", dict)
        self.exactly("meaning", set(meaning_raw), {c.id for c in kb.categories})
        meaning = {}
        for category, raw in meaning_raw.items():
            table = StrictTable(raw, self.source, f"meaning.{category}")
            meaning[category] = table.take_strings("paragraphs")
            table.finish()
        tests_raw = self.root.take("tests", dict)
        self.exactly("tests", set(tests_raw), {i.id for i in kb.checklist})
        tests = {}
        for item, raw in tests_raw.items():
            table = StrictTable(raw, self.source, f"tests.{item}")
            tests[item] = TestText(table.take("name", str), table.take("tells", str))
            table.finish()
        status = _strings(self.root, "status")
        self.exactly("status", set(status), {*self.pathway.schema.status_values, NOT_RECORDED})
        priority = _strings(self.root, "priority")
        self.exactly("priority", set(priority), {p.value for p in Priority})
        seen, seen_choices = self.seen()
        texts = LeafletTexts(
            language=meta.take("language", str),
            content_version=meta.take("content_version", str),
            reviewed=meta.take("reviewed", str),
            title=meta.take("title", str),
            subtitle=meta.take("subtitle", str),
            references=meta.take_strings("references"),
            headings=_strings(self.root, "headings", _HEADINGS),
            seen=seen,
            seen_choices=seen_choices,
            meaning=meaning,
            extras=self.conditionals("extras"),
            tests=tests,
            status=status,
            priority=priority,
            next=_strings(self.root, "next", _NEXT),
            questions=self.conditionals("questions"),
            contact=_strings(self.root, "contact", ("fallback",)),
            sources=_strings(self.root, "sources", _SOURCES),
        )
        meta.finish()
        self.root.finish()
        unknown = [r for r in texts.references if r not in kb.references]
        if unknown:
            raise KnowledgeBaseError(f"{self.source}: meta: unknown reference(s): {', '.join(unknown)}")
        return texts


def load_leaflet_texts(pathway: Pathway, language: str = "en") -> LeafletTexts:
    """Load the texts of ``language``, falling back to English when there are none yet."""
    path = pathway.folder / f"leaflet.{language}.toml"
    if not path.exists():
        path = pathway.folder / "leaflet.en.toml"
    return _TextsReader(pathway, path).read()
