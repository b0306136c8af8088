"""The steps of a category revision: moving codings and anchors, merging one category.

`merge_pair` merges a category into another (subcategories first) and deletes it;
`move_codings_to` moves codings with the anchor examples that show them. Both return what
they moved as a `RevisionCount`; `CategoryRevisions` wraps them in commands and previews.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import AnchorExample, Category, Coding, Statement
from ..errors import ValidationError
from ..revision_values import RevisionCount
from .coding_transfer import transfer_codings_in
from .common import next_position

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def category_infos(session: Session) -> list:
    """Every category as a value, for the tree helpers (paths, subtrees)."""
    from .categories import category_info

    return [category_info(row) for row in session.scalars(select(Category))]


def child_categories(session: Session, parent_id: int | None) -> list[Category]:
    """The direct subcategories of `parent_id` (None: the top level)."""
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    return list(session.scalars(select(Category).where(where)))


def with_target(count: RevisionCount, target_id: int) -> RevisionCount:
    """`count` naming `target_id` as the category it went to."""
    return RevisionCount(
        count.codings,
        count.merged,
        count.anchors,
        count.statements,
        count.subcategories,
        target_id,
    )


def _add(a: RevisionCount, b: RevisionCount) -> RevisionCount:
    return RevisionCount(
        a.codings + b.codings,
        a.merged + b.merged,
        a.anchors + b.anchors,
        a.statements + b.statements,
        a.subcategories + b.subcategories,
        b.target_id,
    )


def _check_codable(target: Category, codings: Sequence[Coding]) -> None:
    if codings and not target.codable:
        raise ValidationError("coding.not_codable", name=target.name)


def move_codings_to(session: Session, codings: Sequence[Coding], target: Category) -> RevisionCount:
    """Codings to `target`, with the anchor examples of their old category that show them."""
    _check_codable(target, codings)
    anchors = 0
    for coding in codings:
        if coding.category_id == target.id:
            continue
        own = session.scalar(
            select(AnchorExample).where(
                AnchorExample.coding_id == coding.id,
                AnchorExample.category_id == coding.category_id,
            )
        )
        if own is not None:
            anchors += _move_anchor(session, own, target.id)
    moved = transfer_codings_in(session, codings, target.id)
    return RevisionCount(moved.moved, moved.merged, anchors, target_id=target.id)


def _move_anchor(session: Session, anchor: AnchorExample, target_id: int) -> int:
    """Make an anchor example one of the target's (dropped if it is one already)."""
    exists = session.scalar(
        select(AnchorExample.id).where(
            AnchorExample.category_id == target_id, AnchorExample.coding_id == anchor.coding_id
        )
    )
    if exists is not None:
        session.delete(anchor)
        session.flush()
        return 0
    anchor.position = next_position(session, AnchorExample, category_id=target_id)
    anchor.category_id = target_id
    session.flush()
    return 1


def merge_pair(
    session: Session,
    source: Category,
    target: Category,
    append_definition: bool,
    count: RevisionCount,
) -> RevisionCount:
    """Merge one category into another (subcategories first), then delete it."""
    target_children = {
        c.name.casefold(): c for c in child_categories(session, target.id) if c.id != source.id
    }
    for child in sorted(child_categories(session, source.id), key=lambda c: (c.position, c.id)):
        same = target_children.get(child.name.casefold())
        if same is not None:
            count = merge_pair(session, child, same, append_definition, count)
        else:
            child.parent_id = target.id
            child.position = next_position(session, Category, parent_id=target.id)
            session.flush()
            count = _add(count, RevisionCount(subcategories=1))
    anchors = 0
    for anchor in session.scalars(
        select(AnchorExample)
        .where(AnchorExample.category_id == source.id)
        .order_by(AnchorExample.position)
    ):
        anchors += _move_anchor(session, anchor, target.id)
    codings = list(session.scalars(select(Coding).where(Coding.category_id == source.id)))
    _check_codable(target, codings)
    moved = transfer_codings_in(session, codings, target.id)
    statements = list(
        session.scalars(
            select(Statement)
            .where(Statement.category_id == source.id)
            .order_by(Statement.position, Statement.id)
        )
    )
    for statement in statements:
        statement.position = next_position(
            session, Statement, quarter_id=statement.quarter_id, category_id=target.id
        )
        statement.category_id = target.id
        session.flush()
    if append_definition:
        target.definition = _appended(target.definition, source.definition)
        target.coding_rules = _appended(target.coding_rules, source.coding_rules)
    patterns = [*target.block_patterns.splitlines(), *source.block_patterns.splitlines()]
    joined = "\n".join(dict.fromkeys(p for p in patterns if p.strip()))
    if joined != target.block_patterns:
        target.block_patterns = joined
    session.flush()
    session.expire(source, ["anchor_links"])
    session.delete(source)
    session.flush()
    return _add(
        count,
        RevisionCount(moved.moved, moved.merged, anchors, len(statements), 0, target.id),
    )


def _appended(mine: str, theirs: str) -> str:
    """`theirs` added below `mine` as its own paragraph, unless it says nothing new."""
    mine, theirs = mine or "", (theirs or "").strip()
    if not theirs or theirs in mine:
        return mine
    return f"{mine.rstrip()}\n\n{theirs}" if mine.strip() else theirs
