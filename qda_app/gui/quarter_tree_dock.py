"""Left dock: quarters and their documents; choosing a document opens it in the centre."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTreeView, QWidget

from ..core.i18n import tr
from .quarter_document_model import QuarterDocumentModel
from .tree_view_state import TreeViewState


class QuarterTreeDock(QDockWidget):
    """A tree view over `QuarterDocumentModel` that reports the document a user picks."""

    document_selected = Signal(int)

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
        header.setSectionResizeMode(QuarterDocumentModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            QuarterDocumentModel.DATE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.state = TreeViewState(self.view, self.model)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.setWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.dock.quarters"))
        self.model.emit_all_changed()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current)
        if document_id is not None:
            self.document_selected.emit(document_id)

    def select_document(self, document_id: int) -> None:
        index = self.model.index_of_document(document_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
