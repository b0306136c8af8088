"""Before undo or redo replays an entry: do its rows still look as the entry left them?

Undo reverses an entry only if every row it wrote still holds what it wrote (and rows it
deleted are still gone); redo only if every row is back to what the entry found. Otherwise a
later command, of this coder or another, changed them, and replaying would overwrite that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from .change_capture import RowChange, decode_value
from .change_log import undoable_commands
from .models import Base, ChangeLogEntry

# Bookkeeping set on every update (the edit version counts up, also on undo); not a change a
# user made.
IGNORED_COLUMNS = frozenset({"updated_at", "version"})
RowId = tuple[str, tuple[tuple[str, Any], ...]]  # (table, ((column, value), ...))
BATCH = 500


@dataclass(frozen=True)
class Conflict:
    """A row the entry wrote that has changed since, and the entry that changed it (if found)."""

    table: str
    key: dict[str, Any]
    by_entry: int | None


def _row_id(change: RowChange) -> RowId:
    return change.table, tuple((k, decode_value(v)) for k, v in change.key.items())


def state_left(changes: list[RowChange]) -> dict[RowId, dict[str, Any] | None]:
    """What the entry left in each row it touched: column values (partial), or None if gone."""
    states: dict[RowId, dict[str, Any] | None] = {}
    for change in changes:
        row = _row_id(change)
        if change.op == "delete":
            states[row] = None
        elif change.op == "insert":
            states[row] = {k: decode_value(v) for k, v in change.after.items()}
        else:
            known = states.get(row) or {}
            known.update({k: decode_value(v) for k, v in change.after.items()})
            states[row] = known
    return states


def state_found(changes: list[RowChange]) -> dict[RowId, dict[str, Any] | None]:
    """What the entry found in each row before it: column values (partial), or None."""
    states: dict[RowId, dict[str, Any] | None] = {}
    for change in changes:
        row = _row_id(change)
        if row in states:
            continue
        if change.op == "insert":
            states[row] = None
        else:
            states[row] = {k: decode_value(v) for k, v in change.before.items()}
    return states


def mismatched_rows(
    connection: Connection, expected: dict[RowId, dict[str, Any] | None]
) -> list[RowId]:
    """The rows whose current state differs from `expected`, read in batches per table."""
    by_table: dict[str, list[RowId]] = {}
    for row in expected:
        by_table.setdefault(row[0], []).append(row)
    wrong: list[RowId] = []
    for name, rows in by_table.items():
        table = Base.metadata.tables[name]
        for offset in range(0, len(rows), BATCH):
            chunk = rows[offset : offset + BATCH]
            condition = or_(*(and_(*(table.c[k] == v for k, v in row[1])) for row in chunk))
            columns = [c.name for c in table.primary_key.columns]
            found: dict[tuple[Any, ...], Any] = {}
            for current in connection.execute(select(table).where(condition)).mappings():
                found[tuple(current[c] for c in columns)] = current
            for row in chunk:
                key = tuple(dict(row[1])[c] for c in columns)
                want, have = expected[row], found.get(key)
                if want is None:
                    if have is not None:
                        wrong.append(row)
                elif have is None or any(
                    _differs(have[c], v) for c, v in want.items() if c not in IGNORED_COLUMNS
                ):
                    wrong.append(row)
    return wrong


def _differs(have: Any, want: Any) -> bool:
    if isinstance(want, bool) or isinstance(have, bool):
        return bool(have) != bool(want)
    return have != want


def who_changed(connection: Connection, after_entry: int, row: RowId) -> int | None:
    """The newest entry after `after_entry`, still in effect, that wrote this row."""
    table, key = row
    wanted = {k: v for k, v in key}
    query = (
        select(ChangeLogEntry.id, ChangeLogEntry.changes)
        .where(
            ChangeLogEntry.id > after_entry,
            ChangeLogEntry.state == "done",
            undoable_commands(),
            ChangeLogEntry.changes.contains(f'"table": "{table}"'),
        )
        .order_by(ChangeLogEntry.id.desc())
    )
    for entry_id, raw in connection.execute(query):
        for item in json.loads(raw):
            if (
                item["table"] == table
                and {k: decode_value(v) for k, v in item["key"].items()} == wanted
            ):
                return int(entry_id)
    return None


def dependent_rows(connection: Connection, changes: list[RowChange], *, undo: bool) -> list[RowId]:
    """Rows outside the entry that point at a row the replay would delete.

    Deleting their parent would take them along (ON DELETE CASCADE) or fail: a coding
    someone added to a document whose import is being undone, for instance.
    """
    doomed_op = "insert" if undo else "delete"
    touched = {_row_id(change) for change in changes}
    doomed: dict[str, list[Any]] = {}
    for change in changes:
        if change.op == doomed_op and len(change.key) == 1:
            doomed.setdefault(change.table, []).append(
                decode_value(next(iter(change.key.values())))
            )
    found: list[RowId] = []
    for parent, keys in doomed.items():
        for child in Base.metadata.sorted_tables:
            for constraint in child.foreign_key_constraints:
                if constraint.referred_table.name != parent:
                    continue
                pairs = [
                    (element.parent, element.column)
                    for element in constraint.elements
                    if element.column.primary_key
                ]
                if len(pairs) != 1:
                    continue
                column = pairs[0][0]
                key_columns = list(child.primary_key.columns)
                for offset in range(0, len(keys), BATCH):
                    query = select(*key_columns).where(column.in_(keys[offset : offset + BATCH]))
                    for values in connection.execute(query):
                        row = (
                            child.name,
                            tuple((c.name, v) for c, v in zip(key_columns, values, strict=True)),
                        )
                        if row not in touched:
                            found.append(row)
    return found


def find_conflict(
    connection: Connection, entry_id: int, changes: list[RowChange], *, undo: bool
) -> Conflict | None:
    """The first row that changed since the entry (undo) or since it was undone (redo), or
    that came since and depends on a row the replay would delete."""
    expected = state_left(changes) if undo else state_found(changes)
    wrong = mismatched_rows(connection, expected) or dependent_rows(connection, changes, undo=undo)
    if not wrong:
        return None
    row = wrong[0]
    return Conflict(row[0], dict(row[1]), who_changed(connection, entry_id, row))
