"""The coding workbench hooked into the window: coding actions, the details panel, the
coder view menu, the segment list and the search tab. The window calls `set_project`,
`on_change` and `retranslate`; everything else lives here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt

from ...core.values import ChangeEvent, QuarterInfo
from ..retrieval.search_page import SearchPage
from ..retrieval.segment_page import SegmentPage
from .coder_view_menu import CoderViewMenu
from .coding_controller import CodingController
from .coding_details_dock import CodingDetailsDock
from .memo_dock import MemoDock

if TYPE_CHECKING:
    from ...core.project import Project
    from ..shell.main_window import MainWindow


class Workbench:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.coding = CodingController(window)
        self.details = CodingDetailsDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details)
        self.memos = MemoDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.memos)
        window.document_view.document_shown.connect(self.memos.show_document)
        window.workspace.set_docks(
            (window.quarter_dock, window.category_dock, self.details, self.memos)
        )
        self.details.hide()  # shows when a coding is clicked; View menu toggles it
        self.memos.hide()
        window.document_view.coding_selected.connect(self._coding_selected)
        self.coder_menu = CoderViewMenu(
            window.document_view,
            lambda: [c.name for c in window.project.coders.list()] if window.project else [],
            window,
        )
        self.segments = SegmentPage(window)
        self.search = SearchPage(window)
        window.workspace.add_page(self.segments, "gui.workspace.segments", beside_docks=True)
        window.workspace.add_page(self.search, "gui.workspace.search")
        self.segments.open_segment.connect(self.open_range)
        window.category_dock.view.clicked.connect(self._category_clicked)
        window.quarter_dock.view.clicked.connect(self._quarter_clicked)
        self.search.open_hit.connect(self.open_range)

    def docks(self) -> tuple[CodingDetailsDock, MemoDock]:
        return (self.details, self.memos)

    def _coding_selected(self, coding_id: int) -> None:
        self.details.show_coding(coding_id)
        self.details.show()
        self.details.raise_()

    def _segments_showing(self) -> bool:
        return self.segments.isVisible()

    def _category_clicked(self, index: QModelIndex) -> None:
        """With the segment list showing, a click on a category filters the list by it."""
        category = self.window.category_dock.model.category(index)
        if self._segments_showing() and category is not None:
            self.segments.set_filter(category=category.id)

    def _quarter_clicked(self, index: QModelIndex) -> None:
        node = self.window.quarter_dock.model.node(index)
        if self._segments_showing() and node is not None and isinstance(node.value, QuarterInfo):
            self.segments.set_filter(quarter=node.value.id)

    def open_range(self, document_id: int, start: int, end: int) -> None:
        """Show a document with a range selected (a segment or a search hit)."""
        window = self.window
        window.workspace.show_document_tab()
        if window.document_view.document_id != document_id:
            window.quarter_dock.select_document(document_id)
            window.show_document(document_id)
        window.document_view.select_range(start, end)
        window.document_view.text.setFocus()

    def set_project(self, project: Project | None) -> None:
        self.coding.set_project(project)
        self.details.set_project(project)
        self.memos.set_project(project)
        self.window.document_view.display.coder_filter = None
        self.segments.set_project(project)
        self.search.set_project(project)

    def on_change(self, event: ChangeEvent) -> None:
        self.details.on_change(event)
        self.memos.on_change(event)
        self.segments.on_change(event)
        self.search.on_change(event)

    def retranslate(self) -> None:
        self.coding.retranslate()
        self.details.retranslate()
        self.memos.retranslate()
        self.coder_menu.retranslate()
        self.segments.retranslate()
        self.search.retranslate()
