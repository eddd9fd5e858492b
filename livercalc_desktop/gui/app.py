"""The GUI's composition root: builds the objects and wires them together, in one place."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from livercalc_desktop import __version__
from livercalc_desktop.gui.autosave import Autosaver
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.crash_report import install_excepthook
from livercalc_desktop.gui.dialogs import Dialogs, QtDialogs
from livercalc_desktop.gui.main_window import APP_NAME, MainWindow
from livercalc_desktop.gui.settings import UI_LANGUAGE, AppSettings
from livercalc_desktop.gui.translation import install_translators, window_language
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.resources import resources_root

ORGANISATION = "LiverCalc"
APP_ID = "org.livercalc.LiverCalcDesktop"
SELF_TEST_CASE = "isolated-pending.json"


def application() -> QApplication:
    """Return the running QApplication (created once), named and styled."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources_root() / "icons" / "livercalc.png")))
    style = (resources_root() / "styles" / "app.qss").read_text("utf-8")
    if app.styleSheet() != style:  # re-applying would re-polish every widget
        app.setStyleSheet(style)
    return app


class Session:
    """One window with its document, autosave and settings."""

    def __init__(self, pathway: Pathway, settings: AppSettings, dialogs: Dialogs, data_folder: Path) -> None:
        self.document = CaseDocument(pathway)
        self.autosaver = Autosaver(self.document, data_folder)
        self.window = MainWindow(self.document, settings, dialogs)

    def offer_recovery(self, dialogs: Dialogs) -> None:
        """After a crash, offer the autosaved case; a declined offer deletes it."""
        recovered = self.autosaver.recoverable()
        if recovered is None:
            return
        if dialogs.recover(self.window):
            self.document.adopt(recovered)
            self.window.form.set_case(recovered)
        else:
            self.autosaver.discard()


def _self_test(session: Session) -> int:
    """Open the demo case, paint the window once, and check what the panel shows."""
    session.window.open_path(resources_root() / "examples" / SELF_TEST_CASE)
    session.window.show()
    QApplication.processEvents()
    painted = not session.window.grab().isNull()
    badge = session.window.panel.badge_text()
    ok = (
        painted
        and badge == "Isolated, tests outstanding"
        and session.window.panel.rows["anatomy-survey"].status.isVisibleTo(session.window)
    )
    print(f"self-test {'ok' if ok else 'FAILED'}: painted={painted} badge={badge!r}")
    session.window.close()
    return 0 if ok else 1


def main(case_path: Path | None = None, self_test: bool = False) -> int:
    """Run the window; returns the exit code."""
    if self_test and not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a self-test needs no screen
    app = application()
    dialogs = QtDialogs()
    install_excepthook(dialogs)
    pathway = load_pathway(bundled_pathway_folder())
    settings = AppSettings(QSettings())
    app.setProperty("translators", install_translators(app, window_language(settings.get(UI_LANGUAGE))))
    data_folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    session = Session(pathway, settings, dialogs, data_folder / "autosave")
    if self_test:
        return _self_test(session)
    session.window.show()
    if case_path is not None:
        session.window.open_path(case_path)
    else:
        QTimer.singleShot(0, lambda: session.offer_recovery(dialogs))
    code = app.exec()
    # The window only closes once the case is saved or the user chose to discard it, so the
    # autosaved copy is no longer wanted. After a crash this line never runs and it stays.
    session.autosaver.discard()
    return code
