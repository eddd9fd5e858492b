"""The window's translations of the schema's and the knowledge base's labels.

The findings form and the assessment panel show labels that are clinical data: group titles,
field labels, help texts, units and choices from ``case-schema.toml``; workup statuses;
category, flag and checklist-item names from ``knowledge-base.toml``. Their translations
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
from livercalc_desktop.knowledge.model import KnowledgeBase
from livercalc_desktop.knowledge.text_translations import (
    SOURCE_LANGUAGE,
    Report,
    Translation,
    compare,
    read_translation,
    translation_toml,
)

HEADER = (
    "Window labels, {language}: translations of the labels in case-schema.toml and knowledge-base.toml",
    "that the findings form and the assessment panel show. Each entry records the hash of the English",
    "it translates; when the English changes the entry is stale, the window shows that label in English",
    "and `livercalc-desktop translations status` lists it.",
)


def label_sources(schema: CaseSchema, kb: KnowledgeBase) -> dict[str, str]:
    """Every English label the window shows from the pathway's data, by path, in file order."""
    sources = {f"groups.{group.id}": group.label for group in schema.groups}
    for spec in schema.fields:
        base = f"fields.{spec.path}"
        sources[f"{base}.label"] = spec.label
        if spec.help:
            sources[f"{base}.help"] = spec.help
        if spec.unit:
            sources[f"{base}.unit"] = spec.unit
        sources.update({f"{base}.choices.{choice.value}": choice.label for choice in spec.choices})
    sources.update({f"workup_statuses.{status.value}": status.label for status in schema.workup_statuses})
    sources.update({f"categories.{category.id}": category.label for category in kb.categories})
    sources.update({f"flags.{flag.id}": flag.label for flag in kb.flags})
    sources.update({f"checklist.{item.id}": item.label for item in kb.checklist})
    return sources


def window_labels_path(folder: Path, language: str) -> Path:
    return folder / f"window.{language}.toml"


def window_languages(folder: Path) -> tuple[str, ...]:
    """Languages with a window-labels file (English, the source, is not one)."""
    return tuple(sorted(p.name.split(".")[1] for p in folder.glob("window.*.toml")))


def window_report(schema: CaseSchema, kb: KnowledgeBase, translation: Translation) -> Report:
    """How a window-labels translation stands against the current English: missing and stale labels."""
    return compare(label_sources(schema, kb), translation)


def window_labels_toml(schema: CaseSchema, kb: KnowledgeBase, translation: Translation) -> str:
    header = (line.format(language=translation.language) for line in HEADER)
    return translation_toml(translation, label_sources(schema, kb), header)


@dataclass(frozen=True, slots=True)
class WindowLabels:
    """Looks up the window's words for pathway data: the translation when current, else the English."""

    language: str = SOURCE_LANGUAGE
    translation: Translation | None = None

    def text(self, path: str, english: str) -> str:
        if self.translation is None:
            return english
        return self.translation.current(path, english) or english

    def group(self, group_id: str, english: str) -> str:
        return self.text(f"groups.{group_id}", english)

    def field(self, spec: FieldSpec) -> str:
        return self.text(f"fields.{spec.path}.label", spec.label)

    def help(self, spec: FieldSpec) -> str:
        return self.text(f"fields.{spec.path}.help", spec.help) if spec.help else ""

    def unit(self, spec: FieldSpec) -> str:
        return self.text(f"fields.{spec.path}.unit", spec.unit) if spec.unit else ""

    def choice(self, spec: FieldSpec, value: str) -> str:
        return self.text(f"fields.{spec.path}.choices.{value}", spec.choice_label(value))

    def status(self, schema: CaseSchema, value: str) -> str:
        return self.text(f"workup_statuses.{value}", schema.status_label(value))

    def shown(self, spec: FieldSpec) -> FieldSpec:
        """Return ``spec`` with its words in this language, for display only: values and checks are unchanged."""
        if self.translation is None:
            return spec
        choices = tuple(Choice(choice.value, self.choice(spec, choice.value)) for choice in spec.choices)
        return replace(spec, label=self.field(spec), help=self.help(spec), unit=self.unit(spec), choices=choices)

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
