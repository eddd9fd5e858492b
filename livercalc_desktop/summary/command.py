"""The ``summary`` subcommand: the clinician summary as a PDF file or as text on stdout.

It registers itself on the CLI's parser, so the CLI module only names it; errors and
exit codes are the CLI's own, exactly as for ``export``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.errors import LeafletError, printable
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.leaflet.letterhead import clinic_from_options
from livercalc_desktop.output_paths import output_file

EXIT_OK = 0


def add_summary_parser(commands: Any) -> None:
    """Add ``summary`` to the subcommand parsers (``commands`` is argparse's subparsers action)."""
    cmd = commands.add_parser("summary", help="write the clinician summary (PDF) or print the note for the record")
    cmd.add_argument("case", type=Path, help="case file (JSON)")
    out = cmd.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", type=output_file, help="PDF file to write")
    out.add_argument("--text", action="store_true", help="print the note for the record (plain text, 80 columns)")
    cmd.add_argument("--ascii", action="store_true", help="with --text: ASCII characters only")
    cmd.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    cmd.add_argument("--clinic", default="", help="clinic name for the letterhead")
    cmd.add_argument("--contact", default="", help="clinic contact line for the letterhead")
    cmd.add_argument("--logo", type=Path, help="clinic logo (PNG or JPEG, at most 1 MB)")


def run_summary(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    """Write the PDF or print the note; user mistakes raise ``LivercalcError`` for the CLI to report."""
    from livercalc_desktop.summary.export import export_summary_file, summary_text

    if args.ascii and not args.text:
        raise LeafletError("--ascii: applies to the note (--text), not to the PDF")
    clinic = clinic_from_options(args.clinic, args.contact, args.logo, output=args.output)  # fails before any work
    case = read_case_file(args.case, pathway)
    if args.text:
        out.write(summary_text(case, pathway, ascii_only=args.ascii, clinic=clinic))
        return EXIT_OK
    export_summary_file(case, pathway, args.output, paper=args.paper, clinic=clinic, source=args.case)
    out.write(f"wrote {printable(str(args.output))}\n")
    return EXIT_OK
