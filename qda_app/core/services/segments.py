"""The one read side for coded segments: every list, grid, analysis and exporter reads here.

A call runs one joined query over codings, documents and coders (streamed in batches), plus,
per batch, one query for the statement links and one per new document for its text. The
category, quarter and method tables are small and read once per call to build paths.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, exists, func, select

from ..db.models import Coder, Coding, Document, StatementCoding
from ..errors import NotFoundError
from ..text_fold import fold
from ..values import Segment, SegmentFilter
from .segment_context import SegmentLookups, context_around

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.orm import Session

    from ..project import Project

BATCH = 1000


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
        if where and where.text and not texts:
            raise ValueError("a text filter needs the texts")
        where = where or SegmentFilter()
        with self.project.read() as session:
            lookups = SegmentLookups.load(session)
            query = self._query(where, lookups)
            loaded: dict[int, str] = {}
            result = session.execute(query.execution_options(yield_per=BATCH))
            for rows in result.partitions():
                links = _statement_links(session, [row.id for row in rows])
                for row in rows:
                    text = loaded.get(row.document_id, "")
                    if texts and row.document_id not in loaded:
                        loaded.clear()  # rows come grouped by document: keep one text at a time
                        text = _document_text(session, row.document_id)
                        loaded[row.document_id] = text
                    segment = _segment(row, text, context, lookups, links.get(row.id, ()))
                    if where.text and not _matches(segment, fold(where.text)):
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
            query = self._query(where, SegmentLookups.load(session))
            return len(session.execute(query.with_only_columns(Coding.id)).all())

    def frame(self, where: SegmentFilter | None = None) -> pd.DataFrame:
        """The segments' ids and offsets as a pandas table (no text): what analysis counts.

        Columns: FRAME_COLUMNS, one row per segment, ordered by coding id; quarter_id,
        social_space_id (None: city-wide or no quarter) and method_id are nullable integers.
        A text filter is applied by reading the segments.
        """
        import pandas as pd

        where = where or SegmentFilter()
        if where.text:
            rows = [tuple(getattr(s, c) for c in FRAME_COLUMNS) for s in self.iter(where)]
            return _typed_frame(pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS)))
        with self.project.read() as session:
            lookups = SegmentLookups.load(session)
            documents = session.execute(
                select(Document.id, Document.quarter_id, Document.method_id)
            ).all()
            # Codings alone (documents joined only to filter): a plain scan, no sort.
            query = self._filtered(
                select(
                    Coding.id,
                    Coding.document_id,
                    Coding.start,
                    Coding.end,
                    Coding.category_id,
                    Coding.coder_id,
                    Coding.is_quote,
                ),
                where,
                lookups,
            )
            rows = _plain_rows(session, query)
        names = ["coding_id", "document_id", "start", "end", "category_id", "coder_id"]
        names.append("is_quote")
        frame = pd.DataFrame(_int_array(rows, len(names)), columns=names)
        frame["quarter_id"] = frame["document_id"].map({d: q for d, q, _m in documents})
        frame["method_id"] = frame["document_id"].map({d: m for d, _q, m in documents})
        tops = {cid: lookups.top_category(cid) for cid in lookups.categories}
        spaces = {qid: lookups.social_space(qid) for qid in lookups.quarters}
        frame["top_category_id"] = frame["category_id"].map(tops)
        frame["social_space_id"] = frame["quarter_id"].map(spaces)
        return _typed_frame(frame[list(FRAME_COLUMNS)].sort_values("coding_id"))

    def counts_by_document(self, where: SegmentFilter | None = None) -> pd.DataFrame:
        """How many segments each category has in each document: columns category_id,
        document_id, segments (only pairs with at least one).

        What matrices count; much less to read than `frame` on a large project, since
        SQLite groups along the (category, document) index.
        """
        import pandas as pd

        where = where or SegmentFilter()
        columns = ["category_id", "document_id", "segments"]
        if where.text:
            frame = self.frame(where)
            grouped = frame.groupby(["category_id", "document_id"]).size()
            return grouped.rename("segments").reset_index()[columns]
        with self.project.read() as session:
            counted = select(Coding.category_id, Coding.document_id, func.count())
            query = self._filtered(counted, where, SegmentLookups.load(session)).group_by(
                Coding.category_id, Coding.document_id
            )
            rows = _plain_rows(session, query)
        return pd.DataFrame(_int_array(rows, len(columns)), columns=columns)

    # -- query ----------------------------------------------------------------------------

    @classmethod
    def _query(cls, where: SegmentFilter, lookups: SegmentLookups) -> Select:
        query = (
            select(
                Coding.id,
                Coding.document_id,
                Coding.start,
                Coding.end,
                Coding.category_id,
                Coding.coder_id,
                Coding.memo,
                Coding.paraphrase,
                Coding.generalisation,
                Coding.is_quote,
                Document.title,
                Document.date,
                Document.quarter_id,
                Document.method_id,
                Coder.name.label("coder_name"),
            )
            .join(Document, Document.id == Coding.document_id)
            .join(Coder, Coder.id == Coding.coder_id)
            .order_by(
                Document.quarter_id,
                Document.position,
                Document.id,
                Coding.start,
                Coding.end,
                Coding.id,
            )
        )
        return cls._filtered(query, where, lookups, documents_joined=True)

    @staticmethod
    def _filtered(
        query: Select,
        where: SegmentFilter,
        lookups: SegmentLookups,
        *,
        documents_joined: bool = False,
    ) -> Select:
        """`query` (over codings) restricted to what `where` selects; documents are joined
        when a condition needs them and the query has not joined them yet."""
        if (where.quarter_ids or where.method_ids) and not documents_joined:
            query = query.join(Document, Document.id == Coding.document_id)
        if where.category_ids:
            ids = (
                lookups.category_subtrees(where.category_ids)
                if where.subcategories
                else set(where.category_ids)
            )
            query = query.where(Coding.category_id.in_(sorted(ids)))
        if where.quarter_ids:
            query = query.where(
                Document.quarter_id.in_(sorted(lookups.quarter_subtrees(where.quarter_ids)))
            )
        if where.method_ids:
            query = query.where(Document.method_id.in_(where.method_ids))
        if where.coder_ids:
            query = query.where(Coding.coder_id.in_(where.coder_ids))
        if where.document_ids:
            query = query.where(Coding.document_id.in_(where.document_ids))
        if where.coding_ids:
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


def _plain_rows(session: Session, query: Select) -> builtins.list[tuple]:
    """The rows as the database driver returns them: plain tuples of plain values.

    For tens of thousands of rows that go straight into pandas, SQLAlchemy's Row objects and
    result processing would cost more than the query itself.
    """
    result = session.connection().execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _int_array(rows: builtins.list[tuple], width: int) -> Any:
    """Rows of integers (and booleans) as one numpy array, read in one pass."""
    from itertools import chain

    import numpy as np

    flat = np.fromiter(chain.from_iterable(rows), dtype="int64", count=len(rows) * width)
    return flat.reshape(len(rows), width)


def _typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Integer columns as integers (nullable where a document may lack a quarter or method)."""
    types = {name: "int64" for name in FRAME_COLUMNS}
    types.update(quarter_id="Int64", social_space_id="Int64", method_id="Int64", is_quote="bool")
    return frame.astype(types).reset_index(drop=True)


