"""What can go wrong with the register, split by whose move it is.

``RegisterInputError`` is the user's to fix (an unknown case id, a bad outcome file): the
CLI exits 2. ``RegisterFault`` is the environment's (the database is locked, unreachable,
newer than this app, or another workstation saved first): the CLI exits 1. Every message is
written for a person and never holds patient data, so it is safe to show and to log.
"""

from __future__ import annotations

from livercalc_desktop.domain.errors import LivercalcError


class RegisterInputError(LivercalcError):
    """A request the register cannot accept as given; the message names the field."""


class RegisterFault(Exception):
    """The register could not do its job; nothing partial was written."""

    @property
    def message(self) -> str:
        return str(self)


class RegisterUnavailable(RegisterFault):
    """The database is locked, unreachable or the connection dropped."""


class RegisterTooNew(RegisterFault):
    """The database was created by a newer LiverCalc; it is never written."""


class RegisterConflict(RegisterFault):
    """Someone saved the same case since it was opened; reload before saving again."""
