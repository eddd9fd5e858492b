"""Change widgets only when something really changed.

The panel and the form are refreshed on every edit. Setting a label's text, a style
property or its visibility to the value it already has still costs a relayout or a style
recomputation, which is what made an edit take tens of milliseconds; these helpers skip it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from livercalc_desktop.gui.styles import restyle_for_property


def set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def set_shown(widget: QWidget, shown: bool) -> None:
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and re-apply the style if it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        if restyle_for_property(widget, name, value):
            return  # a new font or sheet re-styles the widget by itself
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class ShowBatch:
    """Shows that wait to be done together (see ``shown_together``); hides are cheap and done at once."""

    def __init__(self) -> None:
        self.pending: list[QWidget] = []

    def set_shown(self, widget: QWidget, shown: bool) -> None:
        if shown and widget.isHidden():
            self.pending.append(widget)
        elif not shown:
            set_shown(widget, False)


@contextmanager
def shown_together(container: QWidget) -> Iterator[ShowBatch]:
    """Show the widgets collected under ``container`` with one relayout instead of one each.

    Qt lays out every ancestor of a child shown in a visible window, at once: a category flip
    that shows twenty reason lines cost twenty layouts of the whole panel (~50 ms). While the
    container is hidden its children show for free, and showing it lays them out once. A
    container holding the keyboard focus is left alone, since hiding it would move the focus.
    """
    batch = ShowBatch()
    yield batch
    if not batch.pending:
        return
    focus = QApplication.focusWidget()
    hide = container.isVisible() and not (focus is not None and container.isAncestorOf(focus))
    if hide:
        container.setVisible(False)
    for widget in batch.pending:
        widget.setVisible(True)
    if hide:
        container.setVisible(True)
