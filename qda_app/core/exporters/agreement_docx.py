"""An agreement result as a Word report: level and rule, the per-category table with the four
coefficients, then the disagreements side by side (landscape A4)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..analysis.agreement import AgreementResult
from ..i18n import tr
from .agreement_table import disagreement_header, disagreement_rows, level_text, summary_table
from .agreement_table import title_text as agreement_title
from .docx_parts import landscape_document, repeat_header_row, shade_cell

if TYPE_CHECKING:
    from docx.table import Table

HEADER_FILL = "D9E2F3"
USABLE_WIDTH_CM = 29.7 - 2 * 1.8


def write_agreement_docx(result: AgreementResult, path: str | os.PathLike[str]) -> None:
    document = landscape_document(agreement_title(result), margin_cm=1.8, font_pt=9)
    document.add_paragraph(level_text(result))
    document.add_paragraph(tr("agreement.documents", count=len(result.documents)))
    if result.options.level == "segment":
        document.add_paragraph(tr("agreement.overlap_rule"))
    table = summary_table(result, short=True)
    summary = _table(document, table.header, table.rows, bold_first_row=True)
    rest = (USABLE_WIDTH_CM - 9.0) / (len(table.header) - 1)
    _widths(summary, [9.0] + [rest] * (len(table.header) - 1), right_from=1)
    document.add_paragraph(tr("agreement.short.legend"))
    document.add_heading(tr("agreement.disagreements", count=len(result.disagreements)), level=1)
    if result.disagreements:
        header = disagreement_header(result)
        listed = _table(document, header, disagreement_rows(result))
        coders = len(result.coders)
        if result.options.level == "segment":
            text = (USABLE_WIDTH_CM - 4.0 - 2.2 - 4.0 * coders) / coders
            _widths(listed, [4.0, 2.2] + [text] * coders + [4.0] * coders)
        else:
            _widths(listed, [7.0, 9.0] + [(USABLE_WIDTH_CM - 16.0) / coders] * coders)
    document.save(os.fspath(path))


def _widths(table: Table, widths_cm: list[float], right_from: int | None = None) -> None:
    """Column widths (Word reads them per cell); numbers from `right_from` on to the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)  # the grid, which LibreOffice reads
    for row in table.rows:
        for number, (cell, width) in enumerate(zip(row.cells, widths_cm, strict=False)):
            cell.width = Cm(width)
            if right_from is not None and number >= right_from:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _table(
    document: object, header: list[str], rows: list[list[str]], *, bold_first_row: bool = False
) -> Table:
    table = document.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
        shade_cell(cell, HEADER_FILL)
    repeat_header_row(table.rows[0])
    for number, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
            if bold_first_row and number == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return table
