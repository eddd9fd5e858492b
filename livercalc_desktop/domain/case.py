"""The case: one pregnancy at one examination, as recorded.

Values are kept flat, keyed by their field path (``lesion.count``), because every consumer
(validation, rules, form, leaflet) addresses fields by path and the schema, not the code,
says which paths exist. A path that is absent means "not recorded", never "normal".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Value = str | int | float | bool | tuple[str, ...] | tuple[float, ...]


@dataclass(frozen=True, slots=True)
class WorkupEntry:
    """Where one checklist item stands for this case."""

    status: str
    detail: str = ""
    date: str | None = None


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Case:
    """An immutable snapshot of a case; edits return a new one."""

    values: Mapping[str, Value] = field(default_factory=dict)
    workup: Mapping[str, WorkupEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _frozen(self.values))
        object.__setattr__(self, "workup", _frozen(self.workup))

    def get(self, path: str) -> Value | None:
        """Return the recorded value at ``path``, or None when not recorded."""
        return self.values.get(path)

    def with_value(self, path: str, value: Value | None) -> Case:
        """Return a copy with ``path`` set, or removed when ``value`` is None."""
        values = dict(self.values)
        if value is None:
            values.pop(path, None)
        else:
            values[path] = value
        return Case(values=values, workup=self.workup)

    def with_workup(self, item_id: str, entry: WorkupEntry | None) -> Case:
        """Return a copy with the workup entry of ``item_id`` set or removed."""
        workup = dict(self.workup)
        if entry is None:
            workup.pop(item_id, None)
        else:
            workup[item_id] = entry
        return Case(values=self.values, workup=workup)

    def status_of(self, item_id: str) -> str | None:
        """Return the recorded workup status of an item, or None."""
        entry = self.workup.get(item_id)
        return entry.status if entry else None
