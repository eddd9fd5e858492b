"""The shape of a case file, as described by the pathway's ``case-schema.toml``.

Kept as data so that validation, the knowledge-base loader and the GUI form share one
description of every field, and a second pathway needs a new schema file, not new code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class FieldType(StrEnum):
    """How a field's value is written in JSON and checked."""

    TEXT = "text"
    LANGUAGE = "language"
    DATE = "date"
    INT = "int"
    NUMBER = "number"
    BOOL = "bool"
    CHOICE = "choice"
    CHOICES = "choices"
    SIZES = "sizes"


@dataclass(frozen=True, slots=True)
class Choice:
    """An allowed value with the words a clinician sees for it."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Group:
    """A section of the form, in the order a sonographer works."""

    id: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldSpec:
    """One leaf field of the case file."""

    path: str
    group: str
    type: FieldType
    label: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    max_items: int | None = None
    decimals: int | None = None
    unit: str = ""
    unit_one: str = ""  # the unit after the number 1 where it differs ("day" beside "days")
    default: str | None = None
    private: bool = False
    not_in_future: bool = False
    only_with: tuple[str, frozenset[str]] | None = None
    not_after: str | None = None
    max_weeks_before: int | None = None
    help: str = ""

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def unit_after(self, number: float) -> str:
        """Return the unit to print after ``number``, with a leading space ("" for no unit): " day" after 1."""
        unit = self.unit_one if number == 1 and self.unit_one else self.unit
        return f" {unit}" if unit else ""

    def choice_label(self, value: str) -> str:
        """Return the label of a choice value (the value itself if unknown)."""
        return next((c.label for c in self.choices if c.value == value), value)


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusUpgrade:
    """How a workup status written by an older format reads today, for one item kind."""

    from_version: int
    kind: str
    rename: Mapping[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseSchema:
    """Every field a case file of one format may hold."""

    format: str
    version: int
    pathway: str
    title: str
    groups: tuple[Group, ...]
    fields: tuple[FieldSpec, ...]
    workup_statuses: tuple[Choice, ...]
    workup_kinds: Mapping[str, tuple[str, ...]]
    workup_upgrades: tuple[StatusUpgrade, ...]
    workup_detail_max_length: int
    _by_path: Mapping[str, FieldSpec] = field(init=False, repr=False, compare=False)
    defaults: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_path", {f.path: f for f in self.fields})
        object.__setattr__(self, "defaults", {f.path: f.default for f in self.fields if f.default is not None})

    def field(self, path: str) -> FieldSpec | None:
        """Return the field at ``path``, or None if the schema has none there."""
        return self._by_path.get(path)

    def fields_in(self, group_id: str) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.group == group_id)

    @property
    def status_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.workup_statuses)

    def statuses_for(self, kind: str) -> tuple[str, ...]:
        """Return the statuses an item of ``kind`` may record (scans and tests have results; actions are done)."""
        return self.workup_kinds[kind]

    def upgraded_status(self, version: int, kind: str, status: str) -> str:
        """Return how a status saved in format ``version`` reads in the current format."""
        for upgrade in self.workup_upgrades:
            if version <= upgrade.from_version and upgrade.kind == kind:
                status = upgrade.rename.get(status, status)
        return status

    def status_label(self, status: str) -> str:
        return next((c.label for c in self.workup_statuses if c.value == status), status)
