"""Autosave, crash recovery, the crash report and the self-test."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from livercalc_desktop.gui.app import Session, start_sessions
from livercalc_desktop.gui.crash_report import crash_report
from livercalc_desktop.gui.dialogs import Choice, Recovery, RecoveryAnswer
from tests.conftest import run_app

pytestmark = pytest.mark.gui


KILLED_SESSION = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from livercalc_desktop.gui.app import Session, application
from livercalc_desktop.gui.dialogs import QtDialogs
from livercalc_desktop.gui.settings import AppSettings
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway

folder, case = Path(sys.argv[1]), Path(sys.argv[2])
application()
settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
session = Session(load_pathway(bundled_pathway_folder()), settings, QtDialogs(), folder / "autosave")
session.window.open_path(case)
session.document.set_value("lesion.lobe", "left")
session.document.set_value("lesion.count", None)  # work in progress: a required finding is missing
assert session.autosaver.save_now()
os.kill(os.getpid(), signal.SIGKILL)
"""


def crash_a_session(folder: Path, case: Path) -> None:
    """Run a window in another process, edit its case, and kill it with SIGKILL."""
    result = subprocess.run(
        [sys.executable, "-c", KILLED_SESSION, str(folder), str(case)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder)},
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


def new_session(qtbot, pathway, settings, dialogs, folder: Path) -> Session:
    session = Session(pathway, settings, dialogs, folder)
    qtbot.addWidget(session.window)
    return session


def test_an_incomplete_case_is_recovered_after_a_crash_with_its_file(
    qtbot, pathway, settings, dialogs, tmp_path, examples
):
    case = tmp_path / "anna.json"
    shutil.copy(examples / "isolated-pending.json", case)
    crash_a_session(tmp_path, case)
    dialogs.recover_answers = [RecoveryAnswer(Recovery.OPEN, 0)]
    session = new_session(qtbot, pathway, settings, dialogs, tmp_path / "autosave")
    assert session.offer_recovery(dialogs)
    (listing,) = dialogs.said("recover")
    # Listed by scan date and category only: no name, no file name, on a screen others may see.
    assert listing == [listing[0]] and listing[0].startswith("Scan 2026-") and "incomplete" in listing[0]
    assert "Anna" not in listing[0] and "anna" not in listing[0] and "Kowalska" not in listing[0]
    assert session.document.case.get("lesion.lobe") == "left"
    assert session.document.case.get("lesion.count") is None
    assert session.document.path == case  # saved back where it came from
    assert session.document.modified and session.window.isWindowModified()
    assert session.window.form.editors["lesion.lobe"].value() == "left"
    # The crashed window's copy is gone; this window's own copy holds the case now.
    assert [p.name for p in (tmp_path / "autosave").glob("*.autosave.json")] == [session.autosaver.path.name]
    session.document.set_value("lesion.count", "1")
    assert session.window.save()
    assert '"lobe": "left"' in case.read_text("utf-8")
    assert not session.autosaver.path.exists()


def test_two_windows_never_share_an_autosave(qtbot, pathway, settings, dialogs, tmp_path, examples):
    first = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    second = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    first.window.open_path(examples / "isolated-pending.json")
    second.window.open_path(examples / "liver-mass.json")
    first.document.set_value("lesion.lobe", "left")
    second.document.set_value("lesion.lobe", "both")
    assert first.autosaver.save_now() and second.autosaver.save_now()
    assert first.autosaver.path != second.autosaver.path
    assert '"left"' in first.autosaver.path.read_text("utf-8")
    assert '"both"' in second.autosaver.path.read_text("utf-8")
    # A window started now must not be offered the cases of windows that are still open.
    third = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    assert not third.offer_recovery(dialogs)
    assert dialogs.said("recover") == []


def test_autosave_files_are_owner_only(qtbot, pathway, settings, dialogs, tmp_path, examples):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    session = new_session(qtbot, pathway, settings, dialogs, folder)
    session.window.open_path(examples / "isolated-pending.json")
    session.document.set_value("lesion.lobe", "left")
    assert session.autosaver.save_now()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(session.autosaver.path.stat().st_mode) == 0o600


