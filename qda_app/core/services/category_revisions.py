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
from ..db.models import Category, Coding
from ..errors import ProjectFileError, ValidationError
from ..revision_values import RevisionCount
from . import category_tree
from .category_revision_steps import (
    category_infos,
    child_categories,
    merge_pair,
    move_codings_to,
    with_target,
)
from .common import fetch, note_params, renumber

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
        names = category_tree.paths(category_infos(session))
        note_params(session, source_name=names[source_id], target_name=names[target_id])
        if source_id == target_id:
            raise ValidationError("category.merge_into_itself", name=source.name)
        if target_id in category_tree.subtree_ids(category_infos(session), source_id):
            raise ValidationError("category.merge_into_subtree", name=source.name)
        old_parent = source.parent_id
        count = merge_pair(session, source, target, append_definition, RevisionCount())
        renumber(child_categories(session, old_parent))
        note_params(session, codings=count.codings + count.merged)
        return with_target(count, target_id)

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
        names = category_tree.paths(category_infos(session))
        note_params(
            session,
            source_name=", ".join(sorted(names[i] for i in sources if i in names)),
            target_name=names[target_id] if target_id in names else str(target_id),
        )
        count = move_codings_to(session, codings, fetch(session, Category, target_id, "category"))
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
        names = category_tree.paths(category_infos(session))
        note_params(session, source_name=names[source_id], target_name=names[target_id])
        if source_id == target_id:
            raise ValidationError("category.move_onto_itself", name=names[source_id])
        codings = list(session.scalars(select(Coding).where(Coding.category_id == source_id)))
        count = move_codings_to(session, codings, target)
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
