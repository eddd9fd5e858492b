"""Typeset a ``SummaryContent`` as a one-to-two page clinical letter with reportlab.

It shares the leaflet's fonts, per-script font runs, escaping and page furniture, so any
name that prints on the leaflet prints here, and user text never becomes markup. Every
table cell is a paragraph, and long texts are plain paragraphs that split across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as Style

from livercalc_desktop.leaflet.fonts import BODY, BOLD, markup, register_fonts
from livercalc_desktop.leaflet.pages import (
    ACCENT,
    INK,
    MARGIN,
    RULE,
    SOFT,
    PageDecorator,
    PdfInfo,
    build_pdf,
    draw_logo,
)
from livercalc_desktop.summary.content import Entry, SummaryContent

# A letter has no running header, so the first line can sit higher than on the leaflet.
TOP_MARGIN = 12 * mm
MUTED = colors.HexColor("#5c6b73")
ALERT = colors.HexColor("#a4161a")
_BOLD_STYLES = ("title", "h2", "label", "head", "clinic", "alert", "banner")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("s-body", fontName=BODY, fontSize=9.5, leading=11.5, textColor=INK, spaceAfter=1.5)
    return {
        "body": body,
        "title": ParagraphStyle("s-title", parent=body, fontName=BOLD, fontSize=14, leading=18, textColor=ACCENT),
        "h2": ParagraphStyle(
            "s-h2",
            parent=body,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("s-cell", parent=body, fontSize=8.5, leading=10, spaceAfter=0),
        "label": ParagraphStyle("s-label", parent=body, fontName=BOLD, fontSize=8.5, leading=10, spaceAfter=0),
        "head": ParagraphStyle("s-head", parent=body, fontName=BOLD, fontSize=8.5, leading=11, textColor=ACCENT),
        "missing": ParagraphStyle("s-missing", parent=body, fontSize=8.5, leading=10, textColor=MUTED),
        "alert": ParagraphStyle("s-alert", parent=body, fontName=BOLD, fontSize=8.5, leading=10, textColor=ALERT),
        "banner": ParagraphStyle("s-banner", parent=body, fontName=BOLD, fontSize=10.5, leading=13, textColor=ALERT),
        "clinic": ParagraphStyle("s-clinic", parent=body, fontName=BOLD, fontSize=12, leading=15),
        "small": ParagraphStyle("s-small", parent=body, fontSize=7.5, leading=9, textColor=INK),
        "fact": ParagraphStyle("s-fact", parent=body, fontSize=8.5, leading=10.5, leftIndent=14, textColor=INK),
        "reason": ParagraphStyle("s-reason", parent=body, leftIndent=14, firstLineIndent=-14, spaceBefore=1),
    }


def _grid(extra: Sequence[tuple[object, ...]] = ()) -> Style:
    return Style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("FONTNAME", (0, 0), (-1, -1), BODY),
            *extra,
        ]
    )


class SummaryRenderer:
    """Turns a clinician summary into PDF bytes."""

    def __init__(self, fonts_folder: Path) -> None:
        self.fonts = register_fonts(fonts_folder)
        self.styles = _styles()

    def p(self, text: str, style: str = "body", bold_lead: str = "") -> Paragraph:
        preferred = BOLD if style in _BOLD_STYLES else BODY
        lead = f'<font name="{BOLD}">{markup(bold_lead, self.fonts, BOLD)}</font> ' if bold_lead else ""
        return Paragraph(lead + markup(text, self.fonts, preferred), self.styles[style])

    def value(self, entry: Entry, alert: bool = False) -> Paragraph:
        return self.p(entry.value, "alert" if alert else ("cell" if entry.recorded else "missing"))

    def _pairs(self, entries: Sequence[Entry], width: float, alert: str = "") -> Table:
        """Label-value pairs two to a row, read left to right, top to bottom."""
        cells = [[self.p(e.label, "label"), self.value(e, e.label == alert)] for e in entries]
        rows = [cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)]
        widths = [width * 0.17, width * 0.33, width * 0.17, width * 0.33]
        return Table(rows, colWidths=widths, style=_grid())

    def _findings(self, content: SummaryContent, width: float) -> Table:
        rows: list[list[object]] = []
        spans: list[tuple[object, ...]] = []
        for group in content.findings:
            spans += [("SPAN", (0, len(rows)), (-1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SOFT)]
            rows.append([self.p(group.title, "head"), "", "", ""])
            cells = [[self.p(e.label, "cell"), self.value(e)] for e in group.entries]
            rows += [cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)]
        widths = [width * 0.27, width * 0.23, width * 0.27, width * 0.23]
        return Table(rows, colWidths=widths, style=_grid(spans), repeatRows=0)

    def _checklist(self, content: SummaryContent, width: float) -> Table:
        labels = content.labels
        keys = ("item", "kind", "priority", "status", "detail", "date")
        rows: list[list[object]] = [[self.p(labels[k], "head") for k in keys]]
        for line in content.checklist:
            status = self.p(line.status, "alert" if line.abnormal else ("cell" if line.recorded else "missing"))
            cells = [self.p(c, "cell") for c in (line.kind, line.priority, line.status, line.detail, line.date)]
            cells[2] = status
            rows.append([self.p(line.item, "label"), *cells])
        fractions = (0.27, 0.07, 0.125, 0.2, 0.2, 0.135)
        return Table(
            rows,
            colWidths=[width * f for f in fractions],
            repeatRows=1,
            style=_grid([("BACKGROUND", (0, 0), (-1, 0), SOFT)]),
        )

    def _letterhead(self, content: SummaryContent, width: float) -> list[Flowable]:
        if not content.letterhead and content.logo is None:
            return []
        lines = [self.p(content.letterhead[0], "clinic")] if content.letterhead else []
        lines += [self.p(line, "small") for line in content.letterhead[1:]]
        logo: object = ""
        if content.logo is not None:
            logo = _LogoFlowable(content, 22 * mm)
        head = Table([[lines, logo]], colWidths=[width * 0.65, width * 0.35])
        head.setStyle(_grid([("LINEBELOW", (0, 0), (-1, -1), 0.8, ACCENT), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return [head, Spacer(1, 6)]

    def story(self, content: SummaryContent, width: float) -> list[Flowable]:
        h, labels = content.headings, content.labels
        story: list[Flowable] = [*self._letterhead(content, width), self.p(content.title, "title")]
        if content.urgent:
            banner = Table([[self.p(content.urgent, "banner")]], colWidths=[width])
            banner.setStyle(_grid([("BOX", (0, 0), (-1, -1), 1.2, ALERT), ("TOPPADDING", (0, 0), (-1, -1), 4)]))
            story += [Spacer(1, 3), banner]
        story += [self.p(h["patient"], "h2"), self._pairs(content.identity, width)]
        story += [self.p(h["findings"], "h2"), self._findings(content, width)]
        assessment = self._pairs(content.assessment, width, alert=labels["urgent"] if content.urgent else "")
        story.append(KeepTogether([self.p(h["assessment"], "h2"), assessment]))
        story.append(self.p(h["reasons"], "h2"))
        for number, reason in enumerate(content.reasons, start=1):
            cited = f" [{', '.join(str(n) for n in reason.references) or labels['no_reference']}]"
            parts = [self.p(f"{reason.text}{cited}", "reason", bold_lead=f"{number}. {reason.label}.")]
            if reason.facts:
                parts.append(self.p("; ".join(reason.facts), "fact", bold_lead=f"{labels['facts']}:"))
            story.append(KeepTogether(parts))
        story += [self.p(h["checklist"], "h2"), self._checklist(content, width)]
        timeline = Table(
            [[self.p(e.label, "label"), self.p(e.value, "cell")] for e in content.timeline],
            colWidths=[width * 0.3, width * 0.7],
            style=_grid(),
        )
        story.append(KeepTogether([self.p(h["timeline"], "h2"), timeline]))
        if content.patient_note:
            story.append(self.p(h["note"], "h2"))
            story += [self.p(text) for text in content.patient_note.splitlines() if text.strip()]
        story.append(self.p(h["references"], "h2"))
        story += [self.p(c.full, "small", bold_lead=f"{c.number}.") for c in content.citations]
        sign = Table(
            [[self.p(e.label, "label"), self.p(e.value, "cell")] for e in content.sign_off],
            colWidths=[width * 0.14, width * 0.4],
            rowHeights=[None, 26, 18],
            style=_grid([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]),
        )
        closing = [self.p(line, "small") for line in content.closing]
        block = Table([[sign, closing]], colWidths=[width * 0.58, width * 0.42])
        block.setStyle(
            Style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("FONTNAME", (0, 0), (-1, -1), BODY),
                ]
            )
        )
        story.append(KeepTogether([self.p(h["sign"], "h2"), block]))
        return story

    def render(self, content: SummaryContent, paper: str = "a4") -> bytes:
        """Return the PDF bytes of the summary on ``a4`` or ``letter`` paper."""
        info = PdfInfo(
            title=content.title,
            author=content.letterhead[0] if content.letterhead else "LiverCalc Desktop",
            creator=content.creator,
            language="en",
        )
        return build_pdf(
            lambda width: self.story(content, width),
            lambda width, _height: self._footer(content, width),
            paper=paper,
            info=info,
            top=TOP_MARGIN,
            bottom=MARGIN + 1 * mm,
            font_size=9.5,
        )

    def _footer(self, content: SummaryContent, width: float) -> PageDecorator:
        def draw(c: rl_canvas.Canvas, number: int, total: int) -> None:
            c.saveState()
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            c.line(MARGIN, MARGIN, width - MARGIN, MARGIN)
            label = self.p(f"{content.title} · {content.page_label}", "small")
            label.wrap(width - 2 * MARGIN - 70, 12)
            label.drawOn(c, MARGIN, MARGIN - 12)
            c.setFont(BODY, 8)
            c.setFillColor(INK)
            c.drawRightString(width - MARGIN, MARGIN - 10, f"Page {number} of {total}")
            c.restoreState()

        return draw


class _LogoFlowable(Flowable):
    """The clinic logo, right-aligned in the letterhead."""

    def __init__(self, content: SummaryContent, max_height: float) -> None:
        super().__init__()
        assert content.logo is not None
        self.logo, self.max_height = content.logo, max_height
        self.width, self.height = 0.0, max_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        draw_logo(self.canv, self.logo, self.width, 0, max_height=self.max_height)
