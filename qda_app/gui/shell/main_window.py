"""The app window: quarters and documents on the left, categories on the right, text between."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.project import Project
from ...core.server_address import is_server_address
from ...core.values import ChangeEvent
from ..categories.category_tree_dock import CategoryTreeDock
from ..coding.workbench import Workbench
from ..common.message_boxes import show_warning
from ..documents.document_properties_dialog import DocumentPropertiesDialog
from ..documents.document_view import DocumentView
from ..documents.quarter_tree_dock import QuarterTreeDock
from ..importing.import_launcher import ProtocolImportLauncher
from . import window_commands as commands
from .app_settings import AppSettings
from .coder_name_dialog import ask_coder_name_once
from .main_menus import MainMenus
from .new_project_dialog import NewProjectDialog
from .project_opening import create_project_file, open_project_file
from .project_status_bar import ProjectStatusBar
from .project_watch import ProjectWatch
from .server_connection import ServerConnectDialog
from .settings_dialog import SettingsDialog
from .start_page import StartPage
from .window_layout import ProjectDocks, project_folder, restore_layout, window_title
from .workspace import Workspace

DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    """Owns the open project (at most one) and tells every part of the window about changes."""

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.project: Project | None = None
        # Its own changes and those of other processes (the CLI, a colleague's window).
        self.watch = ProjectWatch(self.poll_external_changes, self)
        self.changes = self.watch.changes
        self.changes.changed.connect(self._on_change)
        self.watch_timer = self.watch.timer
        self.importer = ProtocolImportLauncher(self)
        self.properties_dialog: DocumentPropertiesDialog | None = None
        self.start_page = StartPage(self)
        self.document_view = DocumentView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.workspace = Workspace(self.document_view, self)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self.quarter_dock = QuarterTreeDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.quarter_dock)
        self.category_dock = CategoryTreeDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.category_dock)
        self.workspace.set_docks((self.quarter_dock, self.category_dock))
        self.status = ProjectStatusBar(self)
        self.setStatusBar(self.status)
        self.workbench = Workbench(self)
        self.menus = MainMenus(self)
        self.project_docks = ProjectDocks(
            lambda: (self.quarter_dock, self.category_dock, *self.workbench.docks())
        )

        self.quarter_dock.document_selected.connect(self.show_document)
        self.quarter_dock.properties_requested.connect(self.edit_document_properties)
        self.setAcceptDrops(True)
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.choose_and_open)
        self.start_page.connect_requested.connect(self.connect_to_server)
        self.start_page.recent_requested.connect(self.open_recent)
        self.resize(*DEFAULT_SIZE)
        self.resizeDocks(
            [self.quarter_dock, self.category_dock], [400, 400], Qt.Orientation.Horizontal
        )
        restore_layout(self, self.settings)
        self._set_project(None)
        self.retranslate()

    # -- start-up and layout -----------------------------------------------------------------

    def start(self, files: list[str]) -> None:
        """Ask for the coder name if none is remembered yet; then open the file named on the
        command line, else the most recent project if it exists."""
        ask_coder_name_once(self.settings, self)
        if files:
            self.open_project(files[0])
            return
        recent = self.settings.recent_files()
        if recent and os.path.exists(recent[0]):
            self.open_project(recent[0])

    def _show_docks(self, project_open: bool) -> None:
        self.project_docks.show(project_open)

    def tear_down(self) -> None:
        """Close the project, empty the views and delete the widgets, in this order."""
        self.watch_timer.stop()
        self.importer.close_dialog()
        if self.project is not None:
            self._set_project(None)
        self.document_view.set_project(None)
        self.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importer.close_dialog()  # ends its reading thread before the window goes
        self.workspace.show_document_tab()  # the docks as the user left them beside the text
        self._show_docks(True)  # save the layout the user chose, not the start page's
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self._set_project(None)
        super().closeEvent(event)

    def retranslate(self) -> None:
        """Show every text in the language now set (after a switch in Settings)."""
        self.menus.retranslate()
        self.menus.update_project_actions(self.project)
        self.quarter_dock.retranslate()
        self.category_dock.retranslate()
        self.document_view.retranslate()
        self.workbench.retranslate()
        self.workspace.retranslate()
        self.start_page.retranslate()
        self.status.refresh()
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self.project))

    # -- projects ----------------------------------------------------------------------------

    def _set_project(self, project: Project | None) -> None:
        self.watch.detach()
        if self.project is not None:
            self.project.close()
        self.workspace.show_document_tab()
        self.project = project
        if project is not None:
            self.watch.subscribe(project)
            self.settings.add_recent(project.location)
            self.watch.start(project)
        else:
            self.watch.stop()
        for part in (self.quarter_dock.model, self.category_dock.model, self.document_view):
            part.set_project(project)
        self.workspace.set_project(project)
        self.workbench.set_project(project)
        self.status.set_project(project)
        self.category_dock.update_actions()
        self.stack.setCurrentWidget(self.workspace if project else self.start_page)
        self._show_docks(project is not None)
        self.menus.update_project_actions(project)
        self._refresh_recent()
        self._update_title()

    def _on_change(self, event: ChangeEvent) -> None:
        """After every committed change, undo or redo (here or elsewhere): each part updates
        what the changed rows touch."""
        if self.project is None:
            return
        self.quarter_dock.model.on_change(event)
        self.category_dock.model.on_change(event)
        self.category_dock.revisions.on_change(event)
        self.document_view.on_change(event)
        self.workspace.on_change(event)
        self.workbench.on_change(event)
        self.status.on_change(event)
        self.menus.on_change(event, self.project)

    def poll_external_changes(self) -> int:
        """Take in what other processes committed (called every second); returns how many
        changes came."""
        if self.project is None:
            return 0
        try:
            events = self.project.history.poll_external()
        except QdaError:
            return 0  # busy or briefly unreadable: the next poll tries again
        for event in events:
            self._on_change(event)
        if events:
            who = sorted({e.actor for e in events if e.actor}) or ["?"]
            self.status.showMessage(tr("gui.status.external", who=", ".join(who)), 5000)
        return len(events)

    def open_project(self, path: str) -> bool:
        """Open a project file; on failure the window stays as it was."""
        if self.project is not None and os.path.abspath(self.project.location) == os.path.abspath(
            path
        ):
            return True
        project = open_project_file(self, path, self.settings.coder_name)
        if project is None:
            return False
        self._set_project(project)
        return True

    def choose_and_open(self) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("gui.open.title"), self._folder(), tr("gui.file_filter_open")
        )
        return self.open_project(path) if path else False

    def connect_to_server(self, address: str = "") -> bool:
        """Ask for a server address and password (never stored) and open the project there."""
        url = ServerConnectDialog.ask(self, address)
        return self.open_project(url) if url else False

    def new_project(self) -> bool:
        answer = NewProjectDialog.ask(self, self._folder())
        return self.create_project(*answer) if answer else False

    def create_project(self, path: str, preset: str | None) -> bool:
        project = create_project_file(self, path, self.settings.coder_name, preset)
        if project is None:
            return False
        self._set_project(project)
        return True

    def open_recent(self, path: str) -> bool:
        """Open a recent project; a file that has gone is dropped from the list with a word."""
        if is_server_address(path):  # the password is asked again, never kept
            return self.connect_to_server(path)
        if not os.path.exists(path):
            self.settings.remove_recent(path)
            self._refresh_recent()
            show_warning(self, tr("gui.recent.missing", path=path))
            return False
        return self.open_project(path)

    def close_project(self) -> None:
        self._set_project(None)

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        recent = self.settings.recent_files()
        self.menus.update_recent(recent)
        self.start_page.set_recent(recent)

    def _folder(self) -> str:
        return project_folder(self.settings)

    def show_document(self, document_id: int) -> None:
        self.workspace.setCurrentWidget(self.document_view)
        if document_id != self.document_view.document_id:
            self.document_view.show_document(document_id)
        self.menus.update_project_actions(self.project)

    def edit_document_properties(self, document_id: int | None = None) -> None:
        """Document → Properties…: edit the shown (or the given) document's metadata."""
        commands.edit_document_properties(self, document_id)

    # -- dropping protocol files on the window -----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.importer.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event)

    # -- edit, settings, help ----------------------------------------------------------------

    def undo(self) -> None:
        commands.step_history(self, redo=False)

    def redo(self) -> None:
        commands.step_history(self, redo=True)

    def open_settings(self) -> None:
        commands.open_settings(self)

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Save the dialog's choices and apply them at once, without a restart."""
        commands.apply_settings(self, dialog)

    def show_about(self) -> None:
        commands.show_about(self)
