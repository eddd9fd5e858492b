"""GUI start-up against a bare PySide6 window, peak memory, and edit-to-repaint time."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import time

from benchmarks.common import (
    EXAMPLES,
    PY,
    ROOT,
    median_seconds,
    peak_child_rss_mib,
    process_cpu_seconds,
    process_seconds,
)

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow, QLabel\n"
    "app = QApplication([]); w = QMainWindow(); w.setCentralWidget(QLabel('x')); w.show()\n"
    "app.processEvents(); w.grab()\n"
)
# Print the system-wide monotonic clock once the window has painted, as main() builds it.
_PAINTED = "import time; print(time.monotonic())\n"
BARE_FIRST_PAINT = BARE_WINDOW + _PAINTED
# The window's start as main() builds it (__main__ pauses the collector until the window is built).
APP_FIRST_PAINT = (
    "import gc, tempfile\n"
    "gc.disable()\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QSettings\n"
    "from livercalc_desktop.gui import app as gui_app\n"
    "from livercalc_desktop.gui.dialogs import QtDialogs\n"
    "from livercalc_desktop.gui.settings import AppSettings\n"
    "from livercalc_desktop.resources import resources_root\n"
    "app = gui_app.application()\n"
    "folder = Path(tempfile.mkdtemp())\n"
    "settings = AppSettings(QSettings(str(folder / 's.ini'), QSettings.Format.IniFormat))\n"
    "session = gui_app.Session(gui_app.bundled_pathway(), settings, QtDialogs(), folder)\n"
    "gui_app.settle_start_up()\n"
    "session.window.open_path(resources_root() / 'examples' / gui_app.SELF_TEST_CASE)\n"
    "session.window.show(); app.processEvents(); session.window.grab()\n" + _PAINTED
)
# The floor under both: the bare window, in a process that first imports what the app's window
# imports (our modules, and the Qt types and enums they name), with nothing of ours built; the
# collector is paused, then the imports frozen, as main() does.
IMPORT_FLOOR = (
    "import gc\ngc.disable()\nfrom livercalc_desktop.gui import app as gui_app\ngui_app.settle_start_up()\n"
    + BARE_FIRST_PAINT
)
# What a user sees first: the window with a new, empty case.
APP_FIRST_PAINT_NEW_CASE = APP_FIRST_PAINT.replace(
    "session.window.open_path(resources_root() / 'examples' / gui_app.SELF_TEST_CASE)\n", ""
)


def first_paint_seconds(code: str, repeat: int = 7) -> float:
    """Median time from starting a child interpreter to its window's first paint."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(repeat + 1):
        start = time.monotonic()
        done = subprocess.run([PY, "-c", code], check=True, env=env, capture_output=True, text=True)
        times.append(float(done.stdout.split()[-1]) - start)
    return statistics.median(times[1:])  # the first run only warms the file cache


def installed_like() -> None:
    """Compile the package as pip and PyInstaller do, so no run pays for compiling our source.

    The bare PySide6 window loads PySide6's compiled files; without this (PYTHONDONTWRITEBYTECODE
    is set on developer machines) the app alone would recompile ~70 modules on every start.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "livercalc_desktop", quiet=1)


def edit_to_repaint_ms(
    path: str = "findings.structural", values: tuple[object, object] = (("heart",), None), forced: bool = False
) -> float:
    """Median time from a committed edit to the panel repainted (default: an edit that flips the category).

    The edit is timed until the window has handled its events: laid out and painted once, as
    the user sees it (an edit that changes nothing on screen paints nothing). ``forced`` is the
    first version of this measure, which also painted the panel before its layout was updated
    (``repaint()`` then the events): kept to compare with figures measured that way.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from livercalc_desktop.gui.app import application
    from livercalc_desktop.gui.case_document import CaseDocument
    from livercalc_desktop.gui.dialogs import QtDialogs
    from livercalc_desktop.gui.main_window import MainWindow
    from livercalc_desktop.gui.settings import AppSettings
    from livercalc_desktop.knowledge.pathway import bundled_pathway_folder, load_pathway

    application()
    window = MainWindow(
        CaseDocument(load_pathway(bundled_pathway_folder())),
        AppSettings(QSettings("/tmp/bench.ini", QSettings.Format.IniFormat)),
        QtDialogs(),
    )
    window.open_path(EXAMPLES / "isolated-pending.json")
    window.show()
    QApplication.processEvents()
    cycle = iter(list(values) * 200)

    def edit() -> None:
        window.document.set_value(path, next(cycle))  # type: ignore[arg-type]
        if forced:
            window.panel.repaint()
        QApplication.processEvents()

    window.document.undo_stack.setClean()
    return median_seconds(edit, 200) * 1000


