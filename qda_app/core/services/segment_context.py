"""What the segment read side needs besides the joined query: the small tables as lookups
(category and quarter paths, Sozialraum of a quarter, method names) and context cutting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db.models import Category, Coder, Document, Method, Quarter

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


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    date: date | None
    quarter_id: int | None
    method_id: int | None
    rank: int  # place in the documents' display order (quarter, position, id)


@dataclass
class SegmentLookups:
    categories: dict[int, CategoryRow]
    quarters: dict[int, QuarterRow]
    methods: dict[int | None, str]
    documents: dict[int, DocumentRow]
    coders: dict[int, str]
    all_documents: bool = True
    _category_paths: dict[int, tuple[str, ...]] = field(default_factory=dict)
    _tops: dict[int, int] = field(default_factory=dict)
    _quarter_paths: dict[int | None, tuple[str, ...]] = field(default_factory=dict)
    _social_spaces: dict[int | None, int | None] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, document_ids: Iterable[int] | None = None) -> SegmentLookups:
        """The small tables; documents only those given (all when None)."""
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
        coders: dict[int, str] = dict(session.execute(select(Coder.id, Coder.name)).all())
        query = select(
            Document.id,
            Document.title,
            Document.date,
            Document.quarter_id,
            Document.method_id,
            Document.position,
        )
        if document_ids is not None:
            query = query.where(Document.id.in_(sorted(set(document_ids))))
        rows = sorted(
            session.execute(query).all(),
            key=lambda r: (r.quarter_id is None, r.quarter_id or 0, r.position, r.id),
        )
        documents = {
            r.id: DocumentRow(r.id, r.title, r.date, r.quarter_id, r.method_id, rank)
            for rank, r in enumerate(rows)
        }
        return cls(categories, quarters, methods, documents, coders, document_ids is None)

    # -- documents ------------------------------------------------------------------------

    def document_rank(self, document_id: int) -> int:
        return self.documents[document_id].rank

    def document_ids(
        self, quarter_ids: Iterable[int], method_ids: Iterable[int], document_ids: Iterable[int]
    ) -> set[int] | None:
        """The documents a filter allows, or None when it does not restrict documents."""
        quarter_ids, method_ids = tuple(quarter_ids), set(method_ids)
        wanted = set(document_ids) if document_ids else None
        if not quarter_ids and not method_ids:
            return wanted if wanted is None else wanted & set(self.documents)
        quarters = self.quarter_subtrees(quarter_ids) if quarter_ids else None
        return {
            d.id
            for d in self.documents.values()
            if (quarters is None or d.quarter_id in quarters)
            and (not method_ids or d.method_id in method_ids)
            and (wanted is None or d.id in wanted)
        }

    # -- categories (paths and top-level categories computed once per call) --------------

    def category_path(self, category_id: int) -> tuple[str, ...]:
        path = self._category_paths.get(category_id)
        if path is None:
            row = self.categories[category_id]
            parent = self.category_path(row.parent_id) if row.parent_id is not None else ()
            path = self._category_paths[category_id] = (*parent, row.name)
        return path

    def top_category(self, category_id: int) -> int:
        top = self._tops.get(category_id)
        if top is None:
            row = self.categories[category_id]
            top = row.id if row.parent_id is None else self.top_category(row.parent_id)
            self._tops[category_id] = top
        return top

    def category_subtrees(self, roots: Iterable[int]) -> set[int]:
        return _subtrees(roots, {c.id: c.parent_id for c in self.categories.values()})

    # -- quarters -------------------------------------------------------------------------

    def quarter_path(self, quarter_id: int | None) -> tuple[str, ...]:
        """Labels from the Sozialraum down; the city-wide level names only itself."""
        if quarter_id in self._quarter_paths:
            return self._quarter_paths[quarter_id]
        labels: list[str] = []
        current = quarter_id
        while current is not None:
            row = self.quarters[current]
            if row.kind == "city" and labels:
                break
            labels.append(row.label)
            current = row.parent_id
        path = self._quarter_paths[quarter_id] = tuple(reversed(labels))
        return path

    def social_space(self, quarter_id: int | None) -> int | None:
        """The Sozialraum a quarter lies in (itself, or a statistical quarter's parent)."""
        if quarter_id in self._social_spaces:
            return self._social_spaces[quarter_id]
        found, current = None, quarter_id
        while current is not None:
            row = self.quarters[current]
            if row.kind == "social_space":
                found = row.id
                break
            current = row.parent_id
        self._social_spaces[quarter_id] = found
        return found

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
