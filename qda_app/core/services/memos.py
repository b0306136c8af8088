"""`project.memos`: the project journal and a memo per document, each change logged and
undoable like any other (commands "memo.journal" and "memo.document")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..db.models import Document, DocumentMemo
from .common import fetch, note_params

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class MemoService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def journal(self) -> str:
        return self.project.details.get().journal

    def set_journal(self, text: str) -> None:
        with self.project.command("memo.journal") as session:
            self.project.details.update_in(session, journal=text)

    def document_memo(self, document_id: int) -> str:
        with self.project.read() as session:
            fetch(session, Document, document_id, "document")
            row = session.get(DocumentMemo, document_id)
            return row.text if row is not None else ""

    def set_document_memo(self, document_id: int, text: str) -> None:
        """Replace a document's memo (an empty text removes it)."""
        with self.project.command("memo.document", id=document_id) as session:
            self.set_document_memo_in(session, document_id, text)

    def set_document_memo_in(self, session: Session, document_id: int, text: str) -> None:
        document = fetch(session, Document, document_id, "document")
        note_params(session, title=document.title)
        row = session.get(DocumentMemo, document_id)
        if not text.strip():
            if row is not None:
                session.delete(row)
            return
        if row is None:
            session.add(DocumentMemo(document_id=document_id, text=text))
        elif row.text != text:
            row.text = text
