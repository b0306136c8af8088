"""Coded segments as list rows: two lines of the coded words, then the document's title.

Anchor examples and the picker that adds them show segments the same way: the text is
elided after its second line (the whole of it is in the tooltip), the title is drawn smaller
and greyed below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core.values import Segment

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 4


def secondary_colour(palette: QPalette) -> QColor:
    """Text colour for secondary lines: readable, but quieter than the main text."""
    text, window = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        round(0.6 * text.red() + 0.4 * window.red()),
        round(0.6 * text.green() + 0.4 * window.green()),
        round(0.6 * text.blue() + 0.4 * window.blue()),
    )


def mute(widget: QWidget) -> None:
    """Show a label's text in the secondary colour (hints, notes, breadcrumbs)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, secondary_colour(palette))
    widget.setPalette(palette)


@dataclass(frozen=True)
class SegmentEntry:
    """One coded segment as the lists show it; `anchor_id` is set for anchor examples."""

    coding_id: int
    text: str
    title: str
    anchor_id: int | None = None

    @property
    def flat_text(self) -> str:
        """The coded words on one line (line breaks and runs of spaces become one space)."""
        return " ".join(self.text.split())

    def tooltip(self) -> str:
        text = escape(self.text.strip()).replace("\n", "<br>")
        return f"<p>{text}</p><p><i>{escape(self.title)}</i></p>"

    def matches(self, needle: str) -> bool:
        folded = needle.casefold()
        return folded in self.flat_text.casefold() or folded in self.title.casefold()


def segment_entries(
    segments: list[Segment], anchor_ids: dict[int, int] | None = None
) -> list[SegmentEntry]:
    """List entries of segments read through the segment read side; `anchor_ids` maps coding
    ids to the anchor examples they belong to."""
    anchors = anchor_ids or {}
    return [
        SegmentEntry(s.coding_id, s.text, s.document_title, anchors.get(s.coding_id))
        for s in segments
    ]


def fill_list(widget: QListWidget, entries: list[SegmentEntry]) -> None:
    widget.clear()
    for entry in entries:
        item = QListWidgetItem(entry.flat_text)
        item.setData(ENTRY_ROLE, entry)
        item.setToolTip(entry.tooltip())
        widget.addItem(item)


def two_lines(text: str, font: QFont, width: int) -> list[str]:
    """The first line of `text` wrapped at `width`, and the rest elided into a second line."""
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    first_end = line.textStart() + line.textLength()  # UTF-16 units, as Qt counts
    layout.endLayout()
    units = text.encode("utf-16-le")
    first = units[: 2 * first_end].decode("utf-16-le")
    rest = units[2 * first_end :].decode("utf-16-le")
    if not rest.strip():
        return [first.rstrip()]
    elided = metrics.elidedText(rest.lstrip(), Qt.TextElideMode.ElideRight, width)
    return [first.rstrip(), elided]


class SegmentDelegate(QStyledItemDelegate):
    """Paints a SegmentEntry: up to two lines of text, then the document title."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title_font = QFont(option.font)
        if option.font.pointSizeF() > 0:
            title_font.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
        return option.font, title_font

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text_font, title_font = self._fonts(option)
        height = 2 * QFontMetrics(text_font).lineSpacing() + QFontMetrics(title_font).height()
        return QSize(200, height + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, SegmentEntry):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_font, title_font = self._fonts(option)
        area = option.rect.adjusted(2 * PADDING, PADDING, -2 * PADDING, -PADDING)
        spacing = QFontMetrics(text_font).lineSpacing()
        painter.save()
        painter.setPen(option.palette.color(group, role))
        painter.setFont(text_font)
        top = area.top()
        for line in two_lines(entry.flat_text, text_font, area.width()):
            rect = QRect(area.left(), top, area.width(), spacing)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            top += spacing
        title_metrics = QFontMetrics(title_font)
        title = title_metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, area.width())
        if not selected and enabled:
            painter.setPen(secondary_colour(option.palette))
        painter.setFont(title_font)
        rect = QRect(area.left(), area.top() + 2 * spacing + PADDING, area.width(), area.height())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.restore()
