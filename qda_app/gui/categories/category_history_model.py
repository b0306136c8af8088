"""The category system's history as a table: when, who, what kind, what, and whether it is
still in effect. Rows are replaced whole on refresh (the history is short and read at once)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...core.i18n import tr
from ...core.revision_values import CategoryChange
from .segment_list import secondary_colour

Index = QModelIndex | QPersistentModelIndex


class CategoryHistoryModel(QAbstractTableModel):
    TIME, ACTOR, KIND, WHAT, STATE = range(5)
    COLUMNS = ("time", "actor", "kind", "what", "state")

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.changes: list[CategoryChange] = []

    def set_changes(self, changes: list[CategoryChange]) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.endResetModel()

    def change(self, index: Index) -> CategoryChange | None:
        return self.changes[index.row()] if index.isValid() else None

    def row_of(self, entry_id: int) -> int:
        return next((r for r, c in enumerate(self.changes) if c.entry_id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"gui.revision.history_column.{self.COLUMNS[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        change = self.change(index)
        if change is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TIME:
                return change.local_time.strftime(tr("agenda.time_format"))
            if column == self.ACTOR:
                return change.actor
            if column == self.KIND:
                return change.kind_label
            if column == self.WHAT:
                return change.description
            return self._state(change)
        if role == Qt.ItemDataRole.ForegroundRole and not self._in_effect(change):
            app = QApplication.instance()
            palette = app.palette() if isinstance(app, QApplication) else QPalette()
            return secondary_colour(palette)
        if role == Qt.ItemDataRole.FontRole and change.marks is not None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    @staticmethod
    def _in_effect(change: CategoryChange) -> bool:
        return change.marks is not None or change.in_effect

    @staticmethod
    def _state(change: CategoryChange) -> str:
        if change.marks is not None:
            return ""
        return tr(f"agenda.state.{change.state}")
