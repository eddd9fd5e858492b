"""Translations of the leaflet texts, and the checks that keep them current and honest.

``leaflet.en.toml`` is the source: its conditions, order and structure are the only ones.
A translation (``leaflet.<lang>.toml`` beside it) holds only words: for each translatable
English string, addressed by its path (``meaning.liver-mass.paragraphs.1``), the translated
text and a hash of the English it was made from. When the English changes, the hash no
longer matches and the entry is *stale*; a stale or missing entry refuses the leaflet,
because printing a translated sentence that says something the English no longer says,
or an English sentence in a translated leaflet, would mislead a patient.
"""

from __future__ import annotations

import copy
import hashlib
import json
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from livercalc_desktop.domain.errors import KnowledgeBaseError, LeafletError
from livercalc_desktop.knowledge.strict_table import StrictTable, read_toml

SOURCE_LANGUAGE = "en"
STATUSES = ("draft", "reviewed")
# Strings in the English file that are identifiers or settings, not words for a patient.
_NOT_WORDS = frozenset(
    {
        "meta.language",
        "meta.locale",
        "meta.content_version",
        "meta.review_status",
        "meta.reviewed_by",
        "meta.reviewed",
        "meta.references",
        "status_lists.tests",
        "status_lists.groups",
    }
)
_STRUCTURE_KEYS = frozenset({"when", "id", "place", "boxed"})
# Placeholders a translation may add or drop: grammar words that some languages do not need
# (Chinese has no "is/are"; Spanish says "de {baby}" rather than a possessive).
GRAMMAR_WORDS = frozenset({"the_spot", "The_spot", "it", "It", "is", "Is", "baby", "babys"})


class TranslationRefused(LeafletError):
    """A leaflet cannot be printed in the requested language; the message lists why."""

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


