"""Counts that summarise a project (what `qda info` prints and the status bar shows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ..db.models import (
    Category,
    Coder,
    Coding,
    Document,
    Method,
    ProjectInfo,
    Quarter,
    Statement,
)
from ..services.categories import category_info
from ..services.category_tree import depth_first, paths
from ..services.quarters import quarter_info

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

UNASSIGNED = "—"


@dataclass(frozen=True)
class ProjectSummary:
    name: str
    quarters: int
    documents: int
    categories: int
    codings: int
    coders: int
    statements: int
    documents_by_quarter: dict[str, int]
    documents_by_method: dict[str, int]
    codings_by_category: dict[str, int]
    codings_by_coder: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _grouped(session: Session, column: Any, names: dict[int, str]) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column))
    return {names.get(key, UNASSIGNED) if key is not None else UNASSIGNED: n for key, n in rows}


def project_summary(project: Project) -> ProjectSummary:
    """All counts in a handful of grouped queries."""
    with project.read() as session:
        info = session.get(ProjectInfo, 1)
        quarter_names = {q.id: q.label for q in map(quarter_info, session.scalars(select(Quarter)))}
        method_names = dict(session.execute(select(Method.id, Method.name)).all())
        coder_names = dict(session.execute(select(Coder.id, Coder.name)).all())
        categories = depth_first(map(category_info, session.scalars(select(Category))))
        category_paths = paths(categories)
        coded = dict(
            session.execute(
                select(Coding.category_id, func.count()).group_by(Coding.category_id)
            ).all()
        )
        return ProjectSummary(
            name=info.name if info else "",
            quarters=_count(session, Quarter),
            documents=_count(session, Document),
            categories=_count(session, Category),
            codings=_count(session, Coding),
            coders=_count(session, Coder),
            statements=_count(session, Statement),
            documents_by_quarter=_grouped(session, Document.quarter_id, quarter_names),
            documents_by_method=_grouped(session, Document.method_id, method_names),
            codings_by_category={category_paths[c.id]: coded.get(c.id, 0) for c in categories},
            codings_by_coder=_grouped(session, Coding.coder_id, coder_names),
        )


@dataclass(frozen=True)
class BasicCounts:
    """What the status bar shows: the project's name and how much material it holds."""

    name: str
    documents: int
    codings: int
    categories: int


def basic_counts(project: Project) -> BasicCounts:
    with project.read() as session:
        info = session.get(ProjectInfo, 1)
        return BasicCounts(
            info.name if info else "",
            _count(session, Document),
            _count(session, Coding),
            _count(session, Category),
        )
