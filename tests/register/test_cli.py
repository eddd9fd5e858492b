"""``livercalc-desktop register ...`` on both backends: output, exit codes, no patient data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register_command import run_register
from tests.conftest import EXAMPLES, run_app
from tests.register.conftest import case_text, outcome_text


def cli(url: str, pathway: Pathway, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_register(["--database", url, *args], out, err, pathway=pathway)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_add_list_show_outcome_round_trip(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    code, out, err = cli(register_url, pathway, "add", str(EXAMPLES / "isolated-pending.json"))
    assert (code, out) == (0, "added case 1: isolated-pending\n")
    assert err.startswith("Creating the register")
    code, out, _ = cli(register_url, pathway, "list", "--due")
    assert code == 0 and "     1  2026-03-10  2026-07-25  isolated-pending  revision 1  outcome none" in out
    assert "Kowalska" not in out and "DEMO-0001" not in out
    code, out, _ = cli(register_url, pathway, "outcome", "1", str(write(tmp_path, "o.json", outcome_text())))
    assert (code, out) == (0, "recorded outcome 1 for case 1\n")
    assert cli(register_url, pathway, "list", "--due")[1].endswith("0 case(s)\n")
    code, out, _ = cli(register_url, pathway, "show", "1")
    assert code == 0 and "live-birth; none-found (record 1)" in out
    assert out.endswith((EXAMPLES / "isolated-pending.json").read_text("utf-8").rstrip("\n") + "\n")


def test_list_by_category_and_dates(register_url: str, pathway: Pathway) -> None:
    for name in ("isolated-pending.json", "liver-mass.json", "non-isolated.json"):
        assert cli(register_url, pathway, "add", str(EXAMPLES / name))[0] == 0
    out = cli(register_url, pathway, "list", "--category", "liver-mass")[1]
    assert out.endswith("1 case(s)\n") and "liver-mass" in out
    out = cli(register_url, pathway, "list", "--from", "2026-03-01", "--to", "2026-06-01")[1]
    assert out.endswith("2 case(s)\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--category", "nope"], "--category: must be one of abnormal-result"),
        (["list", "--from", "2026-13-01"], "--from: must be a date written YYYY-MM-DD"),
        (["show", "x"], "ID: must be a case number"),
        (["show", "42"], "case 42: no such case in the register"),
        (["add", "missing.json"], "missing.json: no such file"),
        (["export", "--format", "redcap", "--identified", "-o", "out"], "--identified: only with --format csv"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_exits_2_naming_the_argument(
    register_url: str, pathway: Pathway, args: list[str], message: str
) -> None:
    code, out, err = cli(register_url, pathway, *args)
    assert code == 2 and out == ""
    assert message in err


def test_a_bad_outcome_exits_2_listing_the_fields(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    cli(register_url, pathway, "add", str(EXAMPLES / "isolated-pending.json"))
    bad = outcome_text(diagnosis={"groups": ["none-found", "aneuploidy"]}, baby={"birth_weight": 90000})
    code, _, err = cli(register_url, pathway, "outcome", "1", str(write(tmp_path, "o.json", bad)))
    assert code == 2
    assert "baby.birth_weight: must be 200–6500 g, got 90000" in err


def test_a_case_with_problems_exits_2_and_names_them(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    path = write(tmp_path, "c.json", case_text(exam={"date": "2026-02-30"}, patient={"name": "Secret Person"}))
    code, out, err = cli(register_url, pathway, "add", str(path))
    assert out == ""
    assert code == 2 and "exam.date: must be a date written YYYY-MM-DD" in err
    assert "Secret" not in err
    assert cli(register_url, pathway, "list")[1].endswith("0 case(s)\n")


def test_import_reports_what_it_skipped(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for path in EXAMPLES.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "copy.json").write_bytes((EXAMPLES / "liver-mass.json").read_bytes())
    (folder / "broken.json").write_text("{", "utf-8")
    (folder / "bad.json").write_text(case_text(lesion={"count": "lots"}), "utf-8")
    (folder / "notes.txt").write_text("not a case", "utf-8")
    code, out, _ = cli(register_url, pathway, "import", str(folder))
    assert code == 0
    examples = len(list(EXAMPLES.glob("*.json")))
    assert out.splitlines()[0] == f"added {examples} case(s); skipped 3 file(s)"
    assert "skipped bad.json: not a valid case: lesion.count: must be one of" in out
    assert "skipped broken.json: broken.json is not valid JSON: line 1" in out
    assert "skipped liver-mass.json: already in the register (same content)" in out
    again = cli(register_url, pathway, "import", str(folder))[1]
    assert again.splitlines()[0] == f"added 0 case(s); skipped {examples + 3} file(s)"


def test_identified_export_says_so_and_is_owner_only(register_url: str, pathway: Pathway, tmp_path: Path) -> None:
    cli(register_url, pathway, "add", str(EXAMPLES / "isolated-pending.json"))
    code, out, _ = cli(register_url, pathway, "export", "--format", "csv", "--identified", "-o", str(tmp_path / "x"))
    assert code == 0 and out.startswith("WARNING: this export holds names, hospital numbers")
    written = tmp_path / "x" / "livercalc-register-IDENTIFIED.csv"
    assert "Anna Kowalska" in written.read_text("utf-8")
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_newer_register_exits_1_unchanged(register_url: str, pathway: Pathway) -> None:
    from sqlalchemy import create_engine, text

    from livercalc_desktop.register.location import parse_url

    cli(register_url, pathway, "add", str(EXAMPLES / "isolated-pending.json"))
    engine = create_engine(parse_url(register_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'r9999'"))
    engine.dispose()
    code, out, err = cli(register_url, pathway, "list")
    assert code == 1 and out == ""
    assert "newer version of LiverCalc" in err


def test_the_entry_point_runs_register_without_qt(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    modules = tmp_path / "modules.txt"
    added = run_app(
        "register", "--database", url, "add", str(EXAMPLES / "liver-mass.json"), env_extra={"MODULES_OUT": str(modules)}
    )
    assert (added.returncode, added.stdout) == (0, "added case 1: liver-mass\n"), added.stderr
    assert not any(m.startswith("PySide6") for m in modules.read_text().split())
    listed = run_app("register", "--database", url, "show", "7")
    assert listed.returncode == 2 and "case 7: no such case" in listed.stderr
    data = json.loads(run_app("assess", "--json", str(EXAMPLES / "liver-mass.json")).stdout)
    assert data["category"] == "liver-mass"
