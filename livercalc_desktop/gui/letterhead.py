"""The letterhead as the preferences hold it, for every printed document."""

from __future__ import annotations

from pathlib import Path

from livercalc_desktop.gui.settings import (
    CLINIC_ADDRESS,
    CLINIC_CONTACT,
    CLINIC_LOGO,
    CLINIC_NAME,
    CLINIC_PHONE,
    AppSettings,
)
from livercalc_desktop.leaflet.letterhead import ClinicDetails, load_logo


def clinic_from_settings(settings: AppSettings) -> ClinicDetails:
    """Return the clinic's letterhead; a logo file that went missing or bad raises ``LeafletError``."""
    logo = settings.get(CLINIC_LOGO)
    return ClinicDetails(
        name=settings.get(CLINIC_NAME),
        contact=settings.get(CLINIC_CONTACT),
        address=settings.get(CLINIC_ADDRESS),
        phone=settings.get(CLINIC_PHONE),
        logo=load_logo(Path(logo)) if logo else None,
    )
