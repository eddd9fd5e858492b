"""A pathway: the schema, knowledge base and bibliography that belong together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from livercalc_desktop.domain.schema import CaseSchema
from livercalc_desktop.domain.validation import CaseParser
from livercalc_desktop.knowledge.loader import load_knowledge_base, load_references, load_schema
from livercalc_desktop.knowledge.model import KnowledgeBase
from livercalc_desktop.resources import resources_root

FETAL_PATHWAY = "fetal-liver-calcification"


@dataclass(frozen=True, slots=True)
class Pathway:
    """Everything needed to read, assess and explain one kind of case."""

    folder: Path
    schema: CaseSchema
    kb: KnowledgeBase
    parser: CaseParser


def load_pathway(folder: Path) -> Pathway:
    """Load and cross-check a pathway folder; raises ``KnowledgeBaseError`` if malformed."""
    references = load_references(folder)
    schema = load_schema(folder)
    kb = load_knowledge_base(folder, schema, references)
    return Pathway(folder=folder, schema=schema, kb=kb, parser=CaseParser(schema, {i.id: i.kind for i in kb.checklist}))


def bundled_pathway_folder(pathway_id: str = FETAL_PATHWAY) -> Path:
    """Return the folder of a pathway shipped with the app."""
    return resources_root() / "pathways" / pathway_id
