"""Checkable lists of what to include (quarters, categories, coders, methods) and reading
the export options back from the dialog's widgets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole


class ChoiceList(QListWidget):
    """A list of named things, each with a check box; all checked at first. `chosen()` is
    empty when all are checked (meaning "no restriction")."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setMinimumHeight(90)

    def fill(self, entries: Sequence[tuple[int, str, int]]) -> None:
        """Entries as (id, label, indent level)."""
        self.clear()
        for identifier, label, level in entries:
            item = QListWidgetItem("    " * level + label)
            item.setData(ID_ROLE, identifier)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.addItem(item)

    def entries(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def checked_ids(self) -> list[int]:
        return [
            int(item.data(ID_ROLE))
            for item in self.entries()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def chosen(self) -> tuple[int, ...]:
        checked = self.checked_ids()
        return () if len(checked) == self.count() else tuple(checked)

    def set_checked(self, identifiers: Sequence[int]) -> None:
        wanted = set(identifiers)
        for item in self.entries():
            state = (
                Qt.CheckState.Checked
                if int(item.data(ID_ROLE)) in wanted
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)

    def item_for(self, label: str) -> QListWidgetItem:
        """The item whose text (without indentation) is `label`."""
        return next(item for item in self.entries() if item.text().strip() == label)
