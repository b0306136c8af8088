"""Planning entries as values, and the checks on their text, fields and cell.

A cell of the planning table is a Sozialraum (or the city-wide level) × a goal;
`missing_info` and `measure_info` build the values `PlanningService` hands back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement

from ..db.models import MEASURE_PRIORITIES, MEASURE_STATUSES, Goal, Measure, MissingEntry, Quarter
from ..errors import ValidationError
from ..planning_values import MeasureInfo, MissingEntryInfo, StatusChange
from .common import fetch

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MEASURE_FIELDS = ("text", "responsible", "time_frame", "priority", "status")


def missing_info(row: MissingEntry) -> MissingEntryInfo:
    return MissingEntryInfo(row.id, row.quarter_id, row.goal_id, row.text, row.position)


def measure_info(row: Measure) -> MeasureInfo:
    return MeasureInfo(
        row.id,
        row.quarter_id,
        row.goal_id,
        row.text,
        row.responsible,
        row.time_frame,
        row.priority,
        row.status,
        row.position,
        tuple(sorted(link.statement_id for link in row.statement_links)),
        tuple(StatusChange(c.status, c.changed_at, c.actor) for c in row.status_changes),
    )


def clean_text(text: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError("planning.empty_text")
    return cleaned


def clean_measure(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields: {sorted(unknown)}")
    if "text" in fields:
        fields["text"] = clean_text(fields["text"])
    for key in ("responsible", "time_frame"):
        if key in fields:
            fields[key] = " ".join((fields[key] or "").split())
    if "priority" in fields:
        fields["priority"] = fields["priority"] or ""
        if fields["priority"] not in MEASURE_PRIORITIES:
            raise ValidationError("planning.bad_priority", priority=fields["priority"])
    if "status" in fields and fields["status"] not in MEASURE_STATUSES:
        raise ValidationError("planning.bad_status", status=fields["status"])
    return fields


def cell_where(model: Any, quarter_id: int, goal_id: int) -> list[Any]:
    return [model.quarter_id == quarter_id, model.goal_id == goal_id]


def cell_conditions(
    model: Any, quarter_id: int | None, goal_id: int | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if quarter_id is not None:
        conditions.append(model.quarter_id == quarter_id)
    if goal_id is not None:
        conditions.append(model.goal_id == goal_id)
    return conditions


def check_cell(session: Session, quarter_id: int, goal_id: int) -> None:
    """A row of the planning table is a Sozialraum or the city-wide level."""
    quarter = fetch(session, Quarter, quarter_id, "quarter")
    if quarter.kind not in ("social_space", "city"):
        raise ValidationError("planning.not_social_space", quarter=quarter.name)
    fetch(session, Goal, goal_id, "goal")
