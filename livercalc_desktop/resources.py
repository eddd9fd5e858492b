"""One place that knows where the bundled data lives.

The same lookup works from a source checkout (``resources/`` beside the package), from an
installed wheel and from a PyInstaller bundle (both map the folder to
``livercalc_desktop/_resources``), so no caller ever branches on how it was installed.
"""

from __future__ import annotations

from pathlib import Path


def resources_root() -> Path:
    """Return the folder that holds the knowledge base, fonts and examples."""
    package_dir = Path(__file__).resolve().parent
    bundled = package_dir / "_resources"
    if bundled.is_dir():
        return bundled
    return package_dir.parent / "resources"
