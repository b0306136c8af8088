"""One sheet of the workbook, written row by row (openpyxl's write-only mode, so tens of
thousands of segments stay fast): a bold header row that stays in view, filters over all
columns, set widths, and every text cell written as text, never as a formula."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..spreadsheet_text import FORMULA_STARTS, UNSTORABLE, put_text


def plain(value: Any) -> bool:
    """A value openpyxl may write as it is: a number, or text that is no formula and holds
    nothing a workbook cannot store. (Dates get their format through a cell object.)"""
    if value is None or isinstance(value, bool | int | float):
        return True
    if isinstance(value, str):
        return not value.startswith(FORMULA_STARTS) and not UNSTORABLE.search(value)
    return False


@dataclass(frozen=True)
class Link:
    """A cell that links to a place in the workbook ("'Segmente'!A12")."""

    value: int | str
    location: str


def place(sheet_title: str, row: int) -> str:
    """Where a link points: the first cell of `row` on a sheet."""
    name = sheet_title[:31].replace("'", "''")
    return f"'{name}'!A{row}"


class SheetStyles:
    """The few styles the sheets share, made once."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header_font = Font(bold=True)
        self.link = Font(color="0563C1", underline="single")
        self.header_fill = PatternFill("solid", start_color="D9E2F3", end_color="D9E2F3")
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")


def write_sheet(
    workbook: Any,
    title: str,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Sequence[Any]],
    styles: SheetStyles,
    *,
    wrapped: Sequence[int] = (),
    bold_rows: Iterable[int] = (),
) -> Any:
    """Append a sheet; `wrapped` are column indexes whose text wraps, `bold_rows` row
    indexes (0 = first data row) set bold. Returns the sheet and the number of data rows
    as (sheet, count)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title[:31])
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet)
        put_text(cell, text)
        cell.font, cell.fill, cell.alignment = styles.header_font, styles.header_fill, styles.wrap
        header_cells.append(cell)
    sheet.append(header_cells)
    wrap = set(wrapped)
    bold = set(bold_rows)
    count = 0
    for index, values in enumerate(rows):
        cells: list[Any] = []
        for column, value in enumerate(values):
            if isinstance(value, Link):
                cells.append(_link_cell(sheet, value, styles))
                continue
            styled = (column in wrap and value not in ("", None)) or index in bold
            if not styled and plain(value):
                # No cell object: the fast path of write-only mode; empty text is no cell.
                cells.append(value if value != "" else None)
                continue
            cell = WriteOnlyCell(sheet)
            put_text(cell, value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if column in wrap:
                cell.alignment = styles.wrap
            if index in bold:
                cell.font = styles.bold
            cells.append(cell)
        sheet.append(cells)
        count += 1
    last = get_column_letter(max(len(headers), 1))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    return sheet, count


def _link_cell(sheet: Any, link: Link, styles: SheetStyles) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet.hyperlink import Hyperlink

    cell = WriteOnlyCell(sheet, value=link.value)
    cell.hyperlink = Hyperlink(ref="", location=link.location)
    cell.font = styles.link
    return cell
