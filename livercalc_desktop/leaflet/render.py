"""Typeset a ``LeafletContent`` as a PDF with reportlab.

Every string goes through ``fonts.markup`` (escaping and per-script font runs); table
cells are paragraphs too, so nothing falls back to a built-in font that lacks glyphs.

Every valid case must print, whatever was typed: text holding Chinese or Japanese wraps
between characters (CJK line breaking, which also keeps "。" off the start of a line),
other long words are split (reportlab's ``splitLongWords``), the note box may split across
pages (``_Box``), and the clinic name in the page header is cut to one line.
A right-to-left leaflet mirrors the page: paragraphs are ``RightToLeftParagraph``s set
against the right margin, the tests table's columns run from the right, and the timeline's
line, dots and weeks sit on the right with the words to their left.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from livercalc_desktop.leaflet.content import LeafletContent, Section, TimelinePoint
from livercalc_desktop.leaflet.fonts import BODY, BOLD, draw_text, longest_fit, markup, register_fonts, text_width
from livercalc_desktop.leaflet.pages import (
    ACCENT,
    INK,
    MARGIN,
    PAPER,
    PART,
    RULE,
    SOFT,
    PdfInfo,
    build_pdf,
    draw_logo,
)
from livercalc_desktop.leaflet.rtl import RightToLeftParagraph

URGENT = colors.HexColor("#fbe3d6")
ELLIPSIS = "…"
HEADER_GAP = 12.0  # between the title and the clinic name in the page header
TOP, BOTTOM = MARGIN + 8 * mm, MARGIN + 4 * mm  # the text frame: room for the page header and footer
NEARLY_BLANK = 0.2
"""A part whose last page holds less than this share of a page is set again a little tighter:
the disclaimer alone on a fifth page (English) or a sixth (Spanish) looked like a printing fault."""
LONG_NOTE_POINTS = 240.0  # a third of an A4 page's text: a longer note may start low on a page


def _has_wide_script(text: str) -> bool:
    """Say whether ``text`` holds Chinese, Japanese or Korean characters, which wrap between characters."""
    return any(unicodedata.east_asian_width(c) in ("W", "F") for c in text)


_CJK_LANGUAGES = ("zh", "ja", "ko")


def _styles(word_wrap: str | None = None, tight: bool = False) -> dict[str, ParagraphStyle]:
    """Return the leaflet's paragraph styles; ``tight`` takes a few points off the space between them."""
    gap = 0.6 if tight else 1.0
    body = ParagraphStyle(
        "body",
        wordWrap=word_wrap,
        fontName=BODY,
        bulletFontName=BODY,
        fontSize=11.5,
        leading=16,
        textColor=INK,
        spaceAfter=5 * gap,
        alignment=TA_LEFT,
        allowWidows=0,  # the last line of a paragraph never starts a page alone (a split reference did)
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=13, leading=17, spaceAfter=2),
        "greeting": ParagraphStyle("greeting", parent=body, fontName=BOLD, fontSize=13, leading=18, spaceAfter=8 * gap),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=14.5,
            leading=19,
            textColor=ACCENT,
            spaceBefore=10 * gap,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=11, leading=14.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=11, leading=14.5, spaceAfter=0),
        "small": ParagraphStyle("small", parent=body, fontSize=10, leading=13, spaceAfter=3 * gap),
        "strong": ParagraphStyle("strong", parent=body, fontName=BOLD),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=3 * gap),
    }


