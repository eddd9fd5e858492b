"""The main window: findings on the left, the live assessment on the right.

File handling (new, open, save, recent, drag and drop, unsaved-changes prompts) lives here;
every question to the user goes through the injected ``Dialogs`` service.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QScrollArea, QSplitter, QVBoxLayout, QWidget

from livercalc_desktop import __version__
from livercalc_desktop.casefile import default_file_name
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.gui.assessment_panel import AssessmentPanel
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import CASE_FILTER, Choice, Conflict, Dialogs
from livercalc_desktop.gui.findings_form import FindingsForm
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.problem_words import problem_text
from livercalc_desktop.gui.register_menu import RegisterMenu
from livercalc_desktop.gui.screen_fit import fit_on_screen, hold_width
from livercalc_desktop.gui.settings import GEOMETRY, LAST_FOLDER, SPLITTER, AppSettings
from livercalc_desktop.gui.shown_names import menu_text, shown_name
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.knowledge.strict_table import TomlReader
from livercalc_desktop.knowledge.text_translations import LeafletLanguage, leaflet_languages

if TYPE_CHECKING:
    from livercalc_desktop.gui.documents import DocumentKind
    from livercalc_desktop.gui.leaflet_preview import LeafletPreview

APP_NAME = "LiverCalc Desktop"
# Marked for translation (context "MainWindow") and translated where shown.
INTENDED_USE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Intended use: to help obstetric sonographers and genetic counsellors explain a fetal liver "
    "calcification found on ultrasound. It shows a rule-based counselling category with its "
    "evidence, a workup checklist and a patient leaflet. It does not diagnose, and it does not "
    "replace the judgement of the clinical team.",
)
HELP_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Enter the findings on the left. The panel on the right updates as you go: the category, "
    "the reasons with their references, and the workup checklist. Set a test's status in the "
    "checklist to record offers, declines and results.\n\n"
    "Shortcuts: Ctrl+N new case, Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, "
    "Ctrl+E patient leaflet, Ctrl+Shift+E clinician summary, Ctrl+P print the leaflet, "
    "Ctrl+Shift+P print the summary, Ctrl+Shift+C copy the note for the record, Ctrl+Z undo, "
    "Ctrl+Shift+Z redo, F1 this help. Alt plus the underlined letter jumps to a field; Ctrl+1 to "
    'Ctrl+6 jump to a section of the form. Ctrl+Shift+N records "none seen" for every list of other '
    'findings; each list also has its own "None seen" box.',
)
FINDINGS_GROUP = "findings"


DEFAULT_SIZE = QSize(1280, 720)


def _scrolling() -> QScrollArea:
    """Return a vertically scrolling area whose content is laid out to its width, never scrolled sideways."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


@functools.cache
def _leaflet_languages(folder: Path, read: TomlReader) -> tuple[LeafletLanguage, ...]:
    """Return the pathway's leaflet languages, read once however many windows open (each file through ``read``)."""
    return leaflet_languages(folder, read)


