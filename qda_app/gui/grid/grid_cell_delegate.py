"""Paints a grid cell on one line: "segments · documents   statements · not covered".

Empty cells are left blank; a cell with segments that no statement covers yet gets a warm
tint and its number of open segments in the warning colour; a cell whose segments are all
covered by statements gets a quiet green tint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.analysis.summary_grid import GridCell
from .summary_grid_model import CELL_ROLE

Index = QModelIndex | QPersistentModelIndex
OPEN_TINT = QColor(255, 183, 77, 70)
DONE_TINT = QColor(102, 187, 106, 55)
OPEN_TEXT = QColor(191, 84, 0)


class GridCellDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(metrics.horizontalAdvance("00·00  00·00") + 12, metrics.lineSpacing() + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, GridCell):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if not selected and cell.segments:
            painter.fillRect(option.rect, OPEN_TINT if cell.uncovered else DONE_TINT)
        if cell.segments or cell.statements:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(option.palette.color(role))
            metrics = QFontMetrics(option.font)
            parts = (
                f"{cell.segments}·{cell.documents}  ",
                f"{cell.statements}·",
                f"{cell.uncovered}",
            )
            width = sum(metrics.horizontalAdvance(part) for part in parts)
            left = option.rect.left() + max(2, (option.rect.width() - width) // 2)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            for number, part in enumerate(parts):
                if number == 2 and cell.uncovered and not selected:
                    painter.setPen(OPEN_TEXT)
                advance = metrics.horizontalAdvance(part)
                painter.drawText(
                    QRect(left, option.rect.top(), advance + 2, option.rect.height()), flags, part
                )
                left += advance
        painter.restore()
