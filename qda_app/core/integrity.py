"""`qda check`: is every offset in range, every reference resolvable, the schema current?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from .db import migrate, sqlite_specific
from .db.models import (
    AnchorExample,
    Category,
    Coder,
    Coding,
    Document,
    Method,
    Quarter,
    Statement,
    StatementCoding,
)
from .i18n import tr
from .text_normalise import content_hash

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .project import Project


def _orphan(kind: str, id: int, ref: str) -> str:  # noqa: A002
    return tr("check.orphan", kind=tr(f"kind.{kind}"), id=id, ref=tr(f"kind.{ref}"))


def _cycles(parents: dict[int, int | None]) -> list[int]:
    """Ids that are their own ancestor."""
    looping = []
    for start in parents:
        seen = {start}
        node = parents.get(start)
        while node is not None:
            if node in seen:
                looping.append(start)
                break
            seen.add(node)
            node = parents.get(node)
    return looping


def _document_problems(session: Session) -> list[str]:
    problems = []
    query = select(
        Document.id, Document.title, Document.text, Document.text_length, Document.content_hash
    )
    for doc_id, title, text, length, digest in session.execute(query):
        if len(text) != length:
            problems.append(tr("check.length_mismatch", id=doc_id, title=title))
        if content_hash(text) != digest:
            problems.append(tr("check.hash_mismatch", id=doc_id, title=title))
    return problems


def _reference_problems(session: Session) -> list[str]:
    problems = []
    ids = {
        model: set(session.scalars(select(model.id)))
        for model in (Document, Category, Coder, Coding, Quarter, Method, Statement)
    }
    lengths = dict(session.execute(select(Document.id, Document.text_length)).all())
    for row in session.execute(
        select(
            Coding.id,
            Coding.document_id,
            Coding.start,
            Coding.end,
            Coding.category_id,
            Coding.coder_id,
        )
    ):
        coding_id, doc_id, start, end, category_id, coder_id = row
        if doc_id not in lengths:
            problems.append(_orphan(kind="coding", id=coding_id, ref="document"))
        elif not 0 <= start < end <= lengths[doc_id]:
            problems.append(
                tr("check.offsets", id=coding_id, start=start, end=end, length=lengths[doc_id])
            )
        if category_id not in ids[Category]:
            problems.append(_orphan(kind="coding", id=coding_id, ref="category"))
        if coder_id not in ids[Coder]:
            problems.append(_orphan(kind="coding", id=coding_id, ref="coder"))
    for anchor_id, category_id, coding_id in session.execute(
        select(AnchorExample.id, AnchorExample.category_id, AnchorExample.coding_id)
    ):
        if category_id not in ids[Category] or coding_id not in ids[Coding]:
            problems.append(_orphan(kind="anchor", id=anchor_id, ref="coding"))
    for statement_id, coding_id in session.execute(
        select(StatementCoding.statement_id, StatementCoding.coding_id)
    ):
        if statement_id not in ids[Statement] or coding_id not in ids[Coding]:
            problems.append(_orphan(kind="statement", id=statement_id, ref="coding"))
    for doc_id, quarter_id, method_id in session.execute(
        select(Document.id, Document.quarter_id, Document.method_id)
    ):
        if quarter_id is not None and quarter_id not in ids[Quarter]:
            problems.append(_orphan(kind="document", id=doc_id, ref="quarter"))
        if method_id is not None and method_id not in ids[Method]:
            problems.append(_orphan(kind="document", id=doc_id, ref="method"))
    for model, kind in ((Category, "category"), (Quarter, "quarter")):
        parents = dict(session.execute(select(model.id, model.parent_id)).all())
        for child, parent in parents.items():
            if parent is not None and parent not in parents:
                problems.append(_orphan(kind=kind, id=child, ref=kind))
        for looping in _cycles(parents):
            problems.append(tr("check.cycle", kind=tr(f"kind.{kind}"), id=looping))
    return problems


def check_project(project: Project) -> list[str]:
    """Every problem found, one sentence each; an empty list means the project is sound."""
    problems: list[str] = []
    revision = migrate.current_revision(project.engine)
    if revision != migrate.head_revision():
        problems.append(tr("check.revision", found=revision, expected=migrate.head_revision()))
    problems.extend(sqlite_specific.integrity_problems(project.engine))
    with project.read() as session:
        problems.extend(_document_problems(session))
        problems.extend(_reference_problems(session))
    return problems
