"""Base of the app's tree models: a read-only Qt view of a tree of plain, frozen core values.

Subclasses build a fresh tree of `TreeNode`s from the core; `set_tree` compares it with the
one shown. When only values changed (a rename, a new colour, a count) the nodes are updated in
place and `dataChanged` is emitted, so selection, expansion and open editors stay put; when the
shape changed the model is reset and views restore their state by node key
(see `tree_view_state`). Indexes carry an integer node id, never a Python object pointer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
TOP = QModelIndex()  # the invisible root, as a default argument


@dataclass(eq=False)
class TreeNode:
    """One row: a stable key such as ("document", 7), the plain value shown, its children."""

    key: Hashable
    value: Any = None
    children: list[TreeNode] = field(default_factory=list)
    parent: TreeNode | None = field(default=None, repr=False)
    row: int = 0
    uid: int = 0

    def add(self, child: TreeNode) -> TreeNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[TreeNode]:
        """This node's descendants, parents before children."""
        for child in self.children:
            yield child
            yield from child.walk()


def _shape(root: TreeNode) -> list[tuple[Hashable, Hashable]]:
    return [(node.key, node.parent.key if node.parent else None) for node in root.walk()]


class PlainTreeModel(QAbstractItemModel):
    """Index bookkeeping shared by the quarter/document tree and the category tree."""

    COLUMN_COUNT = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._uids = count(1)
        self._root = TreeNode(key=("root",))
        self._nodes: dict[int, TreeNode] = {}
        self._by_key: dict[Hashable, TreeNode] = {}

    # -- replacing the tree ------------------------------------------------------------------

    def set_tree(self, root: TreeNode) -> None:
        """Show a newly built tree, updating in place when its shape is unchanged."""
        if _shape(root) == _shape(self._root):
            for old, new in zip(self._root.walk(), root.walk(), strict=True):
                changed = old.value != new.value
                old.value = new.value  # also when only the edit version changed
                if changed:
                    self._emit_row_changed(old)
            return
        self.beginResetModel()
        self._root = root
        self._nodes = {}
        self._by_key = {}
        for node in root.walk():
            node.uid = next(self._uids)
            self._nodes[node.uid] = node
            self._by_key[node.key] = node
        self.endResetModel()

    def emit_all_changed(self) -> None:
        """Every row and the header changed their text (the UI language was switched)."""
        for node in self._root.walk():
            self._emit_row_changed(node)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)

    def emit_changed_upwards(self, key: Hashable) -> None:
        """The row of `key` and every row above it changed (a count that sums up the tree)."""
        node = self._by_key.get(key)
        while node is not None and node is not self._root:
            self._emit_row_changed(node)
            node = node.parent

    def node_for_key(self, key: Hashable) -> TreeNode | None:
        return self._by_key.get(key)

    def _emit_row_changed(self, node: TreeNode) -> None:
        first = self.createIndex(node.row, 0, node.uid)
        last = self.createIndex(node.row, self.COLUMN_COUNT - 1, node.uid)
        self.dataChanged.emit(first, last)

    # -- lookup ------------------------------------------------------------------------------

    def node(self, index: Index) -> TreeNode | None:
        """The node behind an index (None for the invisible root or a stale index)."""
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def key_of(self, index: Index) -> Hashable | None:
        node = self.node(index)
        return node.key if node else None

    def index_for_key(self, key: Hashable, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        return self.createIndex(node.row, column, node.uid) if node else QModelIndex()

    def all_keys(self) -> list[Hashable]:
        return [node.key for node in self._root.walk()]

    # -- QAbstractItemModel ------------------------------------------------------------------

    def _node_or_root(self, index: Index) -> TreeNode | None:
        return self._root if not index.isValid() else self._nodes.get(index.internalId())

    def index(self, row: int, column: int, parent: Index = TOP) -> QModelIndex:
        node = self._node_or_root(parent)
        if node is None or parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if not (0 <= row < len(node.children) and 0 <= column < self.COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].uid)

    def parent(self, index: Index = TOP) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.uid)

    def rowCount(self, parent: Index = TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node_or_root(parent)
        return len(node.children) if node else 0

    def columnCount(self, parent: Index = TOP) -> int:
        return self.COLUMN_COUNT

    def hasChildren(self, parent: Index = TOP) -> bool:
        return self.rowCount(parent) > 0
