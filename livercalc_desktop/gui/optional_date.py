"""A date box that can say "no date": a test's date, or a history date that may not be known.

A QDateEdit always holds a date, so a date nobody entered would show as one (today's, in the
findings form), and a clinician reads it as recorded. Here the day before the earliest allowed
date stands for "none" and shows as words instead. Its calendar then opens on this month, not
on that stand-in day in 1899, and the Delete key clears the date from the keyboard.

A required date (the scan's) uses the same box without the stand-in day, so the keyboard,
the wheel and the calendar behave alike in every date of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QToolButton, QWidget

from livercalc_desktop.gui import clock
from livercalc_desktop.gui.signals import signals_blocked

# Early enough for any case a register may hold (a case file's 1998 scan showed as 2000-01-01).
EARLIEST = QDate(1900, 1, 1)
NO_DATE = EARLIEST.addDays(-1)  # shown as words: a QDateEdit cannot be empty
# Every way a user changes a date starts with one of these on the box: typing, the wheel, and the
# calendar, which only a click on the box opens.
_USER_INPUT = frozenset({QEvent.Type.FocusIn, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})


class OptionalDateEdit(QDateEdit):
    """A calendar date or none (shown as ``empty_text``); never after today when ``not_in_future``.

    A ``required`` date (the scan's) shows none only when a case holds none (a hand-edited file):
    showing today there, over "is required", read as recorded, and choosing today recorded
    nothing. The user cannot take it back to none: Delete leaves it (it recorded 2000-01-01
    while the box said "Not recorded"), and once it holds a date its earliest day is a date.

    "Today" is the clock's at the moment it is needed, not the day the box was built: the window
    stays open overnight, and the next morning the box must take (and start from) the new day.
    """

    def __init__(
        self,
        empty_text: str,
        *,
        required: bool = False,
        not_in_future: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self._empty_text = empty_text
        self.setSpecialValueText(empty_text)
        self.setMinimumDate(NO_DATE)
        self._required = required
        self._not_in_future = not_in_future
        if not_in_future:
            self.setMaximumDate(clock.today_qdate())
        self.setDate(NO_DATE)
        self.dateChanged.connect(self._keep_required)  # the user's dates; set_iso_date keeps its own

    def iso_date(self) -> str | None:
        """Return the date shown as ``YYYY-MM-DD``, or None for no date."""
        day = self.date()
        return None if day <= NO_DATE else str(day.toString("yyyy-MM-dd"))

    def set_iso_date(self, value: str | None) -> None:
        """Show a recorded date as it is: a later one from a file is shown, not cut to today.

        Cut to today, a test booked for next week showed today's date while the file (and the
        leaflet) held the booked one. The limit comes back with the next date shown. With no
        value, the box shows none, a required one too.
        """
        day = QDate.fromString(value, "yyyy-MM-dd") if value else None
        if self._not_in_future:
            latest = clock.today_qdate()
            self.setMaximumDate(max(latest, day) if day is not None else latest)
        if day is None:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(self._empty_text)
        self.setDate(day or NO_DATE)
        self._keep_required()  # also when the caller holds the signals, as the form does for a case

    def clear_date(self) -> None:
        """Take the date back to none; a required date stays as it is."""
        if not self._required:
            self.setDate(NO_DATE)

    def _keep_required(self) -> None:
        """Once a required date holds a date, let no step, wheel or typing take it below the earliest day, to none."""
        if self._required and self.date() > NO_DATE and self.minimumDate() < EARLIEST:
            self.setMinimumDate(EARLIEST)
            self.setSpecialValueText("")  # Qt shows it for the earliest day, now a date

    def _today(self) -> QDate:
        return min(clock.today_qdate(), self.maximumDate())

    def _follow_today(self) -> None:
        """Move the "not after today" limit on to today; it never moves back, so a shown date stays as it is."""
        if self._not_in_future:
            self.setMaximumDate(max(self.maximumDate(), clock.today_qdate()))

    def event(self, event: QEvent) -> bool:
        """Bring the limit up to today before the user acts on the box.

        Set once when the box was built, the limit refused the new day's date after midnight
        until the window was reopened. Checked here, on focus, a key, a click or the wheel, it
        costs nothing while the window waits overnight (no timer) and covers the calendar too.
        """
        if event.type() in _USER_INPUT:
            self._follow_today()
        if event.type() == QEvent.Type.MouseButtonPress:
            # The calendar is built on the first click, the only way it opens (built with each box,
            # the window's nine calendars were ~3 % of the start-up's work), and watched before Qt
            # opens it on this very click; installing the filter again keeps one.
            self.calendarWidget().installEventFilter(self)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Open the calendar on this month when there is no date yet; nothing is chosen by opening it.

        The calendar's own selection moves to today too, silently, so its arrow keys step from
        today: from the stand-in day, one arrow recorded the first day of next month.
        """
        if event.type() == QEvent.Type.Show and self.iso_date() is None:
            calendar = self.calendarWidget()
            with signals_blocked(calendar):
                calendar.setSelectedDate(self._today())
        return super().eventFilter(watched, event)

    def stepBy(self, steps: int) -> None:
        """Start from today on a step from no date (Up, Page Up, the wheel on a focused box), not from the stand-in."""
        if self.iso_date() is None:
            self.setDate(self._today())
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete clears; with no date, a digit or Down starts from today, so typing works.

        Without this, typed digits were lost on the stand-in day, and Down could not step below it.
        """
        if event.key() == Qt.Key.Key_Delete:
            self.clear_date()
            return
        # Shift may be needed for a digit (French keyboards); Alt or Ctrl with a key is a shortcut.
        shortcut = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        digit = event.text().isdigit() and not shortcut
        down = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if self.iso_date() is None and (digit or down):
            self.setDate(self._today())
            self.setCurrentSection(QDateEdit.Section.YearSection)
            if not digit:
                return  # Down brought today's date: that is its one step
            self.lineEdit().setSelection(0, 4)  # the digits typed replace the year, then go on to month and day
        super().keyPressEvent(event)


def clear_date_button(edit: OptionalDateEdit, text: str, accessible_name: str, focus: Qt.FocusPolicy) -> QToolButton:
    """Return the button beside ``edit`` that takes its date back to none (the mouse's Delete key)."""
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(accessible_name)
    button.setFocusPolicy(focus)
    button.clicked.connect(edit.clear_date)
    return button
