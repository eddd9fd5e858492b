"""Fonts for the leaflet, and safe markup for any text, in any script.

reportlab has no per-glyph font fallback and treats paragraph text as XML. So every
string that reaches a paragraph goes through ``markup``: it is shaped and reordered if it
is right-to-left, split into runs by the first bundled font that has each character, and
each run is XML-escaped. Nothing typed by a user can become markup, and nothing prints as
an empty box if a bundled font can show it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

BODY = "LC-Sans"
BOLD = "LC-Sans-Bold"
ITALIC = "LC-Sans-Italic"
_FILES = {
    BODY: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    "LC-Arabic": "NotoSansArabic-Regular.ttf",
    "LC-Hebrew": "NotoSansHebrew-Regular.ttf",
    "LC-CJK": "DroidSansFallbackFull.ttf",
}
_FALLBACKS = ("LC-Arabic", "LC-Hebrew", "LC-CJK")
_RTL = {"R", "AL"}


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered fonts and which characters each one can draw."""

    coverage: tuple[tuple[str, frozenset[int]], ...]

    def font_for(self, char: str, preferred: str) -> str:
        """Return the first font (preferred first) that has ``char``, else ``preferred``."""
        code = ord(char)
        for name, chars in self.coverage:
            if (name == preferred or name in _FALLBACKS) and code in chars:
                return name if name in _FALLBACKS else preferred
        return preferred

    def missing(self, text: str) -> set[str]:
        """Characters of ``text`` no bundled font can draw (spaces and controls ignored)."""
        known = frozenset().union(*(chars for _, chars in self.coverage))
        return {c for c in text if ord(c) not in known and not c.isspace() and unicodedata.category(c)[0] != "C"}


@functools.cache
def register_fonts(folder: Path) -> FontSet:
    """Register the bundled TrueType fonts with reportlab (once per process)."""
    coverage = []
    for name, filename in _FILES.items():
        font = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(font)
        coverage.append((name, frozenset(font.face.charToGlyph)))
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    return FontSet(tuple(coverage))


def visual_order(text: str) -> str:
    """Shape Arabic and reorder right-to-left runs for a renderer that draws left to right."""
    if not any(unicodedata.bidirectional(c) in _RTL for c in text):
        return text
    return str(get_display(arabic_reshaper.reshape(text), base_dir="L"))


def _runs(text: str, fonts: FontSet, preferred: str) -> Iterator[tuple[str, str]]:
    current, buffer = preferred, ""
    for char in text:
        font = current if char.isspace() else fonts.font_for(char, preferred)
        if font != current and buffer:
            yield current, buffer
            buffer = ""
        current = font
        buffer += char
    if buffer:
        yield current, buffer


def markup(text: str, fonts: FontSet, preferred: str = BODY) -> str:
    """Return reportlab paragraph markup that prints ``text`` exactly as typed."""
    clean = unicodedata.normalize("NFC", text)
    parts = []
    for font, run in _runs(visual_order(clean), fonts, preferred):
        escaped = escape(run)
        parts.append(escaped if font == preferred else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)
