"""Write files so that a failure never leaves a half-written or damaged file.

The data goes to a temporary file in the target folder (owner-only, 0600), is flushed to
disk, then replaces the target in one step, and the folder itself is flushed so the rename
survives a power cut. If anything fails the temporary file is removed and the previous file
is untouched; a temporary file left by a killed process is removed by a later write to the
same folder.

Only a regular, writable file (or a new name) is ever replaced: a symbolic link, a device,
a pipe, a folder or a read-only file at the target is refused, because replacing it would
silently destroy something the user did not mean to overwrite.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from livercalc_desktop.bounded_read import os_reason
from livercalc_desktop.domain.errors import LivercalcError, printable

NEW_FILE_MODE = 0o600
"""Permissions of a new file: case files and leaflets both hold a patient's name and findings,
so only their owner may read them; sharing one is the user's deliberate act, not a umask's."""

TEMP_PREFIX, TEMP_SUFFIX = ".livercalc-", ".tmp"
STALE_TEMP_SECONDS = 15 * 60
"""A temporary file this old belongs to a write that was killed: writes take well under a second."""

_OUR_TEMP = re.compile(re.escape(TEMP_PREFIX) + r"[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def shown_file(path: Path) -> str:
    """Return a path fit for a message: printable, and a very long one shortened in the middle."""
    text = printable(str(path))
    return text if len(text) <= 120 else f"{text[:60]}…{text[-59:]}"


def _is_read_only(path: Path, mode: int) -> bool:
    # Root passes os.access whatever the mode, so a file nobody may write counts as read-only too.
    return not mode & 0o222 or not os.access(path, os.W_OK)


def same_file(one: Path, other: Path) -> bool:
    """Tell whether two paths name one file (however spelt, or hard-linked); False if either is missing."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is missing: they cannot be the same file
        return False


def check_target(path: Path, error: type[LivercalcError], protect: Path | None = None) -> int | None:
    """Refuse a target that must not be replaced; return its permissions, or None for a new file.

    ``protect`` is the file the data comes from (the case a leaflet is made of): it is never
    the target, however the target is spelled (another relative path, a hard link).
    """
    name = shown_file(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error(f"cannot write {name}: {os_reason(exc)}") from exc
    if stat.S_ISLNK(info.st_mode):
        raise error(f"will not write {name}: it is a symbolic link; choose the file it points to or a new name")
    if stat.S_ISDIR(info.st_mode):
        raise error(f"cannot write {name}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"will not write {name}: it is not a regular file (a device, pipe or socket)")
    if _is_read_only(path, info.st_mode):
        raise error(f"will not write {name}: the file is read-only")
    if protect is not None and same_file(path, protect):
        raise error(f"will not write {name}: it is the case file itself; choose another name")
    return info.st_mode & 0o777


_swept: set[str] = set()


def remove_stale_temps(folder: Path, max_age: float = STALE_TEMP_SECONDS) -> None:
    """Delete our own temporary files older than ``max_age`` seconds in ``folder``.

    Only names this module makes, only regular files, only those owned by this user: a file
    of any other shape is not ours to delete. Failures are ignored; this is housekeeping.
    """
    cutoff = time.time() - max_age
    uid = os.getuid() if hasattr(os, "getuid") else None
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _OUR_TEMP.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                ours = uid is None or info.st_uid == uid
                if stat.S_ISREG(info.st_mode) and ours and info.st_mtime < cutoff:
                    os.unlink(entry.path)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry, so the rename itself is on disk (POSIX; a no-op elsewhere)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_atomically(
    path: Path,
    data: bytes,
    error: type[LivercalcError],
    *,
    protect: Path | None = None,
    new_mode: int = NEW_FILE_MODE,
) -> None:
    """Write ``data`` to ``path`` atomically; raise ``error`` with a plain message on failure.

    The target is checked first (``check_target``): pass the source case file as ``protect``.
    A new file gets ``new_mode`` (owner-only unless said otherwise); a replaced one keeps its mode.
    """
    folder = path.parent if str(path.parent) else Path(".")
    name = shown_file(path)
    mode = check_target(path, error, protect)
    if str(folder.resolve()) not in _swept:  # once per folder and process: autosaves stay cheap
        remove_stale_temps(folder)
        _swept.add(str(folder.resolve()))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)  # 0600
    except OSError as exc:
        raise error(f"cannot write {name}: {os_reason(exc)}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, new_mode if mode is None else mode)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise error(f"cannot write {name}: {os_reason(exc)}") from exc
    _sync_folder(folder)


def export_built(path: Path, build: Callable[[], bytes], error: type[LivercalcError], *, source: Path | None) -> None:
    """Check the target, then build and write a document (leaflet, summary) atomically.

    ``source`` is the case file the document comes from: it is never overwritten, however the
    target is spelled (another relative path, a hard link). The target is checked before the
    document is built, so a wrong target fails at once, not after the work.
    """
    check_target(path, error, protect=source)
    write_atomically(path, build(), error, protect=source)
