"""Add or edit a strategic goal: name, short tag, description."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...core.i18n import tr
from ...core.planning_values import GoalInfo


class GoalDialog(QDialog):
    def __init__(self, goal: GoalInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalDialog")
        self.setWindowTitle(
            tr("gui.planning.goal_dialog.edit" if goal else "gui.planning.goal_dialog.new")
        )
        self.name_edit = QLineEdit(goal.name if goal else "", self)
        self.tag_edit = QLineEdit(goal.tag if goal else "", self)
        self.description_edit = QPlainTextEdit(goal.description if goal else "", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("gui.planning.goal.name"), self.name_edit)
        form.addRow(tr("gui.planning.goal.tag"), self.tag_edit)
        form.addRow(tr("gui.planning.goal.description"), self.description_edit)
        form.addRow(buttons)
        self.resize(520, 300)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text(),
            "tag": self.tag_edit.text(),
            "description": self.description_edit.toPlainText(),
        }
