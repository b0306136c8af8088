"""The coding agenda as a workbook: one row per category, in the columns the import reads.

The tree shows twice: in the parent column (the parent's path) and by the indentation of the
category name. Text that looks like a formula is written as text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from ..i18n import tr
from ..revision_values import CategoryChange
from .agenda_columns import XLSX_COLUMNS, header
from .coding_agenda import AgendaEntry, CodingAgenda
from .spreadsheet_text import put_text

WIDTHS = {
    "category": 40,
    "parent": 34,
    "tag": 16,
    "colour": 10,
    "origin": 11,
    "definition": 50,
    "anchor": 60,
    "rules": 45,
}
HISTORY_COLUMNS = ("time", "actor", "kind", "what", "categories", "state")
HISTORY_WIDTHS = (18, 16, 24, 70, 40, 18)


def agenda_values(entry: AgendaEntry) -> dict[str, str]:
    """The cells of one category's row, by column."""
    category = entry.category
    return {
        "category": category.name,
        "parent": entry.parent_path,
        "tag": category.tag,
        "colour": category.colour,
        "origin": entry.origin_label,
        "definition": category.definition,
        "anchor": entry.anchor_lines(),
        "rules": category.coding_rules,
    }


def write_agenda_xlsx(agenda: CodingAgenda, path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = tr("agenda.sheet")[:31]
    _header_row(sheet, [header(c) for c in XLSX_COLUMNS], Font, Alignment)
    for row_number, entry in enumerate(agenda.entries, start=2):
        values = agenda_values(entry)
        for column_number, column in enumerate(XLSX_COLUMNS, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            put_text(cell, values[column])
            cell.alignment = Alignment(
                wrap_text=True,
                vertical="top",
                indent=entry.level if column == "category" else 0,
            )
            if column == "category" and entry.level == 0:
                cell.font = Font(bold=True)
            if column == "colour" and len(entry.category.colour) == 7:
                fill = entry.category.colour[1:].upper()
                cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    for number, column in enumerate(XLSX_COLUMNS, start=1):
        sheet.column_dimensions[_letter(number)].width = WIDTHS[column]
    sheet.freeze_panes = "B2"
    workbook.save(os.fspath(path))


def write_history_xlsx(history: Sequence[CategoryChange], path: str | os.PathLike[str]) -> None:
    """The category system's history, oldest change first, one row per log entry."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = tr("agenda.history_sheet")[:31]
    _header_row(sheet, [tr(f"agenda.history.{c}") for c in HISTORY_COLUMNS], Font, Alignment)
    for row_number, change in enumerate(reversed(history), start=2):
        values = [
            change.local_time,
            change.actor,
            change.kind_label,
            change.description,
            ", ".join(change.names) or ", ".join(str(i) for i in change.category_ids),
            tr(f"agenda.state.{change.state}"),
        ]
        for column_number, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            put_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=row_number, column=1).number_format = "yyyy-mm-dd hh:mm:ss"
    for number, width in enumerate(HISTORY_WIDTHS, start=1):
        sheet.column_dimensions[_letter(number)].width = width
    sheet.freeze_panes = "A2"
    workbook.save(os.fspath(path))


def _header_row(sheet: Any, headers: list[str], font: Any, alignment: Any) -> None:
    for number, text in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=number)
        put_text(cell, text)
        cell.font = font(bold=True)
        cell.alignment = alignment(vertical="top")


def _letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)
