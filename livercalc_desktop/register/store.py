"""The register's operations: add, save, withdraw, search, outcomes.

Every write is one transaction that inserts rows and nothing else. A save names the
revision it was based on; if another workstation saved first the insert of the same
(case, number) pair fails on the unique constraint, or the check before it sees a newer
revision, and the caller gets ``RegisterConflict`` with nothing written.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, exists, func, insert, select
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import IntegrityError

from livercalc_desktop.casefile import load_case_json
from livercalc_desktop.domain.case import Case
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.database import WRITE, create_register_engine, migrate, translated_errors
from livercalc_desktop.register.documents import CaseDocument, OutcomeReader, read_case
from livercalc_desktop.register.errors import RegisterConflict, RegisterInputError
from livercalc_desktop.register.location import parse_url, register_url
from livercalc_desktop.register.tables import cases, outcomes, revisions

SAVED, WITHDRAWN = "saved", "withdrawn"
OUTCOME_DUE_AFTER = dt.timedelta(weeks=4)
MAX_REASON = 500
_HAS_OUTCOME = exists().where(outcomes.c.case_id == revisions.c.case_id)
# "Latest revision" without GROUP BY: no revision of the same case has a higher number. The
# filters narrow the rows by index first, then each is one probe of the (case, number) key.
_LATER = revisions.alias("later")
_NEWER_REVISION = exists().where(_LATER.c.case_id == revisions.c.case_id, _LATER.c.number > revisions.c.number)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the engine said about a revision, kept beside it."""

    category: str
    level: str
    urgent: bool
    flags: tuple[str, ...]
    kb_version: str


def summarise(case: Case, pathway: Pathway) -> Summary:
    """Assess a case and keep the parts the register searches and audits by."""
    result = assess(case, pathway)
    return Summary(
        category=result.category,
        level=result.level.value,
        urgent=result.urgent,
        flags=result.flags,
        kb_version=result.kb_version,
    )


@dataclass(frozen=True, slots=True)
class Revision:
    """One save (or the withdrawal) of a case, as recorded."""

    case_id: int
    number: int
    kind: str
    reason: str | None
    case_json: str
    summary: Summary
    scan_date: dt.date
    due_date: dt.date
    recorded_at: dt.datetime
    recorded_by: str
    workstation: str


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A case as listed: its latest revision's searchable columns."""

    case_id: int
    number: int
    withdrawn: bool
    category: str
    level: str
    urgent: bool
    scan_date: dt.date
    due_date: dt.date
    patient_name: str
    hospital_number: str
    outcome_recorded: bool


@dataclass(frozen=True, slots=True)
class OutcomeRecord:
    """The latest outcome of one fetus (``fetus`` is "" for a singleton)."""

    case_id: int
    fetus: str
    number: int
    outcome_json: str
    pregnancy_outcome: str
    diagnosis_groups: tuple[str, ...]
    recorded_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True, slots=True)
class Search:
    """What the Cases view and ``register list`` ask for; empty fields do not filter."""

    text: str = ""
    category: str = ""
    scan_from: dt.date | None = None
    scan_to: dt.date | None = None
    outcome_due: bool = False
    include_withdrawn: bool = False
    limit: int | None = None


def _who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _private_text(case: Case, path: str) -> str | None:
    value = case.get(path)
    return value if isinstance(value, str) and value else None


