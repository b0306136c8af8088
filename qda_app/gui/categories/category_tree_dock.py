"""Right dock: the category system, edited in place through the core category service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHeaderView,
    QMenu,
    QTreeView,
    QWidget,
)

from ...core.analysis.category_counts import codings_per_category
from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.content_columns import ContentColumns
from ..common.message_boxes import show_warning
from ..common.tree_view_state import TreeViewState
from .category_delete_dialog import CategoryDeleteDialog
from .category_properties_dialog import CategoryPropertiesDialog
from .category_revision_actions import CategoryRevisionActions
from .category_tree_model import CategoryTreeModel


class CategoryTreeDock(QDockWidget):
    """Tree view with a context menu (new, new subcategory, rename, delete, properties) and
    drag-and-drop.

    The properties dialog opens from the context menu, with Alt+Return, or by double-clicking
    a category's tag or count; a double-click on the name keeps expanding and collapsing, and
    F2 or a click on the selected name renames in place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryDock")
        self.model = CategoryTreeModel(self)
        self.model.error_occurred.connect(lambda text: show_warning(self, text))
        self.view = QTreeView(self)
        self.view.setObjectName("categoryTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)
        # Subcategory names share their beginning ("im Hinblick auf …"): keep both ends visible.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CategoryTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.columns = ContentColumns(self.view, (CategoryTreeModel.TAG, CategoryTreeModel.CODINGS))
        self.state = TreeViewState(self.view, self.model)
        self.setWidget(self.view)

        self.new_action = QAction(self)
        self.new_action.triggered.connect(lambda: self.create_category(subcategory=False))
        self.new_sub_action = QAction(self)
        self.new_sub_action.triggered.connect(lambda: self.create_category(subcategory=True))
        self.rename_action = QAction(self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self.rename_current)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_current)
        self.properties_action = QAction(self)
        self.properties_action.setShortcuts([QKeySequence("Alt+Return"), QKeySequence("Alt+Enter")])
        self.properties_action.triggered.connect(lambda: self.open_properties())
        for action in (self.rename_action, self.delete_action, self.properties_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.revisions = CategoryRevisionActions(self)
        self.model.modelReset.connect(self.revisions.project_changed)
        # Other features add entries to the context menu (coding: pin to a key).
        self.menu_extensions: list[Callable[[QMenu, int | None], None]] = []
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentChanged.connect(self.update_actions)
        self.model.modelReset.connect(self.update_actions)
        self.retranslate()
        self.update_actions()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.dock.categories"))
        self.new_action.setText(tr("gui.categories.new"))
        self.new_sub_action.setText(tr("gui.categories.new_sub"))
        self.rename_action.setText(tr("gui.categories.rename"))
        self.delete_action.setText(tr("gui.categories.delete"))
        self.properties_action.setText(tr("gui.categories.properties"))
        self.revisions.retranslate()
        self.model.emit_all_changed()

    def current_category_id(self) -> int | None:
        category = self.model.category(self.view.currentIndex())
        return category.id if category else None

    def update_actions(self, *_args: object) -> None:
        has_project = self.model.project is not None
        has_current = self.current_category_id() is not None
        self.new_action.setEnabled(has_project)
        for action in (
            self.new_sub_action,
            self.rename_action,
            self.delete_action,
            self.properties_action,
        ):
            action.setEnabled(has_project and has_current)
        self.revisions.update_actions(has_project, has_current)

    def _show_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            self.view.setCurrentIndex(QModelIndex())
        self.update_actions()
        menu = QMenu(self)
        menu.addActions([self.new_action, self.new_sub_action])
        menu.addSeparator()
        menu.addActions([self.rename_action, self.delete_action])
        menu.addSeparator()
        menu.addActions(self.revisions.revisions)
        menu.addSeparator()
        menu.addAction(self.properties_action)
        for extend in self.menu_extensions:
            extend(menu, self.current_category_id())
        menu.exec(self.view.viewport().mapToGlobal(position))

    # -- editing -----------------------------------------------------------------------------

    def create_category(self, *, subcategory: bool) -> int | None:
        """Add a category (top level or under the current one) and open its name for editing."""
        project = self.model.project
        if project is None:
            return None
        parent_id = self.current_category_id() if subcategory else None
        siblings = {c.name.casefold() for c in self.model.categories() if c.parent_id == parent_id}
        base = tr("gui.categories.new_name")
        name, number = base, 1
        while name.casefold() in siblings:
            number += 1
            name = f"{base} {number}"
        try:
            created = project.categories.create(name, parent_id)
        except QdaError as error:
            show_warning(self, str(error))
            return None
        index = self.model.index_of_category(created.id)
        self.view.scrollTo(index)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        return created.id

    def rename_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(CategoryTreeModel.NAME))

    def delete_current(self) -> None:
        """Ask what becomes of the codings, then delete through the service."""
        project = self.model.project
        category = self.model.category(self.view.currentIndex())
        if project is None or category is None:
            return
        dialog = self.make_delete_dialog(category.id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            project.categories.delete(category.id, dialog.fate(), dialog.target_id())
        except QdaError as error:
            show_warning(self, str(error))

    def make_delete_dialog(self, category_id: int) -> CategoryDeleteDialog:
        project = self.model.project
        assert project is not None
        categories = self.model.categories()
        category = next(c for c in categories if c.id == category_id)
        return CategoryDeleteDialog(category, categories, codings_per_category(project), self)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (CategoryTreeModel.TAG, CategoryTreeModel.CODINGS):
            category = self.model.category(index)
            if category is not None:
                self.open_properties(category.id)

    def open_properties(self, category_id: int | None = None) -> None:
        """Show the properties (coding agenda) of a category, by default the current one."""
        category_id = category_id if category_id is not None else self.current_category_id()
        if self.model.project is None or category_id is None:
            return
        dialog = self.make_properties_dialog(category_id)
        dialog.exec()
        dialog.deleteLater()

    def make_properties_dialog(self, category_id: int) -> CategoryPropertiesDialog:
        project = self.model.project
        assert project is not None
        return CategoryPropertiesDialog(project, category_id, self)
