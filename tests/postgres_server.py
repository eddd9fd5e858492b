"""A throw-away PostgreSQL server for the test session, run as an unprivileged user.

PostgreSQL refuses to run as root, and CI runs as root, so the server runs as a system
user made for the purpose (``livercalc-pgtest``), in a temporary folder it owns, listening
on 127.0.0.1 on a free port. Nothing is installed here: ``.ci/run`` installs the binaries.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.system_tools import system_tool

TEST_USER = "livercalc-pgtest"
SKIP_VARIABLE = "LIVERCALC_SKIP_POSTGRES"


class PostgresMissing(RuntimeError):
    """The server binaries are not installed."""


def find_binaries() -> Path:
    """Return the folder holding initdb and pg_ctl (newest Debian version first)."""
    candidates = [os.environ.get("LIVERCALC_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    found = shutil.which("pg_ctl")
    candidates.append(str(Path(found).resolve().parent) if found else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise PostgresMissing(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package "
        f"(.ci/run does), or set {SKIP_VARIABLE}=1 to skip the PostgreSQL half of the register tests locally"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _system_tool(name: str) -> str:
    """Find an administration tool (useradd, runuser), also outside PATH; raise ``PostgresMissing``."""
    found = system_tool(name)
    if found is None:
        raise PostgresMissing(f"{name} not found: it is needed to run the test server as an unprivileged user")
    return found


def _ensure_user() -> str | None:
    """Return the user to run the server as (None: the current user, who is not root)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            [_system_tool("useradd"), "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True,
            capture_output=True,
        )
    return TEST_USER


@dataclass
class PostgresServer:
    """A running server; ``url(database)`` gives a SQLAlchemy URL for one database on it."""

    binaries: Path
    folder: Path
    port: int
    user: str | None
    superuser: str = "livercalc"

    @classmethod
    def start(cls) -> PostgresServer:
        binaries = find_binaries()
        user = _ensure_user()
        folder = Path(tempfile.mkdtemp(prefix="livercalc-pg-"))
        if user is not None:
            entry = pwd.getpwnam(user)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        server = cls(binaries=binaries, folder=folder, port=_free_port(), user=user)
        server._run(
            "initdb",
            "-D",
            str(folder / "data"),
            "-U",
            server.superuser,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} -c fsync=off -c max_connections=50"
        server._run(
            "pg_ctl",
            "-D",
            str(folder / "data"),
            "-l",
            str(folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        return server

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.binaries / tool), *args]
        if self.user is not None:
            command = [_system_tool("runuser"), "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=self.folder)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}\n{tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def admin_conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} user={self.superuser} dbname=postgres"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
