"""Problems with a case, said in the window's language.

The validator (``domain.validation``) words its problems in English for the command line and
the case files' users. The window shows the ones its form can produce (a required finding, a
finding that only applies with another, a date out of its window) in its own language,
rebuilt from the schema with the window's labels. Problems only a hand-edited file can hold
(wrong types, unknown keys) are shown as the validator words them, in English.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.domain.schema import CaseSchema
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.window_labels import WindowLabels

_AFTER = re.compile(r"must not be after the .* \((?P<date>[\d-]+)\), got (?P<value>.*)")
_WEEKS = re.compile(r"must be at most (?P<weeks>\d+) weeks before the .*, got (?P<value>.*)")
_FUTURE = re.compile(r"must not be in the future \(today is (?P<today>[\d-]+)\), got (?P<value>.*)")
_LENGTH = re.compile(r"must be at most (?P<limit>\d+) characters, got (?P<length>\d+) characters")


def problem_message(problem: Problem, schema: CaseSchema, labels: WindowLabels) -> str:
    """Return the problem's message (without the field's name) in the window's language."""
    message = problem.message
    spec = schema.field(re.sub(r"\[\d+\]$", "", problem.path))
    if message == "is required":
        return QCoreApplication.translate("Problems", "is required")
    if spec is not None and spec.only_with is not None and message.startswith("can only be recorded when "):
        other = schema.field(spec.only_with[0])
        if other is not None:
            quoted = QCoreApplication.translate("Problems", '"{value}"', "a choice quoted in a message")
            values = [
                quoted.format(value=labels.choice(other, v)) for v in other.choice_values if v in spec.only_with[1]
            ]
            text = QCoreApplication.translate("Problems", "can only be recorded when {field} is {values}")
            return text.format(
                field=labels.field(other).lower(), values=QCoreApplication.translate("Problems", " or ").join(values)
            )
    other = schema.field(spec.not_after or "") if spec is not None else None
    if other is not None and (found := _AFTER.fullmatch(message)):
        text = QCoreApplication.translate("Problems", "must not be after the {field} ({date}), got {value}")
        return text.format(field=labels.field(other).lower(), **found.groupdict())
    if other is not None and (found := _WEEKS.fullmatch(message)):
        text = QCoreApplication.translate("Problems", "must be at most {weeks} weeks before the {field}, got {value}")
        return text.format(field=labels.field(other).lower(), **found.groupdict())
    if found := _FUTURE.fullmatch(message):
        text = QCoreApplication.translate("Problems", "must not be in the future (today is {today}), got {value}")
        return text.format(**found.groupdict())
    if found := _LENGTH.fullmatch(message):
        text = QCoreApplication.translate("Problems", "must be at most {limit} characters, got {length} characters")
        return text.format(**found.groupdict())
    return message


def problem_text(problem: Problem, pathway: Pathway, labels: WindowLabels) -> str:
    """Say a problem with the field's label, as the form names it ("Scan date: is required")."""
    spec = pathway.schema.field(re.sub(r"\[\d+\]$", "", problem.path))
    if spec is None:
        return pathway.problem_text(problem)
    return f"{labels.field(spec)}: {problem_message(problem, pathway.schema, labels)}"
