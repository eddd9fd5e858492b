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
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from livercalc_desktop.domain.errors import INVISIBLE_CONTROLS, LivercalcError

BODY = "LC-Sans"
BOLD = "LC-Sans-Bold"
_MAIN = {BODY: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf"}
# Loaded only when a text holds a character the main font lacks: parsing the 4 MB CJK font
# alone costs about 100 ms, and most leaflets never need it.
_FALLBACKS = {
    "LC-Arabic": "NotoSansArabic-Regular.ttf",
    "LC-Hebrew": "NotoSansHebrew-Regular.ttf",
    "LC-CJK": "DroidSansFallbackFull.ttf",
    "LC-Korean": "NanumGothic.ttf",
}
_LIKELY = {
    "LC-Arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "LC-Hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "LC-Korean": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
}
_RTL = {"R", "AL"}


def _register(name: str, path: Path) -> frozenset[int]:
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


class FontSet:
    """The registered fonts and which characters each one can draw."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.coverage = {name: _register(name, folder / file) for name, file in _MAIN.items()}
        pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
        self._fallbacks: dict[str, frozenset[int]] = {}
        self._chosen: dict[tuple[str, str], str] = {}

    def _fallback(self, name: str) -> frozenset[int]:
        if name not in self._fallbacks:
            self._fallbacks[name] = _register(name, self.folder / _FALLBACKS[name])
        return self._fallbacks[name]

    def font_for(self, char: str, preferred: str) -> str:
        """Return the preferred font if it has ``char``, else the first fallback that does."""
        code = ord(char)
        if code in self.coverage[preferred]:
            return preferred
        key = (char, preferred)
        if key not in self._chosen:  # a translated leaflet asks for the same few letters thousands of times
            self._chosen[key] = self._fallback_for(code, preferred)
        return self._chosen[key]

    def _fallback_for(self, code: int, preferred: str) -> str:
        # Try the likeliest font first, so a Chinese name does not load the Arabic font too.
        likely = next(
            (name for name, ranges in _LIKELY.items() if any(lo <= code <= hi for lo, hi in ranges)), "LC-CJK"
        )
        order = [likely, *(name for name in _FALLBACKS if name != likely)]
        return next((name for name in order if code in self._fallback(name)), preferred)

    def missing(self, text: str) -> set[str]:
        """Characters of ``text`` no bundled font can draw (spaces and controls ignored)."""
        main = self.coverage[BODY]
        outside = {c for c in text if ord(c) not in main and not c.isspace() and unicodedata.category(c)[0] != "C"}
        if not outside:  # the common case: no fallback font needs loading
            return set()
        known = frozenset().union(*(self._fallback(name) for name in _FALLBACKS))
        return {c for c in outside if ord(c) not in known}

    def check_printable(self, typed: Mapping[str, object], error: type[LivercalcError], document: str) -> None:
        """Refuse to print boxes: name every typed field holding a character no bundled font has."""
        for field, value in typed.items():
            missing = self.missing(value) if isinstance(value, str) else set()
            if missing:
                codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing))
                raise error(
                    f"{field}: holds characters the {document} fonts cannot print ({codes}); "
                    "supported scripts are Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese and Korean"
                )


@functools.cache
def register_fonts(folder: Path) -> FontSet:
    """Register the bundled TrueType fonts with reportlab (once per process)."""
    return FontSet(folder)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL for c in text)


def printed(text: str) -> str:
    """Return ``text`` as it is printed: NFC, without invisible controls.

    A control character or a bidirectional override (``INVISIBLE_CONTROLS``) has no glyph in
    any bundled font: reportlab drew U+202E in a name as a box, and a BEL as a gap.
    """
    return INVISIBLE_CONTROLS.sub("", unicodedata.normalize("NFC", text))


def shaped(text: str) -> str:
    """Join Arabic letters into their contextual forms (logical order kept), ``printed`` first."""
    clean = printed(text)
    if not any(0x0600 <= ord(c) <= 0x06FF for c in clean):  # no base Arabic letters (or already shaped)
        return clean
    import arabic_reshaper  # only right-to-left text needs it (15 ms to import)

    return str(arabic_reshaper.reshape(clean))


def visual_order(text: str, right_to_left: bool = False) -> str:
    """Shape Arabic and reorder right-to-left runs for a renderer that draws left to right.

    ``right_to_left`` is the paragraph's base direction: an Arabic leaflet's lines start
    at the right, so a Latin name inside one sits where an Arabic reader expects it.
    """
    if not has_rtl(text):
        return text
    return str(get_display(shaped(text), base_dir="R" if right_to_left else "L"))


def runs(text: str, fonts: FontSet, preferred: str) -> list[tuple[str, str, float]]:
    """Split text already in visual order into ``(font, run, width at 1 pt)`` by bundled font."""
    return [(font, run, pdfmetrics.stringWidth(run, font, 1.0)) for font, run in _runs(text, fonts, preferred)]


def draw_text(
    canvas: Any,
    fonts: FontSet,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    preferred: str = BODY,
    right_aligned: bool = False,
    right_to_left: bool = False,
) -> float:
    """Draw one line of any script on a canvas at ``x`` (its right end if ``right_aligned``); return its width."""
    parts = runs(visual_order(printed(text), right_to_left), fonts, preferred)
    width = _width(parts, size)
    cursor = x - width if right_aligned else x
    for font, run, unit_width in parts:
        canvas.setFont(font, size)
        canvas.drawString(cursor, y, run)
        cursor += unit_width * size
    return width


def text_width(text: str, fonts: FontSet, size: float, preferred: str = BODY) -> float:
    """Width of ``text`` drawn as one line by ``draw_text`` (the same in either direction)."""
    return _width(runs(visual_order(printed(text)), fonts, preferred), size)


def longest_fit(low: int, high: int, fits: Callable[[int], bool]) -> int:
    """Return the largest count from ``low`` to ``high`` that ``fits`` (which holds up to some count), by bisection.

    How much of a text goes on one line: the page header's clinic name, or a word too long for
    a right-to-left line. ``low`` is returned when nothing larger fits.
    """
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low


def _width(parts: list[tuple[str, str, float]], size: float) -> float:
    return sum(w for _, _, w in parts) * size


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
    parts = []
    for font, run in _runs(visual_order(printed(text)), fonts, preferred):
        escaped = escape(run)
        parts.append(escaped if font == preferred else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)
