"""Left dock: quarters and their documents; choosing a document opens it in the centre."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QMenu,
    QTreeView,
    QWidget,
)

from ...core.i18n import tr
from ..common.content_columns import ContentColumns
from ..common.tree_view_state import TreeViewState
from .quarter_document_model import QuarterDocumentModel


class QuarterTreeDock(QDockWidget):
    """A tree view over `QuarterDocumentModel` that reports the document a user picks, and the
    one whose properties they ask for (double-click or context menu)."""

    document_selected = Signal(int)
    properties_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarterDock")
        self.model = QuarterDocumentModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("quarterTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        # Protocol titles end in what tells them apart ("… 3 – Kita"): keep both ends.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSectionResizeMode(QuarterDocumentModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.columns = ContentColumns(
            self.view, (QuarterDocumentModel.DATE, QuarterDocumentModel.CODINGS)
        )
        self.state = TreeViewState(self.view, self.model)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        self.properties_action = QAction(self)
        self.properties_action.setShortcuts([QKeySequence("Alt+Return"), QKeySequence("Alt+Enter")])
        self.properties_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.properties_action.triggered.connect(self._properties_of_current)
        self.view.addAction(self.properties_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.setWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.dock.quarters"))
        self.properties_action.setText(tr("gui.action.properties"))
        self.model.emit_all_changed()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current)
        if document_id is not None:
            self.document_selected.emit(document_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        document_id = self.model.document_id(index)
        if document_id is not None:
            self.properties_requested.emit(document_id)

    def _properties_of_current(self) -> None:
        self._double_clicked(self.view.currentIndex())

    def context_menu(self, position: QPoint) -> QMenu | None:
        """The menu for the item at a point of the view (documents only), made current."""
        index = self.view.indexAt(position)
        if self.model.document_id(index) is None:
            return None
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.properties_action)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(position))
            menu.deleteLater()

    def select_document(self, document_id: int) -> None:
        index = self.model.index_of_document(document_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
