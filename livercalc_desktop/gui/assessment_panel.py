"""The side panel: category badge, flags, the reasons with their references, the checklist.

The badge always carries words as well as colour. Checklist statuses can be set here; the
change goes back into the case, and the case is assessed again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.engine.assessment import NOT_RECORDED, Assessment, ChecklistEntry, Reason
from livercalc_desktop.gui.optional_date import OptionalDateEdit, clear_date_button
from livercalc_desktop.gui.problem_words import problem_text
from livercalc_desktop.gui.record_editors import WrappingNoteEdit
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.gui.styles import style_label
from livercalc_desktop.gui.translation import window_labels
from livercalc_desktop.gui.widget_updates import ShowBatch, set_shown, set_style_property, set_text, shown_together
from livercalc_desktop.knowledge.model import KnowledgeBase, Level
from livercalc_desktop.knowledge.pathway import Pathway

# Words are marked here and translated where shown (QCoreApplication.translate, context "AssessmentPanel").
LEVEL_WORDS = {
    Level.HIGH: QT_TRANSLATE_NOOP("AssessmentPanel", "Higher concern"),
    Level.MODERATE: QT_TRANSLATE_NOOP("AssessmentPanel", "Tests outstanding"),
    Level.LOW: QT_TRANSLATE_NOOP("AssessmentPanel", "Low concern"),
    Level.UNKNOWN: QT_TRANSLATE_NOOP("AssessmentPanel", "Cannot classify yet"),
}
LEVEL_NAMES = {
    Level.HIGH: QT_TRANSLATE_NOOP("AssessmentPanel", "high"),
    Level.MODERATE: QT_TRANSLATE_NOOP("AssessmentPanel", "moderate"),
    Level.LOW: QT_TRANSLATE_NOOP("AssessmentPanel", "low"),
    Level.UNKNOWN: QT_TRANSLATE_NOOP("AssessmentPanel", "unknown"),
}
PRIORITY_WORDS = {
    "do": QT_TRANSLATE_NOOP("AssessmentPanel", "Do"),
    "offer": QT_TRANSLATE_NOOP("AssessmentPanel", "Offer"),
    "consider": QT_TRANSLATE_NOOP("AssessmentPanel", "Consider"),
}
SOURCE_NAMES = {
    "scan": QT_TRANSLATE_NOOP("AssessmentPanel", "From the scan: {status}."),
    "history": QT_TRANSLATE_NOOP("AssessmentPanel", "From the history: {status}."),
}
# What a row's badge says when the rules did not ask for the item but the case records it.
NOT_INDICATED_BADGE = QT_TRANSLATE_NOOP("AssessmentPanel", "Not indicated")
RECORDED_BADGE = QT_TRANSLATE_NOOP("AssessmentPanel", "Recorded")
PRIORITY_WIDTH = 76  # the narrowest badge column; widened to the longest badge word of the window language
# The knowledge base's review status, shown in the footer.
REVIEW_WORDS = (QT_TRANSLATE_NOOP("AssessmentPanel", "draft"), QT_TRANSLATE_NOOP("AssessmentPanel", "approved"))
NOT_INDICATED = QT_TRANSLATE_NOOP("AssessmentPanel", "Not indicated by the rules for this case.")
# How far a reason's facts and references sit under it; set in the layout, not the style
# sheet, so it survives the labels being reused for another category.
INDENT = 16
Line = tuple[str, str]  # text, tooltip
Shown = Callable[[QWidget, bool], None]
ReasonLines = tuple[str, str, list[Line], list[Line]]  # rule, text, facts, references


def _tr(text: object) -> str:
    """Translate words marked with QT_TRANSLATE_NOOP above (typed ``object`` by the bindings)."""
    return QCoreApplication.translate("AssessmentPanel", str(text))


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
        style_label(label)
    return label


def _show_lines(layout: QLayout, labels: list[QLabel], lines: list[Line], role: str, shown: Shown = set_shown) -> None:
    """Show ``lines`` in ``layout``, reusing its labels (each keeps one role) and hiding the spare ones."""
    while len(labels) < len(lines):
        label = _label(role=role)
        layout.addWidget(label)
        labels.append(label)
    for label, (text, tooltip) in zip(labels, lines, strict=False):
        set_text(label, text)
        if label.toolTip() != tooltip:
            label.setToolTip(tooltip)
        shown(label, True)
    for label in labels[len(lines) :]:
        shown(label, False)


def _badge_width(badge: QLabel) -> int:
    """Return the width that fits every word a checklist badge can show, in the window's language.

    The badges share one width so the item titles line up; a badge never wraps, so a word
    wider than the column was cut ("Registrad", and "Not indicated" even in English).
    """
    badge.ensurePolished()  # the role's bold font and padding
    widths = []
    for word in [*PRIORITY_WORDS.values(), NOT_INDICATED_BADGE, RECORDED_BADGE]:
        badge.setText(_tr(word))
        widths.append(badge.sizeHint().width())
    badge.clear()
    return max(PRIORITY_WIDTH, *widths)


class _ReasonView(QWidget):
    """One reason, with the facts that made it hold and its references indented beneath it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 2)
        layout.setSpacing(1)
        self.reason = _label(role="reason")
        layout.addWidget(self.reason)
        self.facts_layout, self.references_layout = QVBoxLayout(), QVBoxLayout()
        for sub in (self.facts_layout, self.references_layout):
            sub.setContentsMargins(INDENT, 0, 0, 0)
            sub.setSpacing(1)
            layout.addLayout(sub)
        self.facts: list[QLabel] = []
        self.references: list[QLabel] = []

    def show_reason(self, text: str, facts: list[Line], references: list[Line], shown: Shown) -> None:
        set_text(self.reason, text)
        _show_lines(self.facts_layout, self.facts, facts, "fact", shown)
        _show_lines(self.references_layout, self.references, references, "reference", shown)


