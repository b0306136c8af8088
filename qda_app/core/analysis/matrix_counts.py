"""Counting segments and documents per category row × quarter column, in numpy.

The input is what `project.segments.counts_by_document` gives: one row per category and
document with its number of segments. A category counts for its own row and (with
subcategories) for the rows of its ancestors; a document belongs to exactly one column.
Counting with integer keys and `bincount` keeps the matrix of a 50,000-segment project at a
few milliseconds beyond the read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .quarter_axes import ancestors


@dataclass(frozen=True, eq=False)
class CellCounts:
    segments: np.ndarray  # rows × columns
    documents: np.ndarray  # rows × columns: documents with at least one segment
    column_segments: np.ndarray  # per column, all categories together
    column_documents: np.ndarray  # per column: documents with any segment


def count_cells(
    counts: pd.DataFrame,
    row_ids: Sequence[int],
    parents: Mapping[int, int | None],
    column_of_document: Mapping[int, int],
    columns: int,
    *,
    subcategories: bool = True,
) -> CellCounts:
    """Counts for `row_ids` (in order) × `columns` column positions; `column_of_document`
    gives each counted document's column position (documents not in it are left out)."""
    rows = len(row_ids)
    category = counts["category_id"].to_numpy(dtype="int64")
    document = counts["document_id"].to_numpy(dtype="int64")
    segments = counts["segments"].to_numpy(dtype="int64")
    top_document = max([0, *column_of_document], default=0)
    top_document = max(top_document, int(document.max()) if document.size else 0)
    column_of = np.full(top_document + 1, -1, dtype="int64")
    for doc, column in column_of_document.items():
        column_of[doc] = column
    column = column_of[document] if document.size else document
    keep = column >= 0
    category, document, segments, column = (
        category[keep],
        document[keep],
        segments[keep],
        column[keep],
    )

    # level[j][c]: the row of category c's j-th ancestor (0: itself), or -1.
    top_category = max([0, *row_ids], default=0)
    top_category = max(top_category, int(category.max()) if category.size else 0)
    position = {c: n for n, c in enumerate(row_ids)}
    parent_of = dict(parents)
    levels: list[np.ndarray] = []
    for category_id in row_ids:
        chain = ancestors(category_id, parent_of) if subcategories else [category_id]
        for depth, ancestor in enumerate(chain):
            while len(levels) <= depth:
                levels.append(np.full(top_category + 1, -1, dtype="int64"))
            levels[depth][category_id] = position.get(ancestor, -1)

    cells = rows * columns
    segment_counts = np.zeros(cells, dtype="int64")
    width = top_document + 1
    # Which documents each row holds: a rows × documents grid of flags (or, for very large
    # projects, the distinct (row, document) keys).
    small = rows * width <= 20_000_000
    held = np.zeros(rows * width if small else 0, dtype=bool)
    pairs: list[np.ndarray] = []
    for level in levels:
        row = level[category]
        hit = row >= 0
        keys = row[hit] * columns + column[hit]
        segment_counts += np.bincount(keys, weights=segments[hit], minlength=cells).astype("int64")
        if small:
            held[row[hit] * width + document[hit]] = True
        else:
            pairs.append(row[hit] * width + document[hit])
    if small:
        flags = held.reshape(rows, width)
        placed = column_of >= 0
        which = np.zeros((width, columns), dtype="int64")
        which[np.nonzero(placed)[0], column_of[placed]] = 1
        document_counts = (flags.astype("int64") @ which).reshape(cells)
    else:
        unique = np.unique(np.concatenate(pairs)) if pairs else np.zeros(0, dtype="int64")
        document_keys = (unique // width) * columns + column_of[unique % width]
        document_counts = np.bincount(document_keys, minlength=cells).astype("int64")
    coded = np.zeros(width, dtype=bool)
    coded[document] = True
    return CellCounts(
        segment_counts.reshape(rows, columns),
        document_counts.reshape(rows, columns),
        np.bincount(column, weights=segments, minlength=columns).astype("int64"),
        np.bincount(column_of[np.nonzero(coded)[0]], minlength=columns).astype("int64"),
    )
