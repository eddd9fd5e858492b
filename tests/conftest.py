"""Shared fixtures. Qt runs offscreen, and no test may open a network connection."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.resources import resources_root

EXAMPLES = resources_root() / "examples"
ROOT = Path(__file__).resolve().parent.parent
GUARDED_MAIN = Path(__file__).with_name("guarded_main.py")


def run_app(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the app's entry point in a fresh interpreter, network refused, with a bare environment."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.run(
        [sys.executable, str(GUARDED_MAIN), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach the network."""


# The one exception to the guard: the PostgreSQL server the register tests start on
# loopback (tests/register/conftest.py adds its address). Nothing else is ever reachable.
ALLOWED_SERVERS: set[tuple[str, int]] = set()


def allowed_server(host: object, port: object) -> bool:
    try:
        return (str(host), int(str(port))) in ALLOWED_SERVERS
    except ValueError:
        return False


def _guard_postgres(monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq opens its sockets in C, out of Python's sight: check psycopg's connect instead."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    original = psycopg.Connection.connect

    def checked(conninfo: str = "", **kwargs: Any) -> Any:
        params = conninfo_to_dict(conninfo, **kwargs)
        if not allowed_server(params.get("hostaddr") or params.get("host"), params.get("port") or 5432):
            raise NetworkUsed("database connection attempted to a server other than the test's own")
        return original(conninfo, **kwargs)

    monkeypatch.setattr(psycopg, "connect", checked)
    monkeypatch.setattr(psycopg.Connection, "connect", checked)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any attempt to connect anywhere: patient data must never leave the machine."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise NetworkUsed(f"network access attempted: {args[1:] if len(args) > 1 else args}")

    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: Any) -> None:
        if isinstance(address, tuple) and allowed_server(*address[:2]):
            return real_connect(sock, address)
        return refuse(sock, address)

    _guard_postgres(monkeypatch)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


@pytest.fixture(scope="session")
def pathway() -> Pathway:
    return load_pathway(bundled_pathway_folder())


@pytest.fixture(scope="session")
def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


def base_case_data(**sections: Any) -> dict[str, Any]:
    """A minimal valid isolated case (survey done, nothing else), with sections merged in."""
    data: dict[str, Any] = {
        "format": "livercalc-case",
        "version": 2,
        "exam": {"date": "2026-03-10", "gestational_age": {"weeks": 20, "days": 3}, "detailed_survey": "done"},
        "lesion": {"count": "1", "compartment": "parenchymal", "venous_doppler": "normal"},
    }
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data
