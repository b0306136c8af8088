"""Importing a category system from a workbook in the columns of the coding agenda export.

The tree comes from the parent column (the parent's path, or a name that is unique) or, where
that is empty, from the indentation of the category name (cell indent or leading spaces): a
row hangs under the nearest row above it that is indented less. Categories whose path exists
already are updated with the non-empty cells of their row; the others are created. The whole
file is checked first: a file with any malformed row is reported row by row and nothing is
imported. Anchor examples need coded text and are not imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..exporters.agenda_columns import REQUIRED, XLSX_COLUMNS, header_names, normalise
from ..i18n import tr
from .category_rows import CategoryRow, parse_rows, resolve_tree

if TYPE_CHECKING:
    from ..project import Project


@dataclass(frozen=True)
class CategoryImportResult:
    created: int
    updated: int
    unchanged: int


class CategoryImportError(ValidationError):
    """A workbook that cannot be imported; `problems` names each bad row."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__("category_import.failed", file=os.path.basename(path), count=len(problems))
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join([super().__str__(), *self.problems])


@dataclass
class _Sheet:
    columns: dict[str, int]
    rows: list[tuple[int, list[Any], int]] = field(default_factory=list)  # number, cells, indent


def read_category_workbook(
    path: str | os.PathLike[str], existing_paths: Iterable[str] = ()
) -> list[CategoryRow]:
    """The categories of a workbook, parents before children (a parent may also be one of
    `existing_paths`, the project's); CategoryImportError if any row is malformed."""
    name = os.fspath(path)
    sheet = _read_sheet(name)
    rows, problems = parse_rows(sheet.rows, sheet.columns)
    if not problems:
        problems = resolve_tree(rows, existing_paths)
    if problems:
        raise CategoryImportError(name, problems)
    return rows


def import_category_workbook(
    project: Project, path: str | os.PathLike[str]
) -> CategoryImportResult:
    """Import (create or update) the categories of a workbook in one undoable command."""
    rows = read_category_workbook(path, project.categories.paths().values())
    file_name = Path(path).name
    with project.command("category.import", file=file_name) as session:
        existing = {p.casefold(): i for i, p in project.categories.paths().items()}
        current = {c.id: c for c in project.categories.list()}
        ids: dict[str, int] = {}
        created = updated = unchanged = 0
        for row in rows:
            key = row.path.casefold()
            fields = row.fields()
            parent_id = None
            if row.parent_path:
                parent_key = row.parent_path.casefold()
                parent_id = ids.get(parent_key, existing.get(parent_key))
            if key in existing:
                category_id = existing[key]
                before = current[category_id]
                changed = {k: v for k, v in fields.items() if getattr(before, k) != v}
                if changed:
                    project.categories.update_in(session, category_id, **changed)
                    updated += 1
                else:
                    unchanged += 1
                ids[key] = category_id
            else:
                ids[key] = project.categories.create_in(session, row.name, parent_id, **fields).id
                created += 1
        session.info.setdefault("command_params", {}).update(created=created, updated=updated)
    return CategoryImportResult(created, updated, unchanged)


def _read_sheet(path: str) -> _Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except FileNotFoundError as error:
        raise ValidationError("category_import.not_found", file=path) from error
    except Exception as error:  # zip, XML or format errors: not a readable workbook
        raise ValidationError(
            "category_import.unreadable", file=os.path.basename(path), reason=str(error)
        ) from error
    sheet = _agenda_sheet(workbook)
    header_row, columns = None, {}
    for row in sheet.iter_rows():
        values = [normalise(cell.value) for cell in row]
        if any(values):
            header_row, columns = row[0].row, _columns(values)
            break
    if header_row is None or any(c not in columns for c in REQUIRED):
        raise ValidationError(
            "category_import.no_name_column",
            file=os.path.basename(path),
            header=tr("agenda.column.category"),
        )
    result = _Sheet(columns)
    name_column = columns["category"]
    for row in sheet.iter_rows(min_row=header_row + 1):
        cells = [cell.value for cell in row]
        if not any(str(v).strip() for v in cells if v is not None):
            continue
        name_cell = row[name_column] if name_column < len(row) else None
        indent = int(getattr(getattr(name_cell, "alignment", None), "indent", 0) or 0)
        result.rows.append((row[0].row, cells, indent))
    return result


def _agenda_sheet(workbook: Any) -> Any:
    wanted = {normalise(tr("agenda.sheet"))} | {"kodierleitfaden", "coding agenda", "codebook"}
    for sheet in workbook.worksheets:
        if normalise(sheet.title) in wanted:
            return sheet
    return workbook.worksheets[0]


def _columns(headers: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for column in XLSX_COLUMNS:
        names = header_names(column)
        for index, text in enumerate(headers):
            if text in names and index not in columns.values():
                columns[column] = index
                break
    return columns
