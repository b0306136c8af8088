"""The tree of per-quarter statements beside a cross-quarter statement: those of the chosen
category and its subcategories, grouped by quarter in the grid's order, each with a tick
that says whether it is linked to the cross-quarter statement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ...core.analysis.quarter_axes import ancestors, column_of_quarter, quarter_columns
from ...core.values import StatementInfo

if TYPE_CHECKING:
    from ...core.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole + 30


def fill_source_tree(
    tree: QTreeWidget, project: Project, category: int, statement_id: int | None
) -> None:
    """Add the category's per-quarter statements to the (empty) tree; with a cross-quarter
    statement chosen, each can be ticked, and those linked to it are."""
    linked = set(project.statements.get(statement_id).source_ids) if statement_id else set()
    quarters = project.quarters.list()
    column_of = column_of_quarter(quarters)
    names = {q.id: q.name for q in quarters}
    categories = project.categories.list()
    parents = {c.id: c.parent_id for c in categories}
    labels = {c.id: c.tag or c.name for c in categories}
    groups: dict[int, QTreeWidgetItem] = {}
    # Sozialräume in their order, the city-wide level last, as in the grid.
    order = {c.quarter_id: n for n, c in enumerate(quarter_columns(quarters))}
    candidates = [
        s
        for s in project.statements.list()
        if s.quarter_id is not None and category in ancestors(s.category_id, parents)
    ]

    def column(s: StatementInfo) -> int:
        quarter = s.quarter_id if s.quarter_id is not None else -1
        return column_of.get(quarter) or quarter

    candidates.sort(key=lambda s: (order.get(column(s), len(order)), s.position))
    for statement in candidates:
        group = column(statement)
        if group not in groups:
            groups[group] = QTreeWidgetItem(tree, [names.get(group, "?")])
            groups[group].setFlags(Qt.ItemFlag.ItemIsEnabled)
        item = QTreeWidgetItem(groups[group], [source_text(statement, labels, category)])
        item.setData(0, ID_ROLE, statement.id)
        item.setToolTip(0, statement.text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if statement_id is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setCheckState(
                0,
                Qt.CheckState.Checked if statement.id in linked else Qt.CheckState.Unchecked,
            )
        item.setFlags(flags)
    tree.expandAll()


def source_text(statement: StatementInfo, labels: dict[int, str], category: int) -> str:
    """The statement, with its subcategory's tag when it is not the chosen category."""
    if statement.category_id == category:
        return statement.text
    return f"{statement.text}  ({labels.get(statement.category_id, '')})"
