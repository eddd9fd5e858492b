"""Clinic details printed on every leaflet, and the paper size."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from livercalc_desktop.gui.settings import CLINIC_CONTACT, CLINIC_NAME, PAPER, REGISTER_URL, AppSettings


class PreferencesDialog(QDialog):
    """Edits the leaflet settings; shown with ``open()`` so it never blocks."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
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
        self.register_url = QLineEdit(settings.get(REGISTER_URL))
        self.register_url.setObjectName("register_url")
        self.register_url.setAccessibleName("Case register database")
        self.register_url.setPlaceholderText("Empty: this computer. A department: postgresql://USER@HOST:PORT/DATABASE")
        form = QFormLayout(self)
        form.addRow("&Clinic name", self.clinic)
        form.addRow("Contact &line", self.contact)
        form.addRow("&Paper", self.paper)
        form.addRow("Case &register", self.register_url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 160)

    def accept(self) -> None:
        self.settings.set(CLINIC_NAME, self.clinic.text().strip())
        self.settings.set(CLINIC_CONTACT, self.contact.text().strip())
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.settings.set(REGISTER_URL, self.register_url.text().strip())
        super().accept()
