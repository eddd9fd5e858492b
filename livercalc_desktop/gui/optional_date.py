"""A date box that can say "no date": a test's date, or a history date that may not be known.

A QDateEdit always holds a date, so a date nobody entered would show as one (today's, in the
findings form), and a clinician reads it as recorded. Here the day before the earliest allowed
date stands for "none" and shows as words instead. Its calendar then opens on this month, not
on that stand-in day in 1999, and the Delete key clears the date from the keyboard.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

EARLIEST = QDate(2000, 1, 1)
NO_DATE = EARLIEST.addDays(-1)  # shown as words: a QDateEdit cannot be empty


class OptionalDateEdit(QDateEdit):
    """A calendar date or none (shown as ``empty_text``); never after today when ``not_in_future``."""

    def __init__(self, empty_text: str, *, not_in_future: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setSpecialValueText(empty_text)
        self.setMinimumDate(NO_DATE)
        if not_in_future:
            self.setMaximumDate(QDate.currentDate())
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def iso_date(self) -> str | None:
        """Return the date shown as ``YYYY-MM-DD``, or None for no date."""
        day = self.date()
        return None if day <= NO_DATE else str(day.toString("yyyy-MM-dd"))

    def set_iso_date(self, value: str | None) -> None:
        if value:
            day = dt.date.fromisoformat(value)
            self.setDate(QDate(day.year, day.month, day.day))
        else:
            self.setDate(NO_DATE)

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Open the calendar on this month when there is no date yet (only the page moves: nothing is chosen)."""
        if event.type() == QEvent.Type.Show and self.iso_date() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete clears; with no date, a digit or an arrow starts from today, so typing works.

        Without this, Up stepped from the stand-in day to 2000-12-31 and typed digits were lost.
        """
        if event.key() == Qt.Key.Key_Delete:
            self.clear_date()
            return
        steps = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if self.iso_date() is None and (event.text().isdigit() or event.key() in steps):
            self.setDate(min(QDate.currentDate(), self.maximumDate()))
            self.setCurrentSection(QDateEdit.Section.YearSection)
            if not event.text().isdigit():
                return  # the arrow brought today's date: that is its one step
            self.lineEdit().setSelection(0, 4)  # the digits typed replace the year, then go on to month and day
        super().keyPressEvent(event)
