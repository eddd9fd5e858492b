"""Style sheets given to the few widgets that need one, never to the whole application.

With an application-wide sheet every one of the window's ~400 widgets is drawn through Qt's
style-sheet style, which doubled the time to build the window. Labels with a ``role``
property (badge, problem, reference...) get the label sheet; an editor gets the invalid
sheet only while its value is missing or wrong. The rules live in resources/styles/.
"""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QLabel, QWidget

from livercalc_desktop.resources import resources_root

LABELS = "labels"
INVALID = "invalid"
# Style properties whose rules a widget needs only while the property holds.
PROPERTY_SHEETS = {"invalid": INVALID}


@functools.cache
def sheet(name: str) -> str:
    """Return a style sheet from resources/styles (read once)."""
    return (resources_root() / "styles" / f"{name}.qss").read_text("utf-8")


def style_label(label: QLabel) -> None:
    """Give a label with a ``role`` the label sheet."""
    label.setStyleSheet(sheet(LABELS))


def style_role_labels(root: QWidget) -> None:
    """Give every label under ``root`` that has a ``role`` the label sheet."""
    for label in root.findChildren(QLabel):
        if label.property("role") and label.styleSheet() != sheet(LABELS):
            style_label(label)


def sheet_for_property(widget: QWidget, name: str, value: object) -> None:
    """Attach or remove the sheet a style property needs, for properties that have one."""
    wanted = sheet(PROPERTY_SHEETS[name]) if name in PROPERTY_SHEETS and value else ""
    if name in PROPERTY_SHEETS and widget.styleSheet() != wanted:
        widget.setStyleSheet(wanted)
