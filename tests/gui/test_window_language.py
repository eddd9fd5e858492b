"""The window follows the system language, a preference overrides it, and the Spanish draft is complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from livercalc_desktop.domain.schema import Choice
from livercalc_desktop.gui.app import application
from livercalc_desktop.gui.audit_view import AuditView
from livercalc_desktop.gui.case_document import CaseDocument
from livercalc_desktop.gui.cases_view import CasesView
from livercalc_desktop.gui.field_editors import language_item
from livercalc_desktop.gui.findings_form import FieldLabel, FindingsForm
from livercalc_desktop.gui.main_window import MainWindow
from livercalc_desktop.gui.outcome_form import OutcomeForm
from livercalc_desktop.gui.preferences import PreferencesDialog
from livercalc_desktop.gui.settings import ENGLISH_COPY, UI_LANGUAGE
from livercalc_desktop.gui.translation import WINDOW_LANGUAGES, install_translators, window_labels, window_language
from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway
from livercalc_desktop.knowledge.text_translations import leaflet_languages, read_translation
from livercalc_desktop.knowledge.window_labels import load_window_labels, outcome_schema, window_report, window_sources
from livercalc_desktop.register.audit import ALL, CASES, URGENT, WITH_OUTCOME, AuditRow, AuditTable
from livercalc_desktop.resources import resources_root
from tests.conftest import run_app

pytestmark = pytest.mark.gui
TRANSLATIONS = resources_root() / "translations"
PATHWAY = bundled_pathway_folder()
GUI = Path(__file__).resolve().parents[2] / "livercalc_desktop" / "gui"
TRANSLATED = sorted(GUI.glob("*.py"))  # every module of the window


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
        assert menus == ["&Archivo", "&Edición", "&Registro", "Ay&uda"]
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
    messages = list(root.iter("message"))
    assert len(messages) > 200  # menus, form, panel, dialogs, register, printing, crash report
    unfinished = []
    for message in messages:
        translation = message.find("translation")
        if translation is None or not translation.text or translation.get("type") in ("unfinished", "vanished"):
            unfinished.append(message.findtext("source"))
    assert unfinished == []
    english = ET.parse(TRANSLATIONS / "livercalc_en.ts").getroot()
    sources = sorted(m.findtext("source") or "" for m in messages)
    assert sorted(m.findtext("source") or "" for m in english.iter("message")) == sources
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    built = tmp_path / "es.qm"
    subprocess.run([tool, TRANSLATIONS / "livercalc_es.ts", "-qm", built], check=True, capture_output=True)
    assert built.read_bytes() == (TRANSLATIONS / "livercalc_es.qm").read_bytes()


def test_every_marked_window_string_is_in_the_english_source(tmp_path):
    source = tmp_path / "livercalc_en.ts"
    shutil.copy(TRANSLATIONS / "livercalc_en.ts", source)
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    result = subprocess.run(
        [tool, "-locations", "none", *TRANSLATED, "-ts", source], check=True, capture_output=True, text=True
    )
    assert "(0 new and" in result.stdout + result.stderr


# --- the whole window in Spanish ------------------------------------------------------------

# Shown in English on purpose, and said so in the panel: the reasons, their facts and references,
# and each checklist item's basis are clinical statements reviewed in English.
SHOWN_IN_ENGLISH = frozenset({"reason", "fact", "reference", "basis"})
DEMOS = ("isolated-pending", "urgent-hydrops", "abnormal-result", "survey-incomplete", "peritoneal-complex")
# Words that are never Spanish: a user-visible string holding one of them was not translated.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|with|not|none|seen|recorded|required|must|case|scan|date|test|leaflet|save|open|"
    r"edit|help|file|print|cancel|yes|why|level|flags|result|note|clear|status|outcome|search)\b",
    re.IGNORECASE,
)


def _item_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractSpinBox):
        texts += [widget.specialValueText(), getattr(widget, "suffix", str)()]
    if isinstance(widget, QTableWidget):
        headers = (widget.horizontalHeaderItem(i) for i in range(widget.columnCount()))
        texts += [h.text() for h in headers if h is not None]
    if isinstance(widget, QMenu):
        texts.append(widget.title())
    for action in widget.actions():
        texts += [action.text(), action.toolTip()]
    return texts


def visible_texts(root: QWidget) -> set[str]:
    """Every text a user can see or hear in ``root``: labels, titles, tooltips, placeholders, items, menus."""
    texts: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property("role") in SHOWN_IN_ENGLISH:
            continue
        texts.update(t.replace("&", "").strip() for t in _item_texts(widget) if re.search("[A-Za-z]{2}", t))
    # File names and paths are names, not words (recent files, the window title).
    return {t for t in texts if ".json" not in t}


def _same_in_both() -> set[str]:
    """Translations that are the English on purpose (CMV, MoM, Normal, No...): listed in the files for review."""
    pathway = load_pathway(PATHWAY)
    english = window_sources(pathway)
    entries = read_translation(PATHWAY / "window.es.toml").entries
    same = {english[path] for path, entry in entries.items() if entry.text == english.get(path)}
    root = ET.parse(TRANSLATIONS / "livercalc_es.ts").getroot()
    same |= {
        m.findtext("source") or "" for m in root.iter("message") if m.findtext("source") == m.findtext("translation")
    }
    # Names: the app's, each window language in its own words, the language tag placeholder, and
    # the leaflet languages in their own words (the patient's language, whatever the window's).
    names = {"LiverCalc Desktop", "en", *WINDOW_LANGUAGES.values(), *map(language_item, leaflet_languages(PATHWAY))}
    return {t.replace("&", "") for t in same} | names


def _walk(qtbot, pathway, settings, dialogs, examples) -> set[str]:
    """Build the window, Preferences, the register's views and the preview; show demos and problems; collect texts."""
    window = MainWindow(CaseDocument(pathway), settings, dialogs)
    qtbot.addWidget(window)
    window.show()
    texts = visible_texts(window)  # a new case: every required finding missing
    for demo in DEMOS:
        window.open_path(examples / f"{demo}.json")
        window.panel.rows["amniocentesis-cma"].record()  # the date and note editors of a recorded test
        texts |= visible_texts(window)
    document = window.document
    document.set_value("exam.date", "2026-01-10")
    document.set_value("history.illness_date", "2026-02-01")  # after the scan
    document.set_value("exam.pregnancy", "singleton")
    document.set_value("exam.fetus", "A")  # only for twins
    texts |= visible_texts(window)
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        texts |= visible_texts(menu)
    preferences = PreferencesDialog(settings, window)
    qtbot.addWidget(preferences)
    texts |= visible_texts(preferences)
    categories = [(c.id, window_labels(pathway).category(c.id, c.label)) for c in pathway.kb.categories]
    cases = CasesView(categories)
    qtbot.addWidget(cases)
    texts |= visible_texts(cases)
    outcome = outcome_schema(pathway.folder)
    assert outcome is not None
    groups = outcome.field("diagnosis.groups")
    assert groups is not None
    audit = AuditView(None, window_labels(pathway), groups)
    qtbot.addWidget(audit)
    columns = (Choice(CASES, "Cases"), Choice(WITH_OUTCOME, "Outcome recorded"), *groups.choices)
    rows = [(c.id, c.label) for c in pathway.kb.categories] + [(URGENT, "Urgent (any category)"), (ALL, "All cases")]
    counts = {c.value: 1 for c in columns}
    audit.show_table(AuditTable(None, None, columns, tuple(AuditRow(key, label, counts) for key, label in rows)))
    texts |= visible_texts(audit) | {audit.grid.verticalHeaderItem(i).text() for i in range(len(rows))}
    form = OutcomeForm(outcome, 7, lambda _text: None, None, window_labels(pathway).for_outcome())
    qtbot.addWidget(form)
    texts |= visible_texts(form)
    window.open_path(examples / "isolated-pending.json")
    texts |= visible_texts(window.show_leaflet())
    document.undo_stack.setClean()
    return texts


