"""The cross-quarter matrix: categories × quarters with a selectable measure, and totals.

Measures: `segments` (coded segments), `documents` (documents with at least one),
`presence` (1 if named at all, else 0) and `share` (documents as a share of the quarter's
documents). With `subcategories` (the default) a category's row counts its whole subtree,
so a top-level row says how much material its subcategories hold together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import ValidationError
from ..values import SegmentFilter
from .matrix_counts import count_cells
from .quarter_axes import (
    CategoryRow,
    QuarterColumn,
    category_rows,
    column_of_quarter,
    quarter_columns,
)

if TYPE_CHECKING:
    from ..project import Project

MEASURES = ("segments", "documents", "presence", "share")


@dataclass(frozen=True)
class MatrixOptions:
    """What the matrix shows and counts.

    `quarter_ids`: the Sozialräume shown (empty: all); `include_city`: show the city-wide
    column; `count_city`: count it as a quarter in the k-of-n rule (the reference study does
    not); `method_ids` / `coder_ids`: count only this material (empty: all).
    """

    method_ids: tuple[int, ...] = ()
    coder_ids: tuple[int, ...] = ()
    quarter_ids: tuple[int, ...] = ()
    include_city: bool = True
    count_city: bool = False
    subcategories: bool = True

    def segment_filter(self) -> SegmentFilter:
        return SegmentFilter(method_ids=self.method_ids, coder_ids=self.coder_ids)


@dataclass(frozen=True, eq=False)
class QuarterMatrix:
    """Values by category id (rows, tree order) × quarter id (columns), with totals.

    `values` holds the chosen measure (int, or float in [0, 1] for share); `presence` is
    always there (bool), since the k-of-n rule counts it whatever the measure. Row totals:
    the sum over the columns shown (for share: the row's documents over all documents shown).
    Column totals: the measure over all categories together (for presence: how many
    categories are named in the column).
    """

    measure: str
    options: MatrixOptions
    rows: tuple[CategoryRow, ...]
    columns: tuple[QuarterColumn, ...]
    values: pd.DataFrame
    presence: pd.DataFrame
    row_totals: pd.Series
    column_totals: pd.Series
    grand_total: float
    documents_per_column: dict[int, int] = field(default_factory=dict)

    @property
    def counted_columns(self) -> tuple[QuarterColumn, ...]:
        """The columns the k-of-n rule counts: Sozialräume, and the city-wide level only when
        `options.count_city`."""
        return tuple(c for c in self.columns if not c.city_wide or self.options.count_city)

    def value(self, category_id: int, quarter_id: int) -> float:
        return float(self.values.at[category_id, quarter_id])

    def labelled(self, *, totals: bool = True, paths: bool = True) -> pd.DataFrame:
        """The matrix with category paths (or labels) and quarter names, for tables and CSV;
        with a "Σ" total column and row."""
        table = self.values.copy()
        if totals:
            table["Σ"] = self.row_totals
            table.loc["Σ"] = [*self.column_totals.tolist(), self.grand_total]
        names = {c.quarter_id: c.name for c in self.columns}
        labels = {r.category_id: r.path if paths else r.label for r in self.rows}
        return table.rename(index=labels, columns=names)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: rows, columns and values in their order."""
        return {
            "measure": self.measure,
            "columns": [
                {"quarter_id": c.quarter_id, "name": c.name, "city_wide": c.city_wide}
                for c in self.columns
            ],
            "rows": [
                {
                    "category_id": r.category_id,
                    "path": r.path,
                    "depth": r.depth,
                    "values": [
                        _plain(self.values.at[r.category_id, c.quarter_id]) for c in self.columns
                    ],
                    "total": _plain(self.row_totals[r.category_id]),
                }
                for r in self.rows
            ],
            "column_totals": [_plain(v) for v in self.column_totals.tolist()],
            "grand_total": _plain(self.grand_total),
        }


def _plain(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else round(number, 4)


def quarter_matrix(
    project: Project, measure: str = "segments", options: MatrixOptions | None = None
) -> QuarterMatrix:
    """The matrix of categories × quarters; reads the segments once (aggregated)."""
    if measure not in MEASURES:
        raise ValidationError("matrix.bad_measure", measure=measure, choices=", ".join(MEASURES))
    options = options or MatrixOptions()
    quarters = project.quarters.list()
    rows = category_rows(project.categories.list())
    columns = quarter_columns(
        quarters, include_city=options.include_city, shown=options.quarter_ids
    )
    column_ids = [c.quarter_id for c in columns]
    row_ids = [r.category_id for r in rows]
    column_of = column_of_quarter(quarters)
    position = {quarter_id: n for n, quarter_id in enumerate(column_ids)}
    wanted = set(options.method_ids)
    column_of_document: dict[int, int] = {}
    for document in project.documents.list():
        column = column_of.get(document.quarter_id) if document.quarter_id is not None else None
        if column in position and (not wanted or document.method_id in wanted):
            column_of_document[document.id] = position[column]
    per_column_array = np.bincount(
        np.fromiter(column_of_document.values(), dtype="int64"), minlength=len(column_ids)
    )
    documents_per_column = dict(zip(column_ids, per_column_array.tolist(), strict=True))
    counted = count_cells(
        project.segments.counts_by_document(options.segment_filter()),
        row_ids,
        {r.category_id: r.parent_id for r in rows},
        column_of_document,
        len(column_ids),
        subcategories=options.subcategories,
    )

    def table(values: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(values, index=pd.Index(row_ids), columns=pd.Index(column_ids))

    segments, documents = table(counted.segments), table(counted.documents)
    presence = segments > 0
    per_column = pd.Series(per_column_array.astype("float64"), index=pd.Index(column_ids))
    coded_documents = pd.Series(counted.column_documents, index=pd.Index(column_ids))
    all_documents = int(per_column_array.sum())
    if measure == "segments":
        values = segments
        column_totals = pd.Series(counted.column_segments, index=pd.Index(column_ids))
        row_totals, grand = values.sum(axis=1), float(column_totals.sum())
    elif measure == "documents":
        values = documents
        column_totals = coded_documents
        row_totals, grand = values.sum(axis=1), float(column_totals.sum())
    elif measure == "presence":
        values = presence.astype("int64")
        column_totals = values.sum(axis=0)
        row_totals, grand = values.sum(axis=1), float(presence.to_numpy().sum())
    else:
        values = documents.div(per_column.where(per_column > 0), axis=1).fillna(0.0)
        column_totals = (coded_documents / per_column.where(per_column > 0)).fillna(0.0)
        shown = float(all_documents) or float("nan")
        row_totals = (documents.sum(axis=1) / shown).fillna(0.0)
        grand = float(coded_documents.sum() / all_documents) if all_documents else 0.0
    return QuarterMatrix(
        measure=measure,
        options=options,
        rows=rows,
        columns=columns,
        values=values,
        presence=presence,
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=grand,
        documents_per_column=documents_per_column,
    )
