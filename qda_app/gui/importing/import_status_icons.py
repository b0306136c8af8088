"""Small drawn badges for a file's import state: being read, ready, needs a look, unreadable."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from ..common.display_format import ICON_SIZE

PENDING, READY, CHECK, FAILED = "pending", "ready", "check", "failed"
COLOURS = {PENDING: "#8a8a8a", READY: "#2e8b3e", CHECK: "#d98200", FAILED: "#c62828"}


@cache
def status_icon(state: str) -> QIcon:
    """A filled circle in the state's colour with a white tick, cross, dots or exclamation."""
    scale = 2  # drawn at twice the size so it stays crisp on high-density screens
    size = ICON_SIZE * scale
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS.get(state, COLOURS[PENDING])))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    unit = size / 16
    pen = QPen(QColor("white"), 1.8 * unit)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if state == READY:
        painter.drawPolyline(
            [
                QPointF(4.5 * unit, 8.5 * unit),
                QPointF(7 * unit, 11 * unit),
                QPointF(11.5 * unit, 5.5 * unit),
            ]
        )
    elif state == FAILED:
        painter.drawLine(QPointF(5.5 * unit, 5.5 * unit), QPointF(10.5 * unit, 10.5 * unit))
        painter.drawLine(QPointF(10.5 * unit, 5.5 * unit), QPointF(5.5 * unit, 10.5 * unit))
    elif state == CHECK:
        font = QFont()
        font.setPixelSize(int(12 * unit))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "!")
    else:
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        for x in (4.5, 8, 11.5):
            painter.drawEllipse(QPointF(x * unit, 8 * unit), 1.2 * unit, 1.2 * unit)
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)
