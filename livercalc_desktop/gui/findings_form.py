"""The findings form, built from the case schema, grouped the way a sonographer works.

Widgets are named after their field path (``objectName``), labelled with mnemonics and
accessible names, and ordered for the Tab key. Problems are shown under the field they
concern, in the same words as the command line.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from livercalc_desktop.domain.case import Case, Value
from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType
from livercalc_desktop.gui.field_editors import Editor, make_editor
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.gui.widget_updates import set_shown, set_style_property, set_text

# Letters the menu bar uses (File, Edit, Help) are left to it.
_RESERVED_MNEMONICS = set("feh")


class _Mnemonics:
    """Gives each label the first letter not yet taken, so Alt+letter reaches each field."""

    def __init__(self) -> None:
        self.used = set(_RESERVED_MNEMONICS)

    def label(self, text: str) -> str:
        for index, char in enumerate(text):
            if char.isalpha() and char.lower() not in self.used:
                self.used.add(char.lower())
                return f"{text[:index]}&{text[index:]}"
        return text


def _row_label(spec: FieldSpec) -> str:
    return spec.label.split(",")[0]


class FindingsForm(QWidget):
    """Edits every field of a case; emits ``value_edited(path, value)`` on each commit."""

    value_edited = Signal(str, object)

    def __init__(self, schema: CaseSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.editors: dict[str, Editor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        mnemonics = _Mnemonics()
        layout = QVBoxLayout(self)
        for group in schema.groups:
            box = QGroupBox(group.label)
            box.setObjectName(f"group:{group.id}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # never scroll sideways
            self._add_rows(form, schema.fields_in(group.id), mnemonics)
            layout.addWidget(box)
        layout.addStretch(1)
        self._chain_tab_order()
        self._paths_by_label: dict[QLabel, list[str]] = {}
        for path, label in self.problem_labels.items():
            self._paths_by_label.setdefault(label, []).append(path)

    def _add_rows(self, form: QFormLayout, fields: Iterable[FieldSpec], mnemonics: _Mnemonics) -> None:
        pending: list[FieldSpec] = list(fields)
        while pending:
            spec = pending.pop(0)
            row_specs = [spec]
            # Weeks and days of the gestational age share one row.
            while (
                pending
                and spec.type is FieldType.INT
                and pending[0].path.rsplit(".", 1)[0] == spec.path.rsplit(".", 1)[0]
            ):
                row_specs.append(pending.pop(0))
            editors = [make_editor(s, functools.partial(self._commit, s.path)) for s in row_specs]
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            line = QHBoxLayout()
            for editor in editors:
                line.addWidget(editor.widget)
                self.editors[editor.spec.path] = editor
            column.addLayout(line)
            problem = QLabel()
            problem.setObjectName(f"problem:{spec.path}")
            problem.setProperty("role", "problem")
            problem.setWordWrap(True)
            problem.hide()
            column.addWidget(problem)
            for editor in editors:
                self.problem_labels[editor.spec.path] = problem
            text = _row_label(spec) + (" *" if spec.required else "")
            label = QLabel(mnemonics.label(text))
            label.setBuddy(editors[0].focus_widgets()[0])
            form.addRow(label, holder)

    def _chain_tab_order(self) -> None:
        widgets = [w for editor in self.editors.values() for w in editor.focus_widgets()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def _commit(self, path: str) -> None:
        self.value_edited.emit(path, self.editors[path].value())

    def set_case(self, case: Case) -> None:
        """Show a case without emitting an edit for every field."""
        for path, editor in self.editors.items():
            with signals_blocked(editor.widget, *editor.focus_widgets()):
                editor.set_value(case.get(path))

    def values(self) -> dict[str, Value]:
        """Every recorded value as the widgets show it."""
        return {path: v for path, editor in self.editors.items() if (v := editor.value()) is not None}

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Put each problem under its field; clear the others."""
        messages: dict[str, list[str]] = {}
        for problem in problems:
            path = problem.path.split("[")[0]
            messages.setdefault(path, []).append(problem.message)
        for label, paths in self._paths_by_label.items():
            shown = [m for p in paths for m in messages.get(p, [])]
            set_text(label, "\n".join(dict.fromkeys(shown)))
            set_shown(label, bool(shown))
            for path in paths:
                set_style_property(self.editors[path].widget, "invalid", bool(messages.get(path)))
