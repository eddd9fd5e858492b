"""A real CUPS scheduler with a virtual PDF printer, private to the test session.

It runs ``cupsd`` with its own configuration in a temporary folder, listening only on a
Unix socket there, and a queue whose driver is cups-filters' "Generic PDF Printer" and
whose device is a file. A job goes through the real scheduler and filter chain
(pdftopdf: copies, page ranges, duplex marks) and lands as a PDF the test reads back.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.system_tools import system_tool

PPD = Path("/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd")
CUPSD = Path("/usr/sbin/cupsd")
PRINTER = "livercalc-test-pdf"


@dataclass(frozen=True)
class VirtualPrinter:
    name: str
    server: str
    output: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server}

    def lpstat(self, *args: str) -> str:
        result = subprocess.run(["lpstat", *args], capture_output=True, text=True, env=self.env(), check=False)
        return result.stdout

    def wait_for_output(self, timeout: float = 30) -> bytes:
        """Wait until every job has left the queue, then return the printed PDF."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.lpstat("-o", self.name).strip() and self.output.exists() and self.output.stat().st_size:
                return self.output.read_bytes()
            time.sleep(0.2)
        raise AssertionError(f"the virtual printer printed nothing in {timeout} s: {self.lpstat('-t')}")

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.output.unlink()


def missing_parts() -> list[str]:
    parts = {"cupsd": CUPSD.exists(), "lp": bool(shutil.which("lp")), "lpadmin": bool(system_tool("lpadmin"))}
    parts["cups-filters PPD"] = PPD.exists()
    return [name for name, present in parts.items() if not present]


def _config(root: Path) -> None:
    user = "lp" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    group = "lp" if os.geteuid() == 0 else grp.getgrgid(os.getegid()).gr_name
    for folder in ("etc/ppd", "spool/tmp", "cache", "run", "log", "out"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "out").chmod(0o777)  # the file backend may run as the unprivileged "lp" user
    (root / "etc" / "cupsd.conf").write_text(
        f"Listen {root}/run/cups.sock\nLogLevel warn\nWebInterface No\nBrowsing Off\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (root / "etc" / "cups-files.conf").write_text(
        f"ServerRoot {root}/etc\nRequestRoot {root}/spool\nTempDir {root}/spool/tmp\nCacheDir {root}/cache\n"
        f"StateDir {root}/run\nErrorLog {root}/log/error_log\nAccessLog {root}/log/access_log\n"
        f"PageLog {root}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        f"FileDevice Yes\nUser {user}\nGroup {group}\n"
    )


@contextlib.contextmanager
def virtual_printer() -> Iterator[VirtualPrinter]:
    """Start a private ``cupsd`` with one virtual PDF printer; stop it and remove its files afterwards.

    Its folder is world-readable (not pytest's private temp folder) because CUPS filters run
    as the unprivileged ``lp`` user and must read the queue's PPD file.
    """
    root = Path(tempfile.mkdtemp(prefix="livercalc-cups-"))
    root.chmod(0o755)
    _config(root)
    etc = root / "etc"
    log = (root / "log" / "cupsd.out").open("wb")
    daemon = subprocess.Popen(
        [str(CUPSD), "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    printer = VirtualPrinter(PRINTER, str(root / "run" / "cups.sock"), root / "out" / "printed.pdf")
    try:
        deadline = time.monotonic() + 20
        while "scheduler is running" not in printer.lpstat("-r"):
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start: {(root / 'log' / 'cupsd.out').read_text()}")
            time.sleep(0.1)
        queue = ["-p", PRINTER, "-E", "-v", f"file://{printer.output}", "-P", str(PPD)]
        subprocess.run(
            [system_tool("lpadmin") or "lpadmin", *queue, "-o", "printer-error-policy=abort-job"],
            env=printer.env(),
            check=True,
            capture_output=True,
        )
        yield printer
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        log.close()
        shutil.rmtree(root, ignore_errors=True)
