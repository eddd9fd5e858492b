"""Fixtures for widget tests: fake dialogs, throwaway settings, and no real modal dialog."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import Choice, Conflict, Recovery, RecoveryAnswer
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.settings import AppSettings
from livercalc_desktop.gui.translation import install_translators
from tests.conftest import EXAMPLES
from tests.virtual_printer import VirtualPrinter, missing_parts, virtual_printer

pytestmark = pytest.mark.gui


@dataclass
class FakeDialogs:
    """Answers every question the app asks, and remembers what it was asked."""

    open_answer: Path | None = None
    save_answer: Path | None = None
    unsaved_answer: Choice = Choice.CANCEL
    recover_answers: list[RecoveryAnswer] = field(default_factory=list)  # then "later"
    conflict_answer: Conflict = Conflict.CANCEL
    confirm_answer: bool = False
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def open_case_path(self, parent, folder):
        self.calls.append(("open", folder))
        return self.open_answer

    def save_path(self, parent, suggested, file_filter):
        self.calls.append(("save", suggested))
        return self.save_answer

    def unsaved_changes(self, parent, name):
        self.calls.append(("unsaved", name))
        return self.unsaved_answer

    def error(self, parent, title, message):
        self.calls.append(("error", message))

    def recover(self, parent, cases):
        self.calls.append(("recover", list(cases)))
        return self.recover_answers.pop(0) if self.recover_answers else RecoveryAnswer(Recovery.LATER)

    def reveal(self, parent, folder):
        self.calls.append(("reveal", folder))

    def file_changed(self, parent, name):
        self.calls.append(("file_changed", name))
        return self.conflict_answer

    def report(self, parent, title, intro, details):
        self.calls.append(("report", details))

    def information(self, parent, title, message):
        self.calls.append(("information", message))

    printer_answer: Any = None

    def printer(self, parent):
        self.calls.append(("printer", None))
        return self.printer_answer

    image_answer: Path | None = None

    def open_image_path(self, parent, folder):
        self.calls.append(("image", folder))
        return self.image_answer

    def record_note(self, parent, text, ascii_only, recopy):
        self.calls.append(("note", (text, ascii_only, recopy)))

    def confirm(self, parent, title, message):
        self.calls.append(("confirm", message))
        return self.confirm_answer

    def said(self, kind: str) -> list[Any]:
        return [value for name, value in self.calls if name == kind]


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A real modal dialog would hang a headless run; fail the test instead."""

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise AssertionError("a real modal dialog was opened; use the Dialogs service")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    yield


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window language (English unless a test parametrizes it indirectly); restored afterwards."""
    chosen = getattr(request, "param", "en")
    app = application()
    translators = install_translators(app, chosen)
    yield chosen
    for translator in translators:
        app.removeTranslator(translator)
    install_translators(app, "en")


@pytest.fixture
def window(qtbot, pathway, settings, dialogs, language) -> MainWindow:
    application()
    win = MainWindow(CaseDocument(pathway), settings, dialogs)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """Copies of the demo cases, so a test that saves can never overwrite the originals."""
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def cups(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualPrinter | None]:
    """A real CUPS scheduler with a virtual PDF printer, for the whole session.

    Qt and libcups pick their print server once per process, so it is chosen here, before
    any test makes a printer. Without CUPS the server points nowhere: no test can ever
    reach a real printer of the machine running it.
    """
    if missing_parts():
        os.environ["CUPS_SERVER"] = str(tmp_path_factory.mktemp("cups") / "no-cups.sock")
        yield None
        return
    with virtual_printer() as printer:
        os.environ["CUPS_SERVER"] = printer.server
        yield printer


@pytest.fixture
def printer(cups: VirtualPrinter | None) -> VirtualPrinter:
    """The virtual printer, emptied (CI installs CUPS, so there it must be present)."""
    if cups is None:
        message = f"CUPS parts missing: {', '.join(missing_parts())} (.ci/run installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    cups.clear()
    return cups
