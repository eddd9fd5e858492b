"""The small condition language the knowledge base is written in.

Each condition is a frozen object with ``holds(facts)``. The loader builds them from TOML
tables with exactly one operator, checking every field path, value, workup id, term,
category and flag against the schema and the knowledge base, so a typo cannot silently
make a rule never fire.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from livercalc_desktop.domain.case import Value
from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType
from livercalc_desktop.knowledge.strict_table import StrictTable


class Facts(Protocol):
    """What conditions may ask about a case while it is being assessed."""

    def value(self, path: str) -> Value | None: ...
    def status(self, item_id: str) -> str | None: ...
    def any_status_in(self, statuses: frozenset[str]) -> bool: ...
    def term(self, term_id: str) -> bool: ...
    def category(self) -> str: ...
    def has_flag(self, flag_id: str) -> bool: ...


class Condition(Protocol):
    """Anything that can be evaluated against a case."""

    def holds(self, facts: Facts) -> bool: ...


def _items(value: Value | None) -> tuple[str, ...]:
    return value if isinstance(value, tuple) and all(isinstance(v, str) for v in value) else ()  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class ValueIn:
    """The value is one of ``values`` (a missing value is not)."""

    path: str
    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return facts.value(self.path) in self.values


@dataclass(frozen=True, slots=True)
class ValueIs:
    """A true/false field equals ``expected`` (a missing value is neither)."""

    path: str
    expected: bool

    def holds(self, facts: Facts) -> bool:
        return facts.value(self.path) is self.expected


@dataclass(frozen=True, slots=True)
class Recorded:
    """The field is (or is not) recorded."""

    path: str
    expected: bool

    def holds(self, facts: Facts) -> bool:
        return (facts.value(self.path) is not None) is self.expected


@dataclass(frozen=True, slots=True)
class HasAny:
    """A list field holds at least one of ``values``."""

    path: str
    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return not self.values.isdisjoint(_items(facts.value(self.path)))


@dataclass(frozen=True, slots=True)
class NonEmpty:
    """A list field holds something (or nothing)."""

    path: str
    expected: bool

    def holds(self, facts: Facts) -> bool:
        return bool(_items(facts.value(self.path))) is self.expected


@dataclass(frozen=True, slots=True)
class SubsetOf:
    """A list field holds nothing outside ``values``; an empty list counts."""

    path: str
    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return self.values.issuperset(_items(facts.value(self.path)))


@dataclass(frozen=True, slots=True)
class AtLeast:
    """A numeric field is at least ``minimum``."""

    path: str
    minimum: float

    def holds(self, facts: Facts) -> bool:
        value = facts.value(self.path)
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= self.minimum


@dataclass(frozen=True, slots=True)
class CountOf:
    """How many of ``values`` a list field holds equals, or reaches, a bound."""

    path: str
    values: frozenset[str]
    equals: int | None
    at_least: int | None

    def holds(self, facts: Facts) -> bool:
        count = sum(1 for v in _items(facts.value(self.path)) if v in self.values)
        if self.equals is not None:
            return count == self.equals
        return count >= (self.at_least or 0)


@dataclass(frozen=True, slots=True)
class WorkupIn:
    """The recorded status of one workup item is one of ``statuses``."""

    item_id: str
    statuses: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return facts.status(self.item_id) in self.statuses


@dataclass(frozen=True, slots=True)
class AnyWorkupIn:
    """Some workup item has one of ``statuses``."""

    statuses: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return facts.any_status_in(self.statuses)


@dataclass(frozen=True, slots=True)
class TermIs:
    """A derived term holds."""

    term_id: str

    def holds(self, facts: Facts) -> bool:
        return facts.term(self.term_id)


@dataclass(frozen=True, slots=True)
class CategoryIn:
    """The case's category is one of ``categories`` (checklist rules only)."""

    categories: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return facts.category() in self.categories


@dataclass(frozen=True, slots=True)
class FlagIs:
    """A flag is set (checklist rules only)."""

    flag_id: str

    def holds(self, facts: Facts) -> bool:
        return facts.has_flag(self.flag_id)


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return all(part.holds(facts) for part in self.parts)


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return any(part.holds(facts) for part in self.parts)


@dataclass(frozen=True, slots=True)
class Not:
    """The part does not hold."""

    part: Condition

    def holds(self, facts: Facts) -> bool:
        return not self.part.holds(facts)


_FIELD_OPERATORS: Mapping[str, Collection[FieldType]] = {
    "in": (FieldType.CHOICE, FieldType.LANGUAGE),
    "is": (FieldType.BOOL,),
    "recorded": tuple(FieldType),
    "has_any": (FieldType.CHOICES,),
    "nonempty": (FieldType.CHOICES,),
    "subset_of": (FieldType.CHOICES,),
    "at_least": (FieldType.INT, FieldType.NUMBER),
    "count_of": (FieldType.CHOICES,),
}


@dataclass(frozen=True, slots=True)
class Scope:
    """What a condition at this place in the knowledge base may refer to."""

    terms: frozenset[str]
    categories: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()


