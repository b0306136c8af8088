"""Monitoring: the measures by status, with their Sozialraum, goal and the date of each
status change (from the measure's status history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.planning_values import MEASURE_STATUSES

if TYPE_CHECKING:
    from ...core.project import Project

COLUMNS = ("measure", "quarter", "goal", "responsible", "time_frame", "since", "history")


class MonitoringPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringPanel")
        self.project: Project | None = None
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("monitoringTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(tr("gui.planning.monitoring_hint"))
        self.tree.setHeaderLabels([tr(f"gui.planning.monitoring.{c}") for c in COLUMNS])
        self.reload()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        if self.project is None:
            return
        quarters = {q.id: q.name for q in self.project.quarters.list()}
        goals = {g.id: g.name for g in self.project.goals.list()}
        measures = self.project.planning.measures()
        for status in MEASURE_STATUSES:
            chosen = [m for m in measures if m.status == status]
            group = QTreeWidgetItem(
                self.tree, [f"{tr(f'planning.status.{status}')} ({len(chosen)})"]
            )
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for measure in sorted(chosen, key=lambda m: (quarters.get(m.quarter_id, ""), m.id)):
                steps = " → ".join(
                    f"{tr(f'planning.status.{h.status}')} {h.changed_at:%d.%m.%Y}"
                    for h in measure.history
                )
                since = measure.status_since
                item = QTreeWidgetItem(
                    group,
                    [
                        measure.text,
                        quarters.get(measure.quarter_id, ""),
                        goals.get(measure.goal_id, ""),
                        measure.responsible,
                        measure.time_frame,
                        f"{since:%d.%m.%Y %H:%M}" if since else "",
                        steps,
                    ],
                )
                for column, text in enumerate((measure.text, "", goals.get(measure.goal_id, ""))):
                    if text:
                        item.setToolTip(column, text)
                item.setToolTip(len(COLUMNS) - 1, steps.replace(" → ", "\n"))
            group.setExpanded(True)
        for column, width in enumerate((290, 100, 200, 170, 110, 120)):
            self.tree.setColumnWidth(column, width)
