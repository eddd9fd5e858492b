"""One call from a case to a leaflet file, shared by the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.content import build_content
from livercalc_desktop.leaflet.fonts import FontSet
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from livercalc_desktop.leaflet.pages import PAPER
from livercalc_desktop.leaflet.render import LeafletRenderer
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from livercalc_desktop.resources import resources_root


def default_leaflet_name(case: Case) -> str:
    """Return a file name built from the scan date, never from the patient's name."""
    return f"liver-leaflet-{case.get('exam.date')}.pdf"


def build_leaflet_pdf(case: Case, pathway: Pathway, *, paper: str = "a4", clinic: ClinicDetails | None = None) -> bytes:
    """Return the PDF bytes of the patient leaflet for ``case``."""
    if paper not in PAPER:
        raise LeafletError(f"paper: must be one of {', '.join(PAPER)}, got {paper!r}")
    language = case.get("patient.language")
    texts = load_leaflet_texts(pathway, language if isinstance(language, str) else "en")
    clinic = clinic or ClinicDetails()
    renderer = LeafletRenderer(resources_root() / "fonts")
    _check_printable(case, clinic, renderer.fonts)
    content = build_content(case, assess(case, pathway), pathway, texts, clinic)
    return renderer.render(content, paper)


_TYPED_FIELDS = ("patient.preferred_name", "patient.name", "notes.for_patient", "exam.clinic")


def _check_printable(case: Case, clinic: ClinicDetails, fonts: FontSet) -> None:
    typed: dict[str, object] = {path: case.get(path) for path in _TYPED_FIELDS}
    typed |= clinic.typed_fields()
    fonts.check_printable(typed, LeafletError, "leaflet")


def export_leaflet_file(
    case: Case,
    pathway: Pathway,
    path: Path,
    *,
    paper: str = "a4",
    clinic: ClinicDetails | None = None,
) -> None:
    """Write the leaflet atomically; an unwritable path raises ``LeafletError``."""
    pdf = build_leaflet_pdf(case, pathway, paper=paper, clinic=clinic)
    write_atomically(path, pdf, LeafletError)
