"""The network guard lets the register tests reach their own server and nothing else."""

from __future__ import annotations

import psycopg
import pytest

from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.errors import RegisterUnavailable
from livercalc_desktop.register.store import Register
from tests.conftest import NetworkUsed
from tests.postgres_server import PostgresServer


def test_the_test_server_is_reachable(postgres_server: PostgresServer) -> None:
    with psycopg.connect(postgres_server.admin_conninfo()) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_any_other_database_server_is_refused(postgres_server: PostgresServer, pathway: Pathway) -> None:
    with pytest.raises(NetworkUsed):
        psycopg.connect(f"host=127.0.0.1 port={postgres_server.port + 1} user=x dbname=x")
    with pytest.raises(NetworkUsed):
        psycopg.connect("host=db.example.org user=x dbname=x")
    with pytest.raises((NetworkUsed, RegisterUnavailable)):
        Register.open(pathway, "postgresql://unit@db.example.org:5432/register")
