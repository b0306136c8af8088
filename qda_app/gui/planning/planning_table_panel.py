"""The planning table: Sozialräume (and the city-wide level) × goals; each cell shows its
numbers of findings, "what is missing" entries and measures. A click opens the cell below."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.planning_table import PlanningTable, planning_table
from ...core.i18n import tr
from .planning_cell_editor import PlanningCellEditor
from .worksheet_actions import export_worksheet, import_worksheet

if TYPE_CHECKING:
    from ...core.project import Project

PLANNED = QColor("#fff2cc")
HEADER_WIDTH = 24  # characters per line of a goal's column header


class PlanningTablePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningTablePanel")
        self.project: Project | None = None
        self.table: PlanningTable | None = None
        self.grid = QTableWidget(self)
        self.grid.setObjectName("planningGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(44)
        self.grid.currentCellChanged.connect(lambda *_: self.open_current())
        self.editor = PlanningCellEditor(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("worksheetExport")
        self.export_button.clicked.connect(self.export_worksheet)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("worksheetImport")
        self.import_button.clicked.connect(self.import_worksheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)

    def retranslate(self) -> None:
        self.export_button.setText(tr("gui.planning.export_button"))
        self.import_button.setText(tr("gui.planning.import_button"))
        self.editor.retranslate()
        self.reload()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.editor.set_project(project)
        self.reload()

    def reload(self) -> None:
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        self.table = planning_table(self.project) if self.project is not None else None
        table = self.table
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(len(table.quarters) if table else 0)
        self.grid.setColumnCount(len(table.goals) if table else 0)
        if table is not None:
            self.grid.setHorizontalHeaderLabels(
                [f"{textwrap.fill(g.name, HEADER_WIDTH)}\n({g.tag})" for g in table.goals]
            )
            self.grid.setVerticalHeaderLabels([q.name for q in table.quarters])
            for r, quarter in enumerate(table.quarters):
                for c, goal in enumerate(table.goals):
                    counts = table.cell(quarter.quarter_id, goal.id).counts()
                    item = QTableWidgetItem(tr("gui.planning.cell", **counts))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if counts["missing"] or counts["measures"]:
                        item.setBackground(PLANNED)
                    self.grid.setItem(r, c, item)
        self.grid.blockSignals(False)
        if table is not None and 0 <= row < len(table.quarters) and 0 <= column < len(table.goals):
            self.grid.setCurrentCell(row, column)
        self.open_current()

    def select_cell(self, quarter_id: int, goal_id: int) -> None:
        if self.table is None:
            return
        rows = [q.quarter_id for q in self.table.quarters]
        columns = [g.id for g in self.table.goals]
        self.grid.setCurrentCell(rows.index(quarter_id), columns.index(goal_id))

    def open_current(self) -> None:
        table, row, column = self.table, self.grid.currentRow(), self.grid.currentColumn()
        if table is None or row < 0 or column < 0:
            self.editor.show_cell(None)
            return
        quarter, goal = table.quarters[row], table.goals[column]
        self.editor.show_cell(
            table.cell(quarter.quarter_id, goal.id), f"{quarter.name} × {goal.name}"
        )

    def current_quarter(self) -> str | None:
        row = self.grid.currentRow()
        if self.table is None or not 0 <= row < len(self.table.quarters):
            return None
        return self.table.quarters[row].name

    def export_worksheet(self) -> str:
        """The worksheet of the chosen row's Sozialraum (the first row if none is chosen)."""
        if self.project is None or self.table is None or not self.table.quarters:
            return ""
        quarter = self.current_quarter() or self.table.quarters[0].name
        return export_worksheet(self, self.project, quarter)

    def import_worksheet(self) -> int:
        if self.project is None:
            return 0
        return import_worksheet(self, self.project)
