"""The two axes every quarter comparison shares: category rows and quarter columns.

Rows are the categories in tree order (subcategories under their top-level category).
Columns are the Sozialräume, then the city-wide level as a column of its own; a document on
a statistical quarter counts for the Sozialraum it lies in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..services import category_tree
from ..values import CategoryInfo, QuarterInfo
from .frequencies import rollup

COLUMN_KINDS = ("city", "social_space")


@dataclass(frozen=True)
class CategoryRow:
    """A category as a row of the grid or the matrix."""

    category_id: int
    parent_id: int | None
    top_id: int  # its top-level category (itself for a top-level one)
    name: str
    path: str  # "Bedarfe/Institutionen"
    tag: str
    tag_path: str  # "Bedarfe/Institutionen" built from tags (names where a tag is empty)
    colour: str
    depth: int  # 0 for a top-level category
    has_children: bool

    @property
    def label(self) -> str:
        """The tag where there is one (slides name categories by tag), else the name."""
        return self.tag or self.name


@dataclass(frozen=True)
class QuarterColumn:
    """A Sozialraum, or the city-wide level (`city_wide`), as a column."""

    quarter_id: int
    name: str
    city_wide: bool


def category_rows(categories: Iterable[CategoryInfo]) -> tuple[CategoryRow, ...]:
    """All categories as rows, depth-first in tree order."""
    ordered = category_tree.depth_first(categories)
    by_id = {c.id: c for c in ordered}
    paths = category_tree.paths(ordered)
    with_children = {c.parent_id for c in ordered}
    parent_of = {c.id: c.parent_id for c in ordered}
    rows: list[CategoryRow] = []
    for info in ordered:
        chain = ancestors(info.id, parent_of)
        tags = [by_id[i].tag or by_id[i].name for i in reversed(chain)]
        rows.append(
            CategoryRow(
                category_id=info.id,
                parent_id=info.parent_id,
                top_id=chain[-1],
                name=info.name,
                path=paths[info.id],
                tag=info.tag,
                tag_path=category_tree.SEPARATOR.join(tags),
                colour=info.colour,
                depth=len(chain) - 1,
                has_children=info.id in with_children,
            )
        )
    return tuple(rows)


def ancestors(category_id: int, parents: dict[int, int | None]) -> list[int]:
    """The category itself, its parent, … up to its top-level category."""
    chain = [category_id]
    seen = {category_id}
    parent = parents.get(category_id)
    while parent is not None and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = parents.get(parent)
    return chain


def quarter_columns(
    quarters: Sequence[QuarterInfo], *, include_city: bool = True, shown: Sequence[int] = ()
) -> tuple[QuarterColumn, ...]:
    """The Sozialräume in their order (only those in `shown`, when given), then the city-wide
    level (when `include_city`)."""
    spaces = [
        QuarterColumn(q.id, q.name, False)
        for q in quarters
        if q.kind == "social_space" and (not shown or q.id in shown)
    ]
    city = [QuarterColumn(q.id, q.name, True) for q in quarters if q.kind == "city"]
    return tuple(spaces + (city if include_city else []))


def column_of_quarter(quarters: Sequence[QuarterInfo]) -> dict[int, int | None]:
    """Each quarter's column: its Sozialraum, or the city-wide level for that level itself.

    A quarter that lies in no Sozialraum and is no city-wide level maps to None.
    """
    level = rollup(list(quarters), COLUMN_KINDS)
    return {
        quarter_id: target.id if target.kind in COLUMN_KINDS else None
        for quarter_id, target in level.items()
    }
