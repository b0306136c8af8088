"""Tables in the report: a header row that repeats, shaded, then the rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .docx_fields import repeat_header, shade

HEADER_FILL = "D9E2F3"
TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins


def add_table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    bold_rows: Sequence[int] = (),
    fills: dict[tuple[int, int], str] | None = None,
    size_pt: float = 9.0,
    widths_cm: Sequence[float] = (),
) -> Any:
    """A grid table; `bold_rows` are row indexes (of `rows`) set bold, `fills` colours
    cells by (row, column); `widths_cm` sets the columns' widths (the first columns; the
    rest share what is left of the text width)."""
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size_pt)
        shade(cell, HEADER_FILL)
    repeat_header(table.rows[0])
    bold = set(bold_rows)
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(size_pt)
            run.bold = index in bold
            if fills and (index, column) in fills:
                shade(cell, fills[(index, column)])
    if widths_cm:
        fixed = list(widths_cm)[: len(header)]
        rest = len(header) - len(fixed)
        share = max(1.0, (TEXT_WIDTH_CM - sum(fixed)) / rest) if rest else 0.0
        widths = [Cm(w) for w in fixed + [share] * rest]
        table.autofit = False
        for row in table.rows:  # Word reads the cells' widths, LibreOffice the grid's
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
    return table
