"""Replaying the change log backwards: the category system as it was at any moment.

The log keeps every command's row changes with their before and after values, and every
undo and redo as a marker entry. Read in id order, the log is the exact sequence of what
happened to the rows: a command applied its changes, an undo marker applied the inverse of
the entry it names, a redo marker applied that entry again. Starting from the rows as they
are now and stepping back through that sequence gives the rows as they were after any
entry. Nothing is stored twice: the log is the only record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..db.change_capture import RowChange, decode_value
from ..revision_values import CategoryState
from ..services import category_tree
from ..values import CategoryInfo

MARKER_ACTIONS = {"history.undo": "undo", "history.redo": "redo"}
Rows = dict[int, dict[str, Any]]


@dataclass(frozen=True)
class LoggedStep:
    """One entry of the log as a step in time: `action` "do" (a command), "undo" or "redo"
    (a marker; `changes` are then those of the entry it replayed, `marks` that entry's id)."""

    entry_id: int
    created_at: datetime
    action: str
    changes: tuple[RowChange, ...]
    marks: int | None = None


def parse_changes(raw: str | None, tables: Iterable[str]) -> tuple[RowChange, ...]:
    """The row changes of one entry that touch `tables`."""
    wanted = set(tables)
    return tuple(
        RowChange.from_json(item) for item in json.loads(raw or "[]") if item["table"] in wanted
    )


def marked_entry(command: str, params: str | dict) -> int | None:
    """For an undo/redo marker, the id of the entry it replayed."""
    if command not in MARKER_ACTIONS:
        return None
    data = json.loads(params) if isinstance(params, str) else params
    entry = data.get("entry")
    return int(entry) if entry is not None else None


class TableRewind:
    """Rows of one table, stepped back in time one logged step after another.

    `columns` limits what is kept of each row (None keeps all columns).
    """

    def __init__(self, table: str, rows: Rows, columns: Sequence[str] | None = None) -> None:
        self.table = table
        self.columns = tuple(columns) if columns is not None else None
        self.rows: Rows = {key: self._keep(row) for key, row in rows.items()}

    def _keep(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.columns is None:
            return dict(values)
        return {name: values[name] for name in self.columns if name in values}

    def step_back(self, step: LoggedStep) -> None:
        """Undo the effect `step` had on the rows (a command's, an undo's or a redo's)."""
        changes = [c for c in step.changes if c.table == self.table]
        if step.action == "undo":  # it had reversed its entry: apply the entry forwards
            for change in changes:
                self._apply(change, reverse=False)
        else:
            for change in reversed(changes):
                self._apply(change, reverse=True)

    def _apply(self, change: RowChange, *, reverse: bool) -> None:
        key = change.key_value
        assert isinstance(key, int)
        op = change.op
        if reverse:
            op = {"insert": "delete", "delete": "insert", "update": "update"}[op]
        if op == "delete":
            self.rows.pop(key, None)
            return
        values = change.before if reverse else change.after
        decoded = self._keep({name: decode_value(value) for name, value in values.items()})
        if op == "insert":
            self.rows[key] = decoded
        elif key in self.rows:
            self.rows[key].update(decoded)


def rewind(tables: Sequence[TableRewind], steps_newest_first: Iterable[LoggedStep]) -> None:
    """Step every table back through `steps` (newest first)."""
    for step in steps_newest_first:
        for table in tables:
            table.step_back(step)


def category_states(rows: Rows) -> dict[int, CategoryState]:
    """Category rows (as the table holds them) as states with their paths, by id."""
    infos = [
        CategoryInfo(
            int(row["id"]),
            row.get("parent_id"),
            int(row.get("position") or 0),
            str(row.get("name") or ""),
            str(row.get("tag") or ""),
            str(row.get("colour") or ""),
            str(row.get("origin") or ""),
            str(row.get("definition") or ""),
            str(row.get("coding_rules") or ""),
            bool(row.get("codable", True)),
            str(row.get("block_patterns") or ""),
        )
        for row in rows.values()
    ]
    known = {info.id for info in infos}
    # A parent missing from the reconstruction (a log that starts late) makes a top level.
    infos = [i if i.parent_id in known or i.parent_id is None else _top_level(i) for i in infos]
    paths = category_tree.paths(infos)
    return {
        info.id: CategoryState(
            info.id,
            info.parent_id,
            info.position,
            info.name,
            info.tag,
            info.colour,
            info.origin,
            info.definition,
            info.coding_rules,
            info.codable,
            info.block_patterns,
            paths[info.id],
        )
        for info in category_tree.depth_first(infos)
    }


def _top_level(info: CategoryInfo) -> CategoryInfo:
    from dataclasses import replace

    return replace(info, parent_id=None)


def coding_counts(rows: Rows) -> dict[int, int]:
    """Codings per category id, from coding rows that keep at least `category_id`."""
    counts: dict[int, int] = {}
    for row in rows.values():
        category = row.get("category_id")
        if category is not None:
            counts[int(category)] = counts.get(int(category), 0) + 1
    return counts
