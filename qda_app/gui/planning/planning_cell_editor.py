"""The open cell of the planning table: its findings (read-only), what is missing (add, edit
in place, delete) and its measures (add, edit in a dialog, delete); each change one command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from .measure_dialog import MeasureDialog

if TYPE_CHECKING:
    from ...core.analysis.planning_table import PlanningCell
    from ...core.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole


class PlanningCellEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningCellEditor")
        self.project: Project | None = None
        self.cell: PlanningCell | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.findings_label = QLabel(self)
        self.findings = QListWidget(self)
        self.findings.setObjectName("cellFindings")
        self.findings.setWordWrap(True)
        self.missing_label = QLabel(self)
        self.missing = QListWidget(self)
        self.missing.setObjectName("cellMissing")
        self.missing.setWordWrap(True)
        self.missing.itemDoubleClicked.connect(lambda _item: self.edit_missing())
        self.measures_label = QLabel(self)
        self.measures = QTreeWidget(self)
        self.measures.setObjectName("cellMeasures")
        self.measures.setColumnCount(4)
        self.measures.setRootIsDecorated(False)
        self.measures.setWordWrap(True)
        self.measures.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.measures.itemDoubleClicked.connect(lambda *_: self.edit_measure())
        self.buttons: dict[str, QPushButton] = {}
        missing_row = self._button_row(
            {
                "add_missing": self.add_missing,
                "edit_missing": self.edit_missing,
                "delete_missing": self.delete_missing,
            }
        )
        measure_row = self._button_row(
            {
                "add_measure": self.add_measure,
                "edit_measure": self.edit_measure,
                "delete_measure": self.delete_measure,
            }
        )
        left = QVBoxLayout()
        left.addWidget(self.findings_label)
        left.addWidget(self.findings, 1)
        right = QVBoxLayout()
        right.addWidget(self.missing_label)
        right.addWidget(self.missing, 1)
        right.addLayout(missing_row)
        right.addWidget(self.measures_label)
        right.addWidget(self.measures, 2)
        right.addLayout(measure_row)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        self.retranslate()

    def _button_row(self, actions: dict) -> QHBoxLayout:  # noqa: ANN401
        row = QHBoxLayout()
        for name, action in actions.items():
            button = QPushButton(self)
            button.setObjectName(name)
            button.clicked.connect(action)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def retranslate(self) -> None:
        for name, button in self.buttons.items():
            button.setText(tr(f"gui.planning.button.{name}"))
        self.missing_label.setText(tr("planning.column.missing"))
        self.measures_label.setText(tr("gui.planning.measures"))
        self.measures.setHeaderLabels(
            [tr(f"planning.column.{c}") for c in ("measure", "responsible", "time_frame", "status")]
        )
        self.show_cell(self.cell)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.show_cell(None)

    def show_cell(self, cell: PlanningCell | None, title: str = "") -> None:
        self.cell = cell
        if title:
            self.title.setText(title)
        self.findings.clear()
        self.missing.clear()
        self.measures.clear()
        for button in self.buttons.values():
            button.setEnabled(cell is not None)
        if cell is None:
            self.title.setText(tr("gui.planning.pick_cell"))
            self.findings_label.setText(tr("gui.planning.findings", count=0))
            return
        self.findings_label.setText(tr("gui.planning.findings", count=len(cell.findings)))
        for statement in cell.findings:
            QListWidgetItem(f"• {statement.text}", self.findings)
        for entry in cell.missing:
            item = QListWidgetItem(entry.text, self.missing)
            item.setData(ID_ROLE, entry.id)
        for measure in cell.measures:
            row = QTreeWidgetItem(
                self.measures,
                [
                    measure.text,
                    measure.responsible,
                    measure.time_frame,
                    tr(f"planning.status.{measure.status}"),
                ],
            )
            row.setData(0, ID_ROLE, measure.id)
            row.setToolTip(0, measure.text)
            row.setToolTip(1, measure.responsible)
        for column, width in enumerate((330, 220, 120)):
            self.measures.setColumnWidth(column, width)

    # -- changes -------------------------------------------------------------------------------

    def add_missing(self) -> None:
        if self.cell is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, tr("gui.planning.button.add_missing"), tr("planning.column.missing")
        )
        cell = self.cell
        if ok and text.strip():
            self._run(lambda p: p.planning.add_missing(cell.quarter_id, cell.goal_id, text))

    def edit_missing(self) -> None:
        item = self.missing.currentItem()
        if item is None:
            return
        entry_id = int(item.data(ID_ROLE))
        text, ok = QInputDialog.getMultiLineText(
            self, tr("gui.planning.button.edit_missing"), tr("planning.column.missing"), item.text()
        )
        if ok:
            self._run(lambda p: p.planning.update_missing(entry_id, text))

    def delete_missing(self) -> None:
        item = self.missing.currentItem()
        if item is not None:
            entry_id = int(item.data(ID_ROLE))
            self._run(lambda p: p.planning.delete_missing(entry_id))

    def add_measure(self) -> None:
        if self.cell is None:
            return
        cell = self.cell
        dialog = MeasureDialog(None, cell.findings, self)
        if dialog.exec():
            values, linked = dialog.values(), dialog.linked_statements()
            text = values.pop("text")
            self._run(
                lambda p: p.planning.add_measure(
                    cell.quarter_id, cell.goal_id, text, linked, **values
                )
            )

    def edit_measure(self) -> None:
        item = self.measures.currentItem()
        if item is None or self.project is None or self.cell is None:
            return
        measure = self.project.planning.measure(int(item.data(0, ID_ROLE)))
        dialog = MeasureDialog(measure, self.cell.findings, self)
        if not dialog.exec():
            return
        values, linked = dialog.values(), set(dialog.linked_statements())
        changed = {k: v for k, v in values.items() if v != getattr(measure, k)}
        if changed:
            self._run(lambda p: p.planning.update_measure(measure.id, **changed))
        for statement_id in linked - set(measure.statement_ids):
            self._run(lambda p, s=statement_id: p.planning.link_measure(measure.id, s))
        for statement_id in set(measure.statement_ids) - linked:
            self._run(lambda p, s=statement_id: p.planning.unlink_measure(measure.id, s))

    def delete_measure(self) -> None:
        item = self.measures.currentItem()
        if item is not None:
            measure_id = int(item.data(0, ID_ROLE))
            self._run(lambda p: p.planning.delete_measure(measure_id))

    def _run(self, change) -> None:  # noqa: ANN001 - a function of the project
        if self.project is None:
            return
        try:
            change(self.project)
        except QdaError as error:
            show_warning(self, str(error))
