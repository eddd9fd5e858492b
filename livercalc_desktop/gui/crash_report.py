"""Unexpected errors: a dialog with a copyable report that holds no patient data.

The report names the exception type and the code locations only. Exception messages and
local values are left out because they may contain text typed into the case.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from livercalc_desktop import __version__
from livercalc_desktop.gui.dialogs import Dialogs

log = logging.getLogger(__name__)


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Describe an unexpected error by type and code location only."""
    import platform  # only when something went wrong: it costs start-up time

    frames = traceback.extract_tb(tb)
    lines = [
        f"LiverCalc Desktop {__version__} on Python {platform.python_version()}, {platform.system()}",
        f"Error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where:",
        *(f"  {frame.filename.rsplit('livercalc_desktop', 1)[-1]}:{frame.lineno} in {frame.name}" for frame in frames),
    ]
    return "\n".join(lines)


# The dialog is in the window's language; the report itself stays in English for support.
SAVED = QT_TRANSLATE_NOOP("CrashReport", "Your work is autosaved.")
NOT_SAVED = QT_TRANSLATE_NOOP(
    "CrashReport",
    "Your latest changes could not be autosaved: if the window still responds, save the case "
    "now (File, Save as) under a new name.",
)


def install_excepthook(dialogs: Dialogs, protect: Callable[[], bool]) -> None:
    """Show unexpected errors instead of letting Qt print them and carry on silently.

    ``protect`` autosaves every open case and says whether that worked, so the dialog only
    promises that the work is safe when it is.
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report = crash_report(exc_type, tb)
        log.error("unexpected error\n%s", report)
        try:
            saved = protect()
        except Exception:
            saved = False
        dialogs.report(
            None,
            QCoreApplication.translate("CrashReport", "Something went wrong"),
            QCoreApplication.translate(
                "CrashReport",
                "LiverCalc hit an unexpected error. {autosave} Please copy this report "
                "(it holds no patient details) and send it to your support contact.",
            ).format(autosave=QCoreApplication.translate("CrashReport", str(SAVED if saved else NOT_SAVED))),
            report,
        )

    sys.excepthook = hook
