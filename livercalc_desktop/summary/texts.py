"""Load the clinician-facing words of the summary (``summary.<language>.toml``).

Every section must hold exactly the keys the summary uses, so a typo or a missing label
fails when the pathway loads, not on a printed letter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from livercalc_desktop.knowledge.model import Level, Priority
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.strict_table import StrictTable, read_toml

_SECTIONS: dict[str, tuple[str, ...]] = {
    "meta": ("language", "content_version", "reviewed"),
    "headings": (
        "title", "patient", "findings", "assessment", "reasons", "checklist", "timeline", "note", "references", "sign",
    ),
    "labels": (
        "patient", "hospital_number", "scan", "gestation", "pregnancy", "fetus", "clinician", "clinic", "category",
        "level", "urgent", "flags", "facts", "finding", "recorded", "item", "kind", "priority", "status", "detail",
        "date", "when", "what", "signature", "signed_date", "not_recorded", "none", "yes", "no", "not_indicated",
        "from_scan", "from_history", "no_reference",
    ),
    "level": tuple(level.value for level in Level),
    "priority": tuple(priority.value for priority in Priority),
    "timeline": (
        "today", "urgent", "urgent_booked", "detailed", "detailed_later", "results", "af_pcr", "af_pcr_now",
        "af_pcr_other", "scan", "scan_close", "scan_last", "birth", "newborn", "newborn_cmv", "after_birth", "now",
    ),
    "closing": ("disclaimer", "knowledge_base", "draft", "made_by"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SummaryTexts:
    """Every clinician-facing string of the summary, by section and key."""

    sections: Mapping[str, Mapping[str, str]]

    def __getitem__(self, section: str) -> Mapping[str, str]:
        return self.sections[section]


def load_summary_texts(pathway: Pathway) -> SummaryTexts:
    """Load and check the summary words of ``pathway`` (English for now)."""
    path = pathway.folder / "summary.en.toml"
    root = StrictTable(read_toml(path), path.name, "(top)")
    sections: dict[str, dict[str, str]] = {}
    for name, keys in _SECTIONS.items():
        table = StrictTable(root.take(name, dict), path.name, name)
        sections[name] = {key: table.take(key, str) for key in keys}
        table.finish()
    root.finish()
    return SummaryTexts(sections)
