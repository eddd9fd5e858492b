"""A window left open past midnight behaves as if started today.

Clinic workstations keep the window open overnight; the next morning a sonographer presses
New case, edits a date or records a test. Each test builds the window "yesterday" on a clock
the test moves (``gui.clock``), moves it to today, and checks what is recorded and shown.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from livercalc_desktop.gui import clock
from livercalc_desktop.gui.audit_view import AuditView
from livercalc_desktop.gui.cases_view import CasesView
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.optional_date import OptionalDateEdit
from tests.gui.test_input_safety import focus
from tests.gui.test_main_window import choose

pytestmark = pytest.mark.gui

YESTERDAY, TODAY = dt.date(2026, 12, 1), dt.date(2026, 12, 2)
TODAY_SHOWN = QDate(2026, 12, 2)


class MovableClock:
    """The window's clock, set by the test."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def night(monkeypatch: pytest.MonkeyPatch) -> MovableClock:
    """A clock that says yesterday until the test moves it on."""
    moved = MovableClock(YESTERDAY)
    monkeypatch.setattr(clock, "today", moved)
    return moved


@pytest.fixture
def window(night: MovableClock, window: MainWindow) -> MainWindow:
    """The main window, built yesterday."""
    return window


def date_box(window: MainWindow, path: str) -> OptionalDateEdit:
    box = window.form.editors[path].focus_widgets()[0]
    assert isinstance(box, OptionalDateEdit)
    return box


def open_calendar(qtbot, box: OptionalDateEdit) -> QCalendarWidget:
    qtbot.waitUntil(lambda: box.height() > 0)  # a test's date box is laid out once its status is recorded
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))
    calendar = box.calendarWidget()
    assert calendar.isVisible()
    return calendar


def test_a_date_box_built_yesterday_takes_todays_date(qtbot, window, night):
    """The scan date box kept yesterday as its latest date and refused today's, typed the next morning."""
    scan = date_box(window, "exam.date")
    assert window.document.case.get("exam.date") == scan.text() == YESTERDAY.isoformat()
    focus(qtbot, scan)  # the cursor was left in the box overnight
    night.day = TODAY
    assert window.document.case.get("exam.date") == YESTERDAY.isoformat()  # the day changing records nothing
    qtbot.keyClicks(scan, TODAY.strftime("%Y%m%d"))
    assert window.document.case.get("exam.date") == scan.text() == TODAY.isoformat()


def test_a_new_case_after_midnight_starts_today(qtbot, window, night):
    night.day = TODAY
    window.new_case()
    scan = date_box(window, "exam.date")
    assert window.document.case.get("exam.date") == scan.text() == TODAY.isoformat()
    focus(qtbot, scan)
    scan.setCurrentSection(scan.Section.DaySection)
    qtbot.keyClick(scan, Qt.Key.Key_Down)
    qtbot.keyClick(scan, Qt.Key.Key_Up)  # and back: today is within the limit
    assert window.document.case.get("exam.date") == scan.text() == TODAY.isoformat()


def test_the_calendar_of_a_test_date_opened_after_midnight_offers_today(qtbot, window, examples, night):
    """The calendar of a date box built yesterday, with no date, offered yesterday the next morning."""
    window.open_path(examples / "isolated-pending.json")
    row = window.panel.rows["cf-carrier-testing"]
    choose(qtbot, row.status, "Offered")
    row.clear_date.click()
    night.day = TODAY
    focus(qtbot, row.date)
    calendar = open_calendar(qtbot, row.date)
    assert calendar.selectedDate() == TODAY_SHOWN
    assert window.document.case.workup["cf-carrier-testing"].date is None  # opening records nothing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.case.workup["cf-carrier-testing"].date == row.date.text() == TODAY.isoformat()


def test_a_status_set_after_midnight_is_dated_today_and_yesterdays_keeps_its_date(qtbot, window, examples, night):
    """A test date box built yesterday started from yesterday the next morning (its limit was yesterday)."""
    window.open_path(examples / "isolated-pending.json")
    yesterdays = window.panel.rows["cf-carrier-testing"]
    choose(qtbot, yesterdays.status, "Offered")
    night.day = TODAY
    choose(qtbot, yesterdays.status, "Normal")  # a recorded date is never rewritten because the day changed
    assert window.document.case.workup["cf-carrier-testing"].date == yesterdays.date.text() == YESTERDAY.isoformat()
    todays = window.panel.rows["fetal-echo"]
    choose(qtbot, todays.status, "Normal")
    assert window.document.case.workup["fetal-echo"].date == todays.date.text() == TODAY.isoformat()
    yesterdays.clear_date.click()
    focus(qtbot, yesterdays.date)
    qtbot.keyClick(yesterdays.date, Qt.Key.Key_Up)  # the date box built yesterday starts from today
    assert window.document.case.workup["cf-carrier-testing"].date == TODAY.isoformat()


@pytest.mark.parametrize("view", [CasesView, AuditView], ids=["cases", "audit"])
def test_a_register_filter_switched_on_after_midnight_suggests_today(qtbot, night, view):
    """A register window left open overnight suggested yesterday as the last scan day, hiding the morning's cases."""
    shown = view([]) if view is CasesView else view()
    qtbot.addWidget(shown)
    night.day = TODAY
    shown.use_to.setChecked(True)
    shown.use_from.setChecked(True)
    assert (shown.scan_from.date(), shown.scan_to.date()) == (QDate(2025, 12, 2), TODAY_SHOWN)
    shown.scan_to.setDate(QDate(2026, 6, 30))  # a day someone picks stays, whatever the clock says
    shown.use_to.setChecked(False)
    night.day = TODAY + dt.timedelta(days=1)
    shown.use_to.setChecked(True)
    assert shown.scan_to.date() == QDate(2026, 6, 30)


def test_the_audit_follows_its_date_filters(qtbot, window, settings, tmp_path, monkeypatch, night):
    """Ticking an audit date filter or changing its date raised a TypeError in the event loop; nothing was recounted."""
    from livercalc_desktop.gui.settings import REGISTER_URL
    from livercalc_desktop.register.location import URL_VARIABLE

    monkeypatch.delenv(URL_VARIABLE, raising=False)
    settings.set(REGISTER_URL, f"sqlite:///{tmp_path / 'register.sqlite'}")
    audit = window.register_menu.show_audit()
    assert audit is not None
    night.day = TODAY
    audit.use_to.setChecked(True)
    assert audit.period.text() == f"Scans from the first case to {TODAY.isoformat()}"
    audit.scan_to.setDate(QDate(2026, 6, 30))
    assert audit.period.text() == "Scans from the first case to 2026-06-30"
    window.register_menu.close()
