"""Errors a user can cause and fix, each carrying a message fit to show them.

Front ends catch ``LivercalcError`` at their boundary: the CLI prints the message and
exits 2, the GUI shows it in a dialog. Anything else is an internal fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHOWN_MAX = 40
"""The longest key, path or value a message repeats; longer ones are cut with an ellipsis."""


_SURROGATE = re.compile("[\ud800-\udfff]")
INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters a terminal acts on (escape sequences that clear the screen or retitle it)
and the bidirectional overrides that show text in another order than it is stored
("invoice" + U+202E + "fdp.exe" reads "invoiceexe.pdf"). Newline and tab are ordinary layout."""


def printable(text: str) -> str:
    """Return ``text`` safe to show in a message or a note.

    What cannot be written as UTF-8 (lone surrogates) and invisible controls
    (``INVISIBLE_CONTROLS``) become U+FFFD, so a message never fails to print and a file
    name or field can neither drive the terminal nor disguise itself.
    """
    return INVISIBLE_CONTROLS.sub("\ufffd", _SURROGATE.sub("\ufffd", text))


def clipped(text: str, limit: int = SHOWN_MAX) -> str:
    """Return ``text`` fit to repeat in a message: printable and at most ``limit`` characters."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_path(path: str) -> str:
    """Return a field path fit for a message: each key clipped, the whole at most three keys' worth."""
    return clipped(".".join(clipped(key) for key in path.split(".")), 3 * SHOWN_MAX)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a case, named by its field path (``exam.date``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{shown_path(self.path)}: {self.message}"


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
