"""Codings as values, and the checks a new or changed coding must pass.

`coding_info` builds the value a caller gets back, `check_range` keeps offsets inside the
document's text, `NewCoding` is one coding of a bulk add.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import Category, Coding, Document
from ..errors import ValidationError
from ..values import CodingInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EDITABLE = ("memo", "paraphrase", "generalisation", "is_quote")


def coding_info(row: Coding) -> CodingInfo:
    return CodingInfo(
        row.id,
        row.document_id,
        row.start,
        row.end,
        row.category_id,
        row.coder_id,
        row.memo,
        row.paraphrase,
        row.generalisation,
        row.is_quote,
        row.version,
    )


def check_range(start: int, end: int, length: int, title: str) -> None:
    """0 <= start < end <= length, or a message naming the document and the offsets."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise ValidationError("coding.bad_range", start=start, end=end, title=title, length=length)
    if not 0 <= start < end <= length:
        raise ValidationError("coding.bad_range", start=start, end=end, title=title, length=length)


def document_title(session: Session, document_id: int) -> str:
    """A document's title without loading its text."""
    return session.scalar(select(Document.title).where(Document.id == document_id)) or ""


def check_codable(category: Category) -> None:
    if not category.codable:
        raise ValidationError("coding.not_codable", name=category.name)


@dataclass(frozen=True)
class NewCoding:
    """A coding to add with `add_many_in`; `coder` None means the project's current coder."""

    document_id: int
    start: int
    end: int
    category_id: int
    coder: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def id_chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    """Ids in pieces small enough for one IN (…) each."""
    return [ids[start : start + size] for start in range(0, len(ids), size)]
