"""The menus of coding in the window: the text's context menu (recent categories, all
categories, picker and in vivo; details, range and removal of the codings under the mouse)
and the pin entries added to the category tree's menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...core.i18n import tr
from ...core.values import CategoryInfo

if TYPE_CHECKING:
    from .coding_controller import CodingController


def text_context_menu(controller: CodingController, position: int) -> QMenu:
    """The text's standard context menu with the coding entries put before its own."""
    view = controller.view
    menu = view.text.createStandardContextMenu()
    menu.setObjectName("documentContextMenu")
    project = controller.project
    first = menu.actions()[0] if menu.actions() else None
    entries: list[QAction] = []
    if project is not None and view.selected_range() is not None:
        paths = project.categories.paths()
        categories = {c.id: c for c in project.categories.list()}
        for category_id in controller.recent:
            if category_id in categories:
                action = QAction(tr("gui.coding.code_as", path=paths[category_id]), menu)
                action.triggered.connect(
                    lambda _c=False, i=category_id: controller.code_selection(i)
                )
                entries.append(action)
        all_menu = QMenu(tr("gui.coding.code_with"), menu)
        fill_category_menu(all_menu, list(categories.values()), None, controller.code_selection)
        entries.append(all_menu.menuAction())
        entries.extend([controller.pick_action, controller.in_vivo_action])
    for segment in view.codings_at(position):
        label = " / ".join(segment.category_path)
        details = QAction(tr("gui.coding.details_of", path=label), menu)
        details.triggered.connect(lambda _c=False, i=segment.coding_id: view.select_coding(i))
        entries.append(details)
        if view.selected_range() is not None:
            reshape = QAction(tr("gui.coding.range_to_selection", path=label), menu)
            reshape.triggered.connect(
                lambda _c=False, i=segment.coding_id: controller.set_range_to_selection(i)
            )
            entries.append(reshape)
        remove = QAction(tr("gui.coding.remove", path=label), menu)
        remove.triggered.connect(lambda _c=False, i=segment.coding_id: controller.remove_coding(i))
        entries.append(remove)
    if entries:
        separator = menu.insertSeparator(first) if first else None
        for action in entries:
            menu.insertAction(separator, action) if separator else menu.addAction(action)
    return menu


def fill_category_menu(
    menu: QMenu,
    categories: list[CategoryInfo],
    parent_id: int | None,
    code: Callable[[int], object],
) -> None:
    """The category tree as nested menus; a codable category's entry codes with it."""
    for category in [c for c in categories if c.parent_id == parent_id]:
        children = [c for c in categories if c.parent_id == category.id]
        if children:
            sub = menu.addMenu(category.name)
            if category.codable:
                own = sub.addAction(category.name)
                own.triggered.connect(lambda _c=False, i=category.id: code(i))
                sub.addSeparator()
            fill_category_menu(sub, categories, category.id, code)
        elif category.codable:
            action = menu.addAction(category.name)
            action.triggered.connect(lambda _c=False, i=category.id: code(i))


def add_pin_menu(menu: QMenu, controller: CodingController, category_id: int) -> None:
    """Pin the category to a key 1–9 (or loosen it)."""
    pin_menu = menu.addMenu(tr("gui.coding.pin"))
    current = controller.pins.key_of(category_id)
    for key in range(1, 10):
        action = pin_menu.addAction(tr("gui.coding.pin_key", number=key))
        action.setCheckable(True)
        action.setChecked(current == key)
        action.triggered.connect(lambda _c=False, k=key: controller.pins.pin(k, category_id))
    if current is not None:
        pin_menu.addSeparator()
        unpin = pin_menu.addAction(tr("gui.coding.unpin"))
        unpin.triggered.connect(lambda _c=False: controller.pins.unpin(category_id))
