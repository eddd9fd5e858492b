"""Unexpected errors: a dialog with a copyable report that holds no patient data.

The report names the exception type and the code locations only. Exception messages and
local values are left out because they may contain text typed into the case.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from livercalc_desktop import __version__
from livercalc_desktop.gui.dialogs import Dialogs

log = logging.getLogger(__name__)


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Describe an unexpected error by type and code location only."""
    frames = traceback.extract_tb(tb)
    lines = [
        f"LiverCalc Desktop {__version__} on Python {platform.python_version()}, {platform.system()}",
        f"Error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where:",
        *(f"  {frame.filename.rsplit('livercalc_desktop', 1)[-1]}:{frame.lineno} in {frame.name}" for frame in frames),
    ]
    return "\n".join(lines)


def install_excepthook(dialogs: Dialogs) -> None:
    """Show unexpected errors instead of letting Qt print them and carry on silently."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report = crash_report(exc_type, tb)
        log.error("unexpected error\n%s", report)
        dialogs.report(
            None,
            "Something went wrong",
            "LiverCalc hit an unexpected error. Your work is autosaved. Please copy this report "
            "(it holds no patient details) and send it to your support contact.",
            report,
        )

    sys.excepthook = hook
