"""The small condition language the knowledge base is written in.

Each condition is a frozen object with ``holds(facts)``. The loader builds them from TOML
tables with exactly one operator, checking every field path, value, workup id, term,
category and flag against the schema and the knowledge base, so a typo cannot silently
make a rule never fire.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from livercalc_desktop.domain.case import Value
from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType
from livercalc_desktop.knowledge.strict_table import StrictTable


class Facts(Protocol):
    """What conditions may ask about a case while it is being assessed."""

    def value(self, path: str) -> Value | None: ...
    def recorded(self, path: str) -> Value | None: ...
    def status(self, item_id: str) -> str | None: ...
    def detail(self, item_id: str) -> str: ...
    def items_with_status(self, statuses: frozenset[str]) -> tuple[tuple[str, str], ...]: ...
    def term(self, term_id: str) -> bool: ...
    def category(self) -> str: ...
    def has_flag(self, flag_id: str) -> bool: ...
    def explain(self, condition: Condition, holding: bool) -> tuple[str, ...]: ...


class Condition(Protocol):
    """Anything that can be evaluated against a case, and can say why it came out so.

    ``why`` lists the facts that make a condition that holds hold; ``why_not`` the facts
    that make one that fails fail. Facts are short clinician-facing lines built from the
    schema's labels ("MCA peak systolic velocity: 1.7 MoM (≥ 1.5)"), never field paths, so
    the side panel, the CLI and the clinician summary can show what made each rule fire.
    """

    def holds(self, facts: Facts) -> bool: ...
    def why(self, facts: Facts) -> tuple[str, ...]: ...
    def why_not(self, facts: Facts) -> tuple[str, ...]: ...


def _items(value: Value | None) -> tuple[str, ...]:
    return value if isinstance(value, tuple) and all(isinstance(v, str) for v in value) else ()  # type: ignore[return-value]


def _number(value: float) -> str:
    return f"{value:g}"


def _value_text(spec: FieldSpec, value: Value | None) -> str:
    """Say the recorded value in the clinician's words."""
    if value is None:
        return "not recorded"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{_number(value)}{spec.unit_after(value)}"  # "1 day", as the form and summary say
    if isinstance(value, tuple):
        if not value:
            return "none seen"
        return ", ".join(spec.choice_label(v) if isinstance(v, str) else _number(v) for v in value)
    return spec.choice_label(value)


def _name(spec: FieldSpec) -> str:
    """Return the label without a trailing unit ("Gestational age, weeks" reads "Gestational age")."""
    return spec.label.removesuffix(f", {spec.unit}") if spec.unit else spec.label


def _fact(spec: FieldSpec, value: Value | None) -> tuple[str, ...]:
    return (f"{_name(spec)}: {_value_text(spec, value)}",)


def _labels(spec: FieldSpec, values: Collection[str]) -> str:
    return ", ".join(spec.choice_label(v) for v in spec.choice_values if v in values)


@dataclass(frozen=True, slots=True)
class _Leaf:
    """A condition on one field; its facts are that field's recorded value."""

    spec: FieldSpec

    # Facts say what was recorded: a schema default ("no liver mass" when none is recorded)
    # decides a rule but is shown as "not recorded", never as a recorded finding.
    def why(self, facts: Facts) -> tuple[str, ...]:
        return _fact(self.spec, facts.recorded(self.spec.path))

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return _fact(self.spec, facts.recorded(self.spec.path))


@dataclass(frozen=True, slots=True)
class ValueIn(_Leaf):
    """The value is one of ``values`` (a missing value is not)."""

    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return facts.value(self.spec.path) in self.values


@dataclass(frozen=True, slots=True)
class ValueIs(_Leaf):
    """A true/false field equals ``expected`` (a missing value is neither)."""

    expected: bool

    def holds(self, facts: Facts) -> bool:
        return facts.value(self.spec.path) is self.expected


@dataclass(frozen=True, slots=True)
class Recorded(_Leaf):
    """The field is (or is not) recorded."""

    expected: bool

    def holds(self, facts: Facts) -> bool:
        return (facts.value(self.spec.path) is not None) is self.expected


@dataclass(frozen=True, slots=True)
class _ListLeaf(_Leaf):
    """A condition on a list field: an absent or empty list is no finding, so it explains nothing."""

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        chosen = _items(facts.value(self.spec.path))
        return _fact(self.spec, chosen) if chosen else ()


@dataclass(frozen=True, slots=True)
class HasAny(_ListLeaf):
    """A list field holds at least one of ``values``."""

    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return not self.values.isdisjoint(_items(facts.value(self.spec.path)))

    def why(self, facts: Facts) -> tuple[str, ...]:
        return (f"{_name(self.spec)}: {_labels(self.spec, self.values & set(_items(facts.value(self.spec.path))))}",)


@dataclass(frozen=True, slots=True)
class NonEmpty(_ListLeaf):
    """A list field holds something (or nothing)."""

    expected: bool

    def holds(self, facts: Facts) -> bool:
        return bool(_items(facts.value(self.spec.path))) is self.expected

    def why(self, facts: Facts) -> tuple[str, ...]:
        return _fact(self.spec, facts.value(self.spec.path)) if self.expected else ()


