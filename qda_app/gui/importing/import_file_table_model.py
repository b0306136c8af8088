"""The import dialog's metadata table: one row per file, every metadata cell editable.

Values come from the dialog's layers (common values < file-name pattern < manifest) and follow
them live, except cells the user typed into: those keep the typed value and show it in bold.
Cells the import would refuse are painted red with the reason as their tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.i18n import tr
from ...core.importers.batch import MetadataSources
from ...core.importers.metadata import FileMetadata
from ...core.importers.prepared_batch import FileReading, MetadataCheck, PreparedFile
from ..common.display_format import format_count
from .import_file_row import EDITABLE_FIELDS, ImportRow
from .import_status_icons import CHECK, FAILED, PENDING, READY, status_icon

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()
PROBLEM_BACKGROUND = QColor("#f9d0d0")
PROBLEM_TEXT = QColor("#5c0000")
FAILED_TEXT = QColor("#8a8a8a")
STATUS_KEYS = {
    PENDING: "gui.import.status.pending",
    READY: "gui.import.status.ready",
    CHECK: "gui.import.status.check",
    FAILED: "gui.import.status.failed",
}


class ImportFileTableModel(QAbstractTableModel):
    """Rows are `ImportRow`s; the dialog feeds in readings and metadata layers."""

    STATUS, FILE, TITLE, QUARTER, METHOD, DATE, GROUP, PARTICIPANTS, MODERATOR = range(9)
    COLUMNS = ("status", "file", *EDITABLE_FIELDS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ImportRow] = []
        self._sources: MetadataSources | None = None
        self._check: MetadataCheck | None = None

    # -- feeding the table -------------------------------------------------------------------

    def add_files(self, paths: Iterable[Path]) -> list[Path]:
        """Append files not yet in the table; returns those added."""
        present = {row.path.resolve() for row in self.rows}
        new: list[Path] = []
        for path in paths:
            if path.resolve() not in present:
                present.add(path.resolve())
                new.append(path)
        if new:
            first = len(self.rows)
            self.beginInsertRows(TOP, first, first + len(new) - 1)
            for path in new:
                row = ImportRow(path)
                self._layer(row)
                self.rows.append(row)
            self.endInsertRows()
        return new

    def removeRows(self, row: int, count: int, parent: Index = TOP) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self.rows):
            return False
        self.beginRemoveRows(TOP, row, row + count - 1)
        del self.rows[row : row + count]
        self.endRemoveRows()
        return True

    def remove_rows(self, rows: Iterable[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.removeRows(row, 1)

    def set_reading(self, reading: FileReading) -> int | None:
        """Record what was read from a file; returns its row (None if it was removed)."""
        number = self.row_of(reading.path)
        if number is None:
            return None
        row = self.rows[number]
        row.reading = reading
        self._layer(row)
        self._emit_rows(number, number)
        return number

    def set_sources(self, sources: MetadataSources | None, check: MetadataCheck | None) -> None:
        """New common values, pattern or manifest: recompute every row but the typed cells."""
        self._sources, self._check = sources, check
        for row in self.rows:
            self._layer(row)
        if self.rows:
            self._emit_rows(0, len(self.rows) - 1)

    def revert_cell(self, index: Index) -> None:
        """Forget what the user typed into a cell; it follows the layers again."""
        row = self.row(index)
        name = self.COLUMNS[index.column()]
        if row is not None and row.edits.pop(name, None) is not None:
            self._layer(row)
            self._emit_rows(index.row(), index.row())

    def _layer(self, row: ImportRow) -> None:
        if self._sources is not None:
            row.layered = self._sources.for_file(row.path)
        else:
            row.layered = FileMetadata(title=row.path.stem)
        if self._check is not None and (row.reading is None or row.readable):
            row.problems = self._check.problems(row.metadata(), row.path.name)
        else:
            row.problems = {}

    def _emit_rows(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    # -- reading the table -------------------------------------------------------------------

    def row(self, index: Index) -> ImportRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def row_of(self, path: Path) -> int | None:
        for number, row in enumerate(self.rows):
            if row.path == path:
                return number
        return None

    def cell(self, row: int, name: str) -> QModelIndex:
        return self.index(row, self.COLUMNS.index(name))

    def prepared_files(self) -> list[PreparedFile]:
        return [p for p in (row.prepared() for row in self.rows) if p is not None]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    # -- QAbstractItemModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(f"gui.import.column.{self.COLUMNS[section]}")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= self.TITLE and row.state != FAILED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index)
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if index.column() == self.STATUS:
            return self._status_data(row, role)
        if index.column() == self.FILE:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.path.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(row.path)
            return self._failed_colour(row, role)
        name = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text(name)
        if role == Qt.ItemDataRole.FontRole and name in row.edits:
            font = QFont()
            font.setBold(True)
            return font
        if name in row.problems:
            if role == Qt.ItemDataRole.BackgroundRole:
                return PROBLEM_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return PROBLEM_TEXT
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.problems[name]
        if role == Qt.ItemDataRole.ToolTipRole and name in row.edits:
            return tr("gui.import.typed_tip")
        return self._failed_colour(row, role)

    def _status_data(self, row: ImportRow, role: int) -> Any:
        state = row.state
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(STATUS_KEYS[state])
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if state == FAILED and row.reading is not None:
                return row.reading.error
            if state == CHECK:
                return "\n".join(row.problems.values())
            if state == READY and row.reading is not None and row.reading.read is not None:
                length = len(row.reading.read[1].text)
                return tr("gui.import.status.ready_tip", count=format_count(length))
            return tr(STATUS_KEYS[state])
        return self._failed_colour(row, role)

    @staticmethod
    def _failed_colour(row: ImportRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.state == FAILED:
            return FAILED_TEXT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row(index)
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() < self.TITLE:
            return False
        if row.state == FAILED:
            return False
        name = self.COLUMNS[index.column()]
        text = " ".join(str(value if value is not None else "").split())
        if name not in row.edits and text == row.text(name):
            return False  # the editor was opened and closed without a change
        row.edits[name] = text
        self._layer(row)
        self._emit_rows(index.row(), index.row())
        return True
