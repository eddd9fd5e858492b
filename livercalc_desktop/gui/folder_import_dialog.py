"""Import a folder of case files with a progress bar, then say what was skipped and why.

The import runs in a worker thread so the window stays responsive; the register commits
in batches, so cancelling is not offered: a batch is either stored whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressBar, QVBoxLayout, QWidget

from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.register.errors import RegisterFault
from livercalc_desktop.register.folder_import import ImportSummary, import_folder
from livercalc_desktop.register.store import Register


class _Worker(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)  # ImportSummary, or the message of what went wrong

    def __init__(self, register: Register, folder: Path) -> None:
        super().__init__()
        self.register, self.folder = register, folder

    def run(self) -> None:
        try:
            summary = import_folder(self.register, self.folder, lambda done, total: self.progressed.emit(done, total))
        except (LivercalcError, RegisterFault) as exc:
            self.finished_with.emit(exc.message)
        else:
            self.finished_with.emit(summary)


def summary_text(summary: ImportSummary) -> str:
    """Describe an import in plain words: how many added, and each skipped file with its reason."""
    added = QCoreApplication.translate("FolderImportDialog", "Added {added} case(s). Skipped {skipped} file(s).")
    lines = [added.format(added=len(summary.added), skipped=len(summary.skipped))]
    lines += [f"• {item.file}: {item.reason}" for item in summary.skipped]
    return "\n".join(lines)


class FolderImportDialog(QDialog):
    """Shows the progress of one folder import and its summary."""

    imported = Signal(object)

    def __init__(self, register: Register, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import case files"))
        self.status = QLabel(self.tr("Importing the case files in {folder} …").format(folder=folder.name))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Import summary"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.progress, self.report, self.buttons):
            layout.addWidget(widget)
        self.resize(620, 380)
        self.worker = _Worker(register, folder)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished_with.connect(self._finished)

    def start(self) -> None:
        self.open()
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, outcome: object) -> None:
        self.worker.wait()
        self.buttons.setEnabled(True)
        if isinstance(outcome, ImportSummary):
            self.status.setText(self.tr("Import finished."))
            self.report.setPlainText(summary_text(outcome))
            self.imported.emit(outcome)
        else:
            self.status.setText(self.tr("Import stopped. Cases in batches already stored stay in the register."))
            self.report.setPlainText(str(outcome))