def test_the_spanish_window_shows_no_english(qtbot, pathway, settings, dialogs, examples):
    english = _walk(qtbot, pathway, settings, dialogs, examples)
    app = application()
    translators = install_translators(app, "es")
    try:
        spanish = _walk(qtbot, pathway, settings, dialogs, examples)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translators(app, "en")
    assert len(spanish) > 350
    allowed = _same_in_both()
    assert sorted((spanish & english) - allowed) == []
    with_english_words = sorted(t for t in spanish - allowed if ENGLISH_WORDS.search(t))
    assert with_english_words == []
    # The problems were shown, in Spanish, and the panel says the reasons stay in English.
    assert {"Fecha de la ecografía", "Inicio de los síntomas", "Desenlace del embarazo", "Nacido vivo"} <= spanish
    assert {"Todos los casos", "Infección congénita", "Ecografías desde el primer caso hasta el último caso"} <= spanish
    assert any(t.startswith("no puede ser posterior a «fecha de la ecografía»") for t in spanish)
    assert any("solo se puede registrar si «embarazo» es" in t for t in spanish)
    assert any(t.startswith("Los motivos, las bases de la lista de estudios y sus referencias") for t in spanish)


def _row_fields(form: FindingsForm) -> list[tuple[str, str]]:
    """Each row label's words (no letter mark, no "*") with the field path its letter jumps to."""
    rows = []
    for label in form.findChildren(FieldLabel):
        widget: QWidget | None = label.buddy()
        while widget is not None and widget.objectName().split(":")[0] not in form.editors:
            widget = widget.parentWidget()
        assert widget is not None, label.text()
        rows.append((label.text().replace("&", "").removesuffix(" *"), widget.objectName().split(":")[0]))
    return rows


