"""Tables in the report, written straight as WordprocessingML (python-docx's row-by-row
calls take seconds for the thousands of rows of an appendix): a shaded header row that
repeats on every page, set column widths, bold rows and shaded cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from ..spreadsheet_text import UNSTORABLE

HEADER_FILL = "D9E2F3"
TEXT_WIDTH_CM = 16.0  # A4 with 2.5 cm margins
TWIPS_PER_CM = 567
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHUNK = 2000  # rows parsed at a time


def column_widths(count: int, widths_cm: Sequence[float]) -> list[int]:
    """Widths in twips: the given ones first, the rest share what is left."""
    fixed = list(widths_cm)[:count]
    rest = count - len(fixed)
    share = max(1.0, (TEXT_WIDTH_CM - sum(fixed)) / rest) if rest else 0.0
    return [round(w * TWIPS_PER_CM) for w in fixed + [share] * rest]


def _row(
    values: Sequence[object],
    widths: Sequence[int],
    size_half_points: int,
    *,
    bold: bool = False,
    header: bool = False,
    fills: dict[int, str] | None = None,
) -> str:
    """One table row as WordprocessingML text (built as text: thousands of rows parse in
    one go far faster than they are built element by element)."""
    parts = ["<w:tr>"]
    if header:
        parts.append("<w:trPr><w:tblHeader/></w:trPr>")
    run_properties = (
        f'<w:rPr>{"<w:b/>" if bold or header else ""}<w:sz w:val="{size_half_points}"/></w:rPr>'
    )
    for column, (value, width) in enumerate(zip(values, widths, strict=True)):
        fill = HEADER_FILL if header else (fills or {}).get(column)
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        text = escape(UNSTORABLE.sub("", str(value)))
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f'<w:p><w:r>{run_properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
        )
    parts.append("</w:tr>")
    return "".join(parts)


def _append_rows(table: Any, rows: list[str]) -> None:
    from lxml import etree

    for start in range(0, len(rows), CHUNK):
        chunk = "".join(rows[start : start + CHUNK])
        parsed = etree.fromstring(f'<w:tbl xmlns:w="{W_NAMESPACE}">{chunk}</w:tbl>')
        table.extend(list(parsed))


def add_table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
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
    bold = set(bold_rows)
    by_row: dict[int, dict[int, str]] = {}
    for (row, column), fill in (fills or {}).items():
        by_row.setdefault(row, {})[column] = fill
    xml = [_row(header, widths, size, header=True)]
    xml += [
        _row(values, widths, size, bold=index in bold, fills=by_row.get(index))
        for index, values in enumerate(rows)
    ]
    _append_rows(table._tbl, xml)
    return table
