"""The findings form, built from the case schema, grouped the way a sonographer works.

Widgets are named after their field path (``objectName``), labelled with mnemonics and
accessible names, and ordered for the Tab key. Problems are shown under the field they
concern, in the same words as the command line.

There are more rows than letters, so mnemonics go first to the required findings, then to
the other findings, then to free-text fields, and last to the identifying (private) ones;
every group can also be reached with Ctrl+1, Ctrl+2... (see ``group_entries``), and a field
without a letter is a few Tabs from its group's start. A mnemonic only moves focus: on a
tick box Qt would otherwise tick it.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from livercalc_desktop.domain.case import Case, Value
from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType
from livercalc_desktop.gui.field_editors import ChoicesEditor, Editor, make_editor
from livercalc_desktop.gui.problem_words import problem_message
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.gui.styles import style_label
from livercalc_desktop.gui.widget_updates import set_shown, set_style_property, set_text
from livercalc_desktop.knowledge.text_translations import LeafletLanguage
from livercalc_desktop.knowledge.window_labels import WindowLabels

# Letters the menu bar uses (File, Edit, Register, Help) are left to it.
_RESERVED_MNEMONICS = set("fehr")
_MENU_TITLES = ("&File", "&Edit", "&Register", "&Help")


def menu_bar_letters() -> set[str]:
    """Return the menu bar's Alt letters in the window's language (the main window's menu titles)."""
    titles = (QCoreApplication.translate("MainWindow", title) for title in _MENU_TITLES)
    return {title[title.index("&") + 1].lower() for title in titles if "&" in title[:-1]}


def assign_mnemonics(texts: list[str], anchored: int = 0, reserved: Iterable[str] = _RESERVED_MNEMONICS) -> list[str]:
    """Underline one letter (a to z: typeable on any keyboard) in as many texts as possible, earlier first, none twice.

    Each text takes its first free letter. When none is free, an earlier text may move to
    another of its own free letters to make room (a matching by augmenting paths), except
    the first ``anchored`` texts, whose letters never move.
    """
    typeable = [(c.lower() for c in text if c.isascii() and c.isalpha()) for text in texts]
    candidates = [list(dict.fromkeys(c for c in chars if c not in reserved)) for chars in typeable]
    owner: dict[str, int] = {}

    def place(index: int, tried: set[str]) -> bool:
        free = [letter for letter in candidates[index] if letter not in owner and letter not in tried]
        if free:
            owner[free[0]] = index
            return True
        for letter in candidates[index]:
            if letter not in tried and owner[letter] >= anchored:
                tried.add(letter)
                previous = owner[letter]
                del owner[letter]
                if place(previous, tried):
                    owner[letter] = index
                    return True
                owner[letter] = previous
        return False

    for index in range(len(texts)):
        place(index, set())
    letters = {index: letter for letter, index in owner.items()}
    marked = []
    for index, text in enumerate(texts):
        letter = letters.get(index)
        at = next((i for i, c in enumerate(text) if c.lower() == letter), None) if letter else None
        marked.append(text if at is None else f"{text[:at]}&{text[at:]}")
    return marked


def _row_label(specs: list[FieldSpec]) -> str:
    """Name a row by its field's whole label, or a shared row by its first field's label up to a comma.

    "Gestational age, weeks" and "…, days" share the row "Gestational age"; cutting every label
    showed "Fever, rash or flu-like illness this pregnancy" as "Fever".
    """
    label = specs[0].label
    return label.split(",")[0] if len(specs) > 1 else label


def _mnemonic_priority(spec: FieldSpec) -> tuple[bool, bool, bool]:
    """Sort key for handing out letters: required rows, then findings, then free text, then identifying fields."""
    return (not spec.required, spec.private, spec.type in (FieldType.TEXT, FieldType.LANGUAGE))


class FieldLabel(QLabel):
    """A row label whose Alt+letter moves focus to its field and never changes it.

    QLabel's own handling "clicks" a buddy that is a button, which ticked a finding nobody saw.
    """

    def event(self, event: QEvent) -> bool:
        buddy = self.buddy()
        if event.type() == QEvent.Type.Shortcut and buddy is not None:
            buddy.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().event(event)


class FindingsForm(QWidget):
    """Edits every field of a case; emits ``value_edited(path, value)`` on each commit."""

    value_edited = Signal(str, object, bool)  # path, value, typed (merges into one undo step)

    def __init__(
        self,
        schema: CaseSchema,
        parent: QWidget | None = None,
        labels: WindowLabels | None = None,
        languages: Sequence[LeafletLanguage] = (),
    ) -> None:
        super().__init__(parent)
        self.schema = schema
        self._languages = languages  # what a language field offers: the pathway's leaflet languages
        # The words shown for the schema's labels (translated where current); values are the schema's.
        self.labels = labels or WindowLabels()
        self.editors: dict[str, Editor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self.group_entries: dict[str, QWidget] = {}
        self._row_labels: list[tuple[FieldSpec, QLabel]] = []
        layout = QVBoxLayout(self)
        for group in schema.groups:
            box = QGroupBox(self.labels.group(group.id, group.label))
            box.setObjectName(f"group:{group.id}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # never scroll sideways
            self._add_rows(form, schema.fields_in(group.id))
            layout.addWidget(box)
            first = next(iter(self.editors[s.path] for s in schema.fields_in(group.id)), None)
            if first is not None:
                self.group_entries[group.id] = first.focus_widgets()[0]
        layout.addStretch(1)
        rows = sorted(self._row_labels, key=lambda row: _mnemonic_priority(row[0]))
        required = sum(spec.required for spec, _label in rows)
        texts = assign_mnemonics([label.text() for _s, label in rows], anchored=required, reserved=menu_bar_letters())
        for (_spec, label), text in zip(rows, texts, strict=True):
            label.setText(text)
        self._chain_tab_order()
        self._paths_by_label: dict[QLabel, list[str]] = {}
        for path, label in self.problem_labels.items():
            self._paths_by_label.setdefault(label, []).append(path)

    def _add_rows(self, form: QFormLayout, fields: Iterable[FieldSpec]) -> None:
        pending: list[FieldSpec] = list(fields)
        while pending:
            spec = pending.pop(0)
            spec = self.labels.shown(spec)
            row_specs = [spec]
            # Weeks and days of the gestational age share one row.
            while (
                pending
                and spec.type is FieldType.INT
                and pending[0].path.rsplit(".", 1)[0] == spec.path.rsplit(".", 1)[0]
            ):
                row_specs.append(self.labels.shown(pending.pop(0)))
            editors = [make_editor(s, functools.partial(self._commit, s.path), self._languages) for s in row_specs]
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
            text = _row_label(row_specs) + (" *" if spec.required else "")
            label = FieldLabel(text)
            label.setBuddy(editors[0].focus_widgets()[0])
            self._row_labels.append((spec, label))
            form.addRow(label, holder)

    def _chain_tab_order(self) -> None:
        widgets = [w for editor in self.editors.values() for w in editor.focus_widgets()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def _commit(self, path: str) -> None:
        editor = self.editors[path]
        self.value_edited.emit(path, editor.value(), editor.typing)

    def set_case(self, case: Case) -> None:
        """Show a case without emitting an edit; fields already showing their value are left alone."""
        for path, editor in self.editors.items():
            if editor.value() != case.get(path):
                with signals_blocked(editor.widget, *editor.focus_widgets()):
                    editor.set_value(case.get(path))

    def first_field(self) -> QWidget:
        """Where the keyboard starts: the first field of the form."""
        return next(iter(self.group_entries.values()))

    def tick_box_paths(self, group_id: str) -> list[str]:
        """Return the tick-box lists of a group, which "none seen" can be recorded for at once."""
        return [s.path for s in self.schema.fields_in(group_id) if isinstance(self.editors[s.path], ChoicesEditor)]

    def values(self) -> dict[str, Value]:
        """Every recorded value as the widgets show it."""
        return {path: v for path, editor in self.editors.items() if (v := editor.value()) is not None}

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Put each problem under its field; clear the others."""
        messages: dict[str, list[str]] = {}
        for problem in problems:
            path = problem.path.split("[")[0]
            messages.setdefault(path, []).append(problem_message(problem, self.schema, self.labels))
        for label, paths in self._paths_by_label.items():
            shown = [m for p in paths for m in messages.get(p, [])]
            set_text(label, "\n".join(dict.fromkeys(shown)))
            if shown:
                style_label(label)  # on first use, not for every field at start-up
            set_shown(label, bool(shown))
            for path in paths:
                set_style_property(self.editors[path].widget, "invalid", bool(messages.get(path)))
