"""Read a file the user named, safely: a regular file only, and never more than a stated size.

Case files, a translator's .po file and a letterhead logo are all read this way, so a pipe or a
device named by mistake is refused at once instead of blocking the program (a FIFO) or filling
its memory (``/dev/zero``), and a huge file is refused before it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from livercalc_desktop.domain.errors import LivercalcError


def os_reason(exc: OSError) -> str:
    """Return the system's reason for a failed file operation, in lower case to follow a colon."""
    return (exc.strerror or str(exc)).lower()


def read_bounded(path: Path, limit: int, kind: str, error: type[LivercalcError], *, own_file: bool = False) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes, or raise ``error``.

    ``kind`` names the file in messages ("case file", ".po file", "logo"). The file is opened
    without blocking and checked with ``fstat`` on the open handle, so a FIFO, a device or a
    folder is refused before a single byte is read, and a file swapped in between the check
    and the read is still the one checked.

    ``own_file`` is for a file the app wrote itself and trusts (a parsed copy in its cache):
    a symbolic link there is refused instead of followed, and so is a file that anyone but
    this user could have written.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if own_file:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError as exc:
        raise error(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise error(f"{path}: is a folder, not a {kind}") from exc
    except OSError as exc:
        raise error(f"{path}: cannot read: {os_reason(exc)}") from exc
    info = os.fstat(handle)
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a folder, not a {kind}")
        raise error(f"{path}: is not a regular file (a device, pipe or socket); give a {kind}")
    if own_file and not _owner_only(info):
        os.close(handle)
        raise error(f"{path}: others than this user could have written it; it is not read")
    with os.fdopen(handle, "rb") as stream:
        # Ask for the size the file has (read(n) sets aside n bytes), then for more if it grew.
        raw = stream.read(min(info.st_size, limit) + 1)
        if len(raw) > info.st_size:
            raw += stream.read(limit + 1 - len(raw))
    if len(raw) > limit:
        raise error(f"{path.name}: is larger than {limit / 2**20:g} MiB, the most a {kind} may be")
    return raw


def _owner_only(info: os.stat_result) -> bool:
    """Tell whether only this user could have written the file (POSIX; Windows keeps per-user folders)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077
