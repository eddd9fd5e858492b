"""Hypothesis strategies that build valid case files from the schema itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from livercalc_desktop.domain.schema import CaseSchema, FieldSpec, FieldType
from livercalc_desktop.knowledge.pathway import Pathway


def _value(spec: FieldSpec, today: dt.date) -> st.SearchStrategy[Any]:
    low, high = spec.minimum or 0, spec.maximum or 0
    kinds: dict[FieldType, st.SearchStrategy[Any]] = {
        FieldType.TEXT: st.text(max_size=min(spec.max_length or 50, 50)),
        FieldType.LANGUAGE: st.sampled_from(["en", "pl", "vi", "ar", "he", "zh-Hant", "pt-BR"]),
        FieldType.DATE: st.dates(dt.date(2020, 1, 1), today).map(dt.date.isoformat),
        FieldType.INT: st.integers(int(low), int(high)),
        FieldType.NUMBER: st.floats(low, high, allow_nan=False),
        FieldType.BOOL: st.booleans(),
        FieldType.CHOICE: st.sampled_from(spec.choice_values),
        FieldType.CHOICES: st.lists(st.sampled_from(spec.choice_values), unique=True),
        FieldType.SIZES: st.lists(st.floats(low, high, allow_nan=False), min_size=1, max_size=spec.max_items or 3),
    }
    return kinds[spec.type]


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in flat.items():
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return data


def _cross_field_valid(schema: CaseSchema, flat: dict[str, Any]) -> dict[str, Any]:
    """Drop values the schema's cross-field checks would refuse (fetus without twins, dates out of window)."""
    kept = dict(flat)
    for spec in schema.fields:
        if spec.path not in kept:
            continue
        if spec.only_with is not None and kept.get(spec.only_with[0]) not in spec.only_with[1]:
            del kept[spec.path]
        elif spec.not_after is not None and spec.not_after in kept:
            date, bound = dt.date.fromisoformat(kept[spec.path]), dt.date.fromisoformat(kept[spec.not_after])
            if not 0 <= (bound - date).days <= 7 * (spec.max_weeks_before or 0):
                del kept[spec.path]
    return kept


def workup_data(pathway: Pathway) -> st.SearchStrategy[dict[str, Any]]:
    """Any workup: each item with a status its kind allows."""
    schema = pathway.schema
    return st.fixed_dictionaries(
        {},
        optional={
            item.id: st.fixed_dictionaries({"status": st.sampled_from(schema.statuses_for(item.kind))})
            for item in pathway.kb.checklist
        },
    )


def case_data(pathway: Pathway, today: dt.date) -> st.SearchStrategy[dict[str, Any]]:
    """Any valid case file: required fields always, optional ones sometimes, any workup."""
    schema: CaseSchema = pathway.schema
    required = {f.path: _value(f, today) for f in schema.fields if f.required}
    optional = {f.path: _value(f, today) for f in schema.fields if not f.required}
    return st.builds(
        lambda req, opt, work: {
            "format": schema.format,
            "version": schema.version,
            **_nest(_cross_field_valid(schema, {**req, **opt})),
            "workup": work,
        },
        st.fixed_dictionaries(required),
        st.fixed_dictionaries({}, optional=optional),
        workup_data(pathway),
    )