@dataclass(frozen=True, slots=True)
class SubsetOf(_ListLeaf):
    """A list field holds nothing outside ``values``; an empty list counts."""

    values: frozenset[str]

    def holds(self, facts: Facts) -> bool:
        return self.values.issuperset(_items(facts.value(self.spec.path)))


@dataclass(frozen=True, slots=True)
class AtLeast(_Leaf):
    """A numeric field is at least ``minimum``; the facts say the value against the bound."""

    minimum: float

    def _number_value(self, facts: Facts) -> float | None:
        value = facts.value(self.spec.path)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    def holds(self, facts: Facts) -> bool:
        value = self._number_value(facts)
        return value is not None and value >= self.minimum

    def why(self, facts: Facts) -> tuple[str, ...]:
        return (
            f"{self.spec.label}: {_value_text(self.spec, facts.value(self.spec.path))} (≥ {_number(self.minimum)})",
        )

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        value = self._number_value(facts)
        if value is None:
            return ()
        return (f"{_name(self.spec)}: {_value_text(self.spec, value)} (below {_number(self.minimum)})",)


@dataclass(frozen=True, slots=True)
class CountOf(_ListLeaf):
    """How many of ``values`` a list field holds equals, or reaches, a bound."""

    values: frozenset[str]
    equals: int | None
    at_least: int | None

    def holds(self, facts: Facts) -> bool:
        count = sum(1 for v in _items(facts.value(self.spec.path)) if v in self.values)
        return _count_holds(count, self.equals, self.at_least)


def _count_holds(count: int, equals: int | None, at_least: int | None) -> bool:
    if equals is not None:
        return count == equals
    return count >= (at_least or 0)


@dataclass(frozen=True, slots=True)
class WorkupIn:
    """The recorded status of one workup item is one of ``statuses``."""

    item_id: str
    item_label: str
    statuses: frozenset[str]
    status_labels: Mapping[str, str]

    def holds(self, facts: Facts) -> bool:
        return facts.status(self.item_id) in self.statuses

    def why(self, facts: Facts) -> tuple[str, ...]:
        status = facts.status(self.item_id)
        if status is None:
            return (f"{self.item_label}: not recorded",)
        detail = facts.detail(self.item_id)
        return (f"{self.item_label} recorded {self.status_labels[status].lower()}" + (f": {detail}" if detail else ""),)

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        # A result that is not there is no reason against an abnormal one; it is a reason
        # against a normal one ("serology not recorded" keeps CMV open).
        if facts.status(self.item_id) is None and "abnormal" in self.statuses:
            return ()
        return self.why(facts)


@dataclass(frozen=True, slots=True)
class AnyWorkupIn:
    """Some workup item has one of ``statuses``."""

    statuses: frozenset[str]
    item_labels: Mapping[str, str]
    status_labels: Mapping[str, str]

    def holds(self, facts: Facts) -> bool:
        return bool(facts.items_with_status(self.statuses))

    def why(self, facts: Facts) -> tuple[str, ...]:
        return tuple(
            f"{self.item_labels[item]} recorded {self.status_labels[status].lower()}"
            for item, status in facts.items_with_status(self.statuses)
        )

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, slots=True)
class TermIs:
    """A derived term holds; it explains itself through the term's own condition."""

    term_id: str
    definition: Condition

    def holds(self, facts: Facts) -> bool:
        return facts.term(self.term_id)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return facts.explain(self.definition, True)

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return facts.explain(self.definition, False)


@dataclass(frozen=True, slots=True)
class CategoryIn:
    """The case's category is one of ``categories`` (checklist rules only)."""

    categories: frozenset[str]
    labels: Mapping[str, str]

    def holds(self, facts: Facts) -> bool:
        return facts.category() in self.categories

    def why(self, facts: Facts) -> tuple[str, ...]:
        return (f"Category: {self.labels[facts.category()]}",)

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return self.why(facts)


@dataclass(frozen=True, slots=True)
class FlagIs:
    """A flag is set (checklist rules only); it explains itself through the flag's condition."""

    flag_id: str
    definition: Condition

    def holds(self, facts: Facts) -> bool:
        return facts.has_flag(self.flag_id)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return facts.explain(self.definition, True)

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return facts.explain(self.definition, False)


@dataclass(frozen=True, slots=True)
class Always:
    """Holds for every case ("all categories" in the spec's checklist table)."""

    def holds(self, facts: Facts) -> bool:
        return True

    def why(self, facts: Facts) -> tuple[str, ...]:
        return ()

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return all(part.holds(facts) for part in self.parts)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return tuple(fact for part in self.parts for fact in part.why(facts))

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return tuple(fact for part in self.parts if not part.holds(facts) for fact in part.why_not(facts))


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return any(part.holds(facts) for part in self.parts)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return tuple(fact for part in self.parts if part.holds(facts) for fact in part.why(facts))

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return tuple(fact for part in self.parts for fact in part.why_not(facts))


