"""Build the offline bundle for this platform: ``python packaging/build.py``.

Runs PyInstaller with ``packaging/pyinstaller/livercalc.spec`` into ``dist/livercalc-desktop/``
and, on Linux, packs a tarball with the bundle, a .desktop file, the icon and an install
script. Run it inside the project's environment (``.venv``) with the ``packaging`` extra.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "livercalc-desktop"
APP_ID = "org.livercalc.LiverCalcDesktop"
# Qt pieces PyInstaller's hooks still collect but the app never loads: the virtual keyboard
# input plugin (which drags in QML and Quick), QML itself, and Qt's own translations.
PRUNE = (
    "translations",
    "qml",
    "libexec",
    "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "lib/libQt6VirtualKeyboard*",
    "lib/libQt6Qml*",
    "lib/libQt6Quick*",
)


def version() -> str:
    """Read the version from the package, so the bundle and the app never disagree."""
    namespace: dict[str, str] = {}
    exec((ROOT / "livercalc_desktop" / "__init__.py").read_text("utf-8"), namespace)
    return namespace["__version__"]


def prune(bundle: Path) -> None:
    qt = next(bundle.rglob("PySide6/Qt"), None)
    if qt is None:
        return
    for pattern in PRUNE:
        for path in qt.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    # PyInstaller links some Qt libraries from the top of the bundle; drop links left dangling.
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def build_bundle() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
         "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "packaging" / "pyinstaller" / "livercalc.spec")],
        check=True,
    )  # fmt: skip
    prune(BUNDLE)
    return BUNDLE


def linux_tarball(bundle: Path) -> Path:
    archive = DIST / f"livercalc-desktop-{version()}-linux-{_machine()}.tar.gz"
    linux = ROOT / "packaging" / "linux"
    with tarfile.open(archive, "w:gz") as tar:
        top = f"livercalc-desktop-{version()}"
        tar.add(bundle, arcname=f"{top}/livercalc-desktop")
        tar.add(linux / f"{APP_ID}.desktop", arcname=f"{top}/{APP_ID}.desktop")
        tar.add(ROOT / "resources" / "icons" / "livercalc.svg", arcname=f"{top}/{APP_ID}.svg")
        tar.add(linux / "install.sh", arcname=f"{top}/install.sh")
    return archive


def _machine() -> str:
    import platform

    return platform.machine() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-archive", action="store_true", help="build the bundle folder only")
    args = parser.parse_args()
    bundle = build_bundle()
    print(f"bundle: {bundle} ({size_mib(bundle):.0f} MiB), version {version()}")
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = linux_tarball(bundle)
        print(f"archive: {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
