"""The goals editor: add, edit, reorder and delete strategic goals (each one undoable), and a
goal's evidence: its linked statements, each opened down to the coded segments behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import NotFoundError, QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from .goal_dialog import GoalDialog
from .statement_picker_dialog import StatementPickerDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...core.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole


class GoalsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalsPanel")
        self.project: Project | None = None
        self.goal_list = QListWidget(self)
        self.goal_list.setObjectName("goalList")
        self.goal_list.currentItemChanged.connect(lambda *_: self.show_evidence())
        self.goal_list.itemDoubleClicked.connect(lambda _item: self.edit_goal())
        self.buttons: dict[str, QPushButton] = {}
        actions: dict[str, Callable[[], None]] = {
            "add": self.add_goal,
            "edit": self.edit_goal,
            "up": lambda: self.move_goal(-1),
            "down": lambda: self.move_goal(1),
            "delete": self.delete_goal,
        }
        row = QHBoxLayout()
        for name, action in actions.items():
            button = QPushButton(self)
            button.setObjectName(f"goal_{name}")
            button.clicked.connect(action)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.evidence_label = QLabel(self)
        self.evidence = QTreeWidget(self)
        self.evidence.setObjectName("goalEvidence")
        self.evidence.setHeaderHidden(True)
        self.evidence.setWordWrap(True)
        self.unlink_button = QPushButton(self)
        self.unlink_button.setObjectName("goal_unlink")
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("goal_choose")
        self.choose_button.clicked.connect(self.choose_statements)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(row)
        left_layout.addWidget(self.goal_list)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.description)
        right_layout.addWidget(self.evidence_label)
        right_layout.addWidget(self.evidence, 1)
        link_row = QHBoxLayout()
        link_row.addWidget(self.choose_button)
        link_row.addStretch(1)
        link_row.addWidget(self.unlink_button)
        right_layout.addLayout(link_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        for name, button in self.buttons.items():
            button.setText(tr(f"gui.planning.goal_button.{name}"))
        self.unlink_button.setText(tr("gui.planning.unlink"))
        self.choose_button.setText(tr("gui.planning.choose_statements"))
        self.show_evidence()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.reload()

    def current_goal_id(self) -> int | None:
        item = self.goal_list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def reload(self) -> None:
        current = self.current_goal_id()
        self.goal_list.blockSignals(True)  # items of another project must not be shown
        self.goal_list.clear()
        if self.project is None:
            self.goal_list.blockSignals(False)
            self.show_evidence()
            return
        for goal in self.project.goals.list():
            item = QListWidgetItem(
                tr(
                    "gui.planning.goal_item",
                    name=goal.name,
                    tag=goal.tag,
                    count=len(goal.statement_ids),
                )
            )
            item.setData(ID_ROLE, goal.id)
            self.goal_list.addItem(item)
            if goal.id == current:
                self.goal_list.setCurrentItem(item)
        if self.goal_list.currentItem() is None and self.goal_list.count():
            self.goal_list.setCurrentRow(0)
        self.goal_list.blockSignals(False)
        self.show_evidence()

    def select_goal(self, goal_id: int) -> None:
        for row in range(self.goal_list.count()):
            if self.goal_list.item(row).data(ID_ROLE) == goal_id:
                self.goal_list.setCurrentRow(row)

    def show_evidence(self) -> None:
        """The goal's statements (with their quarter), each with the segments behind it."""
        self.evidence.clear()
        goal_id = self.current_goal_id()
        if self.project is None or goal_id is None:
            self.description.setText("")
            self.evidence_label.setText(tr("gui.planning.evidence_none"))
            return
        try:
            goal = self.project.goals.get(goal_id)
        except NotFoundError:  # deleted by another process; the next reload drops it
            return
        self.description.setText(goal.description)
        quarters = {q.id: q.name for q in self.project.quarters.list()}
        statements = {s.id: s for s in self.project.statements.list()}
        evidence = self.project.goals.evidence(goal_id)
        self.evidence_label.setText(tr("gui.planning.evidence", count=len(goal.statement_ids)))
        for statement_id in goal.statement_ids:
            statement = statements[statement_id]
            where = quarters.get(statement.quarter_id or 0, tr("gui.planning.cross_quarter"))
            item = QTreeWidgetItem(self.evidence, [f"{where}: {statement.text}"])
            item.setData(0, ID_ROLE, statement_id)
            item.setToolTip(0, statement.text)
            for segment in evidence.get(statement_id, []):
                child = QTreeWidgetItem(item, [f"{segment.document_title}: {segment.text}"])
                child.setToolTip(0, segment.text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_goal_id() is not None
        for name in ("edit", "up", "down", "delete"):
            self.buttons[name].setEnabled(chosen)
        self.choose_button.setEnabled(chosen)

    # -- changes -------------------------------------------------------------------------------

    def add_goal(self) -> None:
        dialog = GoalDialog(None, self)
        if dialog.exec() and self.project is not None:
            values = dialog.values()
            goal = self._run(
                lambda p: p.goals.create(values["name"], values["tag"], values["description"])
            )
            if goal is not None:
                self.select_goal(goal.id)

    def edit_goal(self) -> None:
        goal_id = self.current_goal_id()
        if self.project is None or goal_id is None:
            return
        dialog = GoalDialog(self.project.goals.get(goal_id), self)
        if dialog.exec():
            values = dialog.values()
            self._run(lambda p: p.goals.update(goal_id, **values))

    def move_goal(self, delta: int) -> None:
        goal_id = self.current_goal_id()
        row = self.goal_list.currentRow()
        if goal_id is not None and 0 <= row + delta < self.goal_list.count():
            self._run(lambda p: p.goals.reorder(goal_id, row + delta))
            self.select_goal(goal_id)

    def delete_goal(self) -> None:
        goal_id = self.current_goal_id()
        if self.project is None or goal_id is None:
            return
        goal = self.project.goals.get(goal_id)
        answer = QMessageBox.question(
            self,
            tr("gui.planning.delete_title"),
            tr("gui.planning.delete_question", name=goal.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda p: p.goals.delete(goal_id))

    def choose_statements(self) -> None:
        """Tick the statements the goal rests on; the changes are one undoable command."""
        goal_id = self.current_goal_id()
        if self.project is None or goal_id is None:
            return
        dialog = StatementPickerDialog(self.project, goal_id, parent=self)
        if dialog.exec():
            chosen = dialog.chosen()
            if set(chosen) != set(self.project.goals.get(goal_id).statement_ids):
                self._run(lambda p: p.goals.set_statements(goal_id, chosen))

    def unlink_selected(self) -> None:
        goal_id = self.current_goal_id()
        item = self.evidence.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if goal_id is None or item is None:
            return
        statement_id = int(item.data(0, ID_ROLE))
        self._run(lambda p: p.goals.unlink_statement(goal_id, statement_id))

    def _run(self, change):  # noqa: ANN001, ANN202 - a function of the project
        if self.project is None:
            return None
        try:
            result = change(self.project)
        except QdaError as error:
            show_warning(self, str(error))
            return None
        self.reload()  # at once, so the changed goal can be selected
        return result
