"""Memos: a researcher's notes on one document (the project's journal lives in project_info)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class DocumentMemo(Base):
    """The memo of one document; a document without notes has no row."""

    __tablename__ = "document_memos"
    __table_args__ = (Index("ix_document_memos_updated", "updated_at"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
