"""The window's central tabs: the document, the summary grid, the quarter comparison and the
planning page (goals, planning table, monitoring).

The grid and the comparison need the window's width: while one of them shows, the side
docks (quarters, categories) step aside, and they come back as they were with the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QTabWidget, QWidget

from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..documents.document_view import DocumentView
from ..grid.comparison_page import ComparisonPage
from ..grid.summary_grid_page import SummaryGridPage
from ..planning.planning_page import PlanningPage

if TYPE_CHECKING:
    from ...core.project import Project


class Workspace(QTabWidget):
    def __init__(self, document_view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.setDocumentMode(True)
        self.document_view = document_view
        self.grid_page = SummaryGridPage(self)
        self.comparison_page = ComparisonPage(self)
        self.planning_page = PlanningPage(self)
        self.addTab(document_view, "")
        # In scroll areas: a small window scrolls them rather than growing past the screen.
        self.addTab(_scrolling(self.grid_page), "")
        self.addTab(_scrolling(self.comparison_page), "")
        self.addTab(_scrolling(self.planning_page), "")
        self._pages: list[tuple[QWidget, str]] = []  # tabs added by features, with title keys
        self._beside_docks: set[QWidget] = set()
        self._docks: Sequence[QDockWidget] = ()
        self._dock_visibility: dict[QDockWidget, bool] | None = None
        self.currentChanged.connect(lambda _index: self._place_docks())

    def add_page(self, page: QWidget, title_key: str, *, beside_docks: bool = False) -> None:
        """A feature's own tab (segments, search), named by a message key; `beside_docks`
        keeps the side docks while it shows (the segment list filters by their clicks)."""
        tab = _scrolling(page)
        self.addTab(tab, tr(title_key))
        self._pages.append((tab, title_key))
        if beside_docks:
            self._beside_docks.add(tab)

    def set_docks(self, docks: Sequence[QDockWidget]) -> None:
        """The docks to put aside while the grid or the comparison shows."""
        self._docks = docks

    def show_page(self, page: QWidget) -> None:
        """Bring the tab that holds `page` (the document view, grid or comparison) forward."""
        for index in range(self.count()):
            tab = self.widget(index)
            if tab is not None and (tab is page or tab.isAncestorOf(page)):
                self.setCurrentIndex(index)
                return

    def show_document_tab(self) -> None:
        """Back to the document, with the docks as they were (before saving the layout)."""
        self.setCurrentWidget(self.document_view)
        self._place_docks()

    def _place_docks(self) -> None:
        current = self.currentWidget()
        wide = current is not self.document_view and current not in self._beside_docks
        if wide and self._dock_visibility is None:
            self._dock_visibility = {dock: not dock.isHidden() for dock in self._docks}
            for dock in self._docks:
                dock.hide()
        elif not wide and self._dock_visibility is not None:
            for dock, visible in self._dock_visibility.items():
                dock.setVisible(visible)
            self._dock_visibility = None

    def retranslate(self) -> None:
        for index, name in enumerate(("document", "grid", "comparison", "planning")):
            self.setTabText(index, tr(f"gui.workspace.{name}"))
        for page, key in self._pages:
            self.setTabText(self.indexOf(page), tr(key))
        self.grid_page.retranslate()
        self.comparison_page.retranslate()
        self.planning_page.retranslate()

    def set_project(self, project: Project | None) -> None:
        """The document view is told by the window itself; the pages read lazily."""
        self.grid_page.set_project(project)
        self.comparison_page.set_project(project)
        self.planning_page.set_project(project)

    def on_change(self, event: ChangeEvent) -> None:
        self.grid_page.on_change(event)
        self.comparison_page.on_change(event)
        self.planning_page.on_change(event)


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
