"""Which log entries belong to the category system's history, and what kind of change each is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..db.change_capture import RowChange

COMMAND_KINDS = {
    "category.create": "created",
    "category.rename": "renamed",
    "category.move": "moved",
    "category.reorder": "reordered",
    "category.merge": "merged",
    "category.split": "split",
    "category.move_codings": "codings_moved",
    "category.delete": "deleted",
    "category.import": "imported",
    "preset.apply": "imported",
    "anchor.add": "anchors",
    "anchor.remove": "anchors",
}
# Revisions that move codings: their coding rows tell which categories they concern.
MOVING_CODINGS = ("category.merge", "category.split", "category.move_codings", "category.delete")
AGENDA_FIELDS = ("definition", "coding_rules")
PARAM_IDS = ("id", "source", "target", "category", "parent")
HISTORY_TABLES = ("categories", "codings", "anchor_examples")


def belongs_to_history(command: str, changes: Sequence[RowChange]) -> bool:
    """A command of the category system, or anything else that changed category rows."""
    if command in COMMAND_KINDS or command.startswith("category."):
        return True
    return any(change.table == "categories" for change in changes)


def kind_of(command: str, changes: Sequence[RowChange]) -> str:
    """created, renamed, moved, merged, split, deleted, definition, edited … (see KINDS)."""
    if command in COMMAND_KINDS:
        return COMMAND_KINDS[command]
    rows = [change for change in changes if change.table == "categories"]
    ops = {change.op for change in rows}
    if "insert" in ops:
        return "imported" if len(rows) > 1 else "created"
    if "delete" in ops:
        return "deleted"
    changed = {name for change in rows for name in change.after}
    if "name" in changed:
        return "renamed"
    if "parent_id" in changed:
        return "moved"
    if changed and changed <= set(AGENDA_FIELDS):
        return "definition"
    if changed == {"position"}:
        return "reordered"
    return "edited"


def categories_concerned(
    command: str, params: dict[str, Any], changes: Sequence[RowChange]
) -> tuple[int, ...]:
    """Ids of the categories an entry changed or moved codings between (for the filter)."""
    found: dict[int, None] = {}
    for name in PARAM_IDS:
        value = params.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            found[value] = None
    for change in changes:
        if change.table == "categories":
            key = change.key_value
            if isinstance(key, int):
                found[key] = None
        elif change.table in ("codings", "anchor_examples") and (
            command in MOVING_CODINGS or change.table == "anchor_examples"
        ):
            for values in (change.before, change.after):
                category = values.get("category_id")
                if isinstance(category, int):
                    found[category] = None
    return tuple(found)


NAME_PARAMS = ("source_name", "category", "name", "target_name", "category_name")


def names_in(params: dict[str, Any]) -> tuple[str, ...]:
    """The category names an entry's parameters mention (as they were then)."""
    found = (params.get(key) for key in NAME_PARAMS)
    return tuple(dict.fromkeys(n for n in found if isinstance(n, str) and n and n != "—"))
