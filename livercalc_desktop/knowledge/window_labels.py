"""The window's translations of the schema's and the knowledge base's labels.

The findings form and the assessment panel show labels that are clinical data: group titles,
field labels, help texts, units and choices from ``case-schema.toml``; workup statuses;
category, flag and checklist-item names from ``knowledge-base.toml``; and the register's
outcome form shows ``outcome-schema.toml`` (its paths start ``outcome.``). Their translations
live beside those files in ``window.<lang>.toml``, one entry per label, addressed by a
stable path (``fields.lesion.compartment.choices.mixed``) and recording the hash of the
English it translates (the format of the leaflet translations, ``text_translations``).

A label whose English has changed since it was translated is *stale*: the window shows that
label in English rather than a translation of words the English no longer says, and
``livercalc-desktop translations status`` lists it. Rule explanations, checklist bases and
references are not here: they are clinical statements reviewed in English, and the window
shows them in English with a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from livercalc_desktop.domain.schema import CaseSchema, Choice, FieldSpec
from livercalc_desktop.knowledge.loader import OUTCOME_SCHEMA_FILE, load_schema
from livercalc_desktop.knowledge.model import KnowledgeBase
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.text_translations import (
    SOURCE_LANGUAGE,
    Report,
    Translation,
    compare,
    read_translation,
    translation_toml,
)

HEADER = (
    "Window labels, {language}: translations of the labels that the findings form, the assessment panel",
    "and the outcome form show, from case-schema.toml, knowledge-base.toml and outcome-schema.toml",
    "(paths starting outcome.). Each entry records the hash of the English it translates; when the",
    "English changes the entry is stale, the window shows that label in English and",
    "`livercalc-desktop translations status` lists it.",
)


OUTCOME = "outcome."  # the prefix of the outcome form's labels (outcome-schema.toml)


def _schema_sources(schema: CaseSchema, prefix: str) -> dict[str, str]:
    sources = {f"{prefix}groups.{group.id}": group.label for group in schema.groups}
    for spec in schema.fields:
        base = f"{prefix}fields.{spec.path}"
        sources[f"{base}.label"] = spec.label
        if spec.help:
            sources[f"{base}.help"] = spec.help
        if spec.unit:
            sources[f"{base}.unit"] = spec.unit
        if spec.unit_one:
            sources[f"{base}.unit_one"] = spec.unit_one
        sources.update({f"{base}.choices.{choice.value}": choice.label for choice in spec.choices})
    return sources


def outcome_schema(folder: Path) -> CaseSchema | None:
    """Return the pathway's outcome schema (the register's outcome form), if it has one."""
    return load_schema(folder, OUTCOME_SCHEMA_FILE) if (folder / OUTCOME_SCHEMA_FILE).exists() else None


def label_sources(schema: CaseSchema, kb: KnowledgeBase, outcome: CaseSchema | None = None) -> dict[str, str]:
    """Every English label the window shows from the pathway's data, by path, in file order."""
    sources = _schema_sources(schema, "")
    sources.update({f"workup_statuses.{status.value}": status.label for status in schema.workup_statuses})
    sources.update({f"categories.{category.id}": category.label for category in kb.categories})
    sources.update({f"flags.{flag.id}": flag.label for flag in kb.flags})
    sources.update({f"checklist.{item.id}": item.label for item in kb.checklist})
    if outcome is not None:
        sources.update(_schema_sources(outcome, OUTCOME))
    return sources


def window_labels_path(folder: Path, language: str) -> Path:
    return folder / f"window.{language}.toml"


def window_languages(folder: Path) -> tuple[str, ...]:
    """Languages with a window-labels file (English, the source, is not one)."""
    return tuple(sorted(p.name.split(".")[1] for p in folder.glob("window.*.toml")))


def window_sources(pathway: Pathway) -> dict[str, str]:
    """Every English label of a pathway that the window shows: schema, knowledge base and outcome schema."""
    return label_sources(pathway.schema, pathway.kb, outcome_schema(pathway.folder))


def window_report(pathway: Pathway, translation: Translation) -> Report:
    """How a window-labels translation stands against the current English: missing and stale labels."""
    return compare(window_sources(pathway), translation)


def window_labels_toml(pathway: Pathway, translation: Translation) -> str:
    header = (line.format(language=translation.language) for line in HEADER)
    return translation_toml(translation, window_sources(pathway), header)


@dataclass(frozen=True, slots=True)
class WindowLabels:
    """Looks up the window's words for pathway data: the translation when current, else the English."""

    language: str = SOURCE_LANGUAGE
    translation: Translation | None = None
    prefix: str = ""  # OUTCOME for the outcome form's schema

    def text(self, path: str, english: str) -> str:
        if self.translation is None:
            return english
        return self.translation.current(path, english) or english

    def for_outcome(self) -> WindowLabels:
        """Return the labels of the outcome schema (the register's outcome form)."""
        return replace(self, prefix=OUTCOME)

    def group(self, group_id: str, english: str) -> str:
        return self.text(f"{self.prefix}groups.{group_id}", english)

    def field(self, spec: FieldSpec) -> str:
        return self.text(f"{self.prefix}fields.{spec.path}.label", spec.label)

    def help(self, spec: FieldSpec) -> str:
        return self.text(f"{self.prefix}fields.{spec.path}.help", spec.help) if spec.help else ""

    def unit(self, spec: FieldSpec) -> str:
        return self.text(f"{self.prefix}fields.{spec.path}.unit", spec.unit) if spec.unit else ""

    def unit_one(self, spec: FieldSpec) -> str:
        return self.text(f"{self.prefix}fields.{spec.path}.unit_one", spec.unit_one) if spec.unit_one else ""

    def choice(self, spec: FieldSpec, value: str) -> str:
        return self.text(f"{self.prefix}fields.{spec.path}.choices.{value}", spec.choice_label(value))

    def status(self, schema: CaseSchema, value: str) -> str:
        return self.text(f"workup_statuses.{value}", schema.status_label(value))

    def shown(self, spec: FieldSpec) -> FieldSpec:
        """Return ``spec`` with its words in this language, for display only: values and checks are unchanged."""
        if self.translation is None:
            return spec
        choices = tuple(Choice(choice.value, self.choice(spec, choice.value)) for choice in spec.choices)
        unit, unit_one = self.unit(spec), self.unit_one(spec)
        return replace(
            spec, label=self.field(spec), help=self.help(spec), unit=unit, unit_one=unit_one, choices=choices
        )

    def category(self, category_id: str, english: str) -> str:
        return self.text(f"categories.{category_id}", english)

    def flag(self, flag_id: str, english: str) -> str:
        return self.text(f"flags.{flag_id}", english)

    def item(self, item_id: str, english: str) -> str:
        return self.text(f"checklist.{item_id}", english)


def load_window_labels(folder: Path, language: str) -> WindowLabels:
    """Return the labels for ``language``; English (the data as written) when it has no file."""
    path = window_labels_path(folder, language)
    if language == SOURCE_LANGUAGE or not path.exists():
        return WindowLabels()
    return WindowLabels(language, read_translation(path))
