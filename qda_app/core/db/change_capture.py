"""Records every row the ORM writes inside a command, in execution order, so it can be undone.

Mapper events fire per row in the unit of work's dependency order; replaying the inverse
operations in reverse order therefore passes through valid states only. Long texts and
bytes are stored zlib-compressed in the log; original files are not copied at all (their
rows in `original_files` are only ever added, the log moves the document's link to them).
"""

from __future__ import annotations

import base64
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, event, inspect
from sqlalchemy.orm import Mapper, Session, attributes, object_session

from ..values import RowEvent
from .models import Base, ChangeLogEntry, OriginalFile

RECORDER_KEY = "change_recorder"
# Texts and bytes from this length on are compressed in the log (a protocol's text, say),
# with zlib's fastest level (see services/original_files.py for the numbers).
COMPRESS_FROM = 4096
COMPRESSION_LEVEL = 1
# The edit version of categories, statements and codings: it counts every update, undo and
# redo included, so it is not logged as a change and never set back (see apply_changes).
VERSION_COLUMN = "version"


@dataclass
class RowChange:
    """One row written: op is 'insert', 'update' or 'delete'; values by column name."""

    op: str
    table: str
    key: dict[str, Any]
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "table": self.table,
            "key": self.key,
            "before": self.before,
            "after": self.after,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowChange:
        return cls(data["op"], data["table"], data["key"], data["before"], data["after"])

    @property
    def key_value(self) -> int | tuple[int, ...]:
        """The row's id, or a tuple of the key columns for composite keys."""
        values = tuple(decode_value(v) for v in self.key.values())
        return values[0] if len(values) == 1 else values

    def event(self, *, reverse: bool = False) -> RowEvent:
        """This change as listeners hear of it; `reverse` gives the change that undoes it."""
        before, after = _decoded(self.before), _decoded(self.after)
        if not reverse:
            return RowEvent(self.op, self.table, self.key_value, before, after)
        op = {"insert": "delete", "delete": "insert", "update": "update"}[self.op]
        return RowEvent(op, self.table, self.key_value, after, before)


class ChangeRecorder:
    """Collects RowChanges for the session it is attached to."""

    def __init__(self) -> None:
        self.changes: list[RowChange] = []

    def attach(self, session: Session) -> None:
        session.info[RECORDER_KEY] = self


def _packed(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data, COMPRESSION_LEVEL)).decode("ascii")


def _unpacked(text: str) -> bytes:
    return zlib.decompress(base64.b64decode(text))


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, str) and len(value) >= COMPRESS_FROM:
        return {"$zs": _packed(value.encode("utf-8"))}
    if isinstance(value, bytes):
        if len(value) >= COMPRESS_FROM:
            return {"$zb": _packed(value)}
        return {"$b": base64.b64encode(value).decode("ascii")}
    return value


def decode_value(value: Any) -> Any:
    """Inverse of the JSON encoding used in the change log."""
    if isinstance(value, dict):
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return date.fromisoformat(value["$d"])
        if "$b" in value:
            return base64.b64decode(value["$b"])
        if "$zs" in value:
            return _unpacked(value["$zs"]).decode("utf-8")
        if "$zb" in value:
            return _unpacked(value["$zb"])
    return value


def _columns(mapper: Mapper, target: Any) -> dict[str, Any]:
    return {
        prop.columns[0].name: _encode(getattr(target, prop.key)) for prop in mapper.column_attrs
    }


def _primary_key(mapper: Mapper, target: Any) -> dict[str, Any]:
    identity = mapper.primary_key_from_instance(target)
    return {col.name: value for col, value in zip(mapper.primary_key, identity, strict=True)}


def _table_name(mapper: Mapper) -> str:
    table = mapper.local_table
    assert isinstance(table, Table)
    return table.name


def _recorder(target: Any) -> ChangeRecorder | None:
    session = object_session(target)
    return session.info.get(RECORDER_KEY) if session is not None else None


def _skip(mapper: Mapper) -> bool:
    return mapper.class_ in (ChangeLogEntry, OriginalFile)


