"""Parsed copies of the pathway's TOML files, kept between starts of the window.

tomllib is pure Python: parsing the schema, the knowledge base and the bibliography took
~15 ms of every start, where reading their JSON copies takes under 1 ms. Only the parsing is
skipped: the loader checks a copy's tables exactly as it checks freshly parsed ones.

A copy is named by the SHA-256 of the file's bytes and of the app's version, so a changed
file or another version never gets an old copy: the file is parsed again and its copy
replaced. Copies are plain JSON (reading one never runs code) in an owner-only folder and
owner-only files; a copy that cannot be read, that others could have written or that is no
table is ignored and written again. Without a usable cache folder, files are simply parsed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from livercalc_desktop import __version__
from livercalc_desktop.atomic import write_atomically
from livercalc_desktop.bounded_read import read_bounded
from livercalc_desktop.domain.errors import KnowledgeBaseError, LivercalcError
from livercalc_desktop.knowledge.strict_table import parse_toml, toml_bytes

FORMAT = "1"  # bump when what a copy holds changes, so older copies are never read
MAX_COPY_BYTES = 4 * 1024 * 1024  # the knowledge base's copy is ~60 KB; anything far larger is not ours
_COPY = re.compile(r"(?P<stem>.+)-[0-9a-f]{64}\.json")


class ParsedTomlCache:
    """Reads TOML files through their parsed copies in ``folder``."""

    def __init__(self, folder: Path, version: str = __version__) -> None:
        self.folder = folder
        self.version = version

    def read(self, path: Path) -> dict[str, Any]:
        """Return the tables of ``path``: from its copy when there is a sound one, else parsed (and copied)."""
        data = toml_bytes(path)
        key = hashlib.sha256(f"{FORMAT}\0{self.version}\0".encode() + data).hexdigest()
        copy = self.folder / f"{path.stem}-{key}.json"
        tables = _read_copy(copy)
        if tables is None:
            tables = parse_toml(data, path.name)
            self._write_copy(copy, path.stem, tables)
        return tables

    def _write_copy(self, copy: Path, stem: str, tables: dict[str, Any]) -> None:
        """Write the copy and drop older ones of the same file; a cache that cannot be written is no error."""
        try:
            text = json.dumps(tables, ensure_ascii=False)
        except (TypeError, ValueError):  # dates and times have no JSON form: such a file is parsed every time
            return
        with contextlib.suppress(OSError, LivercalcError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                copy.unlink()  # a copy not fit to trust goes: a replaced file would keep its mode
            write_atomically(copy, text.encode("utf-8"), KnowledgeBaseError)
            for old in self.folder.iterdir():
                match = _COPY.fullmatch(old.name)
                if match and match["stem"] == stem and old.name != copy.name:
                    old.unlink()


def _read_copy(copy: Path) -> dict[str, Any] | None:
    """Return a copy's tables, or None when there is no copy fit to trust."""
    # A named pipe there must not hang the start, and a folder, a link or a file others
    # could have written is no copy either: read_bounded refuses them all.
    try:
        data = read_bounded(copy, MAX_COPY_BYTES, "parsed copy", KnowledgeBaseError, own_file=True)
    except (LivercalcError, OSError):
        return None
    try:
        tables = json.loads(data.decode("utf-8"))
    except ValueError:  # not UTF-8 or not JSON: a damaged copy
        return None
    return tables if isinstance(tables, dict) else None
