"""The cross-quarter matrix as an editable table: categories × Sozialräume with the
number of segments, row and column totals, and the categories that meet the k-of-n rule
shaded (a legend under the table says so). Rows are measured (text_fit) and split over
as many slides as they need, "(1/2)", "(2/2)"; the column totals close the last slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...i18n import tr
from ..cross_content import CrossContent
from .deck_shapes import add_text_box, style_run
from .text_fit import EMU_PER_POINT, LINE_SPACING, text_width, wrapped_lines

if TYPE_CHECKING:
    from .deck import Deck

TABLE_PT = 12.0
MARGIN_X, MARGIN_Y = 7.2, 3.6  # python-pptx's cell margins: 0.1 and 0.05 inch
TABLE_BOX = (0.6, 1.95, 12.13, 4.45)  # inches: under the title, above the legend
LEGEND_BOX = (0.6, 6.45, 12.13, 0.4)
MET_FILL = "FCE4B6"
HEADER_FILL = "D9D9D9"
INDENT_PT = 12.0  # a subcategory's name is indented this much per level
BOLD_WIDER = 1.1
TABLE_NAME = "Matrix table"  # the rendering test holds this table to its measured height
ROW_SLACK = 2.0  # points a presentation program adds to a row beyond its lines


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    met: bool = False
    bold: bool = False
    header: bool = False
    depth: int = 0  # indents the first cell


@dataclass(frozen=True)
class TableLayout:
    widths_pt: tuple[float, ...]
    height_pt: float

    def row_height(self, row: TableRow) -> float:
        wider = BOLD_WIDER if row.bold or row.header else 1.0
        lines = 1
        for column, (text, width) in enumerate(zip(row.cells, self.widths_pt, strict=True)):
            lead = INDENT_PT * row.depth if column == 0 else 0.0
            room = (width - 2 * MARGIN_X - lead) / wider
            lines = max(lines, wrapped_lines(text or " ", TABLE_PT, room))
        return lines * TABLE_PT * LINE_SPACING + 2 * MARGIN_Y + ROW_SLACK


def matrix_rows(content: CrossContent) -> tuple[TableRow, list[TableRow], TableRow]:
    """Header, a row per category (tree order, indented), and the column totals."""
    matrix = content.matrix
    header = TableRow(
        (tr("exports.report.category"), *[c.name for c in matrix.columns], "Σ"), header=True
    )
    wanted = {r.category_id for r in content.rows}
    body = [
        TableRow(
            (
                row.name,
                *[str(int(matrix.value(row.category_id, c.quarter_id))) for c in matrix.columns],
                str(int(matrix.row_totals[row.category_id])),
            ),
            met=content.rule.meets(row.category_id),
            bold=row.depth == 0,
            depth=row.depth,
        )
        for row in matrix.rows
        if row.category_id in wanted
    ]
    totals = TableRow(
        (
            tr("exports.slide.matrix_total"),
            *[str(int(matrix.column_totals[c.quarter_id])) for c in matrix.columns],
            str(int(matrix.grand_total)),
        ),
        bold=True,
    )
    return header, body, totals


def table_layout(
    header: TableRow, rows: Sequence[TableRow], width_pt: float, height_pt: float
) -> TableLayout:
    """Number columns as wide as their widest entry (header words included), the category
    column takes the rest (at least a third of the width)."""
    count = len(header.cells) - 1
    widest = [
        max(_word_width(row, i) for row in (header, *rows)) + 2 * MARGIN_X + 4
        for i in range(1, count + 1)
    ]
    room = width_pt / 3 * 2
    scale = min(1.0, room / sum(widest)) if widest else 1.0
    numbers = tuple(w * scale for w in widest)
    return TableLayout((width_pt - sum(numbers), *numbers), height_pt)


def _word_width(row: TableRow, column: int) -> float:
    """The widest word of a cell; bold type runs about a tenth wider."""
    words = row.cells[column].split() or [""]
    widest = max(text_width(word, TABLE_PT) for word in words)
    return widest * (BOLD_WIDER if row.bold or row.header else 1.0)


def split_rows(
    layout: TableLayout, header: TableRow, rows: Sequence[TableRow], totals: TableRow
) -> list[list[TableRow]]:
    """Body rows in slide-sized runs, each under the header; the totals end the last."""
    room = layout.height_pt - layout.row_height(header)
    pages: list[list[TableRow]] = []
    current: list[TableRow] = []
    used = 0.0
    for row in [*rows, totals]:
        height = layout.row_height(row)
        if current and used + height > room:
            pages.append(current)
            current, used = [], 0.0
        current.append(row)
        used += height
    pages.append(current)
    return pages


def add_matrix_table_slides(deck: Deck, content: CrossContent, *, kicker: str = "") -> list[Any]:
    from .quarter_deck import numbered

    left, top, width, height = deck.box(TABLE_BOX)
    header, body, totals = matrix_rows(content)
    layout = table_layout(header, [*body, totals], width / EMU_PER_POINT, height / EMU_PER_POINT)
    pages = split_rows(layout, header, body, totals)
    legend = tr("exports.slide.matrix_legend", rule=content.rule_text)
    slides = []
    for page, rows in enumerate(pages, start=1):
        title = numbered(tr("exports.slide.matrix_table"), page, len(pages))
        slide = deck.titled_slide(title, kicker=kicker)
        _add_table(slide, (left, top, width), layout, [header, *rows])
        add_text_box(slide, deck.box(LEGEND_BOX), legend, 12)
        slides.append(slide)
    return slides


def _add_table(
    slide: Any, where: tuple[int, int, int], layout: TableLayout, rows: Sequence[TableRow]
) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu

    left, top, width = where
    heights = [int(layout.row_height(r) * EMU_PER_POINT) for r in rows]
    shape = slide.shapes.add_table(len(rows), len(layout.widths_pt), left, top, width, sum(heights))
    shape.name = TABLE_NAME
    table = shape.table
    for index, column_width in enumerate(layout.widths_pt):
        table.columns[index].width = Emu(int(column_width * EMU_PER_POINT))
    for row_index, (row, row_height) in enumerate(zip(rows, heights, strict=True)):
        table.rows[row_index].height = Emu(row_height)
        for column, text in enumerate(row.cells):
            cell = table.cell(row_index, column)
            cell.margin_left = cell.margin_right = Emu(int(MARGIN_X * EMU_PER_POINT))
            cell.margin_top = cell.margin_bottom = Emu(int(MARGIN_Y * EMU_PER_POINT))
            frame = cell.text_frame
            frame.word_wrap = True
            paragraph = frame.paragraphs[0]
            if column:
                paragraph.alignment = PP_ALIGN.RIGHT
            elif row.depth:
                indent = int(INDENT_PT * row.depth * EMU_PER_POINT)
                paragraph._p.get_or_add_pPr().set("marL", str(indent))  # noqa: SLF001
            run = paragraph.add_run()
            run.text = text
            style_run(run, TABLE_PT, bold=row.bold or row.header)
            run.font.color.rgb = RGBColor(0, 0, 0)
            fill = HEADER_FILL if row.header else MET_FILL if row.met else "FFFFFF"
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill)
