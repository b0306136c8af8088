"""The coding stripes beside the text: one bar per coding, in lanes where codings overlap.

Each bar runs from the line where its coding begins to the line where it ends, in the
category's (or the coder's) colour, with the category tag at its top. Only codings in the
visible part of the text are laid out, on every paint: lanes are handed out greedily from
the left, so overlapping codings stand side by side and a long document costs nothing
beyond what shows.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

LANE_WIDTH = 20
BAR_WIDTH = 5
MAX_LANES = 8
EDGE = 3  # pixels around a bar's end that start a drag of that end


@dataclass(frozen=True)
class MarginBar:
    """One coding as the margin draws it: UTF-16 range, colour, tag label."""

    coding_id: int
    start: int
    end: int
    colour: str
    label: str


def _order(bar: MarginBar) -> tuple[int, int, int]:
    return (bar.start, -bar.end, bar.coding_id)


def _block_end(document: QTextDocument, position: int) -> int:
    block = document.findBlock(max(0, position - 1))
    return block.position() + block.length()


def max_overlap(bars: Iterable[MarginBar]) -> int:
    """How many bars cover the same place at most (the lanes the margin needs)."""
    edges = sorted(
        [(b.start, 1) for b in bars] + [(b.end, -1) for b in bars], key=lambda e: (e[0], e[1])
    )
    depth = deepest = 0
    for _position, step in edges:
        depth += step
        deepest = max(deepest, depth)
    return deepest


def assign_lanes(bars: list[tuple[int, int, MarginBar]]) -> list[tuple[int, int, int, MarginBar]]:
    """(top, bottom, lane, bar) for bars given as (top, bottom, bar) in pixels: each bar in
    the leftmost lane that is free at its top."""
    lane_ends: list[int] = []
    placed = []
    for top, bottom, bar in sorted(bars, key=lambda b: (b[0], -b[1])):
        for lane, end in enumerate(lane_ends):
            if end <= top:
                lane_ends[lane] = bottom
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(bottom)
        placed.append((top, bottom, lane, bar))
    return placed


class CodingMargin(QWidget):
    """Bars beside a QPlainTextEdit; tells which coding was clicked."""

    coding_clicked = Signal(int)
    edge_dragged = Signal(int, str, int)  # coding id, "start" or "end", UTF-16 position

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingMargin")
        self.editor = editor
        self.bars: list[MarginBar] = []
        self.selected: int | None = None
        self.tooltip_for: Callable[[int], str] = lambda _coding_id: ""
        self._lanes = 1
        self._offset = 0
        self._dragging: tuple[int, str] | None = None
        self._press_y = 0
        self._placed: list[tuple[QRect, int]] = []
        self.setMouseTracking(True)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.setFont(font)
        editor.updateRequest.connect(lambda *_args: self.update())
        editor.verticalScrollBar().valueChanged.connect(lambda *_args: self.update())

    def set_bars(self, bars: Iterable[MarginBar], *, fresh: bool = False) -> None:
        """The bars to draw; `fresh` (another document, other choices) sizes the lanes anew,
        otherwise they only grow as painting finds codings side by side."""
        self.bars = sorted(bars, key=_order)
        if fresh:  # codings that share a paragraph may share a line: count per paragraph
            document = self.editor.document()
            blocks = [
                MarginBar(
                    b.coding_id,
                    document.findBlock(b.start).position(),
                    _block_end(document, b.end),
                    b.colour,
                    b.label,
                )
                for b in self.bars
            ]
            self._lanes = max(1, min(MAX_LANES, max_overlap(blocks)))
            self.setFixedWidth(self.sizeHint().width())
        self.update()

    def replace_bars(self, removed: set[int], added: Iterable[MarginBar]) -> None:
        """Take away the bars of `removed` coding ids and add `added` (kept in order)."""
        self.bars = [b for b in self.bars if b.coding_id not in removed]
        for bar in added:
            insort(self.bars, bar, key=_order)
        self.update()

    def set_selected(self, coding_id: int | None) -> None:
        self.selected = coding_id
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._lanes * LANE_WIDTH + 4, 0)

    def _visible_range(self) -> tuple[int, int]:
        editor = self.editor
        first = editor.firstVisibleBlock()
        last_cursor = editor.cursorForPosition(
            QPoint(editor.viewport().width() - 1, editor.viewport().height() - 1)
        )
        last = editor.document().findBlock(last_cursor.position())
        return first.position(), last.position() + last.length()

    def _y(self, position: int, *, bottom: bool) -> int:
        """The pixel row of a UTF-16 position: top of its line, or bottom for an end."""
        editor = self.editor
        block = editor.document().findBlock(position)
        if not block.isValid():
            block = editor.document().lastBlock()
        geometry = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
        layout = block.layout()
        line = layout.lineForTextPosition(
            max(0, min(position - block.position(), block.length() - 1))
        )
        if not line.isValid():
            return round(geometry.bottom() if bottom else geometry.top())
        top = geometry.top() + line.y()
        return round((top + line.height() if bottom else top) + self._offset)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        self._placed = []
        if not self.bars:
            return
        low, high = self._visible_range()
        viewport = self.editor.viewport()
        self._offset = viewport.mapToGlobal(QPoint(0, 0)).y() - self.mapToGlobal(QPoint(0, 0)).y()
        visible = []
        for bar in self.bars:
            if bar.start > high:
                break
            if bar.end < low:
                continue
            top = self._y(bar.start, bottom=False) if bar.start >= low else -2
            bottom = (
                self._y(max(bar.start, bar.end - 1), bottom=True)
                if bar.end <= high
                else self.height() + 2
            )
            visible.append((top, max(bottom, top + 4), bar))
        metrics = QFontMetrics(self.font())
        placed = assign_lanes(visible)
        needed = min(MAX_LANES, 1 + max((p[2] for p in placed), default=0))
        if needed > self._lanes:  # codings on the same line share it without sharing text
            self._lanes = needed
            self.setFixedWidth(self.sizeHint().width())  # lays out and paints again
        placed = [p for p in placed if p[2] < self._lanes]
        next_top: dict[int, int] = {}  # how far down a label may run: to the next bar below
        room: list[int] = []
        for top, _bottom, lane, _bar in reversed(placed):
            room.append(next_top.get(lane, self.height()) - max(top, 0) - 3)
            next_top[lane] = top
        room.reverse()
        for (top, bottom, lane, bar), space in zip(placed, room, strict=True):
            left = 2 + lane * LANE_WIDTH
            colour = QColor(bar.colour)
            rect = QRect(left, top + 1, BAR_WIDTH, max(2, bottom - top - 2))  # a gap between
            painter.fillRect(rect, colour)
            if bar.coding_id == self.selected:
                painter.setPen(self.palette().highlight().color())
                painter.drawRect(rect.adjusted(-2, -1, 1, 0))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, max(0, space))
            if label:
                painter.save()
                painter.translate(left + BAR_WIDTH + 1 + metrics.descent(), max(top, 0) + 1)
                painter.rotate(90)
                painter.setPen(colour.darker(170))
                painter.drawText(0, 0, label)
                painter.restore()
            self._placed.append((QRect(left - 1, top, LANE_WIDTH - 2, bottom - top), bar.coding_id))

    def coding_at(self, point: QPoint) -> int | None:
        """The coding whose bar (or its label) is at a point of the margin."""
        for rect, coding_id in reversed(self._placed):
            if rect.contains(point):
                return coding_id
        return None

    def bar_centre(self, coding_id: int) -> QPoint | None:
        """Where a coding's bar shows now (for tests and keyboard users), if it shows."""
        for rect, placed_id in self._placed:
            if placed_id == coding_id:
                return QPoint(rect.left() + 2, rect.top() + min(rect.height() // 2, 6))
        return None

    def edge_at(self, point: QPoint) -> tuple[int, str] | None:
        """(coding id, "start" or "end") when a point lies on the top or bottom edge of a
        bar: dragging there moves where the coding begins or ends."""
        for rect, coding_id in reversed(self._placed):
            if rect.left() <= point.x() <= rect.left() + BAR_WIDTH + 2:
                if abs(point.y() - rect.top()) <= EDGE:
                    return coding_id, "start"
                if abs(point.y() - rect.bottom()) <= EDGE:
                    return coding_id, "end"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton:
            edge = self.edge_at(point)
            if edge is not None:
                self._dragging, self._press_y = edge, point.y()
                self.set_selected(edge[0])
                return
            coding_id = self.coding_at(point)
            if coding_id is not None:
                self.set_selected(coding_id)
                self.coding_clicked.emit(coding_id)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        dragging = self._dragging is not None or self.edge_at(point) is not None
        shape = Qt.CursorShape.SizeVerCursor if dragging else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging is None:
            super().mouseReleaseEvent(event)
            return
        coding_id, edge = self._dragging
        self._dragging = None
        if abs(event.position().toPoint().y() - self._press_y) < 4:  # a click, not a drag
            self.coding_clicked.emit(coding_id)
            return
        viewport = self.editor.viewport()
        y = event.position().toPoint().y() - self._offset
        y = max(0, min(viewport.height() - 1, y))
        x = 0 if edge == "start" else viewport.width() - 1  # the line's beginning or end
        position = self.editor.cursorForPosition(QPoint(x, y)).position()
        self.edge_dragged.emit(coding_id, edge, position)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            coding_id = self.coding_at(event.pos())
            text = self.tooltip_for(coding_id) if coding_id is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