def test_saving_removes_the_autosave(qtbot, pathway, settings, dialogs, tmp_path, examples):
    session = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    case = tmp_path / "case.json"
    shutil.copy(examples / "survey-incomplete.json", case)
    session.window.open_path(case)
    session.document.set_value("lesion.lobe", "left")
    session.autosaver.save_now()
    assert session.autosaver.path.exists()
    assert session.window.save()
    assert not session.autosaver.path.exists()
    assert '"lobe": "left"' in case.read_text("utf-8")


def test_a_case_left_for_later_survives_a_clean_quit_and_discarding_deletes_it(
    qtbot, pathway, settings, dialogs, tmp_path, examples
):
    crash_a_session(tmp_path, examples / "liver-mass.json")
    (orphan,) = (tmp_path / "autosave").glob("*.autosave.json")
    session = new_session(qtbot, pathway, settings, dialogs, tmp_path / "autosave")
    assert not session.offer_recovery(dialogs)  # the fake answers "later"
    assert session.window.close()  # nothing unsaved in this window: a clean quit
    assert orphan.exists()
    dialogs.recover_answers = [RecoveryAnswer(Recovery.DISCARD, 0)]
    again = new_session(qtbot, pathway, settings, dialogs, tmp_path / "autosave")
    assert not again.offer_recovery(dialogs)
    assert not orphan.exists()
    assert again.window.panel.badge_text() == "Incomplete: no category yet"


def test_recovery_is_offered_when_started_with_a_case_file(qtbot, pathway, settings, dialogs, tmp_path, examples):
    crash_a_session(tmp_path, examples / "liver-mass.json")
    dialogs.recover_answers = [RecoveryAnswer(Recovery.OPEN, 0)]
    first = new_session(qtbot, pathway, settings, dialogs, tmp_path / "autosave")
    sessions = start_sessions(
        first,
        dialogs,
        examples / "isolated-pending.json",
        lambda: new_session(qtbot, pathway, settings, dialogs, tmp_path / "autosave"),
    )
    assert len(dialogs.said("recover")) == 1
    assert [s.document.path for s in sessions] == [examples / "liver-mass.json", examples / "isolated-pending.json"]
    assert sessions[0].document.modified and not sessions[1].document.modified


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


@pytest.mark.parametrize("autosaved", [True, False])
def test_unexpected_errors_reach_the_report_dialog(dialogs, monkeypatch, autosaved):
    from livercalc_desktop.gui.crash_report import install_excepthook

    intros: list[str] = []

    def fake_report(parent, title, intro, details):
        intros.append(intro)
        dialogs.calls.append(("report", details))

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(dialogs, "report", fake_report)
    install_excepthook(dialogs, lambda: autosaved)
    try:
        raise KeyError("Canary Zelda")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    (report,) = dialogs.said("report")
    assert "builtins.KeyError" in report and "Canary" not in report
    # The dialog promises the work is safe only when the autosave just worked.
    assert ("Your work is autosaved" in intros[0]) is autosaved


def test_the_crash_hook_autosaves_before_it_reports(qtbot, pathway, settings, dialogs, tmp_path, examples, monkeypatch):
    from livercalc_desktop.gui.crash_report import install_excepthook

    session = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    session.window.open_path(examples / "isolated-pending.json")
    session.document.set_value("lesion.lobe", "left")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(dialogs, session.protect)
    sys.excepthook(KeyError, KeyError("x"), None)
    assert '"left"' in session.autosaver.path.read_text("utf-8")


