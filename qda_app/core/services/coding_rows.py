"""Codings as values, and the checks a new or changed coding must pass.

`coding_info` builds the value a caller gets back, `check_range` keeps offsets inside the
document's text, `NewCoding` is one coding of a bulk add and `new_coding_rows` checks a
batch of them with a few queries, as `CodingService.add_many_in` inserts them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import Category, Coding, Document, utcnow
from ..errors import NotFoundError, ValidationError
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


def new_coding_rows(
    session: Session,
    codings: Sequence[NewCoding],
    ensure_coder: Callable[[str], int],
    default_coder: str,
    *,
    skip_duplicates: bool,
) -> tuple[list[dict[str, Any]], list[int | None]]:
    """Checked rows for `CodingService.add_many_in`, and per coding its index among the rows
    (None for a duplicate left out). `ensure_coder` gives a coder's id (creating the coder),
    `default_coder` names the coder of codings that name none."""
    for new in codings:
        unknown = set(new.fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown coding fields: {sorted(unknown)}")
    documents = {
        row.id: row
        for chunk in id_chunks(sorted({new.document_id for new in codings}))
        for row in session.execute(
            select(Document.id, Document.title, Document.text_length).where(Document.id.in_(chunk))
        )
    }
    categories = {
        row.id: row
        for chunk in id_chunks(sorted({new.category_id for new in codings}))
        for row in session.execute(
            select(Category.id, Category.name, Category.codable).where(Category.id.in_(chunk))
        )
    }
    coder_ids = {
        name: ensure_coder(name)
        for name in dict.fromkeys(new.coder or default_coder for new in codings)
    }
    existing = {
        tuple(row)
        for chunk in id_chunks(sorted(documents))
        for row in session.execute(
            select(
                Coding.document_id,
                Coding.category_id,
                Coding.coder_id,
                Coding.start,
                Coding.end,
            ).where(Coding.document_id.in_(chunk))
        )
    }
    now = utcnow()
    rows: list[dict[str, Any]] = []
    placed: list[int | None] = []  # index into rows, or None for a duplicate
    for new in codings:
        document = documents.get(new.document_id)
        if document is None:
            raise NotFoundError("not_found.document", id=new.document_id)
        check_range(new.start, new.end, document.text_length, document.title)
        category = categories.get(new.category_id)
        if category is None:
            raise NotFoundError("not_found.category", id=new.category_id)
        if not category.codable:
            raise ValidationError("coding.not_codable", name=category.name)
        coder_id = coder_ids[new.coder or default_coder]
        key = (new.document_id, new.category_id, coder_id, new.start, new.end)
        if key in existing:
            if not skip_duplicates:
                raise ValidationError(
                    "coding.duplicate", title=document.title, start=new.start, end=new.end
                )
            placed.append(None)
            continue
        existing.add(key)
        placed.append(len(rows))
        rows.append(
            {
                "document_id": new.document_id,
                "document_length": document.text_length,
                "start_pos": new.start,
                "end_pos": new.end,
                "category_id": new.category_id,
                "coder_id": key[2],
                "memo": str(new.fields.get("memo") or ""),
                "paraphrase": str(new.fields.get("paraphrase") or ""),
                "generalisation": str(new.fields.get("generalisation") or ""),
                "is_quote": bool(new.fields.get("is_quote")),
                "created_at": now,
                "updated_at": now,
            }
        )
    return rows, placed
