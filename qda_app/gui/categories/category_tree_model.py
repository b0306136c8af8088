"""The category system as an editable tree: every edit goes through the core category service.

The model never changes its own rows: renaming, retagging and drag-and-drop call
`project.categories`, and the project's change event refreshes the model. That keeps one
path for GUI, CLI and tests, and makes every edit undoable.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont

from ...core.analysis.category_counts import coding_count_changes, codings_per_category
from ...core.errors import EditConflictError, QdaError
from ...core.i18n import tr
from ...core.services.category_tree import subtree_ids
from ...core.values import CategoryInfo, ChangeEvent
from ..common.display_format import colour_swatch, format_count
from ..common.plain_tree_model import KEY_ROLE, Index, PlainTreeModel, TreeNode

if TYPE_CHECKING:
    from ...core.project import Project

MIME_TYPE = "application/x-qda-category-ids"


def category_key(category_id: int) -> tuple[str, int]:
    return ("category", category_id)


class CategoryTreeModel(PlainTreeModel):
    """Name (with colour swatch), tag and number of codings of every category."""

    COLUMN_COUNT = 3
    NAME, TAG, CODINGS = range(3)
    error_occurred = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._categories: list[CategoryInfo] = []

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        root = TreeNode(key=("root",))
        self._categories = self.project.categories.list() if self.project else []
        counts = codings_per_category(self.project) if self.project else {}
        nodes: dict[int, TreeNode] = {}
        for category in self._categories:  # depth-first: parents come first
            parent = nodes.get(category.parent_id, root) if category.parent_id else root
            node = TreeNode(category_key(category.id), (category, counts.get(category.id, 0)))
            nodes[category.id] = parent.add(node)
        self.set_tree(root)

    def on_change(self, event: ChangeEvent) -> None:
        """A changed category reloads the tree; codings only move counts (no query)."""
        if event.reset or event.keys("categories"):
            self.refresh()
            return
        for category_id, delta in coding_count_changes(event, "category_id").items():
            node = self.node_for_key(category_key(category_id))
            if node is not None and delta:
                category, count = node.value
                node.value = (category, count + delta)
                self.emit_changed_upwards(node.key)

    def categories(self) -> list[CategoryInfo]:
        return list(self._categories)

    def category(self, index: Index) -> CategoryInfo | None:
        node = self.node(index)
        return node.value[0] if node else None

    def coding_count(self, index: Index) -> int:
        node = self.node(index)
        return node.value[1] if node else 0

    @staticmethod
    def subtree_count(node: TreeNode) -> int:
        """Codings of a category and all its subcategories."""
        return node.value[1] + sum(CategoryTreeModel.subtree_count(c) for c in node.children)

    def index_of_category(self, category_id: int, column: int = 0) -> QModelIndex:
        return self.index_for_key(category_key(category_id), column)

    # -- showing -----------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = ("name", "tag", "codings")
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(names):
            return tr(f"gui.categories.column.{names[section]}")
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(names):
            return tr(f"gui.categories.column_tip.{names[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        category, count = node.value
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return category.name
            if column == self.TAG:
                return category.tag
            if role == Qt.ItemDataRole.EditRole:
                return count
            if node.children:  # a parent: its own codings, then those with its subtree
                return f"{format_count(count)} ({format_count(self.subtree_count(node))})"
            return format_count(count)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return colour_swatch(category.colour)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.NAME
            and category.origin == "inductive"
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(category, count)
            if node.children:
                total = tr("gui.categories.tip.subtree", count=self.subtree_count(node))
                tip = tip.replace("</p>", f"<br>{escape(total)}</p>")
            return tip
        if role == KEY_ROLE:
            return node.key
        return None

    @staticmethod
    def _tooltip(category: CategoryInfo, count: int) -> str:
        origin = tr(f"gui.origin.{category.origin}")
        parts = [f"<b>{escape(category.name)}</b> <i>({escape(origin)})</i>"]
        if category.tag:
            parts.append(escape(tr("gui.categories.tip.tag", tag=category.tag)))
        parts.append(escape(tr("gui.categories.tip.codings", count=count)))
        for label, text in (("definition", category.definition), ("rules", category.coding_rules)):
            if text:
                parts.append(f"<b>{escape(tr(f'gui.categories.tip.{label}'))}</b> {escape(text)}")
        return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"

    # -- editing through the service ---------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() in (self.NAME, self.TAG):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        category = self.category(index)
        if category is None or role != Qt.ItemDataRole.EditRole or self.project is None:
            return False
        field = {self.NAME: "name", self.TAG: "tag"}.get(index.column())
        if field is None:
            return False
        text = str(value or "")
        if " ".join(text.split()) == getattr(category, field):
            return True
        categories, version = self.project.categories, category.version
        if field == "name":
            return self._call(
                lambda: categories.rename(category.id, text, expected_version=version)
            )
        return self._call(
            lambda: categories.update(category.id, tag=text, expected_version=version)
        )

    def _call(self, action: Any, *args: Any) -> bool:
        """Run a service call; a refused change is reported, never raised into Qt. After an
        edit refused because someone else changed the row, the tree shows their version."""
        try:
            action(*args)
        except EditConflictError as error:
            self.error_occurred.emit(str(error))
            QTimer.singleShot(0, self.refresh)  # not while the view is committing the edit
            return False
        except QdaError as error:
            self.error_occurred.emit(str(error))
            return False
        return True

    # -- drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(c.id for i in indexes if (c := self.category(i))))
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode("ascii")))
        return data

    @staticmethod
    def _dragged_ids(data: QMimeData) -> list[int]:
        if not data.hasFormat(MIME_TYPE):
            return []
        raw = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        return [int(part) for part in raw.split(",") if part.isdigit()]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = self._dragged_ids(data)
        if action != Qt.DropAction.MoveAction or not ids:
            return False
        target = self.category(parent)
        if target is None:
            return True
        return not any(target.id in subtree_ids(self._categories, i) for i in ids)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Onto a category: move under it; between rows: reorder or move to that place."""
        if self.project is None or not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.category(parent)
        parent_id = target.id if target else None
        done = False
        for category_id in self._dragged_ids(data):
            current = next((c for c in self._categories if c.id == category_id), None)
            if current is None:
                continue
            source_row = self.index_of_category(category_id).row()
            if current.parent_id == parent_id:
                if row < 0:
                    continue  # dropped onto its own parent: nothing to do
                position = row - 1 if source_row < row else row
                if position == source_row:
                    continue
                done = self._call(self.project.categories.reorder, category_id, position) or done
            else:
                place = row if row >= 0 else None
                moved = self._call(self.project.categories.move, category_id, parent_id, place)
                done = moved or done
            if done and row >= 0:
                row += 1  # several categories land one after another
        return done
