"""The audit in the app: the same table as the CLI and the PDF, and a chart of it.

The chart draws, per category, one bar split by final-diagnosis group (a case with two
groups counts in both, as in the table) and a grey remainder for cases with no outcome
yet. It is painted with QPainter, so it needs nothing beyond QtWidgets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livercalc_desktop.domain.schema import Choice, FieldSpec
from livercalc_desktop.gui.cases_view import FilterDate, day_of
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.screen_fit import fit_on_screen
from livercalc_desktop.knowledge.window_labels import WindowLabels
from livercalc_desktop.register.audit import ALL, CASES, URGENT, WITH_OUTCOME, AuditTable

PALETTE = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2", "#EECA3B", "#9D755D", "#BAB0AC")
NO_OUTCOME = QColor("#D9D9D9")


class AuditChart(QWidget):
    """Stacked horizontal bars: diagnosis groups per category, and cases still without an outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: AuditTable | None = None
        self.setMinimumHeight(260)
        self.setAccessibleName(self.tr("Audit chart"))

    def show_table(self, table: AuditTable) -> None:
        self.table = table
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.table is None:
            return
        rows = [r for r in self.table.rows if r.id not in (ALL, URGENT)]
        groups = [c for c in self.table.columns if c.value not in (CASES, WITH_OUTCOME)]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = max((metrics.horizontalAdvance(r.label) for r in rows), default=0) + 12
        legend_height = metrics.height() + 8
        top, line = 4, max(metrics.height() + 6, (self.height() - legend_height - 8) / max(len(rows), 1))
        widest = (
            max((sum(r.counts[g.value] for g in groups) + r.counts[CASES] - r.counts[WITH_OUTCOME]) for r in rows)
            if rows
            else 0
        )
        scale = (self.width() - label_width - 40) / max(widest, 1)
        for index, row in enumerate(rows):
            y = top + index * line
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 8, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row.label,
            )
            x = float(label_width)
            segments = [(QColor(PALETTE[i % len(PALETTE)]), row.counts[g.value]) for i, g in enumerate(groups)]
            segments.append((NO_OUTCOME, row.counts[CASES] - row.counts[WITH_OUTCOME]))
            for colour, count in segments:
                if count:
                    painter.fillRect(QRectF(x, y + 3, count * scale, line - 6), colour)
                    x += count * scale
            painter.drawText(QRectF(x + 4, y, 40, line), Qt.AlignmentFlag.AlignVCenter, str(row.counts[CASES]))
        x, y = 4.0, self.height() - legend_height
        legend = [(QColor(PALETTE[i % len(PALETTE)]), g.label) for i, g in enumerate(groups)]
        for colour, text in [*legend, (NO_OUTCOME, self.tr("No outcome yet"))]:
            painter.fillRect(QRectF(x, y + 4, 10, 10), colour)
            painter.drawText(QRectF(x + 14, y, metrics.horizontalAdvance(text) + 4, legend_height), text)
            x += metrics.horizontalAdvance(text) + 30
        painter.end()


class AuditView(QWidget):
    """The audit window: scan-date range, table, chart, and Save as PDF."""

    range_changed = Signal()
    pdf_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, labels: WindowLabels | None = None, groups: FieldSpec | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # The window's words for categories and diagnosis groups (the outcome schema's field ``groups``).
        self.labels, self.groups = labels or WindowLabels(), groups
        self.setWindowTitle(self.tr("Audit: categories against outcomes"))
        self.use_from, self.use_to = QCheckBox(self.tr("Scans from")), QCheckBox(self.tr("to"))
        self.scan_from, self.scan_to = FilterDate(self.use_from, years_back=1), FilterDate(self.use_to, years_back=0)
        for check, edit in ((self.use_from, self.scan_from), (self.use_to, self.scan_to)):
            check.toggled.connect(self.range_changed)  # signal to signal: the tick and the date are not passed on
            edit.dateChanged.connect(self.range_changed)
        self.period = QLabel()
        self.period.setWordWrap(True)  # a long period in Spanish never widens the window
        pdf = QPushButton(self.tr("Save as &PDF…"))
        pdf.clicked.connect(self.pdf_requested.emit)
        top = QHBoxLayout()
        for widget in (self.use_from, self.scan_from, self.use_to, self.scan_to):
            top.addWidget(widget)
        top.addWidget(self.period, 1)
        top.addWidget(pdf)
        self.grid = QTableWidget()
        self.grid.setAccessibleName(self.tr("Audit table"))
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = AuditChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        fit_on_screen(self, QSize(1100, 680))
        self.input_guard = install_input_guards(self)

    def _translated(self, table: AuditTable) -> AuditTable:
        """Return the table with its row and column names in the window's language (the counts are the same)."""
        fixed = {
            CASES: self.tr("Cases"),
            WITH_OUTCOME: self.tr("Outcome recorded"),
            URGENT: self.tr("Urgent (any category)"),
            ALL: self.tr("All cases"),
        }
        outcome, groups = self.labels.for_outcome(), self.groups
        columns = tuple(
            Choice(c.value, fixed.get(c.value) or (outcome.choice(groups, c.value) if groups else c.label))
            for c in table.columns
        )
        rows = tuple(replace(r, label=fixed.get(r.id) or self.labels.category(r.id, r.label)) for r in table.rows)
        return replace(table, columns=columns, rows=rows)

    def _period(self, table: AuditTable) -> str:
        start = table.scan_from.isoformat() if table.scan_from else self.tr("the first case")
        end = table.scan_to.isoformat() if table.scan_to else self.tr("the latest case")
        return self.tr("Scans from {start} to {end}").format(start=start, end=end)

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        return (
            day_of(self.scan_from) if self.use_from.isChecked() else None,
            day_of(self.scan_to) if self.use_to.isChecked() else None,
        )

    def show_table(self, table: AuditTable) -> None:
        table = self._translated(table)
        self.period.setText(self._period(table))
        self.grid.setRowCount(len(table.rows))
        self.grid.setColumnCount(len(table.columns))
        self.grid.setHorizontalHeaderLabels([c.label for c in table.columns])
        self.grid.setVerticalHeaderLabels([r.label for r in table.rows])
        for row_index, row in enumerate(table.rows):
            for column_index, column in enumerate(table.columns):
                item = QTableWidgetItem(str(row.counts[column.value]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.setItem(row_index, column_index, item)
        self.grid.resizeColumnsToContents()
        self.chart.show_table(table)
