"""Preview window: the real PDF of the leaflet or the clinician summary, then saved or printed.

The preview is the very PDF that will be saved or printed (QtPdf renders the reportlab
output), so what the clinician checks is what the patient or the record gets. It refreshes
while the case changes. Printing hands that same PDF to the print system as vector output.
A leaflet language with no complete texts is refused (the message line says why) and a
button offers English; a draft translation is named on the message line, and saving or
printing it asks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.errors import LeafletError, LivercalcError
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import PDF_FILTER, Dialogs
from livercalc_desktop.gui.documents import DOCUMENTS, LEAFLET, DocumentKind
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.printing import print_pdf
from livercalc_desktop.gui.problem_words import problem_text
from livercalc_desktop.gui.screen_fit import fit_on_screen
from livercalc_desktop.gui.settings import LAST_FOLDER, PAPER, AppSettings
from livercalc_desktop.gui.styles import style_label
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.gui.widget_updates import set_shown, set_style_property, set_text
from livercalc_desktop.leaflet.export import draft_translation, leaflet_language
from livercalc_desktop.leaflet.translations import TranslationRefused

REFRESH_MS = 300
# About one A4 page at a readable zoom; smaller screens get what they hold.
WANTED_SIZE = QSize(760, 900)


class LeafletPreview(QDialog):
    """A non-modal window with a document choice (leaflet or summary), paper, Save and Print.

    ``saved(path)`` is emitted after a save, so the main window can say where the file went.
    """

    saved = Signal(Path)

    def __init__(self, document: CaseDocument, settings: AppSettings, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview"))
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
        self.view.setAccessibleName(self.tr("Document preview"))
        self.kind = QComboBox()
        self.kind.setObjectName("document_kind")
        self.kind.setAccessibleName(self.tr("Document"))
        for kind in DOCUMENTS.values():
            self.kind.addItem(QCoreApplication.translate("Documents", kind.title), kind.key)
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.get(PAPER)), 0))
        # On its own line and wrapped, so a long message never widens the window past the screen.
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        style_label(self.message)
        self.message.hide()
        self.english_button = QPushButton(self.tr("Use &English instead"))
        self.english_button.hide()
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        close = QPushButton(self.tr("Close"))
        bar = QHBoxLayout()
        kind_label = QLabel(self.tr("&Document:"))
        kind_label.setBuddy(self.kind)
        paper_label = QLabel(self.tr("Pape&r:"))
        paper_label.setBuddy(self.paper)
        for part in (kind_label, self.kind, paper_label, self.paper):
            bar.addWidget(part)
        bar.addStretch(1)
        for button in (self.english_button, self.save_button, self.print_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self._on_paper_changed)
        self.kind.currentIndexChanged.connect(self.refresh)
        document.case_changed.connect(lambda _c: self._refresh.start())
        self.english_button.clicked.connect(self.use_english)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_leaflet)
        close.clicked.connect(self.close)
        fit_on_screen(self, WANTED_SIZE, cap=True)
        self.input_guard = install_input_guards(self)
        self.refresh()

    @property
    def current(self) -> DocumentKind:
        return DOCUMENTS.get(str(self.kind.currentData()), LEAFLET)

    def show_kind(self, kind: DocumentKind) -> None:
        """Switch to ``kind`` (refreshes), or just refresh if it is already shown."""
        index = self.kind.findData(kind.key)
        if index == self.kind.currentIndex():
            self.refresh()
        else:
            self.kind.setCurrentIndex(index)

    def _on_paper_changed(self) -> None:
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.refresh()

    def refresh(self) -> None:
        """Build the PDF from the current case and show it; say why if it cannot be built."""
        self.setWindowTitle(QCoreApplication.translate("Documents", self.current.title))
        problems = self.document.problems()
        if problems:
            first = problem_text(problems[0], self.document.pathway, window_labels(self.document.pathway))
            self._show_problem(self.tr("Complete the findings first: {problem}").format(problem=first))
            return
        case, pathway = self.document.case, self.document.pathway
        language = "en" if self.english_for and self.english_for == leaflet_language(case) else None
        self.english_button.hide()
        try:
            self.pdf = self.current.pdf(case, pathway, str(self.paper.currentData()), self.settings, language)
            self.draft = draft_translation(case, pathway, language) if self.current is LEAFLET else ""
        except TranslationRefused as exc:
            first = exc.message.splitlines()[0].rstrip(":.")
            refused = self.tr("No leaflet is printed in a language whose texts are missing or out of date.")
            self._show_problem(f"{first}. {refused}")
            self.english_button.show()
            return
        except LivercalcError as exc:
            self._show_problem(exc.message)
            return
        unreviewed = self.tr("Draft translation ({language}): not yet reviewed by a qualified medical translator.")
        self._say(unreviewed.format(language=self.draft) if self.draft else "", "note")
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
        self._say(text, "problem")
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def _say(self, text: str, role: str) -> None:
        set_text(self.message, text)
        set_style_property(self.message, "role", role)
        set_shown(self.message, bool(text))

    def save(self) -> Path | None:
        """Ask where, then write the PDF atomically; the suggested name uses the scan date and the case's tag."""
        if not self._draft_accepted():
            return None
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        path = self.dialogs.save_path(
            self, folder / self.current.file_name(self.document.case, self.document.file_tag), PDF_FILTER
        )
        if path is None or not self.pdf:
            return None
        try:
            # Never over the open case file, however the name is spelled.
            write_atomically(path, self.pdf, LeafletError, protect=self.document.path)
        except LeafletError as exc:
            self.dialogs.error(self, self.tr("Not saved"), exc.message)
            return None
        self.settings.set(LAST_FOLDER, str(path.parent))
        title = QCoreApplication.translate("Documents", self.current.title)
        self._say(self.tr("{document} saved to {path}").format(document=title, path=path), "note")
        self.saved.emit(path)
        return path

    def print_leaflet(self) -> str | None:
        """Print the document shown, as vector output; returns what happened, or None."""
        if not self.pdf or not self._draft_accepted():
            return None
        title = self.current.job_title(self.document.case, self.document.file_tag)
        return print_pdf(self, self.dialogs, self.pdf, title)
