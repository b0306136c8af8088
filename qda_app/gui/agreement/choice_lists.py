"""Check lists of coders and documents the agreement and copy dialogs share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ...core.values import CoderInfo, DocumentInfo


class CheckList(QListWidget):
    """Items with a check box each; `checked()` gives the ids of the ticked ones in order."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setUniformItemSizes(True)

    def fill(self, entries: Sequence[tuple[int, str]], ticked: Sequence[int] = ()) -> None:
        self.clear()
        for item_id, text in entries:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if item_id in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def checked(self) -> list[int]:
        return [
            int(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, item_id: int, checked: bool = True) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == item_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def coder_entries(coders: Sequence[CoderInfo]) -> list[tuple[int, str]]:
    return [(c.id, c.name) for c in coders]


def document_entries(documents: Sequence[DocumentInfo]) -> list[tuple[int, str]]:
    return [(d.id, d.title) for d in documents]
