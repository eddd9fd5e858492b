"""Autosave, crash recovery, the crash report and the self-test."""

from __future__ import annotations

import shutil
import sys

import pytest

from livercalc_desktop.gui.app import Session
from livercalc_desktop.gui.crash_report import crash_report
from tests.conftest import run_app

pytestmark = pytest.mark.gui


def test_autosave_then_recovery_after_a_crash(qtbot, pathway, settings, dialogs, tmp_path, examples):
    first = Session(pathway, settings, dialogs, tmp_path / "data")
    qtbot.addWidget(first.window)
    first.window.open_path(examples / "isolated-pending.json")
    first.document.set_value("lesion.lobe", "left")
    first.autosaver.save_now()
    assert first.autosaver.path.exists()
    assert "Anna" not in first.autosaver.path.name
    edited = first.document.case
    # A new session finds the autosave (the first one "crashed") and offers it.
    dialogs.recover_answer = True
    second = Session(pathway, settings, dialogs, tmp_path / "data")
    qtbot.addWidget(second.window)
    second.offer_recovery(dialogs)
    assert dialogs.said("recover") == [None]
    assert second.document.case == edited
    assert second.document.modified
    assert second.window.form.editors["lesion.lobe"].value() == "left"


def test_saving_removes_the_autosave(qtbot, pathway, settings, dialogs, tmp_path, examples):
    session = Session(pathway, settings, dialogs, tmp_path / "data")
    qtbot.addWidget(session.window)
    case = tmp_path / "case.json"
    shutil.copy(examples / "survey-incomplete.json", case)
    session.window.open_path(case)
    session.document.set_value("lesion.lobe", "left")
    session.autosaver.save_now()
    assert session.autosaver.path.exists()
    assert session.window.save()
    assert not session.autosaver.path.exists()
    assert '"lobe": "left"' in case.read_text("utf-8")


def test_declining_recovery_deletes_the_copy(qtbot, pathway, settings, dialogs, tmp_path, examples):
    session = Session(pathway, settings, dialogs, tmp_path / "data")
    qtbot.addWidget(session.window)
    session.autosaver.path.write_text((examples / "liver-mass.json").read_text("utf-8"), "utf-8")
    dialogs.recover_answer = False
    session.offer_recovery(dialogs)
    assert not session.autosaver.path.exists()
    assert session.window.panel.badge_text() == "Incomplete: no category yet"


def test_crash_report_holds_no_patient_data():
    try:
        raise ValueError("Canary Zelda HN-123")
    except ValueError as exc:
        report = crash_report(type(exc), exc.__traceback__)
    assert "ValueError" in report and "test_crash_report_holds_no_patient_data" in report
    assert "Canary" not in report and "HN-123" not in report


def test_self_test_command_exits_0(tmp_path):
    result = run_app("--self-test", env_extra={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout


def test_unexpected_errors_reach_the_report_dialog(dialogs, monkeypatch):
    from livercalc_desktop.gui.crash_report import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(dialogs)
    try:
        raise KeyError("Canary Zelda")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    (report,) = dialogs.said("report")
    assert "builtins.KeyError" in report and "Canary" not in report
