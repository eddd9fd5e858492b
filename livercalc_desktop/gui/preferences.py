"""The clinic's letterhead (name, address, phone, contact line, logo), paper, theme and window language.

The letterhead prints on both the leaflet and the clinician summary. A logo is checked
when it is chosen (PNG or JPEG, at most 1 MB, sensible pixel size), so a bad file is
named at once rather than at the next print.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from livercalc_desktop.domain.errors import LivercalcError
from livercalc_desktop.gui.dialogs import Dialogs, QtDialogs
from livercalc_desktop.gui.input_guards import install_input_guards
from livercalc_desktop.gui.settings import (
    CLINIC_ADDRESS,
    CLINIC_CONTACT,
    CLINIC_LOGO,
    CLINIC_NAME,
    CLINIC_PHONE,
    ENGLISH_COPY,
    PAPER,
    REGISTER_URL,
    THEME,
    UI_LANGUAGE,
    AppSettings,
)
from livercalc_desktop.gui.themes import THEME_WORDS, apply_theme, theme_of
from livercalc_desktop.gui.translation import WINDOW_LANGUAGES
from livercalc_desktop.leaflet.letterhead import load_logo

ADDRESS_MAX_CHARS = 300


class PreferencesDialog(QDialog):
    """Edits the letterhead and paper; shown with ``open()`` so it never blocks."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, dialogs: Dialogs | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.dialogs: Dialogs = dialogs or QtDialogs()
        self.clinic = QLineEdit(settings.get(CLINIC_NAME))
        self.clinic.setObjectName("clinic_name")
        self.clinic.setAccessibleName(self.tr("Clinic name"))
        self.clinic.setMaxLength(120)
        self.address = QPlainTextEdit(settings.get(CLINIC_ADDRESS))
        self.address.setObjectName("clinic_address")
        self.address.setAccessibleName(self.tr("Clinic address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit(settings.get(CLINIC_PHONE))
        self.phone.setObjectName("clinic_phone")
        self.phone.setAccessibleName(self.tr("Clinic phone"))
        self.phone.setMaxLength(40)
        self.contact = QLineEdit(settings.get(CLINIC_CONTACT))
        self.contact.setObjectName("clinic_contact")
        self.contact.setAccessibleName(self.tr("Clinic contact line"))
        self.contact.setMaxLength(200)
        self.contact.setPlaceholderText(self.tr("For example: Monday to Friday 9:00 to 17:00"))
        self.logo = QLineEdit(settings.get(CLINIC_LOGO))
        self.logo.setObjectName("clinic_logo")
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText(self.tr("No logo"))
        choose = QPushButton(self.tr("&Browse…"))
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("Re&move"))
        remove.clicked.connect(self.logo.clear)
        logo_row = QHBoxLayout()
        for part in (self.logo, choose, remove):
            logo_row.addWidget(part)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.get(PAPER)), 0))
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName(self.tr("Theme"))
        for theme, words in THEME_WORDS.items():
            self.theme.addItem(QCoreApplication.translate("Themes", str(words)), theme.value)
        self.theme.setCurrentIndex(max(self.theme.findData(theme_of(settings.get(THEME)).value), 0))
        self.register_url = QLineEdit(settings.get(REGISTER_URL))
        self.register_url.setObjectName("register_url")
        self.register_url.setAccessibleName(self.tr("Case register database"))
        self.register_url.setPlaceholderText(
            self.tr("Empty: this computer. A department: postgresql://USER@HOST:PORT/DATABASE")
        )
        self.language = QComboBox()
        self.language.setObjectName("window_language")
        self.language.setAccessibleName(self.tr("Window language (after a restart)"))
        self.language.addItem(self.tr("Follow the system"), "")
        for tag, name in WINDOW_LANGUAGES.items():
            self.language.addItem(name, tag)
        self.language.setCurrentIndex(max(self.language.findData(settings.get(UI_LANGUAGE)), 0))
        self.english_copy = QCheckBox(self.tr("Add the &English version after a translated leaflet"))
        self.english_copy.setObjectName("english_copy")
        self.english_copy.setChecked(settings.get(ENGLISH_COPY))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Clinic name"), self.clinic)
        form.addRow(self.tr("A&ddress"), self.address)
        form.addRow(self.tr("P&hone"), self.phone)
        form.addRow(self.tr("Contact &line"), self.contact)
        logo_label = QLabel(self.tr("Lo&go"))  # a row of parts has no buddy of its own: the letter goes to the logo
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow(self.tr("&Paper"), self.paper)
        form.addRow(self.tr("&Theme"), self.theme)
        form.addRow(self.tr("Case &register"), self.register_url)
        form.addRow("", self.english_copy)
        form.addRow(self.tr("&Window language (after a restart)"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 300)
        self.input_guard = install_input_guards(self)

    def choose_logo(self) -> None:
        """Ask for an image through the dialog service and keep it only if it is a usable logo."""
        current = self.logo.text()
        path = self.dialogs.open_image_path(self, str(Path(current).parent) if current else str(Path.home()))
        if path is None:
            return
        try:
            load_logo(path)
        except LivercalcError as exc:
            self.dialogs.error(self, self.tr("Logo not used"), exc.message)
            return
        self.logo.setText(str(path))

    def accept(self) -> None:
        self.settings.set(CLINIC_NAME, self.clinic.text().strip())
        self.settings.set(CLINIC_ADDRESS, self.address.toPlainText().strip()[:ADDRESS_MAX_CHARS])
        self.settings.set(CLINIC_PHONE, self.phone.text().strip())
        self.settings.set(CLINIC_CONTACT, self.contact.text().strip())
        self.settings.set(CLINIC_LOGO, self.logo.text())
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.settings.set(THEME, str(self.theme.currentData()))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme_of(self.settings.get(THEME)))
        self.settings.set(REGISTER_URL, self.register_url.text().strip())
        self.settings.set(UI_LANGUAGE, str(self.language.currentData()))
        self.settings.set(ENGLISH_COPY, self.english_copy.isChecked())
        super().accept()
