"""What the segment read side needs besides the joined query: the small tables as lookups
(category and quarter paths, Sozialraum of a quarter, method names) and context cutting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Method, Quarter

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CategoryRow:
    id: int
    parent_id: int | None
    name: str
    tag: str


@dataclass(frozen=True)
class QuarterRow:
    id: int
    parent_id: int | None
    label: str
    kind: str


@dataclass
class SegmentLookups:
    categories: dict[int, CategoryRow]
    quarters: dict[int, QuarterRow]
    methods: dict[int | None, str]

    @classmethod
    def load(cls, session: Session) -> SegmentLookups:
        categories = {
            cid: CategoryRow(cid, parent, name, tag)
            for cid, parent, name, tag in session.execute(
                select(Category.id, Category.parent_id, Category.name, Category.tag)
            )
        }
        quarters = {
            qid: QuarterRow(qid, parent, f"{name} ({number})" if number is not None else name, kind)
            for qid, parent, name, number, kind in session.execute(
                select(Quarter.id, Quarter.parent_id, Quarter.name, Quarter.number, Quarter.kind)
            )
        }
        methods: dict[int | None, str] = dict(session.execute(select(Method.id, Method.name)).all())
        return cls(categories, quarters, methods)

    # -- categories -----------------------------------------------------------------------

    def category_path(self, category_id: int) -> tuple[str, ...]:
        names: list[str] = []
        current: int | None = category_id
        while current is not None:
            row = self.categories[current]
            names.append(row.name)
            current = row.parent_id
        return tuple(reversed(names))

    def top_category(self, category_id: int) -> int:
        current = self.categories[category_id]
        while current.parent_id is not None:
            current = self.categories[current.parent_id]
        return current.id

    def category_subtrees(self, roots: Iterable[int]) -> set[int]:
        return _subtrees(roots, {c.id: c.parent_id for c in self.categories.values()})

    # -- quarters -------------------------------------------------------------------------

    def quarter_path(self, quarter_id: int | None) -> tuple[str, ...]:
        """Labels from the Sozialraum down; the city-wide level names only itself."""
        labels: list[str] = []
        current = quarter_id
        while current is not None:
            row = self.quarters[current]
            if row.kind == "city" and labels:
                break
            labels.append(row.label)
            current = row.parent_id
        return tuple(reversed(labels))

    def social_space(self, quarter_id: int | None) -> int | None:
        """The Sozialraum a quarter lies in (itself, or a statistical quarter's parent)."""
        current = quarter_id
        while current is not None:
            row = self.quarters[current]
            if row.kind == "social_space":
                return row.id
            current = row.parent_id
        return None

    def quarter_subtrees(self, roots: Iterable[int]) -> set[int]:
        return _subtrees(roots, {q.id: q.parent_id for q in self.quarters.values()})


def _subtrees(roots: Iterable[int], parents: dict[int, int | None]) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    found = set(roots)
    pending = list(found)
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def context_around(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    """About `size` characters before and after [start, end), cut at a word boundary."""
    if size <= 0:
        return "", ""
    before = text[max(0, start - size) : start]
    after = text[end : end + size]
    if start - size > 0 and " " in before:
        before = before[before.index(" ") + 1 :]
    if end + size < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return before, after
