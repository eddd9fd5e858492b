"""``livercalc-desktop translations``: status, export to .po, import from .po, and review.

A clinic sends the .po to its translation agency and imports what comes back; ``status``
shows, for every language, how many texts are missing, stale (the English changed) and
reviewed; ``review`` records, for a complete and current translation, who reviewed it and
when (only then does the leaflet drop its "not yet reviewed" line). Files are written
atomically into the pathway folder beside ``leaflet.en.toml``. With ``--window`` the same
actions work on the window's labels (``window.<lang>.toml``: the schema's, the knowledge
base's and the outcome schema's labels as the window shows them).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from babel.messages.pofile import PoFileError, read_po

from livercalc_desktop.atomic import same_file, write_atomically
from livercalc_desktop.bounded_read import read_bounded
from livercalc_desktop.domain.errors import LeafletError, clipped, printable
from livercalc_desktop.domain.validation import LANGUAGE_TAG_MAX, is_language_tag
from livercalc_desktop.knowledge.pathway import Pathway, load_pathway
from livercalc_desktop.knowledge.strict_table import read_toml
from livercalc_desktop.knowledge.text_translations import compare
from livercalc_desktop.knowledge.window_labels import (
    window_labels_path,
    window_labels_toml,
    window_languages,
    window_report,
    window_sources,
)
from livercalc_desktop.leaflet.po import PROJECT, export_sources_po, import_sources_po
from livercalc_desktop.leaflet.translations import (
    SOURCE_LANGUAGE,
    Report,
    Translation,
    available_languages,
    check,
    file_tag,
    own_name,
    read_translation,
    source_texts,
    translation_path,
    translation_toml,
)
from livercalc_desktop.output_paths import output_file

# Leaflet texts hold no patient data: on a shared install every user must be able to read a new language.
TEXTS_FILE_MODE = 0o644


def add_parser(commands: Any) -> None:
    """Register ``translations`` and its three actions on the CLI's subcommand table."""
    parser = commands.add_parser("translations", help="leaflet and window translations: status, export, import")
    parser.add_argument("--folder", type=Path, help="pathway folder holding leaflet.*.toml (default: the bundled one)")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    actions.add_parser(
        "status", help="list every language with missing, stale and reviewed counts (leaflet texts and window labels)"
    )
    export = actions.add_parser("export", help="write a language's texts as a .po file for a translator")
    export.add_argument("--lang", required=True, help="language tag, e.g. es, ar, zh-Hans")
    export.add_argument("-o", "--output", type=output_file, required=True, help=".po file to write")
    imported = actions.add_parser("import", help="merge a translated .po file into the language's texts")
    imported.add_argument("po", type=Path, help=".po file from the translator")
    imported.add_argument("--lang", help="language tag (default: the .po file's Language header)")
    review = actions.add_parser(
        "review", help="record that a qualified medical translator reviewed every current text of a language"
    )
    review.add_argument("--lang", required=True, help="language tag, e.g. es")
    review.add_argument("--reviewer", required=True, help="the reviewer's name and qualification")
    review.add_argument("--date", required=True, help="review date, YYYY-MM-DD")
    for action in (export, imported, review):
        action.add_argument(
            "--window", action="store_true", help="the window's labels (window.<lang>.toml), not the leaflet texts"
        )


PO_FILE_MAX_BYTES = 8 * 1024 * 1024
"""A .po of every leaflet text is about 100 KB; the bound only stops a device or a wrong file."""


def _language(tag: str, option: str) -> str:
    """Return the file tag for ``tag``, refusing anything that is not a language tag.

    The tag names a file in the pathway folder, and it may come from a .po file's header
    (the agency's tool writes it), so "../x" or a 1 MB header must never reach a path.
    """
    if not is_language_tag(tag):
        raise LeafletError(
            f'translations: {option}: must be a language tag such as "es" or "zh-Hans" '
            f"(at most {LANGUAGE_TAG_MAX} characters), got {clipped(tag)!r}"
        )
    return file_tag(tag)


