"""The summary grid as a table: categories down (top-level rows set apart), quarters across.

Each cell carries its counts (`CELL_ROLE`); the delegate paints them. The model reads the
whole grid again after a change (one aggregated read, a fraction of a second even on a large
project) and, when rows and columns stay the same, updates the cells in place so the
selection and scroll position stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...core.analysis.summary_grid import GridCell, SummaryGrid, summary_grid
from ...core.i18n import tr

if TYPE_CHECKING:
    from ...core.analysis.quarter_axes import CategoryRow, QuarterColumn
    from ...core.project import Project

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11


def cell_tooltip(cell: GridCell) -> str:
    return tr(
        "gui.grid.cell_tip",
        segments=cell.segments,
        documents=cell.documents,
        statements=cell.statements,
        uncovered=cell.uncovered,
    )


class SummaryGridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.grid: SummaryGrid | None = None

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.beginResetModel()
        self.grid = summary_grid(project) if project else None
        self.endResetModel()

    def refresh(self) -> None:
        """Read the grid again; cells change in place when the axes are the same."""
        if self.project is None:
            return
        fresh = summary_grid(self.project)
        old = self.grid
        if old is None or old.rows != fresh.rows or old.columns != fresh.columns:
            self.beginResetModel()
            self.grid = fresh
            self.endResetModel()
            return
        self.grid = fresh
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [CELL_ROLE, Qt.ItemDataRole.ToolTipRole])

    # -- reading --------------------------------------------------------------------------

    @property
    def rows(self) -> tuple[CategoryRow, ...]:
        return self.grid.rows if self.grid else ()

    @property
    def columns(self) -> tuple[QuarterColumn, ...]:
        return self.grid.columns if self.grid else ()

    def cell_at(self, index: Index) -> GridCell | None:
        if self.grid is None or not index.isValid():
            return None
        return self.grid.cell(
            self.rows[index.row()].category_id, self.columns[index.column()].quarter_id
        )

    def index_of(self, category_id: int, quarter_id: int) -> QModelIndex:
        rows = [r.category_id for r in self.rows]
        columns = [c.quarter_id for c in self.columns]
        if category_id not in rows or quarter_id not in columns:
            return QModelIndex()
        return self.index(rows.index(category_id), columns.index(quarter_id))

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role == CELL_ROLE:
            return cell
        if role == ROW_ROLE:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cell.segments} · {cell.documents} / {cell.statements} · {cell.uncovered}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cell)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.columns):
                return None
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.name
            if role == Qt.ItemDataRole.ToolTipRole and column.city_wide:
                return tr("gui.grid.city_tip")
            return None
        if section >= len(self.rows):
            return None
        row = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("    " if row.depth else "") + row.label
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.path
            return tip + "\n" + tr("gui.grid.top_level_tip") if row.depth == 0 else tip
        if role == Qt.ItemDataRole.FontRole and row.depth == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
