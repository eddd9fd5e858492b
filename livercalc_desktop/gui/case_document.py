"""The case being edited: its values, where it is saved, whether it has changed, and its undo history.

Every edit, from the form or from the checklist, is a command on one ``QUndoStack``, so
Ctrl+Z undoes it whatever widget made it, and "unsaved changes" simply means "the stack is
not at its clean state". The document also remembers what the file held when it was opened
or saved, so a save can tell that another window or machine has changed it since.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from livercalc_desktop.casefile import case_json, new_file_tag, read_case_file, write_case_file
from livercalc_desktop.domain.case import Case, Value, WorkupEntry
from livercalc_desktop.domain.errors import CaseInvalid, Problem
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.gui import clock
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.knowledge.pathway import Pathway

# Consecutive edits of one field (typing a text, stepping through a drop-down) merge into one undo step.
_TYPING = 1


def new_case() -> Case:
    """Return a blank case: only the scan date is filled in; every required finding waits for the user.

    The scan date is the day the case is started (asked of the clock now), so a New case the
    morning after the window was opened is dated that morning.
    """
    return Case(values={"exam.date": clock.today().isoformat()})


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


class _Edit(QUndoCommand):
    """One change of the case, kept as the snapshots before and after (cases are immutable)."""

    def __init__(
        self, document: CaseDocument, before: Case, after: Case, text: str, merge_key: str | None, from_widget: bool
    ) -> None:
        super().__init__(text)
        self.document, self.before, self.after, self.merge_key = document, before, after, merge_key
        self._shown = from_widget

    def id(self) -> int:
        return _TYPING if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Edit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        # The first redo is the push itself: a widget that made the edit already shows it.
        self.document._show(self.after, restored=not self._shown)
        self._shown = False

    def undo(self) -> None:
        self.document._show(self.before, restored=True)


class CaseDocument(QObject):
    """Holds the current case; every edit goes through here and is re-validated.

    ``case_changed`` fires on every change; ``case_restored`` only when the change did not come
    from a widget (undo, redo, open, new, recovery), so the form knows to show it.
    """

    case_changed = Signal(object)
    case_restored = Signal(object)
    modified_changed = Signal(bool)
    path_changed = Signal(object)

    def __init__(self, pathway: Pathway, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pathway = pathway
        self.case = new_case()
        self.path: Path | None = None
        # Tells apart the default file names of two cases scanned on the same day.
        self.file_tag = new_file_tag()
        self.disk_digest: bytes | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def problems(self) -> tuple[Problem, ...]:
        """Everything the case file format would reject, in the CLI's words."""
        try:
            self.pathway.parser.parse(case_to_data(self.case, self.pathway.schema), clock.today())
        except CaseInvalid as exc:
            return exc.problems
        return ()

    def _show(self, case: Case, *, restored: bool) -> None:
        self.case = case
        self.case_changed.emit(case)
        if restored:
            self.case_restored.emit(case)

    def _edit(self, after: Case, text: str, merge_key: str | None = None, *, from_widget: bool = True) -> None:
        if after != self.case:
            self.undo_stack.push(_Edit(self, self.case, after, text, merge_key, from_widget))

    def set_value(self, path: str, value: Value | None, *, typing: bool = False) -> None:
        """Record a form value; ``typing`` merges consecutive edits of the field into one undo step."""
        spec = self.pathway.schema.field(path)
        label = window_labels(self.pathway).field(spec) if spec else path
        text = QCoreApplication.translate("CaseDocument", "Edit {field}").format(field=label)
        self._edit(self.case.with_value(path, value), text, path if typing else None)

    def set_values(self, values: dict[str, Value | None], text: str) -> None:
        """Record several form values as one undoable step."""
        case = self.case
        for path, value in values.items():
            case = case.with_value(path, value)
        self._edit(case, text, from_widget=False)

    def set_status(self, item_id: str, status: str | None) -> None:
        """Record a test's status; a new record is dated today (the clock's now), an existing one keeps its date.

        A recorded date is never rewritten: changing the status of yesterday's record keeps yesterday.
        """
        entry = self.case.workup.get(item_id)
        if status is None:
            updated = None
        elif entry is None:
            updated = WorkupEntry(status, "", clock.today().isoformat())
        else:
            updated = WorkupEntry(status, entry.detail, entry.date)
        self._edit(
            self.case.with_workup(item_id, updated),
            QCoreApplication.translate("CaseDocument", "Record a test status"),
            f"status:{item_id}",
        )

    def set_detail(self, item_id: str, detail: str) -> None:
        """Record a test's result or note; only a test with a recorded status has one."""
        entry = self.case.workup.get(item_id)
        if entry is not None:
            updated = WorkupEntry(entry.status, detail, entry.date)
            self._edit(
                self.case.with_workup(item_id, updated),
                QCoreApplication.translate("CaseDocument", "Record a test result"),
                f"detail:{item_id}",
            )

    def set_date(self, item_id: str, date: str | None) -> None:
        """Record when a test was done or recorded; only a test with a recorded status has a date."""
        entry = self.case.workup.get(item_id)
        if entry is not None:
            updated = WorkupEntry(entry.status, entry.detail, date)
            self._edit(
                self.case.with_workup(item_id, updated),
                QCoreApplication.translate("CaseDocument", "Record a test date"),
                f"date:{item_id}",
            )

    def _start_over(self, case: Case, path: Path | None, disk_digest: bytes | None) -> None:
        """Replace the whole document: a fresh history whose clean state is this case."""
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.file_tag = new_file_tag()
        self.disk_digest = disk_digest
        self._set_path(path)
        self._show(case, restored=True)

    def reset(self) -> None:
        self._start_over(new_case(), None, None)

    def open(self, path: Path) -> None:
        """Load a file, finished or not; on any error the current case is left exactly as it was.

        An unfinished case (saved before every required finding was in) opens with its gaps
        marked, so work saved at the end of a clinic can be completed later.
        """
        case = read_case_file(path, self.pathway, clock.today(), partial=True)
        self._start_over(case, path, self._digest_on_disk(path))

    def adopt(self, case: Case, path: Path | None = None, disk_digest: bytes | None = None) -> None:
        """Take over a recovered case as unsaved work, still linked to the file it came from."""
        self._start_over(case, path, disk_digest)
        self.undo_stack.resetClean()

    def take(self, case: Case) -> None:
        """Show a case kept elsewhere (the case register) as saved work with no file."""
        self._start_over(case, None, None)

    def mark_saved(self) -> None:
        """Record that the case was saved somewhere other than a file (the case register)."""
        self.undo_stack.setClean()

    def save(self, path: Path) -> None:
        write_case_file(path, self.case, self.pathway)
        self.disk_digest = digest(case_json(self.case, self.pathway).encode("utf-8"))
        self._set_path(path)
        self.undo_stack.setClean()

    def changed_on_disk(self) -> bool:
        """Tell whether the file now holds something other than what this window opened or saved."""
        if self.path is None or self.disk_digest is None:
            return False
        current = self._digest_on_disk(self.path)
        return current is not None and current != self.disk_digest

    @staticmethod
    def _digest_on_disk(path: Path) -> bytes | None:
        try:
            return digest(path.read_bytes())
        except OSError:
            return None  # gone or unreadable: nothing there to overwrite by mistake

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)
