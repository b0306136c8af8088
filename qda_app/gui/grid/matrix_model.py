"""The cross-quarter matrix as a table, with the k-of-n rule: categories that meet it are set
bold and marked in the last column ("4 ✓"); the last row and the Σ column hold the totals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.analysis.charts import value_text
from ...core.analysis.cross_quarter_rule import RuleResult
from ...core.analysis.quarter_axes import CategoryRow
from ...core.analysis.quarter_matrix import QuarterMatrix
from ...core.i18n import tr

Index = QModelIndex | QPersistentModelIndex
MET_TINT = QColor(102, 187, 106, 60)
CITY_TINT = QColor(0, 0, 0, 14)


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: QuarterMatrix | None = None
        self.rule: RuleResult | None = None

    def set_matrix(self, matrix: QuarterMatrix | None, rule: RuleResult | None) -> None:
        self.beginResetModel()
        self.matrix, self.rule = matrix, rule
        self.endResetModel()

    def category_at(self, row: int) -> CategoryRow | None:
        if self.matrix is None or not 0 <= row < len(self.matrix.rows):
            return None
        return self.matrix.rows[row]

    def row_of(self, category_id: int) -> int:
        rows = [r.category_id for r in self.matrix.rows] if self.matrix else []
        return rows.index(category_id) if category_id in rows else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns) + 2

    def _met(self, row: CategoryRow | None) -> bool:
        return row is not None and self.rule is not None and self.rule.meets(row.category_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid():
            return None
        row, column = self.category_at(index.row()), index.column()
        quarters = len(matrix.columns)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (self._met(row) or row is None):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._met(row):
                return MET_TINT
            if column < quarters and matrix.columns[column].city_wide:
                return CITY_TINT
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and self.rule is not None:
            return tr(
                "gui.matrix.row_tip",
                path=row.path,
                count=self.rule.count(row.category_id),
                n=self.rule.n,
            )
        return None

    def _text(self, row: CategoryRow | None, column: int) -> str:
        matrix = self.matrix
        assert matrix is not None
        quarters = len(matrix.columns)
        if row is None:  # the totals row
            if column < quarters:
                return value_text(float(matrix.column_totals.iloc[column]), matrix.measure)
            return value_text(matrix.grand_total, matrix.measure) if column == quarters else ""
        if column < quarters:
            return value_text(
                matrix.value(row.category_id, matrix.columns[column].quarter_id), matrix.measure
            )
        if column == quarters:
            return value_text(float(matrix.row_totals[row.category_id]), matrix.measure)
        if self.rule is None:
            return ""
        mark = " ✓" if self.rule.meets(row.category_id) else ""
        return f"{self.rule.count(row.category_id)}{mark}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        matrix = self.matrix
        if matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            quarters = len(matrix.columns)
            if role == Qt.ItemDataRole.DisplayRole:
                if section < quarters:
                    return matrix.columns[section].name
                if section == quarters:
                    return "Σ"
                return tr("gui.matrix.named_in", n=self.rule.n if self.rule else 0)
            if role == Qt.ItemDataRole.ToolTipRole:
                if section < quarters and matrix.columns[section].city_wide:
                    return tr("gui.grid.city_tip")
                if section == quarters + 1 and self.rule is not None:
                    return tr("gui.matrix.named_in_tip", k=self.rule.k, n=self.rule.n)
            return None
        row = self.category_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if row is None:
                return "Σ"
            return ("    " if row.depth else "") + row.label
        if role == Qt.ItemDataRole.ToolTipRole and row is not None:
            return row.path
        if role == Qt.ItemDataRole.FontRole and (row is None or row.depth == 0):
            font = QFont()
            font.setBold(True)
            return font
        return None
