"""The headless command line: assess, validate and export case files.

It shares the whole pipeline with the GUI and never imports Qt, so it runs on a server, in
CI or in a frozen bundle with no display. Exit codes: 0 ok, 2 bad input or usage (with a
message naming the field), 1 an internal fault.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from livercalc_desktop import __version__
from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.errors import CaseInvalid, LivercalcError, printable
from livercalc_desktop.engine.assessment import NOT_RECORDED, SOURCE_WORDS, Assessment, ChecklistEntry
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.output_paths import output_file

EXIT_OK, EXIT_FAULT, EXIT_INPUT = 0, 1, 2
SUBCOMMANDS = ("assess", "validate", "export", "summary", "translations", "register")
PROG = "livercalc-desktop"


class UsageError(LivercalcError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` owns every exit code."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def review_words(pathway: Pathway) -> str:
    """Say how the content's review stands: a draft never reads as "reviewed" (review m24)."""
    meta = pathway.kb.meta
    if meta.review_status == "draft":
        return f"draft, awaiting clinical review (dated {meta.reviewed})"
    return f"reviewed {meta.reviewed}"


def version_text(pathway: Pathway) -> str:
    meta = pathway.kb.meta
    return f"{PROG} {__version__} (knowledge base {meta.content_version}, {review_words(pathway)})"


def _priority(entry: ChecklistEntry) -> str:
    """Give the priority; an item shown only because a status is recorded or implied is not advice (m17b)."""
    return entry.priority.value if entry.indicated else "not-indicated"


def assessment_data(assessment: Assessment, pathway: Pathway) -> dict[str, object]:
    """Return the JSON shape of an assessment (documented in the README)."""
    return {
        "category": assessment.category,
        "category_label": assessment.category_label,
        "level": assessment.level.value,
        "urgent": assessment.urgent,
        "flags": list(assessment.flags),
        "rationale": [
            {"rule": r.rule, "label": r.label, "text": r.text, "facts": list(r.facts), "references": list(r.references)}
            for r in assessment.rationale
        ],
        "checklist": [
            {
                "id": e.id,
                "kind": e.kind,
                "label": e.label,
                "priority": _priority(e),
                "indicated": e.indicated,
                "status": e.status,
                "status_from_scan": e.status_from_scan,
                "implied_from": e.implied_from or None,
                "detail": e.detail,
                "date": e.date,
                "basis": e.basis,
                "facts": list(e.facts),
                "references": list(e.references),
            }
            for e in assessment.checklist
        ],
        "terms": list(assessment.terms),
        "knowledge_base": {
            "version": assessment.kb_version,
            "reviewed": assessment.kb_reviewed,
            "status": pathway.kb.meta.review_status,
        },
    }


def _print_assessment(assessment: Assessment, pathway: Pathway, out: TextIO) -> None:
    refs = pathway.kb.references
    if assessment.urgent:
        out.write("URGENT: fetal-medicine review within 1-2 days\n")
    out.write(f"Category: {assessment.category_label} ({assessment.category}), level {assessment.level.value}\n")
    out.write(f"Flags: {', '.join(assessment.flags) or 'none'}\n\nWhy:\n")
    for reason in assessment.rationale:
        cited = "; ".join(refs[r].short for r in reason.references) or "workflow rule, no publication"
        out.write(f"  - {reason.label}: {reason.text} [{cited}]\n")
        for fact in reason.facts:
            out.write(f"      recorded: {fact}\n")
    out.write("\nChecklist:\n")
    for entry in assessment.checklist:
        status = pathway.schema.status_label(entry.status) if entry.status != NOT_RECORDED else "not recorded"
        source = f" ({SOURCE_WORDS[entry.implied_from]})" if entry.implied_from else ""
        detail = f": {entry.detail}" if entry.detail else ""
        dated = f", {entry.date}" if entry.date else ""
        out.write(f"  [{_priority(entry):<13}] {entry.label}: {status.lower()}{source}{detail}{dated}\n")
        out.write(f"      because: {entry.basis}\n")
        for fact in entry.facts:
            out.write(f"      recorded: {fact}\n")
    out.write(f"\nKnowledge base {assessment.kb_version}, {review_words(pathway)}\n")


