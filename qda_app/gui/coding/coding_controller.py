"""Coding in the window: the selected text coded by a click on a category, a drop on it, the
context menu, the keys 1–9, the Ctrl+K picker, or in vivo; codings removed or re-ranged.

Every change goes through `project.codings` (or `project.autocode.in_vivo`), so each is one
undoable command and the views repaint from its change event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import CodingInfo
from ..common.message_boxes import show_warning
from ..documents.document_text_edit import range_from_mime
from .category_picker import CategoryPicker
from .coding_menus import add_pin_menu, text_context_menu
from .pinned_categories import PinnedCategories

if TYPE_CHECKING:
    from ...core.project import Project
    from ..shell.main_window import MainWindow

RECENT = 5


class CodingController(QObject):
    """Owns the coding actions of the window (menu "Kodieren") and the recent categories."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.document_view
        self.dock = window.category_dock
        self.recent: list[int] = []
        self.pins = PinnedCategories()
        self.picker: CategoryPicker | None = None
        self._pending = False  # a selection made since the last coding
        self.menu = QMenu(window)
        self.menu.setObjectName("codingMenu")
        self.code_action = self._action(self.code_with_current, "Ctrl+Return")
        self.pick_action = self._action(self.open_picker, "Ctrl+K")
        self.in_vivo_action = self._action(self.code_in_vivo, "Ctrl+Shift+I")
        self.remove_action = self._action(self.remove_at_cursor, "Ctrl+Shift+Backspace")
        self.menu.addActions([self.code_action, self.pick_action, self.in_vivo_action])
        self.menu.addSeparator()
        self.menu.addAction(self.remove_action)
        for key in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(key)), self.view.text)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda k=key: self.code_with_pin(k))
        self.view.text.selectionChanged.connect(self._selection_changed)
        self.view.range_requested.connect(self.change_range)
        self.view.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.text.customContextMenuRequested.connect(self.show_context_menu)
        self.dock.view.clicked.connect(self._category_clicked)
        self._drop_target = self.dock.view.viewport()
        self._drop_target.installEventFilter(self)
        self.dock.menu_extensions.append(self._extend_category_menu)
        self.retranslate()

    def _action(self, slot: object, shortcut: str) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    @property
    def project(self) -> Project | None:
        return self.window.project

    def set_project(self, project: Project | None) -> None:
        self.recent = []
        self.pins = PinnedCategories(project.location if project else None)

    def retranslate(self) -> None:
        self.menu.setTitle(tr("gui.menu.coding"))
        self.code_action.setText(tr("gui.coding.code"))
        self.pick_action.setText(tr("gui.coding.pick"))
        self.in_vivo_action.setText(tr("gui.coding.in_vivo"))
        self.remove_action.setText(tr("gui.coding.remove_here"))

    # -- coding ------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self._pending = self.view.selected_range() is not None

    def code_selection(self, category_id: int) -> CodingInfo | None:
        """Code the selected text with a category (the current coder's coding)."""
        selected = self.view.selected_range()
        document_id = self.view.document_id
        if self.project is None or selected is None or document_id is None:
            return None
        return self.code_range(document_id, *selected, category_id)

    def code_range(
        self, document_id: int, start: int, end: int, category_id: int
    ) -> CodingInfo | None:
        assert self.project is not None
        try:
            coding = self.project.codings.add(document_id, start, end, category_id)
        except QdaError as error:
            show_warning(self.window, str(error))
            return None
        self._remember(category_id)
        self._pending = False
        if document_id == self.view.document_id:
            self.view.clear_selection()
        return coding

    def _remember(self, category_id: int) -> None:
        self.recent = [category_id] + [c for c in self.recent if c != category_id][: RECENT - 1]

    def code_with_current(self) -> CodingInfo | None:
        """ "Kodieren": the selection with the category current in the tree."""
        category_id = self.dock.current_category_id()
        return self.code_selection(category_id) if category_id is not None else None

    def code_with_pin(self, key: int) -> CodingInfo | None:
        category_id = self.pins.category(key)
        if category_id is None:
            self.window.statusBar().showMessage(tr("gui.coding.no_pin", number=key), 4000)
            return None
        return self.code_selection(category_id)

    def _category_clicked(self, index: QModelIndex) -> None:
        if not self._pending or self.view.selected_range() is None or not self.view.isVisible():
            return
        category = self.dock.model.category(index)
        if category is not None and category.codable:
            self.code_selection(category.id)

    def open_picker(self) -> None:
        if self.project is None or self.view.selected_range() is None:
            return
        picker = CategoryPicker(
            self.project.categories.list(), self.project.categories.paths(), self.window
        )
        picker.chosen.connect(self.code_selection)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()

    def code_in_vivo(self) -> CodingInfo | None:
        """A new subcategory of the current category, named after the selection, coded."""
        selected = self.view.selected_range()
        document_id = self.view.document_id
        if self.project is None or selected is None or document_id is None:
            return None
        parent_id = self.dock.current_category_id()
        try:
            category, coding = self.project.autocode.in_vivo(document_id, *selected, parent_id)
        except QdaError as error:
            show_warning(self.window, str(error))
            return None
        self._remember(category.id)
        self._pending = False
        self.view.clear_selection()
        return coding

    def remove_coding(self, coding_id: int) -> None:
        if self.project is None:
            return
        try:
            self.project.codings.remove(coding_id)
        except QdaError as error:
            show_warning(self.window, str(error))

    def remove_at_cursor(self) -> None:
        """Remove the coding selected in the margin, else the innermost one at the cursor."""
        selected = self.view.margin.selected
        if selected is not None and any(c.coding_id == selected for c in self.view.codings):
            self.remove_coding(selected)
            return
        found = self.view.codings_at(self.view.text.textCursor().position())
        if found:
            self.remove_coding(min(found, key=lambda c: c.length).coding_id)

    def change_range(self, coding_id: int, start: int, end: int) -> None:
        """A new range for a coding (its bar's end dragged in the margin): undoable."""
        if self.project is None:
            return
        try:
            self.project.codings.change_range(
                coding_id, start, end, expected_version=self._version(coding_id)
            )
        except QdaError as error:
            show_warning(self.window, str(error))

    def set_range_to_selection(self, coding_id: int) -> None:
        selected = self.view.selected_range()
        if self.project is None or selected is None:
            return
        try:
            self.project.codings.change_range(
                coding_id, *selected, expected_version=self._version(coding_id)
            )
        except QdaError as error:
            show_warning(self.window, str(error))

    def _version(self, coding_id: int) -> int | None:
        """The version of the coding as the view shows it (a colleague's later edit wins)."""
        return next((c.version for c in self.view.codings if c.coding_id == coding_id), None)

    # -- menus -------------------------------------------------------------------------------

    def build_context_menu(self, position: int) -> QMenu:
        """The text's context menu: recent categories first, then all, picker and in vivo;
        for the codings under the mouse: details, range, remove."""
        return text_context_menu(self, position)

    def show_context_menu(self, point: QPoint) -> None:
        position = self.view.text.cursorForPosition(point).position()
        menu = self.build_context_menu(position)
        menu.exec(self.view.text.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _extend_category_menu(self, menu: QMenu, category_id: int | None) -> None:
        """Pin the category to a key 1–9 (or loosen it), from the category tree's menu."""
        if category_id is None or self.project is None:
            return
        add_pin_menu(menu, self, category_id)

    # -- dropping a selection on a category --------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() in kinds and watched is self._drop_target:
            assert isinstance(event, QDropEvent)
            dragged = range_from_mime(event.mimeData())
            if dragged is None:
                return False
            if event.type() == QEvent.Type.DragEnter:
                event.acceptProposedAction()
                return True
            index = self.dock.view.indexAt(event.position().toPoint())
            category = self.dock.model.category(index)
            if category is None or not category.codable or self.project is None:
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if event.type() == QEvent.Type.Drop:
                self.code_range(*dragged, category.id)
            return True
        return super().eventFilter(watched, event)
