"""Alembic environment: runs on the connection the app hands over, never from an ini file.

No logging configuration is loaded, so migrating prints nothing; the app says in its own
words what it is doing, and migrations never touch patient data.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from livercalc_desktop.register.tables import metadata

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
