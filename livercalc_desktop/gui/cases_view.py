"""The Cases view: the register as a sortable table, searched by name, date, category or due outcome.

Searching runs on every change of a filter (the register answers in milliseconds), and a
double click or Enter opens the case in the main window. The table holds names because the
user is looking for a patient; nothing here is logged or stored in settings.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livercalc_desktop.gui import clock
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.screen_fit import fit_on_screen
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.register.store import CaseRow, Search

# Marked for translation (context "CasesView") and translated where shown.
HEADERS = (
    QT_TRANSLATE_NOOP("CasesView", "Case"),
    QT_TRANSLATE_NOOP("CasesView", "Name"),
    QT_TRANSLATE_NOOP("CasesView", "Hospital number"),
    QT_TRANSLATE_NOOP("CasesView", "Scan date"),
    QT_TRANSLATE_NOOP("CasesView", "Due date"),
    QT_TRANSLATE_NOOP("CasesView", "Category"),
    QT_TRANSLATE_NOOP("CasesView", "Urgent"),
    QT_TRANSLATE_NOOP("CasesView", "Outcome"),
)


def _item(text: str, sort_value: object | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if sort_value is not None:
        item.setData(Qt.ItemDataRole.DisplayRole, sort_value)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def day_of(edit: QDateEdit) -> dt.date:
    """Return the date a date editor shows (QDate.toPython is untyped)."""
    date = edit.date()
    return dt.date(date.year(), date.month(), date.day())


class FilterDate(QDateEdit):
    """A scan-date filter's day, used only while its tick box ``switch`` is on.

    Until someone picks a day it suggests one, ``years_back`` years before today, and suggests
    it again from the clock each time the filter is switched on: a register window left open
    overnight suggested yesterday as "Scan to", which hid the morning's cases. A day someone
    picked stays as it is.
    """

    def __init__(self, switch: QCheckBox, years_back: int) -> None:
        super().__init__()
        self._years_back, self._picked = years_back, False
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setAccessibleName(switch.text())
        self.setEnabled(False)
        self._suggest()
        self.dateChanged.connect(self._on_picked)
        # Connected before the view's own handlers, so they read the day suggested now.
        switch.toggled.connect(self._on_switched)

    def _suggest(self) -> None:
        with signals_blocked(self):
            self.setDate(clock.today_qdate().addYears(-self._years_back))

    def _on_picked(self) -> None:
        self._picked = True

    def _on_switched(self, on: bool) -> None:
        self.setEnabled(on)
        if on and not self._picked:
            self._suggest()


class CasesView(QWidget):
    """Lists register cases; emits ``open_requested(case_id)`` and ``outcome_requested(case_id)``."""

    open_requested = Signal(int)
    outcome_requested = Signal(int)
    search_changed = Signal(object)

    def __init__(self, categories: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Cases in the register"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name or hospital number"))
        self.text.setAccessibleName(self.tr("Search by name or hospital number"))
        self.text.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("All categories"), "")
        for category_id, label in categories:
            self.category.addItem(label, category_id)
        self.use_from, self.use_to = QCheckBox(self.tr("Scan from")), QCheckBox(self.tr("Scan to"))
        self.scan_from, self.scan_to = FilterDate(self.use_from, years_back=1), FilterDate(self.use_to, years_back=0)
        self.due = QCheckBox(self.tr("Outcome &due"))
        self.due.setToolTip(self.tr("Cases more than 4 weeks past their due date with no outcome recorded"))
        # Two rows, so the filters fit a 911-pixel-wide screen (1366 at 150 %) in any window language.
        filters = QGridLayout()
        filters.addWidget(self.text, 0, 0, 1, 2)
        filters.addWidget(self.category, 0, 2, 1, 2)
        for column, widget in enumerate((self.use_from, self.scan_from, self.use_to, self.scan_to, self.due)):
            filters.addWidget(widget, 1, column)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(str(header)) for header in HEADERS])
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self._emit(self.open_requested))
        self.count = QLabel()
        open_button = QPushButton(self.tr("&Open case"))
        open_button.clicked.connect(lambda: self._emit(self.open_requested))
        outcome_button = QPushButton(self.tr("Record &outcome…"))
        outcome_button.clicked.connect(lambda: self._emit(self.outcome_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(outcome_button)
        buttons.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.text.textChanged.connect(self._changed)
        self.category.currentIndexChanged.connect(self._changed)
        for widget in (self.use_from, self.use_to, self.due):
            widget.toggled.connect(self._changed)
        for edit in (self.scan_from, self.scan_to):
            edit.dateChanged.connect(self._changed)
        fit_on_screen(self, QSize(1100, 560))
        self.input_guard = install_input_guards(self)

    def search(self) -> Search:
        """Return the search the filters describe."""
        return Search(
            text=self.text.text(),
            category=str(self.category.currentData() or ""),
            scan_from=day_of(self.scan_from) if self.use_from.isChecked() else None,
            scan_to=day_of(self.scan_to) if self.use_to.isChecked() else None,
            outcome_due=self.due.isChecked(),
        )

    def _changed(self) -> None:
        self.search_changed.emit(self.search())

    def show_rows(self, rows: list[CaseRow], labels: dict[str, str]) -> None:
        """Fill the table; sorting is switched off while filling, as Qt requires."""
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                _item(str(row.case_id), row.case_id),
                _item(row.patient_name),
                _item(row.hospital_number),
                _item(row.scan_date.isoformat()),
                _item(row.due_date.isoformat()),
                _item(labels.get(row.category, row.category)),
                _item(self.tr("Urgent") if row.urgent else ""),
                _item(self.tr("Recorded") if row.outcome_recorded else self.tr("None yet")),
            )
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{count} case(s)").format(count=len(rows)))

    def selected_case(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return int(item.text()) if item is not None else None

    def _emit(self, signal: SignalInstance) -> None:
        case_id = self.selected_case()
        if case_id is not None:
            signal.emit(case_id)
