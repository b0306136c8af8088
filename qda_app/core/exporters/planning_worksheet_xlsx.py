"""The worksheet as a workbook to fill in; hidden columns carry the ids for the import.

Layout of the sheet (one per export, named after the Sozialraum): hidden columns A–D hold
the row kind ("goal", "finding", "entry"), the goal id, and the ids of an existing "what is
missing" entry and measure; columns E–J are the visible ones. Entry rows are shaded: those
are the cells to fill in. A hidden sheet "qda" names the project and the Sozialraum.
"""

from __future__ import annotations

import os
from typing import Any

from ..i18n import tr
from ..planning_values import MEASURE_STATUSES
from .planning_worksheet import (
    BLANK_ROWS,
    ENTRY_COLUMNS,
    GoalBlock,
    Worksheet,
    column_header,
    priority_label,
    status_label,
)
from .spreadsheet_text import put_text

META_SHEET = "qda"
FORMAT_MARK = "qda-planning-worksheet-1"
ID_COLUMNS = ("kind", "goal_id", "missing_id", "measure_id")
FIRST_VISIBLE = len(ID_COLUMNS) + 1  # column E
WIDTHS = (45, 45, 24, 18, 12, 14)
GOAL_FILL = "1F4E79"
FINDING_FILL = "F2F2F2"
ENTRY_FILL = "FFF9DB"


