"""The table view of the import dialog: compact columns, combo boxes for quarter and method,
Del to remove files, and a context menu to drop a typed value again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ...core.i18n import tr
from ..documents.metadata_fields import ChoiceDelegate, method_labels, quarter_labels
from .import_file_table_model import ImportFileTableModel as Model

if TYPE_CHECKING:
    from ...core.project import Project

COLUMN_WIDTHS = {
    Model.FILE: 150,
    Model.TITLE: 160,
    Model.QUARTER: 120,
    Model.METHOD: 110,
    Model.DATE: 82,
    Model.GROUP: 55,
    Model.PARTICIPANTS: 40,
    Model.MODERATOR: 130,
}


class ImportFileTable(QTableView):
    """Shows an ImportFileTableModel; asks its owner to remove rows (`remove_requested`)."""

    remove_requested = Signal()

    def __init__(self, model: Model, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importTable")
        self.setModel(model)
        self.file_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Model.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)
        self.setItemDelegateForColumn(
            Model.QUARTER, ChoiceDelegate(lambda: quarter_labels(project), self)
        )
        self.setItemDelegateForColumn(
            Model.METHOD, ChoiceDelegate(lambda: method_labels(project), self)
        )
        self.remove_action = QAction(tr("gui.import.remove"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_requested)
        self.addAction(self.remove_action)
        self.revert_action = QAction(tr("gui.import.revert_cell"), self)
        self.revert_action.triggered.connect(self.revert_current_cell)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)

    def chosen_rows(self) -> list[int]:
        """The selected rows, or the current one when nothing is selected."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def revert_current_cell(self) -> None:
        self.file_model.revert_cell(self.currentIndex())

    def _show_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        row = self.file_model.row(index)
        typed = row is not None and Model.COLUMNS[index.column()] in row.edits
        self.revert_action.setEnabled(typed)
        menu = QMenu(self)
        menu.addActions([self.revert_action, self.remove_action])
        menu.exec(self.viewport().mapToGlobal(position))
        menu.deleteLater()
