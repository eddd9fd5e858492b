"""The case being edited: its values, where it is saved, and whether it has changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from livercalc_desktop.casefile import read_case_file, write_case_file
from livercalc_desktop.domain.case import Case, Value, WorkupEntry
from livercalc_desktop.domain.errors import CaseInvalid, Problem
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.knowledge.pathway import Pathway

NEW_CASE_WEEKS = 20


def new_case(today: dt.date | None = None) -> Case:
    """Return a blank case holding what the form always shows: today's date and 20+0 weeks."""
    return Case(
        values={
            "exam.date": (today or dt.date.today()).isoformat(),
            "exam.gestational_age.weeks": NEW_CASE_WEEKS,
            "exam.gestational_age.days": 0,
        }
    )


class CaseDocument(QObject):
    """Holds the current case; every edit goes through here and is re-validated."""

    case_changed = Signal(object)
    modified_changed = Signal(bool)
    path_changed = Signal(object)

    def __init__(self, pathway: Pathway, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pathway = pathway
        self.case = new_case()
        self.path: Path | None = None
        self.modified = False

    def problems(self) -> tuple[Problem, ...]:
        """Everything the case file format would reject, in the CLI's words."""
        try:
            self.pathway.parser.parse(case_to_data(self.case, self.pathway.schema))
        except CaseInvalid as exc:
            return exc.problems
        return ()

    def _replace(self, case: Case, *, modified: bool) -> None:
        self.case = case
        self.case_changed.emit(case)
        if modified != self.modified:
            self.modified = modified
            self.modified_changed.emit(modified)

    def set_value(self, path: str, value: Value | None) -> None:
        if self.case.get(path) != value:
            self._replace(self.case.with_value(path, value), modified=True)

    def set_status(self, item_id: str, status: str | None) -> None:
        """Record a test's status; a new record is dated today, an existing one keeps its date."""
        entry = self.case.workup.get(item_id)
        if status is None:
            updated = None
        elif entry is None:
            updated = WorkupEntry(status, "", dt.date.today().isoformat())
        else:
            updated = WorkupEntry(status, entry.detail, entry.date)
        if entry != updated:
            self._replace(self.case.with_workup(item_id, updated), modified=True)

    def set_detail(self, item_id: str, detail: str) -> None:
        """Record a test's result or note; only a test with a recorded status has one."""
        entry = self.case.workup.get(item_id)
        if entry is not None and entry.detail != detail:
            updated = WorkupEntry(entry.status, detail, entry.date)
            self._replace(self.case.with_workup(item_id, updated), modified=True)

    def reset(self) -> None:
        self._set_path(None)
        self._replace(new_case(), modified=False)

    def open(self, path: Path) -> None:
        """Load a file; on any error the current case is left exactly as it was."""
        case = read_case_file(path, self.pathway)
        self._set_path(path)
        self._replace(case, modified=False)

    def take(self, case: Case) -> None:
        """Show a case kept elsewhere (the case register) as saved work with no file."""
        self._set_path(None)
        self._replace(case, modified=False)

    def mark_saved(self) -> None:
        """Record that the case was saved somewhere other than a file (the case register)."""
        if self.modified:
            self.modified = False
            self.modified_changed.emit(False)

    def adopt(self, case: Case) -> None:
        """Take over a recovered case as unsaved work."""
        self._set_path(None)
        self._replace(case, modified=True)

    def save(self, path: Path) -> None:
        write_case_file(path, self.case, self.pathway)
        self._set_path(path)
        if self.modified:
            self.modified = False
            self.modified_changed.emit(False)

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)
