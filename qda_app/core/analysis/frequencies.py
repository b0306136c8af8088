"""Frequency table: codings per category × quarter, rolled up to the Sozialraum level."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..services import category_tree

if TYPE_CHECKING:
    import pandas as pd

    from ..project import Project
    from ..values import QuarterInfo


def rollup(
    quarters: list[QuarterInfo], kinds: tuple[str, ...] = ("city", "social_space")
) -> dict[int, QuarterInfo]:
    """Each quarter mapped to its nearest ancestor (or itself) whose kind is in `kinds`."""
    by_id = {q.id: q for q in quarters}
    result: dict[int, QuarterInfo] = {}
    for quarter in quarters:
        node: QuarterInfo | None = quarter
        while node is not None and node.kind not in kinds:
            node = by_id.get(node.parent_id) if node.parent_id is not None else None
        result[quarter.id] = node or quarter
    return result


def frequency_table(project: Project, *, unique_documents: bool = False) -> pd.DataFrame:
    """Rows: category paths in tree order; columns: Sozialräume (and the city-wide level).

    Cells count codings, or with `unique_documents` the documents with at least one coding.
    Read through the segment read side (counts per category and document).
    """
    import pandas as pd  # here, not at import: `rollup` is needed where pandas is not

    quarters = project.quarters.list()
    level = rollup(quarters)
    columns = [q.name for q in quarters if q.kind in ("city", "social_space")]
    categories = project.categories.list()
    category_paths = category_tree.paths(categories)
    counts = project.segments.counts_by_document()
    quarter_of = {d.id: d.quarter_id for d in project.documents.list()}
    cells: dict[tuple[int, str], int] = defaultdict(int)
    for category_id, document_id, n in counts.itertuples(index=False):
        quarter_id = quarter_of.get(int(document_id))
        if quarter_id is not None:
            cells[(int(category_id), level[quarter_id].name)] += 1 if unique_documents else int(n)
    data = [[cells.get((c.id, column), 0) for column in columns] for c in categories]
    return pd.DataFrame(
        data, index=[category_paths[c.id] for c in categories], columns=columns, dtype="int64"
    )