# Rows holding several fields, named by the first one: they show its label up to the first comma.
SHARED_ROWS = {"exam.gestational_age.weeks"}  # "Gestational age, weeks" and ", days" on one row


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_every_row_label_says_all_its_field_label_says(qtbot, window, pathway, language):
    """A row shows its field's whole label; only a shared row is cut at its first comma.

    Cutting every label at a comma showed "Fever, rash or flu-like illness this pregnancy" as
    "Fever": a sonographer would answer a different question. A translation must not lose words
    either ("Ingreso en UCI, neonatal" would have shown "Ingreso en UCI").
    """
    outcome = outcome_schema(pathway.folder)
    assert outcome is not None
    labels = window_labels(pathway)
    outcome_form = OutcomeForm(outcome, 7, lambda _text: None, None, labels.for_outcome())
    qtbot.addWidget(outcome_form)
    forms = [(window.form, pathway.schema, labels), (outcome_form.form, outcome, labels.for_outcome())]
    checked = 0
    for form, schema, words in forms:
        for shown, path in _row_fields(form):
            spec = schema.field(path)
            assert spec is not None, path
            whole = words.field(spec)
            assert shown == (whole.split(",")[0] if path in SHARED_ROWS else whole), path
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_every_checklist_badge_fits_its_word(window, examples, language):
    """The priority badges share one width and never wrap: the longest word must fit, in each language.

    "Not indicated" (a status the scan implies, for an item no rule asks for) and Spanish
    "Registrado" and "Considerar" were cut at the English width.
    """
    window.open_path(examples / "isolated-reassuring.json")
    window.document.set_value("findings.mca_psv_mom", 1.0)  # a normal MCA Doppler the rules did not ask for
    rows = window.panel.rows
    dimmed = next(row for item, row in rows.items() if item != "mca-doppler" and row.priority.text() == "—")
    dimmed.status.setCurrentIndex(1)  # a status recorded for an item the rules did not ask for
    badges = {row.priority.text(): row.priority for row in rows.values()}
    assert len(badges) == 6, sorted(badges)  # do, offer, consider, recorded, not indicated, and "—"
    for text, badge in badges.items():
        assert badge.fontMetrics().horizontalAdvance(text) <= badge.contentsRect().width(), text
    window.document.undo_stack.setClean()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_every_spanish_menu_has_unique_mnemonics(window, language):
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        texts = [a.text() for a in menu.actions() if a.text()]
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(letters) == len(set(letters)), texts
        assert all(letter.isascii() for letter in letters), texts


