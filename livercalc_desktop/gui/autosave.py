"""Keep a copy of each window's unsaved case so a crash loses at most a few seconds of work.

Every window (every open document) has its own copy, under a random name (never the
patient's) in an owner-only folder, written atomically shortly after each change and every
minute. The copy is kept until that document is saved or the user discards its changes; a
lock file beside it says a running window still owns it. At start-up, copies whose owner is
gone are the work of a session that crashed: they are offered for recovery, whatever the app
was started with, listed by scan date and category only (the screen may be shared). A copy
this version cannot read (written by another version, or edited by hand) is listed by its date
alone, to keep (its folder is shown) or discard; it is never guessed at.

A copy holds the case as the user left it, finished or not, and the file it came from, so a
recovered case is saved back where it belongs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import CaseFileError, LivercalcError
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.knowledge.pathway import Pathway

AUTOSAVE_FORMAT = "livercalc-autosave"
SUFFIX = ".autosave.json"
PERIOD_MS = 60_000
AFTER_CHANGE_MS = 2_000
FOLDER_MODE = 0o700
FILE_MODE = 0o600
# A failed write must never take the window down: the case is still in memory.
WRITE_ERRORS = (LivercalcError, OSError, ValueError)


def _owner_only_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    os.chmod(folder, FOLDER_MODE)


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(f"{path}.lock")
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock


class Autosaver(QObject):
    """Writes its document's case to its own file while the document has unsaved changes."""

    def __init__(self, document: CaseDocument, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder
        self.unavailable = ""  # why autosave is off, when it is
        self._written: Case | None = None
        try:
            _owner_only_folder(folder)
        except OSError as exc:
            off = QCoreApplication.translate("Autosave", "Autosave is off: cannot use the folder {folder}: {reason}.")
            self.unavailable = off.format(folder=folder, reason=(exc.strerror or str(exc)).lower())
        # A random name per window (secrets, not uuid: uuid loads the platform module at start-up).
        self.path = folder / f"case-{secrets.token_hex(16)}{SUFFIX}"
        self._lock = _lock_for(self.path)
        self._lock.tryLock(0)
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

    def save_now(self) -> bool:
        """Write the copy now; True when it holds the current case (or nothing needs keeping)."""
        if not self.document.modified or self._written is self.document.case:
            return True
        if self.unavailable:
            return False
        document = self.document
        envelope = {
            "format": AUTOSAVE_FORMAT,
            "version": 1,
            "original_path": str(document.path) if document.path else None,
            "original_digest": document.disk_digest.hex() if document.disk_digest else None,
            "case": case_to_data(document.case, document.pathway.schema),
        }
        try:
            data = json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")
            if not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))  # the copy starts owner-only
            write_atomically(self.path, data, CaseFileError)
            os.chmod(self.path, FILE_MODE)
        except WRITE_ERRORS:
            return False
        self._written = document.case
        return True

    def discard(self) -> None:
        """Forget the copy: the document was saved, or the user chose to drop its changes."""
        self._soon.stop()
        self._written = None
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Drop the copy and its lock: the window closed with nothing left unsaved."""
        self._every_minute.stop()
        self.discard()
        self._lock.unlock()


@dataclass
class Orphan:
    """An autosaved case whose window is gone, locked while it is being offered."""

    path: Path
    case: Case | None  # None: this version cannot open the copy
    original_path: Path | None
    original_digest: bytes | None
    saved_at: dt.datetime
    lock: QLockFile

    def describe(self, pathway: Pathway) -> str:
        """How the case is listed before anyone chooses it: scan date and category, never a name."""
        if self.case is None:
            text = QCoreApplication.translate(
                "Autosave", "A copy from {saved} that this version cannot open (Open shows its folder)"
            )
            return text.format(saved=f"{self.saved_at:%Y-%m-%d %H:%M}")
        scan = self.case.get("exam.date") or QCoreApplication.translate("Autosave", "no scan date")
        weeks, days = self.case.get("exam.gestational_age.weeks"), self.case.get("exam.gestational_age.days")
        age = QCoreApplication.translate("Autosave", ", {weeks}+{days} weeks")
        age = age.format(weeks=weeks, days=days if days is not None else "?") if weeks is not None else ""
        try:
            pathway.parser.parse(case_to_data(self.case, pathway.schema))
            assessment = assess(self.case, pathway)
            category = window_labels(pathway).category(assessment.category, assessment.category_label)
        except LivercalcError:
            category = QCoreApplication.translate("Autosave", "incomplete, no category yet")
        text = QCoreApplication.translate("Autosave", "Scan {scan}{age}: {category}; autosaved {saved}")
        return text.format(scan=scan, age=age, category=category, saved=f"{self.saved_at:%Y-%m-%d %H:%M}")

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        self.lock.unlock()


def _read_orphan(path: Path, pathway: Pathway) -> Orphan | None:
    lock = _lock_for(path)
    if not lock.tryLock(0):
        return None  # a running window owns it
    try:
        saved_at = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        lock.unlock()
        return None  # gone meanwhile
    try:
        envelope = json.loads(path.read_text("utf-8"))
        if not isinstance(envelope, dict) or envelope.get("format") != AUTOSAVE_FORMAT:
            raise ValueError("not an autosave")
        case = pathway.parser.parse(envelope.get("case"), partial=True)
        original = envelope.get("original_path")
        digest = envelope.get("original_digest")
    except (OSError, ValueError, LivercalcError):
        return Orphan(path, None, None, None, saved_at, lock)  # offered by its date only, never guessed at
    return Orphan(
        path,
        case,
        Path(original) if isinstance(original, str) else None,
        bytes.fromhex(digest) if isinstance(digest, str) else None,
        saved_at,
        lock,
    )


def find_orphans(folder: Path, pathway: Pathway) -> list[Orphan]:
    """Every autosaved case in ``folder`` that no running window owns, newest first."""
    if not folder.is_dir():
        return []
    orphans = [o for p in folder.glob(f"*{SUFFIX}") if (o := _read_orphan(p, pathway)) is not None]
    return sorted(orphans, key=lambda o: o.saved_at, reverse=True)


def release_all(orphans: list[Orphan]) -> None:
    for orphan in orphans:
        orphan.release()
