"""Every modal question the app asks, behind one replaceable service.

Widgets never open a dialog themselves; they ask the service. Tests pass a fake, so no
test can hang on a real modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # Qt's print module loads when the user prints, not at start-up
    from PySide6.QtPrintSupport import QPrinter

# File-type filters, translated when a dialog shows them (context "Dialogs").
CASE_FILTER = str(QT_TRANSLATE_NOOP("Dialogs", "LiverCalc case (*.json)"))
PDF_FILTER = str(QT_TRANSLATE_NOOP("Dialogs", "PDF document (*.pdf)"))
IMAGE_FILTER = str(QT_TRANSLATE_NOOP("Dialogs", "Logo image (*.png *.jpg *.jpeg)"))


class Choice(Enum):
    """The answer to "save your changes?"."""

    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


class Conflict(Enum):
    """The answer to "the file changed on disk since you opened it"."""

    OVERWRITE = auto()
    SAVE_AS = auto()
    CANCEL = auto()


class Recovery(Enum):
    """What to do with one autosaved case offered after a crash."""

    OPEN = auto()
    DISCARD = auto()
    LATER = auto()


@dataclass(frozen=True, slots=True)
class RecoveryAnswer:
    """The user's choice in the recovery dialog."""

    action: Recovery
    index: int = 0  # which of the offered cases


class Dialogs(Protocol):
    """What the app may ask or tell the user."""

    def open_case_path(self, parent: QWidget, folder: str) -> Path | None: ...
    def save_path(self, parent: QWidget, suggested: Path, file_filter: str) -> Path | None: ...
    def unsaved_changes(self, parent: QWidget, name: str) -> Choice: ...
    def error(self, parent: QWidget, title: str, message: str) -> None: ...
    def recover(self, parent: QWidget, cases: Sequence[str]) -> RecoveryAnswer: ...
    def reveal(self, parent: QWidget, folder: Path) -> None: ...
    def file_changed(self, parent: QWidget, name: str) -> Conflict: ...
    def report(self, parent: QWidget | None, title: str, intro: str, details: str) -> None: ...
    def information(self, parent: QWidget, title: str, message: str) -> None: ...
    def printer(self, parent: QWidget) -> QPrinter | None: ...
    def open_image_path(self, parent: QWidget, folder: str) -> Path | None: ...
    def record_note(self, parent: QWidget, text: str, ascii_only: bool, recopy: Callable[[bool], str]) -> None: ...
    def confirm(self, parent: QWidget, title: str, message: str) -> bool: ...


class QtDialogs:
    """The real dialogs."""

    def open_case_path(self, parent: QWidget, folder: str) -> Path | None:

        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Dialogs", "Open case"),
            folder,
            QCoreApplication.translate("Dialogs", CASE_FILTER),
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget, suggested: Path, file_filter: str) -> Path | None:

        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Dialogs", "Save as"),
            str(suggested),
            QCoreApplication.translate("Dialogs", file_filter),
        )
        return Path(name) if name else None

    def unsaved_changes(self, parent: QWidget, name: str) -> Choice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate("Dialogs", "Save the changes to {name} before continuing?").format(name=name)
        )
        role = QMessageBox.ButtonRole
        save = box.addButton(QCoreApplication.translate("Dialogs", "&Save"), role.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("Dialogs", "&Discard changes"), role.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return Choice.SAVE if clicked is save else Choice.DISCARD if clicked is discard else Choice.CANCEL

    def error(self, parent: QWidget, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, message)

    def recover(self, parent: QWidget, cases: Sequence[str]) -> RecoveryAnswer:
        dialog = QDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Recover unsaved cases"))
        layout = QVBoxLayout(dialog)
        intro = QLabel(
            QCoreApplication.translate(
                "Dialogs",
                "LiverCalc closed without saving these cases. Open one to carry on with it, or discard it. "
                "Cases you leave are offered again next time.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        listing = QListWidget()
        listing.setAccessibleName(QCoreApplication.translate("Dialogs", "Unsaved cases"))
        listing.addItems(list(cases))
        listing.setCurrentRow(0)
        layout.addWidget(listing)
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        answers = {
            buttons.addButton(QCoreApplication.translate("Dialogs", "&Open"), role.AcceptRole): Recovery.OPEN,
            buttons.addButton(
                QCoreApplication.translate("Dialogs", "&Discard"), role.DestructiveRole
            ): Recovery.DISCARD,
            buttons.addButton(QCoreApplication.translate("Dialogs", "&Later"), role.RejectRole): Recovery.LATER,
        }
        buttons.clicked.connect(lambda button: dialog.done(list(answers).index(button) + 1))
        layout.addWidget(buttons)
        dialog.resize(620, 280)
        code = dialog.exec()  # 0 when closed with Escape: decide later
        action = list(answers.values())[code - 1] if code > 0 else Recovery.LATER
        return RecoveryAnswer(action, max(listing.currentRow(), 0))

    def reveal(self, parent: QWidget, folder: Path) -> None:
        """Show a folder in the system's file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def file_changed(self, parent: QWidget, name: str) -> Conflict:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "File changed on disk"))
        box.setText(
            QCoreApplication.translate(
                "Dialogs",
                "{name} was changed by another window or computer after you opened it. "
                "Saving here would replace those changes.",
            ).format(name=name)
        )
        overwrite = box.addButton(
            QCoreApplication.translate("Dialogs", "&Replace it"), QMessageBox.ButtonRole.DestructiveRole
        )
        save_as = box.addButton(
            QCoreApplication.translate("Dialogs", "Save &as a new file…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return (
            Conflict.OVERWRITE if clicked is overwrite else Conflict.SAVE_AS if clicked is save_as else Conflict.CANCEL
        )

    def report(self, parent: QWidget | None, title: str, intro: str, details: str) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit(f"{intro}\n\n{details}")
        text.setReadOnly(True)
        text.setAccessibleName(QCoreApplication.translate("Dialogs", "Error report"))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(
            QCoreApplication.translate("Dialogs", "&Copy report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(640, 420)
        dialog.exec()

    def information(self, parent: QWidget, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(parent, title, message)

    def printer(self, parent: QWidget) -> QPrinter | None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        accepted = QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
        return printer if accepted else None

    def open_image_path(self, parent: QWidget, folder: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Dialogs", "Choose logo"),
            folder,
            QCoreApplication.translate("Dialogs", IMAGE_FILTER),
        )
        return Path(name) if name else None

    def record_note(self, parent: QWidget, text: str, ascii_only: bool, recopy: Callable[[bool], str]) -> None:
        """Show the note already on the clipboard; the ASCII box copies the other form at once."""
        dialog = QDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Note for the record"))
        layout = QVBoxLayout(dialog)
        status = QLabel(QCoreApplication.translate("Dialogs", "Copied to the clipboard. Paste it into the record."))
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(QCoreApplication.translate("Dialogs", "Note for the record"))
        ascii_box = QCheckBox(
            QCoreApplication.translate("Dialogs", "&ASCII only (for record systems that garble other characters)")
        )
        ascii_box.setChecked(ascii_only)

        def switch(checked: bool) -> None:
            view.setPlainText(recopy(checked))

        ascii_box.toggled.connect(switch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        for widget in (status, view, ascii_box, buttons):
            layout.addWidget(widget)
        dialog.resize(720, 560)
        dialog.exec()

    def confirm(self, parent: QWidget, title: str, message: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(parent, title, message, buttons.Yes | buttons.Cancel, buttons.Cancel)
        return answer == buttons.Yes
