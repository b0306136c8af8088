"""The two lists of an opened grid cell, set up for their work: the coded segments (edited in
place, dragged onto statements) and the cell's statements (edited in place, dropped on)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from ..categories.segment_list import SegmentDelegate
from .cell_segments_model import CellSegmentsModel
from .cell_statements_model import CellStatementsModel
from .statement_delegate import StatementDelegate


def cell_segments_view(parent: QWidget, model: CellSegmentsModel) -> QTableView:
    """The segments table: rows selected together, dragged as links, edited by typing."""
    view = QTableView(parent)
    view.setObjectName("cellSegments")
    view.setModel(model)
    view.setItemDelegateForColumn(CellSegmentsModel.SEGMENT, SegmentDelegate(parent))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.LinkAction)
    view.setWordWrap(True)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(CellSegmentsModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
    for column in (
        CellSegmentsModel.SEGMENT,
        CellSegmentsModel.PARAPHRASE,
        CellSegmentsModel.GENERALISATION,
    ):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


def cell_statements_view(parent: QWidget, model: CellStatementsModel) -> QListView:
    """The statements list: wrapped text, reordered and linked by drag and drop."""
    view = QListView(parent)
    view.setObjectName("cellStatements")
    view.setModel(model)
    view.setItemDelegate(StatementDelegate(view))
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDropIndicatorShown(True)
    view.setAcceptDrops(True)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


def shortcut_action(
    owner: QWidget,
    keys: str | QKeySequence.StandardKey,
    context: Qt.ShortcutContext,
    slot: Callable[[], object],
    added_to: QWidget | None = None,
) -> QAction:
    """An action of `owner` that runs `slot` on these keys, while the focus is where
    `context` says (in `added_to`, else in the owner)."""
    action = QAction(owner)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    (added_to or owner).addAction(action)
    return action
