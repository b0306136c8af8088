"""How many quarters stand behind each cross-quarter statement, counted from its links.

A cross-quarter statement generalises per-quarter statements; the Sozialräume of those
statements are the quarters behind it ("in 4 of 6 Sozialräumen genannt"). The number is
computed here, never typed into the statement's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..values import StatementInfo
from .quarter_axes import column_of_quarter

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class StatementSupport:
    """The quarters behind a cross-quarter statement.

    `quarter_ids`: the Sozialräume of the statements it generalises, in quarter order;
    `city_wide`: a statement of the city-wide level is among them (not counted as a
    quarter); `total`: how many Sozialräume the project has (the n of "k of n").
    """

    statement_id: int
    source_ids: tuple[int, ...]
    quarter_ids: tuple[int, ...]
    city_wide: bool
    total: int

    @property
    def count(self) -> int:
        return len(self.quarter_ids)


def statement_support(
    project: Project, statements: Sequence[StatementInfo] | None = None
) -> dict[int, StatementSupport]:
    """Support of every cross-quarter statement (of `statements`, or of the project)."""
    quarters = project.quarters.list()
    spaces = [q.id for q in quarters if q.kind == "social_space"]
    order = {quarter_id: index for index, quarter_id in enumerate(spaces)}
    cities = {q.id for q in quarters if q.kind == "city"}
    column_of = column_of_quarter(quarters)
    everything = project.statements.list()
    quarter_of = {s.id: s.quarter_id for s in everything}
    result: dict[int, StatementSupport] = {}
    for statement in statements if statements is not None else everything:
        if not statement.cross_quarter:
            continue
        columns = {column_of.get(q) for q in map(quarter_of.get, statement.source_ids) if q}
        result[statement.id] = StatementSupport(
            statement_id=statement.id,
            source_ids=statement.source_ids,
            quarter_ids=tuple(sorted((c for c in columns if c in order), key=order.__getitem__)),
            city_wide=bool(columns & cities),
            total=len(spaces),
        )
    return result