class ConditionParser:
    """Builds conditions from TOML, checked against the schema and known ids."""

    def __init__(self, schema: CaseSchema, workup_items: Collection[str]) -> None:
        self.schema = schema
        self.workup_items = frozenset(workup_items)

    def parse(self, raw: object, source: str, where: str, scope: Scope) -> Condition:
        table = StrictTable(raw, source, where)
        condition = self._parse_table(table, scope)
        table.finish()
        return condition

    def _parse_table(self, table: StrictTable, scope: Scope) -> Condition:
        combinators: dict[str, Callable[[], Condition]] = {
            "all": lambda: AllOf(self._parts(table, "all", scope)),
            "any": lambda: AnyOf(self._parts(table, "any", scope)),
            "not": lambda: Not(self.parse(table.take("not", dict), table.source, table.where + " > not", scope)),
            "field": lambda: self._field(table),
            "workup": lambda: self._workup(table),
            "any_workup_in": lambda: AnyWorkupIn(self._statuses(table, "any_workup_in")),
            "term": lambda: self._reference(table, "term", scope.terms, TermIs),
            "flag": lambda: self._reference(table, "flag", scope.flags, FlagIs),
            "category": lambda: CategoryIn(
                self._known(table, table.take_strings("category"), scope.categories, "category")
            ),
        }
        present = [key for key in combinators if table.has(key)]
        if len(present) != 1:
            raise table.error(f"a condition needs exactly one of {', '.join(combinators)}; got {present or 'none'}")
        return combinators[present[0]]()

    def _parts(self, table: StrictTable, key: str, scope: Scope) -> tuple[Condition, ...]:
        raw_parts = table.take(key, list)
        if not raw_parts:
            raise table.error(f'"{key}" needs at least one condition')
        return tuple(
            self.parse(part, table.source, f"{table.where} > {key}[{i}]", scope) for i, part in enumerate(raw_parts)
        )

    def _reference(
        self, table: StrictTable, key: str, known: frozenset[str], make: Callable[[str], Condition]
    ) -> Condition:
        ident = table.take(key, str)
        if ident not in known:
            raise table.error(f'unknown {key} "{ident}" (it must be defined before it is used here)')
        return make(ident)

    def _known(self, table: StrictTable, ids: tuple[str, ...], known: frozenset[str], what: str) -> frozenset[str]:
        unknown = [i for i in ids if i not in known]
        if unknown or not ids:
            raise table.error(f"unknown {what} id(s): {', '.join(unknown) or '(empty list)'}")
        return frozenset(ids)

    def _statuses(self, table: StrictTable, key: str) -> frozenset[str]:
        statuses = table.take_strings(key)
        return self._known(table, statuses, frozenset(self.schema.status_values), "workup status")

    def _workup(self, table: StrictTable) -> Condition:
        item = table.take("workup", str)
        if item not in self.workup_items:
            raise table.error(f'unknown workup item "{item}"')
        return WorkupIn(item, self._statuses(table, "in"))

    def _field(self, table: StrictTable) -> Condition:
        path = table.take("field", str)
        spec = self.schema.field(path)
        if spec is None:
            raise table.error(f'unknown field "{path}"')
        # "count_of" takes "at_least" as its bound, so it wins when both are present.
        operators = ["count_of"] if table.has("count_of") else [op for op in _FIELD_OPERATORS if table.has(op)]
        if len(operators) != 1:
            raise table.error(f'field "{path}" needs exactly one of {", ".join(_FIELD_OPERATORS)}')
        operator = operators[0]
        if spec.type not in _FIELD_OPERATORS[operator]:
            raise table.error(f'"{operator}" does not apply to {spec.type.value} field "{path}"')
        return self._field_condition(table, spec, operator)

    def _choice_set(self, table: StrictTable, spec: FieldSpec, key: str) -> frozenset[str]:
        values = table.take_strings(key)
        unknown = [v for v in values if v not in spec.choice_values]
        if unknown:
            raise table.error(f'"{spec.path}" has no value(s) {", ".join(unknown)}')
        return frozenset(values)

    def _field_condition(self, table: StrictTable, spec: FieldSpec, operator: str) -> Condition:
        path = spec.path
        if operator == "in":
            return ValueIn(path, self._choice_set(table, spec, "in"))
        if operator == "is":
            return ValueIs(path, table.take("is", bool))
        if operator == "recorded":
            return Recorded(path, table.take("recorded", bool))
        if operator == "has_any":
            return HasAny(path, self._choice_set(table, spec, "has_any"))
        if operator == "nonempty":
            return NonEmpty(path, table.take("nonempty", bool))
        if operator == "subset_of":
            return SubsetOf(path, self._choice_set(table, spec, "subset_of"))
        if operator == "at_least":
            return AtLeast(path, table.take("at_least", float))
        values = self._choice_set(table, spec, "count_of")
        equals, at_least = table.take("equals", int, None), table.take("at_least", int, None)
        if (equals is None) == (at_least is None):
            raise table.error('"count_of" needs exactly one of "equals" or "at_least"')
        return CountOf(path, values, equals, at_least)
