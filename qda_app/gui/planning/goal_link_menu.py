"""The "Goals" submenu of a statement: tick the strategic goals it supports (undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_warning

if TYPE_CHECKING:
    from ...core.project import Project


def goal_link_menu(parent: QWidget, project: Project, statement_id: int) -> QMenu:
    """A menu with one checkable entry per goal; toggling links or unlinks the statement."""
    menu = QMenu(tr("gui.planning.link_menu"), parent)
    menu.setObjectName("goalLinkMenu")
    goals = project.goals.list()
    if not goals:
        menu.addAction(tr("gui.planning.no_goals")).setEnabled(False)
    for goal in goals:
        action = menu.addAction(f"{goal.name} ({goal.tag})")
        action.setCheckable(True)
        action.setChecked(statement_id in goal.statement_ids)
        action.setData(goal.id)
        action.toggled.connect(
            lambda checked, g=goal.id: _toggle(parent, project, g, statement_id, checked)
        )
    return menu


def _toggle(parent: QWidget, project: Project, goal_id: int, statement_id: int, on: bool) -> None:
    try:
        if on:
            project.goals.link_statement(goal_id, statement_id)
        else:
            project.goals.unlink_statement(goal_id, statement_id)
    except QdaError as error:
        show_warning(parent, str(error))
