"""A paragraph that lays out right to left, for leaflets in Arabic (and any RTL language).

reportlab's own bidi layout needs ``rlbidi``, which PyPI does not offer for our platforms.
Reordering a whole paragraph and letting reportlab wrap it left to right puts the end of
the text on the first line. So this flowable breaks the text into lines in *logical*
order (after Arabic shaping, which does not change widths between orders), then reorders
each line on its own with the Unicode bidi algorithm (python-bidi, base direction right)
and draws it against the right margin, font run by font run.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from livercalc_desktop.leaflet.fonts import BODY, FontSet, draw_text, longest_fit, runs, shaped


class RightToLeftParagraph(Flowable):
    """Right-aligned lines in right-to-left order; ``bulletText`` (if set) hangs at the right."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        fonts: FontSet,
        preferred: str = BODY,
        lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text, self.style, self.fonts, self.preferred = text, style, fonts, preferred
        self.given = lines
        self.lines: list[str] = lines or []
        self.bulletText = ""
        self.width = self.height = 0.0

    def _measure(self, text: str) -> float:
        size: float = self.style.fontSize
        return sum(w for _, _, w in runs(text, self.fonts, self.preferred)) * size

    def _break(self, width: float) -> list[str]:
        """Greedy line breaking in logical order; each word is measured once."""
        space = self._measure(" ")
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in (piece for whole in shaped(self.text).split() for piece in self._fitted(whole, width)):
            word_width = self._measure(word)
            if current and used + space + word_width > width:
                lines.append(" ".join(current))
                current, used = [word], word_width
            else:
                used += (space if current else 0.0) + word_width
                current.append(word)
        return [*lines, " ".join(current)] if current else lines or [""]

    def _fitted(self, word: str, width: float) -> list[str]:
        """Cut a word wider than a line into pieces that fit, as reportlab does left to right.

        Kept whole, a note typed without spaces (or a long link) was drawn as one line running
        off the left of the page.
        """
        pieces: list[str] = []
        while len(word) > 1 and self._measure(word) > width:
            # The longest start that fits, and at least one character.
            kept = longest_fit(1, len(word) - 1, lambda count: self._measure(word[:count]) <= width)  # noqa: B023 - used at once
            pieces.append(word[:kept])
            word = word[kept:]
        return [*pieces, word]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.given is None and availWidth != self.width:  # reportlab asks again and again: break once per width
            self.lines = self._break(availWidth - self.style.leftIndent - self.style.rightIndent)
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit >= len(self.lines):
            return [self]
        # As reportlab's paragraphs do (allowOrphans=0, allowWidows=0): never one line alone at
        # the foot of a page or at the top of the next; a reference split 1 + 1 did both.
        fit = min(fit, len(self.lines) - 2)
        if fit < 2:
            return []
        first = RightToLeftParagraph(self.text, self.style, self.fonts, self.preferred, self.lines[:fit])
        first.bulletText = self.bulletText
        rest = RightToLeftParagraph(self.text, self.style, self.fonts, self.preferred, self.lines[fit:])
        return [first, rest]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        right = self.width - style.leftIndent  # the indent mirrors: bullets and text start at the right
        y = self.height - style.fontSize
        canvas.setFillColor(style.textColor)
        if self.bulletText:
            draw_text(canvas, self.fonts, self.bulletText, self.width - style.bulletIndent, y, style.fontSize,
                      right_aligned=True)  # fmt: skip
        for line in self.lines:
            draw_text(canvas, self.fonts, line, right, y, style.fontSize, preferred=self.preferred,
                      right_aligned=True, right_to_left=True)  # fmt: skip
            y -= style.leading
