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
from collections.abc import Iterator, Mapping
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale

from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.knowledge.text_translations import (
    SOURCE_LANGUAGE,
    Entry,
    Report,
    Translation,
    available_languages,
    compare,
    read_translation,
    source_hash,
    translation_path,
)
from livercalc_desktop.knowledge.text_translations import translation_toml as _translation_toml

__all__ = [
    "GRAMMAR_WORDS",
    "SOURCE_LANGUAGE",
    "Entry",
    "Report",
    "Translation",
    "TranslationRefused",
    "available_languages",
    "base_tag",
    "check",
    "file_tag",
    "own_name",
    "read_translation",
    "source_hash",
    "source_texts",
    "translated",
    "translation_path",
    "translation_toml",
]

# Strings in the English file that are identifiers or settings, not words for a patient.
_NOT_WORDS = frozenset(
    {
        "meta.language",
        "meta.name",
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
_HEADER = (
    "Leaflet texts, {language}: a translation of leaflet.en.toml.",
    "Each entry records the hash of the English it translates; when the English changes the",
    "entry is stale and the leaflet is refused until it is translated again.",
    "Edit with `livercalc-desktop translations export/import` (.po) or by hand.",
)


class TranslationRefused(LeafletError):
    """A leaflet cannot be printed in the requested language; the message lists why."""

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


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


def check(english: Mapping[str, Any], translation: Translation) -> Report:
    """Compare a translation with the English: missing, stale, unknown and placeholder problems."""
    return compare(source_texts(english), translation, GRAMMAR_WORDS)


def translated(english: Mapping[str, Any], translation: Translation) -> dict[str, Any]:
    """Return the English data with every string replaced by its translation (call ``check`` first)."""
    data = copy.deepcopy(dict(english))
    for path, container, key in list(_leaves(data, "")):
        container[key] = translation.entries[path].text
    return data


def translation_toml(translation: Translation, english: Mapping[str, Any]) -> str:
    """Return the text of a leaflet translation file, entries in the English file's order."""
    header = (line.format(language=translation.language) for line in _HEADER)
    return _translation_toml(translation, source_texts(english), header)


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
    likely: Mapping[str, str] = get_global("likely_subtags")
    guess = likely.get(f"{locale.language}_{locale.territory}") or likely.get(locale.language, "")
    usual = written_script(guess.replace("_", "-")) if guess else None
    script = locale.script or written_script(tag) or usual
    # Only languages written in more than one script name it (zh-Hans, zh-Hant, sr-Latn); a
    # script the language is not usually written in is named too (ar-Latn is not the Arabic texts).
    if script and (locale.language in _SCRIPT_NAMED or script != usual):
        return f"{locale.language}-{script}"
    return f"{locale.language}-{locale.territory}" if locale.territory else locale.language


def written_script(tag: str) -> str | None:
    """Return the script the tag names (ar-Latn: Latn), which Babel drops when it has no such locale."""
    try:
        return parse_locale(tag, sep="-")[2]
    except ValueError:
        return None


_SCRIPT_NAMED = frozenset({"zh", "sr", "uz", "pa", "az", "bs"})


def own_name(tag: str) -> str:
    """Return the language's name in itself, from CLDR, as language lists start it: "Deutsch", "Русский"; "" if unknown.

    Written into a new language's file (its [meta] name), where the window's language list reads it.
    """
    locale = _parse(tag)
    name = locale.get_display_name(locale) if locale else None
    return name[:1].upper() + name[1:] if name else ""


def base_tag(tag: str) -> str:
    locale = _parse(tag)
    return locale.language if locale else tag.split("-")[0].lower()
