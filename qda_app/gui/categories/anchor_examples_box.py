"""A category's anchor examples: the coded segments that show what the category means.

Adding and removing an anchor is a command of its own, done at once (and undoable from the
Edit menu), independent of the other fields of the properties dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import SegmentFilter
from .anchor_picker_dialog import AnchorPickerDialog
from .segment_list import (
    ENTRY_ROLE,
    SegmentDelegate,
    SegmentEntry,
    fill_list,
    mute,
    segment_entries,
)

if TYPE_CHECKING:
    from ...core.project import Project


class AnchorExamplesBox(QGroupBox):
    """List of anchor examples with "Add …" (pick a coded segment) and "Remove"."""

    error_occurred = Signal(str)
    changed = Signal()

    def __init__(self, project: Project, category_id: int, parent: QWidget | None = None) -> None:
        super().__init__(tr("gui.category_properties.anchors"), parent)
        self.project = project
        self.category_id = category_id
        self.list = QListWidget(self)
        self.list.setObjectName("anchorList")
        self.list.setItemDelegate(SegmentDelegate(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(140)
        self.empty_label = QLabel(tr("gui.category_properties.no_anchors"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        mute(self.empty_label)
        self.add_button = QPushButton(tr("gui.category_properties.add_anchor"), self)
        self.add_button.setObjectName("addAnchor")
        self.add_button.setToolTip(tr("gui.category_properties.add_anchor_tip"))
        self.remove_button = QPushButton(tr("gui.category_properties.remove_anchor"), self)
        self.remove_button.setObjectName("removeAnchor")
        self.add_button.clicked.connect(self.add_anchor)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.reload()

    def entries(self) -> list[SegmentEntry]:
        return [self.list.item(row).data(ENTRY_ROLE) for row in range(self.list.count())]

    def reload(self) -> None:
        """Read the anchors again from the project, keeping the selected row where possible."""
        row = self.list.currentRow()
        anchors = self.project.categories.anchors(self.category_id)
        ids = {a.coding_id: a.id for a in anchors}
        found = self.project.segments.list(SegmentFilter(coding_ids=tuple(ids)))
        by_coding = {segment.coding_id: segment for segment in found}
        in_order = [by_coding[a.coding_id] for a in anchors if a.coding_id in by_coding]
        fill_list(self.list, segment_entries(in_order, ids))
        self.list.setVisible(bool(anchors))
        self.empty_label.setVisible(not anchors)
        if anchors:
            self.list.setCurrentRow(min(max(row, 0), len(anchors) - 1))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def make_picker(self) -> AnchorPickerDialog:
        """The dialog offering the category's codings (those already anchors greyed out)."""
        name = self.project.categories.get(self.category_id).name
        segments = self.project.segments.of_category(self.category_id)
        anchored = {entry.coding_id for entry in self.entries()}
        return AnchorPickerDialog(name, segment_entries(segments), anchored, self)

    def add_anchor(self) -> None:
        picker = self.make_picker()
        accepted = picker.exec() == QDialog.DialogCode.Accepted
        coding_id = picker.chosen_coding_id()
        picker.deleteLater()
        if accepted and coding_id is not None:
            self._call(self.project.categories.add_anchor, self.category_id, coding_id)
            self.list.setCurrentRow(self.list.count() - 1)  # the new anchor comes last

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._call(self.project.categories.remove_anchor, item.data(ENTRY_ROLE).anchor_id)

    def _call(self, action: Callable[..., object], *args: int | None) -> None:
        try:
            action(*args)
        except QdaError as error:
            self.error_occurred.emit(str(error))
            return
        self.reload()
        self.changed.emit()
