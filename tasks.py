"""Set up a local virtual environment and run the app or the test suite.

    python3 tasks.py app      launch LiverCalc Desktop
    python3 tasks.py test     run the whole test suite (lint, types, import contract, tests)

Only Python 3.11+ is needed: the first run creates ``.venv`` beside this file and installs
the project into it; later runs reuse it unless ``pyproject.toml`` changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".livercalc-installed"


def _run(*args: str | Path) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_environment() -> None:
    """Create the venv and install the project with its dev extras when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing LiverCalc Desktop and its test tools into .venv ...", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def run_tests(extra: list[str]) -> None:
    """Lint, type-check, check the import contract, then run pytest."""
    _run(PYTHON, "-m", "ruff", "check", ".")
    _run(PYTHON, "-m", "mypy")
    _run(BIN / "lint-imports")
    _run(PYTHON, "-m", "pytest", *extra)


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - the guard is for people running an older python3
        sys.exit("LiverCalc Desktop needs Python 3.11 or newer.")
    command, *extra = sys.argv[1:] or ["help"]
    if command not in ("app", "test"):
        sys.exit(__doc__)
    ensure_environment()
    if command == "app":
        _run(PYTHON, "-m", "livercalc_desktop", *extra)
    else:
        run_tests(extra)


if __name__ == "__main__":
    main()
