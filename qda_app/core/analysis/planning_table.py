"""The planning table: Sozialräume (and the city-wide level) × strategic goals.

Each cell holds the findings linked to the goal (the statements of that quarter, read-only),
the "what is missing" entries and the measures of the cell. Cross-quarter statements linked
to a goal belong to no single row and are listed per goal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..planning_values import GoalInfo, MeasureInfo, MissingEntryInfo
from ..values import StatementInfo
from .quarter_axes import QuarterColumn, column_of_quarter, quarter_columns

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class PlanningCell:
    quarter_id: int
    goal_id: int
    findings: tuple[StatementInfo, ...] = ()
    missing: tuple[MissingEntryInfo, ...] = ()
    measures: tuple[MeasureInfo, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "findings": len(self.findings),
            "missing": len(self.missing),
            "measures": len(self.measures),
        }


@dataclass(frozen=True)
class PlanningTable:
    quarters: tuple[QuarterColumn, ...]
    goals: tuple[GoalInfo, ...]
    cells: Mapping[tuple[int, int], PlanningCell]  # by (quarter id, goal id)
    cross_quarter: Mapping[int, tuple[StatementInfo, ...]] = field(default_factory=dict)

    def cell(self, quarter_id: int, goal_id: int) -> PlanningCell:
        return self.cells.get((quarter_id, goal_id)) or PlanningCell(quarter_id, goal_id)

    def to_dict(self) -> dict[str, object]:
        """Plain data for `qda planning show --json`."""
        return {
            "goals": [{"id": g.id, "tag": g.tag, "name": g.name} for g in self.goals],
            "quarters": [
                {"id": q.quarter_id, "name": q.name, "city_wide": q.city_wide}
                for q in self.quarters
            ],
            "cells": [
                {
                    "quarter": q.name,
                    "goal": g.tag,
                    **self.cell(q.quarter_id, g.id).counts(),
                    "findings_text": [s.text for s in self.cell(q.quarter_id, g.id).findings],
                    "missing_text": [m.text for m in self.cell(q.quarter_id, g.id).missing],
                    "measures_detail": [
                        {
                            "id": m.id,
                            "text": m.text,
                            "responsible": m.responsible,
                            "time_frame": m.time_frame,
                            "priority": m.priority,
                            "status": m.status,
                        }
                        for m in self.cell(q.quarter_id, g.id).measures
                    ],
                }
                for q in self.quarters
                for g in self.goals
            ],
            "cross_quarter": {
                g.tag: [s.text for s in self.cross_quarter.get(g.id, ())] for g in self.goals
            },
        }


def planning_table(project: Project, quarter_ids: tuple[int, ...] = ()) -> PlanningTable:
    """The table for all Sozialräume and the city-wide level, or only for `quarter_ids`."""
    quarters = project.quarters.list()
    columns = quarter_columns(quarters, shown=quarter_ids)
    if quarter_ids:
        columns = tuple(c for c in columns if c.quarter_id in quarter_ids)
    column_of = column_of_quarter(quarters)
    goals = tuple(project.goals.list())
    statements = {s.id: s for s in project.statements.list()}
    findings: dict[tuple[int, int], list[StatementInfo]] = {}
    cross: dict[int, list[StatementInfo]] = {}
    for goal in goals:
        for statement_id in goal.statement_ids:
            statement = statements[statement_id]
            if statement.quarter_id is None:
                cross.setdefault(goal.id, []).append(statement)
                continue
            column = column_of.get(statement.quarter_id)
            if column is not None:
                findings.setdefault((column, goal.id), []).append(statement)
    missing: dict[tuple[int, int], list[MissingEntryInfo]] = {}
    for entry in project.planning.missing():
        missing.setdefault((entry.quarter_id, entry.goal_id), []).append(entry)
    measures: dict[tuple[int, int], list[MeasureInfo]] = {}
    for measure in project.planning.measures():
        measures.setdefault((measure.quarter_id, measure.goal_id), []).append(measure)
    cells = {
        (column.quarter_id, goal.id): PlanningCell(
            column.quarter_id,
            goal.id,
            tuple(sorted(findings.get(key, []), key=_statement_order)),
            tuple(missing.get(key, [])),
            tuple(measures.get(key, [])),
        )
        for column in columns
        for goal in goals
        for key in [(column.quarter_id, goal.id)]
    }
    return PlanningTable(
        columns,
        goals,
        cells,
        {goal_id: tuple(sorted(items, key=_statement_order)) for goal_id, items in cross.items()},
    )


def _statement_order(statement: StatementInfo) -> tuple[int, int, int]:
    return (statement.category_id, statement.position, statement.id)
