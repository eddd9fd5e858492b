"""The guard itself must work, or the "no network" promise is untested."""

import socket

import pytest

from tests.conftest import NetworkUsed


def test_socket_connect_is_refused():
    with socket.socket() as sock, pytest.raises(NetworkUsed):
        sock.connect(("127.0.0.1", 9))


def test_create_connection_is_refused():
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80), timeout=1)
