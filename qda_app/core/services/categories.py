"""The category system: create, edit, move, reorder, delete with a fate, anchor examples."""

from __future__ import annotations

import builtins
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..db.models import CATEGORY_ORIGINS, AnchorExample, Category
from ..errors import ValidationError
from ..values import AnchorInfo, CategoryInfo
from . import category_tree
from .category_anchors import add_anchor_in, remove_anchor_in
from .category_deletion import CodingFate, delete_subtree_in
from .category_revisions import CategoryRevisions
from .common import (
    check_colour,
    check_version,
    clean_name,
    fetch,
    next_position,
    note_params,
    place_among,
    renumber,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

PALETTE = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#bfef45",
    "#469990",
    "#9a6324",
    "#800000",
    "#808000",
    "#000075",
    "#a9a9a9",
)
EDITABLE = (
    "name",
    "tag",
    "colour",
    "origin",
    "definition",
    "coding_rules",
    "codable",
    "block_patterns",
)


def category_info(row: Category) -> CategoryInfo:
    return CategoryInfo(
        row.id,
        row.parent_id,
        row.position,
        row.name,
        row.tag,
        row.colour,
        row.origin,
        row.definition,
        row.coding_rules,
        row.codable,
        row.block_patterns,
        row.version,
    )


def siblings(session: Session, parent_id: int | None) -> list[Category]:
    where = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
    return list(session.scalars(select(Category).where(where)))


