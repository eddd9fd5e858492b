"""Entry point: ``livercalc-desktop`` and ``python -m livercalc_desktop``.

Subcommands go to the Qt-free CLI; everything else opens the window. Qt is imported only
on the GUI branch, so headless commands start fast and work without a display.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from livercalc_desktop.cli import (
    EXIT_FAULT,
    EXIT_INPUT,
    EXIT_OK,
    PROG,
    SUBCOMMANDS,
    UsageError,
    gui_parser,
    run_subcommand,
    version_text,
)
from livercalc_desktop.domain.errors import LivercalcError, clipped, printable
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway


def _no_display() -> bool:
    """Tell whether Qt would find no screen: on Linux and BSD, with no X11, Wayland or chosen platform plugin."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        return run_subcommand(argv)
    parser = gui_parser()
    # A typo such as "asess" or "expor case.json" must not fall through to the window (which,
    # with no display, aborts with 134): a name that is neither a subcommand nor a file is a usage error.
    first = next((word for word in argv if not word.startswith("-")), None)
    if first is not None and not Path(first).exists():
        import difflib  # only for this message: the window's start-up does without it

        close = difflib.get_close_matches(first, SUBCOMMANDS, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        raise UsageError(
            f'"{clipped(first)}" is neither a subcommand ({", ".join(SUBCOMMANDS)}) nor an existing file{hint}\n'
            f"{parser.format_usage().strip()}"
        )
    args = parser.parse_args(argv)
    if args.version:
        print(version_text(load_pathway(bundled_pathway_folder())))
        return EXIT_OK
    if _no_display() and not args.self_test:  # the self-test runs offscreen by itself
        raise UsageError(
            "no display to open the window on (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset); "
            f"without a screen, use a subcommand: {', '.join(SUBCOMMANDS)} (for example "
            f'"{PROG} validate CASE.json" or "{PROG} export CASE.json -o leaflet.pdf")'
        )
    # The window's modules, knowledge base and widgets live as long as the process: the
    # collector waits until they are built, then leaves them out (gui.app.settle_start_up).
    gc.disable()
    try:
        # Imported by name so the headless commands above never load Qt.
        gui_app = importlib.import_module("livercalc_desktop.gui.app")
        result: int = gui_app.main(case_path=args.case, self_test=args.self_test)
    finally:
        gc.enable()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the process exit code."""
    try:
        return _dispatch(list(sys.argv[1:] if argv is None else argv))
    except LivercalcError as exc:
        print(f"{PROG}: {printable(exc.message)}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:
        if os.environ.get("LIVERCALC_DEBUG"):
            raise
        print(
            f"{PROG}: internal error ({type(exc).__name__}). Nothing was written. "
            "Please report this message to your LiverCalc support contact.",
            file=sys.stderr,
        )
        return EXIT_FAULT


if __name__ == "__main__":
    sys.exit(main())
