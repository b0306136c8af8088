"""The category system's history: the list of revisions, filtered by category, and for the
selected one the category before and after, field by field."""

from __future__ import annotations

import os
from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.project import Project
from ...core.revision_values import CategoryState
from ..common.message_boxes import show_information, show_warning
from .category_choice import CategoryChoice
from .category_history_model import CategoryHistoryModel

FIELDS = CategoryState.FIELDS
CHANGED_BACKGROUND = "#fcf3cf"


class CategoryHistoryDialog(QDialog):
    """Not modal: it stays open beside the window and follows every change (`refresh`)."""

    def __init__(
        self, project: Project, category_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self._states: tuple[dict[int, CategoryState], dict[int, CategoryState]] = ({}, {})
        self.setWindowTitle(tr("gui.revision.history_title"))
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("historyFilter")
        self.model = CategoryHistoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CategoryHistoryModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self.which_combo = QComboBox(self)
        self.which_combo.setObjectName("beforeAfterCategory")
        self.fields = QTextBrowser(self)
        self.fields.setObjectName("beforeAfter")
        self._rows: list[tuple[str, str]] = []
        self.export_button = QPushButton(tr("gui.revision.export_history"), self)
        self.compare_button = QPushButton(tr("gui.revision.compare_at_entry"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("gui.revision.filter"), self))
        top.addWidget(self.filter_combo, 1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        which = QHBoxLayout()
        which.addWidget(QLabel(tr("gui.revision.before_after_of"), lower))
        which.addWidget(self.which_combo, 1)
        lower_layout.addLayout(which)
        lower_layout.addWidget(self.fields)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 260])
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.compare_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._fill_filter(category_id)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._entry_selected)
        self.which_combo.currentIndexChanged.connect(lambda _i: self._show_before_after())
        self.export_button.clicked.connect(self.export_history)
        self.compare_button.clicked.connect(self.compare_at_entry)
        self.resize(1000, 640)
        self.refresh()

    def _fill_filter(self, category_id: int | None) -> None:
        categories = self.project.categories.list()
        choice = CategoryChoice(categories)
        self.filter_combo.addItem(tr("gui.revision.all_categories"), None)
        for row in range(choice.count()):
            self.filter_combo.addItem(
                choice.itemIcon(row), choice.itemText(row), choice.itemData(row)
            )
        if category_id is not None:
            self.filter_combo.setCurrentIndex(self.filter_combo.findData(category_id))

    def refresh(self, *_args: object) -> None:
        """Read the history again (after any change), keeping the selected entry."""
        current = self.model.change(self.table.currentIndex())
        self.model.set_changes(
            self.project.category_history.changes(self.filter_combo.currentData())
        )
        row = self.model.row_of(current.entry_id) if current else -1
        self.select_row(max(row, 0) if self.model.rowCount() else -1)

    def select_row(self, row: int) -> None:
        if row < 0:
            self._show_before_after()
            return
        self.table.selectRow(row)

    def _entry_selected(self, *_args: QItemSelection) -> None:
        change = self.model.change(self.table.currentIndex())
        self.which_combo.blockSignals(True)
        self.which_combo.clear()
        self._states = ({}, {})
        if change is not None:
            self._states = self.project.category_history.around(change.entry_id)
            before, after = self._states
            wanted = self.filter_combo.currentData()
            for category_id in change.category_ids:
                state = after.get(category_id) or before.get(category_id)
                if state is not None:
                    self.which_combo.addItem(state.path, category_id)
            if wanted is not None and self.which_combo.findData(wanted) >= 0:
                self.which_combo.setCurrentIndex(self.which_combo.findData(wanted))
        self.which_combo.blockSignals(False)
        self._show_before_after()

    def _show_before_after(self) -> None:
        """The chosen category before and after the entry, field by field, changes marked."""
        category_id = self.which_combo.currentData()
        before, after = self._states
        old, new = before.get(category_id), after.get(category_id)
        changed = set(old.differs(new)) if old is not None else set(FIELDS)
        self._rows = [(_shown(old, name), _shown(new, name)) for name in FIELDS]
        if category_id is None:
            self.fields.setHtml("")
            return
        head = "".join(
            f"<th align='left'>{escape(tr(key))}</th>"
            for key in ("gui.revision.field", "gui.revision.before", "gui.revision.after")
        )
        lines = []
        for name, (was, now) in zip(FIELDS, self._rows, strict=True):
            style = (
                f" style='background:{CHANGED_BACKGROUND};color:#000'" if name in changed else ""
            )
            cells = "".join(
                f"<td>{_html(text)}</td>" for text in (tr(f"gui.revision.field.{name}"), was, now)
            )
            lines.append(f"<tr{style}>{cells}</tr>")
        self.fields.setHtml(
            "<table width='100%' cellspacing='0' cellpadding='4'>"
            f"<tr>{head}</tr>{''.join(lines)}</table>"
        )

    def before_after_texts(self) -> list[tuple[str, str]]:
        """What the before/after table shows, field by field (for keyboard users and tests)."""
        return list(self._rows)

    def export_history(self) -> None:
        from ...core.exporters.coding_agenda_xlsx import write_history_xlsx

        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("gui.revision.export_history"),
            _default_folder(self.project, "verlauf.xlsx"),
            tr("gui.revision.xlsx_filter"),
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            write_history_xlsx(self.project.category_history.changes(), path)
        except (OSError, QdaError) as error:
            show_warning(self, tr("gui.revision.export_failed", path=path, reason=str(error)))
            return
        show_information(self, tr("gui.revision.exported", path=path))

    def compare_at_entry(self) -> None:
        from .category_snapshot_dialog import CategorySnapshotDialog

        change = self.model.change(self.table.currentIndex())
        dialog = CategorySnapshotDialog(self.project, change.local_time if change else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _shown(state: CategoryState | None, field: str) -> str:
    if state is None:
        return tr("gui.revision.did_not_exist")
    value = getattr(state, field)
    if field == "origin":
        return tr(f"agenda.origin.{value}") if value else ""
    if isinstance(value, bool):
        return tr("gui.revision.yes") if value else tr("gui.revision.no")
    return str(value)


def _default_folder(project: Project, name: str) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(project.location)), name)
