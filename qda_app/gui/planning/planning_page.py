"""The planning page of the workspace: goals, the planning table and the monitoring view.

After any change to goals, their links, statements or the planning entries, the page reads
again once the window is idle, and only while it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.values import ChangeEvent
from .goals_panel import GoalsPanel
from .monitoring_panel import MonitoringPanel
from .planning_table_panel import PlanningTablePanel

if TYPE_CHECKING:
    from ...core.project import Project

WATCHED = frozenset(
    {
        "goals",
        "statement_goals",
        "missing_entries",
        "measures",
        "measure_statements",
        "measure_status_changes",
        "statements",
        "quarters",
        "codings",
    }
)


class PlanningPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningPage")
        self.project: Project | None = None
        self._stale = False
        self.tabs = QTabWidget(self)
        self.goals = GoalsPanel(self)
        self.table = PlanningTablePanel(self)
        self.monitoring = MonitoringPanel(self)
        for panel in (self.goals, self.table, self.monitoring):
            self.tabs.addTab(panel, "")
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for index, name in enumerate(("goals", "table", "monitoring")):
            self.tabs.setTabText(index, tr(f"gui.planning.tab.{name}"))
        self.goals.retranslate()
        self.table.retranslate()
        self.monitoring.retranslate()

    def set_project(self, project: Project | None) -> None:
        """Read lazily: at once while the page shows (or to clear it), else when it is shown."""
        self.project = project
        self.goals.project = self.table.project = self.monitoring.project = project
        self.table.editor.set_project(project)
        if project is None or self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def on_change(self, event: ChangeEvent) -> None:
        if self.project is None or not (event.reset or event.tables & WATCHED):
            return
        if self.isVisible():
            self.refresh_timer.start()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.goals.reload()
        self.table.reload()
        self.monitoring.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
