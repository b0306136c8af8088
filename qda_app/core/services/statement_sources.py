"""Links from cross-quarter statements to the per-quarter statements they generalise.

A cross-quarter statement (no quarter) of a category generalises per-quarter statements of
that category or of its subcategories; the number of quarters behind it is always counted
from these links (see `core.analysis.statement_support`), never typed into its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Statement, StatementSource
from ..errors import ValidationError
from .common import shorten as _short

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def category_within(session: Session, category_id: int, ancestor_id: int) -> bool:
    """Is `category_id` the category `ancestor_id` or one of its descendants?"""
    parents = dict(session.execute(select(Category.id, Category.parent_id)).all())
    current: int | None = category_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def check_source(session: Session, statement: Statement, source: Statement) -> None:
    """Refuse a link that does not go from a cross-quarter to a per-quarter statement of
    the same category (or a subcategory of it)."""
    if statement.quarter_id is not None:
        raise ValidationError("statement.not_cross_quarter", text=_short(statement.text))
    if source.quarter_id is None:
        raise ValidationError("statement.source_cross_quarter", text=_short(source.text))
    if not category_within(session, source.category_id, statement.category_id):
        raise ValidationError(
            "statement.source_other_category",
            text=_short(source.text),
            target=_short(statement.text),
        )


def add_source_link(session: Session, statement: Statement, source: Statement) -> None:
    """Link `statement` (cross-quarter) to `source` (per-quarter); an existing link stays."""
    check_source(session, statement, source)
    if any(link.source_id == source.id for link in statement.source_links):
        return
    statement.source_links.append(StatementSource(statement_id=statement.id, source_id=source.id))
    session.flush()


def remove_source_link(session: Session, statement: Statement, source_id: int) -> None:
    for link in list(statement.source_links):
        if link.source_id == source_id:
            statement.source_links.remove(link)
    session.flush()
