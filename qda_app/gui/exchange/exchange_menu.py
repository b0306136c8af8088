"""File → Exchange (REFI-QDA): export the project (QDPX) or its codebook (QDC) for MAXQDA,
ATLAS.ti, NVivo and QualCoder; import a QDPX project into a new file (then opened) or a QDC
codebook into the open project (merging by name on request) or into a new one."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ...core.errors import QdaError
from ...core.exchange.codebook_exchange import (
    create_project_from_codebook,
    export_codebook,
    import_codebook,
)
from ...core.exchange.exchange_values import ExchangeProgress, ExchangeSummary
from ...core.exchange.qdpx_export import QdpxExport
from ...core.exchange.qdpx_import import QdpxImport
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from .exchange_report_dialog import ExchangeReportDialog
from .exchange_run import ExchangeRun

if TYPE_CHECKING:
    from ...core.project import Project
    from ..shell.main_window import MainWindow


def ask_save_path(window: MainWindow, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(window, title, suggested, file_filter)
    return path


def ask_open_path(window: MainWindow, title: str, folder: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(window, title, folder, file_filter)
    return path


def ask_merge(window: MainWindow) -> bool | None:
    """Join categories of the same name (True), add all as new ones (False), or cancel."""
    box = QMessageBox(window)
    box.setObjectName("mergeQuestion")
    box.setWindowTitle(tr("gui.exchange.merge.title"))
    box.setText(tr("gui.exchange.merge.question"))
    merge = box.addButton(tr("gui.exchange.merge.join"), QMessageBox.ButtonRole.AcceptRole)
    separate = box.addButton(tr("gui.exchange.merge.separate"), QMessageBox.ButtonRole.NoRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(merge)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is merge else False if clicked is separate else None


class ExchangeMenu(QObject):
    """The Exchange submenu of the File menu and what its four actions do."""

    def __init__(self, window: MainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("exchangeMenu")
        self.export_qdpx_action = self._action(self.export_project)
        self.export_qdc_action = self._action(self.export_codebook)
        self.import_qdpx_action = self._action(self.import_project)
        self.import_qdc_action = self._action(self.import_codebook)
        self.menu.addActions([self.export_qdpx_action, self.export_qdc_action])
        self.menu.addSeparator()
        self.menu.addActions([self.import_qdpx_action, self.import_qdc_action])
        file_menu.addMenu(self.menu)
        self.run: ExchangeRun | None = None
        self.report: ExchangeReportDialog | None = None
        self._opening: Path | None = None
        self._job: QdpxExport | QdpxImport | None = None

    def _action(self, slot: Callable[[], object]) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(tr("gui.exchange.menu"))
        self.export_qdpx_action.setText(tr("gui.exchange.export_qdpx"))
        self.export_qdc_action.setText(tr("gui.exchange.export_qdc"))
        self.import_qdpx_action.setText(tr("gui.exchange.import_qdpx"))
        self.import_qdc_action.setText(tr("gui.exchange.import_qdc"))

    def update_actions(self, project: Project | None) -> None:
        self.export_qdpx_action.setEnabled(project is not None)
        self.export_qdc_action.setEnabled(project is not None)

    def _folder(self) -> str:
        project = self.window.project
        if project is not None:
            return os.path.dirname(os.path.abspath(project.location))
        recent = self.window.settings.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def _suggested(self, suffix: str) -> str:
        project = self.window.project
        stem = Path(project.location).stem if project is not None else "projekt"
        return os.path.join(self._folder(), stem + suffix)

    # -- export ------------------------------------------------------------------------------

    def export_project(self) -> ExchangeRun | None:
        """File → Exchange → Export project (QDPX)…"""
        project = self.window.project
        if project is None or self.run is not None:
            return None
        path = ask_save_path(
            self.window,
            tr("gui.exchange.export_qdpx_title"),
            self._suggested(".qdpx"),
            tr("gui.exchange.filter_qdpx"),
        )
        if not path:
            return None
        job = QdpxExport(project, _with_suffix(path, ".qdpx"))
        return self._start(job.steps(), tr("gui.exchange.export_qdpx_title"), job, exported=True)

    def export_codebook(self) -> ExchangeSummary | None:
        """File → Exchange → Export codebook (QDC)…"""
        project = self.window.project
        if project is None:
            return None
        path = ask_save_path(
            self.window,
            tr("gui.exchange.export_qdc_title"),
            self._suggested(".qdc"),
            tr("gui.exchange.filter_qdc"),
        )
        if not path:
            return None
        try:
            summary = export_codebook(project, _with_suffix(path, ".qdc"))
        except QdaError as error:
            show_warning(self.window, str(error))
            return None
        self._show_report(summary, exported=True)
        return summary

    # -- import ------------------------------------------------------------------------------

    def import_project(self) -> ExchangeRun | None:
        """File → Exchange → Import project (QDPX)…: into a new project file, then opened."""
        if self.run is not None:
            return None
        source = ask_open_path(
            self.window,
            tr("gui.exchange.import_qdpx_title"),
            self._folder(),
            tr("gui.exchange.filter_qdpx"),
        )
        if not source:
            return None
        suggested = os.path.join(os.path.dirname(source), Path(source).stem + ".qda")
        target = ask_save_path(
            self.window, tr("gui.exchange.new_project_title"), suggested, tr("gui.file_filter")
        )
        if not target:
            return None
        job = QdpxImport(
            source, _with_suffix(target, ".qda"), actor=self.window.settings.coder_name
        )
        self._opening = job.target
        return self._start(job.steps(), tr("gui.exchange.import_qdpx_title"), job, exported=False)

    def import_codebook(self) -> ExchangeSummary | None:
        """File → Exchange → Import codebook (QDC)…: into the open project (one undoable
        change), or into a new project when none is open."""
        source = ask_open_path(
            self.window,
            tr("gui.exchange.import_qdc_title"),
            self._folder(),
            tr("gui.exchange.filter_qdc"),
        )
        if not source:
            return None
        project = self.window.project
        try:
            if project is None:
                suggested = os.path.join(os.path.dirname(source), Path(source).stem + ".qda")
                target = ask_save_path(
                    self.window,
                    tr("gui.exchange.new_project_title"),
                    suggested,
                    tr("gui.file_filter"),
                )
                if not target:
                    return None
                summary = create_project_from_codebook(
                    source, _with_suffix(target, ".qda"), actor=self.window.settings.coder_name
                )
                self.window.open_project(str(summary.project_path))
            else:
                merge = ask_merge(self.window)
                if merge is None:
                    return None
                summary = import_codebook(project, source, merge_by_name=merge)
        except QdaError as error:
            show_warning(self.window, str(error))
            return None
        self._show_report(summary, exported=False)
        return summary

    # -- running and reporting ---------------------------------------------------------------

    def _start(
        self,
        steps: Iterator[ExchangeProgress],
        title: str,
        job: QdpxExport | QdpxImport,
        *,
        exported: bool,
    ) -> ExchangeRun:
        run = ExchangeRun(steps, title, self.window)
        run.setProperty("exported", exported)
        self._job = job
        run.finished.connect(self._finished)
        self.run = run
        run.start()
        return run

    @Slot()
    def _finished(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        run.deleteLater()
        opening, self._opening = self._opening, None
        if run.error:
            show_warning(self.window, run.error)
            return
        summary = self._job.summary if self._job is not None else None
        if not run.completed or summary is None:
            self.window.status.showMessage(tr("gui.exchange.cancelled"), 5000)
            return
        if opening is not None:
            self.window.open_project(str(opening))
        self._show_report(summary, exported=bool(run.property("exported")))

    def _show_report(self, summary: ExchangeSummary, *, exported: bool) -> None:
        report = ExchangeReportDialog(summary, exported=exported, parent=self.window)
        report.finished.connect(self._report_closed)
        self.report = report
        report.open()

    @Slot()
    def _report_closed(self) -> None:
        report, self.report = self.report, None
        if report is not None:
            report.deleteLater()


def _with_suffix(path: str, suffix: str) -> Path:
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