def _statement_links(
    session: Session, coding_ids: builtins.list[int]
) -> dict[int, tuple[int, ...]]:
    links: dict[int, list[int]] = {}
    query = (
        select(StatementCoding.coding_id, StatementCoding.statement_id)
        .where(StatementCoding.coding_id.in_(coding_ids))
        .order_by(StatementCoding.statement_id)
    )
    for coding_id, statement_id in session.execute(query):
        links.setdefault(coding_id, []).append(statement_id)
    return {key: tuple(value) for key, value in links.items()}


def _document_text(session: Session, document_id: int) -> str:
    return session.scalar(select(Document.text).where(Document.id == document_id)) or ""


def _segment(
    row: Any, text: str, context: int, lookups: SegmentLookups, statements: tuple[int, ...]
) -> Segment:
    before, after = context_around(text, row.start, row.end, context)
    category = lookups.categories[row.category_id]
    return Segment(
        coding_id=row.id,
        document_id=row.document_id,
        start=row.start,
        end=row.end,
        text=text[row.start : row.end],
        context_before=before,
        context_after=after,
        document_title=row.title,
        document_date=row.date,
        quarter_id=row.quarter_id,
        quarter_path=lookups.quarter_path(row.quarter_id),
        social_space_id=lookups.social_space(row.quarter_id),
        method_id=row.method_id,
        method=lookups.methods.get(row.method_id, ""),
        coder_id=row.coder_id,
        coder=row.coder_name,
        category_id=row.category_id,
        category_path=lookups.category_path(row.category_id),
        category_tag=category.tag,
        top_category_id=lookups.top_category(row.category_id),
        memo=row.memo,
        paraphrase=row.paraphrase,
        generalisation=row.generalisation,
        is_quote=bool(row.is_quote),
        statement_ids=statements,
    )


def _matches(segment: Segment, needle: str) -> bool:
    return any(
        needle in fold(value)
        for value in (segment.text, segment.paraphrase, segment.generalisation, segment.memo)
    )