class _RecordEditors:
    """The date and the result or note of a recorded test (built only once a status is recorded)."""

    def __init__(self, item_id: str, label: str, detail_limit: int) -> None:
        # A test's date is when it was done, often not today: it can be changed or cleared, never in the future.
        self.date = OptionalDateEdit(QCoreApplication.translate("RecordEditors", "No date"))
        self.date.setObjectName(f"date:{item_id}")
        self.date.setAccessibleName(QCoreApplication.translate("AssessmentPanel", "Date of {item}").format(item=label))
        clear = QCoreApplication.translate("AssessmentPanel", "Clear the date of {item}")
        self.clear_date = clear_date_button(
            self.date,
            QCoreApplication.translate("AssessmentPanel", "Clear date"),
            clear.format(item=label),
            Qt.FocusPolicy.TabFocus,
        )
        self.clear_date.setObjectName(f"clear-date:{item_id}")
        self.detail = WrappingNoteEdit()
        self.detail.setObjectName(f"detail:{item_id}")
        note = QCoreApplication.translate("AssessmentPanel", "Result or note for {item}")
        self.detail.setAccessibleName(note.format(item=label))
        self.detail.setPlaceholderText(QCoreApplication.translate("AssessmentPanel", "Result or note"))
        self.detail.setMaxLength(detail_limit)


