"""Changes committed by other processes: found by reading the log entries after the last one
seen, and cheap to ask for when nothing happened (SQLite's commit counter, or the count of
PostgreSQL NOTIFYs heard, on a connection held open for the purpose)."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ..db.change_capture import RowChange
from ..db.change_log import MARKERS, changes_of
from ..db.models import ChangeLogEntry
from ..db.postgres_specific import NotificationCounter
from ..db.sqlite_specific import CommitCounter, commit_counter
from ..values import ChangeEvent

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ..project import Project

# More entries than this at once (a large import elsewhere) become one "reload all" event.
MAX_EVENTS = 200


class ExternalChanges:
    def __init__(self, project: Project) -> None:
        self.project = project
        self._own: set[int] = set()
        self._lock = threading.Lock()
        self._last_entry: int | None = None
        self._counter: CommitCounter | NotificationCounter | None = None
        self._version: int | None = None

    def remember_own(self, entry_id: int) -> None:
        with self._lock:
            self._own.add(entry_id)

    def start(self) -> None:
        """Note where the log stands now; later polls report only what comes after."""
        if self._last_entry is not None:
            return
        engine = self.project.engine
        # Listening first: a commit between the two steps is then read twice, never missed.
        if engine.dialect.name == "postgresql":
            self._counter = NotificationCounter(engine)
        else:
            self._counter = commit_counter(engine)
        if self._counter is not None:
            self._version = self._counter.read()
        with engine.connect() as connection:
            self._last_entry = connection.scalar(select(func.max(ChangeLogEntry.id))) or 0

    def poll(self) -> list[ChangeEvent]:
        """What other processes changed since the last poll, oldest first."""
        if self._last_entry is None:
            self.start()
            return []
        if isinstance(self._counter, NotificationCounter):
            # A NOTIFY may still be on its way when another client's commit has returned:
            # it only wakes a window early (see `socket`); the one indexed query always runs.
            self._version = self._counter.read()
        elif self._counter is not None:
            version = self._counter.read()
            if version == self._version:
                return []
            self._version = version
        with self.project.engine.connect() as connection:
            rows = connection.execute(
                select(
                    ChangeLogEntry.id,
                    ChangeLogEntry.actor,
                    ChangeLogEntry.command,
                    ChangeLogEntry.params,
                    ChangeLogEntry.changes,
                )
                .where(ChangeLogEntry.id > self._last_entry)
                .order_by(ChangeLogEntry.id)
            ).all()
            if not rows:
                return []
            self._last_entry = rows[-1].id
            with self._lock:
                foreign = [row for row in rows if row.id not in self._own]
                self._own = {own for own in self._own if own > self._last_entry}
            if len(foreign) > MAX_EVENTS:
                return [ChangeEvent("do", "external", None, (), external=True, reset=True)]
            return [self._event(connection, row) for row in foreign]

    @staticmethod
    def _event(connection: Connection, row: Any) -> ChangeEvent:
        if row.command in MARKERS:
            params = json.loads(row.params)
            undo = row.command == "history.undo"
            changes = changes_of(connection, int(params["entry"]))
            rows = tuple(change.event(reverse=undo) for change in changes)
            return ChangeEvent(
                "undo" if undo else "redo",
                params.get("of", ""),
                params["entry"],
                rows,
                external=True,
                params=params.get("params") or {},
                actor=row.actor,
            )
        changes = [RowChange.from_json(item) for item in json.loads(row.changes)]
        rows = tuple(change.event() for change in changes)
        params = json.loads(row.params)
        return ChangeEvent(
            "do", row.command, row.id, rows, external=True, params=params, actor=row.actor
        )

    def socket(self) -> int | None:
        """A socket that becomes readable when another client commits (PostgreSQL's LISTEN),
        for a window to poll at once instead of at its next tick; None on SQLite."""
        if self._last_entry is None:
            self.start()
        if isinstance(self._counter, NotificationCounter):
            return self._counter.fileno()
        return None

    def close(self) -> None:
        if self._counter is not None:
            self._counter.close()
            self._counter = None
