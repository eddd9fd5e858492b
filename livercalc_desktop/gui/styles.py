"""Style sheets given to the few widgets that need one, never to the whole application.

With an application-wide sheet every one of the window's ~400 widgets is drawn through Qt's
style-sheet style, which doubled the time to build the window. Labels with a ``role``
property (badge, problem, priority...) get the label sheet; an editor gets the invalid
sheet only while its value is missing or wrong. The rules live in resources/styles/.

A role that only changes the font (a reason's facts and references, a checklist item's title
and basis...) is given as a font instead: the panel has ~50 such labels, and a sheet of its
own made each one slower to build, lay out and re-style.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from livercalc_desktop.resources import resources_root

LABELS = "labels"
INVALID = "invalid"
# Style properties whose rules a widget needs only while the property holds.
PROPERTY_SHEETS = {"invalid": INVALID}
# Roles one label switches between; it gets the rules of all of them.
ROLE_GROUPS = ({"problem", "note"},)


class RoleFont(NamedTuple):
    """How a role's font differs from the window's: its size in points (None: the same), weight and slant."""

    points: int | None = None
    bold: bool = False
    italic: bool = False


# The roles whose rules are only about the font (the other roles are in resources/styles/labels.qss).
FONT_ROLES = {
    "level": RoleFont(bold=True),
    "fact": RoleFont(points=9, italic=True),
    "reference": RoleFont(points=9),
    "item": RoleFont(bold=True),
    "item-inactive": RoleFont(italic=True),
    "basis": RoleFont(points=9),
}
_RULE = re.compile(r"[^{}]+\{[^{}]*\}")


@functools.cache
def sheet(name: str) -> str:
    """Return a style sheet from resources/styles (read once)."""
    return (resources_root() / "styles" / f"{name}.qss").read_text("utf-8")


@functools.cache
def role_sheet(role: str) -> str:
    """Return only the label rules for ``role`` (and the roles it switches with): Qt parses a sheet per widget."""
    roles = next((group for group in ROLE_GROUPS if role in group), {role})
    text = re.sub(r"/\*.*?\*/", "", sheet(LABELS), flags=re.DOTALL)
    rules = [rule.strip() for rule in _RULE.findall(text)]
    return "\n".join(rule for rule in rules if any(f'[role="{r}"]' in rule.split("{")[0] for r in roles))


@functools.cache
def role_font(role: str) -> QFont:
    """Return a font role's font: only what the role changes is set, the rest follows the window's font."""
    spec = FONT_ROLES[role]
    font = QFont()
    if spec.points is not None:
        font.setPointSize(spec.points)
    font.setBold(spec.bold)
    font.setItalic(spec.italic)
    return font


def style_label(label: QLabel) -> bool:
    """Give a label the font or the rules of its ``role`` (a role without rules costs nothing).

    A label keeps to font roles or to sheet roles (a checklist title is an item or an inactive
    item; a message a problem or a note). Returns True when Qt has re-styled the label by
    itself: it took a font role's font (no sheet selects on those roles), or another sheet.
    """
    role = str(label.property("role"))
    if role in FONT_ROLES:
        label.setFont(role_font(role))
        return True
    rules = role_sheet(role)
    if label.styleSheet() != rules:
        label.setStyleSheet(rules)
        return True
    return False


def restyle_for_property(widget: QWidget, name: str, value: object) -> bool:
    """Give a widget what a style property's new value needs: a label its role's font or rules, an editor its sheet.

    Returns True when the font or sheet changed: Qt has then re-styled the widget already.
    """
    if name == "role" and isinstance(widget, QLabel):
        return style_label(widget)
    wanted = sheet(PROPERTY_SHEETS[name]) if name in PROPERTY_SHEETS and value else ""
    if name in PROPERTY_SHEETS and widget.styleSheet() != wanted:
        widget.setStyleSheet(wanted)
        return True
    return False