def main() -> None:
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        uncompiled = process_seconds([PY, "-m", "livercalc_desktop", "--self-test"], env_extra=offscreen)
        bare = process_seconds([PY, "-c", BARE_WINDOW], env_extra=offscreen)
        print(f"source not compiled (PYTHONDONTWRITEBYTECODE): --self-test {uncompiled / bare:.2f}x a bare window")
    installed_like()
    bare = process_seconds([PY, "-c", BARE_WINDOW], env_extra=offscreen)
    bare_rss = peak_child_rss_mib()
    app = process_seconds([PY, "-m", "livercalc_desktop", "--self-test"], env_extra=offscreen)
    app_rss = peak_child_rss_mib()
    print(
        f"process: bare PySide6 window {bare * 1000:.0f} ms; --self-test {app * 1000:.0f} ms; ratio {app / bare:.2f}x"
    )
    bare_paint = first_paint_seconds(BARE_FIRST_PAINT)
    app_paint, new_paint = first_paint_seconds(APP_FIRST_PAINT), first_paint_seconds(APP_FIRST_PAINT_NEW_CASE)
    print(
        f"first paint: bare PySide6 window {bare_paint * 1000:.0f} ms; app with the demo case "
        f"{app_paint * 1000:.0f} ms ({app_paint / bare_paint:.2f}x); app with a new case "
        f"{new_paint * 1000:.0f} ms ({new_paint / bare_paint:.2f}x)"
    )
    floor_paint = first_paint_seconds(IMPORT_FLOOR)
    print(
        f"floor (the bare window after importing the window's modules, nothing of ours built): first paint "
        f"{floor_paint * 1000:.0f} ms ({floor_paint / bare_paint:.2f}x)"
    )
    print(f"peak memory (largest child so far): bare {bare_rss:.0f} MiB; with self-test {app_rss:.0f} MiB")
    bare_cpu = process_cpu_seconds([PY, "-c", BARE_FIRST_PAINT], env_extra=offscreen)
    app_cpu = process_cpu_seconds([PY, "-m", "livercalc_desktop", "--self-test"], env_extra=offscreen)
    new_cpu = process_cpu_seconds([PY, "-c", APP_FIRST_PAINT_NEW_CASE], env_extra=offscreen)
    floor_cpu = process_cpu_seconds([PY, "-c", IMPORT_FLOOR], env_extra=offscreen)
    print(
        f"CPU time (steadier on a shared machine): bare PySide6 window {bare_cpu * 1000:.0f} ms; --self-test "
        f"{app_cpu / bare_cpu:.2f}x; app painted with a new case {new_cpu / bare_cpu:.2f}x; "
        f"floor {floor_cpu / bare_cpu:.2f}x"
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    flip = edit_to_repaint_ms()
    # Same category, but a fact under the reason changes ("Gestational age, weeks: 21 weeks (≥ 18)").
    plain = edit_to_repaint_ms("exam.gestational_age.weeks", (21, 22))
    forced_flip = edit_to_repaint_ms(forced=True)
    took = time.perf_counter() - start
    print(
        f"edit to panel repaint: median {plain:.1f} ms (same category), {flip:.1f} ms (category flips); "
        f"{forced_flip:.1f} ms (category flips, forced paint before layout as first measured); {took:.1f} s"
    )


if __name__ == "__main__":
    main()
