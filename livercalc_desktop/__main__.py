"""Entry point: ``livercalc-desktop`` and ``python -m livercalc_desktop``.

Subcommands go to the Qt-free CLI; everything else opens the window. Qt is imported only
on the GUI branch, so headless commands start fast and work without a display.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

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


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        return run_subcommand(argv)
    parser = gui_parser()
    args = parser.parse_args(argv)
    if args.case is not None and not args.case.exists():
        # A typo such as "asess" must not fall through to the window (which, with no display,
        # aborts with 134): a name that is neither a subcommand nor a file is a usage error.
        raise UsageError(
            f'"{clipped(str(args.case))}" is neither a subcommand ({", ".join(SUBCOMMANDS)}) nor an existing file\n'
            f"{parser.format_usage().strip()}"
        )
    if args.version:
        print(version_text(load_pathway(bundled_pathway_folder())))
        return EXIT_OK
    # Imported by name so the headless commands above never load Qt.
    gui_app = importlib.import_module("livercalc_desktop.gui.app")
    result: int = gui_app.main(case_path=args.case, self_test=args.self_test)
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