class Register:
    """One open register. Create with ``Register.open``; close when done."""

    def __init__(
        self,
        engine: Engine,
        url: URL,
        pathway: Pathway,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.engine, self.url, self.pathway, self.today = engine, url, pathway, today
        self.writer = engine.execution_options(**{WRITE: True})
        self.outcome_reader = OutcomeReader(pathway)
        self.login, self.workstation = _who(), socket.gethostname() or "unknown"

    @classmethod
    def open(
        cls,
        pathway: Pathway,
        url_text: str = "",
        say: Callable[[str], None] = lambda _text: None,
        busy_seconds: float | None = None,
    ) -> Register:
        """Open (creating or migrating) the register chosen by the URL, environment or default."""
        url = parse_url(url_text or register_url())
        engine = create_register_engine(url) if busy_seconds is None else create_register_engine(url, busy_seconds)
        try:
            migrate(engine, url, say)
        except Exception:
            engine.dispose()
            raise
        return cls(engine, url, pathway)

    @property
    def files(self) -> tuple[Path, ...]:
        """The files that hold an SQLite register (with its journal files); none for a server."""
        if self.url.get_backend_name() != "sqlite" or not self.url.database:
            return ()
        database = Path(self.url.database)
        return (database, *(database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------
    def _revision_values(self, document: CaseDocument, number: int, kind: str, reason: str | None) -> dict[str, Any]:
        """Return a revision row without its case id; computed before any lock is taken."""
        summary = summarise(document.case, self.pathway)
        name = _private_text(document.case, "patient.name")
        number_text = _private_text(document.case, "patient.hospital_number")
        return {
            "number": number,
            "kind": kind,
            "reason": reason,
            "case_json": document.text,
            "content_sha256": document.sha256,
            "category": summary.category,
            "level": summary.level,
            "urgent": summary.urgent,
            "flags": json.dumps(list(summary.flags)),
            "kb_version": summary.kb_version,
            "scan_date": document.scan_date,
            "due_date": document.due_date,
            "patient_name": name,
            "hospital_number": number_text,
            "search_text": "\n".join(t.casefold() for t in (name, number_text) if t),
            "recorded_at": _utc_now(),
            "recorded_by": self.login,
            "workstation": self.workstation,
        }

    def add(self, case_text: str, source: str = "the case") -> int:
        """Validate a case and store it as a new case; returns its id."""
        return self.add_many([read_case(case_text, self.pathway, source)])[0]

    def add_many(self, documents: Sequence[CaseDocument]) -> list[int]:
        """Store validated cases as new cases in one transaction (all or none); returns their ids."""
        prepared = [self._revision_values(document, 1, SAVED, None) for document in documents]
        with translated_errors(self.url), self.writer.begin() as connection:
            ids = (
                connection.execute(
                    insert(cases).returning(cases.c.id, sort_by_parameter_order=True),
                    [{"created_at": _utc_now()} for _ in prepared],
                )
                .scalars()
                .all()
            )
            connection.execute(
                insert(revisions), [{**row, "case_id": id_} for row, id_ in zip(prepared, ids, strict=True)]
            )
        return [int(id_) for id_ in ids]

    def save(self, case_id: int, based_on: int, case_text: str, source: str = "the case") -> int:
        """Store a new revision of a case opened at revision ``based_on``; returns its number."""
        document = read_case(case_text, self.pathway, source)
        return self._append(case_id, based_on, document, SAVED, None)

    def withdraw(self, case_id: int, based_on: int, reason: str) -> int:
        """Withdraw a case with a reason; its history stays. Returns the revision number."""
        reason = reason.strip()
        if not reason or len(reason) > MAX_REASON:
            raise RegisterInputError(f"reason: must be 1 to {MAX_REASON} characters")
        latest = self.latest(case_id)
        if latest.kind == WITHDRAWN:
            raise RegisterInputError(f"case {case_id}: is already withdrawn")
        document = read_case(latest.case_json, self.pathway, f"case {case_id}")
        return self._append(case_id, based_on, document, WITHDRAWN, reason)

    def _append(self, case_id: int, based_on: int, document: CaseDocument, kind: str, reason: str | None) -> int:
        values = {**self._revision_values(document, based_on + 1, kind, reason), "case_id": case_id}
        try:
            with translated_errors(self.url), self.writer.begin() as connection:
                current = self._latest_number(connection, case_id)
                if current != based_on:
                    raise self._conflict(connection, case_id, based_on, current)
                connection.execute(insert(revisions), values)
        except IntegrityError:
            with translated_errors(self.url), self.engine.connect() as connection:
                raise self._conflict(connection, case_id, based_on, self._latest_number(connection, case_id)) from None
        return based_on + 1

    def _latest_number(self, connection: Connection, case_id: int) -> int:
        number = connection.execute(
            select(func.max(revisions.c.number)).where(revisions.c.case_id == case_id)
        ).scalar_one()
        if number is None:
            raise RegisterInputError(f"case {case_id}: no such case in the register")
        return int(number)

    def _conflict(self, connection: Connection, case_id: int, based_on: int, current: int) -> RegisterConflict:
        row = connection.execute(
            select(revisions.c.recorded_by, revisions.c.workstation, revisions.c.recorded_at).where(
                revisions.c.case_id == case_id, revisions.c.number == current
            )
        ).one()
        return RegisterConflict(
            f"Case {case_id} was saved again (revision {current}, by {row.recorded_by} on {row.workstation} "
            f"at {row.recorded_at:%Y-%m-%d %H:%M} UTC) after you opened revision {based_on}. Nothing was saved: "
            "reopen the case, then make your change again."
        )

    def record_outcome(self, case_id: int, outcome_text: str, source: str = "the outcome") -> int:
        """Validate and store an outcome (a new record per fetus each time); returns its number."""
        latest = self.latest(case_id)
        if latest.kind == WITHDRAWN:
            raise RegisterInputError(f"case {case_id}: is withdrawn; outcomes cannot be recorded")
        document = read_case(latest.case_json, self.pathway, f"case {case_id}")
        outcome = self.outcome_reader.read(outcome_text, source, document)
        fetus = str(outcome.get("fetus") or "")
        groups = outcome.get("diagnosis.groups") or ()
        values = {
            "case_id": case_id,
            "fetus": fetus,
            "outcome_json": outcome_text,
            "pregnancy_outcome": str(outcome.get("pregnancy.outcome")),
            "diagnosis_groups": json.dumps(list(groups) if isinstance(groups, tuple) else []),
            "recorded_at": _utc_now(),
            "recorded_by": self.login,
            "workstation": self.workstation,
        }
        try:
            with translated_errors(self.url), self.writer.begin() as connection:
                number = connection.execute(
                    select(func.coalesce(func.max(outcomes.c.number), 0)).where(
                        outcomes.c.case_id == case_id, outcomes.c.fetus == fetus
                    )
                ).scalar_one()
                connection.execute(insert(outcomes), {**values, "number": int(number) + 1})
        except IntegrityError:
            raise RegisterConflict(
                f"An outcome for case {case_id} was recorded on another workstation at the same moment. "
                "Nothing was saved: look at the case again, then record the outcome if it is still needed."
            ) from None
        return int(number) + 1

    # --- reading -----------------------------------------------------------------------
    def history(self, case_id: int) -> list[Revision]:
        """Every revision of a case, oldest first."""
        with translated_errors(self.url), self.engine.connect() as connection:
            rows = connection.execute(
                select(revisions).where(revisions.c.case_id == case_id).order_by(revisions.c.number)
            ).all()
        if not rows:
            raise RegisterInputError(f"case {case_id}: no such case in the register")
        return [_revision(row) for row in rows]

    def latest(self, case_id: int) -> Revision:
        with translated_errors(self.url), self.engine.connect() as connection:
            row = connection.execute(
                select(revisions).where(revisions.c.case_id == case_id).order_by(revisions.c.number.desc()).limit(1)
            ).first()
        if row is None:
            raise RegisterInputError(f"case {case_id}: no such case in the register")
        return _revision(row)

    def outcomes(self, case_id: int) -> list[OutcomeRecord]:
        """Return the latest outcome of each fetus of a case."""
        with translated_errors(self.url), self.engine.connect() as connection:
            rows = connection.execute(
                select(outcomes).where(outcomes.c.case_id == case_id).order_by(outcomes.c.fetus, outcomes.c.number)
            ).all()
        latest = {row.fetus: _outcome(row) for row in rows}  # later numbers replace earlier ones
        return list(latest.values())

    def contains_content(self, sha256: str) -> bool:
        """Whether any revision holds exactly this case content (used to skip re-imports)."""
        with translated_errors(self.url), self.engine.connect() as connection:
            return connection.execute(select(exists().where(revisions.c.content_sha256 == sha256))).scalar_one()

    def _matching(self, query: Search, *columns: Any) -> Select[Any]:
        """Select ``columns`` of the latest revision of each case matching ``query``, newest scan first."""
        conditions: list[ColumnElement[bool]] = [~_NEWER_REVISION]
        if query.text.strip():
            conditions.append(revisions.c.search_text.contains(query.text.strip().casefold(), autoescape=True))
        if query.category:
            conditions.append(revisions.c.category == query.category)
        if query.scan_from:
            conditions.append(revisions.c.scan_date >= query.scan_from)
        if query.scan_to:
            conditions.append(revisions.c.scan_date <= query.scan_to)
        if not query.include_withdrawn:
            conditions.append(revisions.c.kind == SAVED)
        if query.outcome_due:
            conditions.append(revisions.c.due_date < self.today() - OUTCOME_DUE_AFTER)
            conditions.append(~_HAS_OUTCOME)
        return (
            select(*columns)
            .where(*conditions)
            .order_by(revisions.c.scan_date.desc(), revisions.c.case_id.desc())
            .limit(query.limit)
        )

    def search(self, query: Search) -> list[CaseRow]:
        """Return the cases whose latest revision matches, newest scan first."""
        statement = self._matching(
            query,
            revisions.c.case_id,
            revisions.c.number,
            revisions.c.kind,
            revisions.c.category,
            revisions.c.level,
            revisions.c.urgent,
            revisions.c.scan_date,
            revisions.c.due_date,
            revisions.c.patient_name,
            revisions.c.hospital_number,
            _HAS_OUTCOME.label("outcome_recorded"),
        )
        with translated_errors(self.url), self.engine.connect() as connection:
            rows = connection.execute(statement).all()
        return [
            CaseRow(
                case_id=row.case_id,
                number=row.number,
                withdrawn=row.kind == WITHDRAWN,
                category=row.category,
                level=row.level,
                urgent=bool(row.urgent),
                scan_date=row.scan_date,
                due_date=row.due_date,
                patient_name=row.patient_name or "",
                hospital_number=row.hospital_number or "",
                outcome_recorded=bool(row.outcome_recorded),
            )
            for row in rows
        ]

    def latest_revisions(self, query: Search) -> list[Revision]:
        """Return the latest revision of each matching case, in full (for audits and exports)."""
        with translated_errors(self.url), self.engine.connect() as connection:
            rows = connection.execute(self._matching(query, *revisions.c)).all()
        return [_revision(row) for row in rows]

    def latest_outcomes(self) -> dict[int, list[OutcomeRecord]]:
        """Return the latest outcome of every fetus, by case id."""
        latest = (
            select(outcomes.c.case_id, outcomes.c.fetus, func.max(outcomes.c.number).label("number"))
            .group_by(outcomes.c.case_id, outcomes.c.fetus)
            .subquery()
        )
        statement = (
            select(outcomes)
            .join(
                latest,
                and_(
                    outcomes.c.case_id == latest.c.case_id,
                    outcomes.c.fetus == latest.c.fetus,
                    outcomes.c.number == latest.c.number,
                ),
            )
            .order_by(outcomes.c.case_id, outcomes.c.fetus)
        )
        found: dict[int, list[OutcomeRecord]] = {}
        with translated_errors(self.url), self.engine.connect() as connection:
            for row in connection.execute(statement):
                found.setdefault(row.case_id, []).append(_outcome(row))
        return found

    def outcomes_due(self) -> list[CaseRow]:
        """Cases more than four weeks past their due date with no outcome recorded."""
        return self.search(Search(outcome_due=True))

    def case_document(self, case_id: int) -> CaseDocument:
        """Return the latest revision's case, validated again by this app's parser."""
        return read_case(self.latest(case_id).case_json, self.pathway, f"case {case_id}")

    def outcome_case(self, record: OutcomeRecord) -> Case:
        """Return the values of a stored outcome (validated when it was recorded)."""
        return self.outcome_reader.parser.parse(
            load_case_json(record.outcome_json, f"outcome of case {record.case_id}")
        )


def _revision(row: Row[Any]) -> Revision:
    return Revision(
        case_id=row.case_id,
        number=row.number,
        kind=row.kind,
        reason=row.reason,
        case_json=row.case_json,
        summary=Summary(
            category=row.category,
            level=row.level,
            urgent=bool(row.urgent),
            flags=tuple(json.loads(row.flags)),
            kb_version=row.kb_version,
        ),
        scan_date=row.scan_date,
        due_date=row.due_date,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        workstation=row.workstation,
    )


def _outcome(row: Row[Any]) -> OutcomeRecord:
    return OutcomeRecord(
        case_id=row.case_id,
        fetus=row.fetus,
        number=row.number,
        outcome_json=row.outcome_json,
        pregnancy_outcome=row.pregnancy_outcome,
        diagnosis_groups=tuple(json.loads(row.diagnosis_groups)),
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
    )
