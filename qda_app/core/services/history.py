"""The change log: listing what was done, undoing and redoing whole commands."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from ..db.change_capture import RowChange, apply_changes
from ..db.models import ChangeLogEntry, utcnow
from ..db.write_access import writer
from ..errors import NothingToUndoError, QdaError, ValidationError
from ..values import ChangeEvent, LogEntry

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ..project import Project


def _entry(row: ChangeLogEntry) -> LogEntry:
    return LogEntry(
        row.id,
        row.created_at,
        row.actor,
        row.command,
        json.loads(row.params),
        row.state,
        row.undoable,
        len(json.loads(row.changes)),
    )


class HistoryService:
    def __init__(self, project: Project) -> None:
        self.project = project

    def entries(self, limit: int | None = None) -> list[LogEntry]:
        """The change log, newest first."""
        query = select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.project.read() as session:
            return [_entry(row) for row in session.scalars(query)]

    def next_undo(self) -> LogEntry | None:
        """The command that undo would reverse, if any."""
        with self.project.read() as session:
            row = session.scalar(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.state == "done")
                .order_by(ChangeLogEntry.id.desc())
                .limit(1)
            )
            return _entry(row) if row is not None and row.undoable else None

    def next_redo(self) -> LogEntry | None:
        with self.project.read() as session:
            row = session.scalar(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.state == "undone")
                .order_by(ChangeLogEntry.id)
                .limit(1)
            )
            return _entry(row) if row is not None else None

    def undo(self) -> LogEntry:
        """Reverse the newest command that is still in effect."""
        entry = self.next_undo()
        if entry is None:
            raise NothingToUndoError("history.nothing_to_undo")
        self._replay(entry, reverse=True, state="undone")
        return entry

    def redo(self) -> LogEntry:
        """Apply again the command undone last."""
        entry = self.next_redo()
        if entry is None:
            raise NothingToUndoError("history.nothing_to_redo")
        self._replay(entry, reverse=False, state="done")
        return entry

    def _replay(self, entry: LogEntry, *, reverse: bool, state: str) -> None:
        with writer(self.project.engine).begin() as connection:
            changes = self._changes(connection, entry.id)
            try:
                apply_changes(connection, changes, reverse=reverse)
            except QdaError:
                raise  # busy, read-only, disk full, damaged: said as such (db/store_errors.py)
            except Exception as error:  # the log and the data disagree: refuse, change nothing
                reason = str(getattr(error, "orig", None) or error)  # never the SQL or a URL
                raise ValidationError(
                    "history.replay_failed", id=entry.id, reason=reason
                ) from error
            connection.execute(
                update(ChangeLogEntry)
                .where(ChangeLogEntry.id == entry.id)
                .values(state=state, undone_at=utcnow() if reverse else None)
            )
        tables = frozenset(change.table for change in changes)
        self.project.notify(
            ChangeEvent("undo" if reverse else "redo", entry.command, entry.id, tables)
        )

    @staticmethod
    def _changes(connection: Connection, entry_id: int) -> list[RowChange]:
        raw = connection.scalar(select(ChangeLogEntry.changes).where(ChangeLogEntry.id == entry_id))
        return [RowChange.from_json(item) for item in json.loads(raw)]
