"""Export leaflet: the real PDF shown in the app, then saved or printed.

The preview is the very PDF that will be saved (QtPdf renders the reportlab output), so
what the clinician checks is what the patient gets. It refreshes while the case changes.
A language with no complete texts is refused (the message line says why) and a button
offers English; a draft translation is named on the message line, and saving or printing
it asks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.errors import LeafletError, LivercalcError
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import PDF_FILTER, Dialogs
from livercalc_desktop.gui.settings import CLINIC_CONTACT, CLINIC_NAME, ENGLISH_COPY, LAST_FOLDER, PAPER, AppSettings
from livercalc_desktop.leaflet.content import ClinicDetails
from livercalc_desktop.leaflet.export import (
    build_leaflet_pdf,
    default_leaflet_name,
    draft_translation,
    leaflet_language,
)
from livercalc_desktop.leaflet.translations import TranslationRefused

REFRESH_MS = 300


class LeafletPreview(QDialog):
    """A non-modal window with the leaflet, a paper choice, Save and Print."""

    def __init__(self, document: CaseDocument, settings: AppSettings, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Patient leaflet"))
        self.document, self.settings, self.dialogs = document, settings, dialogs
        self.pdf = b""
        self.draft = ""  # the language of an unreviewed translation being shown, else ""
        self.english_for = ""  # the refused language the user chose to replace with English
        self._buffer = QBuffer(self)
        self.pdf_document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf_document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Leaflet preview"))
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.get(PAPER)), 0))
        self.message = QLabel()
        self.message.setProperty("role", "problem")
        self.english_button = QPushButton(self.tr("Use &English instead"))
        self.english_button.hide()
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        close = QPushButton(self.tr("Close"))
        bar = QHBoxLayout()
        paper_label = QLabel(self.tr("Pape&r:"))
        paper_label.setBuddy(self.paper)
        for part in (paper_label, self.paper, self.message):
            bar.addWidget(part)
        bar.addStretch(1)
        for button in (self.english_button, self.save_button, self.print_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self._on_paper_changed)
        document.case_changed.connect(lambda _c: self._refresh.start())
        self.english_button.clicked.connect(self.use_english)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_leaflet)
        close.clicked.connect(self.close)
        self.resize(760, 900)
        self.refresh()

    def _on_paper_changed(self) -> None:
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.refresh()

    def refresh(self) -> None:
        """Build the PDF from the current case and show it; say why if it cannot be built."""
        problems = self.document.problems()
        if problems:
            self._show_problem(self.tr("Complete the findings first: {problem}").format(problem=problems[0]))
            return
        clinic = ClinicDetails(self.settings.get(CLINIC_NAME), self.settings.get(CLINIC_CONTACT))
        case, pathway = self.document.case, self.document.pathway
        language = "en" if self.english_for and self.english_for == leaflet_language(case) else None
        self.english_button.hide()
        try:
            paper = str(self.paper.currentData())
            english_copy = self.settings.get(ENGLISH_COPY)
            self.pdf = build_leaflet_pdf(
                case, pathway, paper=paper, clinic=clinic, language=language, english_copy=english_copy
            )
            self.draft = draft_translation(case, pathway, language)
        except TranslationRefused as exc:
            first = exc.message.splitlines()[0].rstrip(":.")
            refused = self.tr("No leaflet is printed in a language whose texts are missing or out of date.")
            self._show_problem(f"{first}. {refused}")
            self.message.setToolTip(exc.message)
            self.english_button.show()
            return
        except LivercalcError as exc:
            self._show_problem(exc.message)
            return
        self.message.setToolTip("")
        unreviewed = self.tr("Draft translation ({language}): not yet reviewed by a qualified medical translator.")
        self.message.setText(unreviewed.format(language=self.draft) if self.draft else "")
        self.pdf_document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(self._buffer)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def use_english(self) -> None:
        """Print this case's leaflet in English, because its own language was refused."""
        self.english_for = leaflet_language(self.document.case)
        self.refresh()

    def _draft_accepted(self) -> bool:
        """Before a draft translation leaves the app, make sure the clinician means it."""
        question = self.tr(
            "This leaflet is a draft translation ({language}). No qualified medical translator has reviewed it "
            "yet; it prints a line saying so, in both languages. Export it anyway?"
        )
        title = self.tr("Draft translation")
        return not self.draft or self.dialogs.confirm(self, title, question.format(language=self.draft))

    def _show_problem(self, text: str) -> None:
        self.pdf = b""
        self.message.setText(text)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def save(self) -> Path | None:
        """Ask where, then write the PDF atomically; the suggested name uses the scan date."""
        if not self._draft_accepted():
            return None
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        path = self.dialogs.save_path(self, folder / default_leaflet_name(self.document.case), PDF_FILTER)
        if path is None or not self.pdf:
            return None
        try:
            write_atomically(path, self.pdf, LeafletError)
        except LeafletError as exc:
            self.dialogs.error(self, self.tr("Leaflet not saved"), exc.message)
            return None
        self.settings.set(LAST_FOLDER, str(path.parent))
        return path

    def print_leaflet(self) -> None:
        if not self._draft_accepted():
            return
        printer = self.dialogs.printer(self)
        if printer is None:
            return
        painter = QPainter(printer)
        for index in range(self.pdf_document.pageCount()):
            if index:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).size().toSize()
            painter.drawImage(0, 0, self.pdf_document.render(index, target))
        painter.end()
