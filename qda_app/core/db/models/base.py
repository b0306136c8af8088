"""Declarative base shared by all tables of a project store."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, Index, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names: Alembic batch migrations on SQLite need them to alter tables.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every mapped table; tables never reuse an id once deleted."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Timestamps are stored as naive UTC so SQLite and PostgreSQL compare them alike."""
    return datetime.now(UTC).replace(tzinfo=None)


AUTOINCREMENT = {"sqlite_autoincrement": True}


class TextRangeMixin:
    """Columns of a row that marks [start, end) of a document's stored text (code points)."""

    document_id: Mapped[int]
    document_length: Mapped[int]
    start: Mapped[int] = mapped_column("start_pos")
    end: Mapped[int] = mapped_column("end_pos")


def text_range_constraints(table: str) -> tuple:
    """0 <= start < end <= the document's length, and an index to find a document's ranges.

    The copied document length is tied to the document by a composite key, so the database
    itself refuses an end offset beyond the text.
    """
    return (
        CheckConstraint("start_pos >= 0", name="start"),
        CheckConstraint("start_pos < end_pos", name="range"),
        CheckConstraint("end_pos <= document_length", name="end"),
        ForeignKeyConstraint(
            ["document_id", "document_length"],
            ["documents.id", "documents.text_length"],
            name=f"fk_{table}_document",
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        Index(f"ix_{table}_document_start", "document_id", "start_pos"),
    )
