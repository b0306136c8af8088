"""Tables in the report, written straight as WordprocessingML (python-docx's row-by-row
calls take seconds for the thousands of rows of an appendix): a shaded header row that
repeats on every page, set column widths, bold rows and shaded cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..spreadsheet_text import UNSTORABLE

HEADER_FILL = "D9E2F3"
TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins
TWIPS_PER_CM = 567
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def column_widths(count: int, widths_cm: Sequence[float]) -> list[int]:
    """Widths in twips: the given ones first, the rest share what is left."""
    fixed = list(widths_cm)[:count]
    rest = count - len(fixed)
    share = max(1.0, (TEXT_WIDTH_CM - sum(fixed)) / rest) if rest else 0.0
    return [round(w * TWIPS_PER_CM) for w in fixed + [share] * rest]


def _row(
    values: Sequence[str],
    widths: Sequence[int],
    size_half_points: int,
    *,
    bold: bool = False,
    header: bool = False,
    fills: dict[int, str] | None = None,
) -> Any:
    from lxml import etree

    sub = etree.SubElement
    row = etree.Element(f"{W}tr")
    if header:
        sub(sub(row, f"{W}trPr"), f"{W}tblHeader")
    for column, (text, width) in enumerate(zip(values, widths, strict=True)):
        cell = sub(row, f"{W}tc")
        properties = sub(cell, f"{W}tcPr")
        sub(properties, f"{W}tcW", {f"{W}w": str(width), f"{W}type": "dxa"})
        fill = HEADER_FILL if header else (fills or {}).get(column)
        if fill:
            sub(properties, f"{W}shd", {f"{W}val": "clear", f"{W}color": "auto", f"{W}fill": fill})
        run = sub(sub(cell, f"{W}p"), f"{W}r")
        run_properties = sub(run, f"{W}rPr")
        if bold or header:
            sub(run_properties, f"{W}b")
        sub(run_properties, f"{W}sz", {f"{W}val": str(size_half_points)})
        element = sub(run, f"{W}t")
        element.text = UNSTORABLE.sub("", str(text))
        element.set(XML_SPACE, "preserve")
    return row


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
    cells by (row, column); `widths_cm` sets the first columns' widths (the rest share what
    is left of the text width)."""
    from docx.shared import Twips

    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    widths = column_widths(len(header), widths_cm)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    size = round(size_pt * 2)
    element = table._tbl
    element.append(_row(header, widths, size, header=True))
    bold = set(bold_rows)
    by_row: dict[int, dict[int, str]] = {}
    for (row, column), fill in (fills or {}).items():
        by_row.setdefault(row, {})[column] = fill
    for index, values in enumerate(rows):
        element.append(_row(values, widths, size, bold=index in bold, fills=by_row.get(index)))
    return table
