"""The main window: findings on the left, the live assessment on the right.

File handling (new, open, save, recent, drag and drop, unsaved-changes prompts) lives here;
every question to the user goes through the injected ``Dialogs`` service.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QScrollArea, QSplitter

from livercalc_desktop import __version__
from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.gui.assessment_panel import AssessmentPanel
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import CASE_FILTER, Choice, Dialogs
from livercalc_desktop.gui.findings_form import FindingsForm
from livercalc_desktop.gui.preferences import PreferencesDialog
from livercalc_desktop.gui.settings import GEOMETRY, LAST_FOLDER, SPLITTER, AppSettings

if TYPE_CHECKING:
    from livercalc_desktop.gui.leaflet_preview import LeafletPreview

APP_NAME = "LiverCalc Desktop"
INTENDED_USE = (
    "Intended use: to help obstetric sonographers and genetic counsellors explain a fetal liver "
    "calcification found on ultrasound. It shows a rule-based counselling category with its "
    "evidence, a workup checklist and a patient leaflet. It does not diagnose, and it does not "
    "replace the judgement of the clinical team."
)
HELP_TEXT = (
    "Enter the findings on the left. The panel on the right updates as you go: the category, "
    "the reasons with their references, and the workup checklist. Set a test's status in the "
    "checklist to record offers, declines and results.\n\n"
    "Shortcuts: Ctrl+N new case, Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, "
    "Ctrl+E patient leaflet, F1 this help. Alt plus the underlined letter jumps to a field."
)


def _scrolling() -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


class MainWindow(QMainWindow):
    """The counselling window."""

    def __init__(self, document: CaseDocument, settings: AppSettings, dialogs: Dialogs) -> None:
        super().__init__()
        self.document, self.settings, self.dialogs = document, settings, dialogs
        self.pathway = document.pathway
        self.preview: LeafletPreview | None = None
        # The frame is placed in the window before the form and panel are built, so each big
        # subtree is re-parented (and re-styled) once, not three times.
        self.splitter = QSplitter()
        self.setCentralWidget(self.splitter)
        form_area, panel_area = _scrolling(), _scrolling()
        self.splitter.addWidget(form_area)
        self.splitter.addWidget(panel_area)
        self.form = FindingsForm(self.pathway.schema)
        self.panel = AssessmentPanel(self.pathway)
        form_area.setWidget(self.form)
        panel_area.setWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setAcceptDrops(True)
        self._build_menus()
        meta = self.pathway.kb.meta
        draft = (
            "" if meta.review_status == "approved" else f" — content {meta.review_status}, awaiting clinical sign-off"
        )
        self.statusBar().addPermanentWidget(QLabel(f"Knowledge base {meta.content_version} ({meta.reviewed}){draft}"))
        self.form.value_edited.connect(document.set_value)
        self.panel.status_edited.connect(document.set_status)
        self.panel.detail_edited.connect(document.set_detail)
        document.case_changed.connect(self._on_case_changed)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(lambda _p: self._update_title())
        self.resize(1280, 720)
        self.splitter.setSizes([680, 600])
        self.restoreGeometry(settings.get(GEOMETRY))
        self.splitter.restoreState(settings.get(SPLITTER))
        self.form.set_case(document.case)
        self._on_case_changed(document.case)
        self._update_title()

    # --- menus ------------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # slots here take no arguments
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("&File"))
        self._action(files, self.tr("&New case"), self.new_case, QKeySequence.StandardKey.New)
        self._action(files, self.tr("&Open…"), self.open_case, QKeySequence.StandardKey.Open)
        self.recent_menu = files.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(files, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self._action(files, self.tr("Save &as…"), self.save_as, "Ctrl+Shift+S")
        files.addSeparator()
        self.export_action = self._action(files, self.tr("Patient &leaflet…"), self.show_leaflet, "Ctrl+E")
        self._action(files, self.tr("Pre&ferences…"), self.show_preferences)
        files.addSeparator()
        self._action(files, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Help"), self.show_help, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("&About LiverCalc Desktop"), self.show_about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            self._action(self.recent_menu, path, functools.partial(self.open_path, Path(path)))
        if recent:
            self.recent_menu.addSeparator()
            self._action(self.recent_menu, "Clear list", self.settings.clear_recent_files)
        else:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    # --- live assessment --------------------------------------------------------------
    def _on_case_changed(self, _case: object) -> None:
        problems = self.document.problems()
        self.form.show_problems(problems)
        if problems:
            self.panel.show_incomplete(problems)
        else:
            self.panel.show_assessment(assess(self.document.case, self.pathway))

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else "Untitled case"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # --- files ------------------------------------------------------------------------
    def _may_discard(self) -> bool:
        """Ask about unsaved changes; True when it is fine to replace the current case."""
        if not self.document.modified:
            return True
        name = self.document.path.name if self.document.path else "this new case"
        choice = self.dialogs.unsaved_changes(self, name)
        if choice is Choice.SAVE:
            return self.save()
        return choice is Choice.DISCARD

    def new_case(self) -> None:
        if self._may_discard():
            self.document.reset()
            self.form.set_case(self.document.case)

    def open_case(self) -> None:
        if not self._may_discard():
            return
        path = self.dialogs.open_case_path(self, self.settings.get(LAST_FOLDER))
        if path is not None:
            self._load(path)

    def open_path(self, path: Path) -> None:
        if self._may_discard():
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            self.document.open(path)
        except LivercalcError as exc:
            self.dialogs.error(self, "Cannot open case", exc.message)
            return
        self.form.set_case(self.document.case)
        self._remember(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        exam_date = self.document.case.get("exam.date") or "new"
        path = self.dialogs.save_path(self, folder / f"liver-case-{exam_date}.json", CASE_FILTER)
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except LivercalcError as exc:
            self.dialogs.error(self, "Case not saved", exc.message)
            return False
        self._remember(path)
        return True

    def _remember(self, path: Path) -> None:
        self.settings.set(LAST_FOLDER, str(path.parent))
        self.settings.add_recent_file(str(path))

    # --- leaflet, preferences, help ---------------------------------------------------
    def show_leaflet(self) -> LeafletPreview:
        # Imported on first use: reportlab and QtPdf would otherwise double the start-up time.
        from livercalc_desktop.gui.leaflet_preview import LeafletPreview

        if self.preview is None:
            self.preview = LeafletPreview(self.document, self.settings, self.dialogs, self)
        else:
            self.preview.refresh()
        self.preview.show()
        self.preview.raise_()
        return self.preview

    def show_preferences(self) -> None:
        PreferencesDialog(self.settings, self).open()

    def show_help(self) -> None:
        self.dialogs.information(self, "Using LiverCalc Desktop", HELP_TEXT)

    def show_about(self) -> None:
        meta = self.pathway.kb.meta
        text = (
            f"{APP_NAME} {__version__}\n\nKnowledge base {meta.content_version}, reviewed {meta.reviewed} "
            f"({meta.review_status}; {meta.reviewed_by}).\n\n{INTENDED_USE}\n\n"
            "Disclaimer: the category is a counselling aid drawn from small published series, "
            "not a personal risk. Check every result against the full clinical picture."
        )
        self.dialogs.information(self, f"About {APP_NAME}", text)

    # --- window events ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(".json") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.toLocalFile().endswith(".json")]
        if files:
            event.acceptProposedAction()
            self.open_path(Path(files[0]))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.set(GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(SPLITTER, QByteArray(self.splitter.saveState()))
        self.settings.sync()
        if self.preview is not None:
            self.preview.close()
        event.accept()
