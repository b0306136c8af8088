"""Ctrl+K: a type-ahead list of codable categories, matched on their path and tag."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.text_fold import fold
from ...core.values import CategoryInfo
from ..common.display_format import colour_swatch

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CategoryPicker(QDialog):
    """Type to narrow the list; Return codes with the highlighted category."""

    chosen = Signal(int)

    def __init__(
        self, categories: list[CategoryInfo], paths: dict[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("categoryPicker")
        self.setWindowTitle(tr("gui.coding.picker_title"))
        self.query = QLineEdit(self)
        self.query.setObjectName("categoryPickerQuery")
        self.query.setPlaceholderText(tr("gui.coding.picker_placeholder"))
        self.list = QListWidget(self)
        self.list.setObjectName("categoryPickerList")
        self._entries = [
            (c, paths.get(c.id, c.name), fold(f"{paths.get(c.id, c.name)} {c.tag}"))
            for c in categories
            if c.codable
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self.resize(520, 380)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self.query.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._filter("")

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        self.list.clear()
        for category, path, key in self._entries:
            if all(word in key for word in words):
                label = f"{path}  [{category.tag}]" if category.tag else path
                item = QListWidgetItem(colour_swatch(category.colour), label)
                item.setData(ID_ROLE, category.id)
                item.setToolTip(path)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def shown_paths(self) -> list[str]:
        return [self.list.item(row).toolTip() for row in range(self.list.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        item = self.list.currentItem()
        super().accept()
        if item is not None:
            self.chosen.emit(int(item.data(ID_ROLE)))
