"""The worksheet for a Sozialraum workshop ("Tabelle zum Ausfüllen"), independent of format.

One block per goal: the goal with its description, the findings linked to it (the
Sozialraum's own statements, then the cross-quarter ones), and the entries already in the
planning table. The XLSX and DOCX writers lay this out; the XLSX import reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.planning_table import planning_table
from ..errors import ValidationError
from ..i18n import tr
from ..planning_values import GoalInfo, MeasureInfo, MissingEntryInfo
from ..values import QuarterInfo

if TYPE_CHECKING:
    from ..project import Project

# Empty rows to fill in under each goal.
BLANK_ROWS = 4
# The columns a person fills in, in order (the XLSX adds hidden id columns before them).
ENTRY_COLUMNS = ("missing", "measure", "responsible", "time_frame", "priority", "status")


@dataclass(frozen=True)
class GoalBlock:
    goal: GoalInfo
    findings: tuple[str, ...]  # the Sozialraum's linked statements
    cross_quarter: tuple[str, ...]  # linked statements across quarters
    missing: tuple[MissingEntryInfo, ...]
    measures: tuple[MeasureInfo, ...]


@dataclass(frozen=True)
class Worksheet:
    project_name: str
    project_guid: str
    quarter: QuarterInfo
    blocks: tuple[GoalBlock, ...]


def worksheet_for(project: Project, quarter_name: str) -> Worksheet:
    """The worksheet of one Sozialraum (or of the city-wide level), found by name."""
    quarter = project.quarters.find(quarter_name)
    if quarter is None or quarter.kind not in ("social_space", "city"):
        raise ValidationError("planning.not_social_space", quarter=quarter_name)
    table = planning_table(project, (quarter.id,))
    details = project.details.get()
    blocks = []
    for goal in table.goals:
        cell = table.cell(quarter.id, goal.id)
        blocks.append(
            GoalBlock(
                goal,
                tuple(s.text for s in cell.findings),
                tuple(s.text for s in table.cross_quarter.get(goal.id, ())),
                cell.missing,
                cell.measures,
            )
        )
    return Worksheet(details.name, details.guid, quarter, tuple(blocks))


def column_header(column: str) -> str:
    return tr(f"planning.column.{column}")


def status_label(status: str) -> str:
    return tr(f"planning.status.{status}") if status else ""


def priority_label(priority: str) -> str:
    return tr(f"planning.priority.{priority}") if priority else ""
