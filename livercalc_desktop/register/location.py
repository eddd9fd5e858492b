"""Where the register lives: a URL from the environment or preferences, else a local file.

The default file sits in the same per-user data folder Qt uses for the app
(``QStandardPaths.AppDataLocation`` for organisation "LiverCalc", application
"LiverCalc Desktop"), worked out here without Qt so the CLI and the GUI open one register.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from livercalc_desktop.register.errors import RegisterInputError

URL_VARIABLE = "LIVERCALC_REGISTER_URL"
DATABASE_FILE = "register.sqlite3"
_ORGANISATION, _APPLICATION = "LiverCalc", "LiverCalc Desktop"
_DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg", "postgresql+psycopg": "postgresql+psycopg"}


def user_data_folder() -> Path:
    """Return the per-user data folder, matching Qt's AppDataLocation on each platform."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / _ORGANISATION / _APPLICATION


def default_url() -> str:
    """Return the URL of the embedded register in the user's data folder."""
    return f"sqlite:///{user_data_folder() / DATABASE_FILE}"


def register_url(preference: str = "") -> str:
    """Pick the register: the environment variable, else the preference, else the default file."""
    return os.environ.get(URL_VARIABLE, "").strip() or preference.strip() or default_url()


def parse_url(text: str) -> URL:
    """Check a register URL and pin PostgreSQL to psycopg 3; the message names the setting."""
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise RegisterInputError(
            f"register URL ({URL_VARIABLE} or the preference) is not a database URL; "
            "use sqlite:///PATH or postgresql://USER@HOST:PORT/DATABASE"
        ) from exc
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise RegisterInputError(
            f'register URL ({URL_VARIABLE} or the preference): database kind "{url.drivername}" is not supported; '
            "use sqlite:///PATH or postgresql://USER@HOST:PORT/DATABASE"
        )
    if driver == "sqlite" and not url.database:
        raise RegisterInputError(f"register URL ({URL_VARIABLE} or the preference): sqlite:///PATH needs a file path")
    return url.set(drivername=driver)


def describe(url: URL) -> str:
    """Name a register in messages: the file, or the server and database, never a password."""
    if url.get_backend_name() == "sqlite":
        return f"register file {url.database}"
    where = f"{url.host or 'local socket'}{f':{url.port}' if url.port else ''}"
    return f"register database {url.database or ''} on {where}"
