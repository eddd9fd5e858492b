"""Faults on both backends: a killed writer, a write that cannot finish, nothing partial."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.errors import RegisterUnavailable
from livercalc_desktop.register.store import Register
from livercalc_desktop.register.tables import cases, revisions
from tests.conftest import ROOT
from tests.postgres_server import PostgresServer
from tests.register.conftest import example_text

WRITER = """
import sys
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.register.store import Register

text = open(sys.argv[2], encoding="utf-8").read()
with Register.open(load_pathway(bundled_pathway_folder()), sys.argv[1]) as register:
    while True:
        print(register.add(text), flush=True)
"""


def counts(register: Register) -> tuple[int, int]:
    with register.engine.connect() as connection:
        return (
            connection.execute(select(func.count()).select_from(cases)).scalar_one(),
            connection.execute(select(func.count()).select_from(revisions)).scalar_one(),
        )


def test_kill_9_during_writes_loses_nothing_committed(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(example_text("isolated-pending.json"), "utf-8")
    Register.open(pathway, register_url).close()  # created before the writer starts
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, register_url, str(case_file)],
        stdout=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    committed = [int(writer.stdout.readline()) for _ in range(25)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(10)
    writer.stdout.close()
    with Register.open(pathway, register_url) as register:
        case_count, revision_count = counts(register)
        assert case_count == revision_count >= len(committed)  # nothing half-written
        for case_id in committed:
            assert register.latest(case_id).case_json == case_file.read_text("utf-8")
        if register.url.get_backend_name() == "sqlite":
            with register.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert register.add(example_text("liver-mass.json")) == case_count + 1


def _hold_sqlite_lock(register: Register) -> sqlite3.Connection:
    assert register.url.database
    blocker = sqlite3.connect(register.url.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def test_a_locked_sqlite_file_fails_clearly_and_writes_nothing(tmp_path: Path, pathway: Pathway) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    with Register.open(pathway, url, busy_seconds=0.3) as register:
        case_id = register.add(example_text("isolated-pending.json"))
        blocker = _hold_sqlite_lock(register)
        with pytest.raises(RegisterUnavailable) as caught:
            register.save(case_id, 1, example_text("liver-mass.json"))
        message = str(caught.value)
        assert "is in use by another program and stayed locked; nothing was saved" in message
        assert "Kowalska" not in message and "王芳" not in message
        blocker.rollback()
        blocker.close()
        assert counts(register) == (1, 1)
        assert register.save(case_id, 1, example_text("liver-mass.json")) == 2


def _terminate_waiting_backend(server: PostgresServer, database: str) -> None:
    """Kill the register's server process while it waits, mid-transaction, for a lock."""
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as admin:
        for _ in range(200):
            pids = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'", (database,)
            ).fetchall()
            if pids:
                admin.execute("SELECT pg_terminate_backend(%s)", (pids[0][0],))
                return
            time.sleep(0.05)
    raise AssertionError("the register's write never waited on the lock")


def test_a_dropped_postgresql_connection_fails_clearly_and_writes_nothing(
    postgres_server: PostgresServer, pathway: Pathway
) -> None:
    from tests.register.conftest import fresh_database

    url = fresh_database(postgres_server)
    database = url.rsplit("/", 1)[1]
    with Register.open(pathway, url) as register:
        register.add(example_text("isolated-pending.json"))
        outcome: list[BaseException] = []
        locker = psycopg.connect(postgres_server.url(database).replace("postgresql+psycopg", "postgresql"))
        locker.execute("LOCK TABLE revisions IN ACCESS EXCLUSIVE MODE")  # opens a transaction and holds the lock

        def add() -> None:
            try:
                register.add(example_text("liver-mass.json"))
            except BaseException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=add)
        thread.start()
        _terminate_waiting_backend(postgres_server, database)
        thread.join(30)
        locker.rollback()
        locker.close()
        assert len(outcome) == 1 and isinstance(outcome[0], RegisterUnavailable), outcome
        assert "connection to the register database" in str(outcome[0])
        assert "failed or was lost; nothing was saved" in str(outcome[0])
        assert counts(register) == (1, 1)  # the case row inserted before the drop was rolled back
        register.add(example_text("liver-mass.json"))  # the next write reconnects
        assert counts(register) == (2, 2)
