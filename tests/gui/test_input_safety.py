"""Nothing is recorded that the user did not do, and every edit can be undone.

Wheel turns over unfocused drop-downs, Alt+letter mnemonics and shortcuts typed in a text
field are the ways a finding used to be recorded, or work lost, without anyone seeing it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QToolButton,
    QWidget,
)

from livercalc_desktop.gui.dialogs import Conflict
from tests.gui.test_main_window import choose

pytestmark = pytest.mark.gui

FINDINGS_LISTS = (
    "findings.structural",
    "findings.soft_markers",
    "findings.abdominal",
    "findings.extrahepatic_calcification",
    "findings.hydrops",
)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def focus(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def wheel(widget: QWidget, notches: int = -1) -> QWheelEvent:
    """Send one real wheel event to the middle of ``widget``; return it to check who took it."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def snapshot(window) -> tuple[object, dict[str, object]]:
    """The case and what every form field shows."""
    return window.document.case, {path: editor.value() for path, editor in window.form.editors.items()}


def wheel_editors(window) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QComboBox | QAbstractSpinBox) and w.isVisibleTo(window) and w.isEnabled()
    ]


def test_the_wheel_over_an_unfocused_drop_down_or_number_changes_nothing(qtbot, window, examples):
    window.open_path(examples / "isolated-reassuring.json")
    badge = window.panel.badge_text()
    editors = wheel_editors(window)
    assert len(editors) > 25  # form drop-downs, numbers, the date, and the checklist statuses
    focus(qtbot, window.form.editors["patient.name"].widget)
    before = snapshot(window)
    for editor in editors:
        for notches in (-1, 1):
            event = wheel(editor, notches)
            # Not taken: the scroll area behind it gets the wheel and scrolls the form.
            assert not event.isAccepted(), editor.objectName()
    assert snapshot(window) == before
    assert window.panel.badge_text() == badge
    assert not window.isWindowModified()


def test_a_focused_drop_down_still_takes_the_wheel(qtbot, window):
    box = window.form.editors["lesion.lobe"].widget
    focus(qtbot, box)
    wheel(box, -1)
    assert window.document.case.get("lesion.lobe") == "right"


