"""Typed access to the few things the app remembers between sessions.

Only preferences and window state live here: never a patient's name, a hospital number or
any case content. Recent files are stored as paths only, and file names chosen by default
come from the scan date, so the list carries no names unless a user typed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, QByteArray)
MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class SettingSpec(Generic[T]):
    """A setting's key, type and default."""

    key: str
    type: type[T]
    default: T


GEOMETRY = SettingSpec("ui/geometry", QByteArray, QByteArray())
SPLITTER = SettingSpec("ui/splitter", QByteArray, QByteArray())
LAST_FOLDER = SettingSpec("files/last_folder", str, "")
CLINIC_NAME = SettingSpec("leaflet/clinic_name", str, "")
CLINIC_CONTACT = SettingSpec("leaflet/clinic_contact", str, "")
PAPER = SettingSpec("leaflet/paper", str, "a4")
THEME = SettingSpec("ui/theme", str, "system")  # a Theme value; "system" follows the desktop
CLINIC_ADDRESS = SettingSpec("letterhead/address", str, "")
CLINIC_PHONE = SettingSpec("letterhead/phone", str, "")
CLINIC_LOGO = SettingSpec("letterhead/logo", str, "")
NOTE_ASCII = SettingSpec("summary/note_ascii", bool, False)
REGISTER_URL = SettingSpec("register/url", str, "")  # empty: the register file in the data folder
UI_LANGUAGE = SettingSpec("ui/language", str, "")  # "" follows the system
ENGLISH_COPY = SettingSpec("leaflet/english_copy", bool, False)  # English after a translated leaflet
_RECENT = "files/recent"


class AppSettings:
    """A small typed façade over QSettings, injected wherever settings are needed."""

    def __init__(self, store: QSettings) -> None:
        self._store = store
        self._store.setValue("meta/settings_version", 1)

    def get(self, spec: SettingSpec[T]) -> T:
        """Return the stored value, or the default when missing or of the wrong type."""
        value = self._store.value(spec.key, spec.default)
        if spec.type is bool and isinstance(value, str):  # INI files hand booleans back as text
            value = value.lower() == "true"
        elif spec.type is int and isinstance(value, str) and value.lstrip("-").isdigit():
            value = int(value)
        return value if isinstance(value, spec.type) else spec.default

    def set(self, spec: SettingSpec[T], value: T) -> None:
        self._store.setValue(spec.key, value)

    def recent_files(self) -> list[str]:
        value = self._store.value(_RECENT, [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list) else []

    def add_recent_file(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self._store.setValue(_RECENT, recent[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._store.remove(_RECENT)

    def sync(self) -> None:
        self._store.sync()
