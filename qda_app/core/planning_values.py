"""Read-only values of the planning step: goals, what is missing, measures, status history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MEASURE_STATUSES = ("proposed", "agreed", "running", "done", "dropped")
MEASURE_PRIORITIES = ("", "high", "medium", "low")


@dataclass(frozen=True)
class GoalInfo:
    """A strategic goal with the ids of the statements (findings) linked to it."""

    id: int
    position: int
    name: str
    tag: str
    description: str
    statement_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class MissingEntryInfo:
    """One "what is missing here" entry of a Sozialraum × goal cell."""

    id: int
    quarter_id: int
    goal_id: int
    text: str
    position: int


@dataclass(frozen=True)
class StatusChange:
    """A measure reached `status` at `changed_at` (UTC), set by `actor`."""

    status: str
    changed_at: datetime
    actor: str


@dataclass(frozen=True)
class MeasureInfo:
    """A measure of a Sozialraum × goal cell; `history` is its status history, oldest first."""

    id: int
    quarter_id: int
    goal_id: int
    text: str
    responsible: str
    time_frame: str
    priority: str
    status: str
    position: int
    statement_ids: tuple[int, ...] = ()
    history: tuple[StatusChange, ...] = ()

    @property
    def status_since(self) -> datetime | None:
        """When the measure reached its current status."""
        return self.history[-1].changed_at if self.history else None
