"""One editor widget per field type of the case schema.

Each editor turns its widget into a schema value and back, and calls ``on_commit`` when the
user commits an edit. "Not recorded" is always a choice where a value may be missing, so
nothing is ever silently recorded as normal; a required number starts out not recorded too.
Editors whose value is typed (``typing``) report every keystroke, so the document and its undo
history always match what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from livercalc_desktop.domain.case import Value
from livercalc_desktop.domain.schema import FieldSpec, FieldType
from livercalc_desktop.gui.optional_date import OptionalDateEdit, clear_date_button
from livercalc_desktop.gui.signals import signals_blocked
from livercalc_desktop.knowledge.text_translations import LeafletLanguage

Commit = Callable[[], None]


def not_recorded() -> str:
    """Return the words for a value nobody has recorded yet (never shown as normal)."""
    return QCoreApplication.translate("FieldEditors", "Not recorded")


class Editor:
    """Base: a widget, its focusable parts in tab order, and value conversion."""

    # Edits arrive keystroke by keystroke (or arrow key by arrow key in a drop-down):
    # consecutive ones merge into one undo step.
    typing = True

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        self.spec = spec
        self.widget = widget
        widget.setObjectName(spec.path)
        widget.setAccessibleName(spec.label)
        if spec.help:
            widget.setToolTip(spec.help)
            widget.setAccessibleDescription(spec.help)

    def focus_widgets(self) -> list[QWidget]:
        return [self.widget]

    def value(self) -> Value | None:
        raise NotImplementedError

    def set_value(self, value: Value | None) -> None:
        raise NotImplementedError


class TextEditor(Editor):
    """A one-line text box; commits when editing finishes."""

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        self.edit = QLineEdit()
        super().__init__(spec, self.edit)
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length)
        self.edit.textEdited.connect(lambda _t: on_commit())

    def value(self) -> Value | None:
        return self.edit.text().strip() or None

    def set_value(self, value: Value | None) -> None:
        self.edit.setText(str(value) if value is not None else "")


class NoteEditor(Editor):
    """A multi-line note; Tab moves on instead of typing a tab."""

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        self.edit = QPlainTextEdit()
        super().__init__(spec, self.edit)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(90)
        self.edit.textChanged.connect(on_commit)

    def value(self) -> Value | None:
        text = self.edit.toPlainText().strip()
        limit = self.spec.max_length or len(text)
        return text[:limit] or None

    def set_value(self, value: Value | None) -> None:
        self.edit.setPlainText(str(value) if value is not None else "")


class DateEditor(Editor):
    """A date with a calendar; no date after today where the field forbids it.

    A required date (the scan's) is today in a new case, the day of the appointment, and cannot
    be cleared. A date that may be unknown (an illness's, an infection's) starts as "Not
    recorded", never as a date nobody entered; Delete or the clear button takes it back there.
    """

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        self.edit = OptionalDateEdit(not_recorded(), required=spec.required, not_in_future=spec.not_in_future)
        self.edit.setObjectName(f"{spec.path}:date")
        if spec.required:
            widget: QWidget = self.edit
        else:
            widget = QWidget()
            line = QHBoxLayout(widget)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(self.edit, 1)
            clear = clear_date_button(
                self.edit,
                QCoreApplication.translate("FieldEditors", "Clear"),
                QCoreApplication.translate("FieldEditors", "Clear {field}").format(field=spec.label),
                Qt.FocusPolicy.NoFocus,  # the keyboard clears with Delete
            )
            line.addWidget(clear)
        super().__init__(spec, widget)
        self.edit.setAccessibleName(spec.label)
        self.edit.dateChanged.connect(lambda _d: on_commit())

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    @property
    def typing(self) -> bool:  # type: ignore[override]
        """Typed dates merge into one undo step; clearing one is a step of its own."""
        return self.edit.iso_date() is not None

    def value(self) -> Value | None:
        return self.edit.iso_date()

    def set_value(self, value: Value | None) -> None:
        self.edit.set_iso_date(str(value) if value else None)


def _show_unit(spin: QSpinBox | QDoubleSpinBox, spec: FieldSpec) -> None:
    """Give a number box its unit, singular after 1 where the schema says so ("1 day", "4 days")."""

    def follow(value: float) -> None:
        spin.setSuffix(spec.unit_after(value))

    follow(spin.value())
    if spec.unit_one:
        spin.valueChanged.connect(follow)


class IntEditor(Editor):
    """A whole number within the field's range, or not recorded (shown as a dash, never a guess)."""

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        self.spin = QSpinBox()
        super().__init__(spec, self.spin)
        self.spin.setRange(int(spec.minimum or 0) - 1, int(spec.maximum or 0))
        self.spin.setSpecialValueText("—")
        _show_unit(self.spin, spec)
        self.spin.setValue(self.spin.minimum())
        self.spin.valueChanged.connect(lambda _v: on_commit())

    def value(self) -> Value | None:
        return None if self.spin.value() == self.spin.minimum() else self.spin.value()

    def set_value(self, value: Value | None) -> None:
        self.spin.setValue(int(value) if isinstance(value, int) else self.spin.minimum())


def _optional_spin(spec: FieldSpec, on_commit: Commit) -> QDoubleSpinBox:
    """Return a number box whose lowest position means "not recorded"."""
    spin = QDoubleSpinBox()
    decimals = spec.decimals if spec.decimals is not None else 1
    step = 10.0**-decimals
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setRange((spec.minimum or 0) - step, spec.maximum or 0)
    spin.setSpecialValueText(not_recorded())
    _show_unit(spin, spec)
    spin.setValue(spin.minimum())
    spin.valueChanged.connect(lambda _v: on_commit())
    return spin


def _spin_value(spin: QDoubleSpinBox) -> float | None:
    return None if spin.value() <= spin.minimum() else round(spin.value(), spin.decimals())


class NumberEditor(Editor):
    """A decimal number, or not recorded."""

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        self.spin = _optional_spin(spec, on_commit)
        super().__init__(spec, self.spin)

    def value(self) -> Value | None:
        return _spin_value(self.spin)

    def set_value(self, value: Value | None) -> None:
        self.spin.setValue(float(value) if isinstance(value, int | float) else self.spin.minimum())


class SizesEditor(Editor):
    """Up to three diameters of the largest spot."""

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        box = QWidget()
        super().__init__(spec, box)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spins = [_optional_spin(spec, on_commit) for _ in range(spec.max_items or 3)]
        for index, spin in enumerate(self.spins, start=1):
            diameter = QCoreApplication.translate("FieldEditors", "{field}, diameter {number}")
            spin.setAccessibleName(diameter.format(field=spec.label, number=index))
            spin.setSpecialValueText("—")
            layout.addWidget(spin)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.spins)

    def value(self) -> Value | None:
        sizes = tuple(v for v in (_spin_value(s) for s in self.spins) if v is not None)
        return sizes or None

    def set_value(self, value: Value | None) -> None:
        sizes = [float(v) for v in value if isinstance(v, int | float)] if isinstance(value, tuple) else []
        for index, spin in enumerate(self.spins):
            spin.setValue(sizes[index] if index < len(sizes) else spin.minimum())


