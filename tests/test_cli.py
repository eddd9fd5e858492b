"""The command line, run as a user runs it: a fresh interpreter, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from livercalc_desktop import __version__
from tests.conftest import EXAMPLES, ROOT, base_case_data
from tests.conftest import run_app as run


def write_case(tmp_path: Path, data: object, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


# Demo cases are named after their category, except those that show a flag.
DEMO_CATEGORY = {"urgent-hydrops": "non-isolated"}


@pytest.mark.parametrize("example", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_assess_json_has_the_documented_shape(example):
    result = run("assess", str(EXAMPLES / f"{example}.json"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["category"] == DEMO_CATEGORY.get(example, example)
    assert data["level"] in {"high", "moderate", "low", "unknown"}
    assert all(isinstance(f, str) for f in data["flags"])
    assert isinstance(data["urgent"], bool)
    assert data["rationale"] and all(r["text"] and isinstance(r["facts"], list) for r in data["rationale"])
    assert data["rationale"][0]["references"] and data["rationale"][0]["facts"]
    for item in data["checklist"]:
        assert set(item) >= {"id", "kind", "label", "priority", "indicated", "status", "detail", "date", "facts"}
        assert item["priority"] in ({"do", "offer", "consider"} if item["indicated"] else {"not-indicated"})
    assert data["knowledge_base"] == {"version": "1.1.0", "reviewed": "2026-11-23", "status": "draft"}


def test_assess_text_output_is_readable():
    result = run("assess", str(EXAMPLES / "isolated-pending.json"))
    assert result.returncode == 0
    assert "Category: Isolated, tests outstanding (isolated-pending), level moderate" in result.stdout
    assert "[offer        ] Amniocentesis with microarray: offered: Thinking it over" in result.stdout
    assert "      recorded: Maternal infection blood tests recorded pending" in result.stdout
    assert "Knowledge base 1.1.0, draft, awaiting clinical review (dated 2026-11-23)" in result.stdout


def test_validate_lists_every_problem_and_exits_2(tmp_path):
    data = base_case_data(exam={"gestational_age": {"weeks": 50, "days": 0}}, lesion={"count": "9"})
    result = run("validate", str(write_case(tmp_path, data)))
    assert result.returncode == 2
    assert "exam.gestational_age.weeks: must be 10–42, got 50" in result.stderr
    assert 'lesion.count: must be one of "1", "2-3", "4+", "diffuse"; got "9"' in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_accepts_a_good_file(tmp_path):
    result = run("validate", str(write_case(tmp_path, base_case_data())))
    assert (result.returncode, result.stdout) == (0, "case.json: valid case file (format 2)\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "case.json is not valid JSON: line 1, column 2"),
        (
            '{"format": "livercalc-case", "version": 7}',
            "version: this case was saved in format version 7 by a newer LiverCalc",
        ),
        ('{"format": "other", "version": 1}', 'format: must be "livercalc-case", got "other"'),
    ],
)
def test_bad_files_exit_2_with_a_message(tmp_path, content, message):
    path = tmp_path / "case.json"
    path.write_text(content, "utf-8")
    for command in ("assess", "validate"):
        result = run(command, str(path))
        assert result.returncode == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_missing_file_and_bad_usage_exit_2(tmp_path):
    missing = run("assess", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    usage = run("assess")
    assert usage.returncode == 2 and "usage:" in usage.stderr
    paper = run("export", str(EXAMPLES / "liver-mass.json"), "-o", str(tmp_path / "x.pdf"), "--paper", "a3")
    assert paper.returncode == 2 and "invalid choice: 'a3'" in paper.stderr


def test_version_names_app_and_knowledge_base():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(
        f"livercalc-desktop {__version__} (knowledge base 1.1.0, draft, awaiting clinical review (dated "
    )


def test_headless_commands_never_import_qt(tmp_path):
    modules = tmp_path / "modules.txt"
    result = run("assess", str(EXAMPLES / "non-isolated.json"), "--json", env_extra={"MODULES_OUT": str(modules)})
    assert result.returncode == 0
    loaded = modules.read_text("utf-8").split()
    assert "livercalc_desktop.engine.evaluate" in loaded
    assert not [m for m in loaded if m.startswith(("PySide6", "shiboken6"))]


def test_problems_never_echo_the_patient_name(tmp_path):
    data = base_case_data(
        patient={"name": "Canary Zelda-Quux" * 20, "hospital_number": "HN-998877"}, lesion={"count": "x"}
    )
    result = run("assess", str(write_case(tmp_path, data)))
    assert result.returncode == 2
    assert "Canary" not in result.stderr + result.stdout
    assert "HN-998877" not in result.stderr + result.stdout


def test_python_dash_m_works():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "livercalc_desktop", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("livercalc-desktop ")
