"""Revising the category system while coding: merge, split and move codings in bulk.

Each revision is one command (one undoable step that the change log restores exactly) with
an `*_in` form for callers that compose it into a larger command. Previews run the revision
in a transaction that is rolled back, so what they count is what the revision would do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from ..db.change_capture import ChangeRecorder
from ..db.models import AnchorExample, Category, Coding, Statement
from ..errors import ProjectFileError, ValidationError
from ..revision_values import RevisionCount
from . import category_tree
from .coding_transfer import transfer_codings_in
from .common import fetch, next_position, note_params, renumber

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

T = TypeVar("T")


class CategoryRevisions:
    """The revision commands of the category service (`project.categories.merge(...)` …)."""

    project: Project

    # -- merge ------------------------------------------------------------------------------

    def merge(
        self, source_id: int, target_id: int, *, append_definition: bool = True
    ) -> RevisionCount:
        """Merge category `source_id` into `target_id`: its codings, anchor examples and
        statements go to the target, identical codings become one, its subcategories join the
        target's (same-named ones are merged too), and the source is deleted. With
        `append_definition`, its definition and coding rules are appended to the target's."""
        with self.project.command("category.merge", source=source_id, target=target_id) as s:
            return self.merge_in(s, source_id, target_id, append_definition=append_definition)

    def merge_in(
        self, session: Session, source_id: int, target_id: int, *, append_definition: bool = True
    ) -> RevisionCount:
        source = fetch(session, Category, source_id, "category")
        target = fetch(session, Category, target_id, "category")
        names = category_tree.paths(_infos(session))
        note_params(session, source_name=names[source_id], target_name=names[target_id])
        if source_id == target_id:
            raise ValidationError("category.merge_into_itself", name=source.name)
        if target_id in category_tree.subtree_ids(_infos(session), source_id):
            raise ValidationError("category.merge_into_subtree", name=source.name)
        old_parent = source.parent_id
        count = _merge_pair(session, source, target, append_definition, RevisionCount())
        renumber(_children(session, old_parent))
        note_params(session, codings=count.codings + count.merged)
        return _with_target(count, target_id)

    def preview_merge(self, source_id: int, target_id: int) -> RevisionCount:
        """What `merge` would move, without changing anything."""
        return self._dry_run(lambda s: self.merge_in(s, source_id, target_id))

    # -- split and move ---------------------------------------------------------------------

    def split(
        self,
        coding_ids: Sequence[int],
        target_id: int | None = None,
        *,
        new_name: str | None = None,
        parent_id: int | None = None,
        **fields: Any,
    ) -> RevisionCount:
        """Move the chosen codings into category `target_id`, or into a new category
        `new_name` created under `parent_id` (None: top level) with `fields`. Anchor examples
        of their old category that show these codings go with them; statements stay."""
        with self.project.command(
            "category.split", codings=len(coding_ids), target=target_id
        ) as session:
            return self.split_in(
                session, coding_ids, target_id, new_name=new_name, parent_id=parent_id, **fields
            )

    def split_in(
        self,
        session: Session,
        coding_ids: Sequence[int],
        target_id: int | None = None,
        *,
        new_name: str | None = None,
        parent_id: int | None = None,
        **fields: Any,
    ) -> RevisionCount:
        codings = [fetch(session, Coding, i, "coding") for i in dict.fromkeys(coding_ids)]
        if not codings:
            raise ValidationError("category.split_nothing")
        if target_id is None:
            if not new_name:
                raise ValidationError("category.target_missing")
            target_id = self.project.categories.create_in(session, new_name, parent_id, **fields).id
        sources = {c.category_id for c in codings}
        names = category_tree.paths(_infos(session))
        note_params(
            session,
            source_name=", ".join(sorted(names[i] for i in sources if i in names)),
            target_name=names[target_id] if target_id in names else str(target_id),
        )
        count = _move_codings(session, codings, fetch(session, Category, target_id, "category"))
        note_params(session, codings=count.codings + count.merged)
        return count

    def preview_split(self, coding_ids: Sequence[int], target_id: int) -> RevisionCount:
        """What `split` into an existing category would move."""
        return self._dry_run(lambda s: self.split_in(s, coding_ids, target_id))

    def move_codings(self, source_id: int, target_id: int) -> RevisionCount:
        """Move all codings of `source_id` (not of its subcategories) to `target_id`, with the
        anchor examples that show them; identical codings become one."""
        with self.project.command(
            "category.move_codings", source=source_id, target=target_id
        ) as session:
            return self.move_codings_in(session, source_id, target_id)

    def move_codings_in(self, session: Session, source_id: int, target_id: int) -> RevisionCount:
        fetch(session, Category, source_id, "category")
        target = fetch(session, Category, target_id, "category")
        names = category_tree.paths(_infos(session))
        note_params(session, source_name=names[source_id], target_name=names[target_id])
        if source_id == target_id:
            raise ValidationError("category.move_onto_itself", name=names[source_id])
        codings = list(session.scalars(select(Coding).where(Coding.category_id == source_id)))
        count = _move_codings(session, codings, target)
        note_params(session, codings=count.codings + count.merged)
        return count

    def preview_move_codings(self, source_id: int, target_id: int) -> RevisionCount:
        """How many codings `move_codings` would move (and how many become one)."""
        return self._dry_run(lambda s: self.move_codings_in(s, source_id, target_id))

    # -- helpers ----------------------------------------------------------------------------

    def _dry_run(self, revise: Callable[[Session], T]) -> T:
        """Run `revise` in a transaction that is rolled back: a preview that cannot lie."""
        with self.project.read() as session:
            ChangeRecorder().attach(session)
            try:
                result = revise(session)
                session.flush()
                return result
            except OperationalError as error:  # another process holds the write lock
                raise ProjectFileError(
                    "store.write_failed", path=self.project.location, reason=str(error.orig)
                ) from error
            finally:
                session.rollback()


def _infos(session: Session) -> list:
    from .categories import category_info

    return [category_info(row) for row in session.scalars(select(Category))]


def _children(session: Session, parent_id: int | None) -> list[Category]:
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    return list(session.scalars(select(Category).where(where)))


def _with_target(count: RevisionCount, target_id: int) -> RevisionCount:
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


def _move_codings(session: Session, codings: Sequence[Coding], target: Category) -> RevisionCount:
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


def _merge_pair(
    session: Session,
    source: Category,
    target: Category,
    append_definition: bool,
    count: RevisionCount,
) -> RevisionCount:
    """Merge one category into another (subcategories first), then delete it."""
    target_children = {
        c.name.casefold(): c for c in _children(session, target.id) if c.id != source.id
    }
    for child in sorted(_children(session, source.id), key=lambda c: (c.position, c.id)):
        same = target_children.get(child.name.casefold())
        if same is not None:
            count = _merge_pair(session, child, same, append_definition, count)
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
