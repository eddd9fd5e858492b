"""Register fixtures: every register test runs on SQLite and on a real PostgreSQL server.

The server is started once per session as an unprivileged user (tests/postgres_server.py)
and each test gets a fresh database on it. In CI (which installs PostgreSQL) missing server
binaries fail the PostgreSQL half; on a developer's machine without them it is skipped with
the reason shown, so the Quick start test command works with only Python installed.
LIVERCALC_SKIP_POSTGRES=1 skips it on request outside CI.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.store import Register
from tests.conftest import ALLOWED_SERVERS, EXAMPLES, base_case_data
from tests.postgres_server import SKIP_VARIABLE, PostgresMissing, PostgresServer

BACKENDS = ("sqlite", "postgresql")
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if os.environ.get(SKIP_VARIABLE) == "1" and not os.environ.get("CI"):
        pytest.skip(f"PostgreSQL tests skipped on request ({SKIP_VARIABLE}=1)")
    try:
        server = PostgresServer.start()
    except PostgresMissing as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(f"{exc} (apt-get install postgresql, or run .ci/run as root)")
    address = ("127.0.0.1", server.port)
    ALLOWED_SERVERS.add(address)
    yield server
    ALLOWED_SERVERS.discard(address)
    server.stop()


def fresh_database(server: PostgresServer) -> str:
    name = f"register_{next(_databases)}"
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server.url(name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def register_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'register.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def register(register_url: str, pathway: Pathway) -> Iterator[Register]:
    with Register.open(pathway, register_url) as opened:
        yield opened


def example_text(name: str) -> str:
    return (EXAMPLES / name).read_text("utf-8")


def case_text(**sections: Any) -> str:
    return json.dumps(base_case_data(**sections), ensure_ascii=False)


def outcome_text(**fields: Any) -> str:
    data: dict[str, Any] = {
        "format": "livercalc-outcome",
        "version": 1,
        "pregnancy": {"outcome": "live-birth", "date": "2026-07-30", "gestational_age": {"weeks": 39, "days": 2}},
        "baby": {"birth_weight": 3350, "nicu_admission": False},
        "results": {"liver_ultrasound": "resolved", "neonatal_cmv": "negative", "genetics": "not-done"},
        "diagnosis": {"groups": ["none-found"]},
    }
    for key, value in fields.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return json.dumps(data)
