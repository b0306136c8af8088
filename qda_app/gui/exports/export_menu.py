"""File → Export report, slides, tables…: opens the export dialog and runs the export
behind a progress dialog with Cancel (between files; nothing is left half-written)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ...core.errors import QdaError
from ...core.exchange.exchange_values import ExchangeProgress
from ...core.exporters.export_run import ExportStep, export_steps, plan_export
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from ..exchange.exchange_run import ExchangeRun
from .export_dialog import ExportDialog

if TYPE_CHECKING:
    from ...core.project import Project
    from ..shell.main_window import MainWindow


def progress_items(steps: Iterator[ExportStep]) -> Iterator[ExchangeProgress]:
    for step in steps:
        yield ExchangeProgress("gui.exports.writing", step.done, step.total, step.what)


class ExportMenu(QObject):
    def __init__(self, window: MainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("exportReportsAction")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        file_menu.addAction(self.action)
        self.dialog: ExportDialog | None = None
        self.run: ExchangeRun | None = None
        self._planned: list[Path] = []

    def retranslate(self) -> None:
        self.action.setText(tr("gui.exports.menu"))

    def update_actions(self, project: Project | None) -> None:
        self.action.setEnabled(project is not None)

    def open_dialog(self) -> ExportDialog | None:
        project = self.window.project
        if project is None:
            return None
        folder = Path(os.path.dirname(os.path.abspath(project.location))) / tr(
            "gui.exports.subfolder"
        )
        dialog = ExportDialog(project, folder, self.window)
        dialog.export_requested.connect(self.start)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def start(self) -> ExchangeRun | None:
        dialog, project = self.dialog, self.window.project
        if dialog is None or project is None or self.run is not None:
            return None
        try:
            planned = plan_export(project, dialog.fmt, dialog.folder, dialog.options())
            existing = [p.path for p in planned if p.path.exists()]
            force = bool(existing) and self._confirm_overwrite(existing)
            if existing and not force:
                return None
            steps = export_steps(planned, force=force, cancel=self._cancelled)
        except QdaError as error:
            show_warning(dialog, str(error))
            return None
        self._planned = [p.path for p in planned]
        run = ExchangeRun(progress_items(steps), tr("gui.exports.title"), dialog)
        run.finished.connect(self._finished)
        self.run = run
        run.start()
        return run

    def _cancelled(self) -> bool:
        """Asked by the export between sheets, chapters and slides (worker thread)."""
        run = self.run
        return run is not None and run.cancelled

    def _confirm_overwrite(self, existing: list[Path]) -> bool:
        names = "\n".join(p.name for p in existing)
        answer = QMessageBox.question(
            self.dialog, tr("gui.exports.title"), tr("gui.exports.overwrite", names=names)
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _finished(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        run.deleteLater()
        written = [p for p in self._planned if p.exists()]
        if run.error:
            show_warning(self.dialog, run.error)
        elif not run.completed:
            self.window.status.showMessage(tr("exports.cancelled"), 5000)
        if self.dialog is not None:
            self.dialog.show_written(written if run.completed else [])

    @Slot()
    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
