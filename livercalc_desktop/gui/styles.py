"""Style sheets given to the few widgets that need one, never to the whole application.

With an application-wide sheet every one of the window's ~400 widgets is drawn through Qt's
style-sheet style, which doubled the time to build the window. Labels with a ``role``
property (badge, problem, reference...) get the label sheet; an editor gets the invalid
sheet only while its value is missing or wrong. The rules live in resources/styles/.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtWidgets import QLabel, QWidget

from livercalc_desktop.resources import resources_root

LABELS = "labels"
INVALID = "invalid"
# Style properties whose rules a widget needs only while the property holds.
PROPERTY_SHEETS = {"invalid": INVALID}
# Roles one label switches between; it gets the rules of all of them.
ROLE_GROUPS = ({"item", "item-inactive"}, {"problem", "note"})
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


def style_label(label: QLabel) -> None:
    """Give a label the rules of its ``role`` (a role without rules costs nothing)."""
    rules = role_sheet(str(label.property("role")))
    if label.styleSheet() != rules:
        label.setStyleSheet(rules)


def sheet_for_property(widget: QWidget, name: str, value: object) -> bool:
    """Attach or remove the sheet a style property needs, for properties that have one.

    Returns True when the sheet changed: Qt has then re-styled the widget already.
    """
    wanted = sheet(PROPERTY_SHEETS[name]) if name in PROPERTY_SHEETS and value else ""
    if name in PROPERTY_SHEETS and widget.styleSheet() != wanted:
        widget.setStyleSheet(wanted)
        return True
    return False
