"""Run the app's entry point in a fresh interpreter with the network switched off.

CLI tests start this in a subprocess, so they see real exit codes and real imports, while
any attempt to open a connection still fails loudly. If MODULES_OUT is set, the names of
all modules loaded by the end of the run are written there (to prove Qt was not).
"""

import os
import socket
import sys


def _refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")


socket.socket.connect = _refuse  # type: ignore[method-assign]
socket.create_connection = _refuse
socket.getaddrinfo = _refuse


def _guard_postgres() -> None:
    """libpq opens sockets in C: allow only the register tests' own loopback server, if any."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    allowed = os.environ.get("LIVERCALC_TEST_ALLOWED_SERVER", "")
    real_connect = psycopg.Connection.connect

    def checked(conninfo="", **kwargs):
        params = conninfo_to_dict(conninfo, **kwargs)
        where = f"{params.get('hostaddr') or params.get('host')}:{params.get('port') or 5432}"
        if not allowed or where != allowed:
            raise RuntimeError("network access attempted")
        return real_connect(conninfo, **kwargs)

    psycopg.connect = checked
    psycopg.Connection.connect = checked  # type: ignore[method-assign]


_guard_postgres()

from livercalc_desktop.__main__ import main  # noqa: E402

if __name__ == "__main__":
    code = main(sys.argv[1:])
    modules_out = os.environ.get("MODULES_OUT")
    if modules_out:
        with open(modules_out, "w", encoding="utf-8") as handle:
            handle.write("\n".join(sorted(sys.modules)))
    sys.exit(code)
