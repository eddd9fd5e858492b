"""Guards the pinned Qt binding against a known-bad release.

PySide6 6.12.0 under Python 3.11 decrements the reference count of None on every call of a
method that returns nothing; the app then aborts after a few thousand panel updates.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QComboBox, QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    label, combo = QLabel("x"), QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    combo.addItems(["a", "b"])
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("a")
        combo.setCurrentIndex(1)
    assert sys.getrefcount(None) - before > -100
