"""The main window's menus and actions: File, Edit, Document, View, Help."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..agreement.coders_menu import CodersMenu
from ..exchange.exchange_menu import ExchangeMenu
from ..exports.export_menu import ExportMenu
from ..history.change_log_dialog import ChangeLogAction

if TYPE_CHECKING:
    from ...core.project import Project
    from .main_window import MainWindow


class MainMenus:
    """Creates the actions, wires them to the window, and renames them on a language switch."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.undo_entry: int | None = None  # the log entries undo and redo would replay
        self.redo_entry: int | None = None
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.document_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

        self.new_action = self._action(window.new_project, QKeySequence.StandardKey.New)
        self.open_action = self._action(window.choose_and_open, QKeySequence.StandardKey.Open)
        self.connect_action = self._action(window.connect_to_server)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recentMenu")
        self.clear_recent_action = self._action(window.clear_recent)
        self.close_action = self._action(window.close_project, QKeySequence.StandardKey.Close)
        self.quit_action = self._action(window.close, QKeySequence.StandardKey.Quit)
        self.import_files_action = self._action(
            window.importer.choose_files, QKeySequence("Ctrl+I")
        )
        self.import_folder_action = self._action(window.importer.choose_folder)
        self.file_menu.addActions([self.new_action, self.open_action, self.connect_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.close_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_files_action, self.import_folder_action])
        self.exchange = ExchangeMenu(window, self.file_menu)
        self.exports = ExportMenu(window, self.file_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.undo_action = self._action(window.undo, QKeySequence("Ctrl+Z"))
        self.redo_action = self._action(window.redo, QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.settings_action = self._action(window.open_settings, QKeySequence("Ctrl+,"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.change_log = ChangeLogAction(window, self.edit_menu)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)

        # Alt+Return belongs to the focused tree (quarters or categories), as in the docks.
        self.properties_action = self._action(window.edit_document_properties)
        self.document_menu.addAction(self.properties_action)
        bar.insertMenu(self.view_menu.menuAction(), window.category_dock.revisions.menu)
        bar.insertMenu(self.view_menu.menuAction(), window.workbench.coding.menu)

        self.coders = CodersMenu(window, bar, self.view_menu.menuAction())
        self.view_menu.addAction(window.quarter_dock.toggleViewAction())
        self.view_menu.addAction(window.category_dock.toggleViewAction())
        self.view_menu.addAction(window.workbench.details.toggleViewAction())
        self.view_menu.addAction(window.workbench.memos.toggleViewAction())
        self.view_menu.addMenu(window.workbench.coder_menu)
        self.about_action = self._action(window.show_about)
        self.help_menu.addAction(self.about_action)

    def _action(
        self,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def retranslate(self) -> None:
        self.file_menu.setTitle(tr("gui.menu.file"))
        self.edit_menu.setTitle(tr("gui.menu.edit"))
        self.document_menu.setTitle(tr("gui.menu.document"))
        self.import_files_action.setText(tr("gui.action.import_files"))
        self.import_folder_action.setText(tr("gui.action.import_folder"))
        self.exchange.retranslate()
        self.exports.retranslate()
        self.coders.retranslate()
        self.change_log.retranslate()
        self.properties_action.setText(tr("gui.action.properties"))
        self.view_menu.setTitle(tr("gui.menu.view"))
        self.help_menu.setTitle(tr("gui.menu.help"))
        self.new_action.setText(tr("gui.action.new"))
        self.open_action.setText(tr("gui.action.open"))
        self.connect_action.setText(tr("gui.action.connect"))
        self.recent_menu.setTitle(tr("gui.menu.recent"))
        self.clear_recent_action.setText(tr("gui.action.clear_recent"))
        self.close_action.setText(tr("gui.action.close"))
        self.quit_action.setText(tr("gui.action.quit"))
        self.settings_action.setText(tr("gui.action.settings"))
        self.about_action.setText(tr("gui.action.about"))

    def update_project_actions(self, project: Project | None) -> None:
        """Enable what needs an open project; name what undo and redo would do."""
        self.close_action.setEnabled(project is not None)
        self.import_files_action.setEnabled(project is not None)
        self.import_folder_action.setEnabled(project is not None)
        self.exchange.update_actions(project)
        self.exports.update_actions(project)
        self.coders.update_actions(project)
        self.change_log.update_actions(project)
        has_document = project is not None and self.window.document_view.document is not None
        self.properties_action.setEnabled(has_document)
        undo = project.history.next_undo() if project else None
        redo = project.history.next_redo() if project else None
        self._show_history(
            (undo.id, undo.description) if undo else None,
            (redo.id, redo.description) if redo else None,
        )

    def on_change(self, event: ChangeEvent, project: Project) -> None:
        """After the coder's own command, undo names it and redo is gone (no query needed);
        after anything else, ask the log."""
        self.coders.on_change(event)
        self.change_log.on_change(event)
        own = event.action == "do" and not event.external and event.actor == project.actor
        if own and event.undoable:
            if event.entry_id is not None:
                self._show_history((event.entry_id, event.description), None)
            return
        self.update_project_actions(project)

    def _show_history(self, undo: tuple[int, str] | None, redo: tuple[int, str] | None) -> None:
        """Entry id and description of the next undo and redo; the ids go with the click, so
        a change made meanwhile elsewhere is never undone by a stale menu entry."""
        self.undo_entry = undo[0] if undo else None
        self.redo_entry = redo[0] if redo else None
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        if undo is None:
            self.undo_action.setText(tr("gui.action.undo"))
        else:
            self.undo_action.setText(tr("gui.action.undo_named", what=undo[1]))
        if redo is None:
            self.redo_action.setText(tr("gui.action.redo"))
        else:
            self.redo_action.setText(tr("gui.action.redo_named", what=redo[1]))

    def update_recent(self, paths: list[str]) -> None:
        """Rebuild File → Recent projects, newest first, numbered for keyboard access."""
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            name = os.path.basename(path).replace("&", "&&")
            label = f"&{number} {name}" if number < 10 else name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_recent(p))
        if paths:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))
        self.recent_menu.setEnabled(True)
