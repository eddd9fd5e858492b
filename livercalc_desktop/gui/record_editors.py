"""The editor for what is written against a checklist item: its result or note.

A result note is read back to a patient ("CMV IgG positive, IgM negative, high avidity"), so
it is shown in full and wraps; a one-line box showed only its end.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from livercalc_desktop.gui.signals import signals_blocked


class WrappingNoteEdit(QTextEdit):
    """A plain-text note that wraps and grows to show all of itself; Enter or leaving it commits."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._limit = 0
        self.textChanged.connect(self._on_text_changed)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def setMaxLength(self, limit: int) -> None:
        self._limit = limit

    def _on_text_changed(self) -> None:
        text = self.toPlainText()
        if self._limit and len(text) > self._limit:
            with signals_blocked(self):
                self.setPlainText(text[: self._limit])
            self.moveCursor(self.textCursor().MoveOperation.End)
        self._fit_height()

    def _fit_height(self) -> None:
        """Be exactly as tall as the wrapped text (at least one line)."""
        document = self.document()
        document.setTextWidth(self.viewport().width())
        lines = max(document.size().height(), self.fontMetrics().lineSpacing() + 2 * document.documentMargin())
        height = int(lines) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editingFinished.emit()  # one paragraph: Enter commits, it never adds a line
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()
