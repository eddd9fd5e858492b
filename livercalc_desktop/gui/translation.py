"""The window's language: the system's, unless the user chose one in Preferences.

The window's words are marked with ``tr()``; ``resources/translations/livercalc_<lang>.ts``
holds their translations (Qt Linguist format, made and updated with ``pyside6-lupdate``),
compiled to ``.qm`` with ``pyside6-lrelease`` (both ship in the PySide6 wheel). Qt's own
dialog buttons come from ``qtbase_<lang>.qm`` in the PySide6 wheel. A language with no
window translation shows the English source. This is separate from the leaflet's language,
which is the patient's and is recorded in the case.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livercalc_desktop.resources import resources_root

SOURCE = "en"
# Languages with a window translation, and how the Preferences list names them.
WINDOW_LANGUAGES = {"en": "English", "es": "Español (draft translation)"}


def window_language(preference: str, system: QLocale | None = None) -> str:
    """Return the window language: the preference if it is one we have, else the system's, else English."""
    if preference in WINDOW_LANGUAGES:
        return preference
    for name in (system or QLocale.system()).uiLanguages():
        base = name.replace("_", "-").split("-")[0].lower()
        if base in WINDOW_LANGUAGES:
            return base
    return SOURCE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the window's and Qt's own translations; keep the result alive."""
    installed: list[QTranslator] = []
    if language == SOURCE:
        return installed
    folders = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("livercalc", str(resources_root() / "translations")),
    )
    for name, folder in folders:
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
