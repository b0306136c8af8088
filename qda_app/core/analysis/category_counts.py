"""Codings per category by id: what the category tree shows beside each name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ..db.models import Coding

if TYPE_CHECKING:
    from ..project import Project


def codings_per_category(project: Project) -> dict[int, int]:
    """Number of codings assigned directly to each category (categories without any are absent)."""
    query = select(Coding.category_id, func.count()).group_by(Coding.category_id)
    with project.read() as session:
        return {category_id: count for category_id, count in session.execute(query)}
