"""Splitting a category: pick codings in its retrieval list, send them to a new or an
existing category."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr, tr_count
from ...core.project import Project
from ...core.services.category_tree import paths
from ...core.values import Segment
from .category_choice import CategoryChoice

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CategorySplitDialog(QDialog):
    """The category's segments with check boxes (narrowed by a filter), and the target: a new
    category beside or under the source, or an existing one. `chosen` are checked at first
    (codings picked in another list)."""

    def __init__(
        self,
        project: Project,
        source_id: int,
        chosen: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.source = project.categories.get(source_id)
        categories = project.categories.list()
        source_path = paths(categories)[source_id]
        self.setWindowTitle(tr("gui.revision.split_title", name=self.source.name))
        intro = QLabel(tr("gui.revision.split_intro", name=source_path), self)
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("splitFilter")
        self.filter_edit.setPlaceholderText(tr("gui.revision.split_filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.all_button = QPushButton(tr("gui.revision.check_all"), self)
        self.none_button = QPushButton(tr("gui.revision.check_none"), self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("splitSegments")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [
                tr("gui.revision.column.text"),
                tr("gui.revision.column.document"),
                tr("gui.revision.column.coder"),
            ]
        )
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._fill(project.segments.of_category(source_id), set(chosen))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("splitCount")

        self.new_button = QRadioButton(tr("gui.revision.split_new"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newCategoryName")
        self.name_edit.setPlaceholderText(tr("gui.revision.split_new_name"))
        self.place_combo = QComboBox(self)
        self.place_combo.setObjectName("newCategoryPlace")
        self.place_combo.addItem(tr("gui.revision.split_beside", name=self.source.name), "beside")
        self.place_combo.addItem(tr("gui.revision.split_under", name=self.source.name), "under")
        self.existing_button = QRadioButton(tr("gui.revision.split_existing"), self)
        self.target_combo = CategoryChoice(categories, [source_id], self)
        self.target_combo.setObjectName("targetCombo")
        self._group = QButtonGroup(self)
        self._group.addButton(self.new_button)
        self._group.addButton(self.existing_button)
        self.new_button.setChecked(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("gui.revision.split_confirm"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.place_combo)
        layout.addLayout(new_row)
        existing_row = QHBoxLayout()
        existing_row.addWidget(self.existing_button)
        existing_row.addWidget(self.target_combo, 1)
        layout.addLayout(existing_row)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self.apply_filter)
        self.all_button.clicked.connect(lambda: self._check_visible(True))
        self.none_button.clicked.connect(lambda: self._check_visible(False))
        self.list.itemChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        self._group.buttonToggled.connect(self._update)
        self.resize(820, 560)
        self._update()

    def _fill(self, segments: list[Segment], chosen: set[int]) -> None:
        for segment in segments:
            item = QTreeWidgetItem(
                [" ".join(segment.text.split()), segment.document_title, segment.coder]
            )
            item.setData(0, ID_ROLE, segment.coding_id)
            item.setToolTip(0, segment.text.strip())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = (
                Qt.CheckState.Checked if segment.coding_id in chosen else Qt.CheckState.Unchecked
            )
            item.setCheckState(0, state)
            self.list.addTopLevelItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for item in self._items():
            shown = not needle or any(needle in item.text(c).casefold() for c in range(3))
            item.setHidden(not shown)

    def _check_visible(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(0, state)

    def set_checked(self, coding_ids: Iterable[int]) -> None:
        wanted = set(coding_ids)
        for item in self._items():
            checked = item.data(0, ID_ROLE) in wanted
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[int]:
        return [
            int(item.data(0, ID_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update(self, *_args: object) -> None:
        chosen = len(self.chosen_ids())
        self.count_label.setText(
            tr_count("gui.revision.split_count", chosen, total=len(self._items()))
        )
        new = self.new_button.isChecked()
        self.name_edit.setEnabled(new)
        self.place_combo.setEnabled(new)
        self.target_combo.setEnabled(not new)
        target_ok = bool(self.name_edit.text().strip()) if new else self.target_combo.count() > 0
        self.ok_button.setEnabled(chosen > 0 and target_ok)

    def split(self) -> None:
        """Carry out the split as chosen (one undoable command)."""
        ids = self.chosen_ids()
        if self.new_button.isChecked():
            under = self.place_combo.currentData() == "under"
            parent_id = self.source.id if under else self.source.parent_id
            self.project.categories.split(ids, new_name=self.name_edit.text(), parent_id=parent_id)
        else:
            self.project.categories.split(ids, self.target_combo.category_id())
