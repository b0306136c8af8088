"""Reading statements with their links: four plain queries, however many statements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select

from ..db.models import Statement, StatementCoding, StatementSource
from ..values import StatementInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def read_statements(
    session: Session, conditions: Sequence[ColumnElement[bool]]
) -> list[StatementInfo]:
    """Statements matching all `conditions`, by quarter, category and position, each with
    its coding links, the statements it generalises and those that generalise it."""
    chosen = select(Statement.id).where(*conditions)
    rows = session.execute(
        select(
            Statement.id,
            Statement.category_id,
            Statement.quarter_id,
            Statement.text,
            Statement.position,
            Statement.contains_quote,
            Statement.version,
        )
        .where(*conditions)
        .order_by(Statement.quarter_id, Statement.category_id, Statement.position, Statement.id)
    ).all()
    codings = _grouped(
        session.execute(
            select(StatementCoding.statement_id, StatementCoding.coding_id).where(
                StatementCoding.statement_id.in_(chosen)
            )
        )
    )
    sources = _grouped(
        session.execute(
            select(StatementSource.statement_id, StatementSource.source_id).where(
                StatementSource.statement_id.in_(chosen)
            )
        )
    )
    generalised = _grouped(
        session.execute(
            select(StatementSource.source_id, StatementSource.statement_id).where(
                StatementSource.source_id.in_(chosen)
            )
        )
    )
    return [
        StatementInfo(
            sid,
            category,
            quarter,
            text,
            position,
            codings.get(sid, ()),
            bool(quote),
            sources.get(sid, ()),
            generalised.get(sid, ()),
            version,
        )
        for sid, category, quarter, text, position, quote, version in rows
    ]


def _grouped(pairs: Any) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return {key: tuple(sorted(values)) for key, values in found.items()}
