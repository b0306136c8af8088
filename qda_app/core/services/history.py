"""The change log: listing what was done, undoing and redoing a coder's own commands.

Undo and redo act on the current coder's last command. They run in one write transaction
that claims the entry (two processes cannot both undo it), checks that no later command
changed its rows (then it refuses, naming who changed what), replays the row changes and
appends a marker entry, so every process can follow what happened.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select, update

from ..db.change_capture import apply_changes
from ..db.change_log import changes_of, undoable_commands, write_marker
from ..db.models import ChangeLogEntry, utcnow
from ..db.postgres_specific import announce_commit
from ..db.replay_check import find_conflict
from ..db.write_access import writer
from ..errors import NothingToUndoError, QdaError, ValidationError
from ..values import ChangeEvent, LogEntry
from .coders import refuse_read_only
from .external_changes import ExternalChanges

if TYPE_CHECKING:
    from ..project import Project


def log_entry(row: ChangeLogEntry) -> LogEntry:
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
        self.watcher = ExternalChanges(project)

    # -- reading ------------------------------------------------------------------------------

    def entries(self, limit: int | None = None) -> list[LogEntry]:
        """The change log, newest first (undo and redo markers included)."""
        query = select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.project.read() as session:
            return [log_entry(row) for row in session.scalars(query)]

    def next_undo(self) -> LogEntry | None:
        """The current coder's newest command still in effect, if it can be undone."""
        with self.project.read() as session:
            row = session.scalar(self._undo_query())
            return log_entry(row) if row is not None and row.undoable else None

    def next_redo(self) -> LogEntry | None:
        """The current coder's command undone last, if nothing of theirs came after."""
        with self.project.read() as session:
            row = session.scalar(self._redo_query())
            return log_entry(row) if row is not None else None

    def _undo_query(self):  # noqa: ANN202 - a Select of entries
        return (
            select(ChangeLogEntry)
            .where(
                ChangeLogEntry.state == "done",
                ChangeLogEntry.actor == self.project.actor,
                undoable_commands(),
            )
            .order_by(ChangeLogEntry.id.desc())
            .limit(1)
        )

    def _redo_query(self):  # noqa: ANN202
        return (
            select(ChangeLogEntry)
            .where(ChangeLogEntry.state == "undone", ChangeLogEntry.actor == self.project.actor)
            .order_by(ChangeLogEntry.undone_at.desc(), ChangeLogEntry.id)
            .limit(1)
        )

    # -- undo and redo ------------------------------------------------------------------------

    def undo(self, expected: int | None = None) -> LogEntry:
        """Reverse the current coder's last command (`expected`: the entry the user saw)."""
        return self._step(undo=True, expected=expected)

    def redo(self, expected: int | None = None) -> LogEntry:
        """Apply again the command the current coder undid last."""
        return self._step(undo=False, expected=expected)

    def make_baseline(self) -> None:
        """Make everything done so far permanent: it stays in the log but cannot be undone
        (a newly built demo study is a baseline, not a stack for a stray Ctrl+Z)."""
        with writer(self.project.engine).begin() as connection:
            connection.execute(
                update(ChangeLogEntry)
                .where(ChangeLogEntry.undoable.is_(True))
                .values(undoable=False)
            )
            connection.execute(
                update(ChangeLogEntry)
                .where(ChangeLogEntry.state == "undone")
                .values(state="discarded")
            )

    def _step(self, *, undo: bool, expected: int | None) -> LogEntry:
        engine = writer(self.project.engine)
        with engine.begin() as connection:
            refuse_read_only(connection, self.project.actor)
            entry = self._claim(connection, undo=undo, expected=expected)
            changes = changes_of(connection, entry.id)
            conflict = find_conflict(connection, entry.id, changes, undo=undo)
            if conflict is not None:
                raise self._conflict_error(connection, entry, conflict.table, conflict.by_entry)
            try:
                apply_changes(connection, changes, reverse=undo)
            except QdaError:
                raise  # busy, read-only, disk full, damaged: said as such (db/store_errors.py)
            except Exception as error:  # the log and the data disagree: refuse, change nothing
                raise ValidationError("history.replay_failed", what=entry.description) from error
            action = "undo" if undo else "redo"
            marker = write_marker(
                connection, self.project.actor, action, entry.id, entry.command, entry.params
            )
            announce_commit(connection)
        self.remember_own(marker)
        rows = tuple(change.event(reverse=undo) for change in changes)
        self.project.notify(
            ChangeEvent(
                action, entry.command, entry.id, rows, params=entry.params, actor=entry.actor
            )
        )
        return entry

    def _claim(self, connection: Connection, *, undo: bool, expected: int | None) -> LogEntry:
        query = self._undo_query() if undo else self._redo_query()
        row = connection.execute(query).first()
        entry = None
        if row is not None:
            entry = LogEntry(
                row.id,
                row.created_at,
                row.actor,
                row.command,
                json.loads(row.params),
                row.state,
                row.undoable,
                0,
            )
        if entry is None or (undo and not entry.undoable):
            raise NothingToUndoError(
                "history.nothing_to_undo" if undo else "history.nothing_to_redo"
            )
        if expected is not None and entry.id != expected:
            raise ValidationError("history.moved_on", what=entry.description)
        claimed = connection.execute(
            update(ChangeLogEntry)
            .where(ChangeLogEntry.id == entry.id, ChangeLogEntry.state == entry.state)
            .values(state="undone" if undo else "done", undone_at=utcnow() if undo else None)
        )
        if claimed.rowcount != 1:  # another process got there first
            raise ValidationError("history.claimed_elsewhere", what=entry.description)
        return entry

    def _conflict_error(
        self, connection: Connection, entry: LogEntry, table: str, by_entry: int | None
    ) -> ValidationError:
        if by_entry is None:
            return ValidationError("history.changed_since", what=entry.description, table=table)
        row = connection.execute(
            select(ChangeLogEntry).where(ChangeLogEntry.id == by_entry)
        ).first()
        assert row is not None
        later = LogEntry(
            row.id, row.created_at, row.actor, row.command, json.loads(row.params), "", True, 0
        )
        return ValidationError(
            "history.changed_by",
            what=entry.description,
            actor=later.actor,
            later=later.description,
        )

    # -- changes made elsewhere -------------------------------------------------------------

    def remember_own(self, entry_id: int) -> None:
        """An entry this project object wrote (its listeners heard of it already)."""
        self.watcher.remember_own(entry_id)

    def poll_external(self) -> list[ChangeEvent]:
        """Changes other processes (or other open projects) committed since the last poll."""
        return self.watcher.poll()

    def change_socket(self) -> int | None:
        """A socket that becomes readable when another client of a server project commits;
        a window may poll then instead of waiting for its timer (None for project files)."""
        return self.watcher.socket()

    def stop_watching(self) -> None:
        self.watcher.close()
