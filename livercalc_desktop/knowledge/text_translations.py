"""Translated texts that stay honest: each entry records the hash of the English it translates.

Shared by the leaflet's translations (``leaflet.<lang>.toml``) and the window's translations
of the schema and knowledge-base labels (``window.<lang>.toml``). A translation holds only
words, addressed by a path into its English source; when the English changes, the recorded
hash no longer matches and the entry is *stale*. What a stale entry means is the caller's
decision: the leaflet refuses to print, the window shows that label in English.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.domain.validation import is_language_tag
from livercalc_desktop.knowledge.strict_table import StrictTable, TomlReader, read_toml

SOURCE_LANGUAGE = "en"
STATUSES = ("draft", "reviewed")


def source_hash(text: str) -> str:
    """Return a short fingerprint of the English a translation was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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
    name: str = ""  # the language's own name ("Español"): a leaflet file's, for the window's language list
    reviewer: str = ""
    reviewed: str = ""
    status: str = "draft"
    entries: Mapping[str, Entry] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        return self.status != "reviewed"

    def current(self, path: str, english: str) -> str | None:
        """Return the translation of ``english`` at ``path``, or None when it is missing or stale."""
        entry = self.entries.get(path)
        return entry.text if entry is not None and entry.source == source_hash(english) else None


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


def compare(sources: Mapping[str, str], translation: Translation, optional: Iterable[str] = ()) -> Report:
    """Compare a translation with its English ``sources`` (path -> text).

    A translation must keep every ``{placeholder}`` of its English, except the ``optional``
    ones (grammar words some languages do without), and add none the English lacks.
    """
    grammar = frozenset(optional)
    entries = translation.entries
    missing = tuple(p for p in sources if p not in entries)
    stale = tuple(p for p in sources if p in entries and entries[p].source != source_hash(sources[p]))
    unknown = tuple(p for p in entries if p not in sources)
    wrong = []
    for path, text in sources.items():
        if path not in entries or path in stale:
            continue
        facts, translated = placeholders(text) - grammar, placeholders(entries[path].text)
        if facts != translated - grammar or not translated <= placeholders(text) | grammar:
            wrong.append(f"{path} (placeholders {sorted(translated)}, English has {sorted(placeholders(text))})")
    reviewed = sum(1 for p in sources if p in entries and p not in stale and entries[p].reviewed)
    return Report(translation.language, len(sources), missing, stale, unknown, tuple(wrong), reviewed)


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
        name=meta.take("name", str, ""),
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


def translation_toml(translation: Translation, order: Iterable[str], header: Iterable[str]) -> str:
    """Return a translation file's text: ``header`` comment lines, then entries in ``order`` (unknown ones last)."""
    order = list(order)
    paths = [p for p in order if p in translation.entries] + [p for p in translation.entries if p not in order]
    lines = [f"# {line}".rstrip() for line in header]
    lines += ["", "[meta]"]
    meta = {
        "language": translation.language,
        **({"name": translation.name} if translation.name else {}),
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


# --- which leaflet languages a pathway has ---------------------------------------------
# Here, not in leaflet.translations (which imports Babel): the window lists the languages at start-up.


def translation_path(folder: Path, language: str) -> Path:
    return folder / f"leaflet.{language}.toml"


def available_languages(folder: Path) -> tuple[str, ...]:
    """Languages with a texts file, English first."""
    others = sorted(p.name.split(".")[1] for p in folder.glob("leaflet.*.toml") if p.name != "leaflet.en.toml")
    return (SOURCE_LANGUAGE, *others)


@dataclass(frozen=True, slots=True)
class LeafletLanguage:
    """A language the pathway has leaflet texts in: its file's tag, and its own name ("" when the file names none)."""

    tag: str
    name: str


def leaflet_languages(folder: Path, read: TomlReader = read_toml) -> tuple[LeafletLanguage, ...]:
    """Return the leaflet languages, English first, each with the ``name`` in its file's [meta].

    The names are data, so a new ``leaflet.<tag>.toml`` is listed with its name and no code
    changes. Only the name is looked at: exporting a leaflet checks the whole file. A file that
    cannot be read is listed by its tag alone, so a damaged translation never stops the window
    from starting (exporting in that language then says what is wrong with it). A file whose
    name holds no language tag is left out.
    """
    languages = []
    listed: set[str] = set()
    for tag in available_languages(folder):
        # A file whose name holds no language tag ("leaflet.es - Copy.toml", a copy left beside
        # the real one) offers none: recorded, such a tag made the saved case refuse to open.
        # Tags differ in case only in their spelling ("EN" is "en"): each language is listed once.
        if not is_language_tag(tag) or tag.casefold() in listed:
            continue
        listed.add(tag.casefold())
        try:
            meta = read(translation_path(folder, tag)).get("meta")
        except KnowledgeBaseError:
            meta = None
        name = meta.get("name") if isinstance(meta, dict) else None
        languages.append(LeafletLanguage(tag, name if isinstance(name, str) else ""))
    return tuple(languages)
