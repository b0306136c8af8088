"""Keeps a tree view's expanded branches, selection and current row across model resets."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QTreeView

from .plain_tree_model import PlainTreeModel


class TreeViewState(QObject):
    """Remembers state by node key before a reset and restores it for keys that still exist.

    Branches the view has never seen before are expanded, so new quarters and categories show
    their children at once.
    """

    def __init__(self, view: QTreeView, model: PlainTreeModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._known: set[Hashable] = set()
        self._expanded: set[Hashable] = set()
        self._selected: list[Hashable] = []
        self._current: Hashable | None = None
        model.modelAboutToBeReset.connect(self._save)
        model.modelReset.connect(self._restore)

    def _save(self) -> None:
        model, view = self._model, self._view
        self._expanded = {k for k in model.all_keys() if view.isExpanded(model.index_for_key(k))}
        selection = view.selectionModel()
        self._selected = [model.key_of(i) for i in selection.selectedRows(0)] if selection else []
        self._current = model.key_of(view.currentIndex())

    def _restore(self) -> None:
        model, view = self._model, self._view
        for key in model.all_keys():
            index = model.index_for_key(key)
            if model.rowCount(index) and (key in self._expanded or key not in self._known):
                view.setExpanded(index, True)
        self._known = set(model.all_keys())
        selection_model = view.selectionModel()
        if selection_model is None:
            return
        selection = QItemSelection()
        for key in self._selected:
            index = model.index_for_key(key)
            if index.isValid():
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        current = model.index_for_key(self._current) if self._current is not None else None
        if current is not None and current.isValid():
            selection_model.setCurrentIndex(current, flags.NoUpdate)
        if not selection.isEmpty():
            selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
