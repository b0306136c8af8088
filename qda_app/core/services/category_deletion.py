"""Deleting a category with its subtree, and what happens to its codings and statements."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Coding, Statement
from ..errors import ValidationError
from . import category_tree
from .coding_transfer import transfer_codings_in
from .common import fetch, note_params, renumber

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class CodingFate(StrEnum):
    """What happens to the codings (and statements) of a deleted category and its subtree."""

    DELETE = "delete"
    TO_PARENT = "to_parent"
    TO_CATEGORY = "to_category"


def delete_subtree_in(
    session: Session, category_id: int, fate: CodingFate, target_id: int | None
) -> None:
    """Delete a category and its descendants; codings and statements meet `fate`."""
    from .categories import category_info, siblings

    row = fetch(session, Category, category_id, "category")
    note_params(session, category=row.name)
    all_rows = [category_info(c) for c in session.scalars(select(Category))]
    doomed = category_tree.subtree_ids(all_rows, category_id)
    target = _fate_target(session, row, fate, target_id, doomed)
    codings = session.scalars(select(Coding).where(Coding.category_id.in_(doomed))).all()
    statements = session.scalars(select(Statement).where(Statement.category_id.in_(doomed))).all()
    if target is None:
        for coding in codings:
            session.delete(coding)
    else:
        transfer_codings_in(session, codings, target)
    for statement in statements:
        if target is None:
            session.delete(statement)
        else:
            statement.category_id = target
    session.flush()
    for doomed_id in reversed(doomed):
        session.delete(session.get(Category, doomed_id))
        session.flush()
    renumber(siblings(session, row.parent_id))


def _fate_target(
    session: Session, row: Category, fate: CodingFate, target_id: int | None, doomed: list[int]
) -> int | None:
    if fate is CodingFate.DELETE:
        return None
    if fate is CodingFate.TO_PARENT:
        if row.parent_id is None:
            raise ValidationError("category.no_parent", name=row.name)
        return row.parent_id
    if target_id is None:
        raise ValidationError("category.target_missing")
    fetch(session, Category, target_id, "category")
    if target_id in doomed:
        raise ValidationError("category.target_in_subtree", name=row.name)
    return target_id
