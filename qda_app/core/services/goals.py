"""Strategic goals: create, edit, reorder, delete, and the statements (findings) linked to them."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import Goal, Statement, StatementGoal
from ..errors import ValidationError
from ..planning_values import GoalInfo
from ..values import Segment, SegmentFilter
from .common import clean_name, fetch, next_position, note_params, place_among, renumber
from .common import shorten as _short

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

EDITABLE = ("name", "tag", "description")


def goal_info(row: Goal) -> GoalInfo:
    return GoalInfo(
        row.id,
        row.position,
        row.name,
        row.tag,
        row.description,
        tuple(sorted(link.statement_id for link in row.statement_links)),
    )


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown goal fields: {sorted(unknown)}")
    if "name" in fields:
        fields["name"] = clean_name(fields["name"], "goal")
    if "tag" in fields:
        fields["tag"] = "".join((fields["tag"] or "").split())
        if not fields["tag"]:
            raise ValidationError("goal.tag_empty")
    if "description" in fields:
        fields["description"] = (fields["description"] or "").strip()
    return fields


class GoalService:
    """The project's strategic goals, in their order; every change is one undoable command."""

    def __init__(self, project: Project) -> None:
        self.project = project

    # -- reading ------------------------------------------------------------------------------

    def list(self) -> builtins.list[GoalInfo]:
        with self.project.read() as session:
            query = select(Goal).options(selectinload(Goal.statement_links))
            rows = session.scalars(query.order_by(Goal.position, Goal.id)).all()
            return [goal_info(row) for row in rows]

    def get(self, goal_id: int) -> GoalInfo:
        with self.project.read() as session:
            return goal_info(fetch(session, Goal, goal_id, "goal"))

    def find(self, text: str) -> GoalInfo | None:
        """By tag or by name (case-insensitive)."""
        wanted = (text or "").strip().casefold()
        for goal in self.list():
            if wanted in (goal.tag.casefold(), goal.name.casefold()):
                return goal
        return None

    def goals_of(self, statement_id: int) -> builtins.list[GoalInfo]:
        """The goals a statement is linked to, in goal order."""
        return [goal for goal in self.list() if statement_id in goal.statement_ids]

    def links(self) -> dict[int, tuple[int, ...]]:
        """Statement ids by goal id, for every goal."""
        return {goal.id: goal.statement_ids for goal in self.list()}

    def evidence(self, goal_id: int) -> dict[int, builtins.list[Segment]]:
        """A goal's evidence: for each linked statement, the segments behind it (its own
        codings, and for a cross-quarter statement those of the statements it generalises)."""
        goal = self.get(goal_id)
        statements = {s.id: s for s in self.project.statements.list()}
        coding_ids: dict[int, set[int]] = {}
        for statement_id in goal.statement_ids:
            statement = statements[statement_id]
            ids = set(statement.coding_ids)
            for source_id in statement.source_ids:
                ids.update(statements[source_id].coding_ids)
            coding_ids[statement_id] = ids
        wanted = sorted(set().union(*coding_ids.values())) if coding_ids else []
        segments = (
            self.project.segments.list(SegmentFilter(coding_ids=tuple(wanted))) if wanted else []
        )
        found = {segment.coding_id: segment for segment in segments}
        return {
            statement_id: sorted(
                (found[i] for i in ids if i in found), key=lambda s: (s.document_id, s.start)
            )
            for statement_id, ids in coding_ids.items()
        }

    # -- changing -----------------------------------------------------------------------------

    def create(
        self, name: str, tag: str, description: str = "", *, position: int | None = None
    ) -> GoalInfo:
        with self.project.command("goal.create", name=name, tag=tag) as session:
            return goal_info(self.create_in(session, name, tag, description, position=position))

    def create_in(
        self,
        session: Session,
        name: str,
        tag: str,
        description: str = "",
        *,
        position: int | None = None,
    ) -> Goal:
        fields = _clean_fields({"name": name, "tag": tag, "description": description})
        note_params(session, name=fields["name"])
        self._check_unique(session, fields, None)
        row = Goal(position=next_position(session, Goal), **fields)
        session.add(row)
        session.flush()
        if position is not None:
            place_among(self._all(session), row, position)
        return row

    def update(self, goal_id: int, **fields: Any) -> GoalInfo:
        """Edit name, tag or description."""
        with self.project.command("goal.update", id=goal_id) as session:
            return goal_info(self.update_in(session, goal_id, **fields))

    def update_in(self, session: Session, goal_id: int, **fields: Any) -> Goal:
        fields = _clean_fields(fields)
        row = fetch(session, Goal, goal_id, "goal")
        note_params(session, name=row.name)
        self._check_unique(session, fields, row.id)
        for key, value in fields.items():
            setattr(row, key, value)
        return row

    def rename(self, goal_id: int, name: str) -> GoalInfo:
        return self.update(goal_id, name=name)

    def reorder(self, goal_id: int, position: int) -> None:
        with self.project.command("goal.reorder", id=goal_id, position=position) as session:
            self.reorder_in(session, goal_id, position)

    def reorder_in(self, session: Session, goal_id: int, position: int) -> None:
        row = fetch(session, Goal, goal_id, "goal")
        note_params(session, name=row.name)
        place_among(self._all(session), row, position)

    def delete(self, goal_id: int) -> None:
        """Delete a goal with its links, "what is missing" entries and measures."""
        with self.project.command("goal.delete", id=goal_id) as session:
            self.delete_in(session, goal_id)

    def delete_in(self, session: Session, goal_id: int) -> None:
        row = fetch(session, Goal, goal_id, "goal")
        note_params(session, name=row.name)
        for measure in row.measures:  # load what cascades, so the log can restore it
            _ = measure.statement_links, measure.status_changes
        session.delete(row)
        session.flush()
        renumber(self._all(session))

    def link_statement(self, goal_id: int, statement_id: int) -> GoalInfo:
        """Record that a statement (a finding) supports a goal."""
        with self.project.command("goal.link", id=goal_id, statement=statement_id) as session:
            return goal_info(self.link_statement_in(session, goal_id, statement_id))

    def link_statement_in(self, session: Session, goal_id: int, statement_id: int) -> Goal:
        row = fetch(session, Goal, goal_id, "goal")
        statement = fetch(session, Statement, statement_id, "statement")
        note_params(session, name=row.name, text=_short(statement.text))
        if all(link.statement_id != statement_id for link in row.statement_links):
            row.statement_links.append(StatementGoal(goal_id=row.id, statement_id=statement_id))
        session.flush()
        return row

    def link_statements_in(
        self, session: Session, goal_id: int, statement_ids: Sequence[int]
    ) -> Goal:
        row = fetch(session, Goal, goal_id, "goal")
        for statement_id in statement_ids:
            row = self.link_statement_in(session, goal_id, statement_id)
        return row

    def set_statements(self, goal_id: int, statement_ids: Sequence[int]) -> GoalInfo:
        """Link exactly these statements to the goal (adding and removing links) in one
        undoable command, as the goal's own view chooses them."""
        with self.project.command("goal.set_statements", id=goal_id) as session:
            return goal_info(self.set_statements_in(session, goal_id, statement_ids))

    def set_statements_in(
        self, session: Session, goal_id: int, statement_ids: Sequence[int]
    ) -> Goal:
        row = fetch(session, Goal, goal_id, "goal")
        wanted = set(statement_ids)
        current = {link.statement_id for link in row.statement_links}
        note_params(
            session, name=row.name, added=len(wanted - current), removed=len(current - wanted)
        )
        for statement_id in current - wanted:
            self.unlink_statement_in(session, goal_id, statement_id)
        for statement_id in sorted(wanted - current):
            self.link_statement_in(session, goal_id, statement_id)
        return row

    def unlink_statement(self, goal_id: int, statement_id: int) -> GoalInfo:
        with self.project.command("goal.unlink", id=goal_id, statement=statement_id) as session:
            return goal_info(self.unlink_statement_in(session, goal_id, statement_id))

    def unlink_statement_in(self, session: Session, goal_id: int, statement_id: int) -> Goal:
        row = fetch(session, Goal, goal_id, "goal")
        note_params(session, name=row.name)
        for link in list(row.statement_links):
            if link.statement_id == statement_id:
                row.statement_links.remove(link)
        session.flush()
        return row

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _all(session: Session) -> builtins.list[Goal]:
        return list(session.scalars(select(Goal)))

    @staticmethod
    def _check_unique(session: Session, fields: dict[str, Any], own_id: int | None) -> None:
        for other in session.scalars(select(Goal)):
            if other.id == own_id:
                continue
            if "name" in fields and other.name.casefold() == fields["name"].casefold():
                raise ValidationError("goal.duplicate_name", name=fields["name"])
            if "tag" in fields and other.tag.casefold() == fields["tag"].casefold():
                raise ValidationError("goal.duplicate_tag", tag=fields["tag"])
