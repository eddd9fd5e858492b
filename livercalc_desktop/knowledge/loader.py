"""Build the schema and the knowledge base from a pathway's TOML files.

Everything is checked here, once, at start-up: unknown keys, unknown ids, undefined
references, rules without a reference. A clinician's typo stops the app with the file and
entry named instead of quietly producing a wrong category.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.domain.schema import CaseSchema, Choice, FieldSpec, FieldType, Group, StatusUpgrade
from livercalc_desktop.knowledge.conditions import Condition, ConditionParser, Scope
from livercalc_desktop.knowledge.model import (
    Addendum,
    Category,
    ChecklistItem,
    ChecklistRule,
    Flag,
    ImpliedStatus,
    KnowledgeBase,
    KnowledgeMeta,
    Level,
    Priority,
    Reference,
    Term,
)
from livercalc_desktop.knowledge.strict_table import StrictTable, TomlReader, read_toml

SCHEMA_FILE = "case-schema.toml"
OUTCOME_SCHEMA_FILE = "outcome-schema.toml"  # the register's outcome records, same format
KNOWLEDGE_FILE = "knowledge-base.toml"
REFERENCES_FILE = "references.toml"


def _no_duplicates(source: str, kind: str, ids: list[str]) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise KnowledgeBaseError(f"{source}: {kind} id(s) defined twice: {', '.join(dupes)}")


def _choices(table: StrictTable, key: str) -> tuple[Choice, ...]:
    choices = []
    for i, raw in enumerate(table.take(key, list, [])):
        entry = StrictTable(raw, table.source, f"{table.where} > {key}[{i}]")
        choices.append(Choice(entry.take("value", str), entry.take("label", str)))
        entry.finish()
    return tuple(choices)


def _only_with(table: StrictTable) -> tuple[str, frozenset[str]] | None:
    if not table.has("only_with"):
        return None
    rule = StrictTable(table.take("only_with", dict), table.source, f"{table.where} > only_with")
    condition = (rule.take("field", str), frozenset(rule.take_strings("in")))
    rule.finish()
    return condition


def _check_cross_field(spec: FieldSpec, by_path: dict[str, FieldSpec]) -> None:
    """Fail at start-up if a cross-field check names a field or value the schema lacks."""
    where = f'{SCHEMA_FILE}: field "{spec.path}"'
    if spec.only_with is not None:
        other = by_path.get(spec.only_with[0])
        if other is None or not spec.only_with[1] <= set(other.choice_values):
            raise KnowledgeBaseError(f"{where}: only_with names an unknown field or value")
    if spec.not_after is not None:
        other = by_path.get(spec.not_after)
        if spec.type is not FieldType.DATE or other is None or other.type is not FieldType.DATE:
            raise KnowledgeBaseError(f"{where}: not_after must link two date fields")
    if spec.max_weeks_before is not None and spec.not_after is None:
        raise KnowledgeBaseError(f"{where}: max_weeks_before needs not_after")


def _workup_kinds(workup: StrictTable, statuses: tuple[Choice, ...]) -> dict[str, tuple[str, ...]]:
    known = {c.value for c in statuses}
    kinds = {}
    for i, raw in enumerate(workup.take("kinds", list)):
        table = StrictTable(raw, SCHEMA_FILE, f"workup.kinds[{i}]")
        ident, allowed = table.take("id", str), table.take_strings("statuses")
        if not set(allowed) <= known:
            raise table.error(f"unknown status(es): {', '.join(sorted(set(allowed) - known))}")
        kinds[ident] = allowed
        table.finish()
    return kinds


def _workup_upgrades(workup: StrictTable, kinds: dict[str, tuple[str, ...]]) -> tuple[StatusUpgrade, ...]:
    upgrades = []
    for i, raw in enumerate(workup.take("upgrades", list, [])):
        table = StrictTable(raw, SCHEMA_FILE, f"workup.upgrades[{i}]")
        kind = table.take("kind", str)
        rename = StrictTable(table.take("rename", dict), SCHEMA_FILE, f"workup.upgrades[{i}] > rename")
        mapping = rename.take_rest_as_strings()
        if kind not in kinds or not set(mapping.values()) <= set(kinds[kind]):
            raise table.error("unknown kind, or a rename to a status that kind does not take")
        upgrades.append(StatusUpgrade(from_version=table.take("from_version", int), kind=kind, rename=mapping))
        table.finish()
    return tuple(upgrades)


def _field_spec(raw: object, source: str, index: int, groups: set[str]) -> FieldSpec:
    table = StrictTable(raw, source, f"fields[{index}]")
    path = table.take("path", str)
    table.where = f'field "{path}"'
    kind = table.take_enum("type", FieldType)
    spec = FieldSpec(
        path=path,
        group=table.take("group", str),
        type=kind,
        label=table.take("label", str),
        required=table.take("required", bool, False),
        choices=_choices(table, "choices"),
        minimum=table.take("min", float, None),
        maximum=table.take("max", float, None),
        max_length=table.take("max_length", int, None),
        max_items=table.take("max_items", int, None),
        decimals=table.take("decimals", int, None),
        unit=table.take("unit", str, ""),
        unit_one=table.take("unit_one", str, ""),
        default=table.take("default", str, None),
        private=table.take("private", bool, False),
        not_in_future=table.take("not_in_future", bool, False),
        only_with=_only_with(table),
        not_after=table.take("not_after", str, None),
        max_weeks_before=table.take("max_weeks_before", int, None),
        help=table.take("help", str, ""),
    )
    table.finish()
    if spec.group not in groups:
        raise table.error(f'unknown group "{spec.group}"')
    if kind in (FieldType.CHOICE, FieldType.CHOICES) and not spec.choices:
        raise table.error("a choice field needs choices")
    if spec.default is not None and spec.choices and spec.default not in spec.choice_values:
        raise table.error(f'default "{spec.default}" is not one of its choices')
    return spec


def load_schema(folder: Path, file_name: str = SCHEMA_FILE, read: TomlReader = read_toml) -> CaseSchema:
    """Load ``case-schema.toml`` (or another file in the same format, such as the outcome schema)."""
    data = read(folder / file_name)
    root = StrictTable(data, file_name, "(top)")
    meta = StrictTable(root.take("meta", dict), file_name, "meta")
    group_list = []
    for i, raw in enumerate(root.take("groups", list)):
        group = StrictTable(raw, file_name, f"groups[{i}]")
        group_list.append(Group(group.take("id", str), group.take("label", str)))
        group.finish()
    group_ids = {g.id for g in group_list}
    fields = tuple(_field_spec(raw, file_name, i, group_ids) for i, raw in enumerate(root.take("fields", list)))
    _no_duplicates(file_name, "field path", [f.path for f in fields])
    by_path = {f.path: f for f in fields}
    for spec in fields:
        _check_cross_field(spec, by_path)
    workup = StrictTable(root.take("workup", dict), file_name, "workup")
    statuses = _choices(workup, "statuses")
    kinds = _workup_kinds(workup, statuses)
    schema = CaseSchema(
        format=meta.take("format", str),
        version=meta.take("version", int),
        pathway=meta.take("pathway", str),
        title=meta.take("title", str),
        groups=tuple(group_list),
        fields=fields,
        workup_statuses=statuses,
        workup_kinds=kinds,
        workup_upgrades=_workup_upgrades(workup, kinds),
        workup_detail_max_length=workup.take("detail_max_length", int),
    )
    for table in (meta, workup, root):
        table.finish()
    return schema


def load_references(folder: Path, read: TomlReader = read_toml) -> dict[str, Reference]:
    """Load ``references.toml``: the bibliography cited by rules and leaflets."""
    references = {}
    for ref_id, raw in read(folder / REFERENCES_FILE).items():
        table = StrictTable(raw, REFERENCES_FILE, f'reference "{ref_id}"')
        references[ref_id] = Reference(
            id=ref_id,
            authors=table.take_strings("authors"),
            group=table.take("group", str, ""),
            et_al=table.take("et_al", bool, False),
            title=table.take("title", str),
            journal=table.take("journal", str),
            year=table.take("year", int),
            volume=table.take("volume", str, ""),
            issue=table.take("issue", str, ""),
            pages=table.take("pages", str, ""),
            doi=table.take("doi", str, ""),
            pmid=table.take("pmid", str, ""),
            note=table.take("note", str, ""),
            rows=table.take_strings("rows"),
        )
        table.finish()
    return references


class _KnowledgeReader:
    """Reads ``knowledge-base.toml`` in dependency order: terms, categories, flags, checklist."""

    def __init__(self, schema: CaseSchema, references: dict[str, Reference], data: dict[str, Any]) -> None:
        self.root = StrictTable(data, KNOWLEDGE_FILE, "(top)")
        self.references = references
        self.checklist_raw = self.root.take("checklist", list)
        heads = [StrictTable(raw, KNOWLEDGE_FILE, "checklist") for raw in self.checklist_raw]
        self.parser = ConditionParser(schema, {h.take("id", str): h.take("label", str) for h in heads})

    def cited(self, table: StrictTable, *, workflow: bool = False) -> tuple[str, ...]:
        refs = table.take_strings("references")
        if workflow and refs:
            raise table.error("a workflow rule records where the work stands and cites no publication")
        if not refs and not workflow:
            raise table.error("must cite at least one reference")
        unknown = [r for r in refs if r not in self.references]
        if unknown:
            raise table.error(f"unknown reference(s): {', '.join(unknown)}")
        return refs

    def condition(self, table: StrictTable, scope: Scope, key: str = "when") -> Condition:
        return self.parser.parse(table.take(key, dict), KNOWLEDGE_FILE, f"{table.where} > {key}", scope)

    def meta(self) -> KnowledgeMeta:
        table = StrictTable(self.root.take("meta", dict), KNOWLEDGE_FILE, "meta")
        meta = KnowledgeMeta(
            pathway=table.take("pathway", str),
            content_version=table.take("content_version", str),
            reviewed=table.take("reviewed", str),
            review_status=table.take("review_status", str),
            reviewed_by=table.take("reviewed_by", str),
            spec=table.take("spec", str),
        )
        table.finish()
        try:
            dt.date.fromisoformat(meta.reviewed)
        except ValueError as exc:
            raise table.error('"reviewed" must be a date written YYYY-MM-DD') from exc
        return meta

    def addenda(self, table: StrictTable, scope: Scope) -> tuple[Addendum, ...]:
        addenda = []
        for j, raw in enumerate(table.take("addenda", list, [])):
            entry = StrictTable(raw, KNOWLEDGE_FILE, f"{table.where} > addenda[{j}]")
            addenda.append(
                Addendum(
                    text=entry.take("text", str),
                    when=self.condition(entry, scope),
                    references=self.cited(entry) if entry.has("references") else (),
                )
            )
            entry.finish()
        return tuple(addenda)

    def terms(self) -> tuple[Term, ...]:
        terms: list[Term] = []
        for term_id, raw in self.root.take("terms", dict).items():
            table = StrictTable(raw, KNOWLEDGE_FILE, f'term "{term_id}"')
            scope = Scope(terms={t.id: t.when for t in terms})
            terms.append(Term(id=term_id, meaning=table.take("meaning", str), when=self.condition(table, scope)))
            table.finish()
        return tuple(terms)

    def categories(self, scope: Scope) -> tuple[Category, ...]:
        categories = []
        raw_list = self.root.take("categories", list)
        for i, raw in enumerate(raw_list):
            table = StrictTable(raw, KNOWLEDGE_FILE, f"categories[{i}]")
            ident = table.take("id", str)
            table.where = f'category "{ident}"'
            otherwise = table.take("otherwise", bool, False)
            if otherwise != (i == len(raw_list) - 1):
                raise table.error('exactly the last category must be "otherwise = true"')
            level = table.take_enum("level", Level)
            categories.append(
                Category(
                    id=ident,
                    level=level,
                    label=table.take("label", str),
                    rationale=table.take("rationale", str),
                    references=self.cited(table),
                    when=None if otherwise else self.condition(table, scope),
                    explain=self.condition(table, scope, "explain") if otherwise else None,
                    addenda=self.addenda(table, scope),
                )
            )
            table.finish()
        return tuple(categories)

    def flags(self, scope: Scope) -> tuple[Flag, ...]:
        flags = []
        for i, raw in enumerate(self.root.take("flags", list)):
            table = StrictTable(raw, KNOWLEDGE_FILE, f"flags[{i}]")
            ident = table.take("id", str)
            table.where = f'flag "{ident}"'
            workflow = table.take("workflow", bool, False)
            flags.append(
                Flag(
                    id=ident,
                    label=table.take("label", str),
                    rationale=table.take("rationale", str),
                    references=self.cited(table, workflow=workflow),
                    workflow=workflow,
                    when=self.condition(table, scope),
                    addenda=self.addenda(table, scope),
                )
            )
            table.finish()
        return tuple(flags)

    def checklist(self, scope: Scope) -> tuple[ChecklistItem, ...]:
        items = []
        for raw in self.checklist_raw:
            table = StrictTable(raw, KNOWLEDGE_FILE, "checklist")
            ident = table.take("id", str)
            table.where = f'checklist item "{ident}"'
            kind = table.take("kind", str)
            if kind not in self.parser.schema.workup_kinds:
                raise table.error(f'"kind" must be one of {", ".join(self.parser.schema.workup_kinds)}; got "{kind}"')
            rules = []
            for j, raw_rule in enumerate(table.take("rules", list)):
                rule = StrictTable(raw_rule, KNOWLEDGE_FILE, f"{table.where} > rules[{j}]")
                priority = rule.take_enum("priority", Priority)
                rules.append(
                    ChecklistRule(
                        priority=priority, because=rule.take("because", str), when=self.condition(rule, scope)
                    )
                )
                rule.finish()
            implied = []
            for j, raw_implied in enumerate(table.take("implied", list, [])):
                entry = StrictTable(raw_implied, KNOWLEDGE_FILE, f"{table.where} > implied[{j}]")
                status = entry.take("status", str)
                if status not in self.parser.schema.statuses_for(kind):
                    raise entry.error(f'status "{status}" is not one a {kind} item takes')
                source = entry.take("source", str, "scan")
                if source not in ("scan", "history"):
                    raise entry.error(f'"source" must be scan or history; got "{source}"')
                implied.append(ImpliedStatus(status=status, when=self.condition(entry, scope), source=source))
                entry.finish()
            order = [r.priority for r in rules]
            if order != sorted(order, key=list(Priority).index):
                raise table.error("rules must be listed in the order do, offer, consider")
            items.append(
                ChecklistItem(
                    id=ident,
                    kind=kind,
                    label=table.take("label", str),
                    what=table.take("what", str),
                    references=self.cited(table),
                    rules=tuple(rules),
                    implied=tuple(implied),
                )
            )
            table.finish()
        return tuple(items)


def load_knowledge_base(
    folder: Path, schema: CaseSchema, references: dict[str, Reference], read: TomlReader = read_toml
) -> KnowledgeBase:
    """Load and cross-check ``knowledge-base.toml``."""
    reader = _KnowledgeReader(schema, references, read(folder / KNOWLEDGE_FILE))
    meta = reader.meta()
    terms = reader.terms()
    term_scope = Scope(terms={t.id: t.when for t in terms})
    categories = reader.categories(term_scope)
    flags = reader.flags(term_scope)
    checklist_scope = Scope(
        terms=term_scope.terms,
        categories={c.id: c.label for c in categories},
        flags={f.id: f.when for f in flags},
    )
    checklist = reader.checklist(checklist_scope)
    reader.root.finish()
    for kind, ids in (
        ("category", [c.id for c in categories]),
        ("flag", [f.id for f in flags]),
        ("checklist", [c.id for c in checklist]),
    ):
        _no_duplicates(KNOWLEDGE_FILE, kind, ids)
    return KnowledgeBase(
        meta=meta,
        terms=terms,
        categories=categories,
        flags=flags,
        checklist=checklist,
        references=references,
    )
