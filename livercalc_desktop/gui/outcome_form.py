"""The outcome form: the outcome schema shown with the same form widgets as the findings.

Only fields the user set are recorded, and nothing is stored until Save; the register then
validates the outcome exactly as the CLI does, and any problem is shown under its field with
the dialog left open.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from livercalc_desktop.domain.case import Case, Value
from livercalc_desktop.domain.errors import CaseInvalid, LivercalcError
from livercalc_desktop.domain.schema import CaseSchema
from livercalc_desktop.domain.validation import case_to_data
from livercalc_desktop.gui.findings_form import FindingsForm
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.screen_fit import fit_on_screen, hold_width
from livercalc_desktop.knowledge.window_labels import WindowLabels
from livercalc_desktop.register.errors import RegisterFault


class OutcomeForm(QDialog):
    """Edits one outcome record; ``submit(json_text)`` stores it (raising ``CaseInvalid`` if wrong)."""

    def __init__(
        self,
        schema: CaseSchema,
        case_id: int,
        submit: Callable[[str], object],
        parent: QWidget | None = None,
        labels: WindowLabels | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcome of case {case}").format(case=case_id))
        self.schema, self.submit = schema, submit
        self.form = FindingsForm(schema, labels=labels)
        # Only what the user sets is recorded: a date box always shows some date, and that
        # must not become the outcome date unless someone chose it.
        self.values: dict[str, Value] = {}
        self.form.value_edited.connect(self._edited)
        self.area = area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.form)
        self.message = QLabel()
        self.message.setProperty("role", "problem")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        hold_width(area, self.form)  # never scrolls sideways
        fit_on_screen(self, QSize(640, 700))
        self.input_guard = install_input_guards(self)

    def _edited(self, path: str, value: Value | None) -> None:
        if value is None or value == ():
            self.values.pop(path, None)
        else:
            self.values[path] = value

    def outcome_json(self) -> str:
        return json.dumps(case_to_data(Case(values=self.values), self.schema), ensure_ascii=False)

    def accept(self) -> None:
        try:
            self.submit(self.outcome_json())
        except CaseInvalid as exc:
            self.form.show_problems(exc.problems)
            self.message.setText(
                self.tr("Not saved: {count} problem(s), shown under the fields.").format(count=len(exc.problems))
            )
            return
        except (LivercalcError, RegisterFault) as exc:
            self.message.setText(self.tr("Not saved: {reason}").format(reason=exc.message))
            return
        super().accept()