class _Timeline(Flowable):
    """A vertical timeline: a line with a dot per milestone, its label and when.

    Each row is as tall as its wrapped words, so long labels never touch the next row. The
    line stands clear of the widest "when" mark beside it: the Spanish "después del parto"
    ran 21 points past the left margin when the line sat at a fixed 74 points.
    """

    LINE_X = 74.0  # the least: "40 weeks" and "after birth" fit in front of it
    MARK_GAP = 12.0  # from the line to the end of its mark
    MARK_SIZE = 10.5
    GAP = 9.0

    def __init__(self, points: tuple[TimelinePoint, ...], renderer: LeafletRenderer) -> None:
        super().__init__()
        self.points, self.renderer = points, renderer
        # Made now, not when reportlab wraps them: by then an English copy may have set the renderer
        # left to right, and an Arabic timeline came out left-aligned, its words in the wrong order.
        self.rtl = renderer.rtl
        self.words = [(renderer.p(point.label, "cell_bold"), renderer.p(point.when, "cell")) for point in points]
        self.rows: list[tuple[Flowable, Flowable, float]] = []
        self.width = self.height = self.line_x = self.words_width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        widest = max(text_width(point.mark, self.renderer.fonts, self.MARK_SIZE) for point in self.points)
        self.line_x = max(self.LINE_X, widest + self.MARK_GAP)
        self.words_width = availWidth - self.line_x - 20
        self.rows = []
        for label, when in self.words:
            height = label.wrap(self.words_width, availHeight)[1] + when.wrap(self.words_width, availHeight)[1]
            self.rows.append((label, when, height))
        self.height = sum(height + self.GAP for _, _, height in self.rows)
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        rtl = self.rtl
        # Right to left, the line and the weeks sit on the right and the words to their left.
        x = self.width - self.line_x if rtl else self.line_x
        text_x = x - 16 - self.words_width if rtl else x + 16
        tops, y = [], self.height
        for _, _, height in self.rows:
            tops.append(y)
            y -= height + self.GAP
        dots = [top - 8 for top in tops]
        c.setStrokeColor(RULE)
        c.setLineWidth(3)
        c.line(x, dots[0], x, dots[-1])
        for point, (label, when, _), top, dot in zip(self.points, self.rows, tops, dots, strict=True):
            c.setFillColor(ACCENT)
            c.circle(x, dot, 6, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.circle(x, dot, 2.5, stroke=0, fill=1)
            c.setFillColor(INK)
            mark_x = x + self.MARK_GAP if rtl else x - self.MARK_GAP
            draw_text(c, self.renderer.fonts, point.mark, mark_x, dot - 4, self.MARK_SIZE, right_aligned=not rtl,
                      right_to_left=rtl)  # fmt: skip
            label_height = label.height
            label.drawOn(c, text_x, top - label_height)
            when.drawOn(c, text_x, top - label_height - when.height)


class _Box(Flowable):
    """A shaded box around paragraphs, which may run on over pages (a long note from the team).

    It replaces a one-cell table: reportlab splits a table cell at the column's full width, not
    the width inside its padding, so a long Arabic note split there ran 20 points out of its
    box and past the margin, or, when the wider lines then fitted, stopped the export with an
    IndexError. This box splits its paragraphs at the width they are drawn in.
    """

    PAD_X, PAD_TOP, PAD_BOTTOM = 10.0, 8.0, 3.0

    def __init__(self, parts: list[Flowable], background: colors.Color = SOFT) -> None:
        super().__init__()
        self.parts, self.background = parts, background
        self.width = self.height = 0.0

    @staticmethod
    def _gap(before: Flowable, after: Flowable) -> float:
        return float(before.getSpaceAfter() + after.getSpaceBefore())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        inner = availWidth - 2 * self.PAD_X
        heights = [part.wrap(inner, availHeight)[1] for part in self.parts]
        gaps = [self._gap(a, b) for a, b in zip(self.parts, self.parts[1:], strict=False)]
        self.height = self.PAD_TOP + sum(heights) + sum(gaps) + self.PAD_BOTTOM
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        inner, room = availWidth - 2 * self.PAD_X, availHeight - self.PAD_TOP - self.PAD_BOTTOM
        taken: list[Flowable] = []
        used = 0.0
        for index, part in enumerate(self.parts):
            gap = self._gap(taken[-1], part) if taken else 0.0
            height = part.wrap(inner, room)[1]
            if used + gap + height <= room:
                taken.append(part)
                used += gap + height
                continue
            pieces = part.split(inner, room - used - gap) if room - used - gap > 0 else []
            if len(pieces) > 1:  # the paragraph runs on: its first lines here, the rest in the next box
                taken.append(pieces[0])
                rest = [*pieces[1:], *self.parts[index + 1 :]]
            else:
                rest = self.parts[index:]
            if not taken:
                return []
            return [_Box(taken, self.background), _Box(rest, self.background)]
        return [self]

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.background)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        y = self.height - self.PAD_TOP
        for index, part in enumerate(self.parts):
            y -= part.height + (self._gap(self.parts[index - 1], part) if index else 0.0)
            part.drawOn(c, self.PAD_X, y)


class _RoomFor(CondPageBreak):
    """Start a new page unless ``height`` points are left; otherwise take no room at all.

    reportlab's own CondPageBreak also stops the space after the flowable before it from
    folding into the space before the one after it, which moves everything below down a few
    points (enough to push a table row onto the next page); this one passes that space on.
    """

    _SPACETRANSFER = True


