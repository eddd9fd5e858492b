"""The leaflet's language is picked from the languages the pathway has leaflets in, by their own names.

Nothing is shown or recorded that nobody chose: a new case shows "Not recorded", and a tag a
file records that is none of the leaflet languages is shown as recorded and saved unchanged.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.knowledge import parsed_cache, strict_table
from livercalc_desktop.knowledge.parsed_cache import ParsedTomlCache
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from tests.conftest import base_case_data
from tests.gui.test_input_safety import focus, wheel
from tests.gui.test_main_window import choose

pytestmark = pytest.mark.gui

LANGUAGE = "patient.language"
SHIPPED_ITEMS = ["Not recorded", "English (en) (default)", "العربية (ar)", "Español (es)", "中文（简体） (zh-Hans)"]


def language_box(window: MainWindow) -> QComboBox:
    box = window.form.editors[LANGUAGE].widget
    assert isinstance(box, QComboBox), type(box).__name__
    return box


def items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def case_file(folder: Path, language: str) -> Path:
    path = folder / f"case-{language}.json"
    path.write_text(json.dumps(base_case_data(patient={"language": language})), encoding="utf-8")
    return path


def window_on(qtbot, folder: Path, settings, dialogs, read=None) -> MainWindow:
    pathway = load_pathway(folder) if read is None else load_pathway(folder, read)
    window = MainWindow(CaseDocument(pathway), settings, dialogs)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def pathway_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return folder


def test_the_list_holds_the_pathways_leaflet_languages_by_their_own_names(window):
    box = language_box(window)
    assert items(box) == SHIPPED_ITEMS
    assert [box.itemData(i) for i in range(box.count())] == [None, "en", "ar", "es", "zh-Hans"]


def test_a_new_leaflet_file_is_listed_with_its_name_and_no_code_changes(qtbot, pathway_folder, settings, dialogs):
    spanish = (pathway_folder / "leaflet.es.toml").read_text(encoding="utf-8")
    vietnamese = spanish.replace(
        'language = "es"\nname = "Español"\nlocale = "es"', 'language = "vi"\nname = "Tiếng Việt"\nlocale = "vi"'
    )
    assert vietnamese != spanish
    (pathway_folder / "leaflet.vi.toml").write_text(vietnamese, encoding="utf-8")
    window = window_on(qtbot, pathway_folder, settings, dialogs)
    assert items(language_box(window)) == [*SHIPPED_ITEMS[:4], "Tiếng Việt (vi)", SHIPPED_ITEMS[4]]


def test_the_window_reads_the_names_through_its_parsed_cache(
    qtbot, pathway_folder, settings, dialogs, tmp_path, monkeypatch
):
    window = window_on(qtbot, pathway_folder, settings, dialogs, ParsedTomlCache(tmp_path / "cache").read)
    assert items(language_box(window)) == SHIPPED_ITEMS
    # The next start (here of a copy of the same files) reads the copies the first one left, and parses no TOML.
    for module in (parsed_cache, strict_table):
        monkeypatch.setattr(module, "parse_toml", lambda data, name: pytest.fail(f"{name} was parsed again"))
    again = shutil.copytree(pathway_folder, tmp_path / "installed-again")
    window = window_on(qtbot, again, settings, dialogs, ParsedTomlCache(tmp_path / "cache").read)
    assert items(language_box(window)) == SHIPPED_ITEMS


def test_a_new_case_shows_not_recorded(window, examples):
    box = language_box(window)
    assert box.currentText() == "Not recorded"
    assert window.document.case.get(LANGUAGE) is None
    window.open_path(examples / "isolated-pending.json")
    assert box.currentText() == "English (en) (default)"
    window.new_case()
    assert box.currentText() == "Not recorded"
    assert window.document.case.get(LANGUAGE) is None


@pytest.mark.parametrize("tag", ["vi", "zh-CN", "es-MX"])
def test_a_tag_with_no_item_of_its_own_is_shown_as_recorded_and_saved_unchanged(window, dialogs, tmp_path, tag):
    window.open_path(case_file(tmp_path, tag))
    box = language_box(window)
    assert box.currentText() == tag
    assert items(box) == [*SHIPPED_ITEMS, tag]
    assert window.form.editors[LANGUAGE].value() == tag
    assert not window.isWindowModified() and window.document.undo_stack.count() == 0
    dialogs.save_answer = tmp_path / "saved.json"
    assert window.save_as()
    assert json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))["patient"]["language"] == tag


def test_choosing_a_language_records_its_tag_and_undo_brings_back_the_recorded_one(qtbot, window, tmp_path):
    window.open_path(case_file(tmp_path, "vi"))
    box = language_box(window)
    choose(qtbot, box, "Español")
    assert window.document.case.get(LANGUAGE) == "es"
    assert box.currentText() == "Español (es)"
    assert items(box) == SHIPPED_ITEMS  # "vi" was that file's value, not a language to offer
    window.document.undo_stack.undo()
    assert window.document.case.get(LANGUAGE) == "vi"
    assert box.currentText() == "vi"
    window.document.undo_stack.redo()
    assert window.document.case.get(LANGUAGE) == "es" and items(box) == SHIPPED_ITEMS


def test_choosing_from_english_and_undo(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    box = language_box(window)
    choose(qtbot, box, "中文")
    assert window.document.case.get(LANGUAGE) == "zh-Hans"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.case.get(LANGUAGE) == "en"
    assert box.currentText() == "English (en) (default)"
    assert not window.isWindowModified()


def test_another_case_never_offers_an_earlier_cases_tag(window, tmp_path, examples):
    window.open_path(case_file(tmp_path, "vi"))
    window.open_path(examples / "isolated-pending.json")
    assert items(language_box(window)) == SHIPPED_ITEMS
    window.open_path(case_file(tmp_path, "zh-CN"))
    assert items(language_box(window)) == [*SHIPPED_ITEMS, "zh-CN"]


def test_the_wheel_over_the_unfocused_box_changes_nothing(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    focus(qtbot, window.form.editors["patient.name"].widget)
    box = language_box(window)
    for notches in (-1, 1, -1):
        assert not wheel(box, notches).isAccepted()
    assert window.document.case.get(LANGUAGE) == "en"
    assert box.currentText() == "English (en) (default)"
    assert not window.isWindowModified()


def test_a_file_whose_name_holds_no_language_tag_is_not_offered(qtbot, pathway_folder, settings, dialogs, tmp_path):
    """A copy left beside a leaflet file was offered as a language; the case saved with it would not open again."""
    too_long = "es" + "-abcdefgh" * 4  # the shape of a tag, but longer than the case format takes
    for copy in ("leaflet.es - Copy.toml", "leaflet.es.old.toml", "leaflet.x-klingon.toml", f"leaflet.{too_long}.toml"):
        shutil.copy(pathway_folder / "leaflet.es.toml", pathway_folder / copy)
    shutil.copy(pathway_folder / "leaflet.en.toml", pathway_folder / "leaflet.EN.toml")  # "EN" is "en"
    window = window_on(qtbot, pathway_folder, settings, dialogs)
    box = language_box(window)
    assert items(box) == SHIPPED_ITEMS
    # Every language offered is one a saved case opens with again.
    for index in range(1, box.count()):
        box.setCurrentIndex(index)
        assert not [p for p in window.document.problems() if p.path == LANGUAGE], box.itemText(index)


def test_a_long_name_in_a_leaflet_file_is_cut_and_never_widens_the_form(qtbot, pathway_folder, settings, dialogs):
    """A 3,000-character name made the drop-down, and the window, 35,000 pixels wide."""
    spanish = pathway_folder / "leaflet.es.toml"
    long_name = "Espa\\nñol " + "W" * 3000
    spanish.write_text(spanish.read_text(encoding="utf-8").replace('"Español"', f'"{long_name}"'), encoding="utf-8")
    window = window_on(qtbot, pathway_folder, settings, dialogs)
    shown = items(language_box(window))[3]
    assert shown.startswith("Espa ñol WWW") and shown.endswith("… (es)") and len(shown) < 40
    assert window.minimumSizeHint().width() <= 911  # the narrowest screen the window fits (1366 at 150 %)
