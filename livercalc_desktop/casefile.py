"""Case files on disk: UTF-8 JSON, format 1, saved atomically."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import CaseFileError
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.knowledge.pathway import Pathway


def parse_case_text(text: str, pathway: Pathway, source: str, today: dt.date | None = None) -> Case:
    """Parse case JSON text; raises ``CaseFileError`` or ``CaseInvalid``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"{source} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    return pathway.parser.parse(data, today)


def read_text(path: Path) -> str:
    """Read a UTF-8 JSON file's text; raises ``CaseFileError`` naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise CaseFileError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise CaseFileError(f"{path}: is a folder, not a case file") from exc
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path.name} is not UTF-8 text (byte {exc.start})") from exc


def read_case_file(path: Path, pathway: Pathway, today: dt.date | None = None) -> Case:
    """Read and validate a case file."""
    return parse_case_text(read_text(path), pathway, path.name, today)


def case_json(case: Case, pathway: Pathway) -> str:
    """Return the case as pretty, UTF-8 friendly JSON text."""
    return json.dumps(case_to_data(case, pathway.schema), ensure_ascii=False, indent=2) + "\n"


def write_case_file(path: Path, case: Case, pathway: Pathway) -> None:
    """Save a case atomically; the previous file survives any failure."""
    write_atomically(path, case_json(case, pathway).encode("utf-8"), CaseFileError)
