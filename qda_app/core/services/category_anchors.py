"""Anchor examples: real coded segments that show what a category means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import AnchorExample, Category, Coding
from ..errors import ValidationError
from .common import fetch, next_position, note_params

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_anchor_in(session: Session, category_id: int, coding_id: int) -> AnchorExample:
    """Link a coding to a category as one of its anchor examples."""
    note_params(session, name=fetch(session, Category, category_id, "category").name)
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
    note_params(session, name=fetch(session, Category, anchor.category_id, "category").name)
    session.delete(anchor)
