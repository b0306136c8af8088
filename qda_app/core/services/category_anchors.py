"""Anchor examples: real coded segments that show what a category means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import AnchorExample, Category, Coding
from ..errors import ValidationError
from .common import fetch, next_position, note_params

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _path(session: Session, category_id: int) -> str:
    """ "Top/Sub": subcategory names repeat under each top-level category."""
    names = []
    row: Category | None = fetch(session, Category, category_id, "category")
    while row is not None:
        names.append(row.name)
        row = session.get(Category, row.parent_id) if row.parent_id is not None else None
    return "/".join(reversed(names))


def add_anchor_in(session: Session, category_id: int, coding_id: int) -> AnchorExample:
    """Link a coding to a category as one of its anchor examples."""
    note_params(session, name=_path(session, category_id))
    fetch(session, Coding, coding_id, "coding")
    exists = session.scalar(
        select(AnchorExample.id).where(
            AnchorExample.category_id == category_id, AnchorExample.coding_id == coding_id
        )
    )
    if exists is not None:
        raise ValidationError("anchor.duplicate")
    row = AnchorExample(
        category_id=category_id,
        coding_id=coding_id,
        position=next_position(session, AnchorExample, category_id=category_id),
    )
    session.add(row)
    session.flush()
    return row


def remove_anchor_in(session: Session, anchor_id: int) -> None:
    anchor = fetch(session, AnchorExample, anchor_id, "anchor")
    note_params(session, name=_path(session, anchor.category_id))
    session.delete(anchor)
