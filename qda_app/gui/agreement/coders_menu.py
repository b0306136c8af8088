"""The Coders menu: intercoder agreement (with the consensus step) and copying a pass."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from ...core.i18n import tr
from .agreement_dialog import AgreementDialog
from .consensus_dialog import ConsensusDialog
from .copy_codings_dialog import CopyCodingsDialog
from .document_jump import show_place

if TYPE_CHECKING:
    from ...core.analysis.agreement import AgreementResult
    from ...core.project import Project
    from ...core.values import ChangeEvent
    from ..shell.main_window import MainWindow


class CodersMenu(QObject):
    def __init__(self, window: MainWindow, bar: QMenuBar, before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("codersMenu")
        self.agreement_action = QAction(window)
        self.agreement_action.triggered.connect(lambda _checked=False: self.open_agreement())
        self.copy_action = QAction(window)
        self.copy_action.triggered.connect(lambda _checked=False: self.open_copy())
        self.menu.addActions([self.agreement_action, self.copy_action])
        bar.insertMenu(before, self.menu)
        self.agreement: AgreementDialog | None = None

    def retranslate(self) -> None:
        self.menu.setTitle(tr("gui.menu.coders"))
        self.agreement_action.setText(tr("gui.action.agreement"))
        self.copy_action.setText(tr("gui.action.copy_codings"))

    def update_actions(self, project: Project | None) -> None:
        self.agreement_action.setEnabled(project is not None)
        self.copy_action.setEnabled(project is not None)
        if project is None and self.agreement is not None:
            self._forget_agreement()

    def on_change(self, event: ChangeEvent) -> None:
        """Any committed change, here or elsewhere: an open result may be out of date."""
        if self.agreement is not None:
            self.agreement.on_change(event)

    def _forget_agreement(self) -> None:
        if self.agreement is not None:
            self.agreement.close()
            self.agreement = None

    def open_agreement(self) -> AgreementDialog | None:
        project = self.window.project
        if project is None:
            return None
        if self.agreement is None or self.agreement.project is not project:
            self._forget_agreement()
            self.agreement = AgreementDialog(project, self.window)
            self.agreement.segment_requested.connect(
                lambda document, start, end: show_place(self.window, document, start, end)
            )
            self.agreement.consensus_requested.connect(self.open_consensus)
        else:
            self.agreement.reload()
        self.agreement.show()
        self.agreement.raise_()
        return self.agreement

    def open_consensus(self, result: AgreementResult) -> None:
        project = self.window.project
        if project is None:
            return
        dialog = ConsensusDialog(project, result, self.window)
        if dialog.exec() and self.agreement is not None:
            self.agreement.compute()

    def open_copy(self) -> None:
        project = self.window.project
        if project is not None:
            CopyCodingsDialog(project, self.window).exec()