def _check_po_target(output: Path, pathway: Pathway) -> None:
    """Refuse to write a .po file over, or beside, the texts in the pathway folder.

    ``-o leaflet.es.toml`` (or ``leaflet.en.toml``) would replace the texts themselves with
    the .po, and any new ``leaflet.*.toml`` there is read as a language.
    """
    folder = pathway.folder.resolve()
    target = output.resolve()
    if target.parent == folder or any(same_file(target, texts) for texts in folder.iterdir()):
        raise LeafletError(
            f"translations export: -o: will not write {clipped(output.name)}: it would replace or sit beside "
            "the leaflet texts in the pathway folder; write the .po file somewhere else"
        )


def _english(pathway: Pathway) -> dict[str, Any]:
    return read_toml(pathway.folder / "leaflet.en.toml")


@dataclass(frozen=True, slots=True)
class _Texts:
    """One kind of translated text (the leaflet's, or the window's labels): its English and its files."""

    sources: Mapping[str, str]  # path -> English
    file: Callable[[str], Path]  # language -> its translation file
    toml: Callable[[Translation], str]
    check: Callable[[Translation], Report]
    project: str
    name: Callable[[str], str] = lambda _language: ""  # language -> its own name, for a new file's [meta]


def _texts(args: argparse.Namespace, pathway: Pathway) -> _Texts:
    if getattr(args, "window", False):
        sources = window_sources(pathway)
        return _Texts(
            sources,
            lambda language: window_labels_path(pathway.folder, language),
            lambda translation: window_labels_toml(pathway, translation),
            lambda translation: compare(sources, translation),
            "LiverCalc Desktop window labels",
        )
    english = _english(pathway)
    return _Texts(
        source_texts(english),
        lambda language: translation_path(pathway.folder, language),
        lambda translation: translation_toml(translation, english),
        lambda translation: check(english, translation),
        PROJECT,
        own_name,
    )


def _load(texts: _Texts, language: str) -> Translation:
    path = texts.file(language)
    if path.exists():
        return read_translation(path)
    return Translation(language=language, locale=language.replace("-", "_"), translator="", name=texts.name(language))


def _row(language: str, translation: Translation, report: Report) -> tuple[str, ...]:
    reviewer = f"{translation.reviewer} {translation.reviewed}".strip() or "-"
    counts = (report.total, len(report.missing), len(report.stale), report.reviewed)
    return (language, translation.status, *map(str, counts), translation.translator or "-", reviewer)


def _table(rows: list[tuple[str, ...]], out: TextIO) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")


def _status(pathway: Pathway, out: TextIO) -> int:
    english = _english(pathway)
    total = len(source_texts(english))
    header = ("language", "status", "texts", "missing", "stale", "reviewed", "translator", "reviewer")
    rows: list[tuple[str, ...]] = [header, (SOURCE_LANGUAGE, "source", str(total), "-", "-", "-", "-", "-")]
    for language in available_languages(pathway.folder)[1:]:
        translation = read_translation(translation_path(pathway.folder, language))
        rows.append(_row(language, translation, check(english, translation)))
    out.write("Leaflet texts (leaflet.<language>.toml):\n")
    _table(rows, out)
    # The window's labels from the schema and knowledge base: a stale one shows in English.
    labels = len(window_sources(pathway))
    rows = [header, (SOURCE_LANGUAGE, "source", str(labels), "-", "-", "-", "-", "-")]
    stale: list[str] = []
    for language in window_languages(pathway.folder):
        translation = read_translation(window_labels_path(pathway.folder, language))
        report = window_report(pathway, translation)
        rows.append(_row(language, translation, report))
        stale += [f"  {language}: {path} (shown in English until translated again)" for path in report.stale]
        stale += [f"  {language}: {path} (missing: shown in English)" for path in report.missing]
    out.write("\nWindow labels from the schema and knowledge base (window.<language>.toml):\n")
    _table(rows, out)
    out.writelines(line + "\n" for line in stale)
    return 0


