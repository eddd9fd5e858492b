"""Export leaflet: live preview of the real PDF, saved atomically."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from tests.leaflet_helpers import pdf_text

pytestmark = pytest.mark.gui


def test_ctrl_e_shows_the_real_pdf_and_saves_it(qtbot, window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    preview = window.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.pdf_document.status() == QPdfDocument.Status.Ready)
    assert preview.pdf_document.pageCount() >= 2
    dialogs.save_answer = tmp_path / "out.pdf"
    saved = preview.save()
    assert saved == tmp_path / "out.pdf"
    assert dialogs.said("save")[0].name == f"liver-leaflet-2026-03-10-{window.document.file_tag}.pdf"
    assert "For Anna" in pdf_text(saved.read_bytes())
    assert window.statusBar().currentMessage() == f"Leaflet saved to {saved}"
    assert preview.message.isVisibleTo(preview) and str(saved) in preview.message.text()


def test_default_names_differ_between_cases_of_one_day_and_hold_no_patient_data(window, dialogs, examples):
    import re

    names = []
    for _ in range(2):  # two patients scanned the same day: the same demo case opened twice
        window.open_path(examples / "isolated-pending.json")
        window.save_as()
        window.show_leaflet().save()
        names += [p.name for p in dialogs.said("save")[-2:]]
    case_1, leaflet_1, case_2, leaflet_2 = names
    assert re.fullmatch(r"liver-case-2026-03-10-[0-9a-f]{6}\.json", case_1), case_1
    assert leaflet_1 == case_1.replace("liver-case", "liver-leaflet").replace(".json", ".pdf")  # they pair up
    assert case_1 != case_2 and leaflet_1 != leaflet_2
    assert not any(word in "".join(names) for word in ("Anna", "Kowalska", "DEMO", "0001"))


def test_preview_follows_edits_and_paper_size(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    preview = window.show_leaflet()
    first = preview.pdf
    window.document.set_value("patient.preferred_name", "Zofia")
    qtbot.waitUntil(lambda: preview.pdf != first, timeout=3000)
    assert "For Zofia" in pdf_text(preview.pdf)
    preview.paper.setCurrentIndex(preview.paper.findData("letter"))
    qtbot.waitUntil(lambda: preview.pdf_document.pagePointSize(0).width() == pytest.approx(612, abs=1))


def test_incomplete_case_explains_instead_of_exporting(window):
    preview = window.show_leaflet()
    assert not preview.save_button.isEnabled()
    assert "is required" in preview.message.text()


def test_unwritable_target_gives_a_message_and_no_file(window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    preview = window.show_leaflet()
    dialogs.save_answer = tmp_path / "missing-folder" / "x.pdf"
    assert preview.save() is None
    assert "cannot write" in dialogs.said("error")[0]
    assert not (tmp_path / "missing-folder").exists()


def test_print_goes_through_the_dialog_service(window, dialogs, examples):
    window.open_path(examples / "isolated-pending.json")
    window.show_leaflet().print_leaflet()
    assert dialogs.said("printer") == [None]


def test_clinic_details_from_preferences_print_on_the_leaflet(qtbot, window, settings, examples):
    from livercalc_desktop.gui.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinic, "Unit <A> & B")
    qtbot.keyClicks(dialog.contact, "Phone 0100 000 000")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.accept()
    window.open_path(examples / "isolated-pending.json")
    preview = window.show_leaflet()
    assert preview.paper.currentData() == "letter"
    text = pdf_text(preview.pdf)
    assert "Unit <A> & B" in text and "Phone 0100 000 000" in text


def test_a_refused_language_is_explained_and_english_is_offered(qtbot, window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    window.document.set_value("patient.language", "vi")
    preview = window.show_leaflet()
    assert "leaflet language vi: there are no leaflet texts" in preview.message.text()
    assert not preview.save_button.isEnabled() and preview.english_button.isVisible()
    preview.english_button.click()
    assert preview.save_button.isEnabled() and not preview.english_button.isVisible()
    assert "What the scan showed" in pdf_text(preview.pdf)
    dialogs.save_answer = tmp_path / "en.pdf"
    assert preview.save() == tmp_path / "en.pdf" and dialogs.said("confirm") == []


def test_a_draft_translation_is_named_and_export_asks_first(qtbot, window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    window.document.set_value("patient.language", "es")
    preview = window.show_leaflet()
    assert "Draft translation (es)" in preview.message.text()
    dialogs.save_answer = tmp_path / "es.pdf"
    assert preview.save() is None and not (tmp_path / "es.pdf").exists()
    assert "draft translation (es)" in dialogs.said("confirm")[0]
    preview.print_leaflet()
    assert dialogs.said("printer") == []
    dialogs.confirm_answer = True
    assert preview.save() == tmp_path / "es.pdf"
    assert "Qué mostró la ecografía" in pdf_text((tmp_path / "es.pdf").read_bytes())