def _choice_items(spec: FieldSpec) -> list[tuple[str, Value]]:
    """Return a choice field's items after "Not recorded": Yes / No for a boolean, else the schema's choices."""
    items: list[tuple[str, Value]] = []
    if spec.type is FieldType.BOOL:
        items += [
            (QCoreApplication.translate("FieldEditors", "Yes"), True),
            (QCoreApplication.translate("FieldEditors", "No"), False),
        ]
    return items + [(choice.label, choice.value) for choice in spec.choices]


class ChoiceEditor(Editor):
    """A drop-down with "Not recorded" first, then ``items`` (by default the field's choices; Yes / No for a boolean).

    The schema's default is marked "(default)": it is what a value left not recorded means.
    """

    def __init__(self, spec: FieldSpec, on_commit: Commit, items: Iterable[tuple[str, Value]] | None = None) -> None:
        self.combo = QComboBox()
        super().__init__(spec, self.combo)
        self.combo.addItem(not_recorded(), None)
        for text, value in _choice_items(spec) if items is None else items:
            self.combo.addItem(text, value)
        default = self.combo.findData(spec.default) if spec.default is not None else -1
        if default > 0:
            marked = QCoreApplication.translate("FieldEditors", "{choice} (default)")
            self.combo.setItemText(default, marked.format(choice=self.combo.itemText(default)))
        self.combo.currentIndexChanged.connect(lambda _i: on_commit())

    def value(self) -> Value | None:
        data = self.combo.currentData()
        return data if isinstance(data, str | bool) else None

    def set_value(self, value: Value | None) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))


# Own names of languages are short ("Español", "中文（简体）"); CLDR's longest real ones, with a
# region, run to about 50 characters. A drop-down is as wide as its longest item: a name longer
# than this is cut, so no leaflet file can make the form wider than the screen.
_NAME_SHOWN_MAX = 32


def language_item(language: LeafletLanguage) -> str:
    """Name a leaflet language as language pickers do, in its own words and with its tag: "Español (es)".

    The name is shown on one line, and a long one is cut with an ellipsis; the tag is always shown whole.
    """
    name = " ".join(language.name.split())
    if len(name) > _NAME_SHOWN_MAX:
        name = name[: _NAME_SHOWN_MAX - 1].rstrip() + "…"
    return f"{name} ({language.tag})" if name else language.tag


