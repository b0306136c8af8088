"""Codings per category and per document by id: the counts the trees show beside names."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ..db.models import Coding
from ..values import ChangeEvent

if TYPE_CHECKING:
    from ..project import Project


def codings_per_category(project: Project) -> dict[int, int]:
    """Number of codings assigned directly to each category (categories without any are absent)."""
    query = select(Coding.category_id, func.count()).group_by(Coding.category_id)
    with project.read() as session:
        return {category_id: count for category_id, count in session.execute(query)}


def codings_per_document(project: Project) -> dict[int, int]:
    """Number of codings in each document (documents without any are absent)."""
    query = select(Coding.document_id, func.count()).group_by(Coding.document_id)
    with project.read() as session:
        return {document_id: count for document_id, count in session.execute(query)}


def coding_count_changes(event: ChangeEvent, column: str) -> Counter[int]:
    """How a change moves coding counts, by the value of `column` ("category_id" or
    "document_id"): +1 where a coding came, -1 where one went."""
    deltas: Counter[int] = Counter()
    for row in event.of("codings"):
        if row.op == "insert":
            deltas[row.after[column]] += 1
        elif row.op == "delete":
            deltas[row.before[column]] -= 1
        elif column in row.after:
            deltas[row.before[column]] -= 1
            deltas[row.after[column]] += 1
    return deltas
