"""Read the JSON the register stores: case files as given, and outcome records.

A case is stored exactly as it was given (so a newer case format loses nothing) after the
pathway's parser has accepted it; an outcome goes through the outcome schema
(``outcome-schema.toml``) and the cross-field rules below. Problems name the field and
never repeat free text, like the case file validator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from livercalc_desktop.casefile import load_case_json
from livercalc_desktop.domain.case import Case
from livercalc_desktop.domain.errors import CaseInvalid, Problem
from livercalc_desktop.domain.validation import CaseParser, parse_date
from livercalc_desktop.knowledge.loader import OUTCOME_SCHEMA_FILE, load_schema
from livercalc_desktop.knowledge.pathway import Pathway

MULTIPLE = ("twins", "higher-order")


def content_hash(data: object) -> str:
    """Hash a JSON document by content, so reformatting a file does not make it new."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CaseDocument:
    """A validated case with the JSON it came from."""

    text: str
    case: Case

    @property
    def scan_date(self) -> dt.date:
        value = parse_date(str(self.case.get("exam.date")))
        assert value is not None  # the parser requires a valid exam.date
        return value

    @property
    def due_date(self) -> dt.date:
        """The estimated due date (40 weeks), from the scan date and gestational age."""
        weeks, days = self.case.get("exam.gestational_age.weeks"), self.case.get("exam.gestational_age.days")
        assert isinstance(weeks, int) and isinstance(days, int)
        return self.scan_date + dt.timedelta(days=280 - (weeks * 7 + days))

    @property
    def sha256(self) -> str:
        return content_hash(json.loads(self.text))


def read_case(text: str, pathway: Pathway, source: str) -> CaseDocument:
    """Validate case JSON text; raises ``CaseFileError`` or ``CaseInvalid``."""
    return CaseDocument(text=text, case=pathway.parser.parse(load_case_json(text, source)))


class OutcomeReader:
    """Validates outcome records against the outcome schema and the case they belong to."""

    def __init__(self, pathway: Pathway) -> None:
        self.schema = load_schema(pathway.folder, OUTCOME_SCHEMA_FILE)
        self.parser = CaseParser(self.schema, {})

    def read(self, text: str, source: str, case: CaseDocument) -> Case:
        """Return the outcome, or raise ``CaseInvalid`` listing every problem."""
        outcome = self.parser.parse(load_case_json(text, source))
        problems = [*_outcome_problems(outcome), *_fit_problems(outcome, case)]
        if problems:
            raise CaseInvalid(tuple(problems))
        return outcome


def _outcome_problems(outcome: Case) -> list[Problem]:
    groups = outcome.get("diagnosis.groups") or ()
    assert isinstance(groups, tuple)
    kind = outcome.get("pregnancy.outcome")
    problems = []
    if "none-found" in groups and len(groups) > 1:
        problems.append(Problem("diagnosis.groups", '"none-found" cannot be combined with another group'))
    detail_of = (("aneuploidy", "diagnosis.aneuploidy_type"), ("congenital-infection", "diagnosis.infection_agent"))
    for group, path in detail_of:
        if group in groups and outcome.get(path) is None:
            problems.append(Problem(path, f'is required when diagnosis.groups includes "{group}"'))
        if group not in groups and outcome.get(path) is not None:
            problems.append(Problem(path, f'is only allowed when diagnosis.groups includes "{group}"'))
    if kind != "lost-to-follow-up" and outcome.get("pregnancy.date") is None:
        problems.append(Problem("pregnancy.date", 'is required unless the outcome is "lost-to-follow-up"'))
    has_weeks = outcome.get("pregnancy.gestational_age.weeks") is not None
    if has_weeks != (outcome.get("pregnancy.gestational_age.days") is not None):
        problems.append(Problem("pregnancy.gestational_age", "needs both weeks and days, or neither"))
    if kind != "live-birth" and outcome.get("baby.nicu_admission") is not None:
        problems.append(Problem("baby.nicu_admission", 'is only allowed when the outcome is "live-birth"'))
    return problems


def _fit_problems(outcome: Case, case: CaseDocument) -> list[Problem]:
    """Check the outcome against its case: the fetus letter and dates after the scan."""
    problems = []
    multiple = case.case.get("exam.pregnancy") in MULTIPLE
    if multiple and outcome.get("fetus") is None:
        problems.append(Problem("fetus", 'is required for twins or more: one of "A", "B", "C", "D"'))
    if not multiple and outcome.get("fetus") is not None:
        problems.append(Problem("fetus", "is only allowed when the case records twins or more"))
    date = outcome.get("pregnancy.date")
    if isinstance(date, str) and dt.date.fromisoformat(date) < case.scan_date:
        problems.append(
            Problem("pregnancy.date", f"must be on or after the scan date {case.scan_date.isoformat()}, got {date}")
        )
    return problems
