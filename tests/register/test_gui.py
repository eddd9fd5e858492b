"""The register in the window, on both backends: Cases view, saving back, outcomes, folder import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.register_menu import RegisterMenu
from livercalc_desktop.gui.settings import REGISTER_URL, AppSettings
from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.register.location import URL_VARIABLE
from livercalc_desktop.register.store import Register
from tests.conftest import EXAMPLES
from tests.gui.conftest import FakeDialogs, dialogs, language, no_modal_dialogs, settings, window  # noqa: F401
from tests.register.conftest import example_text

pytestmark = pytest.mark.gui


@pytest.fixture
def menu(
    window: MainWindow,  # noqa: F811
    settings: AppSettings,  # noqa: F811
    register_url: str,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    settings.set(REGISTER_URL, register_url)
    yield window.register_menu
    window.register_menu.close()


def cell(window_view, row: int, column: int) -> str:
    item = window_view.table.item(row, column)
    assert item is not None
    return str(item.text())


def test_save_search_and_open_a_case(qtbot, window: MainWindow, menu: RegisterMenu) -> None:  # noqa: F811
    window.open_path(EXAMPLES / "isolated-pending.json")
    case_id = menu.save_case()
    assert case_id == 1 and not window.document.modified
    window.open_path(EXAMPLES / "non-isolated.json")
    assert menu.save_case() == 2
    view = menu.show_cases()
    assert view is not None and view.table.rowCount() == 2
    view.text.setText("kowal")
    assert view.table.rowCount() == 1 and cell(view, 0, 1) == "Anna Kowalska"
    view.text.clear()
    view.category.setCurrentIndex(view.category.findData("non-isolated"))
    assert view.table.rowCount() == 1 and cell(view, 0, 0) == "2"
    view.category.setCurrentIndex(0)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [cell(view, r, 0) for r in range(2)] == ["1", "2"]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [cell(view, r, 0) for r in range(2)] == ["2", "1"]
    view.table.selectRow(1)
    view.open_requested.emit(view.selected_case())
    assert window.document.case.get("patient.name") == "Anna Kowalska"
    assert window.statusBar().currentMessage() == "Register case 1, revision 1"


def test_saving_back_is_a_new_revision_and_a_conflict_is_reported(
    window: MainWindow,  # noqa: F811
    menu: RegisterMenu,
    dialogs: FakeDialogs,  # noqa: F811
    register_url: str,
    pathway: Pathway,
) -> None:
    window.open_path(EXAMPLES / "isolated-pending.json")
    case_id = menu.save_case()
    assert case_id is not None and menu.open_case(case_id)
    window.document.set_value("lesion.count", "2-3")
    assert menu.save_case() == case_id and menu.origin == (case_id, 2)
    with Register.open(pathway, register_url) as other_desk:
        other_desk.save(case_id, 2, example_text("isolated-pending.json"))
    window.document.set_value("lesion.count", "4+")
    assert menu.save_case() is None
    assert "was saved again (revision 3" in dialogs.said("error")[-1]
    assert [r.number for r in menu.opened().history(case_id)] == [1, 2, 3]  # type: ignore[union-attr]
    assert window.document.modified  # the edit is still there to redo after reopening


def test_outcome_form_shows_problems_then_saves(qtbot, window: MainWindow, menu: RegisterMenu) -> None:  # noqa: F811
    window.open_path(EXAMPLES / "isolated-pending.json")
    case_id = menu.save_case()
    assert case_id is not None
    form = menu.record_outcome(case_id)
    assert form is not None
    form.accept()
    assert form.isVisible() and "pregnancy.outcome" in form.form.problem_labels
    assert form.form.problem_labels["pregnancy.outcome"].text() == "is required"
    assert form.outcome_json() == '{"format": "livercalc-outcome", "version": 1}'  # nothing the user did not set
    box = form.form.editors["pregnancy.outcome"].widget
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData("lost-to-follow-up"))
    form.accept()
    assert not form.isVisible()
    assert [o.pregnancy_outcome for o in menu.opened().outcomes(case_id)] == ["lost-to-follow-up"]  # type: ignore[union-attr]


def test_folder_import_shows_progress_and_what_was_skipped(
    qtbot,
    window: MainWindow,  # noqa: F811
    menu: RegisterMenu,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "cases"
    shutil.copytree(EXAMPLES, folder)
    (folder / "broken.json").write_text("{", "utf-8")
    menu.choose_folder = lambda: folder
    dialog = menu.import_folder()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=30000)
    examples = len(list(EXAMPLES.glob("*.json")))
    assert dialog.progress.value() == dialog.progress.maximum() == examples + 1
    assert dialog.report.toPlainText().splitlines() == [
        f"Added {examples} case(s). Skipped 1 file(s).",
        "• broken.json: broken.json is not valid JSON: line 1, column 2: "
        "Expecting property name enclosed in double quotes",
    ]
    dialog.close()


def test_audit_window_counts_charts_and_saves_a_pdf(
    qtbot,
    window: MainWindow,  # noqa: F811
    menu: RegisterMenu,
    dialogs: FakeDialogs,  # noqa: F811
    tmp_path: Path,
) -> None:
    window.open_path(EXAMPLES / "liver-mass.json")
    case_id = menu.save_case()
    assert case_id is not None
    view = menu.show_audit()
    assert view is not None
    headers = [view.grid.horizontalHeaderItem(c).text() for c in range(view.grid.columnCount())]  # type: ignore[union-attr]
    rows = [view.grid.verticalHeaderItem(r).text() for r in range(view.grid.rowCount())]
    mass = rows.index("Calcification with a liver mass")
    assert view.grid.item(mass, headers.index("Cases")).text() == "1"  # type: ignore[union-attr]
    assert not view.chart.grab().isNull()
    dialogs.save_answer = tmp_path / "audit.pdf"
    assert menu.save_audit_pdf() == tmp_path / "audit.pdf"
    assert (tmp_path / "audit.pdf").read_bytes().startswith(b"%PDF")
