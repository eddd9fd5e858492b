"""The window, the preview, the preferences and the register's windows fit a 1366x768 screen at 100/125/150 %."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.gui

PROBE = Path(__file__).with_name("screen_probe.py")


def probe(
    tmp_path: Path, scale: str, width: int = 1366, height: int = 768, language: str = "en"
) -> dict[str, list[int]]:
    """Run the probe on an offscreen screen of the given size and scale."""
    config = tmp_path / "screen.json"
    screen = {"name": "desk", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}))
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
    }
    result = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path / "settings.ini"), language],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, list[int]] = json.loads(result.stdout.splitlines()[-1])
    return data


def inside(outer: list[int], inner: list[int]) -> bool:
    ox, oy, ow, oh = outer
    x, y, w, h = inner
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_everything_fits_a_1366_by_768_screen(tmp_path, scale, language):
    seen = probe(tmp_path, scale, language=language)
    screen = seen["screen"]
    for name in ("window", "preview", "preview_with_message", "preferences", "cases", "audit", "outcome"):
        assert inside(screen, seen[name]), f"{name} {seen[name]} runs off the screen {screen}"
    assert seen["preview_message"]
    # The form and the panel are never wider than their scroll areas, wherever the splitter is.
    assert seen["cut_sideways"] == [0] * 6
    assert seen["outcome_sideways"] == [0]
