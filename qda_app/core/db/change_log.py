"""Writing and reading change-log entries: commands, and the markers that undo and redo leave.

An undo or redo changes the state of the entry it replays and also appends a marker entry
("history.undo" / "history.redo", never undoable itself). The log thus grows with every
action in one order that all processes share: who undid what and when stays on record, and
another process learns of an undo by reading the entries after the last one it saw.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, update
from sqlalchemy.orm import Session

from .change_capture import RowChange
from .models import ChangeLogEntry

MARKERS = ("history.undo", "history.redo")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def write_entry(
    session: Session,
    actor: str,
    command: str,
    params: dict[str, Any],
    changes: Sequence[RowChange],
    undoable: bool,
) -> int:
    """Append a command's entry in the caller's transaction; returns its id."""
    entry = ChangeLogEntry(
        actor=actor,
        command=command,
        params=_dump(params),
        changes=_dump([change.to_json() for change in changes]),
        undoable=undoable,
    )
    session.add(entry)
    session.flush()
    return entry.id


def discard_redo(session: Session, actor: str) -> None:
    """A new command of a coder ends that coder's redo stack; other coders keep theirs."""
    session.execute(
        update(ChangeLogEntry)
        .where(ChangeLogEntry.state == "undone", ChangeLogEntry.actor == actor)
        .values(state="discarded")
    )


def write_marker(
    connection: Connection, actor: str, action: str, entry_id: int, command: str, params: dict
) -> int:
    """Record that `actor` undid or redid entry `entry_id` (action "undo" or "redo")."""
    table = ChangeLogEntry.__table__
    assert isinstance(table, Table)
    result = connection.execute(
        table.insert().values(
            actor=actor,
            command=f"history.{action}",
            params=_dump({"entry": entry_id, "of": command, "params": params}),
            changes="[]",
            undoable=False,
            state="done",
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def changes_of(connection: Connection, entry_id: int) -> list[RowChange]:
    raw = connection.scalar(select(ChangeLogEntry.changes).where(ChangeLogEntry.id == entry_id))
    return [RowChange.from_json(item) for item in json.loads(raw or "[]")]


def undoable_commands() -> Any:
    """The condition that leaves out undo/redo markers."""
    return ChangeLogEntry.command.not_in(MARKERS)
