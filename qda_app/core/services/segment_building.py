"""Turning rows of the segment query into `Segment` values: statement links and document
texts read per batch, and what a document or category contributes worked out once."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select

from ..db.models import Document, StatementCoding
from ..text_fold import fold
from ..values import Segment
from .segment_context import SegmentLookups, context_around

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_IN = 500  # ids per IN (…) list

_LINKS = (
    select(StatementCoding.coding_id, StatementCoding.statement_id)
    .where(StatementCoding.coding_id.in_(bindparam("ids", expanding=True)))
    .order_by(StatementCoding.statement_id)
)


def statement_links(session: Session, coding_ids: builtins.list[int]) -> dict[int, tuple[int, ...]]:
    """Statement ids per coding. One prepared query with an expanding parameter: building
    an IN of a thousand literal values anew each time took longer than the query itself."""
    links: dict[int, list[int]] = {}
    for coding_id, statement_id in session.execute(_LINKS, {"ids": coding_ids}):
        links.setdefault(coding_id, []).append(statement_id)
    return {key: tuple(value) for key, value in links.items()}


def document_texts(session: Session, document_ids: set[int]) -> dict[int, str]:
    """Texts of some documents (a batch of segments touches a few dozen at most)."""
    texts: dict[int, str] = {}
    ordered = sorted(document_ids)
    for start in range(0, len(ordered), MAX_IN):
        chunk = ordered[start : start + MAX_IN]
        query = select(Document.id, Document.text).where(Document.id.in_(chunk))
        texts.update((row[0], row[1] or "") for row in session.execute(query))
    return texts


class SegmentBuilder:
    """Makes Segments from rows of ROW_COLUMNS; what a document or a category contributes is
    worked out once per call, not once per segment."""

    def __init__(self, lookups: SegmentLookups, context: int) -> None:
        self.lookups = lookups
        self.context = context
        self._documents: dict[int, tuple[Any, ...]] = {}
        self._categories: dict[int, tuple[Any, ...]] = {}

    def _document(self, document_id: int) -> tuple[Any, ...]:
        found = self._documents.get(document_id)
        if found is None:
            lookups, document = self.lookups, self.lookups.documents[document_id]
            quarter = document.quarter_id
            found = self._documents[document_id] = (
                document.title,
                document.date,
                quarter,
                lookups.quarter_path(quarter),
                lookups.social_space(quarter),
                document.method_id,
                lookups.methods.get(document.method_id, ""),
            )
        return found

    def _category(self, category_id: int) -> tuple[Any, ...]:
        found = self._categories.get(category_id)
        if found is None:
            lookups = self.lookups
            found = self._categories[category_id] = (
                lookups.category_path(category_id),
                lookups.categories[category_id].tag,
                lookups.top_category(category_id),
            )
        return found

    def __call__(self, row: Any, text: str, statements: tuple[int, ...]) -> Segment:
        (
            coding_id,
            document_id,
            start,
            end,
            category_id,
            coder_id,
            memo,
            para,
            gen,
            quote,
            version,
        ) = row
        title, when, quarter, quarter_path, social, method_id, method = self._document(document_id)
        path, tag, top = self._category(category_id)
        before, after = context_around(text, start, end, self.context) if text else ("", "")
        return Segment(
            coding_id,
            document_id,
            start,
            end,
            text[start:end],
            before,
            after,
            title,
            when,
            quarter,
            quarter_path,
            social,
            method_id,
            method,
            coder_id,
            self.lookups.coders.get(coder_id, ""),
            category_id,
            path,
            tag,
            top,
            memo,
            para,
            gen,
            bool(quote),
            statements,
            version,
        )


def matches_text(segment: Segment, needle: str) -> bool:
    return any(
        needle in fold(value)
        for value in (segment.text, segment.paraphrase, segment.generalisation, segment.memo)
    )
