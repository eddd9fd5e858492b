"""Every modal question the app asks, behind one replaceable service.

Widgets never open a dialog themselves; they ask the service. Tests pass a fake, so no
test can hang on a real modal dialog.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

CASE_FILTER = "LiverCalc case (*.json)"
PDF_FILTER = "PDF leaflet (*.pdf)"


class Choice(Enum):
    """The answer to "save your changes?"."""

    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


class Dialogs(Protocol):
    """What the app may ask or tell the user."""

    def open_case_path(self, parent: QWidget, folder: str) -> Path | None: ...
    def save_path(self, parent: QWidget, suggested: Path, file_filter: str) -> Path | None: ...
    def unsaved_changes(self, parent: QWidget, name: str) -> Choice: ...
    def error(self, parent: QWidget, title: str, message: str) -> None: ...
    def recover(self, parent: QWidget) -> bool: ...
    def report(self, parent: QWidget | None, title: str, intro: str, details: str) -> None: ...
    def information(self, parent: QWidget, title: str, message: str) -> None: ...
    def printer(self, parent: QWidget) -> QPrinter | None: ...
    def confirm(self, parent: QWidget, title: str, message: str) -> bool: ...


class QtDialogs:
    """The real dialogs."""

    def open_case_path(self, parent: QWidget, folder: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open case", folder, CASE_FILTER)
        return Path(name) if name else None

    def save_path(self, parent: QWidget, suggested: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, "Save as", str(suggested), file_filter)
        return Path(name) if name else None

    def unsaved_changes(self, parent: QWidget, name: str) -> Choice:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent,
            "Unsaved changes",
            f"Save the changes to {name} before continuing?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: Choice.SAVE, buttons.Discard: Choice.DISCARD}.get(answer, Choice.CANCEL)

    def error(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    def recover(self, parent: QWidget) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent,
            "Recover unsaved case?",
            "LiverCalc closed without saving the case you were working on. Open the recovered copy?",
            buttons.Yes | buttons.No,
            buttons.Yes,
        )
        return answer == buttons.Yes

    def report(self, parent: QWidget | None, title: str, intro: str, details: str) -> None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(f"{intro}\n\n{details}")
        text.setReadOnly(True)
        text.setAccessibleName("Error report")
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy report", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(640, 420)
        dialog.exec()

    def information(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.about(parent, title, message)

    def printer(self, parent: QWidget) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        accepted = QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
        return printer if accepted else None

    def confirm(self, parent: QWidget, title: str, message: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(parent, title, message, buttons.Yes | buttons.Cancel, buttons.Cancel)
        return answer == buttons.Yes
