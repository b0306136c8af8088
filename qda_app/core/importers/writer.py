"""Writing one extracted file into the project: metadata resolved, document, speaker turns
and pre-coded question blocks, all in one command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import Category, Document, Method, Quarter
from ..errors import ValidationError
from ..services.methods import method_matches
from ..services.quarters import quarter_info, quarter_matches
from ..text_normalise import content_hash
from ..values import DocumentInfo
from .extracted import ExtractedText
from .metadata import FileMetadata, parse_date, parse_participants
from .structure import find_sections, find_speaker_turns
from .title_line import title_from_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project
    from .batch import ImportOptions


def _quarter_id(
    project: Project, session: Session, name: str | None, file: str, create: bool
) -> int | None:
    if not name:
        return None
    for row in session.scalars(select(Quarter)):
        if quarter_matches(quarter_info(row), name):
            return row.id
    if not create:
        raise ValidationError("batch.unknown_quarter", file=file, value=name)
    city = session.scalar(select(Quarter).where(Quarter.kind == "city").limit(1))
    parent_id = city.id if city else None
    return project.quarters.add_in(session, str(name), "social_space", parent_id).id


def _method_id(
    project: Project, session: Session, name: str | None, file: str, create: bool
) -> int | None:
    if not name:
        return None
    for row in session.scalars(select(Method)):
        if method_matches(row.code, row.name, name):
            return row.id
    if not create:
        raise ValidationError("batch.unknown_method", file=file, value=name)
    return project.methods.add_in(session, str(name)).id


def _title(given: str | None, path: Path, extracted: ExtractedText) -> str:
    """The title given (manifest, pattern, batch), else the protocol's own first line when
    it is a title, else the file name."""
    if given and given != path.stem:
        return given
    return title_from_text(extracted) or path.stem


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
        fields: dict[str, Any] = {
            "quarter_id": _quarter_id(
                project, session, metadata.quarter, file, options.create_missing
            ),
            "method_id": _method_id(
                project, session, metadata.method, file, options.create_missing
            ),
            "date": when,
            "group_label": metadata.group or "",
            "participants": participants,
            "moderator": metadata.moderator or "",
        }
        document = project.documents.add_in(
            session,
            _title(metadata.title, path, extracted),
            extracted.text,
            original=data,
            source_filename=file,
            source_format=extracted.format,
            **fields,
        )
        for name, value in metadata.variables.items():
            project.variables.set_in(session, document.id, name, value)
        project.documents.add_speaker_turns_in(
            session,
            document.id,
            ((t.start, t.end, t.speaker, t.role) for t in find_speaker_turns(extracted)),
        )
        if options.precode:
            coder = project.coders.ensure_in(session, project.actor)
            # Rows fetched in a command stay held (services.common.fetch), so each block's
            # coding does not load the document's whole text again.
            for section in find_sections(extracted, _block_patterns(session)):
                project.codings.add_in(
                    session,
                    document.id,
                    section.start,
                    section.end,
                    section.category_id,
                    coder=coder.name,
                )
        return document, None
