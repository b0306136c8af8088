"""The category system's history: what changed, who, when, and the system before and after.

Everything is read from the change log (`change_log` rows with their row changes); see
`core/history/category_timeline.py` for how earlier states are reconstructed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from ..db.models import Category, ChangeLogEntry, Coding
from ..history.category_timeline import (
    MARKER_ACTIONS,
    LoggedStep,
    TableRewind,
    category_states,
    coding_counts,
    marked_entry,
    parse_changes,
    rewind,
)
from ..history.revision_kinds import (
    HISTORY_TABLES,
    belongs_to_history,
    categories_concerned,
    kind_of,
    names_in,
)
from ..revision_values import CategoryChange, CategoryState, ComparedCategory
from ..values import describe

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..project import Project

REWIND_TABLES = ("categories", "codings")


def _like_table(table: str):  # noqa: ANN202 - a SQL condition
    return ChangeLogEntry.changes.like(f'%"table": "{table}"%')


def as_utc(moment: datetime) -> datetime:
    """Log times are naive UTC; an aware moment (local time from a date picker) converts."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


class CategoryHistoryService:
    def __init__(self, project: Project) -> None:
        self.project = project

    # -- the list of changes -----------------------------------------------------------------

    def changes(self, category_id: int | None = None) -> list[CategoryChange]:
        """Revisions of the category system, newest first; undo and redo markers of them are
        entries too. `category_id` keeps those that concern that category."""
        query = (
            select(ChangeLogEntry)
            .where(
                or_(
                    ChangeLogEntry.command.like("category.%"),
                    ChangeLogEntry.command.like("anchor.%"),
                    ChangeLogEntry.command.in_(("preset.apply", *MARKER_ACTIONS)),
                    _like_table("categories"),
                )
            )
            .order_by(ChangeLogEntry.id)
        )
        found: dict[int, CategoryChange] = {}
        last_marker: dict[int, int] = {}
        with self.project.read() as session:
            for row in session.scalars(query):
                params = json.loads(row.params or "{}")
                marks = marked_entry(row.command, params)
                if marks is not None:
                    original = found.get(marks)
                    if original is not None:
                        found[row.id] = self._marker(row, params, original)
                        last_marker[marks] = row.id
                    continue
                changes = parse_changes(row.changes, HISTORY_TABLES)
                if not belongs_to_history(row.command, changes):
                    continue
                found[row.id] = CategoryChange(
                    row.id,
                    row.created_at,
                    row.actor,
                    row.command,
                    kind_of(row.command, changes),
                    describe(row.command, params),
                    row.state,
                    categories_concerned(row.command, params, changes),
                    names_in(params) if row.command != "preset.apply" else (),
                    params=params,
                )
        result = []
        for change in reversed(found.values()):
            if change.marks is None and change.state != "done":
                change = _replace_undone(change, last_marker.get(change.entry_id))
            if category_id is None or category_id in change.category_ids:
                result.append(change)
        return result

    @staticmethod
    def _marker(row: ChangeLogEntry, params: dict, original: CategoryChange) -> CategoryChange:
        action = MARKER_ACTIONS[row.command]
        return CategoryChange(
            row.id,
            row.created_at,
            row.actor,
            row.command,
            "undone" if action == "undo" else "redone",
            describe(row.command, params),
            row.state,
            original.category_ids,
            original.names,
            marks=original.entry_id,
            params=params,
        )

    # -- the system at a moment --------------------------------------------------------------

    def around(self, entry_id: int) -> tuple[dict[int, CategoryState], dict[int, CategoryState]]:
        """The whole category system just before and just after a log entry, by id."""
        with self.project.read() as session:
            tables = self._current(session, with_codings=False)
            steps = self._steps(session, after_id=entry_id)
            rewind(tables, steps)
            after = category_states(tables[0].rows)
            rewind(tables, self._steps(session, after_id=entry_id - 1, up_to=entry_id))
            before = category_states(tables[0].rows)
        return before, after

    def before_and_after(
        self, entry_id: int, category_id: int
    ) -> tuple[CategoryState | None, CategoryState | None]:
        """One category just before and just after an entry (None where it did not exist)."""
        before, after = self.around(entry_id)
        return before.get(category_id), after.get(category_id)

    def system_at(self, moment: datetime) -> tuple[list[CategoryState], dict[int, int]]:
        """The category system (depth-first) and codings per category as they were at
        `moment` (naive UTC, or aware in any zone)."""
        with self.project.read() as session:
            tables = self._current(session, with_codings=True)
            rewind(tables, self._steps(session, after_time=as_utc(moment)))
        return list(category_states(tables[0].rows).values()), coding_counts(tables[1].rows)

    def compare(self, moment: datetime) -> list[ComparedCategory]:
        """The system at `moment` beside the current one: current order, then what is gone."""
        then_list, counts_then = self.system_at(moment)
        then = {state.id: state for state in then_list}
        with self.project.read() as session:
            tables = self._current(session, with_codings=True)
        now = category_states(tables[0].rows)
        counts_now = coding_counts(tables[1].rows)
        result: list[ComparedCategory] = []
        for state in now.values():
            old = then.get(state.id)
            changed = state.differs(old) if old is not None else ()
            status = "added" if old is None else "changed" if changed else "unchanged"
            result.append(
                ComparedCategory(
                    state.id,
                    old,
                    state,
                    status,
                    changed,
                    counts_then.get(state.id, 0),
                    counts_now.get(state.id, 0),
                )
            )
        for state in then_list:
            if state.id not in now:
                result.append(
                    ComparedCategory(
                        state.id, state, None, "removed", (), counts_then.get(state.id, 0), 0
                    )
                )
        return result

    # -- reading the log ---------------------------------------------------------------------

    @staticmethod
    def _current(session: Session, *, with_codings: bool) -> list[TableRewind]:
        table = Category.__table__
        categories = {
            int(row["id"]): dict(row) for row in session.execute(select(table)).mappings()
        }
        tables = [TableRewind("categories", categories)]
        if with_codings:
            codings = {
                int(cid): {"category_id": cat}
                for cid, cat in session.execute(select(Coding.id, Coding.category_id))
            }
            tables.append(TableRewind("codings", codings, ("category_id",)))
        return tables

    @staticmethod
    def _steps(
        session: Session,
        *,
        after_id: int | None = None,
        after_time: datetime | None = None,
        up_to: int | None = None,
    ) -> list[LoggedStep]:
        """Logged steps after an entry (or a moment) that touch categories or codings, newest
        first; markers carry the changes of the entry they replayed."""
        query = select(ChangeLogEntry).where(
            or_(
                ChangeLogEntry.command.in_(tuple(MARKER_ACTIONS)),
                *(_like_table(t) for t in REWIND_TABLES),
            )
        )
        if after_id is not None:
            query = query.where(ChangeLogEntry.id > after_id)
        if after_time is not None:
            query = query.where(ChangeLogEntry.created_at > after_time)
        if up_to is not None:
            query = query.where(ChangeLogEntry.id <= up_to)
        rows = list(session.scalars(query.order_by(ChangeLogEntry.id.desc())))
        changes = {row.id: parse_changes(row.changes, REWIND_TABLES) for row in rows}
        marked = {marked_entry(r.command, r.params) for r in rows} - set(changes) - {None}
        changes.update(_changes_of(session, [i for i in marked if i is not None]))
        steps = []
        for row in rows:
            marks = marked_entry(row.command, row.params)
            action = MARKER_ACTIONS.get(row.command, "do")
            own = changes.get(marks, ()) if marks is not None else changes[row.id]
            steps.append(LoggedStep(row.id, row.created_at, action, own, marks))
        return steps


def _changes_of(session: Session, entry_ids: Iterable[int]) -> dict[int, tuple]:
    ids = list(entry_ids)
    if not ids:
        return {}
    query = select(ChangeLogEntry.id, ChangeLogEntry.changes).where(ChangeLogEntry.id.in_(ids))
    return {i: parse_changes(raw, REWIND_TABLES) for i, raw in session.execute(query)}


def _replace_undone(change: CategoryChange, marker: int | None) -> CategoryChange:
    from dataclasses import replace

    return replace(change, undone_by=marker)
