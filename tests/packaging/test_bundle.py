"""Build the bundle and use it as a clinic PC would: no venv, no project, no network."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "livercalc-desktop" / "livercalc-desktop"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _offline(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run in an empty environment, in a new network namespace when the machine allows it."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    prefix = ["unshare", "-n"] if shutil.which("unshare") and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True, check=False
    ).returncode == 0 else []  # fmt: skip
    return subprocess.run([*prefix, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def bundle() -> Path:
    if importlib_missing("PyInstaller"):
        pytest.fail("PyInstaller is not installed: run `python3 tasks.py test`, which installs the dev extras")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True, cwd=ROOT, timeout=900)
    return BUNDLE


def importlib_missing(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is None


def test_bundle_runs_offline_without_the_project(bundle, tmp_path):
    from livercalc_desktop import __version__

    version = _offline([str(bundle), "--version"], tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith(f"livercalc-desktop {__version__} (knowledge base ")
    case = tmp_path / "case.json"
    shutil.copy(ROOT / "resources" / "examples" / "abnormal-result.json", case)
    export = _offline([str(bundle), "export", str(case), "-o", str(tmp_path / "leaflet.pdf")], tmp_path)
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "leaflet.pdf").read_bytes().startswith(b"%PDF")
    for language in ("es-MX", "zh-CN", "ar"):  # CLDR data for the translated leaflets is bundled
        data = json.loads(case.read_text("utf-8"))
        data["patient"]["language"] = language
        translated = tmp_path / f"{language}.json"
        translated.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        result = _offline([str(bundle), "export", str(translated), "-o", str(tmp_path / f"{language}.pdf")], tmp_path)
        assert result.returncode == 0, result.stderr
    # Pillow is trimmed to what reads a clinic's logo: PNG on the leaflet, JPEG on the summary.
    for kind, command in (("PNG", "export"), ("JPEG", "summary")):
        logo = tmp_path / f"logo.{kind.lower()}"
        Image.new("RGB", (90, 30), (30, 95, 116)).save(logo, kind)
        out = tmp_path / f"{command}-with-logo.pdf"
        result = _offline([str(bundle), command, str(case), "-o", str(out), "--logo", str(logo)], tmp_path)
        assert result.returncode == 0, result.stderr
        assert b"/Subtype /Image" in out.read_bytes()
    bad = _offline([str(bundle), "export", str(case), "-o", str(tmp_path / "no" / "x.pdf")], tmp_path)
    assert bad.returncode == 2 and "cannot write" in bad.stderr
    register = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    added = _offline([str(bundle), "register", "--database", register, "add", str(case)], tmp_path)
    assert added.returncode == 0 and added.stdout.startswith("added case 1"), added.stderr
    listed = _offline([str(bundle), "register", "--database", register, "list"], tmp_path)
    assert listed.returncode == 0 and listed.stdout.endswith("1 case(s)\n"), listed.stderr
    selftest = _offline([str(bundle), "--self-test"], tmp_path)
    assert selftest.returncode == 0, selftest.stderr
    assert "self-test ok" in selftest.stdout


def test_bundle_is_small_enough_and_carries_its_data(bundle):
    folder = bundle.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    # 179 MiB on Linux: stripping symbols saved 37 MiB, Pillow's unused codecs and Qt's
    # embedded-device plugins 12 MiB. The largest parts left are Qt's ICU data (31 MiB, which
    # Qt Core links), Qt itself, libpq with its TLS and Kerberos libraries (psycopg-binary,
    # 10 MiB), SQLAlchemy and the fonts for every script a name can hold.
    assert size <= 185, f"bundle is {size:.0f} MiB"
    resources = folder / "_internal" / "livercalc_desktop" / "_resources"
    assert (resources / "pathways" / "fetal-liver-calcification" / "knowledge-base.toml").exists()
    assert (resources / "fonts" / "OFL-1.1.txt").exists()
    assert (folder / "_internal" / "livercalc_desktop" / "register" / "migrations" / "env.py").exists()
    assert not list(folder.rglob("libQt6WebEngine*")) and not list(folder.rglob("libQt6Quick*"))
    assert list((ROOT / "dist").glob("livercalc-desktop-*-linux-*.tar.gz"))
