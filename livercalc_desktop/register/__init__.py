"""The case register: every case, its revisions and its outcome, in one database.

SQLite in the user's data folder by default, or a department's PostgreSQL server, through
the same SQLAlchemy Core code. History is append-only: a save is a new revision, a
withdrawal is a revision with a reason, and nothing is updated in place or deleted.
No Qt here: the CLI, the GUI and the benchmarks share this package.
"""
