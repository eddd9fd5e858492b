"""Keep top-level windows on the screen they open on.

Clinic desks still have 1366x768 screens, often at 125 % or 150 % scaling (911x512
logical pixels). A window asking for more than the screen holds runs off its edge, and
buttons at the bottom or right can then only be reached with Escape.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# Room for the title bar and borders the window manager adds around a window; they are
# not known before the window is first shown.
FRAME_ALLOWANCE = QSize(16, 40)


def usable_area(widget: QWidget) -> QRect:
    """Return the part of the widget's screen a window may fill, minus its frame."""
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size() if widget.isVisible() else FRAME_ALLOWANCE
    return QRect(screen.topLeft(), screen.size() - frame)


def fit_on_screen(widget: QWidget, wanted: QSize | None = None, *, cap: bool = False) -> None:
    """Resize to ``wanted`` (or the current size), no larger than the screen, and move it fully onto it.

    With ``cap`` the window can never grow past the screen later either (for a window whose
    content may ask for more room, such as a long message).
    """
    area = usable_area(widget)
    size = (wanted or widget.size()).boundedTo(area.size()).expandedTo(widget.minimumSizeHint().boundedTo(area.size()))
    if cap:
        widget.setMaximumSize(area.size())
    widget.resize(size)
    x = min(max(widget.x(), area.left()), area.right() + 1 - size.width())
    y = min(max(widget.y(), area.top()), area.bottom() + 1 - size.height())
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


class _WidthHolder(QObject):
    """Keeps a scroll area at least as wide as its content, as the content's layout changes."""

    def __init__(self, area: QAbstractScrollArea, content: QWidget) -> None:
        super().__init__(area)
        self.area, self.content = area, content
        content.installEventFilter(self)
        self.update()

    def update(self) -> None:
        chrome = self.area.verticalScrollBar().sizeHint().width() + 2 * self.area.frameWidth()
        width = self.content.minimumSizeHint().width() + chrome
        if self.area.minimumWidth() != width:
            self.area.setMinimumWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.update()
        return False


def hold_width(area: QAbstractScrollArea, content: QWidget) -> None:
    """Never let the area be narrower than its content (now or later), so it never scrolls sideways."""
    _WidthHolder(area, content)
