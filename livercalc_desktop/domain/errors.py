"""Errors a user can cause and fix, each carrying a message fit to show them.

Front ends catch ``LivercalcError`` at their boundary: the CLI prints the message and
exits 2, the GUI shows it in a dialog. Anything else is an internal fault.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a case, named by its field path (``exam.date``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LivercalcError(Exception):
    """Base for every error whose message is meant for the user."""

    @property
    def message(self) -> str:
        return str(self)


class CaseInvalid(LivercalcError):
    """The case breaks format 1; holds every problem found, not just the first."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class CaseFileError(LivercalcError):
    """A case file cannot be read or written (missing, not JSON, not writable)."""


class KnowledgeBaseError(LivercalcError):
    """The bundled clinical data is malformed; names the file and the entry."""


class LeafletError(LivercalcError):
    """The leaflet cannot be produced or written."""
