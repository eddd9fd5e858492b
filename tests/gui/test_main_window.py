"""The counselling window driven like a sonographer drives it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget

from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.gui.dialogs import Choice
from livercalc_desktop.gui.settings import AppSettings

pytestmark = pytest.mark.gui


def combo(window, path: str) -> QComboBox:
    widget: QComboBox = window.form.editors[path].widget
    assert isinstance(widget, QComboBox)
    return widget


def choose(qtbot, box: QComboBox, text: str) -> None:
    """Pick an item with the keyboard, as a user would."""
    box.setFocus()
    target = box.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert target >= 0, text
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)


def type_age(qtbot, window, weeks: str, days: str) -> None:
    """Type the gestational age, which a new case leaves empty."""
    for path, text in (("exam.gestational_age.weeks", weeks), ("exam.gestational_age.days", days)):
        spin = window.form.editors[path].widget
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, text)


def status_box(window, item: str) -> QComboBox:
    box: QComboBox = window.panel.rows[item].status
    return box


def test_a_new_case_asks_for_the_required_findings(window):
    assert window.panel.badge_text() == "Incomplete: no category yet"
    label = window.form.problem_labels["lesion.count"]
    assert label.isVisible() and "is required" in label.text()


def test_filling_the_form_updates_the_panel_live(qtbot, window):
    type_age(qtbot, window, "22", "3")
    choose(qtbot, combo(window, "exam.detailed_survey"), "Done")
    choose(qtbot, combo(window, "lesion.count"), "One")
    assert window.panel.badge_text() == "Isolated, tests outstanding"
    assert not window.form.problem_labels["lesion.count"].isVisible()
    heart = window.form.findChild(QCheckBox, "findings.structural:heart")
    qtbot.mouseClick(heart, Qt.MouseButton.LeftButton, pos=QPoint(5, heart.height() // 2))
    assert heart.isChecked()
    assert window.panel.badge_text() == "Not isolated"
    assert window.panel.badge.property("level") == "high"
    assert "Structural anomaly" in window.panel.flags.text()


def test_checklist_status_feeds_back_into_case_and_category(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    assert window.panel.badge_text() == "Isolated, tests outstanding"
    choose(qtbot, status_box(window, "maternal-infection-serology"), "Normal")
    choose(qtbot, status_box(window, "amniocentesis-cma"), "Normal")
    assert window.document.case.status_of("amniocentesis-cma") == "normal"
    assert window.panel.badge_text() == "Isolated, tests reassuring"
    choose(qtbot, status_box(window, "amniocentesis-cma"), "Abnormal")
    assert window.panel.badge_text() == "Abnormal result"
    assert window.isWindowModified()


def test_save_reopen_and_compare(qtbot, window, dialogs, tmp_path, pathway, examples):
    window.open_path(examples / "non-isolated.json")
    choose(qtbot, status_box(window, "fetal-echo"), "Declined")
    dialogs.save_answer = tmp_path / "saved.json"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert (tmp_path / "saved.json").exists()
    assert not window.isWindowModified()
    assert dialogs.said("save")[0].name == f"liver-case-2026-05-14-{window.document.file_tag}.json"
    before = window.document.case
    window.new_case()
    window.open_path(tmp_path / "saved.json")
    assert window.document.case == before
    assert window.document.case.status_of("fetal-echo") == "declined"
    assert window.form.editors["findings.fgr"].value() is True


def test_bad_file_gives_a_clear_message_and_keeps_the_current_case(window, dialogs, tmp_path, examples):
    window.open_path(examples / "liver-mass.json")
    before = window.document.case
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "livercalc-case", "version": 2, "exam": {"gestational_age": {"weeks": 50}}}))
    window.open_path(bad)
    assert "exam.gestational_age.weeks: must be 10–42, got 50" in dialogs.said("error")[0]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "livercalc-case", "version": 3}))
    window.open_path(newer)
    assert "newer LiverCalc" in dialogs.said("error")[1]
    assert window.document.case == before
    assert window.panel.badge_text() == "Calcification with a liver mass"


def test_title_shows_file_name_and_unsaved_marker_never_the_name(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    assert window.windowTitle() == "isolated-pending.json[*] — LiverCalc Desktop"
    assert "Anna" not in window.windowTitle()
    choose(qtbot, combo(window, "lesion.lobe"), "Left lobe")
    assert window.isWindowModified()


def test_unsaved_changes_prompt_can_cancel_or_discard(qtbot, window, dialogs, examples):
    window.open_path(examples / "isolated-pending.json")
    choose(qtbot, combo(window, "lesion.lobe"), "Left lobe")
    edited = window.document.case
    dialogs.unsaved_answer = Choice.CANCEL
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.document.case == edited
    dialogs.unsaved_answer = Choice.DISCARD
    window.new_case()
    assert window.document.case.get("lesion.lobe") is None
    assert len(dialogs.said("unsaved")) == 2


def test_close_with_unsaved_changes_can_be_cancelled(qtbot, window, dialogs):
    choose(qtbot, combo(window, "lesion.count"), "One")
    dialogs.unsaved_answer = Choice.CANCEL
    assert not window.close()
    dialogs.unsaved_answer = Choice.DISCARD
    assert window.close()


def test_drag_and_drop_opens_a_case(window, tmp_path, examples):
    case = tmp_path / "dropped.json"
    shutil.copy(examples / "peritoneal-complex.json", case)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(case))])
    event = QDropEvent(
        window.rect().center().toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == case
    assert window.panel.badge_text() == "Peritoneal calcification with bowel signs"


def test_recent_files_hold_paths_only_and_settings_hold_no_patient_data(window, settings, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    window.close()
    assert settings.recent_files() == [str(examples / "isolated-pending.json")]
    stored = (tmp_path / "settings.ini").read_text("utf-8")
    assert "Anna" not in stored and "Kowalska" not in stored and "DEMO-0001" not in stored


def test_every_input_has_an_accessible_name(window):
    inputs = [
        w
        for w in window.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(window)
        and w.metaObject().className()
        in {"QLineEdit", "QComboBox", "QCheckBox", "QSpinBox", "QDoubleSpinBox", "QDateEdit", "QPlainTextEdit"}
    ]
    assert len(inputs) > 40
    unnamed = [w.objectName() for w in inputs if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert unnamed == []


def test_tab_order_follows_the_form(qtbot, window):
    first = window.form.editors["patient.name"].widget
    first.setFocus()
    seen: list[str] = []
    for _ in range(18):
        focused = QApplication.focusWidget()
        assert focused is not None
        name = focused.objectName()
        if not seen or seen[-1] != name:  # a date edit steps through its day/month/year first
            seen.append(name)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    expected = [
        "patient.name",
        "patient.preferred_name",
        "patient.hospital_number",
        "patient.language",
        "exam.date",
        "exam.gestational_age.weeks",
        "exam.gestational_age.days",
        "exam.clinic",
        "exam.clinician",
        "exam.detailed_survey",
        "exam.pregnancy",
        "exam.fetus",
        "lesion.count",
    ]
    assert seen[: len(expected)] == expected


def test_labels_have_mnemonics_for_keyboard_users(window):
    from PySide6.QtWidgets import QLabel

    labels = [lbl for lbl in window.form.findChildren(QLabel) if lbl.buddy() is not None]
    with_mnemonic = [lbl for lbl in labels if "&" in lbl.text()]
    assert len(with_mnemonic) >= 20
    letters = [lbl.text()[lbl.text().index("&") + 1].lower() for lbl in with_mnemonic]
    assert len(letters) == len(set(letters))


def test_the_window_uses_the_bundled_font_whatever_the_machine_has(window):
    from PySide6.QtGui import QFontInfo

    assert QFontInfo(window.font()).family() == "Noto Sans"
    assert QFontInfo(window.form.editors["patient.name"].widget.font()).family() == "Noto Sans"


def test_fits_a_1280_by_720_window(window):
    window.resize(1280, 720)
    QApplication.processEvents()
    assert window.panel.minimumSizeHint().width() <= 640
    assert window.form.minimumSizeHint().width() <= 640


def test_help_and_about_go_through_the_dialog_service(qtbot, window, dialogs):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    window.show_about()
    texts = dialogs.said("information")
    assert "Ctrl+E" in texts[0]
    assert "Knowledge base 1.1.0" in texts[1] and "Intended use" in texts[1] and "Disclaimer" in texts[1]


def test_open_recent_reopens_a_file(window, examples):
    window.open_path(examples / "liver-mass.json")
    window.new_case()
    window._fill_recent()
    action = next(a for a in window.recent_menu.actions() if a.text().endswith("liver-mass.json"))
    action.trigger()
    assert window.document.path == examples / "liver-mass.json"
    assert window.panel.badge_text() == "Calcification with a liver mass"


def test_a_status_can_be_recorded_for_an_item_the_rules_did_not_select(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    mri = window.panel.rows["fetal-mri"]
    assert mri.priority.text() == "—" and "Not indicated" in mri.basis.text()
    choose(qtbot, mri.status, "Declined")
    assert window.document.case.status_of("fetal-mri") == "declined"
    assert mri.priority.text() == "Recorded"
    assert "Testing declined" in window.panel.flags.text()


def test_recorded_detail_and_date_are_shown_in_the_checklist(window, examples):
    window.open_path(examples / "abnormal-result.json")
    row = window.panel.rows["maternal-infection-serology"]
    assert row.detail.text() == "Parvovirus B19 IgM positive" and row.detail.isVisibleTo(window)
    assert row.date.iso_date() == "2026-09-01" and row.date.text() == "2026-09-01"
    mri = window.panel.rows["fetal-mri"]
    assert not mri.detail.isVisibleTo(window) and not mri.date.isVisibleTo(window)


def test_a_test_date_can_be_changed_cleared_but_not_set_in_the_future(qtbot, window, examples):
    import datetime as dt

    window.open_path(examples / "abnormal-result.json")
    row = window.panel.rows["maternal-infection-serology"]
    row.date.setFocus()
    row.date.setCurrentSection(row.date.Section.DaySection)
    qtbot.keyClick(row.date, Qt.Key.Key_Up)  # one day later
    assert window.document.case.workup["maternal-infection-serology"].date == "2026-09-02"
    assert window.isWindowModified()
    assert row.clear_date.isVisibleTo(window)
    assert row.clear_date.accessibleName() == "Clear the date of Maternal infection blood tests"
    assert row.clear_date.focusPolicy() == Qt.FocusPolicy.TabFocus  # in the panel's tab order, unlike the form's
    row.clear_date.click()
    assert window.document.case.workup["maternal-infection-serology"].date is None
    assert row.date.text() == "No date"
    row.date.setDate(row.date.date().currentDate().addDays(30))
    assert row.date.iso_date() == dt.date.today().isoformat()
    assert window.document.case.workup["maternal-infection-serology"].date == dt.date.today().isoformat()


def test_a_long_result_note_is_shown_in_full(qtbot, window, examples):
    note = (
        "CMV IgG positive, IgM negative, high avidity; parvovirus B19 IgG positive, IgM negative; toxoplasma negative"
    )
    window.open_path(examples / "isolated-pending.json")
    window.resize(1280, 720)
    row = window.panel.rows["maternal-infection-serology"]
    choose(qtbot, row.status, "Normal")
    row.detail.setFocus()
    qtbot.keyClicks(row.detail, note)
    qtbot.keyClick(row.detail, Qt.Key.Key_Return)
    assert window.document.case.workup["maternal-infection-serology"].detail == note
    QApplication.processEvents()
    document = row.detail.document()
    assert document.size().width() <= row.detail.viewport().width()  # wrapped, not scrolled sideways
    assert document.size().height() <= row.detail.viewport().height()  # every line shown
    assert document.blockCount() == 1 and row.detail.height() > 2 * row.detail.fontMetrics().height()


def test_each_reason_keeps_its_references_indented_beneath_it(window, examples):
    # Back and forth between categories: each rule keeps a view of its own, shown in the rules' order.
    cases = ("isolated-pending", "liver-mass", "abnormal-result", "isolated-pending", "urgent-hydrops", "non-isolated")
    for case in (*cases, "screen-positive", "isolated-pending", "peritoneal-complex", "liver-mass"):
        window.open_path(examples / f"{case}.json")
        QApplication.processEvents()
        assessment = assess(window.document.case, window.pathway)
        views = [v for v in window.panel.reason_views if v.isVisibleTo(window)]
        assert [v.reason.text() for v in views] == [f"{r.label}: {r.text}" for r in assessment.rationale]
        for view, reason in zip(views, assessment.rationale, strict=True):
            shown = [ref for ref in view.references if ref.isVisibleTo(window)]
            expected = [window.pathway.kb.references[r].author_year for r in reason.references]
            assert [ref.text().split(" — ")[0] for ref in shown] == expected
            reason_left = view.reason.mapTo(window, view.reason.rect().topLeft()).x()
            for ref in shown:
                assert ref.mapTo(window, ref.rect().topLeft()).x() >= reason_left + 12, (case, ref.text())


def test_recording_a_result_with_its_detail(qtbot, window, examples):
    import datetime as dt

    window.open_path(examples / "isolated-pending.json")
    row = window.panel.rows["cf-carrier-testing"]
    choose(qtbot, row.status, "Normal")
    qtbot.keyClicks(row.detail, "Neither parent a carrier")
    qtbot.keyClick(row.detail, Qt.Key.Key_Return)
    entry = window.document.case.workup["cf-carrier-testing"]
    assert (entry.status, entry.detail, entry.date) == (
        "normal",
        "Neither parent a carrier",
        dt.date.today().isoformat(),
    )


def test_the_facts_behind_each_reason_are_listed_under_it(window, examples):
    window.open_path(examples / "abnormal-result.json")
    QApplication.processEvents()
    assessment = assess(window.document.case, window.pathway)
    assert any(reason.facts for reason in assessment.rationale)
    for view, reason in zip(window.panel.reason_views, assessment.rationale, strict=False):
        shown = [label for label in view.facts if label.isVisibleTo(window)]
        assert [label.text() for label in shown] == [f"• {fact}" for fact in reason.facts]
        reason_left = view.reason.mapTo(window, view.reason.rect().topLeft()).x()
        assert all(label.mapTo(window, label.rect().topLeft()).x() >= reason_left + 12 for label in shown)


def test_the_checklist_is_built_with_the_first_complete_case(qtbot, window):
    # Start-up: a new case shows no checklist, so none is built until a case is complete.
    assert window.panel.rows == {} and not window.panel.checklist_box.isVisible()
    window.document.set_value("exam.gestational_age.weeks", 22)
    window.document.set_value("exam.gestational_age.days", 0)
    choose(qtbot, combo(window, "exam.detailed_survey"), "Done")
    choose(qtbot, combo(window, "lesion.count"), "One")
    assert window.panel.checklist_box.isVisible()
    assert set(window.panel.rows) == {item.id for item in window.pathway.kb.checklist}


def test_the_category_stays_in_sight_while_the_checklist_scrolls(window, examples):
    window.resize(1280, 720)
    window.open_path(examples / "isolated-pending.json")
    QApplication.processEvents()
    bar = window.panel_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert window.panel.rows["anatomy-survey"].status.visibleRegion().isEmpty()  # scrolled away
    assert window.panel.badge.visibleRegion().boundingRect().height() == window.panel.badge.height()


def test_a_bad_file_at_start_up_is_named_as_given_with_its_problem(qtbot, tmp_path, monkeypatch, pathway):
    from livercalc_desktop.gui.app import Session, start_sessions
    from tests.gui.conftest import FakeDialogs

    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "twins-list.json").write_text("[1, 2]")
    monkeypatch.chdir(tmp_path)
    dialogs = FakeDialogs()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(pathway, settings, dialogs, tmp_path / "autosave")
    qtbot.addWidget(session.window)
    start_sessions(session, dialogs, Path("cases/twins-list.json"), lambda: session)
    (message,) = dialogs.said("error")
    assert message.startswith("cases/twins-list.json cannot be opened:"), message
    assert "must be a JSON object" in message and str(tmp_path) not in message


@pytest.mark.parametrize("control", ["\u202e", "\u2067", "\u202a", "\x1b", "\n"])
def test_a_bidi_override_or_control_in_a_file_name_never_reorders_what_the_window_shows(
    window, dialogs, tmp_path, examples, control
):
    hidden = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\x1b", "\n")
    good = tmp_path / f"case{control}nosj.pdf & co.json"
    shutil.copy(examples / "liver-mass.json", good)
    window.open_path(good)
    assert window.document.path == good
    bad = tmp_path / f"bad{control}nosj.json"
    bad.write_text("[]")
    window.open_path(bad)
    window._fill_recent()
    shown = [window.windowTitle(), *dialogs.said("error"), *(a.text() for a in window.recent_menu.actions())]
    assert len(shown) >= 3
    for text in shown:
        assert not any(c in text for c in hidden), repr(text)
    assert any(a.text().endswith("nosj.pdf && co.json") for a in window.recent_menu.actions())
