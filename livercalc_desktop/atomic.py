"""Write files so that a failure never leaves a half-written or damaged file.

The data goes to a temporary file in the target folder, is flushed to disk, then replaces
the target in one step. If anything fails the temporary file is removed and the previous
file is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from livercalc_desktop.domain.errors import LivercalcError


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _final_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applied)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, data: bytes, error: type[LivercalcError]) -> None:
    """Write ``data`` to ``path`` atomically; raise ``error`` with a plain message on failure."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(f"cannot write {path}: it is a folder")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".livercalc-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, _final_mode(path))
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise error(f"cannot write {path}: {_reason(exc)}") from exc
