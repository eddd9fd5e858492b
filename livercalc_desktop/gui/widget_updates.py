"""Change widgets only when something really changed.

The panel and the form are refreshed on every edit. Setting a label's text, a style
property or its visibility to the value it already has still costs a relayout or a style
recomputation, which is what made an edit take tens of milliseconds; these helpers skip it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from livercalc_desktop.gui.styles import sheet_for_property


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
        sheet_for_property(widget, name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