def _export(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    language = _language(args.lang, "--lang")
    if language == SOURCE_LANGUAGE:
        raise LeafletError("translations export: --lang: English is the source; choose a language to translate into")
    _check_po_target(args.output, pathway)
    texts = _texts(args, pathway)
    translation = _load(texts, language)
    data = export_sources_po(texts.sources, translation, pathway.kb.meta.content_version, texts.project)
    write_atomically(args.output, data, LeafletError)
    report = texts.check(translation)
    out.write(
        f"wrote {printable(str(args.output))}: {report.total} texts for {language} "
        f"({len(report.missing)} missing, {len(report.stale)} stale)\n"
    )
    return 0


def _import(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    data = read_bounded(args.po, PO_FILE_MAX_BYTES, ".po file", LeafletError)  # a pipe or device is refused, not read
    try:
        header_language = str(read_po(io.BytesIO(data)).locale_identifier or "")
    except (PoFileError, ValueError) as exc:
        raise LeafletError(f"translations import: {args.po} is not a readable .po file: {exc}") from exc
    tag = args.lang or header_language
    if not tag:
        raise LeafletError("translations import: --lang: the .po file names no language; give --lang")
    language = _language(tag, "--lang" if args.lang else "the .po file's Language header")
    if language == SOURCE_LANGUAGE:
        raise LeafletError("translations import: English is the source and is edited in leaflet.en.toml")
    texts = _texts(args, pathway)
    result = import_sources_po(data, texts.sources, _load(texts, language))
    path = texts.file(language)
    write_atomically(path, texts.toml(result.translation).encode("utf-8"), LeafletError, new_mode=TEXTS_FILE_MODE)
    report = texts.check(result.translation)
    out.write(
        f"{path.name}: {result.changed} texts changed; {len(report.missing)} missing, {len(report.stale)} stale, "
        f"{len(report.placeholder_errors)} with wrong placeholders; status {result.translation.status}\n"
    )
    for problem in report.placeholder_errors:
        out.write(f"  placeholders differ: {problem}\n")
    for path_name in result.unknown:
        out.write(f"  kept, but not in the English any more: {path_name}\n")
    return 0


def _review(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    language = _language(args.lang, "--lang")
    texts = _texts(args, pathway)
    path = texts.file(language)
    if language == SOURCE_LANGUAGE or not path.exists():
        raise LeafletError(f"translations review: --lang: there is no translation {language} to review")
    try:
        dt.date.fromisoformat(args.date)
    except ValueError as exc:
        raise LeafletError(f"translations review: --date: must be a date YYYY-MM-DD, got {args.date!r}") from exc
    if not args.reviewer.strip():
        raise LeafletError("translations review: --reviewer: name the reviewer")
    translation = read_translation(path)
    report = texts.check(translation)
    if not report.complete:
        raise LeafletError(
            f"translations review: {language} has {len(report.missing)} missing, {len(report.stale)} stale and "
            f"{len(report.placeholder_errors)} placeholder problems; only a complete, current translation "
            "can be marked reviewed"
        )
    entries = {p: dataclasses.replace(e, reviewed=True) for p, e in translation.entries.items()}
    reviewed = dataclasses.replace(
        translation, entries=entries, status="reviewed", reviewer=args.reviewer.strip(), reviewed=args.date
    )
    write_atomically(path, texts.toml(reviewed).encode("utf-8"), LeafletError)
    out.write(f"{path.name}: {report.total} texts marked reviewed by {reviewed.reviewer} on {args.date}\n")
    return 0


def run(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    """Run the chosen ``translations`` action; returns the exit code."""
    if args.folder is not None:
        pathway = load_pathway(args.folder)
    if args.action == "status":
        return _status(pathway, out)
    if args.action == "export":
        return _export(args, pathway, out)
    if args.action == "review":
        return _review(args, pathway, out)
    return _import(args, pathway, out)
