"""One grid cell opened: its coded segments on the left (paraphrase and generalisation edited
in place), its condensed statements on the right, and the segments behind the statement
selected there.

Segments are linked to a statement by dragging them onto it or with Ctrl+L; dragged between
statements (or with "New statement" while segments are selected) they become a new
statement. Everything runs through core commands, so the Edit menu undoes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.summary_grid import cell_filter, cell_statements
from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import SegmentFilter, StatementInfo
from ..categories.segment_list import ENTRY_ROLE, SegmentDelegate, fill_list, mute, segment_entries
from ..common.message_boxes import show_warning
from ..planning.goal_link_menu import goal_link_menu
from .cell_editor_views import cell_segments_view, cell_statements_view, shortcut_action
from .cell_segments_model import CellSegmentsModel
from .cell_statements_model import CellStatementsModel, evidence_of

if TYPE_CHECKING:
    from ...core.project import Project


class CellEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cellEditor")
        self.project: Project | None = None
        self.cell: tuple[int, int] | None = None
        self.title = QLabel(self)
        self.title.setObjectName("cellTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.segments = CellSegmentsModel(self)
        self.segments.error_occurred.connect(self._refused)
        self.segments_view = cell_segments_view(self, self.segments)

        self.statements = CellStatementsModel(self)
        self.statements.error_occurred.connect(self._refused)
        self.statements.statement_created.connect(self._select_new_statement)
        self.statements_view = cell_statements_view(self, self.statements)
        self.statements_view.selectionModel().currentChanged.connect(
            lambda *_: self._show_evidence()
        )
        self.statements_view.customContextMenuRequested.connect(self._statement_menu)

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_statement)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_statement)
        self.up_button = QPushButton("↑", self)
        self.up_button.clicked.connect(lambda: self.move_statement(-1))
        self.down_button = QPushButton("↓", self)
        self.down_button.clicked.connect(lambda: self.move_statement(1))
        self.link_button = QPushButton(self)
        self.link_button.clicked.connect(self.link_selected)
        self.evidence_label = QLabel(self)
        mute(self.evidence_label)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName("statementEvidence")
        self.evidence_list.setItemDelegate(SegmentDelegate(self.evidence_list))
        self.evidence_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unlink_button = QPushButton(self)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        mute(self.hint)

        children = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.link_action = shortcut_action(self, "Ctrl+L", children, self.link_selected)
        self.new_action = shortcut_action(self, "Ctrl+Shift+N", children, self.new_statement)
        self.delete_action = shortcut_action(
            self,
            QKeySequence.StandardKey.Delete,
            Qt.ShortcutContext.WidgetShortcut,
            self.delete_statement,
            added_to=self.statements_view,
        )

        buttons = QHBoxLayout()
        for button in (self.new_button, self.link_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.statements_view, 3)
        right_layout.addWidget(self.evidence_label)
        right_layout.addWidget(self.evidence_list, 2)
        right_layout.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignRight)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.segments_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.hint)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.new_button.setText(tr("gui.grid.new_statement"))
        self.new_button.setToolTip(tr("gui.grid.new_statement_tip"))
        self.delete_button.setText(tr("gui.grid.delete_statement"))
        self.up_button.setToolTip(tr("gui.grid.move_up"))
        self.down_button.setToolTip(tr("gui.grid.move_down"))
        self.link_button.setText(tr("gui.grid.link"))
        self.link_button.setToolTip(tr("gui.grid.link_tip"))
        self.unlink_button.setText(tr("gui.grid.unlink"))
        self.evidence_label.setText(tr("gui.grid.evidence_title"))
        self.hint.setText(tr("gui.grid.cell_hint"))
        self._show_title()

    # -- showing a cell -------------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.segments.project = project
        self.statements.project = project
        self.show_cell(None)

    def show_cell(self, cell: tuple[int, int] | None) -> None:
        self.cell = cell
        self.statements.cell = cell
        self.reload()

    def reload(self) -> None:
        """Read the cell's segments and statements again (after a change)."""
        project, cell = self.project, self.cell
        current = self.current_statement()
        if project is None or cell is None:
            self.segments.set_segments([], [])
            self.statements.set_statements([], {})
        else:
            category_id, quarter_id = cell
            segments = project.segments.list(cell_filter(project, category_id, quarter_id))
            statements = cell_statements(project, category_id, quarter_id)
            self.segments.set_segments(segments, statements)
            self.statements.set_statements(statements, evidence_of(project, statements))
            if current is not None and not self.statements_view.currentIndex().isValid():
                self.select_statement(current.id)
            if not self.statements_view.currentIndex().isValid() and statements:
                self.statements_view.setCurrentIndex(self.statements.index(0))
        self._show_title()
        self._show_evidence()
        self._update_buttons()

    def _show_title(self) -> None:
        if self.project is None or self.cell is None:
            self.title.setText(tr("gui.grid.no_cell"))
            return
        category_id, quarter_id = self.cell
        path = self.project.categories.paths().get(category_id, "")
        quarter = self.project.quarters.get(quarter_id).name
        self.title.setText(tr("gui.grid.cell_title", quarter=quarter, category=path))

    def _show_evidence(self) -> None:
        statement = self.current_statement()
        if self.project is None or statement is None or not statement.coding_ids:
            self.evidence_list.clear()
        else:
            found = self.project.segments.list(SegmentFilter(coding_ids=statement.coding_ids))
            fill_list(self.evidence_list, segment_entries(found))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_cell = self.cell is not None and self.project is not None
        statement = self.current_statement()
        self.new_button.setEnabled(has_cell)
        self.new_action.setEnabled(has_cell)
        for widget in (self.delete_button, self.up_button, self.down_button):
            widget.setEnabled(statement is not None)
        self.link_button.setEnabled(statement is not None)
        self.unlink_button.setEnabled(self.evidence_list.count() > 0)

    # -- actions --------------------------------------------------------------------------

    def current_statement(self) -> StatementInfo | None:
        return self.statements.statement(self.statements_view.currentIndex())

    def selected_segment_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.segments_view.selectionModel().selectedRows()})
        return [self.segments.segments[row].coding_id for row in rows]

    def select_statement(self, statement_id: int) -> None:
        row = self.statements.row_of(statement_id)
        if row >= 0:
            self.statements_view.setCurrentIndex(self.statements.index(row))

    def _select_new_statement(self, statement_id: int) -> None:
        self.reload()  # at once, not when the window is idle: the new row is chosen now
        self.select_statement(statement_id)

    def link_selected(self) -> None:
        """Ctrl+L: link the selected segments to the current statement."""
        statement, ids = self.current_statement(), self.selected_segment_ids()
        if self.project is None or statement is None or not ids:
            return
        self._run(lambda project: project.statements.link_codings(statement.id, ids))

    def new_statement(self) -> None:
        """A new statement in the cell: from the selected segments (linked to them), or with
        a placeholder text to type over."""
        ids = self.selected_segment_ids()
        try:
            made = self.statements.create(ids)
        except QdaError as error:
            show_warning(self, str(error))
            return
        if made is not None and not ids:
            self.statements_view.edit(self.statements_view.currentIndex())

    def delete_statement(self) -> None:
        statement = self.current_statement()
        if statement is not None:
            self._run(lambda project: project.statements.delete(statement.id))

    def move_statement(self, delta: int) -> None:
        statement = self.current_statement()
        if statement is None:
            return
        row = self.statements.row_of(statement.id)
        if not 0 <= row + delta < len(self.statements.statements):
            return
        self._run(lambda project: project.statements.reorder(statement.id, row + delta))
        self.select_statement(statement.id)

    def unlink_selected(self) -> None:
        statement = self.current_statement()
        if statement is None:
            return
        ids = [item.data(ENTRY_ROLE).coding_id for item in self.evidence_list.selectedItems()]
        if not ids and self.evidence_list.currentItem() is not None:
            ids = [self.evidence_list.currentItem().data(ENTRY_ROLE).coding_id]
        for coding_id in ids:
            self._run(lambda project, c=coding_id: project.statements.unlink(statement.id, c))

    def _statement_menu(self, position: QPoint) -> None:
        """Right-click on a statement: the strategic goals it supports (planning)."""
        index = self.statements_view.indexAt(position)
        if index.isValid():
            self.statements_view.setCurrentIndex(index)
        statement = self.current_statement()
        if self.project is not None and statement is not None:
            menu = goal_link_menu(self, self.project, statement.id)
            menu.exec(self.statements_view.viewport().mapToGlobal(position))

    def _refused(self, text: str) -> None:
        """Say why an edit was refused, then show the cell as it is now (after an edit
        refused because someone else changed the row, their version)."""
        show_warning(self, text)
        QTimer.singleShot(0, self.reload)

    def _run(self, change) -> None:  # noqa: ANN001 - a function of the project
        if self.project is None:
            return
        try:
            change(self.project)
        except QdaError as error:
            show_warning(self, str(error))

    def select_segments(self, coding_ids: list[int]) -> None:
        """Select these segments in the list (as a click with Ctrl would)."""
        selection = self.segments_view.selectionModel()
        selection.clearSelection()
        for coding_id in coding_ids:
            row = self.segments.row_of(coding_id)
            if row >= 0:
                selection.select(
                    self.segments.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
