"""Translation files to and from gettext ``.po``, so an agency works in its own tools.

Used for the leaflet texts and for the window's labels (``window.<lang>.toml``): both are
translations of English strings by path (``export_sources_po``, ``import_sources_po``).

Each message carries the English as ``msgid`` and the text's path as ``msgctxt`` (the same
English can mean different things in different places). A stale entry goes out marked
``fuzzy`` with its old translation and the hash of the English it was made from, so it
comes back stale unless the translator clears the flag; an entry a reviewer signed off
carries the flag ``reviewed``. Importing keeps the file's reviewer, date and status, but a
changed text is no longer reviewed, and a reviewed file with changed texts is a draft again.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from livercalc_desktop.domain.errors import INVISIBLE_CONTROLS, LeafletError, clipped
from livercalc_desktop.leaflet.translations import Entry, Translation, source_hash, source_texts

_HASH_NOTE = "source-hash: "
_STALE_NOTE = "stale: the English changed since this was translated"
PROJECT = "LiverCalc Desktop leaflet"
_NO_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"  # what Babel writes when no translator is named


def _hash_from(message: Message) -> str:
    notes = [*message.auto_comments, str(message.id)]
    return next((c.removeprefix(_HASH_NOTE) for c in notes if c.startswith(_HASH_NOTE)), "")


def export_po(english: Mapping[str, Any], translation: Translation, version: str) -> bytes:
    """Return a .po file of every English leaflet string with its translation (empty when missing)."""
    return export_sources_po(source_texts(english), translation, version, PROJECT)


def export_sources_po(sources: Mapping[str, str], translation: Translation, version: str, project: str) -> bytes:
    """Return a .po file of ``sources`` (path -> English) with their translations (empty when missing)."""
    catalog = Catalog(
        locale=translation.locale,
        project=project,
        version=version,
        last_translator=translation.translator,
        language_team=translation.language,
        fuzzy=False,
    )
    for path, text in sources.items():
        entry = translation.entries.get(path)
        flags: set[str] = set()
        notes = []
        if entry is not None:
            notes.append(_HASH_NOTE + entry.source)
            if entry.source != source_hash(text):
                flags.add("fuzzy")
                notes.append(_STALE_NOTE)
            elif entry.reviewed:
                flags.add("reviewed")
        catalog.add(text, entry.text if entry else "", auto_comments=notes, flags=flags, context=path)
    for path, entry in translation.entries.items():
        if path not in sources:  # the English no longer has this text: keep it, obsolete
            # Babel writes no comments on obsolete entries, so the hash travels as the msgid.
            catalog.obsolete[path] = Message(_HASH_NOTE + entry.source, entry.text, context=path)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=False)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class Imported:
    """The merged translation, and what changed (for the command's summary)."""

    translation: Translation
    changed: int
    unknown: tuple[str, ...]


def import_po(data: bytes, english: Mapping[str, Any], current: Translation) -> Imported:
    """Merge a .po file into ``current`` (the language's leaflet file, or a new empty one)."""
    return import_sources_po(data, source_texts(english), current)


def import_sources_po(data: bytes, sources: Mapping[str, str], current: Translation) -> Imported:
    """Merge a .po file into ``current``, a translation of ``sources`` (path -> English)."""
    catalog = read_po(io.BytesIO(data))
    entries: dict[str, Entry] = dict(current.entries)  # a partial .po leaves the other entries as they are
    unknown = []
    messages = [*catalog, *catalog.obsolete.values()]
    controlled = [
        str(m.context) for m in messages if m.id and isinstance(m.string, str) and INVISIBLE_CONTROLS.search(m.string)
    ]
    if controlled:
        # Nothing a leaflet prints may hold an escape sequence or a bidirectional override.
        raise LeafletError(
            f"translations import: {len(controlled)} text(s) hold invisible control characters; fix them in the "
            f"translation tool, nothing was imported: {', '.join(clipped(path) for path in controlled[:10])}"
        )
    for message in messages:
        path, text = message.context, message.string
        if not message.id or not path or not isinstance(text, str) or not text:
            continue
        if path not in sources and path not in current.entries:
            unknown.append(path)
        stale = message.fuzzy or path not in sources
        source = _hash_from(message) if stale else source_hash(str(message.id))
        if stale and not source:
            continue  # a fuzzy guess with no record of its English is not a translation
        entries[path] = Entry(source, text, "reviewed" in message.flags and not stale)
    for path, entry in entries.items():
        old = current.entries.get(path)
        if entry.reviewed and (old is None or old.text != entry.text or not old.reviewed):
            # Only the clinic's own file can say a text was reviewed, not an incoming .po.
            entries[path] = replace(entry, reviewed=False)
    changed = sum(1 for p, e in entries.items() if current.entries.get(p) != e)
    translator = catalog.last_translator
    order = {path: i for i, path in enumerate(sources)}
    status = current.status if changed == 0 else "draft"
    merged = replace(
        current,
        translator=translator if translator and translator != _NO_TRANSLATOR else current.translator,
        status=status,
        entries=dict(sorted(entries.items(), key=lambda item: order.get(item[0], len(order)))),
    )
    return Imported(merged, changed, tuple(unknown))
