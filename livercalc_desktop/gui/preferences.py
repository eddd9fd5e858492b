"""Clinic details printed on every leaflet, the paper size, and the window's language."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from livercalc_desktop.gui.settings import CLINIC_CONTACT, CLINIC_NAME, ENGLISH_COPY, PAPER, UI_LANGUAGE, AppSettings
from livercalc_desktop.gui.translation import WINDOW_LANGUAGES


class PreferencesDialog(QDialog):
    """Edits the leaflet settings; shown with ``open()`` so it never blocks."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.clinic = QLineEdit(settings.get(CLINIC_NAME))
        self.clinic.setObjectName("clinic_name")
        self.clinic.setAccessibleName("Clinic name")
        self.clinic.setMaxLength(120)
        self.contact = QLineEdit(settings.get(CLINIC_CONTACT))
        self.contact.setObjectName("clinic_contact")
        self.contact.setAccessibleName("Clinic contact line")
        self.contact.setMaxLength(200)
        self.contact.setPlaceholderText("For example: Phone 0100 000 000, Monday to Friday 9:00 to 17:00")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.get(PAPER)), 0))
        self.language = QComboBox()
        self.language.setObjectName("window_language")
        self.language.setAccessibleName("Window language (after a restart)")
        self.language.addItem(self.tr("Follow the system"), "")
        for tag, name in WINDOW_LANGUAGES.items():
            self.language.addItem(name, tag)
        self.language.setCurrentIndex(max(self.language.findData(settings.get(UI_LANGUAGE)), 0))
        self.english_copy = QCheckBox(self.tr("Add the &English version after a translated leaflet"))
        self.english_copy.setObjectName("english_copy")
        self.english_copy.setChecked(settings.get(ENGLISH_COPY))
        form = QFormLayout(self)
        form.addRow(self.tr("&Clinic name"), self.clinic)
        form.addRow(self.tr("Contact &line"), self.contact)
        form.addRow(self.tr("&Paper"), self.paper)
        form.addRow("", self.english_copy)
        form.addRow(self.tr("&Window language (after a restart)"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 160)

    def accept(self) -> None:
        self.settings.set(CLINIC_NAME, self.clinic.text().strip())
        self.settings.set(CLINIC_CONTACT, self.contact.text().strip())
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.settings.set(UI_LANGUAGE, str(self.language.currentData()))
        self.settings.set(ENGLISH_COPY, self.english_copy.isChecked())
        super().accept()