class LanguageEditor(ChoiceEditor):
    """The patient's leaflet language: "Not recorded", then every language the pathway has leaflet texts in.

    A tag recorded in a file that is none of these ("vi", "zh-CN", "es-MX") is shown as recorded,
    as one more item, never as "Not recorded" or as another language; whether a leaflet prints
    for it (zh-CN does, in zh-Hans) is the leaflet export's to say. Once another value is shown
    that item goes: it was that case's value, not a language to offer.
    """

    def __init__(self, spec: FieldSpec, on_commit: Commit, languages: Iterable[LeafletLanguage]) -> None:
        super().__init__(spec, on_commit, [(language_item(language), language.tag) for language in languages])
        self._listed = self.combo.count()
        self.combo.currentIndexChanged.connect(lambda _i: self._drop_unlisted())

    def set_value(self, value: Value | None) -> None:
        if value is not None and self.combo.findData(value) < 0:
            if self.combo.count() > self._listed:
                self.combo.setItemText(self._listed, str(value))
                self.combo.setItemData(self._listed, value)
            else:
                self.combo.addItem(str(value), value)
        super().set_value(value)
        self._drop_unlisted()

    def _drop_unlisted(self) -> None:
        # The unlisted item is the last one: removing it never moves the current item.
        if self.combo.count() > self._listed and self.combo.currentIndex() < self._listed:
            self.combo.removeItem(self._listed)


class ChoicesEditor(Editor):
    """Tick boxes for a list field, and a "None seen" box above them.

    Three states, kept apart because they mean different things: boxes ticked (those were
    seen), "None seen" (looked for, nothing found: an empty list), or neither (not recorded).
    """

    typing = False

    def __init__(self, spec: FieldSpec, on_commit: Commit) -> None:
        box = QWidget()
        super().__init__(spec, box)
        self._on_commit = on_commit
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.none_seen = QCheckBox(QCoreApplication.translate("FieldEditors", "None seen"))
        self.none_seen.setObjectName(f"{spec.path}:none-seen")
        none_seen = QCoreApplication.translate("FieldEditors", "{field}: none seen")
        self.none_seen.setAccessibleName(none_seen.format(field=spec.label))
        self.none_seen.setToolTip(
            QCoreApplication.translate(
                "FieldEditors", "Record that none of these was seen (different from leaving it not recorded)."
            )
        )
        self.none_seen.toggled.connect(self._on_none_seen)
        grid.addWidget(self.none_seen, 0, 0, 1, 2)
        self.boxes: dict[str, QCheckBox] = {}
        for index, choice in enumerate(spec.choices):
            check = QCheckBox(choice.label)
            check.setObjectName(f"{spec.path}:{choice.value}")
            check.setAccessibleName(f"{spec.label}: {choice.label}")
            check.toggled.connect(self._on_ticked)
            grid.addWidget(check, 1 + index // 2, index % 2)
            self.boxes[choice.value] = check

    def _on_none_seen(self, checked: bool) -> None:
        if checked:
            with signals_blocked(*self.boxes.values()):
                for check in self.boxes.values():
                    check.setChecked(False)
        self._on_commit()

    def _on_ticked(self, checked: bool) -> None:
        if checked and self.none_seen.isChecked():
            with signals_blocked(self.none_seen):
                self.none_seen.setChecked(False)
        self._on_commit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.none_seen, *self.boxes.values()]

    def value(self) -> Value | None:
        chosen = tuple(v for v, box in self.boxes.items() if box.isChecked())
        if chosen:
            return chosen
        return () if self.none_seen.isChecked() else None

    def set_value(self, value: Value | None) -> None:
        chosen = set(value) if isinstance(value, tuple) else set()
        for choice, box in self.boxes.items():
            box.setChecked(choice in chosen)
        self.none_seen.setChecked(value == ())


def make_editor(spec: FieldSpec, on_commit: Commit, languages: Iterable[LeafletLanguage] = ()) -> Editor:
    """Return the editor for a field, by its type; a language field offers ``languages`` (the pathway's leaflets')."""
    if spec.type is FieldType.TEXT and (spec.max_length or 0) > 500:
        return NoteEditor(spec, on_commit)
    if spec.type is FieldType.LANGUAGE:
        return LanguageEditor(spec, on_commit, languages)
    editors: dict[FieldType, Callable[[FieldSpec, Commit], Editor]] = {
        FieldType.TEXT: TextEditor,
        FieldType.DATE: DateEditor,
        FieldType.INT: IntEditor,
        FieldType.NUMBER: NumberEditor,
        FieldType.BOOL: ChoiceEditor,
        FieldType.CHOICE: ChoiceEditor,
        FieldType.CHOICES: ChoicesEditor,
        FieldType.SIZES: SizesEditor,
    }
    return editors[spec.type](spec, on_commit)
