"""The note for the record: the clinician summary as plain text for a free-text field.

Electronic records take pasted text best as short lines with no layout: every line here is
at most 80 characters, sections are headed in capitals, references are short author-year
citations, and an ASCII-only form is offered for systems that mangle other characters.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterator

from livercalc_desktop.domain.errors import printable
from livercalc_desktop.summary.content import Citation, Entry, SummaryContent

WIDTH = 80
_ASCII = {
    "≥": ">=", "≤": "<=", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "×": "x",
    "·": "-", "…": "...", "µ": "u", "°": " deg", "±": "+/-", "→": "->", "ł": "l", "Ł": "L", "ø": "o",
    "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ı": "i", "\u00a0": " ",
}  # fmt: skip
ASCII_NOTICE = "(Characters with no ASCII form are shown as ?.)"


def to_ascii(text: str) -> str:
    """Spell ``text`` in ASCII: accents dropped, symbols spelt out, anything else as ``?``."""
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if ord(char) < 128:
            out.append(char)
        elif char in _ASCII:
            out.append(_ASCII[char])
        elif not unicodedata.combining(char):
            out.append("?")
    return "".join(out)


def _cite(citations: tuple[Citation, ...], uncited: str) -> str:
    return f" [{'; '.join(c.author_year for c in citations) or uncited}]"


# A line before wrapping: its indent, the indent of its continuation lines, and its text.
_Line = tuple[int, int, str]


def _entries(entries: tuple[Entry, ...], indent: int = 0) -> list[_Line]:
    return [(indent, indent + 4, f"{e.label}: {e.value}") for e in entries]


def _logical_lines(content: SummaryContent) -> list[_Line]:
    h, labels = content.headings, content.labels
    lines: list[_Line] = [*((0, 2, line) for line in content.letterhead), (0, 0, content.title.upper())]
    if content.urgent:
        lines.append((0, 4, f"*** {content.urgent} ***"))

    def section(key: str) -> None:
        lines.extend([(0, 0, ""), (0, 0, h[key].upper())])

    section("patient")
    lines += _entries(content.identity)
    section("findings")
    for group in content.findings:
        lines.append((0, 2, group.title))
        lines += _entries(group.entries, 2)
    section("assessment")
    lines += _entries(content.assessment)
    section("reasons")
    for number, reason in enumerate(content.reasons, start=1):
        cited = _cite(content.cited(reason.references), labels["no_reference"])
        lines.append((0, 3, f"{number}. {reason.label}: {reason.text}{cited}"))
        if reason.facts:
            lines.append((3, 5, f"{labels['facts']}: {'; '.join(reason.facts)}"))
    section("checklist")
    for item in content.checklist:
        parts = [p for p in (item.kind, item.priority) if p]
        rest = "; ".join(p for p in (item.status, item.detail, item.date) if p)
        lines.append((0, 2, f"- {item.item} ({'; '.join(parts)}): {rest}"))
    section("timeline")
    lines += [(0, 2, f"- {e.label}: {e.value}") for e in content.timeline]
    if content.patient_note:
        section("note")
        lines += [(0, 0, paragraph) for paragraph in content.patient_note.splitlines() if paragraph.strip()]
    section("references")
    lines += [(0, 2, f"- {c.short}") for c in content.citations]
    section("sign")
    lines += [(0, 4, f"{e.label}: {e.value or '_' * 30}") for e in content.sign_off]
    lines.append((0, 0, ""))
    lines += [(0, 0, line) for line in content.closing]
    return lines


def summary_note(content: SummaryContent, *, ascii_only: bool = False) -> str:
    """Return the note for the record: lines of at most 80 columns, ending in a newline."""
    # Typed text is pasted into records and printed on terminals: no control may act there.
    logical = [(first, rest, printable(text)) for first, rest, text in _logical_lines(content)]
    if ascii_only:
        converted = [(first, rest, to_ascii(text)) for first, rest, text in logical]
        if any(new.count("?") > old.count("?") for (*_, new), (*_, old) in zip(converted, logical, strict=True)):
            converted.insert(1, (0, 0, ASCII_NOTICE))
        logical = converted
    out: list[str] = []
    for first, rest, text in logical:
        if any(_columns(char) == 2 for char in text):
            wrapped = _wrap_wide(text, first, rest)
        else:
            wrapped = textwrap.wrap(
                text, WIDTH, initial_indent=" " * first, subsequent_indent=" " * rest, break_on_hyphens=False
            )
        out += wrapped or [""]
    return "\n".join(out) + "\n"


# --- text with wide (CJK) characters ------------------------------------------------------
# textwrap counts characters, but a Chinese, Japanese or Korean character takes two columns:
# a Chinese name made 160-column lines. Such text is wrapped by columns, and may break between
# any two wide characters (it has no spaces to break at).


def _columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _tokens(text: str) -> Iterator[tuple[bool, str]]:
    """Yield ``(after a space, token)``: words of narrow characters, and each wide character alone."""
    spaced, word = False, ""
    for char in text:
        if char.isspace() or _columns(char) == 2:
            if word:
                yield spaced, word
                spaced, word = False, ""
            if char.isspace():
                spaced = True
            else:
                yield spaced, char
                spaced = False
        else:
            word += char
    if word:
        yield spaced, word


def _pieces(token: str, room: int) -> Iterator[str]:
    """Split a token wider than ``room`` columns (a 2,000-letter run) into pieces that fit."""
    piece, used = "", 0
    for char in token:
        if piece and used + _columns(char) > room:
            yield piece
            piece, used = "", 0
        piece += char
        used += _columns(char)
    if piece:
        yield piece


def _wrap_wide(text: str, first: int, rest: int) -> list[str]:
    lines: list[str] = []
    line, used = " " * first, first
    empty = True
    for spaced, token in _tokens(text):
        for piece in _pieces(token, WIDTH - max(first, rest)):
            width = sum(_columns(char) for char in piece)
            gap = 1 if spaced and not empty else 0
            if not empty and used + gap + width > WIDTH:
                lines.append(line)
                line, used, gap = " " * rest, rest, 0
            line += " " * gap + piece
            used += gap + width
            empty, spaced = False, False
    return [*lines, line] if not empty else lines
