"""Coded segments (or search hits) as table rows; texts are formatted only when shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...core.i18n import tr
from ...core.values import Segment
from ..common.display_format import format_date

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
_SPACES = re.compile(r"\s+")


def flat(text: str) -> str:
    """Runs of spaces and line breaks as one space (also at the ends)."""
    return _SPACES.sub(" ", text)


def in_context(before: str, text: str, after: str) -> str:
    """ "…before»text«after…" on one line (the spaces are the text's own)."""
    return f"…{flat(before)}»{flat(text)}«{flat(after)}…"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of any kind, with one display function per column."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Sequence[Callable[[Row], str]],
        parent: QObject | None = None,
        tooltips: dict[int, Callable[[Row], str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.header_keys = list(headers)
        self.cells = list(cells)
        self.tooltips = dict(tooltips or {})  # columns whose tooltip says more than the cell
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.tooltips:
            return self.tooltips[index.column()](self.rows[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.column()](self.rows[index.row()])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.header_keys[section])
        return None

    def row(self, index: Index) -> Row | None:
        return self.rows[index.row()] if index.isValid() else None


def segment_model(parent: QObject | None = None) -> RowTableModel[Segment]:
    return RowTableModel[Segment](
        [
            "gui.segments.column.segment",
            "gui.segments.column.category",
            "gui.segments.column.document",
            "gui.segments.column.quarter",
            "gui.segments.column.date",
            "gui.segments.column.coder",
        ],
        [
            lambda s: flat(s.text).strip(),
            lambda s: " / ".join(s.category_path),
            lambda s: s.document_title,
            lambda s: s.quarter_label,
            lambda s: format_date(s.document_date) if s.document_date else "",
            lambda s: s.coder,
        ],
        parent,
        # The coded words show in the cell; with their context on hover (wrapped as a
        # paragraph).
        tooltips={
            0: lambda s: f"<p>{escape(in_context(s.context_before, s.text, s.context_after))}</p>"
        },
    )
