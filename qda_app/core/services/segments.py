"""The one read side for coded segments: every list, grid, analysis and exporter reads here.

A call runs one query over the codings (filters on quarters and methods become document ids),
plus one per batch of 1,000 rows for their statement links and one per document for its text.
The small tables (documents' metadata, coders, categories, quarters, methods) are read once
per call as lookups, so no coding row is joined to a document row: on SQLite a document row
holds its whole text, and reading it once per coding made long lists slow.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, exists, func, select

from ..db.models import Coding, StatementCoding
from ..errors import NotFoundError
from ..text_fold import fold
from ..values import Segment, SegmentFilter
from .segment_building import (
    MAX_IN,
    SegmentBuilder,
    document_texts,
    matches_text,
    statement_links,
)
from .segment_context import SegmentLookups

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.orm import Session

    from ..project import Project

BATCH = 1000
# MAX_IN: longer id lists are not sent as IN (…) parameters (slow to compile, and SQLite
# limits their number): the rows are filtered after reading instead.


FRAME_COLUMNS = (
    "coding_id",
    "document_id",
    "start",
    "end",
    "category_id",
    "top_category_id",
    "coder_id",
    "quarter_id",
    "social_space_id",
    "method_id",
    "is_quote",
)


class SegmentService:
    def __init__(self, project: Project) -> None:
        self.project = project

    # -- the read side --------------------------------------------------------------------

    def iter(
        self, where: SegmentFilter | None = None, *, context: int = 0, texts: bool = True
    ) -> Iterator[Segment]:
        """Segments in document order (quarter, document, start), streamed in batches.

        `context` characters of text around each segment are included (cut at a word).
        `texts=False` leaves text and context empty and reads no document text (a view that
        holds the text already, such as the document view, needs only offsets).
        """
        where = where or SegmentFilter()
        if where.text and not texts:
            raise ValueError("a text filter needs the texts")
        needle = fold(where.text) if where.text else ""
        with self.project.read() as session:
            lookups = SegmentLookups.load(session, where.document_ids or None)
            query = self._query(where, lookups, ROW_COLUMNS)
            if query is None:
                return
            # Sorting here is cheaper than asking the store: in document order, SQLite would
            # visit the codings rows in index order, one random page read each.
            rows = _rows(session, query, where, lookups)
            rank = {d.id: d.rank for d in lookups.documents.values()}
            rows.sort(key=lambda r: (rank[r[1]], r[2], r[3], r[0]))
            build = SegmentBuilder(lookups, context)
            loaded: dict[int, str] = {}
            for offset in range(0, len(rows), BATCH):
                batch = rows[offset : offset + BATCH]
                links = statement_links(session, [row[0] for row in batch])
                if texts:  # the texts of this batch's documents, in one query
                    wanted = {row[1] for row in batch}
                    loaded = {k: v for k, v in loaded.items() if k in wanted}
                    loaded.update(document_texts(session, wanted - set(loaded)))
                for row in batch:
                    text = loaded.get(row[1], "")
                    segment = build(row, text, links.get(row[0], ()))
                    if needle and not matches_text(segment, needle):
                        continue
                    yield segment

    def list(
        self, where: SegmentFilter | None = None, *, context: int = 0, texts: bool = True
    ) -> builtins.list[Segment]:
        return list(self.iter(where, context=context, texts=texts))

    def get(self, coding_id: int, *, context: int = 0) -> Segment:
        found = self.list(SegmentFilter(coding_ids=(coding_id,)), context=context)
        if not found:
            raise NotFoundError("not_found.coding", id=coding_id)
        return found[0]

    def of_document(self, document_id: int, *, texts: bool = True) -> builtins.list[Segment]:
        """All segments of one document by start offset (what the text view paints)."""
        return self.list(SegmentFilter(document_ids=(document_id,)), texts=texts)

    def of_category(
        self, category_id: int, *, subcategories: bool = False
    ) -> builtins.list[Segment]:
        return self.list(SegmentFilter(category_ids=(category_id,), subcategories=subcategories))

    def count(self, where: SegmentFilter | None = None) -> int:
        """How many segments a filter selects (the text filter needs the texts, so it reads)."""
        where = where or SegmentFilter()
        if where.text:
            return sum(1 for _ in self.iter(where))
        with self.project.read() as session:
            lookups = SegmentLookups.load(session, where.document_ids or None)
            query = self._query(where, lookups, ROW_COLUMNS)
            return 0 if query is None else len(_rows(session, query, where, lookups))

    def frame(self, where: SegmentFilter | None = None) -> pd.DataFrame:
        """The segments' ids and offsets as a pandas table (no text): what analysis counts.

        Columns: FRAME_COLUMNS, one row per segment, in no particular order. A text filter is
        applied by reading the segments.
        """
        import pandas as pd

        where = where or SegmentFilter()
        if where.text:
            rows = [tuple(getattr(s, c) for c in FRAME_COLUMNS) for s in self.iter(where)]
            return pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS))
        columns = (
            Coding.id,
            Coding.document_id,
            Coding.start,
            Coding.end,
            Coding.category_id,
            Coding.coder_id,
            Coding.is_quote,
        )
        with self.project.read() as session:
            lookups = SegmentLookups.load(session, where.document_ids or None)
            query = self._query(where, lookups, columns)
            found = [] if query is None else _rows(session, query, where, lookups)
        frame = pd.DataFrame(
            _int_array(found, len(columns)),
            columns=["coding_id", "document_id", "start", "end", "category_id", "coder_id", "q"],
        )
        documents = lookups.documents
        quarter_of = {d: documents[d].quarter_id for d in documents}
        frame["top_category_id"] = frame["category_id"].map(
            {c: lookups.top_category(c) for c in lookups.categories}
        )
        frame["quarter_id"] = frame["document_id"].map(quarter_of)
        frame["social_space_id"] = frame["document_id"].map(
            {d: lookups.social_space(q) for d, q in quarter_of.items()}
        )
        frame["method_id"] = frame["document_id"].map(
            {d: documents[d].method_id for d in documents}
        )
        frame["is_quote"] = frame["q"].astype(bool)
        return frame[list(FRAME_COLUMNS)]

    def counts_by_document(self, where: SegmentFilter | None = None) -> pd.DataFrame:
        """How many segments each category has in each document: columns category_id,
        document_id, segments (only pairs with at least one).

        What matrices count: the store groups along its (category, document) index, so a
        large project sends a fraction of the rows `frame` would.
        """
        import pandas as pd

        where = where or SegmentFilter()
        columns = ["category_id", "document_id", "segments"]
        if where.text or where.coding_ids:
            grouped = self.frame(where).groupby(["category_id", "document_id"]).size()
            return grouped.rename("segments").reset_index()[columns]
        counted = (Coding.category_id, Coding.document_id, func.count())
        with self.project.read() as session:
            lookups = SegmentLookups.load(session, where.document_ids or None)
            query = self._query(where, lookups, counted)
            found = (
                []
                if query is None
                # Rows are (category, document, count): _rows filters on the document id.
                else _rows(
                    session, query.group_by(Coding.category_id, Coding.document_id), where, lookups
                )
            )
        return pd.DataFrame(_int_array(found, len(columns)), columns=columns)

    # -- query ----------------------------------------------------------------------------

    @staticmethod
    def _query(
        where: SegmentFilter, lookups: SegmentLookups, columns: tuple[Any, ...]
    ) -> Select | None:
        """The one query over codings (no joins: documents, coders, categories and quarters
        come from the lookups), or None when the filter can match nothing."""
        query = select(*columns)
        if where.category_ids:
            ids = (
                lookups.category_subtrees(where.category_ids)
                if where.subcategories
                else set(where.category_ids)
            )
            query = query.where(Coding.category_id.in_(sorted(ids)))
        documents = lookups.document_ids(where.quarter_ids, where.method_ids, where.document_ids)
        if documents is not None:
            if not documents:
                return None
            if len(documents) <= MAX_IN:  # longer lists: _rows filters after reading
                query = query.where(Coding.document_id.in_(sorted(documents)))
        if where.coder_ids:
            query = query.where(Coding.coder_id.in_(where.coder_ids))
        if where.coding_ids and len(where.coding_ids) <= MAX_IN:
            query = query.where(Coding.id.in_(where.coding_ids))
        if where.quotes_only:
            query = query.where(Coding.is_quote.is_(True))
        if where.statement_ids:
            linked = select(StatementCoding.coding_id).where(
                StatementCoding.statement_id.in_(where.statement_ids)
            )
            query = query.where(Coding.id.in_(linked))
        if where.linked is not None:
            any_link = exists().where(StatementCoding.coding_id == Coding.id)
            query = query.where(any_link if where.linked else ~any_link)
        return query


ROW_COLUMNS = (
    Coding.id,
    Coding.document_id,
    Coding.start.label("start"),
    Coding.end.label("end"),
    Coding.category_id,
    Coding.coder_id,
    Coding.memo,
    Coding.paraphrase,
    Coding.generalisation,
    Coding.is_quote,
    Coding.version,
)


def _rows(
    session: Session, query: Select, where: SegmentFilter, lookups: SegmentLookups
) -> list[Any]:
    """Run the codings query on the session's connection (plain tuples, no ORM), applying
    the id filters that were too long to send as parameters. Rows start with (id,
    document_id)."""
    # The driver's plain tuples: for tens of thousands of rows, building SQLAlchemy's Row
    # objects would cost more than the query (the columns need no type conversion).
    result = session.connection().execute(query)
    try:
        rows = list(result.cursor.fetchall())
    finally:
        result.close()
    if where.coding_ids and len(where.coding_ids) > MAX_IN:
        wanted = set(where.coding_ids)
        rows = [row for row in rows if row[0] in wanted]
    documents = lookups.document_ids(where.quarter_ids, where.method_ids, where.document_ids)
    if documents is not None and len(documents) > MAX_IN:
        rows = [row for row in rows if row[1] in documents]
    return rows


def _int_array(rows: builtins.list[Any], width: int) -> Any:
    """Rows of integers (and booleans) as one numpy array, read in one pass: for tens of
    thousands of rows far cheaper than building a table from row objects."""
    from itertools import chain

    import numpy as np

    flat = np.fromiter(chain.from_iterable(rows), dtype="int64", count=len(rows) * width)
    return flat.reshape(len(rows), width)
