"""Choose the statements a goal rests on, from the goal's own view: every statement with its
quarter and category, a filter by text, ticks for the linked ones."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

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
from ...core.text_fold import fold

if TYPE_CHECKING:
    from ...core.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole


class StatementPickerDialog(QDialog):
    def __init__(
        self,
        project: Project,
        goal_id: int,
        gap_first: Iterable[str] = ("Leerstellen",),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statementPicker")
        goal = project.goals.get(goal_id)
        self.setWindowTitle(tr("gui.planning.picker_title", name=goal.name))
        quarters = {q.id: q.name for q in project.quarters.list()}
        categories = {c.id: c for c in project.categories.list()}
        tags = {c.id: c.tag or c.name for c in categories.values()}
        first = set(gap_first)

        def label(category_id: int) -> str:
            category = categories[category_id]
            parent = tags.get(category.parent_id or 0, "")
            return f"{parent}/{tags[category_id]}" if parent else tags[category_id]

        def is_gap(category_id: int) -> bool:
            return label(category_id).split("/")[0] in first

        statements = sorted(
            project.statements.list(),
            key=lambda s: (
                not is_gap(s.category_id),
                s.quarter_id is None,
                s.quarter_id or 0,
                s.category_id,
                s.position,
            ),
        )
        self.filter = QLineEdit(self)
        self.filter.setObjectName("pickerFilter")
        self.filter.setPlaceholderText(tr("gui.planning.picker_filter"))
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setObjectName("pickerList")
        self.list.setWordWrap(True)
        linked = set(goal.statement_ids)
        for statement in statements:
            where = quarters.get(statement.quarter_id or 0, tr("gui.planning.cross_quarter"))
            item = QListWidgetItem(
                f"{where} · {label(statement.category_id)}: {statement.text}", self.list
            )
            item.setData(ID_ROLE, statement.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = statement.id in linked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        hint = QLabel(tr("gui.planning.picker_hint"), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _apply_filter(self, text: str) -> None:
        wanted = fold(text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def item_of(self, statement_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == statement_id:
                return self.list.item(row)
        return None

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(row).data(ID_ROLE))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
