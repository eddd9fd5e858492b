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


def case_data(pathway: Pathway, today: dt.date) -> st.SearchStrategy[dict[str, Any]]:
    """Any valid case file: required fields always, optional ones sometimes, any workup."""
    schema: CaseSchema = pathway.schema
    required = {f.path: _value(f, today) for f in schema.fields if f.required}
    optional = {f.path: _value(f, today) for f in schema.fields if not f.required}
    entry = st.fixed_dictionaries({"status": st.sampled_from(schema.status_values)})
    workup = st.dictionaries(st.sampled_from([i.id for i in pathway.kb.checklist]), entry)
    return st.builds(
        lambda req, opt, work: {
            "format": schema.format,
            "version": schema.version,
            **_nest({**req, **opt}),
            "workup": work,
        },
        st.fixed_dictionaries(required),
        st.fixed_dictionaries({}, optional=optional),
        workup,
    )
