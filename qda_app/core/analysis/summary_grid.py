"""The summary grid (Mayring's reduction): quarters × categories, what each cell holds.

A cell is one category (exactly that category, not its subcategories: a top-level row holds
what was coded with the top-level category itself, such as pre-coded question blocks) in
one column: a Sozialraum with its statistical quarters, or the city-wide level. It counts
the cell's segments and documents, its statements (bullets), and the segments that no
statement of the same quarter condenses yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..values import SegmentFilter, StatementInfo
from .quarter_axes import (
    CategoryRow,
    QuarterColumn,
    category_rows,
    column_of_quarter,
    quarter_columns,
)

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class GridCell:
    category_id: int
    quarter_id: int  # the column: a Sozialraum or the city-wide level
    segments: int = 0
    documents: int = 0
    statements: int = 0
    uncovered: int = 0  # segments no statement of this quarter condenses yet


@dataclass(frozen=True)
class SummaryGrid:
    rows: tuple[CategoryRow, ...]
    columns: tuple[QuarterColumn, ...]
    cells: Mapping[tuple[int, int], GridCell]  # by (category id, column quarter id)

    def cell(self, category_id: int, quarter_id: int) -> GridCell:
        """The cell's counts (zeros for an empty cell)."""
        return self.cells.get((category_id, quarter_id)) or GridCell(category_id, quarter_id)


def summary_grid(project: Project) -> SummaryGrid:
    """Counts of every cell: the segments per category and document (aggregated by the
    database), the segments linked to any statement, and the statements."""
    quarters = project.quarters.list()
    rows = category_rows(project.categories.list())
    columns = quarter_columns(quarters)
    column_of = column_of_quarter(quarters)
    column_ids = {c.quarter_id for c in columns}
    document_column = {
        d.id: column_of.get(d.quarter_id) for d in project.documents.list() if d.quarter_id
    }

    counts = project.segments.counts_by_document()
    counts["column"] = counts["document_id"].map(document_column)
    counts = counts[counts["column"].isin(column_ids)]
    grouped = counts.groupby(["category_id", "column"])
    totals = pd.DataFrame(
        {"segments": grouped["segments"].sum(), "documents": grouped["document_id"].nunique()}
    )

    statement_rows = project.statements.list()
    statements = [
        (s.category_id, column_of.get(s.quarter_id), s.coding_ids)
        for s in statement_rows
        if s.quarter_id is not None
    ]
    covering = {(coding, column) for _c, column, codings in statements for coding in codings}
    # Only the segments linked to a statement of a quarter can be covered: read those alone.
    quarter_statements = tuple(s.id for s in statement_rows if s.quarter_id is not None)
    linked = project.segments.frame(SegmentFilter(statement_ids=quarter_statements or (-1,)))
    covered: dict[tuple[int, int], int] = {}
    for coding, category, document in zip(
        linked["coding_id"].tolist(),
        linked["category_id"].tolist(),
        linked["document_id"].tolist(),
        strict=True,
    ):
        column = document_column.get(document)
        if column is not None and (coding, column) in covering:
            covered[(category, column)] = covered.get((category, column), 0) + 1

    bullets: dict[tuple[int, int], int] = {}
    for category, column, _codings in statements:
        if column in column_ids:
            bullets[(category, column)] = bullets.get((category, column), 0) + 1
    cells: dict[tuple[int, int], GridCell] = {}
    for (category, column), segments, documents in zip(
        totals.index, totals["segments"].tolist(), totals["documents"].tolist(), strict=True
    ):
        key = (int(category), int(column))
        uncovered = segments - covered.get(key, 0)
        cells[key] = GridCell(*key, segments, documents, bullets.pop(key, 0), uncovered)
    for (category, column), count in bullets.items():
        cells[(category, column)] = GridCell(category, column, statements=count)
    return SummaryGrid(rows, columns, cells)


def cell_filter(project: Project, category_id: int, quarter_id: int) -> SegmentFilter:
    """The segments of one grid cell, for `project.segments.list`: the category itself, and
    the documents of the Sozialraum (with its statistical quarters) or of the city-wide
    level alone."""
    quarter = project.quarters.get(quarter_id)
    if quarter.kind != "city":
        return SegmentFilter(
            category_ids=(category_id,), subcategories=False, quarter_ids=(quarter_id,)
        )
    column_of = column_of_quarter(project.quarters.list())
    documents = tuple(
        d.id
        for d in project.documents.list()
        if d.quarter_id is not None and column_of.get(d.quarter_id) == quarter_id
    )
    return SegmentFilter(
        category_ids=(category_id,), subcategories=False, document_ids=documents or (-1,)
    )


def cell_statements(project: Project, category_id: int, quarter_id: int) -> list[StatementInfo]:
    """The statements of one grid cell, in their order: of this category (exactly), on the
    column's quarter or, for a Sozialraum, on one of its statistical quarters."""
    column_of = column_of_quarter(project.quarters.list())
    return [
        s
        for s in project.statements.list(category_id=category_id)
        if s.quarter_id is not None and column_of.get(s.quarter_id) == quarter_id
    ]
