"""Input rules that keep a stray key or wheel turn from recording what nobody saw.

- A drop-down or number box takes the mouse wheel only when it has focus; otherwise the
  wheel scrolls the form, as the user meant. (Qt's default lets one notch over "Liver mass"
  change the finding while scrolling past it.)
- The window's own shortcuts (Ctrl+S, Ctrl+E, Ctrl+Z...) work from any field. Text fields
  normally claim some of these keys for themselves (Ctrl+E is "end of line" in a line edit),
  which made Save or the leaflet silently do nothing while the cursor was in a field.
- Alt with a letter or digit is a mnemonic or nothing; it never types. Qt lets an Alt+key that
  no mnemonic claims fall through as text, so Alt+1 (meant as a section key) typed "1" into the
  focused number. AltGr (Ctrl+Alt on Windows) and macOS Option characters are not plain ASCII
  letters or digits, so typing accented letters is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

WHEEL_EDITORS = (QComboBox, QAbstractSpinBox)
# Widgets that claim Ctrl+letter keys for themselves (editing keys), or take the wheel.
GUARDED = (*WHEEL_EDITORS, QLineEdit, QPlainTextEdit, QTextEdit)


class InputGuard(QObject):
    """Watches the editors of one window (not the whole application: that would see every event)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def watch(self, root: QWidget) -> None:
        """Apply both rules to every editor under ``root`` (also to editors built later, when called again)."""
        for widget in (root, *root.findChildren(QWidget)):
            if isinstance(widget, WHEEL_EDITORS):
                # The default WheelFocus would let the wheel itself give focus first.
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if isinstance(widget, GUARDED):
                widget.installEventFilter(self)  # installing twice keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _alt_typed(event):
            return True
        if kind == QEvent.Type.Wheel and isinstance(watched, WHEEL_EDITORS) and not watched.hasFocus():
            # Ignored and filtered: Qt passes the wheel on to the parent, so the form scrolls.
            event.ignore()
            return True
        # A ShortcutOverride filtered here stays unaccepted: the field does not claim the key,
        # and the window's shortcut runs.
        return kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._window_shortcut(event)

    def _window_shortcut(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.window.findChildren(QAction)
            for shortcut in action.shortcuts()
        )


def _alt_typed(event: QKeyEvent) -> bool:
    """Tell whether the key is Alt (without Ctrl) plus an ASCII letter or digit that no mnemonic took."""
    modifiers = event.modifiers()
    alt_only = bool(modifiers & Qt.KeyboardModifier.AltModifier) and not modifiers & Qt.KeyboardModifier.ControlModifier
    text = event.text()
    return alt_only and len(text) == 1 and text.isascii() and text.isalnum()


def install_input_guards(window: QWidget) -> InputGuard:
    """Apply both rules to the editors of ``window``; call once it is built, then ``watch`` new editors."""
    guard = InputGuard(window)
    guard.watch(window)
    return guard
