"""Fixtures for widget tests: fake dialogs, throwaway settings, and no real modal dialog."""

from __future__ import annotations

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
from livercalc_desktop.gui.dialogs import Choice
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.settings import AppSettings
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.gui


@dataclass
class FakeDialogs:
    """Answers every question the app asks, and remembers what it was asked."""

    open_answer: Path | None = None
    save_answer: Path | None = None
    unsaved_answer: Choice = Choice.CANCEL
    recover_answer: bool = False
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

    def recover(self, parent):
        self.calls.append(("recover", None))
        return self.recover_answer

    def report(self, parent, title, intro, details):
        self.calls.append(("report", details))

    def information(self, parent, title, message):
        self.calls.append(("information", message))

    def printer(self, parent):
        self.calls.append(("printer", None))
        return None

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
def window(qtbot, pathway, settings, dialogs) -> MainWindow:
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