class _ChecklistRow:
    """The widgets of one checklist item: priority, title, basis, status, and once recorded its date and note."""

    def __init__(
        self,
        parent: QVBoxLayout,
        item_id: str,
        label: str,
        statuses: Mapping[str, str],
        detail_limit: int,
        on_edit: Callable[[_RecordEditors], None],
    ) -> None:
        self.item_id, self.label, self.detail_limit, self.on_edit = item_id, label, detail_limit, on_edit
        self.container = QWidget()
        self.container.setObjectName(f"row:{item_id}")
        self.priority = _label(role="priority", wrap=False)
        self.priority.setFixedWidth(PRIORITY_WIDTH)
        self.priority.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority.setObjectName(f"priority:{item_id}")
        self.title = _label(label, role="item")
        self.basis = _label(role="basis")
        self.status = QComboBox()
        self.status.setObjectName(f"status:{item_id}")
        self.status.setAccessibleName(
            QCoreApplication.translate("AssessmentPanel", "Status of {item}").format(item=label)
        )
        self.status.addItem(QCoreApplication.translate("AssessmentPanel", "Not recorded"), None)
        for value, words in statuses.items():
            self.status.addItem(words, value)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(6)
        self.controls.addWidget(self.status)
        self.controls.addStretch(1)
        self.grid = QGridLayout(self.container)
        self.grid.setContentsMargins(0, 2, 0, 4)
        self.grid.setVerticalSpacing(2)
        self.grid.addWidget(self.priority, 0, 0, 4, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.title, 0, 1)
        self.grid.addWidget(self.basis, 1, 1)
        self.grid.addLayout(self.controls, 2, 1)
        self.grid.setColumnStretch(1, 1)
        parent.addWidget(self.container)
        # Most items are never recorded: their editors are built on first use, which keeps start-up short.
        self._record: _RecordEditors | None = None

    def record(self) -> _RecordEditors:
        """Return the date and note editors, building them the first time."""
        if self._record is None:
            record = _RecordEditors(self.item_id, self.label, self.detail_limit)
            self.controls.insertWidget(1, record.date)
            self.controls.insertWidget(2, record.clear_date)
            self.grid.addWidget(record.detail, 3, 1)
            self.on_edit(record)
            self._record = record
        return self._record

    @property
    def date(self) -> OptionalDateEdit:
        return self.record().date

    @property
    def clear_date(self) -> QToolButton:
        return self.record().clear_date

    @property
    def detail(self) -> WrappingNoteEdit:
        return self.record().detail

    def show_record(self, detail: str, date: str | None, *, recorded: bool) -> None:
        """Show a test's date and note, only once a status is recorded; never under the user's typing."""
        if self._record is None and not recorded:
            return
        record = self.record()
        for widget in (record.date, record.clear_date, record.detail):
            set_shown(widget, recorded)
        if not record.detail.hasFocus() and record.detail.text() != detail:
            with signals_blocked(record.detail):
                record.detail.setText(detail)
        if record.date.iso_date() != date:
            with signals_blocked(record.date):
                record.date.set_iso_date(date)


