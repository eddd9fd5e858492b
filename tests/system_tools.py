"""Find the system administration tools the test servers need (useradd, runuser, lpadmin).

The Quick start test command runs with PATH=/usr/local/bin:/usr/bin:/bin, which leaves out
the sbin folders these tools live in on Debian, so they are also looked for there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

_SBIN = (Path("/usr/sbin"), Path("/sbin"))


def system_tool(name: str) -> str | None:
    """Return the path of ``name`` on PATH or in an sbin folder, or None."""
    return shutil.which(name) or next((str(f / name) for f in _SBIN if (f / name).is_file()), None)
