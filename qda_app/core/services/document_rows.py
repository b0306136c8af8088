"""Documents as rows and values: metadata checks, the listed columns, bulk rows.

`check_metadata` cleans and checks the metadata `DocumentService` stores; `new_document_rows`
and `speaker_turn_rows` build the rows of its bulk forms (checked as the single forms are).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import SPEAKER_ROLES, Document, Method, Quarter
from ..errors import NotFoundError, ValidationError
from ..text_normalise import content_hash, normalise_text
from ..values import DocumentInfo
from .coding_rows import check_range
from .common import fetch

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# (start, end, speaker, role) of one turn, offsets in code points of the stored text.
SpeakerTurnSpan = tuple[int, int, str, str]

METADATA_FIELDS = (
    "title",
    "quarter_id",
    "method_id",
    "date",
    "group_label",
    "participants",
    "moderator",
)
LISTED_COLUMNS = (
    Document.id,
    Document.title,
    Document.quarter_id,
    Document.method_id,
    Document.date,
    Document.group_label,
    Document.participants,
    Document.source_filename,
    Document.source_format,
    Document.content_hash,
    Document.text_length,
    Document.position,
    Document.moderator,
)


def check_metadata(session: Session, fields: dict[str, Any]) -> None:
    if "title" in fields:
        title = " ".join(str(fields["title"] or "").split())
        if not title:
            raise ValidationError("name.empty.document")
        fields["title"] = title
    if fields.get("quarter_id") is not None:
        fetch(session, Quarter, fields["quarter_id"], "quarter")
    if fields.get("method_id") is not None:
        fetch(session, Method, fields["method_id"], "method")
    participants = fields.get("participants")
    if participants is not None and (not isinstance(participants, int) or participants < 0):
        raise ValidationError("document.bad_participants", value=participants)
    when = fields.get("date")
    if when is not None and not isinstance(when, date):
        raise ValidationError("document.bad_date", value=when)
    for name in ("group_label", "moderator"):
        if name in fields:
            fields[name] = " ".join(str(fields[name] or "").split())


@dataclass(frozen=True)
class NewDocument:
    """A document to add in bulk: its title, its text (normalised when stored) and the
    metadata `add` takes (METADATA_FIELDS other than the title)."""

    title: str
    text: str
    source_filename: str = ""
    source_format: str = "txt"
    metadata: dict[str, Any] = field(default_factory=dict)


def listed_info(row: Any) -> DocumentInfo:
    """A listed row (LISTED_COLUMNS, in DocumentInfo's field order) as a value."""
    return DocumentInfo(*row)


def info_of_document(row: Document) -> DocumentInfo:
    """A stored document as a value."""
    return DocumentInfo(
        row.id,
        row.title,
        row.quarter_id,
        row.method_id,
        row.date,
        row.group_label,
        row.participants,
        row.source_filename,
        row.source_format,
        row.content_hash,
        row.text_length,
        row.position,
        row.moderator,
    )


def new_document_rows(session: Session, documents: Sequence[NewDocument]) -> list[dict[str, Any]]:
    """Checked rows for `DocumentService.add_many_in`, without their positions."""
    rows: list[dict[str, Any]] = []
    quarters: set[int] = set()
    methods: set[int] = set()
    for new in documents:
        unknown = set(new.metadata) - set(METADATA_FIELDS)
        if unknown or "title" in new.metadata:
            raise TypeError(f"unknown document fields: {sorted(unknown | {'title'})}")
        fields = {"title": new.title, **new.metadata}
        quarter_id, method_id = fields.pop("quarter_id", None), fields.pop("method_id", None)
        check_metadata(session, fields)
        if quarter_id is not None:
            quarters.add(quarter_id)
        if method_id is not None:
            methods.add(method_id)
        stored = normalise_text(new.text)
        rows.append(
            {
                "title": fields.pop("title"),
                "quarter_id": quarter_id,
                "method_id": method_id,
                "date": fields.get("date"),
                "group_label": fields.get("group_label", ""),
                "participants": fields.get("participants"),
                "moderator": fields.get("moderator", ""),
                "source_filename": new.source_filename,
                "source_format": new.source_format,
                "content_hash": content_hash(stored),
                "text": stored,
                "text_length": len(stored),
            }
        )
    for model, ids, kind in ((Quarter, quarters, "quarter"), (Method, methods, "method")):
        found = set(session.scalars(select(model.id).where(model.id.in_(sorted(ids)))))
        missing = sorted(ids - found)
        if missing:
            raise NotFoundError(f"not_found.{kind}", id=missing[0])
    return rows


def speaker_turn_rows(
    session: Session, turns: Mapping[int, Iterable[SpeakerTurnSpan]]
) -> list[dict[str, Any]]:
    """Checked rows for `DocumentService.add_many_speaker_turns_in`."""
    documents = {
        row.id: row
        for row in session.execute(
            select(Document.id, Document.title, Document.text_length).where(
                Document.id.in_(list(turns))
            )
        )
    }
    rows = []
    for document_id, spans in turns.items():
        document = documents.get(document_id)
        if document is None:
            raise NotFoundError("not_found.document", id=document_id)
        for start, end, speaker, role in spans:
            check_range(start, end, document.text_length, document.title)
            if role not in SPEAKER_ROLES:
                raise ValidationError("document.bad_speaker_role", role=role)
            name = " ".join(str(speaker).split())[:100]
            if not name:
                raise ValidationError("name.empty.speaker")
            rows.append(
                {
                    "document_id": document_id,
                    "document_length": document.text_length,
                    "start_pos": start,
                    "end_pos": end,
                    "speaker": name,
                    "role": role,
                }
            )
    return rows
