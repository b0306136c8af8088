"""Writing one extracted file into the project: metadata resolved, document, speaker turns
and pre-coded question blocks, all in one command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Document, Method, Quarter, SpeakerTurn
from ..errors import ValidationError
from ..services import variables as var
from ..services.coders import coder_for_actor
from ..services.common import next_position
from ..services.methods import method_code, method_matches
from ..services.quarters import quarter_info, quarter_matches
from ..text_normalise import content_hash
from ..values import DocumentInfo
from .extracted import ExtractedText
from .metadata import FileMetadata, parse_date, parse_participants
from .structure import find_sections, find_speaker_turns

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project
    from .batch import ImportOptions


def _quarter_id(session: Session, name: str | None, file: str, create: bool) -> int | None:
    if not name:
        return None
    for row in session.scalars(select(Quarter)):
        if quarter_matches(quarter_info(row), name):
            return row.id
    if not create:
        raise ValidationError("batch.unknown_quarter", file=file, value=name)
    city = session.scalar(select(Quarter).where(Quarter.kind == "city").limit(1))
    parent_id = city.id if city else None
    row = Quarter(
        name=" ".join(str(name).split()),
        kind="social_space",
        parent_id=parent_id,
        position=next_position(session, Quarter, parent_id=parent_id),
    )
    session.add(row)
    session.flush()
    return row.id


def _method_id(session: Session, name: str | None, file: str, create: bool) -> int | None:
    if not name:
        return None
    for row in session.scalars(select(Method)):
        if method_matches(row.code, row.name, name):
            return row.id
    if not create:
        raise ValidationError("batch.unknown_method", file=file, value=name)
    clean = " ".join(str(name).split())
    row = Method(code=method_code(clean), name=clean, position=next_position(session, Method))
    session.add(row)
    session.flush()
    return row.id


def _block_patterns(session: Session) -> dict[int, list[str]]:
    rows = session.execute(
        select(Category.id, Category.block_patterns).where(Category.block_patterns != "")
    )
    return {cid: patterns.splitlines() for cid, patterns in rows}


def _duplicate(session: Session, digest: str) -> tuple[int, str] | None:
    query = select(Document.id, Document.title).where(Document.content_hash == digest).limit(1)
    row = session.execute(query).first()
    return (row[0], row[1]) if row else None


def write_document(
    project: Project,
    path: Path,
    data: bytes,
    extracted: ExtractedText,
    metadata: FileMetadata,
    options: ImportOptions,
) -> tuple[DocumentInfo | None, tuple[int, str] | None]:
    """Add the document, or find the document with the same text: (document, None) or
    (None, (id, title) of the twin)."""
    file = path.name
    when = parse_date(metadata.date, file)
    participants = parse_participants(metadata.participants, file)
    with project.command("document.import", file=file) as session:
        twin = _duplicate(session, content_hash(extracted.text))
        if twin is not None and not options.allow_duplicates:
            return None, twin
        fields = {
            "quarter_id": _quarter_id(session, metadata.quarter, file, options.create_missing),
            "method_id": _method_id(session, metadata.method, file, options.create_missing),
            "date": when,
            "group_label": metadata.group or "",
            "participants": participants,
            "moderator": metadata.moderator or "",
        }
        document = project.documents.add_in(
            session,
            metadata.title or path.stem,
            extracted.text,
            original=data,
            source_filename=file,
            source_format=extracted.format,
            **fields,
        )
        for name, value in metadata.variables.items():
            variable = var.define_in(session, name, var.guess_type(value))
            var.set_in(session, document.id, variable, value)
        for turn in find_speaker_turns(extracted):
            session.add(
                SpeakerTurn(
                    document_id=document.id,
                    document_length=document.length,
                    start=turn.start,
                    end=turn.end,
                    speaker=turn.speaker,
                    role=turn.role,
                )
            )
        if options.precode:
            coder = coder_for_actor(session, project.actor)
            patterns = _block_patterns(session)
            # The session keeps rows only weakly: without these references every coding would
            # load the document (its whole text) and its category again, which made
            # pre-coding quadratic in the length of the protocol.
            kept = [session.get(Document, document.id)]
            kept += session.scalars(select(Category).where(Category.id.in_(patterns))).all()
            for section in find_sections(extracted, patterns):
                project.codings.add_in(
                    session,
                    document.id,
                    section.start,
                    section.end,
                    section.category_id,
                    coder=coder.name,
                )
            del kept
        return document, None
