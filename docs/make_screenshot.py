"""Screenshot the window with a demo case.

Run ``xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshot.py OUT.png``.

Options: ``--case NAME`` (a demo case in resources/examples), ``--theme light|dark|high-contrast``,
``--preview`` (shoot the leaflet preview instead), ``--scroll N`` (scroll the panel N pixels),
``--language en|es`` (the window language).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import QtDialogs
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.settings import AppSettings
from livercalc_desktop.gui.themes import theme_of
from livercalc_desktop.gui.translation import WINDOW_LANGUAGES, install_translators
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.resources import resources_root


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--case", default="isolated-pending")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--preview", action="store_true")
    parser.add_argument("--scroll", type=int, default=0)
    parser.add_argument("--language", default="en", choices=sorted(WINDOW_LANGUAGES))
    args = parser.parse_args()
    app = application(theme_of(args.theme))
    translators = install_translators(app, args.language)  # noqa: F841 - kept alive while the window runs
    settings = AppSettings(QSettings("/tmp/livercalc-screenshot.ini", QSettings.Format.IniFormat))
    window = MainWindow(CaseDocument(load_pathway(bundled_pathway_folder())), settings, QtDialogs())
    window.open_path(resources_root() / "examples" / f"{args.case}.json")
    window.show()
    target = window.show_leaflet() if args.preview else window
    if args.scroll:
        window.panel_area.verticalScrollBar().setValue(args.scroll)

    def shoot() -> None:
        target.grab().save(str(args.out))
        window.document.undo_stack.setClean()
        app.quit()

    QTimer.singleShot(1500, shoot)
    app.exec()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
