"""The two tables of the agreement dialog: coefficients per category, and the disagreements
with each coder's version side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.analysis.agreement import AgreementResult
from ...core.exporters.agreement_table import disagreement_header, disagreement_rows, summary_table

MAX_LINES = 4  # taller rows are cut; the tooltip holds the whole text


def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SummaryTableWidget(QTableWidget):
    """Overall first (bold), then each category with its coefficients."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def show_result(self, result: AgreementResult | None) -> None:
        self.clear()
        if result is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        table = summary_table(result, short=True)
        full = summary_table(result).header
        self.setColumnCount(len(table.header))
        self.setHorizontalHeaderLabels(table.header)
        for column, title in enumerate(full):
            header_item = self.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(title)
        self.setRowCount(len(table.rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, values in enumerate(table.rows):
            for column, value in enumerate(values):
                item = _item(value, number=column > 0)
                if column == 0:
                    item.setToolTip(value)
                if row == 0:
                    item.setFont(bold)
                self.setItem(row, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(table.header)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )


class DisagreementTable(QTableWidget):
    """One row per disagreement: document, position, each coder's words and category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDisagreements")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)

    def show_result(self, result: AgreementResult | None) -> None:
        self.clear()
        if result is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        header = disagreement_header(result)
        rows = disagreement_rows(result)
        self.setColumnCount(len(header))
        self.setHorizontalHeaderLabels(header)
        self.setRowCount(len(rows))
        segment_level = result.options.level == "segment"
        for row, (values, item) in enumerate(zip(rows, result.disagreements, strict=True)):
            for column, value in enumerate(values):
                cell = _item(value, number=not segment_level and column > 1)
                if segment_level and 2 <= column < 2 + len(result.coders):
                    if item.segments[column - 2] is None:
                        cell.setForeground(QColor("#777777"))
                    cell.setToolTip(value)
                elif column == 0 or column >= 2:
                    cell.setToolTip(value)
                self.setItem(row, column, cell)
        mode = QHeaderView.ResizeMode
        header_view = self.horizontalHeader()
        header_view.setSectionResizeMode(mode.Interactive)
        header_view.setSectionResizeMode(1, mode.ResizeToContents)
        self.setColumnWidth(0, 140)
        coders = len(result.coders)
        text_columns = range(2, 2 + coders) if segment_level else range(0)
        for column in range(2, len(header)):
            if column in text_columns:
                header_view.setSectionResizeMode(column, mode.Stretch)
            else:
                self.setColumnWidth(column, 150 if segment_level else 90)
        if not segment_level:
            header_view.setSectionResizeMode(1, mode.Stretch)
        self.resizeRowsToContents()
        tallest = self.fontMetrics().lineSpacing() * MAX_LINES + 8
        for row in range(self.rowCount()):
            if self.rowHeight(row) > tallest:
                self.setRowHeight(row, tallest)
