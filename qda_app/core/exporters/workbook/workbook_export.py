"""The workbook: segments, the matrix (with a colour scale), the coding agenda, the
statements with their links, and the documents; one sheet each."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...analysis.quarter_axes import column_of_quarter
from ...analysis.quarter_matrix import MatrixOptions, quarter_matrix
from ...analysis.statement_support import statement_support
from ...i18n import tr
from ..agenda_columns import XLSX_COLUMNS, header
from ..coding_agenda import build_agenda
from ..coding_agenda_xlsx import WIDTHS as AGENDA_WIDTHS
from ..coding_agenda_xlsx import agenda_values
from ..export_cancel import ExportCancelled, checkpoint
from ..export_content import chosen_rows
from ..export_options import ExportOptions
from .segment_rows import segment_table
from .sheet_writer import Link, SheetStyles, place, write_sheet

if TYPE_CHECKING:
    from ...project import Project


def _segments_sheet(
    workbook: Any, project: Project, options: ExportOptions, styles: SheetStyles
) -> dict[int, int]:
    """Writes the segments; returns the sheet row of each coding id (for the links)."""
    table = segment_table(project, options)
    row_of: dict[int, int] = {}

    def numbered() -> Iterator[list[Any]]:
        for index, row in enumerate(table.rows):
            row_of[int(row[0])] = index + 2  # under the header row
            yield row

    wrapped = [
        table.headers.index(tr(f"exports.column.{c}"))
        for c in ("text", "paraphrase", "generalisation")
    ]
    write_sheet(
        workbook,
        tr("exports.sheet.segments"),
        table.headers,
        table.widths,
        numbered(),
        styles,
        wrapped=wrapped,
    )
    return row_of


def _matrix_sheet(
    workbook: Any, project: Project, options: ExportOptions, styles: SheetStyles
) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    spaces = {q.id for q in project.quarters.list() if q.kind == "social_space"}
    shown = tuple(q for q in options.quarter_ids if q in spaces)
    matrix = quarter_matrix(
        project,
        "segments",
        MatrixOptions(
            method_ids=options.method_ids, coder_ids=options.coder_ids, quarter_ids=shown
        ),
    )
    wanted = {r.category_id for r in chosen_rows(project, options)}
    rows = [r for r in matrix.rows if r.category_id in wanted]
    headers = [
        tr("exports.report.category"),
        tr("exports.column.tag"),
        *[c.name for c in matrix.columns],
        "Σ",
    ]
    values = [
        [
            row.path,
            row.tag,
            *[int(matrix.value(row.category_id, c.quarter_id)) for c in matrix.columns],
            int(matrix.row_totals[row.category_id]),
        ]
        for row in rows
    ]
    bold = [n for n, row in enumerate(rows) if row.depth == 0]
    widths = [50, 16, *[14] * len(matrix.columns), 10]
    sheet, count = write_sheet(
        workbook, tr("exports.sheet.matrix"), headers, widths, values, styles, bold_rows=bold
    )
    if count:
        first, last = get_column_letter(3), get_column_letter(2 + len(matrix.columns))
        sheet.conditional_formatting.add(
            f"{first}2:{last}{count + 1}",
            ColorScaleRule(
                start_type="min", start_color="FFFFFF", end_type="max", end_color="4F81BD"
            ),
        )


def _agenda_sheet(workbook: Any, project: Project, styles: SheetStyles) -> None:
    agenda = build_agenda(project)
    rows = [[agenda_values(entry)[c] for c in XLSX_COLUMNS] for entry in agenda.entries]
    bold = [n for n, entry in enumerate(agenda.entries) if entry.level == 0]
    write_sheet(
        workbook,
        tr("agenda.sheet"),
        [header(c) for c in XLSX_COLUMNS],
        [AGENDA_WIDTHS[c] for c in XLSX_COLUMNS],
        rows,
        styles,
        wrapped=[XLSX_COLUMNS.index(c) for c in ("definition", "anchor", "rules")],
        bold_rows=bold,
    )


STATEMENT_COLUMNS = (
    "id",
    "quarter",
    "category",
    "position",
    "text",
    "quote",
    "codings",
    "count",
    "sources",
    "generalised_by",
    "quarters_behind",
)
STATEMENT_WIDTHS = (7, 18, 45, 8, 70, 8, 24, 8, 24, 14, 12)


def _statements_sheet(
    workbook: Any,
    project: Project,
    options: ExportOptions,
    styles: SheetStyles,
    segment_rows: dict[int, int],
) -> None:
    """A row per statement; after its columns, each linked coding as a link to its row on
    the Segments sheet (a coding the export leaves out is named without a link)."""
    quarters = {q.id: q.name for q in project.quarters.list()}
    paths = project.categories.paths()
    wanted = {r.category_id for r in chosen_rows(project, options)}
    statements = [s for s in project.statements.list() if s.category_id in wanted]
    if options.quarter_ids:
        chosen = set(options.quarter_ids)
        column_of = column_of_quarter(project.quarters.list())
        statements = [
            s for s in statements if s.quarter_id is None or column_of.get(s.quarter_id) in chosen
        ]
    support = statement_support(project, statements)
    yes, no = tr("exports.sheet.yes"), tr("exports.sheet.no")

    def ids(values: tuple[int, ...]) -> str:
        return ", ".join(str(v) for v in values)

    segments = tr("exports.sheet.segments")

    def links(coding_ids: tuple[int, ...]) -> list[Link | int]:
        return [
            Link(i, place(segments, segment_rows[i])) if i in segment_rows else i
            for i in coding_ids
        ]

    most = max((len(s.coding_ids) for s in statements), default=0)

    rows = [
        [
            s.id,
            quarters.get(s.quarter_id, "") if s.quarter_id else tr("exports.slide.cross_kicker"),
            paths.get(s.category_id, ""),
            s.position + 1,
            s.text,
            yes if s.contains_quote else no,
            ids(s.coding_ids),
            len(s.coding_ids),
            ids(s.source_ids),
            ids(s.generalised_by),
            support[s.id].count if s.id in support else None,
            *links(s.coding_ids),
        ]
        for s in statements
    ]
    headers = [tr(f"exports.statement_column.{c}") for c in STATEMENT_COLUMNS] + [
        tr("exports.statement_column.segment_link", number=n) for n in range(1, most + 1)
    ]
    write_sheet(
        workbook,
        tr("exports.sheet.statements"),
        headers,
        [*STATEMENT_WIDTHS, *[12] * most],
        rows,
        styles,
        wrapped=[4],
    )


DOCUMENT_COLUMNS = (
    "id",
    "title",
    "quarter",
    "method",
    "date",
    "group",
    "participants",
    "moderator",
    "file",
    "length",
)
DOCUMENT_WIDTHS = (6, 45, 28, 16, 11, 18, 10, 18, 30, 10)


def _documents_sheet(workbook: Any, project: Project, styles: SheetStyles) -> None:
    quarters = {q.id: q.label for q in project.quarters.list()}
    methods = {m.id: m.name for m in project.methods.list()}
    variables = [name for name, _type in project.variables.list()]
    values = project.variables.all_values()
    rows = [
        [
            d.id,
            d.title,
            quarters.get(d.quarter_id, "") if d.quarter_id else "",
            methods.get(d.method_id, "") if d.method_id else "",
            d.date,
            d.group_label,
            d.participants,
            d.moderator,
            d.source_filename,
            d.length,
            *[values.get(d.id, {}).get(name, "") for name in variables],
        ]
        for d in project.documents.list()
    ]
    headers = [tr(f"exports.document_column.{c}") for c in DOCUMENT_COLUMNS] + variables
    write_sheet(
        workbook,
        tr("exports.sheet.documents"),
        headers,
        list(DOCUMENT_WIDTHS) + [16] * len(variables),
        rows,
        styles,
    )


def write_workbook(project: Project, options: ExportOptions, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    styles = SheetStyles()
    try:
        checkpoint()
        segment_rows = _segments_sheet(workbook, project, options, styles)
        checkpoint()
        _matrix_sheet(workbook, project, options, styles)
        checkpoint()
        _agenda_sheet(workbook, project, styles)
        checkpoint()
        _statements_sheet(workbook, project, options, styles, segment_rows)
        checkpoint()
        _documents_sheet(workbook, project, styles)
        checkpoint()
    except ExportCancelled:
        _discard(workbook)
        raise
    workbook.save(str(path))


def _discard(workbook: Any) -> None:
    """A cancelled workbook: close its sheets' writers and remove their temporary files."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):  # a sheet stopped half-way may refuse to close
            sheet.close()
        out = getattr(getattr(sheet, "_writer", None), "out", None)
        if out:
            with contextlib.suppress(OSError):
                os.remove(out)
