"""The Register menu: the Cases view, saving the open case, outcomes and folder import.

The register is opened on first use (creating or migrating it, said in the status bar),
from the preference or ``LIVERCALC_REGISTER_URL``. The window's case remembers which
register case and revision it came from, so saving it back is a new revision based on that
one, and a save from another workstation in between is reported as a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from livercalc_desktop.casefile import case_json
from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.gui.dialogs import PDF_FILTER
from livercalc_desktop.gui.settings import CLINIC_NAME, LAST_FOLDER, REGISTER_URL
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.register.errors import RegisterFault

# The register's views and its database layer (SQLAlchemy, Alembic) load on first use: most
# sessions never open the register, and loading them at start-up doubled the time to the window.
if TYPE_CHECKING:
    from livercalc_desktop.gui.audit_view import AuditView
    from livercalc_desktop.gui.cases_view import CasesView
    from livercalc_desktop.gui.folder_import_dialog import FolderImportDialog
    from livercalc_desktop.gui.main_window import MainWindow
    from livercalc_desktop.gui.outcome_form import OutcomeForm
    from livercalc_desktop.register.store import Register


class RegisterMenu(QObject):
    """Owns the open register and the register's windows for one main window."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.register: Register | None = None
        self.origin: tuple[int, int] | None = None  # (case id, revision) the window's case came from
        self.cases_view: CasesView | None = None
        self.audit_view: AuditView | None = None
        self.choose_folder: Callable[[], Path | None] = self._choose_folder
        for text, slot, shortcut in (
            (self.tr("&Cases…"), self.show_cases, "Ctrl+Shift+L"),
            (self.tr("&Save case to the register"), self.save_case, "Ctrl+Shift+R"),
            (self.tr("&Import a folder of case files…"), self.import_folder, None),
            (self.tr("&Audit…"), self.show_audit, None),
        ):
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            menu.addAction(action)
        window.document.path_changed.connect(self._forget_origin)
        window.destroyed.connect(self.close)

    def _forget_origin(self, _path: object) -> None:
        self.origin = None

    def _fail(self, title: str, exc: LivercalcError | RegisterFault) -> None:
        self.window.dialogs.error(self.window, title, exc.message)

    def opened(self) -> Register | None:
        """Return the register, opening it on first use; None (after saying why) if it cannot be."""
        if self.register is None:
            status = self.window.statusBar()
            try:
                from livercalc_desktop.register.store import Register

                self.register = Register.open(
                    self.window.pathway, self.window.settings.get(REGISTER_URL), say=status.showMessage
                )
            except (LivercalcError, RegisterFault) as exc:
                self._fail(self.tr("Cannot open the case register"), exc)
                return None
            status.showMessage(self.tr("Case register ready"), 4000)
        return self.register

    def close(self) -> None:
        if self.register is not None:
            self.register.close()
            self.register = None

    # --- the Cases view --------------------------------------------------------------------
    def show_cases(self) -> CasesView | None:
        register = self.opened()
        if register is None:
            return None
        if self.cases_view is None:
            labels = window_labels(register.pathway)
            categories = [(c.id, labels.category(c.id, c.label)) for c in register.pathway.kb.categories]
            from livercalc_desktop.gui.cases_view import CasesView

            self.cases_view = CasesView(categories, self.window)
            self.cases_view.search_changed.connect(lambda _search: self.refresh())
            self.cases_view.open_requested.connect(self.open_case)
            self.cases_view.outcome_requested.connect(self.record_outcome)
        self.refresh()
        self.cases_view.show()
        self.cases_view.raise_()
        return self.cases_view

    def refresh(self) -> None:
        if self.cases_view is None or self.register is None:
            return
        words = window_labels(self.register.pathway)
        labels = {c.id: words.category(c.id, c.label) for c in self.register.pathway.kb.categories}
        try:
            rows = self.register.search(self.cases_view.search())
        except (LivercalcError, RegisterFault) as exc:
            self._fail(self.tr("Cannot search the case register"), exc)
            return
        self.cases_view.show_rows(rows, labels)

    def open_case(self, case_id: int) -> bool:
        register = self.opened()
        if register is None:
            return False
        try:
            latest = register.latest(case_id)
            document = register.case_document(case_id)
        except (LivercalcError, RegisterFault) as exc:
            self._fail(self.tr("Cannot open the case"), exc)
            return False
        if not self.window.show_case(document.case):
            return False
        self.origin = (case_id, latest.number)
        self.window.statusBar().showMessage(
            self.tr("Register case {case}, revision {revision}").format(case=case_id, revision=latest.number)
        )
        self.window.raise_()
        return True

    # --- saving, outcomes, import ----------------------------------------------------------
    def save_case(self) -> int | None:
        """Save the window's case: a new revision of the case it came from, or a new case."""
        register = self.opened()
        problems = self.window.document.problems()
        if register is None:
            return None
        if problems:
            self.window.dialogs.error(
                self.window,
                self.tr("Not saved to the register"),
                self.tr("The case has {count} problem(s) to fix first.").format(count=len(problems)),
            )
            return None
        text = case_json(self.window.document.case, self.window.pathway)
        try:
            if self.origin is None:
                case_id, number = register.add(text), 1
            else:
                case_id, number = self.origin[0], register.save(self.origin[0], self.origin[1], text)
        except (LivercalcError, RegisterFault) as exc:
            self._fail(self.tr("Not saved to the register"), exc)
            return None
        self.origin = (case_id, number)
        self.window.document.mark_saved()
        self.window.statusBar().showMessage(
            self.tr("Saved to the register: case {case}, revision {revision}").format(case=case_id, revision=number)
        )
        self.refresh()
        return case_id

    def record_outcome(self, case_id: int) -> OutcomeForm | None:
        register = self.opened()
        if register is None:
            return None
        from livercalc_desktop.gui.outcome_form import OutcomeForm

        form = OutcomeForm(
            register.outcome_reader.schema,
            case_id,
            lambda text: register.record_outcome(case_id, text),
            self.cases_view or self.window,
            window_labels(register.pathway).for_outcome(),
        )
        form.accepted.connect(self.refresh)
        form.open()
        return form

    def _choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import a folder of case files"), self.window.settings.get(LAST_FOLDER)
        )
        return Path(folder) if folder else None

    def import_folder(self) -> FolderImportDialog | None:
        register = self.opened()
        folder = self.choose_folder() if register is not None else None
        if register is None or folder is None:
            return None
        from livercalc_desktop.gui.folder_import_dialog import FolderImportDialog

        dialog = FolderImportDialog(register, folder, self.window)
        dialog.imported.connect(lambda _summary: self.refresh())
        dialog.start()
        return dialog

    # --- audit --------------------------------------------------------------------------
    def show_audit(self) -> AuditView | None:
        register = self.opened()
        if register is None:
            return None
        if self.audit_view is None:
            from livercalc_desktop.gui.audit_view import AuditView

            groups = register.outcome_reader.schema.field("diagnosis.groups")
            self.audit_view = AuditView(self.window, window_labels(register.pathway), groups)
            self.audit_view.range_changed.connect(self.refresh_audit)
            self.audit_view.pdf_requested.connect(self.save_audit_pdf)
        self.refresh_audit()
        self.audit_view.show()
        self.audit_view.raise_()
        return self.audit_view

    def refresh_audit(self) -> None:
        if self.audit_view is None or self.register is None:
            return
        from livercalc_desktop.register.audit import audit_table

        try:
            self.audit_view.show_table(audit_table(self.register, *self.audit_view.dates()))
        except (LivercalcError, RegisterFault) as exc:
            self._fail(self.tr("Cannot count the register"), exc)

    def save_audit_pdf(self) -> Path | None:
        if self.audit_view is None or self.register is None:
            return None
        folder = Path(self.window.settings.get(LAST_FOLDER) or Path.home())
        path = self.window.dialogs.save_path(self.audit_view, folder / "livercalc-audit.pdf", PDF_FILTER)
        if path is None:
            return None
        from livercalc_desktop.register.audit import audit_table
        from livercalc_desktop.register.audit_pdf import write_audit_pdf

        try:
            write_audit_pdf(
                audit_table(self.register, *self.audit_view.dates()), path, self.window.settings.get(CLINIC_NAME)
            )
        except (LivercalcError, RegisterFault) as exc:
            self._fail(self.tr("Audit not saved"), exc)
            return None
        return path
