"""Statements as values, the checks on their text and cell, and adding many at once.

`statement_info` builds the value a caller gets back; `insert_statements` is the body of
`StatementService.add_many_in` (one query per kind of reference, one insert per table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, func, insert, select

from ..db.change_capture import record_inserts
from ..db.models import Category, Coding, Quarter, Statement, StatementCoding, utcnow
from ..errors import NotFoundError, ValidationError
from ..values import StatementInfo
from .common import insert_logged, note_params
from .common import shorten as _short

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def statement_info(row: Statement) -> StatementInfo:
    return StatementInfo(
        row.id,
        row.category_id,
        row.quarter_id,
        row.text,
        row.position,
        tuple(sorted(link.coding_id for link in row.coding_links)),
        bool(row.contains_quote),
        tuple(sorted(link.source_id for link in row.source_links)),
        tuple(sorted(link.statement_id for link in row.generalised_links)),
        row.version,
    )


def statement_cell(session: Session, quarter_id: int | None, category_id: int) -> list[Statement]:
    where = (
        Statement.quarter_id.is_(None)
        if quarter_id is None
        else (Statement.quarter_id == quarter_id)
    )
    return list(
        session.scalars(select(Statement).where(where, Statement.category_id == category_id))
    )


def mark_quote(row: Statement, contains_quote: bool) -> None:
    """Mark a statement as quoting a linked segment (it needs one), or unmark it."""
    if contains_quote and not row.coding_links:
        raise ValidationError("statement.quote_needs_segment", text=_short(row.text))
    row.contains_quote = bool(contains_quote)


def clean_text(text: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError("statement.empty")
    return cleaned


@dataclass(frozen=True)
class NewStatement:
    """A statement to add with `add_many_in`; quarter None makes it a cross-quarter one."""

    category_id: int
    text: str
    quarter_id: int | None = None
    coding_ids: tuple[int, ...] = ()


def check_ids(session: Session, model: Any, ids: set[int], kind: str) -> None:
    """NotFoundError naming the first of `ids` that has no row."""
    wanted = sorted(ids)
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(model.id).where(model.id.in_(chunk))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFoundError(f"not_found.{kind}", id=missing[0])


def insert_statements(session: Session, statements: Sequence[NewStatement]) -> list[int]:
    """New statements, each appended to its cell, in one insert (and one for their links):
    the ids in order. Categories, quarters and codings are checked with one query each."""
    if not statements:
        return []
    texts = [clean_text(item.text) for item in statements]
    check_ids(session, Category, {s.category_id for s in statements}, "category")
    quarters = {s.quarter_id for s in statements if s.quarter_id is not None}
    check_ids(session, Quarter, quarters, "quarter")
    check_ids(session, Coding, {c for s in statements for c in s.coding_ids}, "coding")
    highest = {
        (quarter, category): position
        for quarter, category, position in session.execute(
            select(
                Statement.quarter_id, Statement.category_id, func.max(Statement.position)
            ).group_by(Statement.quarter_id, Statement.category_id)
        )
    }
    now = utcnow()
    rows = []
    for item, text in zip(statements, texts, strict=True):
        cell = (item.quarter_id, item.category_id)
        highest[cell] = highest.get(cell, -1) + 1
        rows.append(
            {
                "category_id": item.category_id,
                "quarter_id": item.quarter_id,
                "text": text,
                "position": highest[cell],
                "created_at": now,
                "updated_at": now,
            }
        )
    ids = insert_logged(session, Statement, rows)
    links = [
        {"statement_id": statement_id, "coding_id": coding_id}
        for statement_id, item in zip(ids, statements, strict=True)
        for coding_id in dict.fromkeys(item.coding_ids)
    ]
    if links:
        session.execute(insert(cast(Table, StatementCoding.__table__)), links)
        record_inserts(session, "statement_codings", links, links)
    note_params(session, count=len(rows))
    return ids
