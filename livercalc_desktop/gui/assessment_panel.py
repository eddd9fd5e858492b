"""The side panel: category badge, flags, the reasons with their references, the checklist.

The badge always carries words as well as colour. Checklist statuses can be set here; the
change goes back into the case, and the case is assessed again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.engine.assessment import NOT_RECORDED, Assessment
from livercalc_desktop.knowledge.model import KnowledgeBase, Level
from livercalc_desktop.knowledge.pathway import Pathway

LEVEL_WORDS = {
    Level.HIGH: "Higher concern",
    Level.MODERATE: "Tests outstanding",
    Level.LOW: "Low concern",
    Level.UNKNOWN: "Cannot classify yet",
}
PRIORITY_WORDS = {"do": "Do", "offer": "Offer", "consider": "Consider"}


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class _ChecklistRow:
    """The widgets of one checklist item; kept for the panel's lifetime."""

    def __init__(self, grid: QGridLayout, row: int, item_id: str, label: str, statuses: Mapping[str, str]) -> None:
        self.priority = _label(role="priority", wrap=False)
        self.priority.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.priority.setObjectName(f"priority:{item_id}")
        self.title = _label(label, role="item")
        self.basis = _label(role="basis")
        self.status = QComboBox()
        self.status.setObjectName(f"status:{item_id}")
        self.status.setAccessibleName(f"Status of {label}")
        self.status.addItem("Not recorded", None)
        for value, words in statuses.items():
            self.status.addItem(words, value)
        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.title)
        column.addWidget(self.basis)
        grid.addWidget(self.priority, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, row, 1)
        grid.addWidget(self.status, row, 2, Qt.AlignmentFlag.AlignTop)
        self.widgets: tuple[QWidget, ...] = (self.priority, text, self.status)

    def set_visible(self, visible: bool) -> None:
        for widget in self.widgets:
            widget.setVisible(visible)


class AssessmentPanel(QWidget):
    """Shows an ``Assessment``; emits ``status_edited(item_id, status or None)``."""

    status_edited = Signal(str, object)

    def __init__(self, pathway: Pathway, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase = pathway.kb
        layout = QVBoxLayout(self)
        self.badge = _label(role="badge")
        self.badge.setObjectName("categoryBadge")
        self.badge.setAccessibleName("Risk category")
        self.level = _label(role="level")
        self.level.setObjectName("levelText")
        self.flags = _label(role="flags")
        self.flags.setObjectName("flagsText")
        for widget in (self.badge, self.level, self.flags):
            layout.addWidget(widget)
        why_box = QGroupBox("Why")
        self.why = QVBoxLayout(why_box)
        layout.addWidget(why_box)
        checklist_box = QGroupBox("Workup checklist")
        self.grid = QGridLayout(checklist_box)
        self.grid.setColumnStretch(1, 1)
        statuses = {c.value: c.label for c in pathway.schema.workup_statuses}
        self.status_words = statuses
        self.rows: dict[str, _ChecklistRow] = {}
        for index, item in enumerate(self.kb.checklist):
            row = _ChecklistRow(self.grid, index, item.id, item.label, statuses)
            row.status.currentIndexChanged.connect(lambda _i, item_id=item.id: self._on_status_changed(item_id))
            self.rows[item.id] = row
        layout.addWidget(checklist_box)
        self.footer = _label(role="footer")
        layout.addWidget(self.footer)
        layout.addStretch(1)
        meta = self.kb.meta
        self.footer.setText(f"Knowledge base {meta.content_version}, reviewed {meta.reviewed} ({meta.review_status})")

    def _on_status_changed(self, item_id: str) -> None:
        self.status_edited.emit(item_id, self.rows[item_id].status.currentData())

    def _set_badge(self, text: str, level: str) -> None:
        self.badge.setText(text)
        self.badge.setProperty("level", level)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)

    def show_incomplete(self, problems: tuple[Problem, ...]) -> None:
        """Say why no category can be given yet, instead of guessing one."""
        self._set_badge("Incomplete: no category yet", "unknown")
        self.level.setText("Complete the required findings to see the category.")
        self.flags.setText("")
        _clear(self.why)
        for problem in problems:
            self.why.addWidget(_label(str(problem), role="problem"))
        for row in self.rows.values():
            row.set_visible(False)

    def show_assessment(self, assessment: Assessment) -> None:
        """Show the category, flags, reasons and checklist of a case."""
        self._set_badge(assessment.category_label, assessment.level.value)
        self.level.setText(
            f"Level: {assessment.level.value} ({LEVEL_WORDS[assessment.level].lower()})  ·  {assessment.category}"
        )
        flags = [next(f.label for f in self.kb.flags if f.id == flag) for flag in assessment.flags]
        self.flags.setText("Flags: " + (", ".join(flags) if flags else "none"))
        _clear(self.why)
        for reason in assessment.rationale:
            self.why.addWidget(_label(f"{reason.label}: {reason.text}", role="reason"))
            for ref_id in reason.references:
                ref = self.kb.references[ref_id]
                cite = _label(f"{ref.short.split(',')[0]} — {ref.title} ({ref.journal}, {ref.year})", role="reference")
                cite.setToolTip(ref.full)
                self.why.addWidget(cite)
        shown = {entry.id: entry for entry in assessment.checklist}
        for item_id, row in self.rows.items():
            entry = shown.get(item_id)
            row.set_visible(entry is not None)
            if entry is None:
                continue
            row.priority.setText(PRIORITY_WORDS[entry.priority.value] if entry.indicated else "Recorded")
            row.priority.setProperty("priority", entry.priority.value if entry.indicated else "recorded")
            row.priority.style().unpolish(row.priority)
            row.priority.style().polish(row.priority)
            refs = ", ".join(self.kb.references[r].short.split(",")[0] for r in entry.references)
            scan = (
                f"\nThe scan findings show: {self.status_words[entry.status].lower()}."
                if entry.status_from_scan
                else ""
            )
            row.basis.setText(f"{entry.basis} [{refs}]{scan}")
            with QSignalBlocker(row.status):
                recorded = None if entry.status_from_scan or entry.status == NOT_RECORDED else entry.status
                row.status.setCurrentIndex(max(row.status.findData(recorded), 0) if recorded else 0)

    def badge_text(self) -> str:
        return self.badge.text()
