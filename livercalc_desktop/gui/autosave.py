"""Keep a copy of the working case so a crash loses at most a minute of work.

The copy lives in the app's data folder under a fixed name (never the patient's), is
written atomically shortly after each change and every minute, and is removed when the
case is saved or closed cleanly. Its presence at start-up means the last session ended
without that, so the app offers to recover it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from livercalc_desktop.casefile import read_case_file, write_case_file
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.gui.case_document import CaseDocument

AUTOSAVE_NAME = "working-case.autosave.json"
PERIOD_MS = 60_000
AFTER_CHANGE_MS = 2_000


class Autosaver(QObject):
    """Writes the document's case to ``folder`` while it has unsaved changes."""

    def __init__(self, document: CaseDocument, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.path = folder / AUTOSAVE_NAME
        folder.mkdir(parents=True, exist_ok=True)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.save_now)
        self._every_minute = QTimer(self, interval=PERIOD_MS)
        self._every_minute.timeout.connect(self.save_now)
        self._every_minute.start()
        document.case_changed.connect(lambda _case: self._soon.start())
        document.modified_changed.connect(self._on_modified_changed)

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def save_now(self) -> None:
        if not self.document.modified:
            return
        # A failed autosave loses nothing: the case is still in memory and the next tick retries.
        with contextlib.suppress(LivercalcError):
            write_case_file(self.path, self.document.case, self.document.pathway)

    def recoverable(self) -> Case | None:
        """Return the case a session left unsaved, if there is one and it can be read."""
        if not self.path.exists():
            return None
        try:
            return read_case_file(self.path, self.document.pathway)
        except LivercalcError:
            return None

    def discard(self) -> None:
        self._soon.stop()
        self.path.unlink(missing_ok=True)
