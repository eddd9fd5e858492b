"""The printable documents of a case: the patient leaflet and the clinician summary.

The preview, the save and print commands and the shortcuts all go through this table, so
adding a document is one entry, and each document is built the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from livercalc_desktop.domain.case import Case
from livercalc_desktop.gui.letterhead import clinic_from_settings
from livercalc_desktop.gui.settings import ENGLISH_COPY, AppSettings
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.letterhead import ClinicDetails


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """How to name, build and file one kind of document."""

    key: str
    title: str
    build: Callable[[Case, Pathway, str, ClinicDetails, str | None, bool], bytes]  # ..., language, English copy
    file_name: Callable[[Case, str], str]  # the case and its file tag

    def pdf(
        self, case: Case, pathway: Pathway, paper: str, settings: AppSettings, language: str | None = None
    ) -> bytes:
        """Build the PDF with the letterhead from the preferences; raises ``LivercalcError``.

        ``language`` overrides the leaflet's language (English when the case's own is refused).
        """
        return self.build(case, pathway, paper, clinic_from_settings(settings), language, settings.get(ENGLISH_COPY))

    def job_title(self, case: Case, tag: str) -> str:
        """Return the print-queue name: the file name, so no patient name shows in a shared queue."""
        return self.file_name(case, tag).removesuffix(".pdf")


def _leaflet(
    case: Case, pathway: Pathway, paper: str, clinic: ClinicDetails, language: str | None, english_copy: bool
) -> bytes:
    from livercalc_desktop.leaflet.export import build_leaflet_pdf  # reportlab loads on first use

    return build_leaflet_pdf(case, pathway, paper=paper, clinic=clinic, language=language, english_copy=english_copy)


def _summary(
    case: Case, pathway: Pathway, paper: str, clinic: ClinicDetails, _language: str | None, _english: bool
) -> bytes:
    from livercalc_desktop.summary.export import build_summary_pdf

    return build_summary_pdf(case, pathway, paper=paper, clinic=clinic)


def _leaflet_name(case: Case, tag: str) -> str:
    from livercalc_desktop.leaflet.export import default_leaflet_name

    return default_leaflet_name(case, tag)


def _summary_name(case: Case, tag: str) -> str:
    from livercalc_desktop.summary.export import default_summary_name

    return default_summary_name(case, tag)


# Titles are marked for translation (context "Documents") and translated where shown.
LEAFLET = DocumentKind("leaflet", str(QT_TRANSLATE_NOOP("Documents", "Patient leaflet")), _leaflet, _leaflet_name)
SUMMARY = DocumentKind("summary", str(QT_TRANSLATE_NOOP("Documents", "Clinician summary")), _summary, _summary_name)
DOCUMENTS = {kind.key: kind for kind in (LEAFLET, SUMMARY)}
