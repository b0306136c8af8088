"""The category tree, codings of text segments, anchor examples and condensed statements."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AUTOINCREMENT, Base, TextRangeMixin, text_range_constraints, utcnow

if TYPE_CHECKING:
    from .documents import Document
    from .planning import MeasureStatement, StatementGoal

CATEGORY_ORIGINS = ("deductive", "inductive")


class Category(Base):
    """A node of the category system with its Mayring coding agenda."""

    __tablename__ = "categories"
    __table_args__ = (
        CheckConstraint(f"origin IN {CATEGORY_ORIGINS}", name="origin"),
        Index("ix_categories_parent_position", "parent_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    tag: Mapped[str] = mapped_column(String(60), default="")
    colour: Mapped[str] = mapped_column(String(7), default="#888888")
    origin: Mapped[str] = mapped_column(String(10), default="inductive")
    definition: Mapped[str] = mapped_column(Text, default="")
    coding_rules: Mapped[str] = mapped_column(Text, default="")
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    # Regular expressions (one per line) recognising this category's question block in protocols.
    block_patterns: Mapped[str] = mapped_column(Text, default="")
    # Raised by every update: an edit made on an older copy is refused (see services/versions).
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    anchor_links: Mapped[list[AnchorExample]] = relationship(cascade="all, delete-orphan")


class Coding(TextRangeMixin, Base):
    """A coded segment: [start, end) in code points of its document's stored text."""

    __tablename__ = "codings"
    __table_args__ = (
        *text_range_constraints("codings"),
        # Covers counts per category × document (frequency tables) without touching rows.
        Index("ix_codings_category_document", "category_id", "document_id"),
        Index("ix_codings_coder", "coder_id"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="RESTRICT"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    memo: Mapped[str] = mapped_column(Text, default="")
    paraphrase: Mapped[str] = mapped_column(Text, default="")
    generalisation: Mapped[str] = mapped_column(Text, default="")
    is_quote: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="codings")
    anchor_links: Mapped[list[AnchorExample]] = relationship(
        cascade="all, delete-orphan", overlaps="anchor_links"
    )
    statement_links: Mapped[list[StatementCoding]] = relationship(cascade="all, delete-orphan")


class AnchorExample(Base):
    """Links a category to a real coded segment that exemplifies it."""

    __tablename__ = "anchor_examples"
    __table_args__ = (
        Index("ix_anchor_examples_category_coding", "category_id", "coding_id", unique=True),
        Index("ix_anchor_examples_coding", "coding_id"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    coding_id: Mapped[int] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)


class Statement(Base):
    """A reduced statement (a bullet) for one quarter, or across quarters when quarter is empty."""

    __tablename__ = "statements"
    __table_args__ = (
        Index("ix_statements_cell", "quarter_id", "category_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="RESTRICT"))
    quarter_id: Mapped[int | None] = mapped_column(ForeignKey("quarters.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    # Set by the researcher: the bullet quotes a linked segment word for word („…“ on slides).
    contains_quote: Mapped[bool] = mapped_column(Boolean, default=False)

    coding_links: Mapped[list[StatementCoding]] = relationship(
        cascade="all, delete-orphan", overlaps="statement_links"
    )
    # A cross-quarter statement's links to the per-quarter statements it generalises, and a
    # per-quarter statement's links to the cross-quarter statements that generalise it. Both
    # cascade in the ORM, so deleting either side logs the links it takes along (and undo
    # brings them back).
    source_links: Mapped[list[StatementSource]] = relationship(
        cascade="all, delete-orphan", foreign_keys="StatementSource.statement_id"
    )
    generalised_links: Mapped[list[StatementSource]] = relationship(
        cascade="all, delete-orphan", foreign_keys="StatementSource.source_id"
    )
    # Planning (models/planning.py): the goals it supports, the measures that answer it.
    goal_links: Mapped[list[StatementGoal]] = relationship(cascade="all, delete-orphan")
    measure_links: Mapped[list[MeasureStatement]] = relationship(cascade="all, delete-orphan")


class StatementSource(Base):
    """Links a cross-quarter statement to a per-quarter statement it generalises."""

    __tablename__ = "statement_sources"
    __table_args__ = (
        CheckConstraint("statement_id <> source_id", name="not_itself"),
        Index("ix_statement_sources_source", "source_id"),
    )

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )


class StatementCoding(Base):
    """Links a statement to a coding it condenses."""

    __tablename__ = "statement_codings"
    __table_args__ = (Index("ix_statement_codings_coding", "coding_id"),)

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    coding_id: Mapped[int] = mapped_column(
        ForeignKey("codings.id", ondelete="CASCADE"), primary_key=True
    )
