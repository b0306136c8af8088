"""Documents: adding plain text with its metadata, listing, reading, editing metadata."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..db.models import Coding, Document, SpeakerTurn, utcnow
from ..text_normalise import content_hash, normalise_text
from ..values import DocumentInfo, SpeakerTurnInfo
from . import variables as var
from .common import fetch, insert_logged, next_position, note_params
from .document_rows import (
    LISTED_COLUMNS,
    METADATA_FIELDS,
    NewDocument,
    SpeakerTurnSpan,
    check_metadata,
    info_of_document,
    listed_info,
    new_document_rows,
    speaker_turn_rows,
)
from .original_files import link_original_in, original_of
from .variables import VariableChange

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class DocumentService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def add(
        self,
        title: str,
        text: str,
        *,
        original: bytes | None = None,
        source_filename: str = "",
        source_format: str = "txt",
        variables: dict[str, Any] | None = None,
        **metadata: Any,
    ) -> DocumentInfo:
        """Add one document; its text is normalised once here and never changes afterwards."""
        with self.project.command("document.add", title=title) as session:
            return self.add_in(
                session,
                title,
                text,
                original=original,
                source_filename=source_filename,
                source_format=source_format,
                variables=variables,
                **metadata,
            )

    def add_in(
        self,
        session: Session,
        title: str,
        text: str,
        *,
        original: bytes | None = None,
        source_filename: str = "",
        source_format: str = "txt",
        variables: dict[str, Any] | None = None,
        **metadata: Any,
    ) -> DocumentInfo:
        """`add` inside a caller's command (an import adds a document and more in one step)."""
        unknown = set(metadata) - set(METADATA_FIELDS)
        if unknown:
            raise TypeError(f"unknown document fields: {sorted(unknown)}")
        fields = {"title": title, **metadata}
        check_metadata(session, fields)
        stored = normalise_text(text)
        row = Document(
            **fields,
            text=stored,
            text_length=len(stored),
            content_hash=content_hash(stored),
            source_filename=source_filename,
            source_format=source_format,
            position=next_position(session, Document, quarter_id=fields.get("quarter_id")),
        )
        session.add(row)
        session.flush()
        if original is not None:
            link_original_in(session, row.id, original)
        for name, value in (variables or {}).items():
            variable = var.define_in(session, name, var.guess_type(value))
            var.set_in(session, row.id, variable, value)
        return info_of_document(row)

    def add_many_in(self, session: Session, documents: Sequence[NewDocument]) -> builtins.list[int]:
        """Hundreds of documents in a caller's command (a REFI-QDA import): ids in order.
        Quarters and methods are checked with one query each, each text is normalised as
        in `add`, and the rows go in as one insert, logged like any other change."""
        rows = new_document_rows(session, documents)
        query = select(Document.quarter_id, func.max(Document.position)).group_by(
            Document.quarter_id
        )
        highest = {quarter: position for quarter, position in session.execute(query)}
        now = utcnow()
        for row in rows:
            position = highest.get(row["quarter_id"])
            highest[row["quarter_id"]] = 0 if position is None else position + 1
            row["position"] = highest[row["quarter_id"]]
            row["created_at"] = now
        return insert_logged(session, Document, rows)

    def list(self, quarter_id: int | None = None) -> builtins.list[DocumentInfo]:
        """Documents without their text, ordered by quarter position then document position."""
        query = select(*LISTED_COLUMNS).order_by(
            Document.quarter_id, Document.position, Document.id
        )
        if quarter_id is not None:
            query = query.where(Document.quarter_id == quarter_id)
        with self.project.read() as session:
            return [listed_info(row) for row in session.execute(query)]

    def get(self, document_id: int) -> DocumentInfo:
        with self.project.read() as session:
            fetch(session, Document, document_id, "document")
            row = session.execute(select(*LISTED_COLUMNS).where(Document.id == document_id)).one()
            return listed_info(row)

    def text(self, document_id: int) -> str:
        """The stored plain text that coding offsets refer to."""
        with self.project.read() as session:
            text = session.scalar(select(Document.text).where(Document.id == document_id))
            if text is None:
                fetch(session, Document, document_id, "document")
            return text or ""

    def original(self, document_id: int) -> bytes | None:
        """The imported file's bytes, if they were kept."""
        with self.project.read() as session:
            return original_of(session, document_id)

    def speaker_turns(self, document_id: int) -> builtins.list[SpeakerTurnInfo]:
        """Who speaks where, for interviews whose turns were recognised at import."""
        query = (
            select(SpeakerTurn)
            .where(SpeakerTurn.document_id == document_id)
            .order_by(SpeakerTurn.start)
        )
        with self.project.read() as session:
            return [
                SpeakerTurnInfo(t.id, t.document_id, t.start, t.end, t.speaker, t.role)
                for t in session.scalars(query)
            ]

    def find_by_hash(self, digest: str) -> builtins.list[DocumentInfo]:
        with self.project.read() as session:
            query = select(*LISTED_COLUMNS).where(Document.content_hash == digest)
            return [listed_info(row) for row in session.execute(query)]

    def update(
        self,
        document_id: int,
        variables: Sequence[VariableChange] = (),
        **fields: Any,
    ) -> DocumentInfo:
        """Change metadata (title, quarter, method, date, group, participants, moderator) and
        variable values together: one undoable command, all of it or nothing."""
        unknown = set(fields) - set(METADATA_FIELDS)
        if unknown:
            raise TypeError(f"unknown document fields: {sorted(unknown)}")
        with self.project.command(
            "document.update",
            id=document_id,
            fields=sorted(fields),
            variables=[change.name for change in variables],
        ) as session:
            return self.update_in(session, document_id, variables, **fields)

    def update_in(
        self,
        session: Session,
        document_id: int,
        variables: Sequence[VariableChange] = (),
        **fields: Any,
    ) -> DocumentInfo:
        """`update` inside a caller's command."""
        row = fetch(session, Document, document_id, "document")
        note_params(session, title=row.title)
        check_metadata(session, fields)
        if "quarter_id" in fields and fields["quarter_id"] != row.quarter_id:
            row.position = next_position(session, Document, quarter_id=fields["quarter_id"])
        for name, value in fields.items():
            setattr(row, name, value)
        for change in variables:
            variable = var.define_in(session, change.name, change.type)
            var.set_in(session, document_id, variable, change.value)
        return info_of_document(row)

    def add_speaker_turns_in(
        self, session: Session, document_id: int, turns: Iterable[SpeakerTurnSpan]
    ) -> int:
        """Record who speaks where in a document; each turn must lie inside its text."""
        return self.add_many_speaker_turns_in(session, {document_id: turns})

    def add_many_speaker_turns_in(
        self, session: Session, turns: Mapping[int, Iterable[SpeakerTurnSpan]]
    ) -> int:
        """Speaker turns of many documents (document id → turns) as one insert: an interview
        has hundreds, an imported project thousands."""
        rows = speaker_turn_rows(session, turns)
        insert_logged(session, SpeakerTurn, rows)
        return len(rows)

    def delete(self, document_id: int) -> None:
        """Remove a document with its codings (undoable)."""
        with self.project.command("document.delete", id=document_id) as session:
            self.delete_in(session, document_id)

    def delete_in(self, session: Session, document_id: int) -> None:
        codings = selectinload(Document.codings)
        document = session.get(
            Document,
            document_id,
            options=[
                codings.selectinload(Coding.anchor_links),
                codings.selectinload(Coding.statement_links),
                selectinload(Document.speaker_turns),
                selectinload(Document.variable_values),
                selectinload(Document.source),
            ],
        )
        if document is None:
            fetch(session, Document, document_id, "document")
            return
        note_params(session, title=document.title)
        session.delete(document)
