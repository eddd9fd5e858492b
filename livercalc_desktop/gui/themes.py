"""Light, dark and high-contrast themes; by default the one the system asks for.

Every theme uses the Fusion style, so the window looks and measures the same on every
platform, with a palette of our own whose text pairs all reach the WCAG AA contrast ratio
(4.5:1). The category badge, the priority badges and the problem chips keep fixed colours
(resources/styles/labels.qss) that read in every theme; high contrast adds its own sheet with
thick borders and focus rings.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from livercalc_desktop.resources import resources_root


class Theme(Enum):
    """A theme the user can choose in Preferences; SYSTEM follows the desktop."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


THEME_WORDS = {
    Theme.SYSTEM: QT_TRANSLATE_NOOP("Themes", "Follow the system"),
    Theme.LIGHT: QT_TRANSLATE_NOOP("Themes", "Light"),
    Theme.DARK: QT_TRANSLATE_NOOP("Themes", "Dark"),
    Theme.HIGH_CONTRAST: QT_TRANSLATE_NOOP("Themes", "High contrast"),
}

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Role -> (active colour, disabled colour). Disabled text still reads (>= 4.5:1 on its background).
_PALETTES: Mapping[Theme, Mapping[Role, tuple[str, str]]] = {
    Theme.LIGHT: {
        Role.Window: ("#efefef", "#efefef"),
        Role.WindowText: ("#1b1b1b", "#5f5f5f"),
        Role.Base: ("#ffffff", "#f4f4f4"),
        Role.AlternateBase: ("#f5f5f5", "#f5f5f5"),
        Role.Text: ("#1b1b1b", "#5f5f5f"),
        Role.PlaceholderText: ("#5f5f5f", "#6a6a6a"),
        Role.Button: ("#e4e4e4", "#e4e4e4"),
        Role.ButtonText: ("#1b1b1b", "#5f5f5f"),
        Role.Highlight: ("#1f5f74", "#9a9a9a"),
        Role.HighlightedText: ("#ffffff", "#1b1b1b"),
        Role.ToolTipBase: ("#ffffdc", "#ffffdc"),
        Role.ToolTipText: ("#1b1b1b", "#1b1b1b"),
        Role.Link: ("#0b57a4", "#5f5f5f"),
        Role.Mid: ("#a0a0a0", "#a0a0a0"),
        Role.Dark: ("#8a8a8a", "#8a8a8a"),
    },
    Theme.DARK: {
        Role.Window: ("#2b2b2b", "#2b2b2b"),
        Role.WindowText: ("#ececec", "#a8a8a8"),
        Role.Base: ("#1e1e1e", "#262626"),
        Role.AlternateBase: ("#262626", "#262626"),
        Role.Text: ("#ececec", "#a8a8a8"),
        Role.PlaceholderText: ("#a8a8a8", "#a0a0a0"),
        Role.Button: ("#3a3a3a", "#333333"),
        Role.ButtonText: ("#ececec", "#a8a8a8"),
        Role.BrightText: ("#ffffff", "#ffffff"),
        Role.Highlight: ("#4fa3c7", "#5a5a5a"),
        Role.HighlightedText: ("#101010", "#ececec"),
        Role.ToolTipBase: ("#3a3a3a", "#3a3a3a"),
        Role.ToolTipText: ("#ececec", "#ececec"),
        Role.Link: ("#8cc8ff", "#a8a8a8"),
        Role.Light: ("#4a4a4a", "#4a4a4a"),
        Role.Midlight: ("#404040", "#404040"),
        Role.Mid: ("#6a6a6a", "#6a6a6a"),
        Role.Dark: ("#1a1a1a", "#1a1a1a"),
        Role.Shadow: ("#000000", "#000000"),
    },
    Theme.HIGH_CONTRAST: {
        Role.Window: ("#000000", "#000000"),
        Role.WindowText: ("#ffffff", "#c8c8c8"),
        Role.Base: ("#000000", "#000000"),
        Role.AlternateBase: ("#101010", "#101010"),
        Role.Text: ("#ffffff", "#c8c8c8"),
        Role.PlaceholderText: ("#c8c8c8", "#c8c8c8"),
        Role.Button: ("#000000", "#000000"),
        Role.ButtonText: ("#ffffff", "#c8c8c8"),
        Role.BrightText: ("#ffff00", "#ffff00"),
        Role.Highlight: ("#ffff00", "#c8c8c8"),
        Role.HighlightedText: ("#000000", "#000000"),
        Role.ToolTipBase: ("#000000", "#000000"),
        Role.ToolTipText: ("#ffffff", "#ffffff"),
        Role.Link: ("#ffff00", "#c8c8c8"),
        Role.Light: ("#5a5a5a", "#5a5a5a"),
        Role.Midlight: ("#404040", "#404040"),
        Role.Mid: ("#ffffff", "#c8c8c8"),
        Role.Dark: ("#202020", "#202020"),
        Role.Shadow: ("#000000", "#000000"),
    },
}


def theme_of(value: str) -> Theme:
    """Read a stored preference; anything unknown follows the system."""
    return next((theme for theme in Theme if theme.value == value), Theme.SYSTEM)


def resolve(choice: Theme) -> Theme:
    """Turn "follow the system" into the theme to show, from the desktop's colour scheme."""
    if choice is not Theme.SYSTEM:
        return choice
    scheme = QGuiApplication.styleHints().colorScheme()
    return Theme.DARK if scheme == Qt.ColorScheme.Dark else Theme.LIGHT


def palette(theme: Theme) -> QPalette:
    """Return the palette of a resolved theme (not SYSTEM)."""
    result = QPalette()
    for role, (active, disabled) in _PALETTES[theme].items():
        for group in (Group.Active, Group.Inactive):
            result.setColor(group, role, QColor(active))
        result.setColor(Group.Disabled, role, QColor(disabled))
    return result


def style_sheet(theme: Theme) -> str:
    """Return the application-wide style sheet: none, except the high-contrast borders and focus rings."""
    if theme is not Theme.HIGH_CONTRAST:
        return ""  # an application-wide sheet doubles the time to build the window (see styles.py)
    styles = resources_root() / "styles"
    return (styles / "high-contrast.qss").read_text("utf-8").replace("@STYLES@", styles.as_posix())


def apply_theme(app: QApplication, choice: Theme) -> Theme:
    """Show ``choice`` (resolving SYSTEM) and return the theme shown."""
    shown = resolve(choice)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(shown))
    sheet = style_sheet(shown)
    if app.styleSheet() != sheet:  # re-applying would re-polish every widget
        app.setStyleSheet(sheet)
    return shown