def mnemonic_letter(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_no_two_mnemonics_collide_in_the_window(window):
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [
        w.text() for kind in (QLabel, QAbstractButton) for w in window.findChildren(kind) if w.isVisibleTo(window)
    ]
    texts += [g.title() for g in window.findChildren(QGroupBox)]
    letters = [letter for t in texts if (letter := mnemonic_letter(t))]
    assert len(letters) >= 24
    assert sorted(letters) == sorted(set(letters))


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_every_mnemonic_moves_focus_and_changes_nothing(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    labels = [lbl for lbl in window.form.findChildren(QLabel) if lbl.buddy() is not None and "&" in lbl.text()]
    assert len(labels) >= 20  # 26 letters less the four menus (File, Edit, Register, Help) and a few clashes
    focus(qtbot, window.form.editors["notes.for_patient"].widget)
    before = snapshot(window)
    for label in labels:
        letter = mnemonic_letter(label.text())
        assert letter is not None
        start = focused()
        qtbot.keyClick(start, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert focused() is label.buddy(), label.text()
        assert snapshot(window) == before, label.text()
    assert not window.isWindowModified()


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_every_field_has_a_mnemonic_or_a_section_shortcut(qtbot, window):
    with_letter = {
        lbl.buddy() for lbl in window.form.findChildren(QLabel) if lbl.buddy() is not None and "&" in lbl.text()
    }
    sections = {a.shortcut().toString(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    for number, (group_id, entry) in enumerate(window.form.group_entries.items(), start=1):
        start = focused()
        qtbot.keyClick(start, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert focused() is entry, group_id
        assert f"Ctrl+{number}" in sections
    reachable = with_letter | set(window.form.group_entries.values())
    schema = window.pathway.schema
    for group in schema.groups:
        fields = [window.form.editors[s.path].focus_widgets()[0] for s in schema.fields_in(group.id)]
        # A field without a letter of its own is in a section reached with Ctrl+number.
        assert all(f in reachable or window.form.group_entries[group.id] for f in fields)


def test_focus_starts_in_the_first_field(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert focused() is window.form.editors["patient.name"].widget


def test_a_new_case_starts_with_the_required_findings_empty_and_marked(window):
    case = window.document.case
    for path in ("exam.gestational_age.weeks", "exam.gestational_age.days", "exam.detailed_survey", "lesion.count"):
        assert case.get(path) is None, path
        assert window.form.editors[path].value() is None, path
        assert window.form.editors[path].widget.property("invalid") is True, path
    weeks = window.form.editors["exam.gestational_age.weeks"].widget
    assert weeks.text() == "—"  # a dash, not a plausible 20 weeks
    assert "is required" in window.form.problem_labels["exam.gestational_age.weeks"].text()
    assert window.panel.badge_text() == "Incomplete: no category yet"
    # The panel says what is missing, in the form's words.
    missing = [label.text() for label in window.panel.problem_labels if label.isVisibleTo(window)]
    assert "Gestational age, weeks: is required" in missing and "Number of bright spots: is required" in missing


def test_ctrl_s_and_ctrl_e_work_from_a_text_field(qtbot, window, dialogs, tmp_path):
    name = window.form.editors["patient.name"].widget
    focus(qtbot, name)
    qtbot.keyClicks(name, "Zoe")
    qtbot.keyClick(name, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.preview is not None and window.preview.isVisible()
    window.preview.close()
    focus(qtbot, name)
    dialogs.save_answer = tmp_path / "case.json"
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.said("save")
    assert name.text() == "Zoe"  # Ctrl+E did not act as "end of line" and nothing was typed


CTRL_E_UNDER_X11 = """
import sys
from collections.abc import Iterator
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.dialogs import QtDialogs
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.settings import AppSettings
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway

application()
settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = MainWindow(CaseDocument(load_pathway(bundled_pathway_folder())), settings, QtDialogs())
window.show()
window.activateWindow()
name = window.form.editors["patient.name"].widget
name.setFocus()
for _ in range(150):
    if name.hasFocus():
        break
    QTest.qWait(20)
QTest.keyClick(name, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
print("leaflet opened" if window.preview is not None else "nothing happened")
"""


XCB_PACKAGES = (
    "libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0"
)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb: the offscreen platform binds no Ctrl+E")
def test_ctrl_e_opens_the_leaflet_from_a_text_field_under_x11(tmp_path):
    # On X11, text fields take Ctrl+E as "end of line" (Emacs keys), so the window's shortcut
    # never ran while the cursor was in a field. The offscreen platform has no such binding.
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", CTRL_E_UNDER_X11, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    if "Could not load the Qt platform plugin" in result.stderr:  # Xvfb is there, Qt's X11 libraries are not
        pytest.skip(f"Qt cannot open an X11 window here: install the libraries the README names ({XCB_PACKAGES})")
    assert "leaflet opened" in result.stdout, result.stdout + result.stderr


def test_ctrl_z_in_a_text_field_undoes_the_last_edit_of_the_window(qtbot, window, examples):
    window.open_path(examples / "isolated-pending.json")
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Left lobe")
    name = window.form.editors["patient.name"].widget
    focus(qtbot, name)
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # a line edit claims Ctrl+Z
    assert window.document.case.get("lesion.lobe") == "right"
    assert not window.isWindowModified()


def test_undo_and_redo_every_form_and_checklist_edit(qtbot, window, examples, tmp_path):
    case = tmp_path / "case.json"
    shutil.copy(examples / "isolated-pending.json", case)
    window.open_path(case)
    opened = window.document.case
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    # A drop-down, a typed text, a tick box, a checklist status and its result.
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Left lobe")
    clinic = window.form.editors["exam.clinic"].widget
    focus(qtbot, clinic)
    clinic.selectAll()
    qtbot.keyClicks(clinic, "Unit B")
    heart = window.form.findChild(QAbstractButton, "findings.structural:heart")
    heart.click()
    assert window.panel.badge_text() == "Not isolated"
    choose(qtbot, window.panel.rows["fetal-echo"].status, "Pending")
    detail = window.panel.rows["fetal-echo"].detail
    focus(qtbot, detail)
    qtbot.keyClicks(detail, "Booked")
    qtbot.keyClick(detail, Qt.Key.Key_Return)
    edited = window.document.case
    assert edited.workup["fetal-echo"].detail == "Booked"
    history = []
    for _ in range(5):
        history.append(window.document.case)
        qtbot.keyClick(focused(), *undo)
    assert window.document.case == opened
    assert not window.isWindowModified()  # back at what the file holds
    assert window.form.editors["lesion.lobe"].value() == opened.get("lesion.lobe")
    assert window.form.editors["exam.clinic"].widget.text() == (opened.get("exam.clinic") or "")
    assert not heart.isChecked()
    assert window.panel.badge_text() == "Isolated, tests outstanding"
    assert window.panel.rows["fetal-echo"].status.currentData() is None
    for expected in reversed(history):
        qtbot.keyClick(focused(), *redo)
        assert window.document.case == expected
    assert window.document.case == edited and window.isWindowModified()
    assert heart.isChecked() and window.panel.badge_text() == "Not isolated"
    assert window.panel.rows["fetal-echo"].detail.text() == "Booked"


def test_checklist_dates_are_undoable(window, examples):
    window.open_path(examples / "abnormal-result.json")
    before = window.document.case
    window.document.set_date("maternal-infection-serology", "2026-08-30")
    assert window.document.case.workup["maternal-infection-serology"].date == "2026-08-30"
    window.document.undo_stack.undo()
    assert window.document.case == before


def test_saving_marks_the_undo_history_clean(qtbot, window, dialogs, tmp_path, examples):
    window.open_path(examples / "isolated-pending.json")
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Left lobe")
    dialogs.save_answer = tmp_path / "saved.json"
    assert window.save_as()
    assert not window.isWindowModified()
    window.document.undo_stack.undo()
    assert window.isWindowModified()  # the file holds "left": going back is a change
    window.document.undo_stack.redo()
    assert not window.isWindowModified()


def test_none_seen_is_recorded_as_an_empty_list_and_differs_from_not_recorded(qtbot, window, dialogs, tmp_path):
    editor = window.form.editors["findings.soft_markers"]
    assert window.document.case.get("findings.soft_markers") is None
    editor.none_seen.click()
    assert window.document.case.get("findings.soft_markers") == ()
    bowel = window.form.findChild(QAbstractButton, "findings.soft_markers:echogenic-bowel")
    bowel.click()
    assert window.document.case.get("findings.soft_markers") == ("echogenic-bowel",)
    assert not editor.none_seen.isChecked()
    bowel.click()
    assert window.document.case.get("findings.soft_markers") is None  # back to not recorded
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(window.document.case.get(p) == () for p in FINDINGS_LISTS)
    assert all(window.form.editors[p].none_seen.isChecked() for p in FINDINGS_LISTS)
    dialogs.save_answer = tmp_path / "none-seen.json"
    assert window.save_as()
    saved = json.loads((tmp_path / "none-seen.json").read_text("utf-8"))
    assert saved["findings"]["structural"] == [] and "infection_contact" not in saved.get("history", {})
    window.new_case()
    window.open_path(tmp_path / "none-seen.json")
    assert window.document.case.get("findings.hydrops") == ()
    assert window.form.editors["findings.hydrops"].none_seen.isChecked()
    assert window.panel.badge_text() == "Incomplete: no category yet"  # saved unfinished, opened unfinished
    window.document.undo_stack.setClean()
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.case.get("findings.hydrops") == ()  # nothing to undo after opening


def test_a_file_changed_on_disk_is_never_overwritten_silently(qtbot, window, dialogs, tmp_path, examples):
    case = tmp_path / "case.json"
    shutil.copy(examples / "isolated-pending.json", case)
    window.open_path(case)
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Left lobe")
    theirs = case.read_text("utf-8").replace('"right"', '"both"')
    case.write_text(theirs, "utf-8")  # another window or computer saved it meanwhile
    dialogs.conflict_answer = Conflict.CANCEL
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.said("file_changed") == ["case.json"]
    assert case.read_text("utf-8") == theirs and window.isWindowModified()
    dialogs.conflict_answer = Conflict.SAVE_AS
    dialogs.save_answer = tmp_path / "mine.json"
    assert window.save()
    assert case.read_text("utf-8") == theirs and '"left"' in (tmp_path / "mine.json").read_text("utf-8")
    window.open_path(case)
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Left lobe")
    case.write_text(theirs.replace('"both"', '"unknown"'), "utf-8")
    dialogs.conflict_answer = Conflict.OVERWRITE
    assert window.save()
    assert '"left"' in case.read_text("utf-8")
    # Saved by this window: the next save does not ask again.
    choose(qtbot, window.form.editors["lesion.lobe"].widget, "Right lobe")
    assert window.save()
    assert len(dialogs.said("file_changed")) == 3


# Keyboard-only entry of the review's test case, with real key events, counted.
# 59 key events before (40 of them Tabs); the Enter that accepts the file dialog is not a
# widget key event here (the dialog is faked) and comes on top: 20 in all.
KEYSTROKES_FOR_THE_TEST_CASE = 19


def test_keyboard_entry_of_a_typical_case_takes_few_keystrokes(qtbot, window, dialogs, tmp_path):
    """ "22+3 weeks, one 2 mm parenchymal spot in the right lobe, nothing else, survey done, cfDNA low risk"."""
    count = 0

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal count
        qtbot.keyClick(focused(), key, modifiers)
        count += 1

    def type_text(text: str) -> None:
        for char in text:
            press(getattr(Qt.Key, f"Key_{char.upper()}"))

    def jump_to(path: str) -> None:
        """Alt plus the field's underlined letter."""
        target = window.form.editors[path].focus_widgets()[0]
        (label,) = [lbl for lbl in window.form.findChildren(QLabel) if lbl.buddy() is target]
        letter = mnemonic_letter(label.text())
        assert letter is not None, f"{path} has no mnemonic"
        press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert focused() is target

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    jump_to("exam.gestational_age.weeks")
    type_text("22")
    press(Qt.Key.Key_Tab)
    type_text("3")
    jump_to("exam.detailed_survey")
    type_text("d")  # Done
    jump_to("lesion.count")
    type_text("o")  # One
    jump_to("lesion.largest_mm")
    type_text("2")
    jump_to("lesion.compartment")
    type_text("p")  # Parenchymal
    jump_to("lesion.lobe")
    type_text("r")  # Right lobe
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # nothing else
    section = list(window.form.group_entries).index("history") + 1  # screening and history
    press(getattr(Qt.Key, f"Key_{section}"), Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.form.editors["screening.cfdna"].widget  # the section starts with cfDNA
    type_text("l")  # Low risk
    dialogs.save_answer = tmp_path / "typed.json"
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    case = window.document.case
    assert case.get("exam.gestational_age.weeks") == 22 and case.get("exam.gestational_age.days") == 3
    assert case.get("exam.detailed_survey") == "done" and case.get("lesion.count") == "1"
    assert case.get("lesion.largest_mm") == (2.0,)
    assert case.get("lesion.compartment") == "parenchymal" and case.get("lesion.lobe") == "right"
    assert all(case.get(path) == () for path in FINDINGS_LISTS)
    assert case.get("screening.cfdna") == "low-risk"
    assert window.panel.badge_text() == "Isolated, tests outstanding"
    assert (tmp_path / "typed.json").exists() and not window.isWindowModified()
    assert count <= KEYSTROKES_FOR_THE_TEST_CASE


@pytest.fixture
def register_windows(qtbot, window, settings, tmp_path, examples, monkeypatch) -> Iterator[list[QWidget]]:
    """Open every window and dialog the app can show over a case: preview, preferences, register views, outcome."""
    from livercalc_desktop.gui.preferences import PreferencesDialog
    from livercalc_desktop.gui.settings import REGISTER_URL
    from livercalc_desktop.register.location import URL_VARIABLE

    monkeypatch.delenv(URL_VARIABLE, raising=False)
    settings.set(REGISTER_URL, f"sqlite:///{tmp_path / 'register.sqlite'}")
    window.open_path(examples / "isolated-pending.json")
    menu = window.register_menu
    case_id = menu.save_case()
    assert case_id is not None
    preferences = PreferencesDialog(settings, window)
    preferences.show()
    opened = [window, window.show_leaflet(), preferences, menu.show_cases(), menu.show_audit()]
    opened.append(menu.record_outcome(case_id))
    for widget in opened:
        assert widget is not None
        qtbot.waitExposed(widget)
    yield opened
    menu.close()


def opened_by(window: QWidget, top: QWidget) -> bool:
    widget: QWidget | None = top
    while widget is not None and widget is not window:
        widget = widget.parentWidget()
    return widget is window


def test_no_window_or_dialog_lets_the_wheel_change_an_unfocused_editor(qtbot, window, register_windows):
    # Every window this window has opened, not only those the fixture names.
    shown = [
        w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w) and w.isVisible() and opened_by(window, w)
    ]
    assert {type(w).__name__ for w in shown} >= {
        "MainWindow",
        "LeafletPreview",
        "PreferencesDialog",
        "CasesView",
        "AuditView",
        "OutcomeForm",
    }
    outcome = register_windows[-1]
    focus(qtbot, window.form.editors["patient.name"].widget)
    tried = 0
    for top in shown:
        for editor in top.findChildren(QWidget):
            if not isinstance(editor, QComboBox | QAbstractSpinBox) or not editor.isVisibleTo(top):
                continue
            editor.setEnabled(True)  # a date box switched off by its tick box would take the wheel once ticked
            before = editor.currentIndex() if isinstance(editor, QComboBox) else editor.text()
            for notches in (-1, 1):
                event = wheel(editor, notches)
                assert not event.isAccepted(), f"{type(top).__name__}: {editor.accessibleName() or editor.objectName()}"
            after = editor.currentIndex() if isinstance(editor, QComboBox) else editor.text()
            assert after == before, f"{type(top).__name__}: {editor.accessibleName() or editor.objectName()}"
            tried += 1
    assert tried > 50
    assert outcome.values == {}


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_outcome_form_mnemonics_are_unique_and_change_nothing(qtbot, register_windows):
    outcome = register_windows[-1]
    outcome.activateWindow()
    texts = [
        w.text() for kind in (QLabel, QAbstractButton) for w in outcome.findChildren(kind) if w.isVisibleTo(outcome)
    ]
    texts += [g.title() for g in outcome.findChildren(QGroupBox)]
    letters = [letter for t in texts if (letter := mnemonic_letter(t))]
    assert len(letters) >= 5
    assert sorted(letters) == sorted(set(letters))
    labels = [lbl for lbl in outcome.findChildren(QLabel) if lbl.buddy() is not None and "&" in lbl.text()]
    for label in labels:
        letter = mnemonic_letter(label.text())
        assert letter is not None
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert focused() is label.buddy(), label.text()
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    assert outcome.values == {}


def test_alt_with_a_digit_types_nothing_into_a_focused_field(qtbot, window):
    for path in ("lesion.largest_mm", "patient.name"):
        field = window.form.editors[path].focus_widgets()[0]
        focus(qtbot, field)
        before = field.text()
        for key in (Qt.Key.Key_1, Qt.Key.Key_7, Qt.Key.Key_Q):
            qtbot.keyClick(field, key, Qt.KeyboardModifier.AltModifier)
        assert field.text() == before, path
    qtbot.keyClick(field, Qt.Key.Key_7)  # typing a digit without Alt still works
    assert field.text().endswith("7")


def test_a_history_date_nobody_entered_shows_as_not_recorded_and_can_be_cleared(qtbot, window, examples):
    """An illness or infection date that is not recorded showed today's date, read as recorded."""
    window.open_path(examples / "urgent-hydrops.json")  # an illness date, no infection date
    editors = window.form.editors
    infection = editors["history.infection_date"].focus_widgets()[0]
    assert window.document.case.get("history.infection_date") is None
    assert infection.text() == "Not recorded"
    assert editors["history.illness_date"].focus_widgets()[0].text() == "2026-04-08"

    window.show()
    infection.setFocus()
    # The calendar opens on this month, not on the stand-in for "none" in 1899.
    qtbot.mouseClick(infection, Qt.MouseButton.LeftButton, pos=QPoint(infection.width() - 6, infection.height() // 2))
    calendar = infection.calendarWidget()
    assert calendar.isVisible()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()
    assert window.document.case.get("history.infection_date") is None  # looking records nothing

    qtbot.keyClicks(infection, "20260320")  # typed from the keyboard, from "Not recorded"
    assert window.document.case.get("history.infection_date") == "2026-03-20"
    qtbot.keyClick(infection, Qt.Key.Key_Delete)
    assert window.document.case.get("history.infection_date") is None and infection.text() == "Not recorded"
    window.document.undo_stack.undo()
    assert window.document.case.get("history.infection_date") == "2026-03-20"


def test_the_clear_button_beside_a_history_date_takes_it_back_to_not_recorded(window, examples):
    """The mouse's way to Delete; the keyboard never stops on it (Delete clears from the date box)."""
    window.open_path(examples / "urgent-hydrops.json")
    editor = window.form.editors["history.illness_date"]
    (clear,) = editor.widget.findChildren(
        QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly
    )  # not the box's own
    assert (clear.text(), clear.accessibleName()) == ("Clear", f"Clear {editor.spec.label}")
    assert clear.focusPolicy() == Qt.FocusPolicy.NoFocus
    clear.click()
    assert window.document.case.get("history.illness_date") is None
    assert editor.focus_widgets()[0].text() == "Not recorded"


def test_a_new_case_starts_with_the_scan_date_today_and_no_history_dates(window):
    case = window.document.case
    assert case.get("exam.date") == dt.date.today().isoformat()
    assert case.get("history.illness_date") is None and case.get("history.infection_date") is None


def test_a_case_without_a_scan_date_shows_none_and_records_the_date_chosen(qtbot, window, examples, tmp_path):
    """A file with no scan date showed today's date over "is required" while the case held none.

    Choosing today in the calendar then recorded nothing: the box already showed that date.
    """
    data = json.loads((examples / "isolated-pending.json").read_text("utf-8"))
    del data["exam"]["date"]
    undated = tmp_path / "undated.json"
    undated.write_text(json.dumps(data), "utf-8")
    window.open_path(undated)
    scan = window.form.editors["exam.date"].focus_widgets()[0]
    assert window.document.case.get("exam.date") is None
    assert scan.text() == "Not recorded"
    focus(qtbot, scan)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Up):
        qtbot.keyClick(scan, key)  # a step from none starts at today; Delete never clears a required date
    assert window.document.case.get("exam.date") == dt.date.today().isoformat()
    qtbot.keyClick(scan, Qt.Key.Key_Delete)
    assert window.document.case.get("exam.date") == dt.date.today().isoformat()
    scan.setDate(QDate(1900, 1, 1))
    qtbot.keyClick(scan, Qt.Key.Key_Down)  # the earliest day is as far as a required date goes
    assert window.document.case.get("exam.date") == "1900-01-01" and scan.text() == "1900-01-01"


def test_delete_in_the_scan_date_changes_nothing(qtbot, window, examples):
    """The scan date is required: Delete recorded 2000-01-01 while the box said "Not recorded"."""
    window.open_path(examples / "urgent-hydrops.json")
    scan = window.form.editors["exam.date"].focus_widgets()[0]
    focus(qtbot, scan)
    qtbot.keyClick(scan, Qt.Key.Key_Delete)
    assert window.document.case.get("exam.date") == "2026-05-06"
    scan.setDate(QDate(1900, 1, 1))  # the earliest scan date is a date, not words
    assert window.document.case.get("exam.date") == "1900-01-01" and scan.text() == "1900-01-01"


def test_a_step_from_no_date_starts_at_today(qtbot, window, examples):
    """The wheel over a focused "Not recorded" date stepped the stand-in day to 2000-12-31."""
    window.open_path(examples / "urgent-hydrops.json")
    infection = window.form.editors["history.infection_date"].focus_widgets()[0]
    focus(qtbot, infection)
    wheel(infection, 1)
    assert window.document.case.get("history.infection_date") == dt.date.today().isoformat()
    qtbot.keyClick(infection, Qt.Key.Key_Delete)
    qtbot.keyClick(infection, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # no step: records nothing
    qtbot.keyClick(infection, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # a shortcut, not a year
    assert window.document.case.get("history.infection_date") is None
    for digit in "2026":  # digits typed with Shift, as on a French keyboard
        qtbot.keyClick(infection, digit, Qt.KeyboardModifier.ShiftModifier)
    assert str(window.document.case.get("history.infection_date")).startswith("2026-")


def test_moving_in_the_calendar_of_no_date_starts_at_today(qtbot, window, examples):
    """An arrow in the calendar of "Not recorded" moved from the stand-in day and recorded 2027-01-01."""
    window.open_path(examples / "urgent-hydrops.json")
    infection = window.form.editors["history.infection_date"].focus_widgets()[0]
    focus(qtbot, infection)
    qtbot.mouseClick(infection, Qt.MouseButton.LeftButton, pos=QPoint(infection.width() - 6, infection.height() // 2))
    assert window.document.case.get("history.infection_date") is None  # opening records nothing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert window.document.case.get("history.infection_date") == (dt.date.today() - dt.timedelta(days=1)).isoformat()


def test_the_outcome_date_starts_not_recorded_and_its_help_says_so(register_windows):
    """The outcome's date box now starts empty; its help still said it started at today's date."""
    outcome = register_windows[-1]
    editor = outcome.form.editors["pregnancy.date"]
    assert editor.value() is None and editor.focus_widgets()[0].text() == "Not recorded"
    assert "today" not in editor.widget.toolTip()


def test_a_later_test_date_from_a_file_is_shown_as_it_is(qtbot, window, examples):
    """A test booked for a later day showed as today's date while the file held the booked day."""
    path = examples / "urgent-hydrops.json"
    data = json.loads(path.read_text("utf-8"))
    booked = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    data["workup"]["fetal-medicine-review-urgent"]["date"] = booked
    path.write_text(json.dumps(data), "utf-8")
    window.open_path(path)
    date = window.panel.rows["fetal-medicine-review-urgent"].date
    assert date.text() == booked and window.document.case.workup["fetal-medicine-review-urgent"].date == booked
    window.open_path(examples / "isolated-pending.json")  # the limit is back for the next case
    assert window.panel.rows["fetal-medicine-review-urgent"].date.maximumDate() == QDate.currentDate()


def test_an_old_case_shows_its_own_dates(qtbot, window, tmp_path, examples):
    """A case file from 1998 (a register's history) showed its scan as 2000-01-01 and its test date as "No date"."""
    data = json.loads((examples / "isolated-pending.json").read_text("utf-8"))
    data["exam"]["date"] = "1998-06-02"
    data["workup"] = {"maternal-infection-serology": {"status": "normal", "date": "1998-06-01"}}
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), "utf-8")
    window.open_path(old)
    assert window.form.editors["exam.date"].focus_widgets()[0].text() == "1998-06-02"
    assert window.document.case.get("exam.date") == "1998-06-02"
    assert window.panel.findChild(QWidget, "date:maternal-infection-serology").text() == "1998-06-01"
