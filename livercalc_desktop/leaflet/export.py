"""One call from a case to a leaflet file, shared by the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from livercalc_desktop.atomic import export_built
from livercalc_desktop.casefile import default_file_name
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.content import build_content
from livercalc_desktop.leaflet.fonts import FontSet
from livercalc_desktop.leaflet.letterhead import ClinicDetails, clinic_text_problem
from livercalc_desktop.leaflet.pages import check_paper
from livercalc_desktop.leaflet.render import LeafletRenderer
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from livercalc_desktop.resources import resources_root


def default_leaflet_name(case: Case, tag: str) -> str:
    """Return a file name built from the scan date and the case's file tag, never from the patient's name."""
    return default_file_name("leaflet", case, tag, "pdf")


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
    check_paper(paper)
    texts = load_leaflet_texts(pathway, language or leaflet_language(case))
    clinic = clinic or ClinicDetails()
    for label, text in (("clinic name", clinic.name), ("clinic contact", clinic.contact)):
        problem = clinic_text_problem(text)
        if problem:
            raise LeafletError(f"{label}: {problem}")
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
    source: Path | None = None,
    language: str | None = None,
    english_copy: bool = False,
) -> None:
    """Write the leaflet atomically, never over ``source``; a bad target raises ``LeafletError``."""

    def build() -> bytes:
        return build_leaflet_pdf(
            case, pathway, paper=paper, clinic=clinic, language=language, english_copy=english_copy
        )

    export_built(path, build, LeafletError, source=source)
