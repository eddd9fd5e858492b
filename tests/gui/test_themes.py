"""Light, dark and high-contrast themes: chosen in Preferences, and every text readable (WCAG AA, 4.5:1)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from livercalc_desktop.gui.preferences import PreferencesDialog
from livercalc_desktop.gui.settings import THEME
from livercalc_desktop.gui.themes import Theme, apply_theme, palette

pytestmark = pytest.mark.gui

SHOWN = [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST]
AA = 4.5


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def drawn_contrast(widget: QWidget) -> float:
    """Contrast of the text as painted: the commonest pixel is the background, the text is what differs most."""
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = Counter(image.pixel(x, y) for x in range(0, image.width()) for y in range(0, image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(ratio(background, QColor.fromRgb(pixel)) for pixel in pixels)


@pytest.fixture
def themed(window) -> Iterator[None]:
    yield
    apply_theme(QApplication.instance(), Theme.SYSTEM)  # type: ignore[arg-type]


@pytest.mark.parametrize("theme", SHOWN, ids=lambda t: t.value)
def test_palette_text_pairs_reach_aa_contrast(theme):
    colors = palette(theme)
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    pairs = [
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.PlaceholderText, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
    ]
    for state in (group.Active, group.Disabled):
        for text, background in pairs:
            value = ratio(colors.color(state, text), colors.color(state, background))
            assert value >= AA, (theme, state, text, background, round(value, 2))


@pytest.mark.parametrize("theme", SHOWN, ids=lambda t: t.value)
def test_badges_problems_and_reasons_are_readable_in_every_theme(window, examples, themed, theme):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)

    def check(name: str, widget: QWidget) -> None:
        assert widget.isVisible(), name
        value = drawn_contrast(widget)
        assert value >= AA, (theme, name, round(value, 2))

    check("problem under a field", window.form.problem_labels["lesion.count"])  # a new case lacks findings
    check("problem in Why", window.panel.problem_labels[0])
    check("badge unknown", window.panel.badge)
    for case, level in (("abnormal-result", "high"), ("isolated-pending", "moderate"), ("isolated-reassuring", "low")):
        window.open_path(examples / f"{case}.json")
        assert window.panel.badge.property("level") == level
        check(f"badge {level}", window.panel.badge)
        check(f"reason ({case})", window.panel.reason_views[0].reason)
    window.open_path(examples / "urgent-hydrops.json")
    check("urgent banner", window.panel.urgent)
    check("priority Do", next(row.priority for row in window.panel.rows.values() if row.priority.text() == "Do"))


def test_the_theme_is_a_preference_applied_at_once(qtbot, window, settings, themed):
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "system"
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    assert settings.get(THEME) == "dark"
    QApplication.processEvents()
    assert window.palette().color(QPalette.ColorRole.Window) == palette(Theme.DARK).color(QPalette.ColorRole.Window)
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "dark"
