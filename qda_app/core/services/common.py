"""Small pieces every service needs: fetching by id, positions among siblings, checks."""

from __future__ import annotations

import re
from typing import Any, TypeVar, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from ..db.change_capture import record_inserts
from ..errors import EditConflictError, NotFoundError, ValidationError

T = TypeVar("T")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def fetch(session: Session, model: type[T], object_id: int, kind: str) -> T:
    """The row with that id, or a NotFoundError naming what was looked for.

    The row is held for the rest of the command: the session's identity map keeps rows only
    while something refers to them, and a command that codes 500 passages of one document
    would otherwise load the document (after flushing) 500 times."""
    row = session.get(model, object_id)
    if row is None:
        raise NotFoundError(f"not_found.{kind}", id=object_id)
    session.info.setdefault("held_rows", []).append(row)
    return row


def next_position(session: Session, model: Any, **siblings: Any) -> int:
    """One past the highest position among rows matching `siblings` (None matches NULL)."""
    query = select(func.max(model.position))
    for column, value in siblings.items():
        attribute = getattr(model, column)
        query = query.where(attribute.is_(None) if value is None else attribute == value)
    highest = session.scalar(query)
    return 0 if highest is None else highest + 1


def place_among(rows: list[Any], moving: Any, position: int | None) -> None:
    """Put `moving` at `position` among sibling rows (others keep their order), renumbering."""
    ordered = [row for row in sorted(rows, key=lambda r: (r.position, r.id)) if row is not moving]
    index = len(ordered) if position is None else max(0, min(position, len(ordered)))
    ordered.insert(index, moving)
    _number(ordered)


def renumber(rows: list[Any]) -> None:
    """Positions 0, 1, 2 … in the rows' current order, closing gaps."""
    _number(sorted(rows, key=lambda r: (r.position, r.id)))


def _number(ordered: list[Any]) -> None:
    for number, row in enumerate(ordered):
        if row.position != number:
            row.position = number


def note_params(session: Session, **params: Any) -> None:
    """Add names to the running command's log entry, so history reads "Kategorie „X“ löschen"
    rather than an id."""
    session.info.setdefault("command_params", {}).update(params)


def shorten(text: str, length: int = 60) -> str:
    """A long text cut to `length` characters with an ellipsis, for change-log entries."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def clean_name(name: str, kind: str) -> str:
    """Trimmed, non-empty, single-line name."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError(f"name.empty.{kind}")
    return cleaned


def check_colour(colour: str) -> str:
    if not COLOUR.match(colour or ""):
        raise ValidationError("colour.invalid", colour=colour)
    return colour.lower()


def insert_logged(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows of a table with an integer id at once and log them like any other
    change; returns their ids in the order of `rows`.

    Ids only grow (AUTOINCREMENT) and a command holds the write lock, so the new rows are
    those above the highest id before the insert, in the order inserted.
    """
    if not rows:
        return []
    session.flush()
    before = session.scalar(select(func.max(model.id))) or 0
    session.execute(insert(cast(Table, model.__table__)), rows)
    ids = list(session.scalars(select(model.id).where(model.id > before).order_by(model.id)))
    if len(ids) != len(rows):
        raise RuntimeError(f"rows of {model.__tablename__} were inserted by someone else")
    record_inserts(session, model.__tablename__, rows, [{"id": row_id} for row_id in ids])
    return ids


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Refuse an edit made on an outdated copy: `expected` is the version the editor read."""
    if expected is not None and row.version != expected:
        raise EditConflictError("server.edit_conflict", what=what)
