"""Clinician summary in the window: preview, note for the record, letterhead and real printing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.case import WorkupEntry
from livercalc_desktop.gui.printing import PrintError, PrintJob, lp_command, submit
from livercalc_desktop.gui.settings import CLINIC_ADDRESS, CLINIC_LOGO, CLINIC_NAME, CLINIC_PHONE
from livercalc_desktop.summary.export import summary_text
from tests.leaflet_helpers import flat, pdf_text
from tests.test_summary_cli import png

pytestmark = pytest.mark.gui
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
HOSPITAL_NUMBER = "HN-2077-5310"


@pytest.fixture
def opened(window, examples):
    """The window with the isolated-pending example open, plus a hospital number and a result."""
    window.open_path(examples / "isolated-pending.json")
    window.document.set_value("patient.hospital_number", HOSPITAL_NUMBER)
    window.document.set_status("amniocentesis-cma", "declined")
    return window


def a_printer(name: str, copies: int = 1) -> QPrinter:
    printer = QPrinter()
    printer.setPrinterName(name)
    printer.setCopyCount(copies)
    return printer


def image_count(obj: Any) -> int:
    """Raster images drawn on a page, looking inside form XObjects too."""
    resources = obj.get("/Resources")
    if resources is None:
        return 0
    count = 0
    for ref in resources.get_object().get("/XObject", {}).values():
        xobject = ref.get_object()
        count += 1 if xobject["/Subtype"] == "/Image" else image_count(xobject)
    return count


def test_preview_offers_both_documents(qtbot, opened):
    preview = opened.show_summary()
    assert preview.kind.currentData() == "summary"
    assert [preview.kind.itemText(i) for i in range(preview.kind.count())] == ["Patient leaflet", "Clinician summary"]
    summary = flat(preview.pdf)
    assert "Fetal liver calcification: clinician summary" in summary and HOSPITAL_NUMBER in summary
    preview.kind.setCurrentIndex(preview.kind.findData("leaflet"))
    leaflet = pdf_text(preview.pdf)
    assert "For Anna" in leaflet and HOSPITAL_NUMBER not in leaflet
    assert opened.show_leaflet() is preview


def test_saving_the_summary_suggests_a_name_without_patient_data(opened, dialogs, tmp_path):
    preview = opened.show_summary()
    dialogs.save_answer = tmp_path / "record.pdf"
    assert preview.save() == tmp_path / "record.pdf"
    suggested = dialogs.said("save")[0].name
    assert suggested == f"liver-summary-2026-03-10-{opened.document.file_tag}.pdf"
    assert "Anna" not in suggested and "DEMO" not in suggested
    assert HOSPITAL_NUMBER in pdf_text((tmp_path / "record.pdf").read_bytes())


def test_one_shortcut_copies_the_note_and_shows_it(qtbot, opened, dialogs, pathway):
    qtbot.keyClick(opened, Qt.Key.Key_C, CTRL | SHIFT)
    expected = summary_text(opened.document.case, pathway)
    assert QGuiApplication.clipboard().text() == expected
    [(shown, ascii_only, recopy)] = dialogs.said("note")
    assert shown == expected and ascii_only is False
    assert HOSPITAL_NUMBER in shown and "Amniocentesis with microarray (test; offer): Declined" in shown
    assert (
        recopy(True)
        == QGuiApplication.clipboard().text()
        == summary_text(opened.document.case, pathway, ascii_only=True)
    )
    qtbot.keyClick(opened, Qt.Key.Key_C, CTRL | SHIFT)
    assert dialogs.said("note")[1][1] is True  # the ASCII choice is remembered


def test_an_incomplete_case_is_explained_not_printed(qtbot, window, dialogs):
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    assert dialogs.said("printer") == [] and dialogs.said("note") == []
    assert all("Complete the findings first" in message for message in dialogs.said("error"))
    assert len(dialogs.said("error")) == 2


def test_lp_gets_the_pdf_on_stdin_with_the_choices_and_no_name():
    job = PrintJob(printer="ward-3", copies=2, two_sided=True, pages=(1, 2))
    command = lp_command(job, "liver-summary-2026-03-10", "/usr/bin/lp")
    assert command == [
        "/usr/bin/lp", "-d", "ward-3", "-n", "2", "-t", "liver-summary-2026-03-10",
        "-o", "sides=two-sided-long-edge", "-o", "page-ranges=1-2", "-",
    ]  # fmt: skip


def test_print_to_file_writes_the_very_pdf(qtbot, opened, dialogs, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialogs.printer_answer = printer
    preview = opened.show_summary()
    assert preview.print_leaflet() == f"Saved to {tmp_path / 'printed.pdf'}"
    assert (tmp_path / "printed.pdf").read_bytes() == preview.pdf


def test_ctrl_p_prints_the_leaflet_as_vector_pdf_on_a_real_printer(qtbot, opened, dialogs, printer):
    dialogs.printer_answer = a_printer(printer.name, copies=2)
    qtbot.keyClick(opened, Qt.Key.Key_P, CTRL)
    printed = printer.wait_for_output()
    reader = PdfReader(io.BytesIO(printed))
    leaflet_pages = len(PdfReader(io.BytesIO(opened.show_leaflet().pdf)).pages)
    assert len(reader.pages) == 2 * leaflet_pages  # two copies went through the real filter chain
    text = " ".join(page.extract_text() for page in reader.pages)
    assert text.count("For Anna") == 2
    assert HOSPITAL_NUMBER not in text
    assert sum(image_count(page) for page in reader.pages) == 0  # text and vectors, not page images
    assert len(printed) < 500_000
    assert "Sent to" in opened.statusBar().currentMessage()


def test_ctrl_shift_p_prints_the_summary_on_a_real_printer(qtbot, opened, dialogs, printer):
    dialogs.printer_answer = a_printer(printer.name)
    qtbot.keyClick(opened, Qt.Key.Key_P, CTRL | SHIFT)
    reader = PdfReader(io.BytesIO(printer.wait_for_output()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Fetal liver calcification: clinician summary" in text
    assert HOSPITAL_NUMBER in text and "Amniocentesis with microarray" in text
    assert sum(image_count(page) for page in reader.pages) == 0
    jobs = printer.lpstat("-W", "completed", "-o", printer.name)
    assert "Anna" not in jobs  # the queue never shows the patient's name


def test_a_refused_job_is_reported(printer):
    with pytest.raises(
        PrintError, match=r"^printer no-such-printer refused the job: The printer or class does not exist\.$"
    ):
        submit(b"%PDF-1.4", PrintJob(printer="no-such-printer"), "liver-summary")


def test_letterhead_preferences_reach_both_documents(qtbot, window, settings, dialogs, tmp_path, examples):
    from livercalc_desktop.gui.preferences import PreferencesDialog

    good, bad = tmp_path / "logo.png", tmp_path / "logo.gif"
    good.write_bytes(png(200, 60))
    bad.write_bytes(b"GIF89a")
    dialog = PreferencesDialog(settings, window, dialogs)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinic, "Fetal Medicine Unit")
    dialog.address.setPlainText("1 Example Road\nNorthtown NT1 1AA")
    qtbot.keyClicks(dialog.phone, "0100 000 000")
    dialogs.image_answer = bad
    dialog.choose_logo()
    assert dialog.logo.text() == "" and "must be a PNG or JPEG" in dialogs.said("error")[0]
    dialogs.image_answer = good
    dialog.choose_logo()
    dialog.accept()
    assert (settings.get(CLINIC_NAME), settings.get(CLINIC_PHONE)) == ("Fetal Medicine Unit", "0100 000 000")
    assert settings.get(CLINIC_ADDRESS) == "1 Example Road\nNorthtown NT1 1AA"
    assert settings.get(CLINIC_LOGO) == str(good)
    window.open_path(examples / "isolated-pending.json")
    preview = window.show_summary()
    summary = flat(preview.pdf)
    assert summary.startswith("Fetal Medicine Unit 1 Example Road, Northtown NT1 1AA, Phone 0100 000 000")
    preview.kind.setCurrentIndex(preview.kind.findData("leaflet"))
    assert "1 Example Road Northtown NT1 1AA Phone 0100 000 000" in flat(preview.pdf)
    good.write_bytes(b"not an image any more")
    preview.refresh()
    assert "logo.png: the logo must be a PNG or JPEG image" in preview.message.text()
    assert not preview.print_button.isEnabled()


def test_recorded_results_show_in_the_note(pathway, examples):
    case = read_case_file(examples / "isolated-pending.json", pathway)
    case = case.with_workup("maternal-infection-serology", WorkupEntry("normal", "CMV IgG negative", "2026-03-12"))
    note = " ".join(summary_text(case, pathway).split())
    assert "Maternal infection blood tests (test; do): Normal; CMV IgG negative; 12 Mar 2026" in note


def test_the_real_note_dialog_shows_the_note_and_switches_to_ascii(qtbot, monkeypatch):
    from PySide6.QtWidgets import QCheckBox, QDialog, QPlainTextEdit

    from livercalc_desktop.gui.dialogs import QtDialogs

    seen: list[str] = []

    def run(dialog: QDialog) -> int:  # stands in for the blocking exec: look, click, close
        view, box = dialog.findChild(QPlainTextEdit), dialog.findChild(QCheckBox)
        assert view is not None and box is not None
        seen.append(view.toPlainText())
        box.setChecked(True)
        seen.append(view.toPlainText())
        return 0

    monkeypatch.setattr(QDialog, "exec", run)
    copies: list[bool] = []

    def recopy(ascii_only: bool) -> str:
        copies.append(ascii_only)
        return "Zolc" if ascii_only else "Żółć"

    QtDialogs().record_note(None, "Żółć", False, recopy)  # type: ignore[arg-type]
    assert seen == ["Żółć", "Zolc"] and copies == [True]


def test_without_cups_the_fallback_prints_bounded_page_images(qtbot, opened, tmp_path):
    from livercalc_desktop.gui.printing import FALLBACK_DPI, print_as_images

    pdf = opened.show_summary().pdf
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    print_as_images(pdf, printer)
    out = PdfReader(io.BytesIO((tmp_path / "raster.pdf").read_bytes()))
    assert len(out.pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    assert printer.resolution() == FALLBACK_DPI
    assert all(image_count(page) == 1 for page in out.pages)
