"""The side panel: category badge, flags, the reasons with their references, the checklist.

The badge always carries words as well as colour. Checklist statuses can be set here; the
change goes back into the case, and the case is assessed again.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.engine.assessment import NOT_RECORDED, SOURCE_WORDS, Assessment, ChecklistEntry
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.gui.widget_updates import set_shown, set_style_property, set_text
from livercalc_desktop.knowledge.model import KnowledgeBase, Level
from livercalc_desktop.knowledge.pathway import Pathway

LEVEL_WORDS = {
    Level.HIGH: "Higher concern",
    Level.MODERATE: "Tests outstanding",
    Level.LOW: "Low concern",
    Level.UNKNOWN: "Cannot classify yet",
}
PRIORITY_WORDS = {"do": "Do", "offer": "Offer", "consider": "Consider"}
PRIORITY_WIDTH = 76
NOT_INDICATED = "Not indicated by the rules for this case."
STATUS_WIDTH = 130


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class _ChecklistRow:
    """The widgets of one checklist item, in one container shown or hidden as a whole."""

    def __init__(
        self, parent: QVBoxLayout, item_id: str, label: str, statuses: Mapping[str, str], detail_limit: int
    ) -> None:
        self.container = QWidget()
        self.priority = _label(role="priority", wrap=False)
        self.priority.setFixedWidth(PRIORITY_WIDTH)
        self.priority.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority.setObjectName(f"priority:{item_id}")
        self.title = _label(label, role="item")
        self.basis = _label(role="basis")
        self.status = QComboBox()
        self.status.setObjectName(f"status:{item_id}")
        self.status.setAccessibleName(f"Status of {label}")
        self.status.addItem("Not recorded", None)
        for value, words in statuses.items():
            self.status.addItem(words, value)
        self.status.setFixedWidth(STATUS_WIDTH)
        self.detail = QLineEdit()
        self.detail.setObjectName(f"detail:{item_id}")
        self.detail.setAccessibleName(f"Result or note for {label}")
        self.detail.setPlaceholderText("Result or note")
        self.detail.setMaxLength(detail_limit)
        self.detail.setFixedWidth(STATUS_WIDTH)
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.status)
        side.addWidget(self.detail)
        side.addStretch(1)
        line = QHBoxLayout(self.container)
        line.setContentsMargins(0, 2, 0, 2)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.title)
        column.addWidget(self.basis)
        line.addWidget(self.priority, 0, Qt.AlignmentFlag.AlignTop)
        line.addLayout(column, 1)
        line.addLayout(side)
        parent.addWidget(self.container)


class AssessmentPanel(QWidget):
    """Shows an ``Assessment``; emits ``status_edited`` and ``detail_edited`` when a test is recorded."""

    status_edited = Signal(str, object)
    detail_edited = Signal(str, str)

    def __init__(self, pathway: Pathway, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase = pathway.kb
        self.pathway = pathway
        layout = QVBoxLayout(self)
        self.badge = _label(role="badge")
        self.badge.setObjectName("categoryBadge")
        self.badge.setAccessibleName("Risk category")
        self.level = _label(role="level")
        self.level.setObjectName("levelText")
        self.flags = _label(role="flags")
        self.flags.setObjectName("flagsText")
        self.urgent = _label(role="urgent")
        self.urgent.setObjectName("urgentBanner")
        self.urgent.setAccessibleName("Urgent")
        self.urgent.hide()
        for widget in (self.urgent, self.badge, self.level, self.flags):
            layout.addWidget(widget)
        why_box = QGroupBox("Why")
        self.why = QVBoxLayout(why_box)
        self.why_labels: list[QLabel] = []
        self.flag_labels = {f.id: f.label for f in self.kb.flags}
        layout.addWidget(why_box)
        self.checklist_box = QGroupBox("Workup checklist")
        rows_layout = QVBoxLayout(self.checklist_box)
        statuses = {c.value: c.label for c in pathway.schema.workup_statuses}
        self.status_words = statuses
        self.rows: dict[str, _ChecklistRow] = {}
        for item in self.kb.checklist:
            # Only the statuses the item's kind takes: a scan or test has a result, an action is booked or done.
            allowed = {status: statuses[status] for status in pathway.schema.statuses_for(item.kind)}
            row = _ChecklistRow(rows_layout, item.id, item.label, allowed, pathway.schema.workup_detail_max_length)
            row.status.currentIndexChanged.connect(functools.partial(self._on_status_changed, item.id))
            row.detail.editingFinished.connect(functools.partial(self._on_detail_finished, item.id))
            self.rows[item.id] = row
        layout.addWidget(self.checklist_box)
        self.footer = _label(role="footer")
        layout.addWidget(self.footer)
        layout.addStretch(1)
        meta = self.kb.meta
        self.footer.setText(f"Knowledge base {meta.content_version}, reviewed {meta.reviewed} ({meta.review_status})")

    def _on_status_changed(self, item_id: str, _index: int = 0) -> None:
        self.status_edited.emit(item_id, self.rows[item_id].status.currentData())

    def _on_detail_finished(self, item_id: str) -> None:
        self.detail_edited.emit(item_id, self.rows[item_id].detail.text().strip())

    def _set_badge(self, text: str, level: str) -> None:
        set_text(self.badge, text)
        set_style_property(self.badge, "level", level)

    def _show_why(self, lines: list[tuple[str, str, str]]) -> None:
        """Show (text, role, tooltip) lines, reusing the labels already there."""
        while len(self.why_labels) < len(lines):
            label = _label()
            self.why.addWidget(label)
            self.why_labels.append(label)
        for label, (text, role, tooltip) in zip(self.why_labels, lines, strict=False):
            set_text(label, text)
            set_style_property(label, "role", role)
            if label.toolTip() != tooltip:
                label.setToolTip(tooltip)
            set_shown(label, True)
        for label in self.why_labels[len(lines) :]:
            set_shown(label, False)

    def show_incomplete(self, problems: tuple[Problem, ...]) -> None:
        """Say why no category can be given yet, instead of guessing one."""
        self._set_badge("Incomplete: no category yet", "unknown")
        set_text(self.level, "Complete the required findings to see the category.")
        set_text(self.flags, "")
        set_shown(self.urgent, False)
        self._show_why([(self.pathway.problem_text(problem), "problem", "") for problem in problems])
        set_shown(self.checklist_box, False)

    def _reasons(self, assessment: Assessment) -> list[tuple[str, str, str]]:
        lines = []
        for reason in assessment.rationale:
            lines.append((f"{reason.label}: {reason.text}", "reason", ""))
            if reason.facts:
                lines.append(("Recorded: " + "; ".join(reason.facts), "fact", ""))
            for ref_id in reason.references:
                ref = self.kb.references[ref_id]
                lines.append((ref.summary, "reference", ref.full))
        return lines

    def show_assessment(self, assessment: Assessment) -> None:
        """Show the category, flags, reasons and checklist of a case."""
        self._set_badge(assessment.category_label, assessment.level.value)
        urgent = next((r for r in assessment.rationale if r.rule == "flag:urgent"), None)
        set_text(self.urgent, f"URGENT — {urgent.text}" if urgent else "")
        set_shown(self.urgent, urgent is not None)
        words = LEVEL_WORDS[assessment.level].lower()
        set_text(self.level, f"Level: {assessment.level.value} ({words})  ·  {assessment.category}")
        flags = [self.flag_labels[flag] for flag in assessment.flags if flag != "urgent"]
        set_text(self.flags, "Flags: " + (", ".join(flags) if flags else "none"))
        self._show_why(self._reasons(assessment))
        # Every item stays listed, so a status can be recorded for any test; items the rules do
        # not select for this case are dimmed. (Showing and hiding rows also cost a relayout.)
        set_shown(self.checklist_box, True)
        shown = {entry.id: entry for entry in assessment.checklist}
        for item_id, row in self.rows.items():
            entry = shown.get(item_id)
            if entry is not None:
                self._show_entry(row, entry)
            else:
                self._show_not_indicated(row)

    def _show_not_indicated(self, row: _ChecklistRow) -> None:
        set_text(row.priority, "—")
        set_style_property(row.priority, "priority", "none")
        set_text(row.basis, NOT_INDICATED)
        set_style_property(row.title, "role", "item-inactive")
        if row.status.currentIndex() != 0:
            with signals_blocked(row.status):
                row.status.setCurrentIndex(0)
        self._show_detail(row, "", enabled=False)

    def _show_entry(self, row: _ChecklistRow, entry: ChecklistEntry) -> None:
        set_style_property(row.title, "role", "item")
        unasked = "Not indicated" if entry.implied_from else "Recorded"
        set_text(row.priority, PRIORITY_WORDS[entry.priority.value] if entry.indicated else unasked)
        set_style_property(row.priority, "priority", entry.priority.value if entry.indicated else "recorded")
        refs = ", ".join(self.kb.references[r].author_year for r in entry.references)
        implied = SOURCE_WORDS.get(entry.implied_from)
        scan = f"\n{implied.capitalize()}: {self.status_words[entry.status].lower()}." if implied else ""
        dated = f"\nRecorded on {entry.date}." if entry.date else ""
        facts = f"\nBecause: {'; '.join(entry.facts)}." if entry.facts else ""
        set_text(row.basis, f"{entry.basis} [{refs}]{facts}{scan}{dated}")
        recorded = None if entry.implied_from or entry.status == NOT_RECORDED else entry.status
        index = max(row.status.findData(recorded), 0) if recorded else 0
        if row.status.currentIndex() != index:
            with signals_blocked(row.status):
                row.status.setCurrentIndex(index)
        self._show_detail(row, entry.detail, enabled=recorded is not None)

    @staticmethod
    def _show_detail(row: _ChecklistRow, detail: str, *, enabled: bool) -> None:
        """Show a test's detail, editable only with a recorded status; never under the user's typing."""
        if not row.detail.hasFocus() and row.detail.text() != detail:
            with signals_blocked(row.detail):
                row.detail.setText(detail)
        if row.detail.isEnabled() != enabled:
            row.detail.setEnabled(enabled)

    def badge_text(self) -> str:
        return self.badge.text()
