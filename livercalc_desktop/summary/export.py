"""One call from a case to a clinician summary, as PDF bytes, a file, or the note text."""

from __future__ import annotations

from pathlib import Path

from livercalc_desktop.atomic import export_built
from livercalc_desktop.casefile import default_file_name
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LeafletError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.letterhead import ClinicDetails
from livercalc_desktop.leaflet.pages import check_paper
from livercalc_desktop.resources import resources_root
from livercalc_desktop.summary.content import SummaryContent, build_summary
from livercalc_desktop.summary.note import summary_note
from livercalc_desktop.summary.render import SummaryRenderer
from livercalc_desktop.summary.texts import load_summary_texts

# Typed by a person, so they may hold any script; checked against the bundled fonts first.
_TYPED_FIELDS = (
    "patient.name", "patient.hospital_number", "exam.clinician", "exam.clinic", "lesion.adjacent_to",
    "notes.for_patient",
)  # fmt: skip


def default_summary_name(case: Case, tag: str) -> str:
    """Return a file name built from the scan date and the case's file tag, never from the patient's name."""
    return default_file_name("summary", case, tag, "pdf")


def summary_content(case: Case, pathway: Pathway, clinic: ClinicDetails | None = None) -> SummaryContent:
    """Return the summary model of ``case``: the single source of the PDF and the note."""
    return build_summary(case, assess(case, pathway), pathway, load_summary_texts(pathway), clinic or ClinicDetails())


def summary_text(case: Case, pathway: Pathway, *, ascii_only: bool = False, clinic: ClinicDetails | None = None) -> str:
    """Return the note for the record of ``case``."""
    return summary_note(summary_content(case, pathway, clinic), ascii_only=ascii_only)


def build_summary_pdf(case: Case, pathway: Pathway, *, paper: str = "a4", clinic: ClinicDetails | None = None) -> bytes:
    """Return the PDF bytes of the clinician summary; raises ``LeafletError`` for unprintable text."""
    check_paper(paper)
    clinic = clinic or ClinicDetails()
    renderer = SummaryRenderer(resources_root() / "fonts")
    typed: dict[str, object] = {path: case.get(path) for path in _TYPED_FIELDS}
    typed |= {f"workup.{item}.detail": entry.detail for item, entry in case.workup.items()}
    renderer.fonts.check_printable(typed | clinic.typed_fields(), LeafletError, "summary")
    return renderer.render(summary_content(case, pathway, clinic), paper)


def export_summary_file(
    case: Case,
    pathway: Pathway,
    path: Path,
    *,
    paper: str = "a4",
    clinic: ClinicDetails | None = None,
    source: Path | None = None,
) -> None:
    """Write the summary PDF atomically, never over ``source``; a bad target raises ``LeafletError``."""
    export_built(
        path, lambda: build_summary_pdf(case, pathway, paper=paper, clinic=clinic), LeafletError, source=source
    )