def check_patterns(text: str) -> str:
    """One regular expression per line; each must compile."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        try:
            re.compile(line)
        except re.error as error:
            raise ValidationError(
                "category.bad_pattern", pattern=line, reason=str(error)
            ) from error
    return "\n".join(lines)


def _check_fields(fields: dict[str, Any]) -> None:
    if "name" in fields:
        fields["name"] = clean_name(fields["name"], "category")
    if "colour" in fields:
        fields["colour"] = check_colour(fields["colour"])
    if "origin" in fields and fields["origin"] not in CATEGORY_ORIGINS:
        raise ValidationError("category.bad_origin", origin=fields["origin"])
    if "block_patterns" in fields:
        fields["block_patterns"] = check_patterns(fields["block_patterns"] or "")
    if "tag" in fields:
        fields["tag"] = " ".join((fields["tag"] or "").split())


class CategoryService(CategoryRevisions):
    """The category system; revisions (merge, split, move codings) come from CategoryRevisions."""

    def __init__(self, project: Project) -> None:
        self.project = project

    # -- reading ------------------------------------------------------------------------------

    def list(self) -> builtins.list[CategoryInfo]:
        """All categories, depth-first in tree order."""
        with self.project.read() as session:
            rows = [category_info(row) for row in session.scalars(select(Category))]
        return category_tree.depth_first(rows)

    def get(self, category_id: int) -> CategoryInfo:
        with self.project.read() as session:
            return category_info(fetch(session, Category, category_id, "category"))

    def paths(self) -> dict[int, str]:
        return category_tree.paths(self.list())

    def find(self, text: str) -> CategoryInfo | None:
        """By path ("Top/Sub"), tag path ("Bedarfe/Zielgruppe") or unique name or tag."""
        return category_tree.find(self.list(), text)

    def anchors(self, category_id: int) -> builtins.list[AnchorInfo]:
        with self.project.read() as session:
            query = (
                select(AnchorExample)
                .where(AnchorExample.category_id == category_id)
                .order_by(AnchorExample.position)
            )
            return [
                AnchorInfo(a.id, a.category_id, a.coding_id, a.position)
                for a in session.scalars(query)
            ]

    # -- changing -----------------------------------------------------------------------------

    def create(
        self, name: str, parent_id: int | None = None, *, position: int | None = None, **fields: Any
    ) -> CategoryInfo:
        """New category; top-level ones default to deductive, subcategories to inductive."""
        with self.project.command("category.create", name=name) as session:
            return category_info(
                self.create_in(session, name, parent_id, position=position, **fields)
            )

    def create_in(
        self,
        session: Session,
        name: str,
        parent_id: int | None = None,
        *,
        position: int | None = None,
        **fields: Any,
    ) -> Category:
        """`create` inside a caller's command (presets, codebook imports, splits)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown category fields: {sorted(unknown)}")
        fields["name"] = name
        _check_fields(fields)
        note_params(session, name=fields["name"])
        if parent_id is not None:
            fetch(session, Category, parent_id, "category")
        self._check_unique(session, fields["name"], parent_id, None)
        count = len(session.scalars(select(Category.id)).all())
        row = Category(
            parent_id=parent_id,
            position=next_position(session, Category, parent_id=parent_id),
            colour=PALETTE[count % len(PALETTE)],
            origin="deductive" if parent_id is None else "inductive",
        )
        for key, value in fields.items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        if position is not None:
            place_among(siblings(session, parent_id), row, position)
        return row

    def update(self, category_id: int, **fields: Any) -> CategoryInfo:
        """Edit name, tag, colour, origin, definition, coding rules or the codable flag.

        `expected_version`: the version the editor read (CategoryInfo.version); when someone
        else changed the category since, the edit is refused (EditConflictError)."""
        expected_version = fields.pop("expected_version", None)
        command = "category.rename" if set(fields) == {"name"} else "category.update"
        with self.project.command(command, id=category_id, **fields) as session:
            row = self.update_in(session, category_id, expected_version=expected_version, **fields)
            session.flush()  # the info carries the new version
            return category_info(row)

    def update_in(self, session: Session, category_id: int, **fields: Any) -> Category:
        """`update` in a caller's command (`expected_version` as there)."""
        expected_version = fields.pop("expected_version", None)
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown category fields: {sorted(unknown)}")
        _check_fields(fields)
        row = fetch(session, Category, category_id, "category")
        note_params(session, category=row.name)
        check_version(row, expected_version, row.name)
        if "name" in fields:
            self._check_unique(session, fields["name"], row.parent_id, row.id)
        for key, value in fields.items():
            setattr(row, key, value)
        return row

    def rename(
        self, category_id: int, name: str, *, expected_version: int | None = None
    ) -> CategoryInfo:
        return self.update(category_id, expected_version=expected_version, name=name)

    def move(self, category_id: int, parent_id: int | None, position: int | None = None) -> None:
        """Put a category (with its subtree) under another parent, or to the top level."""
        with self.project.command("category.move", id=category_id, parent=parent_id) as session:
            self.move_in(session, category_id, parent_id, position)

    def move_in(
        self, session: Session, category_id: int, parent_id: int | None, position: int | None
    ) -> None:
        row = fetch(session, Category, category_id, "category")
        note_params(session, category=row.name, target="—")
        if parent_id is not None:
            note_params(session, target=fetch(session, Category, parent_id, "category").name)
            all_rows = [category_info(c) for c in session.scalars(select(Category))]
            if parent_id in category_tree.subtree_ids(all_rows, category_id):
                raise ValidationError("category.move_into_itself", name=row.name)
        if parent_id != row.parent_id:
            self._check_unique(session, row.name, parent_id, row.id)
            old_parent = row.parent_id
            row.parent_id = parent_id
            row.position = next_position(session, Category, parent_id=parent_id)
            session.flush()
            renumber(siblings(session, old_parent))
        place_among(siblings(session, parent_id), row, position)

    def reorder(self, category_id: int, position: int) -> None:
        """Move a category to another position among its siblings."""
        with self.project.command("category.reorder", id=category_id, position=position) as s:
            self.reorder_in(s, category_id, position)

    def reorder_in(self, session: Session, category_id: int, position: int) -> None:
        row = fetch(session, Category, category_id, "category")
        note_params(session, category=row.name)
        place_among(siblings(session, row.parent_id), row, position)

    def delete(
        self, category_id: int, fate: CodingFate | str, target_id: int | None = None
    ) -> None:
        """Delete a category and its subcategories; their codings and statements meet `fate`."""
        fate = CodingFate(fate)
        with self.project.command("category.delete", id=category_id, fate=str(fate)) as session:
            self.delete_in(session, category_id, fate, target_id)

    def delete_in(
        self, session: Session, category_id: int, fate: CodingFate | str, target_id: int | None
    ) -> None:
        delete_subtree_in(session, category_id, CodingFate(fate), target_id)

    def add_anchor(self, category_id: int, coding_id: int) -> AnchorInfo:
        """Make a coded segment an anchor example of a category."""
        with self.project.command("anchor.add", category=category_id, coding=coding_id) as s:
            row = self.add_anchor_in(s, category_id, coding_id)
            return AnchorInfo(row.id, row.category_id, row.coding_id, row.position)

    def add_anchor_in(self, session: Session, category_id: int, coding_id: int) -> AnchorExample:
        return add_anchor_in(session, category_id, coding_id)

    def remove_anchor(self, anchor_id: int) -> None:
        with self.project.command("anchor.remove", id=anchor_id) as session:
            self.remove_anchor_in(session, anchor_id)

    def remove_anchor_in(self, session: Session, anchor_id: int) -> None:
        remove_anchor_in(session, anchor_id)

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _check_unique(
        session: Session, name: str, parent_id: int | None, own_id: int | None
    ) -> None:
        for sibling in siblings(session, parent_id):
            if sibling.id != own_id and sibling.name.casefold() == name.casefold():
                raise ValidationError("category.duplicate_name", name=name)
