"""Import a folder of case files: add what is valid and new, say what was skipped and why.

Files are read in name order. A file is skipped if it cannot be read, is not a valid case
(the first problem is given; problems never repeat free text), or holds exactly the content
of a revision already in the register (or of an earlier file in the folder). Valid files
are stored in batches, each batch one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from livercalc_desktop.casefile import read_text
from livercalc_desktop.domain.errors import CaseInvalid, LivercalcError
from livercalc_desktop.register.documents import read_case
from livercalc_desktop.register.errors import RegisterInputError
from livercalc_desktop.register.store import Register

BATCH = 200


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not imported, and why."""

    file: str
    reason: str


@dataclass
class ImportSummary:
    """What an import did."""

    added: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _reason(exc: LivercalcError) -> str:
    if isinstance(exc, CaseInvalid):
        more = len(exc.problems) - 1
        return f"not a valid case: {exc.problems[0]}" + (f" (and {more} more problem(s))" if more else "")
    return exc.message


def import_folder(
    register: Register, folder: Path, progress: Callable[[int, int], None] = lambda _done, _total: None
) -> ImportSummary:
    """Import every ``*.json`` file in ``folder``; ``progress(done, total)`` after each file."""
    if not folder.is_dir():
        raise RegisterInputError(f"FOLDER: {folder} is not a folder")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
    summary, batch, seen = ImportSummary(), [], set[str]()
    for done, path in enumerate(files, 1):
        try:
            document = read_case(read_text(path), register.pathway, path.name)
        except LivercalcError as exc:
            summary.skipped.append(Skipped(path.name, _reason(exc)))
        else:
            if document.sha256 in seen or register.contains_content(document.sha256):
                summary.skipped.append(Skipped(path.name, "already in the register (same content)"))
            else:
                seen.add(document.sha256)
                batch.append(document)
        if len(batch) >= BATCH or (done == len(files) and batch):
            summary.added += register.add_many(batch)
            batch = []
        progress(done, len(files))
    return summary
