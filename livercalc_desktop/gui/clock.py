"""The window's today, read at the moment a date needs it and never kept.

Clinic workstations leave the window open overnight: a "today" worked out when a widget was
built is yesterday's the next morning. A new case's scan date, the date of a status just set,
the "not after today" limit of a date box and the register filters' suggested range all ask
here each time, so the window behaves as if started today. Tests move this clock
(``monkeypatch.setattr(clock, "today", ...)``), not the system's; callers therefore look it
up as ``clock.today()`` rather than importing the function.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def today() -> dt.date:
    """Return this machine's date now."""
    return dt.date.today()


def today_qdate() -> QDate:
    """Return ``today()`` for a date box."""
    day = today()
    return QDate(day.year, day.month, day.day)
