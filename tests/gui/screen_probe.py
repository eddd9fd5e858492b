"""Open the window, its preview, preferences and register windows on the screen Qt was given; print what fits.

Run in a fresh interpreter by test_screen_fit.py: the screen size and QT_SCALE_FACTOR must be
set before the QApplication exists. Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import QtDialogs
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.preferences import PreferencesDialog
from livercalc_desktop.gui.settings import REGISTER_URL, AppSettings
from livercalc_desktop.gui.translation import install_translators
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.resources import resources_root


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def frame(widget: QWidget) -> list[int]:
    QApplication.processEvents()
    return rect(widget.frameGeometry())


def sideways(area: QScrollArea) -> int:
    """How many pixels of the area's content are cut off at the right (0 when it fits)."""
    QApplication.processEvents()
    content = area.widget()
    assert content is not None
    return max(0, content.width() - area.viewport().width(), content.minimumSizeHint().width() - content.width())


def main() -> None:
    app = application()
    install_translators(app, sys.argv[2] if len(sys.argv) > 2 else "en")
    settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window = MainWindow(CaseDocument(load_pathway(bundled_pathway_folder())), settings, QtDialogs())
    window.open_path(resources_root() / "examples" / "isolated-pending.json")
    window.show()
    # The register's windows (below), on a scratch register beside the settings file.
    settings.set(REGISTER_URL, f"sqlite:///{Path(sys.argv[1]).with_name('register.sqlite')}")
    case_id = window.register_menu.save_case()
    form_area, panel_area = window.form_area, window.panel_area
    result: dict[str, object] = {"screen": rect(app.primaryScreen().availableGeometry()), "window": frame(window)}
    cut = [sideways(form_area), sideways(panel_area)]
    total = sum(window.splitter.sizes())
    for sizes in ([0, total], [total, 0]):  # drag the splitter to either end
        window.splitter.setSizes(sizes)
        cut += [sideways(form_area), sideways(panel_area)]
    result["cut_sideways"] = cut
    preview = window.show_leaflet()
    result["preview"] = frame(preview)
    # A message as long as the longest the preview can show (unprintable characters listed).
    window.document.set_value("patient.preferred_name", "नमस्ते " * 40)  # Devanagari: refused, with a long message
    preview.refresh()
    result["preview_message"] = bool(preview.message.text())
    result["preview_with_message"] = frame(preview)
    preferences = PreferencesDialog(settings, window)
    preferences.show()
    result["preferences"] = frame(preferences)
    menu = window.register_menu
    for name, opened in (("cases", menu.show_cases()), ("audit", menu.show_audit())):
        assert opened is not None
        result[name] = frame(opened)
    outcome = menu.record_outcome(case_id or 1)
    assert outcome is not None
    result["outcome"] = frame(outcome)
    result["outcome_sideways"] = [sideways(outcome.area)]
    print(json.dumps(result))
    preferences.close()
    menu.close()
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main()
