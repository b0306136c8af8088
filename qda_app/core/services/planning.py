"""The planning table's own entries: per Sozialraum × goal what is missing, and measures.

A measure's status history is kept in `measure_status_changes`: every command that sets a
status writes one row in the same transaction, so undoing the command removes it again and
the history never disagrees with the measure (the change log is not parsed for it).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import Measure, MeasureStatement, MeasureStatusChange, MissingEntry, Statement
from ..planning_values import MeasureInfo, MissingEntryInfo
from .common import fetch, next_position, note_params, place_among, renumber
from .common import shorten as _short
from .planning_rows import (
    cell_conditions,
    cell_where,
    check_cell,
    clean_measure,
    clean_text,
    measure_info,
    missing_info,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project


class PlanningService:
    """What is missing and measures per Sozialraum × goal; each change one undoable command."""

    def __init__(self, project: Project) -> None:
        self.project = project

    # -- reading ------------------------------------------------------------------------------

    def missing(
        self, quarter_id: int | None = None, goal_id: int | None = None
    ) -> builtins.list[MissingEntryInfo]:
        conditions = cell_conditions(MissingEntry, quarter_id, goal_id)
        with self.project.read() as session:
            query = select(MissingEntry).where(*conditions)
            rows = session.scalars(query.order_by(MissingEntry.position, MissingEntry.id))
            return [missing_info(row) for row in rows]

    def measures(
        self, quarter_id: int | None = None, goal_id: int | None = None
    ) -> builtins.list[MeasureInfo]:
        conditions = cell_conditions(Measure, quarter_id, goal_id)
        with self.project.read() as session:
            query = (
                select(Measure)
                .where(*conditions)
                .options(
                    selectinload(Measure.statement_links), selectinload(Measure.status_changes)
                )
            )
            rows = session.scalars(query.order_by(Measure.position, Measure.id)).all()
            return [measure_info(row) for row in rows]

    def measure(self, measure_id: int) -> MeasureInfo:
        with self.project.read() as session:
            return measure_info(fetch(session, Measure, measure_id, "measure"))

    # -- what is missing ----------------------------------------------------------------------

    def add_missing(self, quarter_id: int, goal_id: int, text: str) -> MissingEntryInfo:
        with self.project.command(
            "planning.add_missing", quarter=quarter_id, goal=goal_id, text=_short(text or "")
        ) as session:
            return missing_info(self.add_missing_in(session, quarter_id, goal_id, text))

    def add_missing_in(
        self, session: Session, quarter_id: int, goal_id: int, text: str
    ) -> MissingEntry:
        text = clean_text(text)
        check_cell(session, quarter_id, goal_id)
        row = MissingEntry(
            quarter_id=quarter_id,
            goal_id=goal_id,
            text=text,
            position=next_position(session, MissingEntry, quarter_id=quarter_id, goal_id=goal_id),
        )
        session.add(row)
        session.flush()
        return row

    def update_missing(self, entry_id: int, text: str) -> MissingEntryInfo:
        with self.project.command("planning.update_missing", id=entry_id) as session:
            return missing_info(self.update_missing_in(session, entry_id, text))

    def update_missing_in(self, session: Session, entry_id: int, text: str) -> MissingEntry:
        text = clean_text(text)
        row = fetch(session, MissingEntry, entry_id, "missing_entry")
        note_params(session, text=_short(row.text))
        row.text = text
        return row

    def delete_missing(self, entry_id: int) -> None:
        with self.project.command("planning.delete_missing", id=entry_id) as session:
            self.delete_missing_in(session, entry_id)

    def delete_missing_in(self, session: Session, entry_id: int) -> None:
        row = fetch(session, MissingEntry, entry_id, "missing_entry")
        note_params(session, text=_short(row.text))
        cell = cell_where(MissingEntry, row.quarter_id, row.goal_id)
        session.delete(row)
        session.flush()
        renumber(list(session.scalars(select(MissingEntry).where(*cell))))

    # -- measures -----------------------------------------------------------------------------

    def add_measure(
        self,
        quarter_id: int,
        goal_id: int,
        text: str,
        statement_ids: Sequence[int] = (),
        **fields: Any,
    ) -> MeasureInfo:
        """A measure with responsible, time_frame, priority and status (default proposed)."""
        with self.project.command(
            "planning.add_measure", quarter=quarter_id, goal=goal_id, text=_short(text or "")
        ) as session:
            row = self.add_measure_in(session, quarter_id, goal_id, text, statement_ids, **fields)
            return measure_info(row)

    def add_measure_in(
        self,
        session: Session,
        quarter_id: int,
        goal_id: int,
        text: str,
        statement_ids: Sequence[int] = (),
        **fields: Any,
    ) -> Measure:
        fields = clean_measure({"text": text, **fields})
        fields.setdefault("status", "proposed")
        check_cell(session, quarter_id, goal_id)
        row = Measure(
            quarter_id=quarter_id,
            goal_id=goal_id,
            position=next_position(session, Measure, quarter_id=quarter_id, goal_id=goal_id),
            **fields,
        )
        session.add(row)
        for statement_id in dict.fromkeys(statement_ids):
            fetch(session, Statement, statement_id, "statement")
            row.statement_links.append(MeasureStatement(statement_id=statement_id))
        row.status_changes.append(MeasureStatusChange(status=row.status, actor=self._actor()))
        session.flush()
        return row

    def update_measure(self, measure_id: int, **fields: Any) -> MeasureInfo:
        """Edit text, responsible, time frame, priority or status (a new status is logged)."""
        command = "planning.set_status" if set(fields) == {"status"} else "planning.update_measure"
        with self.project.command(command, id=measure_id, **fields) as session:
            return measure_info(self.update_measure_in(session, measure_id, **fields))

    def update_measure_in(self, session: Session, measure_id: int, **fields: Any) -> Measure:
        fields = clean_measure(fields)
        row = fetch(session, Measure, measure_id, "measure")
        note_params(session, text=_short(row.text))
        new_status = fields.get("status", row.status) != row.status
        for key, value in fields.items():
            setattr(row, key, value)
        if new_status:
            row.status_changes.append(MeasureStatusChange(status=row.status, actor=self._actor()))
        session.flush()
        return row

    def set_status(self, measure_id: int, status: str) -> MeasureInfo:
        return self.update_measure(measure_id, status=status)

    def reorder_measure(self, measure_id: int, position: int) -> None:
        with self.project.command("planning.reorder_measure", id=measure_id) as session:
            row = fetch(session, Measure, measure_id, "measure")
            cell = cell_where(Measure, row.quarter_id, row.goal_id)
            place_among(list(session.scalars(select(Measure).where(*cell))), row, position)

    def link_measure(self, measure_id: int, statement_id: int) -> MeasureInfo:
        with self.project.command(
            "planning.link_measure", id=measure_id, statement=statement_id
        ) as session:
            return measure_info(self.link_measure_in(session, measure_id, statement_id))

    def link_measure_in(self, session: Session, measure_id: int, statement_id: int) -> Measure:
        row = fetch(session, Measure, measure_id, "measure")
        fetch(session, Statement, statement_id, "statement")
        note_params(session, text=_short(row.text))
        if all(link.statement_id != statement_id for link in row.statement_links):
            row.statement_links.append(MeasureStatement(statement_id=statement_id))
        session.flush()
        return row

    def unlink_measure(self, measure_id: int, statement_id: int) -> MeasureInfo:
        with self.project.command(
            "planning.unlink_measure", id=measure_id, statement=statement_id
        ) as session:
            row = fetch(session, Measure, measure_id, "measure")
            note_params(session, text=_short(row.text))
            for link in list(row.statement_links):
                if link.statement_id == statement_id:
                    row.statement_links.remove(link)
            session.flush()
            return measure_info(row)

    def delete_measure(self, measure_id: int) -> None:
        with self.project.command("planning.delete_measure", id=measure_id) as session:
            self.delete_measure_in(session, measure_id)

    def delete_measure_in(self, session: Session, measure_id: int) -> None:
        row = fetch(session, Measure, measure_id, "measure")
        note_params(session, text=_short(row.text))
        _ = row.statement_links, row.status_changes  # loaded, so the log can restore them
        cell = cell_where(Measure, row.quarter_id, row.goal_id)
        session.delete(row)
        session.flush()
        renumber(list(session.scalars(select(Measure).where(*cell))))

    def _actor(self) -> str:
        return self.project.actor
