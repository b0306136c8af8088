"""Parts of the comparison page that need nothing of the page itself: the matrix table set up
for hundreds of rows, the two rows of filters, and refilling a combo box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .matrix_model import MatrixModel


def matrix_table(parent: QWidget, model: MatrixModel) -> QTableView:
    """The quarter matrix: one category a row, chosen one at a time, read-only."""
    table = QTableView(parent)
    table.setObjectName("quarterMatrix")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setMinimumSectionSize(56)
    # One line per row, at a fixed height: measuring hundreds of rows would cost more.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().lineSpacing() + 6)
    table.verticalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


def filter_rows(
    what: list[tuple[QWidget, QWidget]], rule: list[tuple[QWidget, QWidget]], last: QWidget
) -> QVBoxLayout:
    """Two short rows, so the page fits beside the docks at 1280 pixels: what is counted
    (label and field, stretched), then the rule (label and field, then `last`)."""
    what_row = QHBoxLayout()
    for label, widget in what:
        what_row.addWidget(label)
        what_row.addWidget(widget, 1)
    rule_row = QHBoxLayout()
    for label, field in rule:
        rule_row.addWidget(label)
        rule_row.addWidget(field)
    rule_row.addWidget(last)
    rule_row.addStretch(1)
    filters = QVBoxLayout()
    filters.addLayout(what_row)
    filters.addLayout(rule_row)
    return filters


def refill_combo(box: QComboBox, entries: list[tuple[str, object]]) -> None:
    """Replace a combo box's entries, keeping the chosen one where it still exists."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, data in entries:
        box.addItem(text, data)
    index = box.findData(chosen)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)
