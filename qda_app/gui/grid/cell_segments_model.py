"""The coded segments of one grid cell, with paraphrase (Z1) and generalisation (Z2) edited
in place, and dragged onto statements to link them.

Edits go through `project.codings.update`; the change event brings the new value back. The
"status" column says which of the cell's statements condense a segment ("1, 3", by their
place in the cell) or that none does yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import Segment, StatementInfo
from ..categories.segment_list import ENTRY_ROLE, SegmentEntry

if TYPE_CHECKING:
    from ...core.project import Project

Index = QModelIndex | QPersistentModelIndex
SEGMENT_MIME = "application/x-qda-coding-ids"
OPEN_COLOUR = QColor(191, 84, 0)


def coding_ids_from_mime(data: QMimeData) -> list[int]:
    """The coding ids a drag carries (empty when it carries no segments)."""
    if not data.hasFormat(SEGMENT_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(SEGMENT_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [int(i) for i in ids if isinstance(i, int)]


class CellSegmentsModel(QAbstractTableModel):
    COLUMN_COUNT = 4
    STATUS, SEGMENT, PARAPHRASE, GENERALISATION = range(4)
    error_occurred = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.segments: list[Segment] = []
        self.statement_numbers: dict[int, int] = {}  # statement id → its place in the cell

    def set_segments(
        self, segments: Sequence[Segment], statements: Sequence[StatementInfo]
    ) -> None:
        """Show these segments; same segments in the same order update in place (an open
        editor stays open)."""
        numbers = {s.id: number for number, s in enumerate(statements, start=1)}
        same = [s.coding_id for s in segments] == [s.coding_id for s in self.segments]
        if not same:
            self.beginResetModel()
        self.segments = list(segments)
        self.statement_numbers = numbers
        if not same:
            self.endResetModel()
        elif self.segments:
            last = self.index(len(self.segments) - 1, self.COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def numbers_of(self, segment: Segment) -> list[int]:
        """Places of the cell's statements that condense this segment."""
        return sorted(
            self.statement_numbers[s] for s in segment.statement_ids if s in self.statement_numbers
        )

    def is_open(self, segment: Segment) -> bool:
        return not self.numbers_of(segment)

    def segment(self, index: Index) -> Segment | None:
        return self.segments[index.row()] if index.isValid() else None

    def row_of(self, coding_id: int) -> int:
        return next((n for n, s in enumerate(self.segments) if s.coding_id == coding_id), -1)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (self.PARAPHRASE, self.GENERALISATION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        segment = self.segment(index)
        if segment is None:
            return None
        column = index.column()
        if column == self.STATUS:
            numbers = self.numbers_of(segment)
            if role == Qt.ItemDataRole.DisplayRole:
                return ", ".join(map(str, numbers)) if numbers else tr("gui.grid.open")
            if role == Qt.ItemDataRole.ForegroundRole and not numbers:
                return OPEN_COLOUR
            if role == Qt.ItemDataRole.ToolTipRole:
                if not numbers:
                    return tr("gui.grid.open_tip")
                return tr("gui.grid.covered_tip", numbers=", ".join(map(str, numbers)))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            return None
        if column == self.SEGMENT:
            if role == ENTRY_ROLE:
                return SegmentEntry(segment.coding_id, segment.text, segment.document_title)
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(segment.text.split())
            if role == Qt.ItemDataRole.ToolTipRole:
                return SegmentEntry(
                    segment.coding_id, segment.text, segment.document_title
                ).tooltip()
            return None
        value = segment.paraphrase if column == self.PARAPHRASE else segment.generalisation
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return value or tr("gui.grid.edit_tip")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        segment = self.segment(index)
        if segment is None or self.project is None or role != Qt.ItemDataRole.EditRole:
            return False
        field = {self.PARAPHRASE: "paraphrase", self.GENERALISATION: "generalisation"}.get(
            index.column()
        )
        if field is None:
            return False
        text = str(value or "").strip()
        if text == getattr(segment, field):
            return False
        try:
            self.project.codings.update(
                segment.coding_id, expected_version=segment.version, **{field: text}
            )
        except QdaError as error:
            self.error_occurred.emit(str(error))
            return False
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = ("status", "segment", "paraphrase", "generalisation")
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(f"gui.grid.column.{names[section]}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(f"gui.grid.column_tip.{names[section]}")
        return None

    # -- dragging -------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [SEGMENT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(self.segments[i.row()].coding_id for i in indexes if i.isValid()))
        data = QMimeData()
        data.setData(SEGMENT_MIME, QByteArray(json.dumps(ids).encode("utf-8")))
        data.setText("\n".join(self.segments[self.row_of(i)].text for i in ids))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction
