"""A pathway: the schema, knowledge base and bibliography that belong together."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from livercalc_desktop.domain.errors import Problem
from livercalc_desktop.domain.schema import CaseSchema
from livercalc_desktop.domain.validation import CaseParser
from livercalc_desktop.knowledge.loader import load_knowledge_base, load_references, load_schema
from livercalc_desktop.knowledge.model import KnowledgeBase
from livercalc_desktop.knowledge.strict_table import TomlReader, read_toml
from livercalc_desktop.resources import resources_root

FETAL_PATHWAY = "fetal-liver-calcification"


@dataclass(frozen=True, slots=True)
class Pathway:
    """Everything needed to read, assess and explain one kind of case."""

    folder: Path
    schema: CaseSchema
    kb: KnowledgeBase
    parser: CaseParser
    # How its files were read (the window's: through its parsed cache), for those read later on.
    read: TomlReader = read_toml

    def problem_text(self, problem: Problem) -> str:
        """Say a validation problem with the field's label, as the form and checklist name it.

        The CLI names field paths (a file is edited by path); the window names what the user
        sees: "Scan date: is required", "Delivery planning, status: must be one of ...".
        """
        path = re.sub(r"\[\d+\]$", "", problem.path)
        spec = self.schema.field(path)
        if spec is not None:
            return f"{spec.label}: {problem.message}"
        parts = path.split(".")
        if parts[0] == "workup" and len(parts) >= 2:
            item = next((i.label for i in self.kb.checklist if i.id == parts[1]), parts[1])
            return f"{item}{', ' + parts[2] if len(parts) > 2 else ''}: {problem.message}"
        return str(problem)


def load_pathway(folder: Path, read: TomlReader = read_toml) -> Pathway:
    """Load and cross-check a pathway folder; raises ``KnowledgeBaseError`` if malformed.

    ``read`` parses each TOML file: the window passes a cache's reader (knowledge.parsed_cache).
    """
    references = load_references(folder, read)
    schema = load_schema(folder, read=read)
    kb = load_knowledge_base(folder, schema, references, read)
    parser = CaseParser(schema, {i.id: i.kind for i in kb.checklist})
    return Pathway(folder=folder, schema=schema, kb=kb, parser=parser, read=read)


def bundled_pathway_folder(pathway_id: str = FETAL_PATHWAY) -> Path:
    """Return the folder of a pathway shipped with the app."""
    return resources_root() / "pathways" / pathway_id
