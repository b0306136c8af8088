"""The ways into an import from the window (File menu, dropped files) and what follows it:
the summary, and the first imported document selected in the quarter tree."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog

from .import_dialog import ImportDialog
from .import_summary_dialog import ImportSummaryDialog
from .protocol_file_choice import choose_protocol_files, choose_protocol_folder, dropped_paths

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow


class ProtocolImportLauncher(QObject):
    """Opens the import dialog (one at a time) and reports its result to the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None

    def _folder(self) -> str:
        folder = self.window.settings.import_folder
        if folder and os.path.isdir(folder):
            return folder
        project = self.window.project
        return os.path.dirname(os.path.abspath(project.location)) if project else ""

    def choose_files(self) -> ImportDialog | None:
        """File → Import protocols…"""
        paths = choose_protocol_files(self.window, self._folder())
        if not paths:
            return None
        self.window.settings.import_folder = str(paths[0].parent)
        return self.open_dialog(paths)

    def choose_folder(self) -> ImportDialog | None:
        """File → Import folder… (sub-folders included)."""
        folder = choose_protocol_folder(self.window, self._folder())
        if folder is None:
            return None
        self.window.settings.import_folder = str(folder)
        return self.open_dialog([folder])

    def open_dialog(self, paths: Iterable[Path]) -> ImportDialog | None:
        """Show the import dialog with these files and folders (window-modal, not blocking)."""
        project = self.window.project
        if project is None or self.dialog is not None:
            return None
        dialog = ImportDialog(project, self._folder(), self.window)
        dialog.add_files(list(paths))
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def close_dialog(self) -> None:
        """Close an open import dialog (the window is closing); an import running keeps it."""
        if self.dialog is not None:
            self.dialog.reject()

    @Slot(int)
    def _dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or dialog.summary is None:
            return
        self.window.changes.flush()  # the tree shows every imported document now
        imported = dialog.summary.imported
        if imported and imported[0].document_id is not None:
            self.window.quarter_dock.select_document(imported[0].document_id)
        planned = len(dialog.model.rows)
        cancelled = dialog.run is not None and dialog.run.cancelled
        summary = ImportSummaryDialog(dialog.summary, cancelled, planned, self.window)
        summary.finished.connect(summary.deleteLater)
        self.summary_dialog = summary
        summary.open()

    # -- dropping files on the window --------------------------------------------------------

    def drag_enter(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.window.project is not None and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if self.window.project is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dialog(paths)
