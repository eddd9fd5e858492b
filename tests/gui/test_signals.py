from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from livercalc_desktop.gui.signals import signals_blocked

pytestmark = pytest.mark.gui


def test_blocking_restores_each_widget_even_when_listed_twice(qtbot):
    first, second = QComboBox(), QComboBox()
    for box in (first, second):
        qtbot.addWidget(box)
        box.addItems(["a", "b"])
    second.blockSignals(True)
    with signals_blocked(first, first, second):
        assert first.signalsBlocked() and second.signalsBlocked()
    assert not first.signalsBlocked()
    assert second.signalsBlocked()
    with qtbot.waitSignal(first.currentIndexChanged, timeout=500):
        first.setCurrentIndex(1)
