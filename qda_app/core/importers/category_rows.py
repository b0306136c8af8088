"""Rows of a category workbook: checking each row, and building the tree they describe."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..exporters.agenda_columns import origin_from
from ..i18n import tr
from ..services.common import COLOUR

TAB_WIDTH = 4
FIELD_OF_COLUMN = {
    "tag": "tag",
    "colour": "colour",
    "origin": "origin",
    "definition": "definition",
    "rules": "coding_rules",
}


@dataclass(eq=False)
class CategoryRow:
    """One category as a workbook row gives it; `path` and `parent_path` are filled in when
    the tree is resolved (`parent` is the row it hangs under, if that row is in the file)."""

    row: int
    name: str
    parent_ref: str
    indent: int
    values: dict[str, str]
    parent: CategoryRow | None = None
    parent_path: str = ""
    path: str = ""

    def fields(self) -> dict[str, Any]:
        """The category fields this row sets (empty cells set nothing)."""
        return {FIELD_OF_COLUMN[c]: v for c, v in self.values.items() if v}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _indent_width(raw: str, cell_indent: int) -> int:
    spaces = len(raw) - len(raw.lstrip(" \t"))
    tabs = raw[:spaces].count("\t")
    return cell_indent * TAB_WIDTH + spaces + tabs * (TAB_WIDTH - 1)


def parse_rows(
    rows: Iterable[tuple[int, list[Any], int]], columns: Mapping[str, int]
) -> tuple[list[CategoryRow], list[str]]:
    """Each non-empty row as a CategoryRow, and a message for each malformed one."""
    parsed: list[CategoryRow] = []
    problems: list[str] = []

    def cell(cells: list[Any], column: str) -> str:
        index = columns.get(column)
        return _text(cells[index]) if index is not None and index < len(cells) else ""

    for number, cells, cell_indent in rows:
        raw_name = cell(cells, "category")
        name = " ".join(raw_name.split())
        if not name:
            problems.append(tr("category_import.row.no_name", row=number))
            continue
        values = {column: cell(cells, column).strip() for column in FIELD_OF_COLUMN}
        colour = values["colour"]
        if colour:
            colour = colour if colour.startswith("#") else f"#{colour}"
            if not COLOUR.match(colour):
                problems.append(tr("category_import.row.bad_colour", row=number, value=colour))
                continue
            values["colour"] = colour.lower()
        origin = origin_from(values["origin"])
        if origin == "?":
            problems.append(
                tr("category_import.row.bad_origin", row=number, value=values["origin"])
            )
            continue
        values["origin"] = origin or ""
        parent_ref = " ".join(cell(cells, "parent").split())
        indent = _indent_width(raw_name, cell_indent)
        parsed.append(CategoryRow(number, name, parent_ref, indent, values))
    return parsed, problems


def resolve_tree(rows: list[CategoryRow], existing_paths: Iterable[str] = ()) -> list[str]:
    """Give every row its parent and path (parents sorted before children); the messages of
    rows whose parent cannot be found, whose parents form a circle, or that repeat a path."""
    problems: list[str] = []
    known = {path.casefold(): path for path in existing_paths}
    stack: list[CategoryRow] = []
    for row in rows:
        while stack and stack[-1].indent >= row.indent:
            stack.pop()
        if not row.parent_ref and stack:
            row.parent = stack[-1]
        stack.append(row)
    resolver = _PathResolver(rows, known)
    for row in rows:
        problem = resolver.resolve(row)
        if problem:
            problems.append(problem)
    if problems:
        return problems
    first: dict[str, CategoryRow] = {}
    for row in rows:
        key = row.path.casefold()
        if key in first:
            problems.append(
                tr(
                    "category_import.row.duplicate",
                    row=row.row,
                    path=row.path,
                    first=first[key].row,
                )
            )
        else:
            first[key] = row
    rows.sort(key=_depth)
    return problems


def _depth(row: CategoryRow) -> int:
    """How many rows of the file lie above this one in the tree."""
    depth, parent = 0, row.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


class _PathResolver:
    """Paths of rows, following parent references through the file and the project."""

    def __init__(self, rows: list[CategoryRow], known: dict[str, str]) -> None:
        self.rows = rows
        self.known = known
        self.visiting: set[int] = set()

    def resolve(self, row: CategoryRow) -> str | None:
        if row.path:
            return None
        if id(row) in self.visiting:
            return tr("category_import.row.cycle", row=row.row)
        self.visiting.add(id(row))
        try:
            if row.parent_ref:
                found = self._find(row)
                if isinstance(found, str) and found.startswith("\0"):
                    return found[1:]
                if isinstance(found, CategoryRow):
                    row.parent = found
                else:
                    row.parent_path = found or ""
            if row.parent is not None:
                problem = self.resolve(row.parent)
                if problem:
                    return problem
                row.parent_path = row.parent.path
            row.path = f"{row.parent_path}/{row.name}" if row.parent_path else row.name
            return None
        finally:
            self.visiting.discard(id(row))

    def _find(self, row: CategoryRow) -> CategoryRow | str | None:
        """The parent row of the file, a path of the project, or "\\0" + a message."""
        ref = row.parent_ref
        wanted = ref.casefold()
        last = wanted.rsplit("/", 1)[-1]
        candidates = [r for r in self.rows if r.name.casefold() == last and r is not row]
        matches = []
        for candidate in candidates:
            problem = self.resolve(candidate)
            if problem:
                return "\0" + problem
            if candidate.path.casefold() == wanted or "/" not in wanted:
                matches.append(candidate)
        exact = [m for m in matches if m.path.casefold() == wanted]
        if len(exact) == 1 or len(matches) == 1:
            return exact[0] if len(exact) == 1 else matches[0]
        if len(matches) > 1:
            return "\0" + tr("category_import.row.ambiguous_parent", row=row.row, parent=ref)
        if wanted in self.known:
            return self.known[wanted]
        named = [p for k, p in self.known.items() if k.rsplit("/", 1)[-1] == wanted]
        if "/" not in wanted and len(named) == 1:
            return named[0]
        return "\0" + tr("category_import.row.unknown_parent", row=row.row, parent=ref)