def test_a_changed_english_label_shows_in_english_and_is_reported_stale(qtbot, tmp_path, settings, dialogs):
    folder = tmp_path / "pathway"
    shutil.copytree(PATHWAY, folder)
    schema = folder / "case-schema.toml"
    changed = schema.read_text("utf-8").replace('label = "Compartment"', 'label = "Where the spot is"')
    schema.write_text(changed, "utf-8")
    pathway = load_pathway(folder)
    labels = load_window_labels(folder, "es")
    spec = pathway.schema.field("lesion.compartment")
    assert spec is not None
    assert labels.field(spec) == "Where the spot is"  # stale: the English, never the old translation
    assert labels.choice(spec, "mixed") == "Mixta"  # the rest of the field is still current
    app = application()
    translators = install_translators(app, "es")
    try:
        window = MainWindow(CaseDocument(pathway), settings, dialogs)
        qtbot.addWidget(window)
        rows = [label.text().replace("&", "") for label in window.form.findChildren(QLabel)]
        assert "Where the spot is" in rows and "Localización" not in rows and "Lóbulo" in rows
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translators(app, "en")
    status = run_app("translations", "--folder", str(folder), "status")
    assert status.returncode == 0
    window_rows = status.stdout.split("Window labels")[1].splitlines()
    row = next(line.split() for line in window_rows if line.startswith("es "))
    assert row[:5] == ["es", "draft", str(len(window_sources(pathway))), "0", "1"]
    assert "es: fields.lesion.compartment.label (shown in English until translated again)" in status.stdout


def test_the_shipped_window_labels_are_complete_current_and_draft(pathway):
    translation = read_translation(PATHWAY / "window.es.toml")
    report = window_report(pathway, translation)
    assert report.complete and not report.unknown
    assert translation.is_draft and "not a qualified medical translator" in translation.translator


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_preferences_letters_are_unique_and_never_shown_as_ampersands(qtbot, settings, language):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert labels and all(label.buddy() is not None for label in labels)  # without a buddy Qt shows the "&"
    texts = [label.text() for label in labels]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton) if "&" in button.text()]
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(letters) == len(set(letters)), texts


def test_the_app_follows_a_spanish_system_end_to_end(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "LANG": "es_ES.UTF-8", "LANGUAGE": "es"}
    result = run_app("--self-test", env_extra=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout and "badge='Aislada, pruebas pendientes'" in result.stdout


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_a_draft_window_translation_is_said_in_the_status_bar_in_its_language(window, language):
    shown = [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisibleTo(window)]
    # The knowledge-base line may say "draft" too (about the clinical content): look for the window's words.
    draft = [text for text in shown if "traducción en borrador" in text or "draft translation" in text]
    if language == "es":  # window.es.toml is a draft today
        assert len(draft) == 1 and "traducción en borrador" in draft[0], shown
    else:
        assert draft == [], shown


@pytest.mark.parametrize(
    ("language", "one", "four"), [("en", "1 day", "4 days"), ("es", "1 día", "4 días")], indirect=["language"]
)
def test_a_number_box_says_its_unit_in_the_singular_after_one(window, language, one, four):
    """The gestational age read "23 weeks 1 days" ("1 días" in Spanish)."""
    days = window.form.editors["exam.gestational_age.days"].focus_widgets()[0]
    days.setValue(1)
    assert days.text() == one and window.document.case.get("exam.gestational_age.days") == 1
    days.setValue(4)
    assert days.text() == four
