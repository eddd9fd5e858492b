"""``livercalc-desktop register ...``: the case register from the command line.

Same exit codes as the rest of the CLI: 0 ok, 2 bad input (the message names the argument
or field), 1 a fault (the database is locked, unreachable, newer than this app, or someone
else saved first), with nothing partial written. Listings show register ids, dates and
categories, never names or hospital numbers; ``show`` prints the case itself because it
was asked for by id.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from livercalc_desktop.casefile import read_text
from livercalc_desktop.cli import EXIT_FAULT, EXIT_INPUT, EXIT_OK, PROG, _Parser
from livercalc_desktop.domain.errors import CaseInvalid, LivercalcError, printable
from livercalc_desktop.domain.validation import parse_date
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.register.audit import audit_table, audit_text
from livercalc_desktop.register.audit_pdf import write_audit_pdf
from livercalc_desktop.register.errors import RegisterFault, RegisterInputError
from livercalc_desktop.register.export import export_rows, write_csv, write_redcap
from livercalc_desktop.register.folder_import import import_folder
from livercalc_desktop.register.location import URL_VARIABLE
from livercalc_desktop.register.store import CaseRow, Register, Search

NAME = f"{PROG} register"


def _date(field: str) -> Callable[[str], dt.date]:
    def parse(text: str) -> dt.date:
        value = parse_date(text)
        if value is None:
            raise RegisterInputError(f"{field}: must be a date written YYYY-MM-DD, got {text[:40]!r}")
        return value

    return parse


def _case_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise RegisterInputError(f"ID: must be a case number from 'register list', got {text[:40]!r}")
    return int(text)


def parser() -> _Parser:
    """Build the ``register`` argument parser."""
    top = _Parser(prog=NAME, description="The case register: every case, its revisions and its outcome.")
    top.add_argument(
        "--database",
        default="",
        metavar="URL",
        help=f"register URL (default: ${URL_VARIABLE}, else the register file in your data folder)",
    )
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add = commands.add_parser("add", help="store a case file as a new case")
    add.add_argument("case", type=Path, help="case file (JSON)")
    listing = commands.add_parser("list", help="list cases, newest scan first")
    listing.add_argument("--due", action="store_true", help="only cases whose outcome is due (4 weeks past due date)")
    listing.add_argument("--category", default="", help="only this category id")
    listing.add_argument("--from", dest="scan_from", type=_date("--from"), help="scans on or after YYYY-MM-DD")
    listing.add_argument("--to", dest="scan_to", type=_date("--to"), help="scans on or before YYYY-MM-DD")
    listing.add_argument("--withdrawn", action="store_true", help="include withdrawn cases")
    show = commands.add_parser("show", help="print a case's history, outcome and latest case JSON")
    show.add_argument("id", type=_case_id, metavar="ID")
    outcome = commands.add_parser("outcome", help="record the outcome of a case")
    outcome.add_argument("id", type=_case_id, metavar="ID")
    outcome.add_argument("outcome", type=Path, metavar="OUTCOME.json")
    withdraw = commands.add_parser("withdraw", help="withdraw a case, giving a reason (its history stays)")
    withdraw.add_argument("id", type=_case_id, metavar="ID")
    withdraw.add_argument("--reason", required=True, help="why, in a few words (no patient details)")
    folder = commands.add_parser("import", help="add every new, valid case file in a folder")
    folder.add_argument("folder", type=Path, metavar="FOLDER")
    export = commands.add_parser("export", help="write a de-identified CSV, or REDCap files")
    export.add_argument("--format", required=True, choices=("csv", "redcap"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    export.add_argument(
        "--identified", action="store_true", help="csv only: include names, hospital numbers, dates and notes"
    )
    export.add_argument("--from", dest="scan_from", type=_date("--from"), help="scans on or after YYYY-MM-DD")
    export.add_argument("--to", dest="scan_to", type=_date("--to"), help="scans on or before YYYY-MM-DD")
    audit = commands.add_parser("audit", help="count categories against outcomes")
    audit.add_argument("--from", dest="scan_from", type=_date("--from"), help="scans on or after YYYY-MM-DD")
    audit.add_argument("--to", dest="scan_to", type=_date("--to"), help="scans on or before YYYY-MM-DD")
    audit.add_argument("--pdf", type=Path, metavar="FILE", help="also write the table as a PDF page")
    return top


def _row_line(row: CaseRow) -> str:
    outcome = "recorded" if row.outcome_recorded else "none"
    state = " (withdrawn)" if row.withdrawn else ""
    urgent = " urgent" if row.urgent else ""
    return (
        f"{row.case_id:>6}  {row.scan_date}  {row.due_date}  {row.category}{urgent}{state}  "
        f"revision {row.number}  outcome {outcome}\n"
    )


def _list(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    if args.category and args.category not in {c.id for c in register.pathway.kb.categories}:
        ids = ", ".join(c.id for c in register.pathway.kb.categories)
        raise RegisterInputError(f"--category: must be one of {ids}; got {args.category[:40]!r}")
    rows = register.search(
        Search(
            category=args.category,
            scan_from=args.scan_from,
            scan_to=args.scan_to,
            outcome_due=args.due,
            include_withdrawn=args.withdrawn,
        )
    )
    out.write(f"{'case':>6}  scan        due         category\n")
    out.writelines(_row_line(row) for row in rows)
    out.write(f"{len(rows)} case(s)\n")
    return EXIT_OK


def _add(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    case_id = register.add(read_text(args.case), args.case.name)
    out.write(f"added case {case_id}: {register.latest(case_id).summary.category}\n")
    return EXIT_OK


def _show(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    history = register.history(args.id)
    out.write(f"Case {args.id}\n\nRevisions:\n")
    for rev in history:
        why = f" — withdrawn: {printable(rev.reason)}" if rev.reason else ""
        out.write(
            f"  {rev.number}  {rev.recorded_at:%Y-%m-%d %H:%M} UTC  {rev.recorded_by} on {rev.workstation}  "
            f"{rev.summary.category} ({rev.summary.level}), knowledge base {rev.summary.kb_version}{why}\n"
        )
    records = register.outcomes(args.id)
    out.write("\nOutcome:" + (" none recorded\n" if not records else "\n"))
    for record in records:
        fetus = f"fetus {record.fetus}: " if record.fetus else ""
        groups = ", ".join(record.diagnosis_groups) or "no diagnosis recorded"
        out.write(f"  {fetus}{record.pregnancy_outcome}; {groups} (record {record.number})\n")
    # The JSON is stored as given: a raw C1 control or a bidirectional override may be in it.
    out.write("\nLatest case JSON:\n" + printable(history[-1].case_json.rstrip("\n")) + "\n")
    return EXIT_OK


def _outcome(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    number = register.record_outcome(args.id, read_text(args.outcome), args.outcome.name)
    out.write(f"recorded outcome {number} for case {args.id}\n")
    return EXIT_OK


def _withdraw(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    number = register.withdraw(args.id, register.latest(args.id).number, args.reason)
    out.write(f"withdrew case {args.id} (revision {number})\n")
    return EXIT_OK


def _import(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    summary = import_folder(register, args.folder)
    out.write(f"added {len(summary.added)} case(s); skipped {len(summary.skipped)} file(s)\n")
    out.writelines(f"  skipped {printable(item.file)}: {printable(item.reason)}\n" for item in summary.skipped)
    return EXIT_OK


def _export(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    if args.identified and args.format != "csv":
        raise RegisterInputError("--identified: only with --format csv; REDCap files are always de-identified")
    rows = export_rows(register, args.scan_from, args.scan_to)
    paths: tuple[Path, ...]
    if args.format == "redcap":
        paths = write_redcap(register, args.output, rows)
    else:
        paths = (write_csv(register, args.output, rows, identified=args.identified),)
    if args.identified:
        out.write("WARNING: this export holds names, hospital numbers, dates and notes. Keep it as patient data.\n")
    out.writelines(f"wrote {path}\n" for path in paths)
    out.write(f"{len(rows)} record(s)\n")
    return EXIT_OK


def _audit(args: argparse.Namespace, register: Register, out: TextIO) -> int:
    table = audit_table(register, args.scan_from, args.scan_to)
    out.write(audit_text(table))
    if args.pdf:
        write_audit_pdf(table, args.pdf)
        out.write(f"wrote {args.pdf}\n")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, Register, TextIO], int]] = {
    "add": _add,
    "list": _list,
    "show": _show,
    "outcome": _outcome,
    "withdraw": _withdraw,
    "import": _import,
    "export": _export,
    "audit": _audit,
}


def run_register(
    argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr, pathway: Pathway | None = None
) -> int:
    """Run one register command; returns the exit code."""
    try:
        args = parser().parse_args(list(argv))
        pathway = pathway or load_pathway(bundled_pathway_folder())
        with Register.open(pathway, args.database, say=lambda text: print(text, file=err)) as register:
            return _COMMANDS[args.command](args, register, out)
    except CaseInvalid as exc:
        err.write(f"{NAME}: the file has {len(exc.problems)} problem(s):\n")
        err.writelines(f"  {printable(str(problem))}\n" for problem in exc.problems)
        return EXIT_INPUT
    except LivercalcError as exc:
        err.write(f"{NAME}: {printable(exc.message)}\n")
        return EXIT_INPUT
    except RegisterFault as exc:
        err.write(f"{NAME}: {printable(exc.message)}\n")
        return EXIT_FAULT
