"""One call from a case to a leaflet file, shared by the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.content import ClinicDetails, build_content
from livercalc_desktop.leaflet.fonts import FontSet
from livercalc_desktop.leaflet.render import PAPER, LeafletRenderer
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from livercalc_desktop.resources import resources_root


def default_leaflet_name(case: Case) -> str:
    """Return a file name built from the scan date, never from the patient's name."""
    return f"liver-leaflet-{case.get('exam.date')}.pdf"


def leaflet_language(case: Case) -> str:
    """Return the language the case asks its leaflet to be printed in (patient.language, default en)."""
    language = case.get("patient.language")
    return language if isinstance(language, str) else "en"


def build_leaflet_pdf(
    case: Case,
    pathway: Pathway,
    *,
    paper: str = "a4",
    clinic: ClinicDetails | None = None,
    language: str | None = None,
    english_copy: bool = False,
) -> bytes:
    """Return the PDF bytes of the patient leaflet for ``case``.

    ``language`` overrides the case's own (the GUI offers English when a language is
    refused); a language without complete texts raises ``TranslationRefused``.
    ``english_copy`` adds the English leaflet after a translated one.
    """
    if paper not in PAPER:
        raise LeafletError(f"paper: must be one of {', '.join(PAPER)}, got {paper!r}")
    texts = load_leaflet_texts(pathway, language or leaflet_language(case))
    clinic = clinic or ClinicDetails()
    renderer = LeafletRenderer(resources_root() / "fonts")
    _check_printable(case, clinic, renderer.fonts)
    assessment = assess(case, pathway)
    content = build_content(case, assessment, pathway, texts, clinic)
    english = None
    if english_copy and texts.translation is not None:
        english = build_content(case, assessment, pathway, load_leaflet_texts(pathway, "en"), clinic)
    return renderer.render(content, paper, english)


def draft_translation(case: Case, pathway: Pathway, language: str | None = None) -> str:
    """Return the language tag if this case's leaflet would print an unreviewed translation, else ""."""
    texts = load_leaflet_texts(pathway, language or leaflet_language(case))
    return texts.language if texts.translation is not None and texts.translation.is_draft else ""


_TYPED_FIELDS = ("patient.preferred_name", "patient.name", "notes.for_patient", "exam.clinic")


def _check_printable(case: Case, clinic: ClinicDetails, fonts: FontSet) -> None:
    """Refuse to print boxes: name every typed field holding a character no bundled font has."""
    typed = {path: case.get(path) for path in _TYPED_FIELDS}
    typed |= {"clinic name": clinic.name, "clinic contact": clinic.contact}
    for field, value in typed.items():
        missing = fonts.missing(value) if isinstance(value, str) else set()
        if missing:
            codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing))
            raise LeafletError(
                f"{field}: holds characters the leaflet fonts cannot print ({codes}); "
                "supported scripts are Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese and Korean"
            )


def export_leaflet_file(
    case: Case,
    pathway: Pathway,
    path: Path,
    *,
    paper: str = "a4",
    clinic_name: str = "",
    clinic_contact: str = "",
    language: str | None = None,
    english_copy: bool = False,
) -> None:
    """Write the leaflet atomically; an unwritable path raises ``LeafletError``."""
    clinic = ClinicDetails(clinic_name, clinic_contact)
    pdf = build_leaflet_pdf(case, pathway, paper=paper, clinic=clinic, language=language, english_copy=english_copy)
    write_atomically(path, pdf, LeafletError)
