"""Paints a statement: its check box (verbatim quote), its text wrapped, and below it in a
quieter colour the segments and documents behind it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..categories.segment_list import secondary_colour
from .cell_statements_model import EVIDENCE_ROLE, Evidence

Index = QModelIndex | QPersistentModelIndex
PADDING = 4
WRAP = Qt.TextFlag.TextWordWrap


class StatementDelegate(QStyledItemDelegate):
    def _text_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.widget.viewport().width() if option.widget else 300  # type: ignore[attr-defined]
        probe = QStyleOptionViewItem(option)
        probe.rect = QRect(0, 0, max(width, 120), 1000)
        text_rect = self._text_rect(probe, index)
        metrics = QFontMetrics(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = metrics.boundingRect(QRect(0, 0, max(text_rect.width(), 60), 10000), WRAP, text)
        return QSize(width, bounds.height() + metrics.lineSpacing() + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text_rect = self._text_rect(option, index)
        text = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = QFontMetrics(option.font)
        area = QRect(
            text_rect.left(),
            option.rect.top() + PADDING,
            text_rect.width(),
            option.rect.height() - 2 * PADDING,
        )
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(role))
        body = metrics.boundingRect(QRect(0, 0, max(area.width(), 60), 10000), WRAP, text)
        painter.drawText(
            QRect(area.left(), area.top(), area.width(), body.height()),
            int(WRAP | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            text,
        )
        evidence = index.data(EVIDENCE_ROLE)
        if isinstance(evidence, Evidence):
            if not selected:
                painter.setPen(secondary_colour(option.palette))
            line = QRect(
                area.left(),
                area.top() + body.height() + PADDING // 2,
                area.width(),
                metrics.lineSpacing(),
            )
            summary = metrics.elidedText(
                evidence.summary(), Qt.TextElideMode.ElideRight, area.width()
            )
            painter.drawText(
                line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), summary
            )
        painter.restore()