def _cmd_assess(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    assessment = assess(read_case_file(args.case, pathway), pathway)
    if args.json:
        out.write(json.dumps(assessment_data(assessment, pathway), ensure_ascii=False, indent=2) + "\n")
    else:
        text = io.StringIO()
        _print_assessment(assessment, pathway, text)
        out.write(printable(text.getvalue()))  # typed result notes must not drive the terminal
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    read_case_file(args.case, pathway)
    out.write(f"{printable(args.case.name)}: valid case file (format {pathway.schema.version})\n")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    from livercalc_desktop.leaflet.export import export_leaflet_file
    from livercalc_desktop.leaflet.letterhead import clinic_from_options

    clinic = clinic_from_options(args.clinic, args.contact, args.logo, output=args.output)  # fails before any work
    case = read_case_file(args.case, pathway)
    export_leaflet_file(
        case, pathway, args.output, paper=args.paper, clinic=clinic, source=args.case, english_copy=args.english_copy
    )
    out.write(f"wrote {printable(str(args.output))}\n")
    return EXIT_OK


def _subcommand_parser() -> _Parser:
    # Imported here, not at the top: the window starts through this module and never needs
    # them (the translations workflow alone loads Babel and its locale data).
    from livercalc_desktop import translations_cli
    from livercalc_desktop.leaflet.letterhead import CLINIC_TEXT_MAX
    from livercalc_desktop.summary.command import add_summary_parser

    parser = _Parser(prog=PROG, description="Assess, check or export a fetal liver calcification case file.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    assess_cmd = commands.add_parser("assess", help="print the category, reasons and checklist")
    assess_cmd.add_argument("case", type=Path, help="case file (JSON)")
    assess_cmd.add_argument("--json", action="store_true", help="print machine-readable JSON")
    validate_cmd = commands.add_parser("validate", help="list every problem in a case file")
    validate_cmd.add_argument("case", type=Path, help="case file (JSON)")
    export_cmd = commands.add_parser("export", help="write the patient leaflet (PDF)")
    export_cmd.add_argument("case", type=Path, help="case file (JSON)")
    export_cmd.add_argument("-o", "--output", type=output_file, required=True, help="PDF file to write")
    export_cmd.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    limit = f"at most {CLINIC_TEXT_MAX} characters"
    export_cmd.add_argument("--clinic", default="", help=f"clinic name printed on the leaflet ({limit})")
    export_cmd.add_argument("--contact", default="", help=f"clinic contact line printed on the leaflet ({limit})")
    export_cmd.add_argument("--logo", type=Path, help="clinic logo (PNG or JPEG, at most 1 MB)")
    export_cmd.add_argument(
        "--english-copy", action="store_true", help="add the English leaflet after a translated one"
    )
    add_summary_parser(commands)
    translations_cli.add_parser(commands)
    return parser


def gui_parser() -> _Parser:
    """Arguments accepted when no subcommand is given (the GUI's)."""
    parser = _Parser(
        prog=PROG,
        description=f"Open the counselling window. Subcommands: {', '.join(SUBCOMMANDS)} (see 'SUBCOMMAND --help').",
    )
    parser.add_argument("case", nargs="?", type=Path, help="case file to open")
    parser.add_argument("--version", action="store_true", help="print the app and knowledge-base versions")
    parser.add_argument("--self-test", action="store_true", help="open a demo case, check the window, exit")
    return parser


def _cmd_summary(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    from livercalc_desktop.summary.command import run_summary

    return run_summary(args, pathway, out)


def _cmd_translations(args: argparse.Namespace, pathway: Pathway, out: TextIO) -> int:
    from livercalc_desktop import translations_cli

    return translations_cli.run(args, pathway, out)


_COMMANDS: dict[str, Callable[[argparse.Namespace, Pathway, TextIO], int]] = {
    "assess": _cmd_assess,
    "validate": _cmd_validate,
    "export": _cmd_export,
    "summary": _cmd_summary,
    "translations": _cmd_translations,
}


def run_subcommand(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run a subcommand (``SUBCOMMANDS``); returns the exit code."""
    if argv and argv[0] == "register":  # own module; loads the database layer only when used
        from livercalc_desktop.register_command import run_register

        return run_register(argv[1:], out, err)
    try:
        args = _subcommand_parser().parse_args(list(argv))
        pathway = load_pathway(bundled_pathway_folder())
        return _COMMANDS[args.command](args, pathway, out)
    except CaseInvalid as exc:
        err.write(f"{PROG}: the case file has {len(exc.problems)} problem(s):\n")
        err.writelines(f"  {printable(str(problem))}\n" for problem in exc.problems)
        return EXIT_INPUT
    except LivercalcError as exc:
        err.write(f"{PROG}: {printable(exc.message)}\n")
        return EXIT_INPUT
