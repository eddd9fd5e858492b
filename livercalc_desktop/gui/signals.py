"""Block widget signals while the program, not the user, changes a value.

Loading a case sets dozens of widgets; without blocking, each would report an "edit" and
mark the case as changed. This blocks several objects at once and restores each one's
previous state, so nested use is safe.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Silence the signals of ``objects`` for the duration of the block."""
    unique = list(dict.fromkeys(objects))  # an object listed twice must not stay blocked
    previous = [obj.blockSignals(True) for obj in unique]
    try:
        yield
    finally:
        for obj, was_blocked in zip(reversed(unique), reversed(previous), strict=True):
            obj.blockSignals(was_blocked)
