"""Build leaflets in-process and read them back."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from typing import Any

from pypdf import PdfReader

from livercalc_desktop.domain.case import Case
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.export import build_leaflet_pdf
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from tests.conftest import base_case_data

TODAY = dt.date(2026, 11, 23)


def case_from(pathway: Pathway, **sections: Any) -> Case:
    return pathway.parser.parse(base_case_data(**sections), TODAY)


def pdf_reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, NFKC-normalised (Arabic presentation forms back to letters)."""
    text = "\n".join(page.extract_text() for page in pdf_reader(pdf).pages)
    return unicodedata.normalize("NFKC", text)


def flat(pdf: bytes) -> str:
    """PDF text with all whitespace folded to single spaces, so wrapped lines still match."""
    return " ".join(pdf_text(pdf).split())


def runs_on_page(pdf: bytes, page: int) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run drawn on a page, text in logical order (NFKC, reversed back)."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font_dict: object, font_size: float) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            runs.append((x, y, unicodedata.normalize("NFKC", text)))

    pdf_reader(pdf).pages[page].extract_text(visitor_text=visit)
    return runs


def leaflet(pathway: Pathway, case: Case, **kwargs: Any) -> bytes:
    kwargs.setdefault("clinic", ClinicDetails("Demo Unit", "Phone 0100 000 000"))
    return build_leaflet_pdf(case, pathway, **kwargs)


def font_names(pdf: bytes) -> dict[str, bool]:
    """Font base names used on any page, mapped to whether the font program is embedded."""
    fonts: dict[str, bool] = {}
    for page in pdf_reader(pdf).pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font: Any = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts
