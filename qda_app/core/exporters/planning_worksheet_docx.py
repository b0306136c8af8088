"""The worksheet as a Word document for a workshop: per goal its findings and a table with
empty, clearly marked columns to fill in (what is missing, measure, responsible, time frame).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..i18n import tr
from .docx_parts import landscape_document, repeat_header_row, shade_cell
from .planning_worksheet import BLANK_ROWS, GoalBlock, Worksheet, column_header

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

COLUMNS = ("missing", "measure", "responsible", "time_frame")
WIDTHS_CM = (8.5, 8.5, 5.0, 3.7)
HEADER_FILL = "1F4E79"
BLANK_FILL = "FFF9DB"
ROW_HEIGHT_CM = 1.4


def write_worksheet_docx(sheet: Worksheet, path: str | os.PathLike[str]) -> None:
    title = tr("planning.worksheet.title", quarter=sheet.quarter.name)
    document = landscape_document(title, margin_cm=1.8, font_pt=10)
    document.add_paragraph(tr("planning.worksheet.intro", project=sheet.project_name))
    document.add_paragraph(tr("planning.worksheet.instructions_docx"))
    for number, block in enumerate(sheet.blocks):
        if number:
            document.add_page_break()
        _goal_section(document, block)
    document.save(os.fspath(path))


def _goal_section(document: DocxDocument, block: GoalBlock) -> None:
    from docx.shared import Cm

    document.add_heading(f"{block.goal.name} ({block.goal.tag})", level=1)
    if block.goal.description:
        document.add_paragraph().add_run(block.goal.description).italic = True
    findings = [
        *block.findings,
        *(tr("planning.cross_quarter", text=t) for t in block.cross_quarter),
    ]
    document.add_heading(tr("planning.worksheet.findings", count=len(findings)), level=2)
    for text in findings or [tr("planning.worksheet.no_findings")]:
        document.add_paragraph(text, style="List Bullet")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, column, width in zip(table.rows[0].cells, COLUMNS, WIDTHS_CM, strict=True):
        _header(cell, column_header(column))
        cell.width = Cm(width)
    pairs = max(len(block.missing), len(block.measures))
    for index in range(pairs + BLANK_ROWS):
        missing = block.missing[index] if index < len(block.missing) else None
        measure = block.measures[index] if index < len(block.measures) else None
        values = (
            missing.text if missing else "",
            measure.text if measure else "",
            measure.responsible if measure else "",
            measure.time_frame if measure else "",
        )
        row = table.add_row()
        row.height = Cm(ROW_HEIGHT_CM)
        for cell, value, width in zip(row.cells, values, WIDTHS_CM, strict=True):
            cell.text = value
            cell.width = Cm(width)
            if index >= pairs:
                shade_cell(cell, BLANK_FILL)
    repeat_header_row(table.rows[0])


def _header(cell: _Cell, text: str) -> None:
    from docx.shared import RGBColor

    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shade_cell(cell, HEADER_FILL)