class AssessmentPanel(QWidget):
    """Shows an ``Assessment``; emits ``status_edited``, ``detail_edited`` and ``date_edited`` as a test is recorded.

    The badge, urgent banner, level and flags live in ``header``, which the window places
    outside the scrolling part.
    """

    status_edited = Signal(str, object)
    detail_edited = Signal(str, str)
    date_edited = Signal(str, object)  # item id, "YYYY-MM-DD" or None
    # Editors built after the window (checklist rows, a test's date and note): the window
    # applies its input rules to them too (no wheel changes unless focused, shortcuts work).
    editors_added = Signal(QWidget)

    def __init__(self, pathway: Pathway, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase = pathway.kb
        self.pathway = pathway
        self.labels = window_labels(pathway)
        layout = QVBoxLayout(self)
        self.badge = _label(role="badge")
        self.badge.setObjectName("categoryBadge")
        self.badge.setAccessibleName(self.tr("Risk category"))
        self.level = _label(role="level")
        self.level.setObjectName("levelText")
        self.flags = _label(role="flags")
        self.flags.setObjectName("flagsText")
        self.urgent = _label(role="urgent")
        self.urgent.setObjectName("urgentBanner")
        self.urgent.setAccessibleName(self.tr("Urgent"))
        self.urgent.hide()
        # The category stays in sight while the reasons and the checklist scroll: the window
        # puts this header above the panel's scroll area.
        self.header = QWidget()
        self.header.setObjectName("panelHeader")
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(9, 6, 9, 4)
        for widget in (self.urgent, self.badge, self.level, self.flags):
            header_layout.addWidget(widget)
        self.why_box = why_box = QGroupBox(self.tr("Why"))
        self.why = QVBoxLayout(why_box)
        self.why.setSpacing(2)
        self.english_note: QLabel | None = None  # shown above the reasons in a translated window
        if self.labels.translation is not None:
            # Rule explanations and references are clinical statements reviewed in English: shown as reviewed.
            note = self.tr(
                "Reasons, checklist bases and references are shown in English, the language of their clinical review."
            )
            self.english_note = _label(note, role="footer")
            self.why.addWidget(self.english_note)
        self.problem_labels: list[QLabel] = []
        self.problems_layout = QVBoxLayout()
        self.why.addLayout(self.problems_layout)
        # One view per rule (category or flag) shown so far, laid out in the knowledge base's
        # order: a rule that stays keeps its view and its text, so a category flip lays out only
        # what changed, not every reason after the one that moved.
        self._views: dict[str, _ReasonView] = {}
        rules = [f"category:{c.id}" for c in self.kb.categories] + [f"flag:{f.id}" for f in self.kb.flags]
        self._rule_order = {rule: index for index, rule in enumerate(rules)}
        self.flag_labels = {f.id: self.labels.flag(f.id, f.label) for f in self.kb.flags}
        layout.addWidget(why_box)
        # The checklist is built with the first complete case: a new case shows none, and its
        # ~100 widgets were a fifth of the time to the first paint.
        self.checklist_box = QGroupBox(self.tr("Workup checklist"))
        self.checklist_box.hide()
        self.status_words = {
            c.value: self.labels.status(pathway.schema, c.value) for c in pathway.schema.workup_statuses
        }
        self.rows: dict[str, _ChecklistRow] = {}
        layout.addWidget(self.checklist_box)
        self.footer = _label(role="footer")
        layout.addWidget(self.footer)
        layout.addStretch(1)
        meta = self.kb.meta
        footer = self.tr("Knowledge base {version}, reviewed {date} ({status})")
        self.footer.setText(
            footer.format(version=meta.content_version, date=meta.reviewed, status=_tr(meta.review_status))
        )

    def _build_checklist(self) -> None:
        """Build one row per checklist item, each offering only the statuses its kind takes."""
        rows_layout = QVBoxLayout(self.checklist_box)
        schema = self.pathway.schema
        for item in self.kb.checklist:
            # A scan or test has a result; an action is booked or done.
            allowed = {status: self.status_words[status] for status in schema.statuses_for(item.kind)}
            row = _ChecklistRow(
                rows_layout,
                item.id,
                self.labels.item(item.id, item.label),
                allowed,
                schema.workup_detail_max_length,
                functools.partial(self._connect_record, item.id),
            )
            row.status.currentIndexChanged.connect(functools.partial(self._on_status_changed, item.id))
            self.rows[item.id] = row
        width = _badge_width(next(iter(self.rows.values())).priority)
        for row in self.rows.values():
            row.priority.setFixedWidth(width)
        self.editors_added.emit(self.checklist_box)

    def _on_status_changed(self, item_id: str, _index: int = 0) -> None:
        self.status_edited.emit(item_id, self.rows[item_id].status.currentData())

    def _connect_record(self, item_id: str, record: _RecordEditors) -> None:
        record.detail.editingFinished.connect(functools.partial(self._on_detail_finished, item_id))
        record.date.dateChanged.connect(functools.partial(self._on_date_changed, item_id))
        self.editors_added.emit(self.rows[item_id].container)

    def _on_detail_finished(self, item_id: str) -> None:
        self.detail_edited.emit(item_id, self.rows[item_id].detail.text().strip())

    def _on_date_changed(self, item_id: str, _date: object = None) -> None:
        self.date_edited.emit(item_id, self.rows[item_id].date.iso_date())

    def _set_badge(self, text: str, level: str) -> None:
        set_text(self.badge, text)
        set_style_property(self.badge, "level", level)

    @property
    def reason_views(self) -> list[_ReasonView]:
        """The views of the reasons shown, in the order shown."""
        return [view for view in self._ordered_views() if not view.isHidden()]

    def _ordered_views(self) -> list[_ReasonView]:
        return [self._views[rule] for rule in sorted(self._views, key=self._order)]

    def _order(self, rule: str) -> int:
        return self._rule_order.get(rule, len(self._rule_order))

    def _view(self, rule: str) -> _ReasonView:
        """Return the rule's view, building it in its place the first time."""
        if rule not in self._views:
            before = sum(1 for other in self._views if self._order(other) <= self._order(rule))
            self._views[rule] = _ReasonView()
            self.why.insertWidget(self.why.indexOf(self.problems_layout) + 1 + before, self._views[rule])
        return self._views[rule]

    def _show_why(self, problems: list[Line], reasons: list[ReasonLines]) -> None:
        """Show the problems, then each reason with its facts and references, reusing the views already there."""
        with shown_together(self.why_box) as batch:
            if self.english_note is not None:  # it speaks of the reasons: only shown with some
                batch.set_shown(self.english_note, bool(reasons))
            _show_lines(self.problems_layout, self.problem_labels, problems, "problem", batch.set_shown)
            self._show_reasons(reasons, batch)

    def _show_reasons(self, reasons: list[ReasonLines], batch: ShowBatch) -> None:
        for rule, text, facts, references in reasons:
            view = self._view(rule)
            view.show_reason(text, facts, references, batch.set_shown)
            batch.set_shown(view, True)
        shown = {rule for rule, *_ in reasons}
        for rule, view in self._views.items():
            if rule not in shown:
                batch.set_shown(view, False)

    def show_incomplete(self, problems: tuple[Problem, ...]) -> None:
        """Say why no category can be given yet, instead of guessing one."""
        self._set_badge(self.tr("Incomplete: no category yet"), "unknown")
        set_text(self.level, self.tr("Complete the required findings to see the category."))
        set_text(self.flags, "")
        set_shown(self.urgent, False)
        self._show_why([(problem_text(problem, self.pathway, self.labels), "") for problem in problems], [])
        set_shown(self.checklist_box, False)

    def _reason(self, reason: Reason) -> ReasonLines:
        """Return a reason's rule and text, the recorded facts that made its rule hold, and its references."""
        return (
            reason.rule,
            f"{reason.label}: {reason.text}",
            [(f"• {fact}", "") for fact in reason.facts],
            [(self.kb.references[ref_id].summary, self.kb.references[ref_id].full) for ref_id in reason.references],
        )

    def show_assessment(self, assessment: Assessment) -> None:
        """Show the category, flags, reasons and checklist of a case."""
        self._set_badge(self.labels.category(assessment.category, assessment.category_label), assessment.level.value)
        urgent = next((r for r in assessment.rationale if r.rule == "flag:urgent"), None)
        # The English banner quotes the rule; a translated window names the flag (the rule is under "Why").
        banner = self.flag_labels["urgent"] if self.labels.translation is not None else ""
        set_text(self.urgent, (banner or f"URGENT — {urgent.text}") if urgent else "")
        set_shown(self.urgent, urgent is not None)
        words = _tr(LEVEL_WORDS[assessment.level]).lower()
        level = self.tr("Level: {level} ({words})").format(level=_tr(LEVEL_NAMES[assessment.level]), words=words)
        set_text(self.level, level)
        flags = [self.flag_labels[flag] for flag in assessment.flags if flag != "urgent"]
        set_text(self.flags, self.tr("Flags: {flags}").format(flags=", ".join(flags) if flags else self.tr("none")))
        # Every item stays listed, so a status can be recorded for any test; items the rules do
        # not select for this case are dimmed. (Showing and hiding rows also cost a relayout.)
        if not self.rows:
            self._build_checklist()
        set_shown(self.checklist_box, True)
        shown = {entry.id: entry for entry in assessment.checklist}
        for item_id, row in self.rows.items():
            entry = shown.get(item_id)
            if entry is not None:
                self._show_entry(row, entry)
            else:
                self._show_not_indicated(row)
        # Last: showing a reason lays out the whole panel at once, checklist changes included.
        self._show_why([], [self._reason(reason) for reason in assessment.rationale])

    def _show_not_indicated(self, row: _ChecklistRow) -> None:
        set_text(row.priority, "—")
        set_style_property(row.priority, "priority", "none")
        set_text(row.basis, _tr(NOT_INDICATED))
        set_style_property(row.title, "role", "item-inactive")
        if row.status.currentIndex() != 0:
            with signals_blocked(row.status):
                row.status.setCurrentIndex(0)
        row.show_record("", None, recorded=False)

    def _show_entry(self, row: _ChecklistRow, entry: ChecklistEntry) -> None:
        set_style_property(row.title, "role", "item")
        unasked = _tr(NOT_INDICATED_BADGE) if entry.implied_from else _tr(RECORDED_BADGE)
        set_text(row.priority, _tr(PRIORITY_WORDS[entry.priority.value]) if entry.indicated else unasked)
        set_style_property(row.priority, "priority", entry.priority.value if entry.indicated else "recorded")
        refs = ", ".join(self.kb.references[r].author_year for r in entry.references)
        implied = SOURCE_NAMES.get(entry.implied_from)
        scan = "\n" + _tr(implied).format(status=self.status_words[entry.status].lower()) if implied else ""
        facts = f"\nBecause: {'; '.join(entry.facts)}." if entry.facts else ""
        set_text(row.basis, f"{entry.basis} [{refs}]{facts}{scan}")
        recorded = None if entry.implied_from or entry.status == NOT_RECORDED else entry.status
        index = max(row.status.findData(recorded), 0) if recorded else 0
        if row.status.currentIndex() != index:
            with signals_blocked(row.status):
                row.status.setCurrentIndex(index)
        row.show_record(entry.detail, entry.date, recorded=recorded is not None)

    def badge_text(self) -> str:
        return self.badge.text()
