"""The summary grid page: the grid of quarters × categories above, the opened cell below.

A click on a cell opens it in the cell editor. After any change that touches codings,
statements, documents, categories or quarters, grid and cell are read again once the
window is idle (several changes in a row are read once), and only while the page shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..categories.segment_list import mute
from .cell_editor import CellEditor
from .grid_cell_delegate import GridCellDelegate
from .summary_grid_model import SummaryGridModel

if TYPE_CHECKING:
    from ...core.project import Project

WATCHED = frozenset(
    {
        "codings",
        "statements",
        "statement_codings",
        "statement_sources",
        "documents",
        "categories",
        "quarters",
    }
)


def touches_condensing(event: ChangeEvent) -> bool:
    """Does a change alter what the grid, the matrix or a cell shows?"""
    return event.reset or bool(event.tables & WATCHED)


class SummaryGridPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryGridPage")
        self.project: Project | None = None
        self._stale = False
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        mute(self.legend)
        self.model = SummaryGridModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("summaryGrid")
        self.view.setModel(self.model)
        self.view.setItemDelegate(GridCellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(64)
        # One line per row at a fixed height: measuring hundreds of rows would cost more.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.view.selectionModel().currentChanged.connect(self._open_cell)
        self.editor = CellEditor(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        grid = QWidget(self)
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.legend)
        grid_layout.addWidget(self.view, 1)
        self.splitter.addWidget(grid)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._sized = False
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.legend.setText(tr("gui.grid.legend"))
        self.editor.retranslate()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1)
        )

    def set_project(self, project: Project | None) -> None:
        """Show a project's grid; while the page is hidden, it is read when it shows."""
        self.project = project
        self.editor.set_project(project)
        visible = self.isVisible()
        self.model.set_project(project if visible else None)
        self.model.project = project
        self._stale = project is not None and not visible

    def on_change(self, event: ChangeEvent) -> None:
        if self.project is None or not touches_condensing(event):
            return
        if self.isVisible():
            self.refresh_timer.start()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the grid and the open cell again."""
        self._stale = False
        current = self.current_cell()
        if self.model.grid is None:
            self.model.set_project(self.project)
        else:
            self.model.refresh()
        self.editor.reload()
        if current is not None and not self.view.currentIndex().isValid():
            self.open_cell(*current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        if not self._sized and self.model.rowCount():
            self._sized = True
            self._fit_grid()

    def _fit_grid(self) -> None:
        """The whole grid above the cell where it fits in half the page, else half."""
        rows = sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        wanted = rows + self.view.horizontalHeader().height() + self.legend.sizeHint().height() + 12
        total = self.splitter.height()
        grid = min(wanted, total // 2)
        self.splitter.setSizes([grid, total - grid])

    # -- cells ----------------------------------------------------------------------------

    def current_cell(self) -> tuple[int, int] | None:
        return self.editor.cell

    def open_cell(self, category_id: int, quarter_id: int) -> None:
        """Select a cell in the grid and open it below."""
        index = self.model.index_of(category_id, quarter_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _open_cell(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.model.cell_at(current)
        self.editor.show_cell((cell.category_id, cell.quarter_id) if cell else None)
