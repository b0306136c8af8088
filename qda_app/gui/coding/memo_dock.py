"""Dock "Memos": the project journal and the memo of the document shown, each saved as one
undoable change (in the change log like every other)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..common.message_boxes import show_warning

if TYPE_CHECKING:
    from ...core.project import Project


class MemoEditor(QWidget):
    """A text with a save button that is enabled while the text differs from the stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.save_button = QPushButton(self)
        self.save_button.setEnabled(False)
        self.stored = ""
        self.editor.textChanged.connect(
            lambda: self.save_button.setEnabled(self.editor.toPlainText() != self.stored)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    def load(self, text: str, enabled: bool = True) -> None:
        """Show the stored text (unsaved typing in the editor is replaced)."""
        self.stored = text
        self.editor.setPlainText(text)
        self.editor.setEnabled(enabled)
        self.save_button.setEnabled(False)


class MemoDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoDock")
        self.project: Project | None = None
        self.document_id: int | None = None
        self.tabs = QTabWidget(self)
        self.journal = MemoEditor(self.tabs)
        self.document = MemoEditor(self.tabs)
        self.tabs.addTab(self.journal, "")
        self.tabs.addTab(self.document, "")
        self.journal.save_button.clicked.connect(self.save_journal)
        self.document.save_button.clicked.connect(self.save_document_memo)
        self.setWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.memo.dock"))
        self.tabs.setTabText(0, tr("gui.memo.journal"))
        self.tabs.setTabText(1, tr("gui.memo.document"))
        for editor in (self.journal, self.document):
            editor.save_button.setText(tr("gui.memo.save"))
        self.journal.title.setText(tr("gui.memo.journal_hint"))
        self._title_document()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.journal.load(project.memos.journal() if project else "", project is not None)
        self.show_document(None)

    def show_document(self, document_id: int | None) -> None:
        self.document_id = document_id
        project = self.project
        text = project.memos.document_memo(document_id) if project and document_id else ""
        self.document.load(text, document_id is not None)
        self._title_document()

    def _title_document(self) -> None:
        if self.project is None or self.document_id is None:
            self.document.title.setText(tr("gui.memo.no_document"))
        else:
            title = self.project.documents.get(self.document_id).title
            self.document.title.setText(tr("gui.memo.document_of", title=title))

    def save_journal(self) -> None:
        project = self.project
        if project is not None:
            text = self.journal.editor.toPlainText()
            self._save(lambda: project.memos.set_journal(text))

    def save_document_memo(self) -> None:
        project, document_id = self.project, self.document_id
        if project is not None and document_id is not None:
            text = self.document.editor.toPlainText()
            self._save(lambda: project.memos.set_document_memo(document_id, text))

    def _save(self, write: Callable[[], None]) -> None:
        try:
            write()
        except QdaError as error:
            show_warning(self, str(error))

    def on_change(self, event: ChangeEvent) -> None:
        """Reload what a change (here, an undo, another process) wrote."""
        if self.project is None:
            return
        if event.reset or event.keys("project_info"):
            self.journal.load(self.project.memos.journal())
        if self.document_id is not None:
            if event.reset or self.document_id in event.keys("document_memos"):
                self.show_document(self.document_id)
            elif self.document_id in event.keys("documents", "delete"):
                self.show_document(None)