def test_an_unusable_data_folder_is_said_and_autosave_never_claimed(qtbot, pathway, settings, dialogs, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    session = new_session(qtbot, pathway, settings, dialogs, blocker / "autosave")
    start_sessions(session, dialogs, None, lambda: session)
    (message,) = dialogs.said("error")
    assert message.startswith("Autosave is off: cannot use the folder")
    session.document.set_value("lesion.lobe", "left")
    assert not session.protect()  # so the crash dialog will not say the work is autosaved


def test_the_copy_stays_until_the_user_discards_the_changes(qtbot, pathway, settings, dialogs, tmp_path, examples):
    session = new_session(qtbot, pathway, settings, dialogs, tmp_path / "data")
    session.window.open_path(examples / "isolated-pending.json")
    session.document.set_value("lesion.lobe", "left")
    assert session.autosaver.save_now()
    dialogs.unsaved_answer = Choice.CANCEL
    assert not session.window.close()
    assert session.autosaver.path.exists()
    dialogs.unsaved_answer = Choice.DISCARD
    assert session.window.close()
    assert not session.autosaver.path.exists()
    assert list((tmp_path / "data").iterdir()) == []  # no lock file left behind either


def test_self_test_leaves_the_users_settings_and_files_alone(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    result = run_app("--self-test", env_extra={**env, "XDG_DATA_HOME": str(home / ".local" / "share")})
    assert result.returncode == 0, result.stderr
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    # No preferences, recent files or autosaves written. The self-test starts as the window
    # does, so it reads (and on a first start writes) the parsed copies of the bundled
    # pathway files in the cache folder: copies of the app's own files, no user data.
    cache = Path(".cache", "LiverCalc", "LiverCalc Desktop", "parsed-toml")
    assert {path.parent for path in written} == {cache}, written
    copied = sorted(path.name.rsplit("-", 1)[0] for path in written)
    # The leaflet files are read for their languages' names, for the form's language list.
    leaflets = ["leaflet.ar", "leaflet.en", "leaflet.es", "leaflet.zh-Hans"]
    assert copied == ["case-schema", "knowledge-base", *leaflets, "references"]


def test_the_window_loads_no_database_layer_until_the_register_is_used():
    """Start-up cost: SQLAlchemy and Alembic load only when the Register menu is first used."""
    code = (
        "import sys; import livercalc_desktop.gui.app, livercalc_desktop.gui.main_window; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_a_copy_this_version_cannot_open_is_offered_to_keep_or_discard_without_its_name(
    qtbot, pathway, settings, dialogs, tmp_path
):
    folder = tmp_path / "autosave"
    folder.mkdir()
    # Written by some other version: a field this one does not know, and the patient's name.
    envelope = {
        "format": "livercalc-autosave",
        "version": 1,
        "original_path": None,
        "case": {"patient": {"name": "Zofia Unreadable"}, "field_from_the_future": 1},
    }
    copy = folder / "case-0123.autosave.json"
    copy.write_text(json.dumps(envelope), "utf-8")
    os.utime(copy, (1_700_000_000, 1_700_000_000))
    dialogs.recover_answers = [RecoveryAnswer(Recovery.OPEN, 0)]  # "keep it": show its folder
    session = new_session(qtbot, pathway, settings, dialogs, folder)
    assert not session.offer_recovery(dialogs)
    (listed,) = dialogs.said("recover")
    assert len(listed) == 1 and "cannot open" in listed[0] and "2023-11-14" in listed[0]
    assert "Zofia" not in listed[0]
    assert dialogs.said("reveal") == [folder]
    assert copy.exists() and not session.document.modified
    dialogs.recover_answers = [RecoveryAnswer(Recovery.DISCARD, 0)]
    assert not new_session(qtbot, pathway, settings, dialogs, folder).offer_recovery(dialogs)
    assert not copy.exists()
    assert "Zofia" not in repr(dialogs.calls)


def test_the_window_paints_without_loading_the_pdf_translation_or_summary_tools(tmp_path):
    """Start-up cost: reportlab, Babel and the summary and translation commands load on first use only."""
    code = (
        "import sys; from livercalc_desktop.__main__ import main; code = main(['--self-test']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'babel', 'sqlalchemy') "
        "or m.startswith(('livercalc_desktop.summary', 'livercalc_desktop.translations_cli', "
        "'livercalc_desktop.leaflet.render', 'livercalc_desktop.leaflet.export')))); sys.exit(code)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"
