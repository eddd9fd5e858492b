"""Page furniture shared by every printed document: paper sizes, colours, numbered pages.

The leaflet and the clinician summary look like one family and must never drift apart,
so the pieces both use live here once.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.leaflet.fonts import BODY
from livercalc_desktop.leaflet.letterhead import Logo

PAPER = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#1d2a33")
ACCENT = colors.HexColor("#1f5f74")
SOFT = colors.HexColor("#e8f1f4")
RULE = colors.HexColor("#9bb8c3")
MARGIN = 18 * mm

PageDecorator = Callable[[rl_canvas.Canvas, int, int], None]
PART = "_livercalc_part"
"""Canvas attribute naming the part of a document a page belongs to (a leaflet and its English copy)."""


def check_paper(paper: str) -> None:
    """Refuse a paper size no document is laid out for, before any text is checked or typeset."""
    if paper not in PAPER:
        raise LeafletError(f"paper: must be one of {', '.join(PAPER)}, got {paper!r}")


def numbered_canvas(footer: PageDecorator) -> type[rl_canvas.Canvas]:
    """Return a canvas class that knows the page count when drawing footers ("page N of M")."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            setattr(self, PART, 0)  # every saved page state then says which part it belongs to

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def draw_logo(
    c: rl_canvas.Canvas, logo: Logo, x: float, bottom: float, *, max_height: float, from_left: bool = False
) -> None:
    """Draw the clinic logo, at most ``max_height`` tall and 60 mm wide.

    ``x`` is its right edge, or its left edge ``from_left`` (a right-to-left page keeps the
    clinic's name and logo at the left).
    """
    width, height = logo.fit(60 * mm, max_height)
    c.drawImage(logo.reader(), x if from_left else x - width, bottom, width, height, mask="auto")


@dataclass(frozen=True, slots=True, kw_only=True)
class PdfInfo:
    """Document metadata: never a patient's name (file managers and print queues show it)."""

    title: str
    author: str
    creator: str
    language: str
    subject: str = ""


def build_pdf(
    story: Callable[[float], list[Flowable]],
    decorate: Callable[[float, float], PageDecorator],
    *,
    paper: str,
    info: PdfInfo,
    top: float,
    bottom: float,
    font_size: float,
) -> bytes:
    """Typeset ``story(frame width)`` on one-frame pages with numbered footers; return the PDF bytes."""
    page_width, page_height = PAPER[paper]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=bottom,
        title=info.title,
        subject=info.subject,
        author=info.author,
        creator=info.creator,
        producer=info.creator,
        lang=info.language,
        # Start in a bundled font, so no non-embedded Helvetica is ever referenced.
        initialFontName=BODY,
        initialFontSize=font_size,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story(doc.width), canvasmaker=numbered_canvas(decorate(page_width, page_height)))
    return buffer.getvalue()
