"""The GUI's composition root: builds the objects and wires them together, in one place."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from livercalc_desktop import __version__
from livercalc_desktop.gui.autosave import Autosaver, find_orphans, release_all
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.crash_report import install_excepthook
from livercalc_desktop.gui.dialogs import Dialogs, QtDialogs, Recovery
from livercalc_desktop.gui.main_window import APP_NAME, MainWindow
from livercalc_desktop.gui.settings import THEME, UI_LANGUAGE, AppSettings
from livercalc_desktop.gui.themes import Theme, apply_theme, theme_of
from livercalc_desktop.gui.translation import install_translators, window_language
from livercalc_desktop.knowledge.parsed_cache import ParsedTomlCache
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.knowledge.strict_table import read_toml
from livercalc_desktop.resources import resources_root

ORGANISATION = "LiverCalc"
APP_ID = "org.livercalc.LiverCalcDesktop"
SELF_TEST_CASE = "isolated-pending.json"
# The window is laid out in the bundled font, so it measures the same on every machine
# (a stock Debian's DejaVu Sans is about 6 % wider than Noto Sans and pushed the form past 640 px).
UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
UI_FONT_FAMILY = "Noto Sans"
UI_FONT_POINTS = 10


def _use_bundled_font(app: QApplication) -> None:
    """Register the bundled UI font once and make it the application's font."""
    if app.font().family() == UI_FONT_FAMILY:
        return
    for name in UI_FONT_FILES:
        QFontDatabase.addApplicationFont(str(resources_root() / "fonts" / name))
    app.setFont(QFont(UI_FONT_FAMILY, UI_FONT_POINTS))


def application(theme: Theme = Theme.SYSTEM) -> QApplication:
    """Return the running QApplication (created once), named, in the bundled font and ``theme``."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources_root() / "icons" / "livercalc.png")))
    _use_bundled_font(app)
    apply_theme(app, theme)
    return app


def bundled_pathway() -> Pathway:
    """Load the bundled pathway as the window does: through the parsed copies in the user's cache folder.

    With no cache folder known (Qt gives an empty path), the files are parsed, never cached
    in whatever the current folder happens to be.
    """
    cache_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    read = ParsedTomlCache(Path(cache_folder) / "parsed-toml").read if cache_folder else read_toml
    return load_pathway(bundled_pathway_folder(), read)


def settle_start_up() -> None:
    """Keep what start-up built out of every later collection, then let the collector run again.

    The imported modules, the knowledge base and the window (~50,000 objects) stay until the
    process ends. Collecting while they were built (``__main__`` pauses the collector) freed
    nothing of them, and each full collection afterwards, the one at exit included, walked them
    all again: about a tenth of the self-test's time. Start-up's own garbage, ~530 objects and
    ~0.1 MB (mostly what ``dataclass(slots=True)`` leaves when it rebuilds a class), is kept
    with the rest: collecting it first would cost a full collection (~14 ms) for memory that
    does not grow.
    """
    gc.freeze()
    gc.enable()


class Session:
    """One window with its document, its own autosave and the shared settings."""

    def __init__(self, pathway: Pathway, settings: AppSettings, dialogs: Dialogs, data_folder: Path) -> None:
        self.pathway = pathway
        self.document = CaseDocument(pathway)
        self.autosaver = Autosaver(self.document, data_folder)
        self.window = MainWindow(self.document, settings, dialogs)
        self.window.closed.connect(self.autosaver.close)

    def offer_recovery(self, dialogs: Dialogs) -> bool:
        """Offer each case a crashed session left behind; True when one was opened in this window.

        A case the user neither opens nor discards stays for the next start; so does a copy this
        version cannot open, which Open keeps and shows in its folder.
        """
        kept: set[Path] = set()
        while found := find_orphans(self.autosaver.folder, self.pathway):
            orphans = [orphan for orphan in found if orphan.path not in kept]
            release_all([orphan for orphan in found if orphan.path in kept])
            if not orphans:
                return False
            answer = dialogs.recover(self.window, [orphan.describe(self.pathway) for orphan in orphans])
            chosen = orphans[answer.index] if 0 <= answer.index < len(orphans) else None
            if answer.action is Recovery.LATER or chosen is None:
                release_all(orphans)
                return False
            if answer.action is Recovery.OPEN and chosen.case is None:
                kept.add(chosen.path)
                dialogs.reveal(self.window, chosen.path.parent)
                release_all(orphans)
                continue
            if answer.action is Recovery.OPEN and chosen.case is not None:
                self.document.adopt(chosen.case, chosen.original_path, chosen.original_digest)
                # The old copy goes only once this window's own copy holds the case.
                if self.autosaver.save_now():
                    chosen.discard()
                release_all(orphans)
                return True
            chosen.discard()
            release_all([o for o in orphans if o is not chosen])
        return False

    def protect(self) -> bool:
        """Autosave now (after an unexpected error); True when the copy holds the current case."""
        return self.autosaver.save_now()


def start_sessions(
    first: Session, dialogs: Dialogs, case_path: Path | None, new_session: Callable[[], Session]
) -> list[Session]:
    """Offer recovery (at every start), then open the file named on the command line.

    The file opens in a window of its own when the first window took a recovered case.
    Returns the sessions now open.
    """
    sessions = [first]
    if first.autosaver.unavailable:
        dialogs.error(first.window, QCoreApplication.translate("App", "Autosave is off"), first.autosaver.unavailable)
    recovered = first.offer_recovery(dialogs)
    if case_path is not None:
        if recovered:
            sessions.append(new_session())
            sessions[-1].window.show()
        sessions[-1].window.open_path(case_path)
    return sessions


def _self_test(session: Session) -> int:
    """Open the demo case, paint the window once, and check what the panel shows."""
    session.window.open_path(resources_root() / "examples" / SELF_TEST_CASE)
    session.window.show()
    QApplication.processEvents()
    painted = not session.window.grab().isNull()
    badge = session.window.panel.badge_text()
    ok = (
        painted
        and badge == session.window.panel.labels.category("isolated-pending", "Isolated, tests outstanding")
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
    scratch = tempfile.TemporaryDirectory(prefix="livercalc-self-test-") if self_test else None
    # A self-test leaves the user's preferences, recent files and autosaves untouched.
    qsettings = (
        QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat) if scratch else QSettings()
    )
    settings = AppSettings(qsettings)
    app.setProperty("translators", install_translators(app, window_language(settings.get(UI_LANGUAGE))))
    apply_theme(app, theme_of(settings.get(THEME)))
    # "Follow the system" follows it live, as the desktop switches between light and dark.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app, theme_of(settings.get(THEME))))
    dialogs = QtDialogs()
    pathway = bundled_pathway()
    data_folder = (
        Path(scratch.name)
        if scratch
        else Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    )
    sessions = [Session(pathway, settings, dialogs, data_folder / "autosave")]
    settle_start_up()
    install_excepthook(dialogs, lambda: all([s.protect() for s in sessions]))
    if scratch is not None:
        with scratch:
            return _self_test(sessions[0])
    sessions[0].window.show()

    def start() -> None:
        def new_session() -> Session:
            return Session(pathway, settings, dialogs, data_folder / "autosave")

        sessions[:] = start_sessions(sessions[0], dialogs, case_path, new_session)

    QTimer.singleShot(0, start)
    # Each window drops its autosaved copy when it closes with nothing unsaved; after a crash
    # the copies stay and the next start offers them.
    return app.exec()
