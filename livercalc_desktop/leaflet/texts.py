"""Load the patient-facing leaflet texts of a pathway (``leaflet.<language>.toml``).

The words are data, reviewed and versioned like the rules. The loader checks that every
category, checklist item, status, lesion count and grammatical number has its text, and
parses the conditions that tailor paragraphs, sections and questions with the
knowledge-base language, so a typo fails at start-up instead of silently dropping a
sentence from a patient's leaflet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.engine.assessment import NOT_RECORDED
from livercalc_desktop.knowledge.conditions import Condition, ConditionParser, Scope
from livercalc_desktop.knowledge.model import Priority
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.strict_table import StrictTable, read_toml
from livercalc_desktop.leaflet.translations import (
    SOURCE_LANGUAGE,
    Translation,
    TranslationRefused,
    available_languages,
    base_tag,
    check,
    file_tag,
    read_translation,
    translated,
    translation_path,
    written_script,
)

# Grammatical number of the lesion count: "one spot ... it", "two or three spots ... they",
# "many small specks ... they".
NUMBERS = ("one", "some", "many")
COUNT_NUMBER = {"1": "one", "2-3": "some", "4+": "some", "diffuse": "many"}
PLACES = ("after-meaning", "after-next")


@dataclass(frozen=True, slots=True)
class Conditional:
    """A sentence shown only when its condition holds (always, when there is none)."""

    text: str
    when: Condition | None


@dataclass(frozen=True, slots=True)
class TestText:
    """How a checklist item is named and explained to a patient; ``short`` fits in a list.

    ``unrecorded`` replaces the generic "to be discussed" status where that would mislead
    (an urgent review is not "to be discussed"; a newborn check happens after birth).
    """

    name: str
    short: str
    tells: str
    unrecorded: str = ""


@dataclass(frozen=True, slots=True)
class SeenTexts:
    """What the scan showed: fixed sentences, and sentences by count and grammatical number.

    ``where`` maps a lesion field path to its values, each to one sentence per number.
    """

    plain: Mapping[str, str]
    count: Mapping[str, str]
    resolved: Mapping[str, str]
    size: Mapping[str, str]
    where: Mapping[str, Mapping[str, Mapping[str, str]]]


@dataclass(frozen=True, slots=True)
class SectionText:
    """A titled block of the leaflet, shown when ``when`` holds and some line of it does.

    It prints its paragraphs, then its bullet points, then its closing paragraphs.
    """

    id: str
    heading: str
    place: str
    boxed: bool
    when: Condition | None
    paragraphs: tuple[Conditional, ...]
    bullets: tuple[Conditional, ...]
    closing: tuple[Conditional, ...]


@dataclass(frozen=True, slots=True)
class WordText:
    """A jargon word explained once, printed only when the leaflet uses it."""

    word: str
    matches: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class StatusLists:
    """Sentences naming which main tests are not done yet, still to decide, waiting, declined or normal.

    Late in pregnancy (timeline.FLUID_TESTS_UNTIL_DAYS), the ``late_tests`` (tests on the fluid around the baby) are no
    longer listed as "not done yet": the ``late`` sentence says the baby is tested after
    birth instead (clinical review C5).
    """

    tests: tuple[str, ...]
    sentences: Mapping[str, str]
    groups: Mapping[str, tuple[str, ...]]
    late_tests: tuple[str, ...]
    late: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LeafletTexts:
    """Every patient-facing string of one language.

    ``name`` is the language's own name ("Español"), as the window lists it for the patient;
    ``locale`` is the CLDR locale that formats dates, numbers, weeks and lists;
    ``translation`` is None for the English source; ``english_notice`` is the English
    "not yet reviewed" line a draft translation prints beside its own.
    """

    language: str
    name: str
    locale: str
    content_version: str
    review_status: str
    reviewed_by: str
    reviewed: str
    title: Mapping[str, str]
    subtitle: str
    references: tuple[str, ...]
    headings: Mapping[str, str]
    numbers: Mapping[str, Mapping[str, str]]
    baby: Mapping[str, str]
    seen: SeenTexts
    about: tuple[Conditional, ...]
    urgent: tuple[Conditional, ...]
    meaning: Mapping[str, tuple[Conditional, ...]]
    extras: tuple[Conditional, ...]
    status_lists: StatusLists
    sections: tuple[SectionText, ...]
    words: tuple[WordText, ...]
    tests: Mapping[str, TestText]
    status: Mapping[str, str]
    priority: Mapping[str, str]
    next: Mapping[str, str]
    questions: tuple[Conditional, ...]
    contact: Mapping[str, str]
    sources: Mapping[str, str]
    layout: Mapping[str, str]
    translation: Translation | None = None
    english_notice: str = ""


_HEADINGS = ("greeting", "seen", "meaning", "words", "tests", "next", "questions", "note", "contact", "sources")
_SEEN = ("scan", "small", "twin")
_COUNTS = tuple(COUNT_NUMBER)
# Which lesion fields describe where the spots are, and the values that get no sentence.
_WHERE = {
    "lobe": ("lesion.lobe", {"unknown"}),
    "compartment": ("lesion.compartment", {"indeterminate"}),
    "change": ("lesion.change_from_prior", {"first-seen", "resolved"}),
}
_NEXT = (
    "intro", "about", "today", "detailed", "detailed_when", "detailed_when_later", "urgent", "urgent_when",
    "urgent_when_booked",
    "results", "results_when", "scan", "scan_when", "scan_when_close",
    "af_pcr", "af_pcr_when", "af_pcr_when_now", "af_pcr_other", "af_pcr_when_other",
    "birth", "newborn", "newborn_when", "newborn_cmv", "newborn_cmv_when", "after_birth",
)  # fmt: skip
_STATUS_GROUPS = ("not_done", "offered", "waiting", "declined", "normal")
_SOURCES = ("intro", "version", "draft_status", "reviewed_status", "disclaimer", "footer")
_LAYOUT = ("test", "advice", "status", "page", "unreviewed_translation")


def _strings(table: StrictTable, key: str, names: tuple[str, ...] | None = None) -> dict[str, str]:
    """Take a table of strings; with ``names``, exactly those keys must be present."""
    section = StrictTable(table.take(key, dict), table.source, f"{table.where} > {key}")
    values = {name: section.take(name, str) for name in names} if names else section.take_rest_as_strings()
    section.finish()
    return values


class _TextsReader:
    def __init__(self, pathway: Pathway, data: dict[str, Any], source: str) -> None:
        self.pathway = pathway
        self.source = source
        self.root = StrictTable(data, self.source, "(top)")
        kb = pathway.kb
        self.scope = Scope(
            terms={t.id: t.when for t in kb.terms},
            categories={c.id: c.label for c in kb.categories},
            flags={f.id: f.when for f in kb.flags},
        )
        self.parser = ConditionParser(pathway.schema, {i.id: i.label for i in kb.checklist})

    def condition(self, table: StrictTable) -> Condition | None:
        if not table.has("when"):
            return None
        return self.parser.parse(table.take("when", dict), self.source, f"{table.where} > when", self.scope)

    def lines(self, raw: object, where: str) -> tuple[Conditional, ...]:
        """Read a list whose items are plain strings or ``{ text = ..., when = {...} }`` tables."""
        if not isinstance(raw, list):
            raise KnowledgeBaseError(f"{self.source}: {where}: expected a list")
        items = []
        for i, item in enumerate(raw):
            if isinstance(item, str):
                items.append(Conditional(item, None))
                continue
            table = StrictTable(item, self.source, f"{where}[{i}]")
            items.append(Conditional(table.take("text", str), self.condition(table)))
            table.finish()
        return tuple(items)

    def exactly(self, what: str, found: set[str], wanted: set[str]) -> None:
        if found != wanted:
            missing, extra = sorted(wanted - found), sorted(found - wanted)
            raise KnowledgeBaseError(f"{self.source}: {what}: missing {missing or 'none'}, unknown {extra or 'none'}")

    def by_number(self, raw: object, where: str) -> dict[str, str]:
        table = StrictTable(raw, self.source, where)
        values = {number: table.take(number, str) for number in NUMBERS}
        table.finish()
        return values

    def numbers(self) -> dict[str, dict[str, str]]:
        raw = self.root.take("number", dict)
        self.exactly("number", set(raw), set(NUMBERS))
        numbers = {n: _strings(StrictTable({n: raw[n]}, self.source, "number"), n) for n in NUMBERS}
        keys = set(numbers["one"])
        for number, words in numbers.items():
            self.exactly(f"number.{number}", set(words), keys)
        return numbers

    def seen(self) -> SeenTexts:
        section = StrictTable(self.root.take("seen", dict), self.source, "seen")
        plain = {name: section.take(name, str) for name in _SEEN}
        counts = {}
        for key in ("count", "resolved"):
            texts = _strings(section, key)
            self.exactly(f"seen.{key}", set(texts), set(_COUNTS))
            counts[key] = texts
        size = self.by_number(section.take("size", dict), "seen > size")
        where: dict[str, dict[str, dict[str, str]]] = {}
        for key, (path, silent) in _WHERE.items():
            spec = self.pathway.schema.field(path)
            assert spec is not None, path
            raw = section.take(key, dict)
            self.exactly(f"seen.{key}", set(raw), set(spec.choice_values) - silent)
            where[path] = {value: self.by_number(texts, f"seen > {key} > {value}") for value, texts in raw.items()}
        section.finish()
        return SeenTexts(plain, counts["count"], counts["resolved"], size, where)

    def meaning(self) -> dict[str, tuple[Conditional, ...]]:
        raw = self.root.take("meaning", dict)
        self.exactly("meaning", set(raw), {c.id for c in self.pathway.kb.categories})
        meaning = {}
        for category, block in raw.items():
            table = StrictTable(block, self.source, f"meaning.{category}")
            meaning[category] = self.lines(table.take("paragraphs", list), f"meaning.{category}.paragraphs")
            table.finish()
        return meaning

    def status_lists(self) -> StatusLists:
        table = StrictTable(self.root.take("status_lists", dict), self.source, "status_lists")
        tests = table.take_strings("tests")
        late_table = StrictTable(table.take("late", dict), self.source, "status_lists > late")
        late_tests, late = late_table.take_strings("tests"), late_table.take("text", str)
        late_table.finish()
        known = {i.id for i in self.pathway.kb.checklist}
        unknown = [t for t in (*tests, *late_tests) if t not in known]
        if unknown:
            raise table.error(f"unknown checklist item(s): {', '.join(unknown)}")
        sentences = {group: table.take(group, str) for group in _STATUS_GROUPS}
        groups_table = StrictTable(table.take("groups", dict), self.source, "status_lists > groups")
        groups = {group: groups_table.take_strings(group) for group in _STATUS_GROUPS}
        groups_table.finish()
        table.finish()
        return StatusLists(tests=tests, sentences=sentences, groups=groups, late_tests=late_tests, late=late)

    def sections(self) -> tuple[SectionText, ...]:
        sections = []
        for i, raw in enumerate(self.root.take("sections", list)):
            table = StrictTable(raw, self.source, f"sections[{i}]")
            section_id = table.take("id", str)
            place = table.take("place", str)
            if place not in PLACES:
                raise table.error(f'"place" must be one of {", ".join(PLACES)}; got "{place}"')
            sections.append(
                SectionText(
                    id=section_id,
                    heading=table.take("heading", str),
                    place=place,
                    boxed=table.take("boxed", bool, False),
                    when=self.condition(table),
                    paragraphs=self.lines(table.take("paragraphs", list, []), f"sections.{section_id}.paragraphs"),
                    bullets=self.lines(table.take("bullets", list, []), f"sections.{section_id}.bullets"),
                    closing=self.lines(table.take("closing", list, []), f"sections.{section_id}.closing"),
                )
            )
            table.finish()
        return tuple(sections)

    def words(self) -> tuple[WordText, ...]:
        words = []
        for i, raw in enumerate(self.root.take("words", list)):
            table = StrictTable(raw, self.source, f"words[{i}]")
            words.append(WordText(table.take("word", str), table.take_strings("match"), table.take("text", str)))
            table.finish()
        return tuple(words)

    def conditionals(self, key: str) -> tuple[Conditional, ...]:
        return self.lines(self.root.take(key, list), key)

    def tests(self) -> dict[str, TestText]:
        tests_raw = self.root.take("tests", dict)
        self.exactly("tests", set(tests_raw), {i.id for i in self.pathway.kb.checklist})
        tests = {}
        for item, raw in tests_raw.items():
            table = StrictTable(raw, self.source, f"tests.{item}")
            tests[item] = TestText(
                table.take("name", str),
                table.take("short", str),
                table.take("tells", str),
                table.take("unrecorded", str, ""),
            )
            table.finish()
        return tests

    def read(self) -> LeafletTexts:
        kb = self.pathway.kb
        meta = StrictTable(self.root.take("meta", dict), self.source, "meta")
        status = _strings(self.root, "status")
        self.exactly("status", set(status), {*self.pathway.schema.status_values, NOT_RECORDED})
        priority = _strings(self.root, "priority")
        self.exactly("priority", set(priority), {p.value for p in Priority})
        baby = _strings(self.root, "baby")
        pregnancy = self.pathway.schema.field("exam.pregnancy")
        assert pregnancy is not None
        self.exactly("baby", set(baby), {"default", "possessive", *pregnancy.choice_values} - {"singleton"})
        texts = LeafletTexts(
            language=meta.take("language", str),
            name=meta.take("name", str),
            locale=meta.take("locale", str),
            content_version=meta.take("content_version", str),
            review_status=meta.take("review_status", str),
            reviewed_by=meta.take("reviewed_by", str),
            reviewed=meta.take("reviewed", str),
            title=_strings(meta, "title", NUMBERS),
            subtitle=meta.take("subtitle", str),
            references=meta.take_strings("references"),
            headings=_strings(self.root, "headings", _HEADINGS),
            numbers=self.numbers(),
            baby=baby,
            seen=self.seen(),
            about=self.conditionals("about"),
            urgent=self.conditionals("urgent"),
            meaning=self.meaning(),
            extras=self.conditionals("extras"),
            status_lists=self.status_lists(),
            sections=self.sections(),
            words=self.words(),
            tests=self.tests(),
            status=status,
            priority=priority,
            next=_strings(self.root, "next", _NEXT),
            questions=self.conditionals("questions"),
            contact=_strings(self.root, "contact", ("fallback",)),
            sources=_strings(self.root, "sources", _SOURCES),
            layout=_strings(self.root, "layout", _LAYOUT),
        )
        meta.finish()
        self.root.finish()
        unknown = [r for r in texts.references if r not in kb.references]
        if unknown:
            raise KnowledgeBaseError(f"{self.source}: meta: unknown reference(s): {', '.join(unknown)}")
        if texts.review_status == "approved" and not (texts.reviewed_by and texts.reviewed):
            raise KnowledgeBaseError(f"{self.source}: meta: approved texts need a named reviewer and a date")
        return texts


def load_leaflet_texts(pathway: Pathway, language: str = SOURCE_LANGUAGE) -> LeafletTexts:
    """Load the texts of ``language``; refuse (``TranslationRefused``) rather than fall back.

    zh, zh-CN and zh-SG resolve to zh-Hans. A regional tag (es-MX) uses its own file if
    there is one, else the base language's (es) only when that translation is complete.
    """
    english_path = pathway.folder / "leaflet.en.toml"
    english = read_toml(english_path)
    source = _TextsReader(pathway, english, english_path.name).read()  # reads copies; ``english`` stays whole
    if base_tag(language) == SOURCE_LANGUAGE:
        return source
    available = available_languages(pathway.folder)
    wanted = file_tag(language)
    # es-MX falls back to es; a script never falls back to another (ar-Latn is not the Arabic texts).
    target = wanted if wanted in available or written_script(wanted) else base_tag(language)
    if target not in available:
        raise TranslationRefused(
            f"leaflet language {language}: there are no leaflet texts in this language yet "
            f"(available: {', '.join(available)}). Choose one of those, or print in English.",
            language,
        )
    path = translation_path(pathway.folder, target)
    translation = read_translation(path)
    report = check(english, translation)
    if not report.complete:
        via = f" (for {language})" if target != language else ""
        problems = [
            *(f"  missing: {p}" for p in report.missing),
            *(f"  stale (the English changed): {p}" for p in report.stale),
            *(f"  placeholders differ: {p}" for p in report.placeholder_errors),
        ]
        shown = problems[:40] + ([f"  ... and {len(problems) - 40} more"] if len(problems) > 40 else [])
        raise TranslationRefused(
            f"leaflet language {target}{via}: the translation is not complete, so no leaflet was written "
            f"({len(report.missing)} missing, {len(report.stale)} stale, "
            f"{len(report.placeholder_errors)} with wrong placeholders):\n" + "\n".join(shown),
            language,
        )
    data = translated(english, translation)
    data["meta"].update(language=translation.language, name=translation.name, locale=translation.locale)
    texts = _TextsReader(pathway, data, path.name).read()
    return replace(texts, translation=translation, english_notice=source.layout["unreviewed_translation"])