@event.listens_for(Base, "after_insert", propagate=True)
def _after_insert(mapper: Mapper, _connection: Connection, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None and not _skip(mapper):
        row = _columns(mapper, target)
        recorder.changes.append(
            RowChange("insert", _table_name(mapper), _primary_key(mapper, target), after=row)
        )


@event.listens_for(Base, "after_update", propagate=True)
def _after_update(mapper: Mapper, _connection: Connection, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is None or _skip(mapper):
        return
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        if prop.key == VERSION_COLUMN:
            continue
        history = attributes.get_history(target, prop.key)
        if not history.added:
            continue
        if not history.deleted:
            raise RuntimeError(f"old value of {mapper.class_.__name__}.{prop.key} was not loaded")
        name = prop.columns[0].name
        before[name] = _encode(history.deleted[0])
        after[name] = _encode(history.added[0])
    if after:
        recorder.changes.append(
            RowChange("update", _table_name(mapper), _primary_key(mapper, target), before, after)
        )


@event.listens_for(Base, "after_delete", propagate=True)
def _after_delete(mapper: Mapper, _connection: Connection, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None and not _skip(mapper):
        row = _columns(mapper, target)
        recorder.changes.append(
            RowChange("delete", _table_name(mapper), _primary_key(mapper, target), before=row)
        )


@event.listens_for(Session, "before_flush")
def _load_rows_about_to_be_deleted(session: Session, _context: Any, _instances: Any) -> None:
    """Deleted rows must be fully loaded so the log can restore them."""
    if RECORDER_KEY not in session.info:
        if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
            raise RuntimeError("data changes must run inside a project command")
        return
    for obj in session.deleted:
        state = inspect(obj)
        columns = {prop.key for prop in state.mapper.column_attrs}
        for name in state.unloaded & columns:  # relationships are not needed in the log
            getattr(obj, name)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _decoded(values: dict[str, Any]) -> dict[str, Any]:
    return {name: decode_value(value) for name, value in values.items()}


def _statement_for(table: Table, op: str, change: RowChange, reverse: bool) -> tuple:
    """A reusable statement and its parameters for one replayed row change."""
    if op == "insert":
        row = _decoded(change.before if reverse else change.after)
        return ("insert", table.name, tuple(row)), table.insert(), row
    where = and_(*(table.c[name] == bindparam(f"k_{name}") for name in change.key))
    params = {f"k_{name}": decode_value(value) for name, value in change.key.items()}
    if op == "delete":
        return ("delete", table.name, tuple(change.key)), table.delete().where(where), params
    values = _decoded(change.before if reverse else change.after)
    values.pop(VERSION_COLUMN, None)
    assignments: dict[str, Any] = {n: bindparam(f"v_{n}") for n in values}
    if VERSION_COLUMN in table.c:  # an undone edit is a new version, not the old one back
        assignments[VERSION_COLUMN] = table.c[VERSION_COLUMN] + 1
    statement = table.update().where(where).values(assignments)
    params.update({f"v_{name}": value for name, value in values.items()})
    return ("update", table.name, tuple(change.key), tuple(values)), statement, params


def apply_changes(connection: Connection, changes: list[RowChange], *, reverse: bool) -> None:
    """Replay changes forward (redo) or their inverses backward (undo) with Core statements.

    Consecutive changes of the same shape run as one executemany, keeping their order.
    """
    sequence = reversed(changes) if reverse else changes
    batch_shape: tuple | None = None
    batch_statement: Any = None
    batch: list[dict[str, Any]] = []
    for change in sequence:
        op = change.op
        if reverse:
            op = {"insert": "delete", "delete": "insert", "update": "update"}[op]
        shape, statement, params = _statement_for(_table(change.table), op, change, reverse)
        if shape != batch_shape and batch:
            connection.execute(batch_statement, batch)
            batch = []
        batch_shape, batch_statement = shape, statement
        batch.append(params)
    if batch:
        connection.execute(batch_statement, batch)


def _encoded_columns(table: str) -> set[str]:
    """Columns whose values the log encodes (dates, times, bytes); others go in as they are."""
    found = set()
    for column in _table(table).columns:
        try:
            kind = column.type.python_type
        except NotImplementedError:
            kind = object
        if kind in (datetime, date, bytes, object):
            found.add(column.name)
    return found


def record_inserts(
    session: Session, table: str, rows: list[dict[str, Any]], keys: list[dict[str, Any]]
) -> None:
    """Log rows a service inserted in bulk with Core (many thousands at once), as the mapper
    events log rows inserted through the ORM: undo, redo and listeners see them alike.
    `keys` holds each row's primary key columns (with their values)."""
    recorder = session.info.get(RECORDER_KEY)
    if recorder is None:
        raise RuntimeError("data changes must run inside a project command")
    encoded = _encoded_columns(table)
    for key, row in zip(keys, rows, strict=True):
        after = {**row, **key}
        for name in encoded & after.keys():
            after[name] = _encode(after[name])
        recorder.changes.append(RowChange("insert", table, dict(key), after=after))
