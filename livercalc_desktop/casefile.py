"""Case files on disk: UTF-8 JSON, format 1, saved atomically.

Reading is bounded: only a regular file is opened for reading (a FIFO would block forever,
a device would never end), at most ``CASE_FILE_MAX_BYTES`` are read, and JSON that is
nested too deeply or holds absurdly long numbers is a user error, not an internal fault.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.bounded_read import read_bounded
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import CaseFileError, clipped
from livercalc_desktop.domain.validation import case_to_data, text_problem
from livercalc_desktop.knowledge.pathway import Pathway

CASE_FILE_MAX_BYTES = 1024 * 1024
"""A real case file is a few kilobytes; 1 MiB leaves room for every field at its longest."""


def new_file_tag() -> str:
    """Return a short random tag, so two cases scanned on the same day get different default names."""
    return secrets.token_hex(3)


def default_file_name(kind: str, case: Case, tag: str, extension: str) -> str:
    """Return ``liver-<kind>-<scan date>-<tag>.<extension>``: the scan date and a tag, never patient data."""
    return f"liver-{kind}-{case.get('exam.date') or 'undated'}-{tag}.{extension}"


_NUMBER_DIGITS_MAX = 30
"""Integers longer than this are read as floats (so range checks name the field instead of
Python refusing to convert 5,000 digits, or a message failing to print them)."""


def _read_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= _NUMBER_DIGITS_MAX else float(digits)


def parse_case_text(
    text: str, pathway: Pathway, source: str, today: dt.date | None = None, *, partial: bool = False
) -> Case:
    """Parse case JSON text; raises ``CaseFileError`` or ``CaseInvalid``.

    ``partial`` accepts a case still missing required fields (the window opens unfinished work).
    """
    return pathway.parser.parse(load_case_json(text, source), today, partial=partial)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Build a JSON object, refusing a key given twice.

    JSON readers disagree on which of two "lesion" objects counts (Python keeps the last,
    others the first), so such a file could mean a liver mass to one program and nothing
    to another: it is refused rather than read one way.
    """
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def load_case_json(text: str, source: str) -> object:
    """Parse the JSON of a case (or outcome) file; any malformed or hostile JSON is a ``CaseFileError``.

    Every reader of such files goes through here (the register too), so JSON nested too
    deeply, numbers too long to convert or a key given twice are a named user error, never
    an internal fault or a silent choice.
    """
    source = clipped(source)
    try:
        return json.loads(text, parse_int=_read_int, object_pairs_hook=_object)
    except _DuplicateKey as exc:
        raise CaseFileError(
            f'{source} is not a case file: the key "{clipped(exc.key)}" appears twice in one object; keep one'
        ) from exc
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"{source} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise CaseFileError(f"{source} is not a case file: its JSON is nested too deeply") from exc


def read_text(path: Path) -> str:
    """Read a UTF-8 JSON file's text (a regular file, bounded in size); raises ``CaseFileError`` naming the file."""
    raw = read_bounded(path, CASE_FILE_MAX_BYTES, "case file", CaseFileError)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path.name} is not UTF-8 text (byte {exc.start})") from exc


def read_case_file(path: Path, pathway: Pathway, today: dt.date | None = None, *, partial: bool = False) -> Case:
    """Read and validate a case file."""
    return parse_case_text(read_text(path), pathway, path.name, today, partial=partial)


def case_json(case: Case, pathway: Pathway) -> str:
    """Return the case as pretty, UTF-8 friendly JSON text."""
    return json.dumps(case_to_data(case, pathway.schema), ensure_ascii=False, indent=2) + "\n"


def _unsavable_field(case: Case) -> str:
    """Return the path of the first text that cannot be written as UTF-8 (see ``text_problem``)."""
    texts = [(path, v) for path, v in case.values.items() if isinstance(v, str)]
    texts += [(f"workup.{item}.detail", entry.detail) for item, entry in case.workup.items()]
    return next((path for path, text in texts if text_problem(text)), "a text field")


def write_case_file(path: Path, case: Case, pathway: Pathway) -> None:
    """Save a case atomically; the previous file survives any failure."""
    try:
        data = case_json(case, pathway).encode("utf-8")
    except UnicodeEncodeError as exc:
        # Loading refuses such text; this only catches a front end that skipped the check.
        field = _unsavable_field(case)
        raise CaseFileError(f"{field}: holds a character that is not valid text; retype it") from exc
    write_atomically(path, data, CaseFileError)
