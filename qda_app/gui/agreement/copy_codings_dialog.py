"""Coders → Copy codings to a coder: one coder's codings of chosen documents become the
starting point of another coder's pass (one command in the change log)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from .choice_lists import CheckList, document_entries

if TYPE_CHECKING:
    from ...core.project import Project


class CopyCodingsDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyCodingsDialog")
        self.project = project
        self.copied = 0
        self.source = QComboBox(self)
        self.source.setObjectName("copySource")
        for coder in project.coders.list():
            self.source.addItem(coder.name, coder.id)
        self.target = QComboBox(self)
        self.target.setObjectName("copyTarget")
        self.target.setEditable(True)
        self.target.addItems([c.name for c in project.coders.list()])
        self.target.setCurrentText("")
        line = self.target.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("gui.copy_codings.target_hint"))
        self.documents = CheckList("copyDocuments", self)
        self.documents.fill(document_entries(project.documents.list()))
        intro = QLabel(tr("gui.copy_codings.intro"), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("gui.copy_codings.source"), self.source)
        form.addRow(tr("gui.copy_codings.target"), self.target)
        form.addRow(tr("gui.copy_codings.documents"), self.documents)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("gui.copy_codings.copy"))
        ok.setObjectName("copyOk")
        self.buttons.accepted.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(tr("gui.copy_codings.title"))
        self.resize(560, 520)

    def copy(self) -> None:
        target = self.target.currentText().strip()
        documents = self.documents.checked()
        if not target:
            show_warning(self, tr("gui.copy_codings.no_target"))
            return
        if not documents:
            show_warning(self, tr("gui.copy_codings.no_documents"))
            return
        try:
            self.copied = self.project.coder_passes.copy_codings(
                int(self.source.currentData()), target, documents
            )
        except QdaError as error:
            show_warning(self, str(error))
            return
        self.accept()