def source_hash(text: str) -> str:
    """Return a short fingerprint of the English a translation was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _leaves(node: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    """Yield ``(path, container, key)`` for every translatable string under ``node``."""
    if path in _NOT_WORDS:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _STRUCTURE_KEYS:
                continue
            child = f"{path}.{key}" if path else str(key)
            if isinstance(value, str):
                if value and child not in _NOT_WORDS:
                    yield child, node, key
            else:
                yield from _leaves(value, child)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            key = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(index)
            child = f"{path}.{key}"
            if isinstance(item, str):
                if item:
                    yield child, node, index
            else:
                yield from _leaves(item, child)


def source_texts(english: Mapping[str, Any]) -> dict[str, str]:
    """Every translatable English string, by path, in file order."""
    return {path: container[key] for path, container, key in _leaves(english, "")}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True, slots=True)
class Entry:
    """One translated string: the hash of its English source, the text, and whether a reviewer signed it."""

    source: str
    text: str
    reviewed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Translation:
    """A translation file: who made and reviewed it, its status, and its entries by path."""

    language: str
    locale: str
    translator: str
    reviewer: str = ""
    reviewed: str = ""
    status: str = "draft"
    entries: Mapping[str, Entry] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        return self.status != "reviewed"


@dataclass(frozen=True, slots=True)
class Report:
    """How a translation stands against the current English."""

    language: str
    total: int
    missing: tuple[str, ...]
    stale: tuple[str, ...]
    unknown: tuple[str, ...]
    placeholder_errors: tuple[str, ...]
    reviewed: int

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.placeholder_errors)


def check(english: Mapping[str, Any], translation: Translation) -> Report:
    """Compare a translation with the English: missing, stale, unknown and placeholder problems."""
    sources = source_texts(english)
    entries = translation.entries
    missing = tuple(p for p in sources if p not in entries)
    stale = tuple(p for p in sources if p in entries and entries[p].source != source_hash(sources[p]))
    unknown = tuple(p for p in entries if p not in sources)
    wrong = []
    for path, text in sources.items():
        if path not in entries or path in stale:
            continue
        facts, translated = placeholders(text) - GRAMMAR_WORDS, placeholders(entries[path].text)
        if facts != translated - GRAMMAR_WORDS or not translated <= placeholders(text) | GRAMMAR_WORDS:
            wrong.append(f"{path} (placeholders {sorted(translated)}, English has {sorted(placeholders(text))})")
    reviewed = sum(1 for p in sources if p in entries and p not in stale and entries[p].reviewed)
    return Report(translation.language, len(sources), missing, stale, unknown, tuple(wrong), reviewed)


def translated(english: Mapping[str, Any], translation: Translation) -> dict[str, Any]:
    """Return the English data with every string replaced by its translation (call ``check`` first)."""
    data = copy.deepcopy(dict(english))
    for path, container, key in list(_leaves(data, "")):
        container[key] = translation.entries[path].text
    return data


# --- files -----------------------------------------------------------------------------


def read_translation(path: Path) -> Translation:
    root = StrictTable(read_toml(path), path.name, "(top)")
    meta = StrictTable(root.take("meta", dict), path.name, "meta")
    status = meta.take("status", str)
    if status not in STATUSES:
        raise meta.error(f'"status" must be one of {", ".join(STATUSES)}; got "{status}"')
    entries = {}
    for key, raw in root.take("texts", dict).items():
        entry = StrictTable(raw, path.name, f"texts.{key}")
        entries[key] = Entry(entry.take("source", str), entry.take("text", str), entry.take("reviewed", bool, False))
        entry.finish()
    translation = Translation(
        language=meta.take("language", str),
        locale=meta.take("locale", str),
        translator=meta.take("translator", str),
        reviewer=meta.take("reviewer", str, ""),
        reviewed=meta.take("reviewed", str, ""),
        status=status,
        entries=entries,
    )
    meta.finish()
    root.finish()
    if translation.status == "reviewed" and not (translation.reviewer and translation.reviewed):
        raise KnowledgeBaseError(f"{path.name}: meta: a reviewed translation needs a named reviewer and a date")
    return translation


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes) and keeps every character,
    # except that TOML also forbids a raw DEL, which JSON leaves as it is.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def translation_toml(translation: Translation, english: Mapping[str, Any]) -> str:
    """Return the text of a translation file, entries in the English file's order (unknown ones last)."""
    order = list(source_texts(english))
    paths = [p for p in order if p in translation.entries] + [p for p in translation.entries if p not in order]
    lines = [
        f"# Leaflet texts, {translation.language}: a translation of leaflet.en.toml.",
        "# Each entry records the hash of the English it translates; when the English changes the",
        "# entry is stale and the leaflet is refused until it is translated again.",
        "# Edit with `livercalc-desktop translations export/import` (.po) or by hand.",
        "",
        "[meta]",
    ]
    meta = {
        "language": translation.language,
        "locale": translation.locale,
        "translator": translation.translator,
        "reviewer": translation.reviewer,
        "reviewed": translation.reviewed,
        "status": translation.status,
    }
    lines += [f"{key} = {_toml_string(value)}" for key, value in meta.items()]
    lines += ["", "[texts]"]
    for path in paths:
        entry = translation.entries[path]
        reviewed = ", reviewed = true" if entry.reviewed else ""
        lines.append(
            f"{_toml_string(path)} = {{ source = {_toml_string(entry.source)}, text = {_toml_string(entry.text)}"
            f"{reviewed} }}"
        )
    return "\n".join(lines) + "\n"


# --- which file serves a language tag --------------------------------------------------


def _parse(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def file_tag(tag: str) -> str:
    """Return the tag of the file that would hold ``tag`` exactly: zh, zh-CN -> zh-Hans; es-MX -> es-MX."""
    locale = _parse(tag)
    if locale is None:
        return tag
    script = locale.script
    if script is None:
        likely: Mapping[str, str] = get_global("likely_subtags")
        guess = likely.get(f"{locale.language}_{locale.territory}") or likely.get(locale.language, "")
        found = _parse(guess) if guess else None
        script = found.script if found else None
    # Only languages written in more than one script name it (zh-Hans, zh-Hant, sr-Latn).
    if locale.language in _SCRIPT_NAMED and script:
        return f"{locale.language}-{script}"
    return f"{locale.language}-{locale.territory}" if locale.territory else locale.language


_SCRIPT_NAMED = frozenset({"zh", "sr", "uz", "pa", "az", "bs"})


def base_tag(tag: str) -> str:
    locale = _parse(tag)
    return locale.language if locale else tag.split("-")[0].lower()


def translation_path(folder: Path, language: str) -> Path:
    return folder / f"leaflet.{language}.toml"


def available_languages(folder: Path) -> tuple[str, ...]:
    """Languages with a texts file, English first."""
    others = sorted(p.name.split(".")[1] for p in folder.glob("leaflet.*.toml") if p.name != "leaflet.en.toml")
    return (SOURCE_LANGUAGE, *others)