def write_worksheet_xlsx(sheet_data: Worksheet, path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(sheet_data.quarter.name)
    styles = {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "bold": Font(bold=True),
        "goal_font": Font(bold=True, color="FFFFFF", size=12),
        "goal": PatternFill("solid", start_color=GOAL_FILL, end_color=GOAL_FILL),
        "finding": PatternFill("solid", start_color=FINDING_FILL, end_color=FINDING_FILL),
        "entry": PatternFill("solid", start_color=ENTRY_FILL, end_color=ENTRY_FILL),
        "italic": Font(italic=True, color="444444"),
        "border": Border(*(Side(style="thin", color="BFBFBF"),) * 4),
    }
    last = FIRST_VISIBLE + len(ENTRY_COLUMNS) - 1
    title = tr("planning.worksheet.title", quarter=sheet_data.quarter.name)
    put_text(sheet.cell(row=1, column=FIRST_VISIBLE), title)
    sheet.cell(row=1, column=FIRST_VISIBLE).font = Font(bold=True, size=14)
    put_text(sheet.cell(row=2, column=FIRST_VISIBLE), tr("planning.worksheet.instructions"))
    sheet.merge_cells(start_row=2, start_column=FIRST_VISIBLE, end_row=2, end_column=last)
    sheet.cell(row=2, column=FIRST_VISIBLE).alignment = styles["wrap"]
    sheet.row_dimensions[2].height = 45
    statuses = DataValidation(
        type="list",
        formula1='"' + ",".join(status_label(s) for s in MEASURE_STATUSES) + '"',
        allow_blank=True,
    )
    priorities = DataValidation(
        type="list",
        formula1='"' + ",".join(priority_label(p) for p in ("high", "medium", "low")) + '"',
        allow_blank=True,
    )
    sheet.add_data_validation(statuses)
    sheet.add_data_validation(priorities)
    row = 4
    for block in sheet_data.blocks:
        row = _goal_block(sheet, block, row, styles, statuses, priorities) + 1
    for number in range(1, FIRST_VISIBLE):
        sheet.column_dimensions[_letter(number)].hidden = True
    for offset, width in enumerate(WIDTHS):
        sheet.column_dimensions[_letter(FIRST_VISIBLE + offset)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    _meta_sheet(workbook, sheet_data)
    workbook.save(os.fspath(path))


def _goal_block(
    sheet: Any, block: GoalBlock, row: int, styles: dict[str, Any], statuses: Any, priorities: Any
) -> int:
    """Write one goal's block from `row`; returns the row after it."""
    last = FIRST_VISIBLE + len(ENTRY_COLUMNS) - 1
    goal = block.goal
    _ids(sheet, row, "goal", goal.id)
    put_text(sheet.cell(row=row, column=FIRST_VISIBLE), f"{goal.name} ({goal.tag})")
    sheet.merge_cells(start_row=row, start_column=FIRST_VISIBLE, end_row=row, end_column=last)
    for column in range(FIRST_VISIBLE, last + 1):
        sheet.cell(row=row, column=column).fill = styles["goal"]
    sheet.cell(row=row, column=FIRST_VISIBLE).font = styles["goal_font"]
    row += 1
    findings = [
        *block.findings,
        *(tr("planning.cross_quarter", text=t) for t in block.cross_quarter),
    ]
    put_text(
        sheet.cell(row=row, column=FIRST_VISIBLE),
        tr("planning.worksheet.findings", count=len(findings)),
    )
    sheet.cell(row=row, column=FIRST_VISIBLE).font = styles["bold"]
    _ids(sheet, row, "finding", goal.id)
    row += 1
    for text in findings or [tr("planning.worksheet.no_findings")]:
        _ids(sheet, row, "finding", goal.id)
        cell = sheet.cell(row=row, column=FIRST_VISIBLE)
        put_text(cell, f"• {text}")
        sheet.merge_cells(start_row=row, start_column=FIRST_VISIBLE, end_row=row, end_column=last)
        cell.alignment, cell.font = styles["wrap"], styles["italic"]
        cell.fill = styles["finding"]
        row += 1
    _ids(sheet, row, "header", goal.id)
    for offset, name in enumerate(ENTRY_COLUMNS):
        cell = sheet.cell(row=row, column=FIRST_VISIBLE + offset)
        put_text(cell, column_header(name))
        cell.font, cell.alignment = styles["bold"], styles["wrap"]
    row += 1
    rows = max(len(block.missing), len(block.measures)) + BLANK_ROWS
    for index in range(rows):
        missing = block.missing[index] if index < len(block.missing) else None
        measure = block.measures[index] if index < len(block.measures) else None
        _ids(
            sheet,
            row,
            "entry",
            goal.id,
            missing.id if missing else None,
            measure.id if measure else None,
        )
        values = [
            missing.text if missing else "",
            measure.text if measure else "",
            measure.responsible if measure else "",
            measure.time_frame if measure else "",
            priority_label(measure.priority) if measure else "",
            status_label(measure.status) if measure else "",
        ]
        for offset, value in enumerate(values):
            cell = sheet.cell(row=row, column=FIRST_VISIBLE + offset)
            put_text(cell, value)
            cell.fill, cell.alignment = styles["entry"], styles["wrap"]
            cell.border = styles["border"]
        priorities.add(sheet.cell(row=row, column=FIRST_VISIBLE + 4))
        statuses.add(sheet.cell(row=row, column=FIRST_VISIBLE + 5))
        row += 1
    return row


def _ids(
    sheet: Any,
    row: int,
    kind: str,
    goal_id: int,
    missing_id: int | None = None,
    measure_id: int | None = None,
) -> None:
    for column, value in enumerate((kind, goal_id, missing_id, measure_id), start=1):
        sheet.cell(row=row, column=column).value = value


def _meta_sheet(workbook: Any, sheet_data: Worksheet) -> None:
    meta = workbook.create_sheet(META_SHEET)
    rows = (
        ("format", FORMAT_MARK),
        ("project", sheet_data.project_guid),
        ("quarter_id", sheet_data.quarter.id),
        ("quarter", sheet_data.quarter.name),
    )
    for number, (key, value) in enumerate(rows, start=1):
        meta.cell(row=number, column=1).value = key
        put_text(meta.cell(row=number, column=2), value)
    meta.sheet_state = "hidden"


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return cleaned[:31] or "Sozialraum"


def _letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)