class MainWindow(QMainWindow):
    """The counselling window."""

    closed = Signal()  # the window closed with nothing left unsaved (saved, or the user discarded it)

    def __init__(self, document: CaseDocument, settings: AppSettings, dialogs: Dialogs) -> None:
        super().__init__()
        self.document, self.settings, self.dialogs = document, settings, dialogs
        self.pathway = document.pathway
        self.preview: LeafletPreview | None = None
        # The frame is placed in the window before the form and panel are built, so each big
        # subtree is re-parented (and re-styled) once, not three times.
        self.splitter = QSplitter()
        self.setCentralWidget(self.splitter)
        self.form_area, self.panel_area = form_area, panel_area = _scrolling(), _scrolling()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        self.splitter.addWidget(form_area)
        self.splitter.addWidget(side)
        languages = _leaflet_languages(self.pathway.folder, self.pathway.read)
        self.form = FindingsForm(self.pathway.schema, labels=window_labels(self.pathway), languages=languages)
        self.panel = AssessmentPanel(self.pathway)
        form_area.setWidget(self.form)
        panel_area.setWidget(self.panel)
        side_layout.addWidget(self.panel.header)  # the category never scrolls out of sight
        side_layout.addWidget(panel_area, 1)
        hold_width(form_area, self.form)
        hold_width(panel_area, self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setAcceptDrops(True)
        self._build_menus()
        meta = self.pathway.kb.meta
        if meta.review_status == "approved":
            kb_text = self.tr("Knowledge base {version} ({date})")
        else:
            kb_text = self.tr("Knowledge base {version} ({date}) — content {status}, awaiting clinical sign-off")
        status = QCoreApplication.translate("AssessmentPanel", meta.review_status)
        kb_text = kb_text.format(version=meta.content_version, date=meta.reviewed, status=status)
        self.statusBar().addPermanentWidget(QLabel(kb_text))
        translation = window_labels(self.pathway).translation
        if translation is not None and translation.is_draft:
            # The clinician sees that the window's words are an unreviewed translation.
            draft = QLabel(self.tr("Window text: draft translation, not yet reviewed"))
            draft.setObjectName("draftWindowTranslation")
            self.statusBar().addPermanentWidget(draft)
        self.form.value_edited.connect(lambda path, value, typing: document.set_value(path, value, typing=typing))
        self.panel.status_edited.connect(document.set_status)
        self.panel.detail_edited.connect(document.set_detail)
        self.panel.date_edited.connect(document.set_date)
        document.case_changed.connect(self._on_case_changed)
        document.case_restored.connect(self.form.set_case)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(lambda _p: self._update_title())
        restored = self.restoreGeometry(settings.get(GEOMETRY))
        fit_on_screen(self, None if restored else DEFAULT_SIZE)
        self.splitter.setSizes([680, 600])
        self.splitter.restoreState(settings.get(SPLITTER))
        self.form.set_case(document.case)
        self._on_case_changed(document.case)
        self._update_title()
        self.input_guard = install_input_guards(self)
        self.panel.editors_added.connect(self.input_guard.watch)
        self._form_area = form_area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Scroll the form to the field that just got focus (Alt+letter jumps far)."""
        if new is not None and self.form.isAncestorOf(new):
            self._form_area.ensureWidgetVisible(new)

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
        self._action(files, self.tr("Clinician s&ummary…"), self.show_summary, "Ctrl+Shift+E")
        self._action(files, self.tr("&Print leaflet…"), self.print_leaflet, QKeySequence.StandardKey.Print)
        self._action(files, self.tr("Print clinician summar&y…"), self.print_summary, "Ctrl+Shift+P")
        self._action(files, self.tr("&Note for the record (copy)…"), self.copy_record_note, "Ctrl+Shift+C")
        files.addSeparator()
        self._action(files, self.tr("Pre&ferences…"), self.show_preferences)
        files.addSeparator()
        self._action(files, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self._build_edit_menu(bar.addMenu(self.tr("&Edit")))
        self.register_menu = RegisterMenu(self, bar.addMenu(self.tr("&Register")))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Help"), self.show_help, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("&About LiverCalc Desktop"), self.show_about)

    def _build_edit_menu(self, edit: QMenu) -> None:
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, self.tr("&No other findings seen"), self.record_no_other_findings, "Ctrl+Shift+N")
        go_to = edit.addMenu(self.tr("&Go to section"))
        for number, group in enumerate(self.pathway.schema.groups, start=1):
            if group.id in self.form.group_entries and number <= 9:
                widget = self.form.group_entries[group.id]
                self._action(
                    go_to,
                    self.form.labels.group(group.id, group.label),
                    functools.partial(widget.setFocus, Qt.FocusReason.ShortcutFocusReason),
                    f"Ctrl+{number}",
                )

    def record_no_other_findings(self) -> None:
        """Record "none seen" for every tick-box list of other findings, as one undoable step."""
        paths = self.form.tick_box_paths(FINDINGS_GROUP)
        self.document.set_values(dict.fromkeys(paths, ()), self.tr("Record no other findings"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            self._action(self.recent_menu, menu_text(path), functools.partial(self.open_path, Path(path)))
        if recent:
            self.recent_menu.addSeparator()
            self._action(self.recent_menu, self.tr("Clear list"), self.settings.clear_recent_files)
        else:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    # --- live assessment --------------------------------------------------------------
    def _on_case_changed(self, _case: object) -> None:
        problems = self.document.problems()
        self.form.show_problems(problems)
        if problems:
            self.panel.show_incomplete(problems)
        else:
            self.panel.show_assessment(assess(self.document.case, self.pathway))

    def _update_title(self) -> None:
        name = shown_name(self.document.path.name) if self.document.path else self.tr("Untitled case")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # --- files ------------------------------------------------------------------------
    def _may_discard(self) -> bool:
        """Ask about unsaved changes; True when it is fine to replace the current case."""
        if not self.document.modified:
            return True
        name = shown_name(self.document.path.name) if self.document.path else self.tr("this new case")
        choice = self.dialogs.unsaved_changes(self, name)
        if choice is Choice.SAVE:
            return self.save()
        return choice is Choice.DISCARD

    def new_case(self) -> None:
        if self._may_discard():
            self.document.reset()

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
            # Named as the user gave it (a start-up argument, a dropped or chosen file), with the problem.
            problem = self.tr("{file} cannot be opened: {problem}").format(
                file=shown_name(str(path)), problem=exc.message
            )
            self.dialogs.error(self, self.tr("Cannot open case"), problem)
            return
        self._remember(path)

    def show_case(self, case: Case) -> bool:
        """Show a case from the register in place of the current one, asking about unsaved changes."""
        if not self._may_discard():
            return False
        self.document.take(case)
        self.form.set_case(case)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        if self.document.changed_on_disk():
            # Another window or machine saved this file since it was opened here: never overwrite silently.
            answer = self.dialogs.file_changed(self, shown_name(self.document.path.name))
            if answer is Conflict.SAVE_AS:
                return self.save_as()
            if answer is not Conflict.OVERWRITE:
                return False
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        name = default_file_name("case", self.document.case, self.document.file_tag, "json")
        path = self.dialogs.save_path(self, folder / name, CASE_FILTER)
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except LivercalcError as exc:
            self.dialogs.error(self, self.tr("Case not saved"), exc.message)
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
            saved = self.tr("Leaflet saved to {path}")
            self.preview.saved.connect(lambda path: self.statusBar().showMessage(saved.format(path=path)))
        else:
            self.preview.refresh()
        self.preview.show()
        self.preview.raise_()
        return self.preview

    def show_summary(self) -> LeafletPreview:
        from livercalc_desktop.gui.documents import SUMMARY

        preview = self.show_leaflet()
        preview.show_kind(SUMMARY)
        return preview

    def print_leaflet(self) -> str | None:
        from livercalc_desktop.gui.documents import LEAFLET

        return self._print(LEAFLET)

    def print_summary(self) -> str | None:
        from livercalc_desktop.gui.documents import SUMMARY

        return self._print(SUMMARY)

    def _print(self, kind: DocumentKind) -> str | None:
        """Build ``kind`` for the current case and print it; no preview needed."""
        from livercalc_desktop.gui.printing import print_pdf
        from livercalc_desktop.gui.settings import PAPER

        if not self._complete():
            return None
        try:
            pdf = kind.pdf(self.document.case, self.pathway, self.settings.get(PAPER), self.settings)
        except LivercalcError as exc:
            self.dialogs.error(self, self.tr("Not printed"), exc.message)
            return None
        done = print_pdf(self, self.dialogs, pdf, kind.job_title(self.document.case, self.document.file_tag))
        if done:
            self.statusBar().showMessage(done, 8000)
        return done

    def _complete(self) -> bool:
        problems = self.document.problems()
        if problems:
            first = problem_text(problems[0], self.pathway, self.form.labels)
            self.dialogs.error(
                self,
                self.tr("Case incomplete"),
                self.tr("Complete the findings first: {problem}").format(problem=first),
            )
        return not problems

    def copy_record_note(self) -> str | None:
        """Copy the note for the record to the clipboard at once, then show it."""
        from livercalc_desktop.gui.letterhead import clinic_from_settings
        from livercalc_desktop.gui.settings import NOTE_ASCII
        from livercalc_desktop.summary.export import summary_content
        from livercalc_desktop.summary.note import summary_note

        if not self._complete():
            return None
        try:
            content = summary_content(self.document.case, self.pathway, clinic_from_settings(self.settings))
        except LivercalcError as exc:
            self.dialogs.error(self, self.tr("No note"), exc.message)
            return None

        def copy(ascii_only: bool) -> str:
            text = summary_note(content, ascii_only=ascii_only)
            QGuiApplication.clipboard().setText(text)
            self.settings.set(NOTE_ASCII, ascii_only)
            return text

        ascii_only = self.settings.get(NOTE_ASCII)
        text = copy(ascii_only)
        self.statusBar().showMessage(self.tr("Note for the record copied to the clipboard"), 8000)
        self.dialogs.record_note(self, text, ascii_only, copy)
        return text

    def show_preferences(self) -> None:
        from livercalc_desktop.gui.preferences import PreferencesDialog  # rarely opened: loaded on first use

        PreferencesDialog(self.settings, self, self.dialogs).open()

    def show_help(self) -> None:
        self.dialogs.information(
            self, self.tr("Using LiverCalc Desktop"), QCoreApplication.translate("MainWindow", str(HELP_TEXT))
        )

    def show_about(self) -> None:
        meta = self.pathway.kb.meta
        text = self.tr(
            "{app} {version}\n\nKnowledge base {kb}, reviewed {date} ({status}; {by}).\n\n{intended}\n\n"
            "Disclaimer: the category is a counselling aid drawn from small published series, "
            "not a personal risk. Check every result against the full clinical picture."
        ).format(
            app=APP_NAME,
            version=__version__,
            kb=meta.content_version,
            date=meta.reviewed,
            status=QCoreApplication.translate("AssessmentPanel", meta.review_status),
            by=meta.reviewed_by,
            intended=QCoreApplication.translate("MainWindow", str(INTENDED_USE)),
        )
        self.dialogs.information(self, self.tr("About {app}").format(app=APP_NAME), text)

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
        self.closed.emit()
