"""Open a register database: create it if new, migrate it if old, refuse it if newer.

SQLite is tuned for a desktop that may be killed at any moment: WAL journal, full sync,
foreign keys on, and writes that take the lock at ``BEGIN IMMEDIATE`` so a busy file fails
fast and whole instead of half-way. The file and its folder are owner-only.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from livercalc_desktop.register.errors import RegisterInputError, RegisterTooNew, RegisterUnavailable
from livercalc_desktop.register.location import describe

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE = "livercalc_write"
SQLITE_BUSY_SECONDS = 5.0
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder and an empty file owner-only before SQLite opens it.

    Only a regular file is used or made: a device, a pipe or a folder named as the register is
    refused before anything is done to it. (Its mode used to be set to owner-only first: run by
    an administrator, ``--database sqlite:////dev/zero`` locked every other user out of /dev/zero.)
    An existing file is made owner-only only if it is an SQLite database: any other file (a PDF
    named by mistake) is left as it was, and opening it then says it is no register.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        kind = path.stat().st_mode
    except FileNotFoundError:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        kind = stat.S_IFREG
    if not stat.S_ISREG(kind):
        raise RegisterInputError(
            f"register file {path}: is not a regular file (a folder, device or pipe); choose a file for the register"
        )
    with contextlib.suppress(OSError):  # a file on a share may refuse chmod; SQLite still works
        with path.open("rb") as existing:
            header = existing.read(len(SQLITE_HEADER))
        if header in (b"", SQLITE_HEADER):
            os.chmod(path, 0o600)


def _sqlite_engine(url: URL, busy_seconds: float) -> Engine:
    assert url.database
    _prepare_sqlite_file(Path(url.database))
    # The pool hands a connection to one thread at a time, so the GUI may import in a worker thread.
    engine = create_engine(url, connect_args={"timeout": busy_seconds, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, issues BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def create_register_engine(url: URL, busy_seconds: float = SQLITE_BUSY_SECONDS) -> Engine:
    """Return an engine for a checked URL (see ``location.parse_url``)."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, busy_seconds)
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _damaged(exc: DBAPIError) -> bool:
    """Tell whether SQLite found the file is no database, or a damaged one (never a constraint or conflict)."""
    text = str(exc.orig).lower() if exc.orig is not None else ""
    return "not a database" in text or "malformed" in text


def unavailable(url: URL, exc: DBAPIError) -> RegisterUnavailable:
    """Turn a driver error into a plain message; the driver's text may hold data, so it is dropped."""
    text = str(exc.orig).lower() if exc.orig is not None else ""
    where = describe(url)
    if "locked" in text or "busy" in text:
        return RegisterUnavailable(
            f"The {where} is in use by another program and stayed locked; nothing was saved. Try again in a moment."
        )
    if _damaged(exc):
        return RegisterUnavailable(
            f"The {where} is not a LiverCalc register, or it is damaged; it was not changed. "
            "Restore it from a backup, or choose another register."
        )
    if exc.connection_invalidated or "connection" in text or "server" in text or "terminat" in text:
        return RegisterUnavailable(
            f"The connection to the {where} failed or was lost; nothing was saved. "
            "Check the network and that the server is running, then try again."
        )
    return RegisterUnavailable(f"The {where} could not complete the request; nothing was saved.")


@contextlib.contextmanager
def translated_errors(url: URL) -> Iterator[None]:
    """Run a block, turning driver faults into ``RegisterUnavailable``."""
    try:
        yield
    except OperationalError as exc:
        raise unavailable(url, exc) from None
    except DBAPIError as exc:
        if exc.connection_invalidated or _damaged(exc):
            raise unavailable(url, exc) from None
        raise


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, url: URL, say: Callable[[str], None] = lambda _text: None) -> None:
    """Bring the schema to this app's head; refuse a database from a newer app."""
    with translated_errors(url), engine.connect() as probe:
        current = MigrationContext.configure(probe).get_current_revision()
    scripts = ScriptDirectory(str(MIGRATIONS))
    head = scripts.get_current_head()
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise RegisterTooNew(
            f"The {describe(url)} was last changed by a newer version of LiverCalc (schema {current}); "
            "this version cannot use it and has not changed it. Update LiverCalc on this workstation."
        )
    if current == head:
        return
    say(
        f"Creating the {describe(url)} ..." if current is None else f"Updating the {describe(url)} to schema {head} ..."
    )
    with translated_errors(url), engine.execution_options(**{WRITE: True}).begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
