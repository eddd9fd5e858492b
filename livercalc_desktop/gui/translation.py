"""The window's language: the system's, unless the user chose one in Preferences.

The window's words are marked with ``tr()``; ``resources/translations/livercalc_<lang>.ts``
holds their translations (Qt Linguist format, made and updated with ``pyside6-lupdate``),
compiled to ``.qm`` with ``pyside6-lrelease`` (both ship in the PySide6 wheel). Qt's own
dialog buttons come from ``qtbase_<lang>.qm`` in the PySide6 wheel. A language with no
window translation shows the English source. This is separate from the leaflet's language,
which is the patient's and is recorded in the case.

The labels that come from the pathway's data (the form's fields and choices, the panel's
categories, flags and checklist items) are translated in ``window.<lang>.toml`` beside the
schema, not in the .ts files: see ``knowledge.window_labels``. ``window_labels`` returns them
for the language installed last.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livercalc_desktop.knowledge.pathway import Pathway
from livercalc_desktop.knowledge.window_labels import WindowLabels, load_window_labels
from livercalc_desktop.resources import resources_root

SOURCE = "en"
# Languages with a window translation, named in their own language (as language lists do).
WINDOW_LANGUAGES = {"en": "English", "es": "Español (traducción en borrador)"}
_installed = {"language": SOURCE}


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
    _installed["language"] = language
    # Numbers in the widgets follow the window language (2,5 mm in Spanish); English keeps the system's.
    QLocale.setDefault(QLocale.system() if language == SOURCE else QLocale(language))
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


def current_language() -> str:
    """Return the window language installed last (English until ``install_translators`` says otherwise)."""
    return _installed["language"]


def window_labels(pathway: Pathway) -> WindowLabels:
    """Return the window's words for the pathway's labels, in the installed language."""
    return _labels(pathway.folder, current_language())


@functools.cache
def _labels(folder: Path, language: str) -> WindowLabels:
    return load_window_labels(folder, language)
