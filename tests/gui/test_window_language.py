"""The window follows the system language, a preference overrides it, and the Spanish draft is complete."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.preferences import PreferencesDialog
from livercalc_desktop.gui.settings import ENGLISH_COPY, UI_LANGUAGE
from livercalc_desktop.gui.translation import install_translators, window_language
from livercalc_desktop.resources import resources_root

pytestmark = pytest.mark.gui
TRANSLATIONS = resources_root() / "translations"
GUI = Path(__file__).resolve().parents[2] / "livercalc_desktop" / "gui"
TRANSLATED = ("main_window.py", "leaflet_preview.py", "preferences.py")


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [("", "es_MX", "es"), ("", "en_GB", "en"), ("", "ar_EG", "en"), ("es", "en_US", "es"), ("en", "es_ES", "en")],
)
def test_window_language_follows_the_system_unless_a_preference_says_otherwise(preference, system, expected):
    assert window_language(preference, QLocale(system)) == expected


def test_spanish_window_shows_spanish_menus(qtbot, pathway, settings, dialogs):
    app = application()
    translators = install_translators(app, "es")
    try:
        assert len(translators) == 2  # Qt's own (qtbase_es) and ours
        window = MainWindow(CaseDocument(pathway), settings, dialogs)
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert {"&Archivo", "Ay&uda"} <= set(menus)  # the Edit and Register menus are not translated yet
        assert window.export_action.text() == "&Folleto para la paciente…"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert install_translators(app, "en") == []


def test_preferences_store_the_window_language_and_the_english_copy(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.english_copy.setChecked(True)
    dialog.accept()
    assert settings.get(UI_LANGUAGE) == "es" and settings.get(ENGLISH_COPY) is True


def test_spanish_draft_translates_every_window_string_and_its_qm_is_current(tmp_path):
    root = ET.parse(TRANSLATIONS / "livercalc_es.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message") if not m.findtext("translation")]
    assert unfinished == []
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    built = tmp_path / "es.qm"
    subprocess.run([tool, TRANSLATIONS / "livercalc_es.ts", "-qm", built], check=True, capture_output=True)
    assert built.read_bytes() == (TRANSLATIONS / "livercalc_es.qm").read_bytes()


def test_every_marked_window_string_is_in_the_english_source(tmp_path):
    source = tmp_path / "livercalc_en.ts"
    shutil.copy(TRANSLATIONS / "livercalc_en.ts", source)
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    files = [GUI / name for name in TRANSLATED]
    result = subprocess.run(
        [tool, "-locations", "none", *files, "-ts", source], check=True, capture_output=True, text=True
    )
    assert "(0 new and" in result.stdout + result.stderr
