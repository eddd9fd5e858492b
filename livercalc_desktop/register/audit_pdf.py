"""The audit table as a one-page PDF (landscape), for the unit's audit meeting.

It reuses the leaflet's bundled fonts and its ``markup`` (escaping and per-script font
runs), so a clinic name in any script prints and no text can turn into reportlab markup.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from livercalc_desktop import __version__
from livercalc_desktop.atomic import same_file, shown_file, write_atomically
from livercalc_desktop.leaflet.fonts import BODY, BOLD, markup, register_fonts
from livercalc_desktop.register.audit import AuditTable
from livercalc_desktop.register.errors import RegisterInputError
from livercalc_desktop.resources import resources_root

TITLE = "Case register audit: categories against outcomes"


def audit_pdf(table: AuditTable, clinic_name: str = "", today: dt.date | None = None) -> bytes:
    """Return the PDF bytes of the audit page."""
    fonts = register_fonts(resources_root() / "fonts")
    styles = {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=BODY, fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", fontName=BODY, fontSize=8, leading=10),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=7.5, leading=9),
    }

    def p(text: str, style: str) -> Paragraph:
        return Paragraph(markup(text, fonts, BOLD if style in ("title", "head") else BODY), styles[style])

    header = [p("Category", "head"), *(p(c.label, "head") for c in table.columns)]
    body = [[p(row.label, "cell"), *(p(str(row.counts[c.value]), "cell") for c in table.columns)] for row in table.rows]
    page_width = landscape(A4)[0] - 24 * mm
    first = 52 * mm
    rest = (page_width - first) / len(table.columns)
    grid = Table([header, *body], colWidths=[first, *([rest] * len(table.columns))], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#B8C4D0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F6F0E8")),
            ]
        )
    )
    made = (today or dt.date.today()).isoformat()
    story = [p(TITLE, "title"), p(table.period, "body")]
    if clinic_name:
        story.append(p(clinic_name, "body"))
    story += [Spacer(1, 6 * mm), grid, Spacer(1, 5 * mm)]
    story.append(
        p(
            "Counts of cases in the register, by the counselling category of their latest revision. "
            "A case is counted under every diagnosis group recorded for it, so a row's groups can add up "
            f"to more than its cases. Withdrawn cases are left out. Made {made} by LiverCalc Desktop {__version__}.",
            "body",
        )
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=TITLE,
        creator=f"LiverCalc Desktop {__version__}",
        initialFontName=BODY,
    )
    doc.build(story)
    return buffer.getvalue()


def write_audit_pdf(table: AuditTable, path: Path, clinic_name: str = "") -> None:
    """Write the audit page atomically, never over the register it counts (``--pdf register.db``)."""
    if any(same_file(path, kept) for kept in table.register_files):
        raise RegisterInputError(
            f"will not write {shown_file(path)}: it is the register's own database; choose another name"
        )
    write_atomically(path, audit_pdf(table, clinic_name), RegisterInputError)