@dataclass(frozen=True, slots=True)
class CountTrue:
    """How many of ``parts`` hold equals, or reaches, a bound (the meconium-peritonitis grade)."""

    parts: tuple[Condition, ...]
    equals: int | None
    at_least: int | None

    def holds(self, facts: Facts) -> bool:
        return _count_holds(sum(part.holds(facts) for part in self.parts), self.equals, self.at_least)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return tuple(fact for part in self.parts if part.holds(facts) for fact in part.why(facts))

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return self.why(facts)


@dataclass(frozen=True, slots=True)
class Not:
    """The part does not hold."""

    part: Condition

    def holds(self, facts: Facts) -> bool:
        return not self.part.holds(facts)

    def why(self, facts: Facts) -> tuple[str, ...]:
        return self.part.why_not(facts)

    def why_not(self, facts: Facts) -> tuple[str, ...]:
        return self.part.why(facts)


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
    """What a condition at this place in the knowledge base may refer to.

    Terms and flags map to their definitions (so a rule can explain itself through them),
    categories to their labels.
    """

    terms: Mapping[str, Condition]
    categories: Mapping[str, str] = field(default_factory=dict)
    flags: Mapping[str, Condition] = field(default_factory=dict)


class ConditionParser:
    """Builds conditions from TOML, checked against the schema and known ids."""

    def __init__(self, schema: CaseSchema, workup_items: Mapping[str, str]) -> None:
        self.schema = schema
        self.workup_items = dict(workup_items)
        self.status_labels = {c.value: c.label for c in schema.workup_statuses}

    def parse(self, raw: object, source: str, where: str, scope: Scope) -> Condition:
        table = StrictTable(raw, source, where)
        condition = self._parse_table(table, scope)
        table.finish()
        return condition

    def _parse_table(self, table: StrictTable, scope: Scope) -> Condition:
        combinators: dict[str, Callable[[], Condition]] = {
            "all": lambda: AllOf(self._parts(table, "all", scope)),
            "any": lambda: AnyOf(self._parts(table, "any", scope)),
            "count": lambda: CountTrue(self._parts(table, "count", scope), *self._bound(table, "count")),
            "not": lambda: Not(self.parse(table.take("not", dict), table.source, table.where + " > not", scope)),
            "always": lambda: self._always(table),
            "field": lambda: self._field(table),
            "workup": lambda: self._workup(table),
            "any_workup_in": lambda: AnyWorkupIn(
                self._statuses(table, "any_workup_in"), self.workup_items, self.status_labels
            ),
            "term": lambda: TermIs(*self._reference(table, "term", scope.terms)),
            "flag": lambda: FlagIs(*self._reference(table, "flag", scope.flags)),
            "category": lambda: CategoryIn(
                self._known(table, table.take_strings("category"), frozenset(scope.categories), "category"),
                scope.categories,
            ),
        }
        present = [key for key in combinators if table.has(key)]
        if len(present) != 1:
            raise table.error(f"a condition needs exactly one of {', '.join(combinators)}; got {present or 'none'}")
        return combinators[present[0]]()

    def _always(self, table: StrictTable) -> Condition:
        if table.take("always", bool) is not True:
            raise table.error('"always" can only be true')
        return Always()

    def _bound(self, table: StrictTable, key: str) -> tuple[int | None, int | None]:
        equals, at_least = table.take("equals", int, None), table.take("at_least", int, None)
        if (equals is None) == (at_least is None):
            raise table.error(f'"{key}" needs exactly one of "equals" or "at_least"')
        return equals, at_least

    def _parts(self, table: StrictTable, key: str, scope: Scope) -> tuple[Condition, ...]:
        raw_parts = table.take(key, list)
        if not raw_parts:
            raise table.error(f'"{key}" needs at least one condition')
        return tuple(
            self.parse(part, table.source, f"{table.where} > {key}[{i}]", scope) for i, part in enumerate(raw_parts)
        )

    def _reference(self, table: StrictTable, key: str, known: Mapping[str, Condition]) -> tuple[str, Condition]:
        ident = table.take(key, str)
        if ident not in known:
            raise table.error(f'unknown {key} "{ident}" (it must be defined before it is used here)')
        return ident, known[ident]

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
        return WorkupIn(item, self.workup_items[item], self._statuses(table, "in"), self.status_labels)

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
        if operator == "in":
            return ValueIn(spec, self._choice_set(table, spec, "in"))
        if operator == "is":
            return ValueIs(spec, table.take("is", bool))
        if operator == "recorded":
            return Recorded(spec, table.take("recorded", bool))
        if operator == "has_any":
            return HasAny(spec, self._choice_set(table, spec, "has_any"))
        if operator == "nonempty":
            return NonEmpty(spec, table.take("nonempty", bool))
        if operator == "subset_of":
            return SubsetOf(spec, self._choice_set(table, spec, "subset_of"))
        if operator == "at_least":
            return AtLeast(spec, table.take("at_least", float))
        values = self._choice_set(table, spec, "count_of")
        return CountOf(spec, values, *self._bound(table, "count_of"))
