"""Choosing one of a category's coded segments as a new anchor example."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ..common.display_format import format_count
from .segment_list import ENTRY_ROLE, SegmentDelegate, SegmentEntry, fill_list


class AnchorPickerDialog(QDialog):
    """The category's segments with their documents, narrowed by a filter field.

    Segments that already are anchor examples are shown greyed out and cannot be chosen.
    """

    def __init__(
        self,
        category_name: str,
        entries: list[SegmentEntry],
        anchored: set[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.anchor_picker.title", name=category_name))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("anchorFilter")
        self.filter_edit.setPlaceholderText(tr("gui.anchor_picker.filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("anchorCandidates")
        self.list.setItemDelegate(SegmentDelegate(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        already = tr("gui.anchor_picker.already")
        fill_list(
            self.list,
            [
                replace(e, title=f"{e.title} · {already}") if e.coding_id in anchored else e
                for e in entries
            ],
        )
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ENTRY_ROLE).coding_id in anchored:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.count_label = QLabel(self)
        self.empty_label = QLabel(tr("gui.anchor_picker.empty"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not entries)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("gui.anchor_picker.confirm"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.list.currentItemChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.resize(560, 480)
        self.apply_filter("")

    def apply_filter(self, text: str) -> None:
        """Show the segments whose words or document title contain `text` (any case)."""
        needle = text.strip()
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and not item.data(ENTRY_ROLE).matches(needle)
            item.setHidden(hidden)
            shown += not hidden
        self.count_label.setText(
            tr(
                "gui.anchor_picker.count",
                shown=format_count(shown),
                total=format_count(self.list.count()),
            )
        )
        current = self.list.currentItem()
        if current is None or current.isHidden() or not self._choosable(current):
            first = self._first_choosable()
            if first is not None:
                self.list.setCurrentItem(first)
            else:
                self.list.setCurrentRow(-1)
        self._update_ok()

    def chosen_coding_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden() or not self._choosable(item):
            return None
        return item.data(ENTRY_ROLE).coding_id

    def choose(self, coding_id: int) -> None:
        """Make the segment of that coding the current one (for keyboard users and tests)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ENTRY_ROLE).coding_id == coding_id:
                self.list.setCurrentRow(row)
                return

    @staticmethod
    def _choosable(item: QListWidgetItem) -> bool:
        return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _first_choosable(self) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden() and self._choosable(item):
                return item
        return None

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.chosen_coding_id() is not None)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        if self._choosable(item):
            self.list.setCurrentItem(item)
            self.accept()
