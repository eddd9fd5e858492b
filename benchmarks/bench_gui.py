"""GUI start-up against a bare PySide6 window, peak memory, and edit-to-repaint time."""

from __future__ import annotations

import os
import time

from benchmarks.common import EXAMPLES, PY, median_seconds, peak_child_rss_mib, process_seconds

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow, QLabel\n"
    "app = QApplication([]); w = QMainWindow(); w.setCentralWidget(QLabel('x')); w.show()\n"
    "app.processEvents(); w.grab()\n"
)


def edit_to_repaint_ms(path: str = "findings.structural", values: tuple[object, object] = (("heart",), None)) -> float:
    """Median time from a committed edit to the panel repainted (default: an edit that flips the category)."""
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
        window.panel.repaint()
        QApplication.processEvents()

    window.document.undo_stack.setClean()
    return median_seconds(edit, 200) * 1000


def main() -> None:
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    bare = process_seconds([PY, "-c", BARE_WINDOW], env_extra=offscreen)
    bare_rss = peak_child_rss_mib()
    app = process_seconds([PY, "-m", "livercalc_desktop", "--self-test"], env_extra=offscreen)
    app_rss = peak_child_rss_mib()
    print(
        f"process: bare PySide6 window {bare * 1000:.0f} ms; --self-test {app * 1000:.0f} ms; ratio {app / bare:.2f}x"
    )
    print(f"peak memory (largest child so far): bare {bare_rss:.0f} MiB; with self-test {app_rss:.0f} MiB")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    flip = edit_to_repaint_ms()
    plain = edit_to_repaint_ms("lesion.lobe", ("left", "right"))
    took = time.perf_counter() - start
    print(f"edit to panel repaint: median {plain:.1f} ms (same category), {flip:.1f} ms (category flips); {took:.1f} s")


if __name__ == "__main__":
    main()
