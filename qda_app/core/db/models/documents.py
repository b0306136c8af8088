"""Documents (the plain text that offsets refer to), their original files and variables."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AUTOINCREMENT, Base, TextRangeMixin, text_range_constraints, utcnow

if TYPE_CHECKING:
    from .coding import Coding
    from .memos import DocumentMemo

SPEAKER_ROLES = ("interviewer", "respondent", "other")

VARIABLE_TYPES = ("text", "integer", "float", "date", "boolean")

COMPRESSIONS = ("none", "zlib")


class Document(Base):
    """A protocol: its normalised plain text and the metadata researchers filter by."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("text_length >= 0", name="text_length"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants"),
        # Target of the codings' composite foreign key that bounds their end offset.
        UniqueConstraint("id", "text_length", name="uq_documents_id_length"),
        Index("ix_documents_quarter", "quarter_id"),
        Index("ix_documents_content_hash", "content_hash"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    quarter_id: Mapped[int | None] = mapped_column(ForeignKey("quarters.id", ondelete="RESTRICT"))
    method_id: Mapped[int | None] = mapped_column(ForeignKey("methods.id", ondelete="RESTRICT"))
    date: Mapped[date | None]
    group_label: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[int | None]
    moderator: Mapped[str] = mapped_column(String(200), default="")
    source_filename: Mapped[str] = mapped_column(String(500), default="")
    source_format: Mapped[str] = mapped_column(String(20), default="txt")
    content_hash: Mapped[str] = mapped_column(String(64))
    # Deferred: loading a document row (to check an offset, say) never drags its text along.
    text: Mapped[str] = mapped_column(Text, deferred=True)
    text_length: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[DocumentSource | None] = relationship(cascade="all, delete-orphan")
    variable_values: Mapped[list[DocumentVariableValue]] = relationship(
        cascade="all, delete-orphan"
    )
    codings: Mapped[list[Coding]] = relationship(
        cascade="all, delete-orphan", back_populates="document"
    )
    speaker_turns: Mapped[list[SpeakerTurn]] = relationship(cascade="all, delete-orphan")
    memo: Mapped[DocumentMemo | None] = relationship(cascade="all, delete-orphan")


class DocumentSource(Base):
    """Which original file a document was imported from (the link is what undo and redo move).

    The bytes live in `original_files`, which the change log never copies.
    """

    __tablename__ = "document_sources"
    __table_args__ = (Index("ix_document_sources_original", "original_id"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    original_id: Mapped[int] = mapped_column(ForeignKey("original_files.id", ondelete="RESTRICT"))


class OriginalFile(Base):
    """An imported file's bytes, kept once per content (compressed unless that does not help).

    Rows are only ever added: undoing an import removes the document's link, so redoing it
    (or undoing the deletion of a document) finds the bytes still here.
    """

    __tablename__ = "original_files"
    __table_args__ = (
        CheckConstraint(f"compression IN {COMPRESSIONS}", name="compression"),
        CheckConstraint("size >= 0", name="size"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int]
    compression: Mapped[str] = mapped_column(String(10))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Variable(Base):
    """A typed document variable (REFI-QDA: Text, Integer, Float, Date, Boolean)."""

    __tablename__ = "variables"
    __table_args__ = (CheckConstraint(f"type IN {VARIABLE_TYPES}", name="type"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class DocumentVariableValue(Base):
    """A document's value of one variable, in the column that matches the variable's type."""

    __tablename__ = "document_variable_values"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    variable_id: Mapped[int] = mapped_column(
        ForeignKey("variables.id", ondelete="CASCADE"), primary_key=True
    )
    value_text: Mapped[str | None] = mapped_column(Text)
    value_number: Mapped[float | None]
    value_date: Mapped[date | None]
    value_bool: Mapped[bool | None]


class SpeakerTurn(TextRangeMixin, Base):
    """A turn of one speaker in an interview protocol ("I:", "B:", "Frau K.:" at line start)."""

    __tablename__ = "speaker_turns"
    __table_args__ = (
        *text_range_constraints("speaker_turns"),
        CheckConstraint(f"role IN {SPEAKER_ROLES}", name="role"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20), default="other")
