"""An agreement result as a workbook: the summary sheet (level, coders, the per-category table
with the four coefficients) and the disagreements side by side."""

from __future__ import annotations

import os
from typing import Any

from ..analysis.agreement import AgreementResult
from ..i18n import tr
from .agreement_table import disagreement_header, disagreement_rows, level_text, summary_table
from .agreement_table import title_text as agreement_title
from .spreadsheet_text import put_text

NUMBER_FORMATS = ("0.0 %", "0.00", "0.00", "0.00")


def write_agreement_xlsx(result: AgreementResult, path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = tr("agreement.sheet.summary")[:31]
    put_text(sheet.cell(row=1, column=1), agreement_title(result))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    put_text(sheet.cell(row=2, column=1), level_text(result))
    put_text(sheet.cell(row=3, column=1), tr("agreement.documents", count=len(result.documents)))
    if result.options.level == "segment":
        put_text(sheet.cell(row=4, column=1), tr("agreement.overlap_rule"))
    table = summary_table(result)
    top = 6
    for column, title in enumerate(table.header, start=1):
        cell = sheet.cell(row=top, column=column)
        put_text(cell, title)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[top].height = 48  # wrapped column titles
    first_coefficient = len(table.header) - 4
    for offset, (words, numbers) in enumerate(zip(table.rows, table.numbers, strict=True)):
        row = top + 1 + offset
        for column, (word, number) in enumerate(zip(words, numbers, strict=True), start=1):
            cell = sheet.cell(row=row, column=column)
            if number is None:
                put_text(cell, word)
            else:
                cell.value = number
                if column > first_coefficient:
                    cell.number_format = NUMBER_FORMATS[column - first_coefficient - 1]
            if offset == 0:
                cell.font = bold
    sheet.column_dimensions["A"].width = 60
    for column in range(2, len(table.header) + 1):
        sheet.column_dimensions[_letter(column)].width = 16
    sheet.freeze_panes = sheet.cell(row=top + 1, column=2)
    _fit_to_width(sheet)
    _disagreements(workbook.create_sheet(tr("agreement.sheet.disagreements")[:31]), result)
    documents = workbook.create_sheet(tr("agreement.sheet.documents")[:31])
    put_text(documents.cell(row=1, column=1), tr("agreement.document"))
    documents.cell(row=1, column=1).font = bold
    for row, (_, title) in enumerate(result.documents, start=2):
        put_text(documents.cell(row=row, column=1), title)
    documents.column_dimensions["A"].width = 60
    workbook.save(os.fspath(path))


def _disagreements(sheet: Any, result: AgreementResult) -> None:
    from openpyxl.styles import Alignment, Font

    header = disagreement_header(result)
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        put_text(cell, title)
        cell.font = Font(bold=True)
    for row, values in enumerate(disagreement_rows(result), start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            put_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wide = result.options.level == "segment"
    for column in range(1, len(header) + 1):
        width = 60 if wide and 2 < column <= 2 + len(result.coders) else 30
        sheet.column_dimensions[_letter(column)].width = width
    sheet.freeze_panes = "A2"
    _fit_to_width(sheet)


def _fit_to_width(sheet: Any) -> None:
    """Printed landscape, one page wide."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
