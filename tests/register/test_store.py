"""The register's core, on SQLite and PostgreSQL: revisions, withdrawal, search, conflicts."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from livercalc_desktop.domain.errors import CaseInvalid
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.errors import RegisterConflict, RegisterInputError, RegisterTooNew
from livercalc_desktop.register.location import URL_VARIABLE, parse_url, register_url
from livercalc_desktop.register.store import Register, Search
from livercalc_desktop.register.tables import revisions
from tests.conftest import EXAMPLES
from tests.register.conftest import case_text, example_text


def revision_count(register: Register) -> int:
    with register.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(revisions)).scalar_one())


def test_each_example_is_stored_as_given_with_the_engines_summary(register: Register, pathway: Pathway) -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        given = path.read_text("utf-8")
        case_id = register.add(given, path.name)
        stored = register.latest(case_id)
        expected = assess(pathway.parser.parse(json.loads(given)), pathway)
        assert stored.case_json == given
        assert (stored.summary.category, stored.summary.level) == (expected.category, expected.level.value)
        assert stored.summary.flags == expected.flags
        assert stored.summary.kb_version == pathway.kb.meta.content_version
        assert stored.number == 1 and stored.kind == "saved"
        assert stored.recorded_by and stored.workstation


def test_a_save_adds_a_revision_and_keeps_the_old_one(register: Register) -> None:
    first = case_text()
    case_id = register.add(first)
    second = case_text(lesion={"count": "2-3"})
    assert register.save(case_id, 1, second) == 2
    history = register.history(case_id)
    assert [r.number for r in history] == [1, 2]
    assert history[0].case_json == first and history[1].case_json == second


def test_a_save_based_on_an_old_revision_conflicts_and_writes_nothing(register: Register) -> None:
    case_id = register.add(case_text())
    register.save(case_id, 1, case_text(lesion={"count": "2-3"}))
    before = revision_count(register)
    with pytest.raises(RegisterConflict, match=r"revision 2, .* after you opened revision 1\. Nothing was saved"):
        register.save(case_id, 1, case_text(lesion={"count": "4+"}))
    assert revision_count(register) == before


def test_two_workstations_saving_at_once_one_wins_one_is_told(register_url: str, pathway: Pathway) -> None:
    with Register.open(pathway, register_url) as first_desk, Register.open(pathway, register_url) as second_desk:
        case_id = first_desk.add(case_text())
        barrier = threading.Barrier(2)
        results: list[object] = []

        def save(desk: Register, count: str) -> None:
            barrier.wait()
            try:
                results.append(desk.save(case_id, 1, case_text(lesion={"count": count})))
            except RegisterConflict as exc:
                results.append(exc)

        threads = [threading.Thread(target=save, args=args) for args in ((first_desk, "2-3"), (second_desk, "1"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(type(r).__name__ for r in results) == ["RegisterConflict", "int"]
        assert [r.number for r in first_desk.history(case_id)] == [1, 2]


def test_withdrawal_needs_a_reason_keeps_history_and_leaves_the_lists(register: Register) -> None:
    case_id = register.add(case_text())
    with pytest.raises(RegisterInputError, match="reason: must be 1 to 500 characters"):
        register.withdraw(case_id, 1, "  ")
    assert register.withdraw(case_id, 1, "entered twice") == 2
    latest = register.latest(case_id)
    assert (latest.kind, latest.reason) == ("withdrawn", "entered twice")
    assert register.history(case_id)[0].kind == "saved"
    assert register.search(Search()) == []
    assert [row.case_id for row in register.search(Search(include_withdrawn=True))] == [case_id]
    with pytest.raises(RegisterInputError, match="already withdrawn"):
        register.withdraw(case_id, 2, "again")


def test_an_invalid_case_is_refused_whole(register: Register) -> None:
    with pytest.raises(CaseInvalid) as caught:
        register.add(case_text(exam={"gestational_age": {"weeks": 50, "days": 1}}))
    assert "exam.gestational_age.weeks: must be 10–42" in str(caught.value)
    assert revision_count(register) == 0


def test_unknown_case_ids_are_named(register: Register) -> None:
    with pytest.raises(RegisterInputError, match="case 99: no such case"):
        register.latest(99)
    with pytest.raises(RegisterInputError, match="case 99: no such case"):
        register.save(99, 1, case_text())


def test_search_by_text_category_date_and_due(register: Register) -> None:
    anna = register.add(example_text("isolated-pending.json"))
    greek = register.add(example_text("non-isolated.json"))
    recent = register.add(case_text(exam={"date": "2026-11-01"}))
    assert [r.case_id for r in register.search(Search(text="kowalsk"))] == [anna]
    assert [r.case_id for r in register.search(Search(text="demo-0001"))] == [anna]
    assert [r.case_id for r in register.search(Search(text="ΜΑΡΊΑ"))] == [greek]
    assert [r.case_id for r in register.search(Search(text="%"))] == []
    assert [r.case_id for r in register.search(Search(category="non-isolated"))] == [greek]
    in_range = register.search(Search(scan_from=dt.date(2026, 3, 1), scan_to=dt.date(2026, 6, 1)))
    assert [r.case_id for r in in_range] == [greek, anna]  # newest scan first
    assert recent not in [r.case_id for r in register.outcomes_due()]
    assert anna in [r.case_id for r in register.outcomes_due()]


def test_a_database_from_a_newer_app_is_refused_and_left_alone(register_url: str, pathway: Pathway) -> None:
    with Register.open(pathway, register_url) as register:
        register.add(case_text())
    engine = create_engine(parse_url(register_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'r9999'"))
    with pytest.raises(RegisterTooNew, match=r"newer version of LiverCalc \(schema r9999\).*has not changed it"):
        Register.open(pathway, register_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "r9999"
        assert connection.execute(text("SELECT count(*) FROM revisions")).scalar_one() == 1
    engine.dispose()


def test_creating_says_so_without_patient_data(
    register_url: str, pathway: Pathway, capfd: pytest.CaptureFixture[str]
) -> None:
    said: list[str] = []
    with Register.open(pathway, register_url, say=said.append) as register:
        register.add(example_text("isolated-pending.json"))
    with Register.open(pathway, register_url, say=said.append):
        pass
    assert len(said) == 1 and said[0].startswith("Creating the register")
    out, err = capfd.readouterr()
    assert out == err == ""  # Alembic prints nothing of its own


def test_the_sqlite_file_is_owner_only_and_in_wal_mode(tmp_path: Path, pathway: Pathway) -> None:
    path = tmp_path / "new" / "register.sqlite3"
    with Register.open(pathway, f"sqlite:///{path}") as register:
        register.add(case_text())
        with register.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    path.chmod(0o644)  # a register copied in with loose permissions is made owner-only again
    with Register.open(pathway, f"sqlite:///{path}"):
        pass
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_url_comes_from_the_environment_then_the_preference(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert register_url() == f"sqlite:///{tmp_path}/LiverCalc/LiverCalc Desktop/register.sqlite3"
    assert register_url("postgresql://unit@db.example:5432/register").startswith("postgresql://")
    monkeypatch.setenv(URL_VARIABLE, "sqlite:////srv/register.sqlite3")
    assert register_url("postgresql://unit@db.example/register") == "sqlite:////srv/register.sqlite3"
    assert parse_url("postgresql://unit@db.example/register").drivername == "postgresql+psycopg"
    with pytest.raises(RegisterInputError, match=rf'{URL_VARIABLE} or the preference\): database kind "mysql"'):
        parse_url("mysql://unit@db.example/register")
    with pytest.raises(RegisterInputError, match="is not a database URL"):
        parse_url("not a url")