class _PartEnd(Flowable):
    """Mark at the end of a part: notes where on its last page the part ends.

    It is a frame action, which never needs room: drawn as a zero-size flowable, it did not
    fit after a disclaimer whose space after reached below the frame, and started a page of
    its own, blank but for the header and footer (the tighter setting of a long leaflet with
    an English copy then saved no page).
    """

    def __init__(self, ends: list[tuple[int, float]]) -> None:
        super().__init__()
        self.ends = ends

    def frameAction(self, frame: Frame) -> None:
        """Note the page and the height from its foot (``frame._y``) at which the part ends."""
        self.ends.append((self.canv.getPageNumber(), frame._y))


class _PartMarker(Flowable):
    """Zero-size mark: pages from here on belong to part ``index`` (their header and footer follow it).

    The numbered canvas keeps each page's state, so the attribute set here travels with the page.
    """

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        setattr(self.canv, PART, self.index)


class LeafletRenderer:
    """Turns leaflet content into PDF bytes."""

    def __init__(self, fonts_folder: Path) -> None:
        self.fonts = register_fonts(fonts_folder)
        self.styles = _styles()
        self.rtl = False
        self.tight = False
        self.ends: list[tuple[int, float]] = []  # page and height from its foot where each part ends

    def _typeset_for(self, content: LeafletContent) -> None:
        """Choose direction and word wrap for this leaflet's language."""
        self.rtl = content.right_to_left
        cjk = content.language.split("-")[0] in _CJK_LANGUAGES
        self.styles = _styles("CJK" if cjk else None, self.tight)

    def p(self, text: str, style: str = "body") -> Flowable:
        preferred = BOLD if style in ("title", "greeting", "h2", "cell_bold", "strong") else BODY
        if self.rtl:
            return RightToLeftParagraph(text, self.styles[style], self.fonts, preferred)
        return Paragraph(markup(text, self.fonts, preferred), self._style(style, text))

    def _no_widow(self, text: str) -> str:
        """Tie a title's last two words together, so a wrapped title never ends on one word alone.

        The Spanish title broke as "Una mancha brillante en el hígado de su / bebé". Right-to-left
        and CJK text keep their own line breaking.
        """
        words = text.rsplit(" ", 1)
        if self.rtl or _has_wide_script(text) or len(words) < 2 or " " not in words[0]:
            return text
        return "\u00a0".join(words)

    def _style(self, name: str, text: str) -> ParagraphStyle:
        """Return the named style, switched to CJK line breaking when ``text`` needs it."""
        if not _has_wide_script(text):
            return self.styles[name]
        cjk = f"{name}-cjk"
        if cjk not in self.styles:
            self.styles[cjk] = ParagraphStyle(cjk, parent=self.styles[name], wordWrap="CJK")
        return self.styles[cjk]

    def one_line(self, text: str, size: float, width: float) -> str:
        """Return ``text``, cut with an ellipsis to fit one line of ``width`` at ``size`` (the page header)."""

        def fits(shown: str) -> bool:
            return text_width(shown, self.fonts, size) <= width

        if fits(text):
            return text
        kept = longest_fit(0, len(text), lambda count: fits(text[:count].rstrip() + ELLIPSIS))
        return text[:kept].rstrip() + ELLIPSIS

    def _ordered(self, cells: list[Any]) -> list[Any]:
        """Table columns run from the right in a right-to-left leaflet."""
        return cells[::-1] if self.rtl else cells

    def _tests_table(self, content: LeafletContent, width: float) -> Table:
        header = [self.p(text, "cell_bold") for text in content.table_header]
        rows = [self._ordered(header)]
        for row in content.tests:
            cell = [self.p(row.name, "cell_bold"), self.p(row.tells, "cell")]
            rows.append(self._ordered([cell, self.p(row.priority, "cell"), self.p(row.status, "cell")]))
        widths = self._ordered([width * 0.54, width * 0.2, width * 0.26])
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("FONTNAME", (0, 0), (-1, -1), BODY),
                    # The last row never goes alone to a new page under the repeated header (it
                    # looked like a misprint): the table breaks before the row above it instead.
                    ("NOSPLIT", (0, -2), (-1, -1)),
                ]
            )
        )
        return table

    @staticmethod
    def _first_break(table: Table) -> int:
        """Return how many rows (the header's among them) must stand on the table's first page.

        reportlab breaks a table only after its header and a first row, and the last two rows
        stay together: a table of fewer than four rows never breaks at all.
        """
        rows = len(table._cellvalues)
        return 2 if rows >= 4 else rows

    def _section(self, section: Section, width: float) -> Flowable:
        lines = [self.p(t) for t in section.paragraphs]
        for text in section.bullets:
            bullet = self.p(text, "bullet")
            bullet.bulletText = "•"
            lines.append(bullet)
        lines += [self.p(t) for t in section.closing]
        body: list[Flowable] = [_Box(lines)] if section.boxed else list(lines)
        return KeepTogether([self.p(section.heading, "h2"), *body])

    def _note(self, heading: str, note: str, width: float) -> list[Flowable]:
        """Lay out the team's note: whole on one page if short; if long, starting at once and running on.

        Keeping a note taller than the space left together would push it to a new page and
        leave the rest of this one blank; so a long note only asks for room for a few lines.
        """
        title, box = self.p(heading, "h2"), _Box([self.p(note)])
        if box.wrap(width, LONG_NOTE_POINTS * 4)[1] < LONG_NOTE_POINTS:
            return [KeepTogether([title, box])]
        return [_RoomFor(LONG_NOTE_POINTS / 2), title, box]

    def _tests_start(self, content: LeafletContent, width: float) -> list[Flowable]:
        """Lay out the tests heading and table, the table starting on the heading's page.

        The table may run on over pages (its header row repeats), so only the heading and the
        rows before its first possible break need to fit; if they do not, all of them start a
        new page.
        """
        title = self.p(content.headings["tests"], "h2")
        needed = title.wrap(width, LONG_NOTE_POINTS * 4)[1] + title.getSpaceBefore() + title.getSpaceAfter()
        table = self._tests_table(content, width)
        table.wrap(width, LONG_NOTE_POINTS * 4)
        return [_RoomFor(needed + sum(table._rowHeights[: self._first_break(table)])), title, table]

    def story(self, content: LeafletContent, width: float) -> list[Flowable]:
        h = content.headings
        self._typeset_for(content)
        story: list[Flowable] = [self.p(self._no_widow(content.title), "title"), self.p(content.subtitle, "subtitle")]
        if content.draft_notice:  # a translation no qualified medical translator has reviewed yet
            notice = [self.p(line, "strong") for line in content.draft_notice[:1]]
            notice += [self._english(line, "strong") for line in content.draft_notice[1:]]
            story += [Spacer(1, 4), _Box(notice, URGENT), Spacer(1, 6)]
        if content.greeting:
            story.append(self.p(content.greeting, "greeting"))
        story.append(Spacer(1, 4))
        story += [self.p(h["seen"], "h2"), *[self.p(t) for t in content.seen]]
        meaning = [_Box([self.p(t) for t in content.meaning])]
        if content.urgent:
            meaning[:0] = [_Box([self.p(t, "strong") for t in content.urgent], URGENT), Spacer(1, 6)]
        story.append(KeepTogether([self.p(h["meaning"], "h2"), meaning[0]]))
        story += meaning[1:]
        if content.note:  # the team's own words come right after the meaning, not at the end
            story += self._note(h["note"], content.note, width)
        story += [self._section(s, width) for s in content.after_meaning]
        if content.words:
            words = [self._word(word, text) for word, text in content.words]
            story += [KeepTogether([self.p(h["words"], "h2"), words[0]]), *words[1:]]
        story += self._tests_start(content, width)
        timeline = _Timeline(content.timeline, self)
        story.append(KeepTogether([self.p(h["next"], "h2"), self.p(content.next_intro), Spacer(1, 6), timeline]))
        story += [self._section(s, width) for s in content.after_next]
        questions = [self.p(q, "bullet") for q in content.questions]
        for question in questions:
            question.bulletText = "•"
        story.append(KeepTogether([self.p(h["questions"], "h2"), *questions]))
        story.append(KeepTogether([self.p(h["contact"], "h2"), *[self.p(line) for line in content.contact]]))
        # The references are published English titles: left to right on a right-to-left page too,
        # as the English line of the draft notice is (set against the right, they read ragged).
        references = [self._english(f"{i}. {ref}", "small") for i, ref in enumerate(content.references, start=1)]
        sources = [self.p(h["sources"], "h2"), self.p(content.sources_intro, "small"), *references[:1]]
        closing = [Spacer(1, 4), self.p(content.version_line, "small"), self.p(content.disclaimer)]
        # A reference is never split between pages (a four-line one was, two lines and two), and the
        # closing lines never start a page alone: the last reference comes with them. (KeepTogethers
        # must not nest: an inner one reports an endless height, which pushed the outer to a new page.)
        if len(references) > 1:
            middle = [KeepTogether([reference]) for reference in references[1:-1]]
            story += [KeepTogether(sources), *middle, KeepTogether([references[-1], *closing])]
        else:
            story.append(KeepTogether([*sources, *closing]))
        return [*story, _PartEnd(self.ends)]

    def _english(self, text: str, style: str) -> Flowable:
        """Typeset English text inside a translated leaflet: always left to right."""
        preferred = BOLD if style == "strong" else BODY
        return Paragraph(markup(text, self.fonts, preferred), _styles(tight=self.tight)[style])

    def _word(self, word: str, text: str) -> Flowable:
        if self.rtl:
            return self.p(f"{word}: {text}")
        bold = f'<font name="{BOLD}">{markup(word, self.fonts, BOLD)}</font>'
        return Paragraph(f"{bold}: {markup(text, self.fonts)}", self.styles["body"])

    def render(self, content: LeafletContent, paper: str = "a4", english: LeafletContent | None = None) -> bytes:
        """Return the PDF bytes of the leaflet on ``a4`` or ``letter`` paper.

        ``english`` adds the English version after the translated one, from a new page,
        with its own header and footer (for a partner or clinician who reads English).
        """
        info = PdfInfo(
            title=content.title,
            subject=content.subtitle,
            author=content.clinic_name or "LiverCalc Desktop",
            creator=content.creator,
            language=content.language,
        )
        parts = [content] if english is None else [content, english]

        def build(tight: frozenset[int]) -> tuple[bytes, list[tuple[int, float]]]:
            """Typeset the parts, those in ``tight`` a little tighter; return the PDF and where each part ends."""

            def story(width: float) -> list[Flowable]:
                flowables: list[Flowable] = []
                for index, part in enumerate(parts):
                    self.tight = index in tight
                    if index:
                        flowables += [PageBreak(), _PartMarker(index)]
                    flowables += self.story(part, width)
                self.tight = False
                return flowables

            self.ends = []
            pdf = build_pdf(
                story,
                lambda width, height: self._decorate(parts, width, height),
                paper=paper,
                info=info,
                top=TOP,
                bottom=BOTTOM,
                font_size=11.5,
            )
            return pdf, self.ends

        pdf, ends = build(frozenset())
        frame_top = PAPER[paper][1] - TOP
        short = frozenset(i for i, (_, y) in enumerate(ends) if frame_top - y < NEARLY_BLANK * (frame_top - BOTTOM))
        # A part that ends on a nearly blank page is set a little tighter, kept if that saves the page;
        # every part only if that saves more. Tightening both parts of a leaflet with an English copy
        # whenever one ended nearly blank often saved that page but left the other part's last page
        # emptier, or moved its end onto a nearly blank page of its own.
        fewest = ends[-1][0]
        for tight in dict.fromkeys([short, frozenset(range(len(parts)))]) if short else ():
            tighter, tight_ends = build(tight)
            if tight_ends[-1][0] < fewest:
                pdf, fewest = tighter, tight_ends[-1][0]
        return pdf

    def _decorate(
        self, parts: list[LeafletContent], width: float, height: float
    ) -> Callable[[rl_canvas.Canvas, int, int], None]:
        def draw(c: rl_canvas.Canvas, number: int, total: int) -> None:
            content = parts[getattr(c, PART, 0)]
            rtl = content.right_to_left
            c.saveState()
            c.setStrokeColor(RULE)
            c.setLineWidth(0.7)
            c.line(MARGIN, height - MARGIN, width - MARGIN, height - MARGIN)
            c.line(MARGIN, MARGIN, width - MARGIN, MARGIN)
            c.setFillColor(INK)
            # Mirrored in a right-to-left leaflet: title and footer at the right, clinic and page at the left.
            # Each half of the header holds one line: a long clinic name is cut with an ellipsis in
            # either direction (a 200-character one ran over an Arabic title and off the page).
            start, end = (width - MARGIN, MARGIN) if rtl else (MARGIN, width - MARGIN)
            half = width / 2 - MARGIN - HEADER_GAP / 2
            top = height - MARGIN + 5
            title, clinic = self.one_line(content.title, 10, half), self.one_line(content.clinic_name, 10, half)
            draw_text(c, self.fonts, title, start, top, 10, right_aligned=rtl, right_to_left=rtl)
            draw_text(c, self.fonts, clinic, end, top, 10, right_aligned=not rtl, right_to_left=rtl)
            if content.logo is not None and number == 1:
                # Above the clinic's name: at the right, or at the left of a right-to-left page.
                draw_logo(c, content.logo, end, height - MARGIN + 17, max_height=MARGIN - 31, from_left=rtl)
            draw_text(c, self.fonts, content.footer, start, MARGIN - 13, 9.5, right_aligned=rtl, right_to_left=rtl)
            page = content.page_label.format(page=content.formats.number(number), pages=content.formats.number(total))
            draw_text(c, self.fonts, page, end, MARGIN - 13, 9.5, right_aligned=not rtl, right_to_left=rtl)
            c.restoreState()

        return draw
