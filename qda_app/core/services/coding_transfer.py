"""Moving codings into another category: the one rule for codings that become identical.

Deleting a category with its codings, merging, splitting and moving codings in bulk all end
here. A coding that arrives where the same coder already coded the same range of the same
document with the target category is not kept twice: the coding already there survives and
takes over what hung on the arriving one (statement links, anchor examples, a memo, a
paraphrase, the verbatim-quote flag), so nothing a coder wrote is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import AnchorExample, Coding, StatementCoding

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SegmentKey = tuple[int, int, int, int]


def segment_key(coding: Coding) -> SegmentKey:
    """What makes two codings the same: document, range and coder."""
    return (coding.document_id, coding.start, coding.end, coding.coder_id)


@dataclass(frozen=True)
class TransferCount:
    """What a transfer does (or would do): codings moved, and those merged into an identical
    coding already in the target."""

    moved: int = 0
    merged: int = 0

    @property
    def total(self) -> int:
        return self.moved + self.merged


def count_transfer(session: Session, codings: Iterable[Coding], target_id: int) -> TransferCount:
    """What `transfer_codings_in` would do, without changing anything (for previews)."""
    kept = _keys_in(session, target_id)
    moved = merged = 0
    for coding in codings:
        if coding.category_id == target_id:
            continue
        key = segment_key(coding)
        if key in kept:
            merged += 1
        else:
            moved += 1
            kept.add(key)
    return TransferCount(moved, merged)


def transfer_codings_in(
    session: Session, codings: Iterable[Coding], target_id: int
) -> TransferCount:
    """Give `codings` the category `target_id`; identical ones become one (see module doc)."""
    survivors = {
        segment_key(c): c
        for c in session.scalars(select(Coding).where(Coding.category_id == target_id))
    }
    moved = merged = 0
    for coding in codings:
        if coding.category_id == target_id:
            continue
        key = segment_key(coding)
        survivor = survivors.get(key)
        if survivor is None:
            coding.category_id = target_id
            survivors[key] = coding
            moved += 1
        else:
            absorb_in(session, coding, survivor)
            merged += 1
    session.flush()
    return TransferCount(moved, merged)


def absorb_in(session: Session, duplicate: Coding, survivor: Coding) -> None:
    """Delete `duplicate`; its links, anchors and notes pass to `survivor`."""
    _merge_notes(duplicate, survivor)
    linked = set(
        session.scalars(
            select(StatementCoding.statement_id).where(StatementCoding.coding_id == survivor.id)
        )
    )
    for link in session.scalars(
        select(StatementCoding).where(StatementCoding.coding_id == duplicate.id)
    ):
        if link.statement_id not in linked:
            # A new link row rather than a changed key: the log replays rows by their key.
            session.add(StatementCoding(statement_id=link.statement_id, coding_id=survivor.id))
    anchored = set(
        session.scalars(
            select(AnchorExample.category_id).where(AnchorExample.coding_id == survivor.id)
        )
    )
    for anchor in session.scalars(
        select(AnchorExample).where(AnchorExample.coding_id == duplicate.id)
    ):
        if anchor.category_id not in anchored:
            anchor.coding_id = survivor.id
            anchored.add(anchor.category_id)
    session.flush()
    # The links moved above must not go with the duplicate's cascade.
    session.expire(duplicate, ["anchor_links", "statement_links"])
    session.delete(duplicate)
    session.flush()


def _merge_notes(duplicate: Coding, survivor: Coding) -> None:
    for name in ("memo", "paraphrase", "generalisation"):
        mine, theirs = getattr(survivor, name) or "", getattr(duplicate, name) or ""
        if theirs.strip() and theirs.strip() not in mine:
            setattr(survivor, name, f"{mine}\n\n{theirs}" if mine.strip() else theirs)
    if duplicate.is_quote and not survivor.is_quote:
        survivor.is_quote = True


def _keys_in(session: Session, category_id: int) -> set[SegmentKey]:
    query = select(Coding.document_id, Coding.start, Coding.end, Coding.coder_id).where(
        Coding.category_id == category_id
    )
    return {(d, s, e, c) for d, s, e, c in session.execute(query)}
