"""The segment list as the retrieval shows it, written to XLSX or DOCX.

Columns: coded words, context before and after, category path, document, quarter, date,
method, coder, verbatim quote, memo, paraphrase, generalisation. Only segments read through
`project.segments` go in; spreadsheet cells never turn text into formulas.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..i18n import tr
from ..values import Segment
from .spreadsheet_text import put_text

COLUMNS = (
    "text",
    "context_before",
    "context_after",
    "category",
    "document",
    "quarter",
    "date",
    "method",
    "coder",
    "quote",
    "memo",
    "paraphrase",
    "generalisation",
)


def segment_row(segment: Segment) -> list[object]:
    return [
        segment.text,
        segment.context_before,
        segment.context_after,
        " / ".join(segment.category_path),
        segment.document_title,
        segment.quarter_label,
        segment.document_date.isoformat() if segment.document_date else "",
        segment.method,
        segment.coder,
        tr("segments.yes") if segment.is_quote else "",
        segment.memo,
        segment.paraphrase,
        segment.generalisation,
    ]


def write_segments_xlsx(segments: Sequence[Segment], path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = tr("segments.sheet")
    for column, key in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=column)
        put_text(cell, tr(f"segments.column.{key}"))
        cell.font = Font(bold=True)
    for row, segment in enumerate(segments, start=2):
        for column, value in enumerate(segment_row(segment), start=1):
            cell = sheet.cell(row=row, column=column)
            put_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (60, 25, 25, 40, 30, 25, 12, 18, 16, 10, 30, 30, 30)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = width
    sheet.freeze_panes = "A2"
    workbook.save(os.fspath(path))


def write_segments_docx(
    segments: Sequence[Segment], path: str | os.PathLike[str], heading: str = ""
) -> None:
    """One entry per segment: its source line, then the coded words (quoted), then notes."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    title = heading or tr("segments.title")
    document.core_properties.title = title
    document.add_heading(title, level=1)
    document.add_paragraph(tr("segments.count", count=len(segments)))
    grey = RGBColor(0x59, 0x59, 0x59)
    for segment in segments:
        source = " · ".join(
            part
            for part in (
                " / ".join(segment.category_path),
                segment.document_title,
                segment.quarter_label,
                segment.document_date.isoformat() if segment.document_date else "",
                segment.coder,
            )
            if part
        )
        line = document.add_paragraph()
        run = line.add_run(source)
        run.bold = True
        run.font.size = Pt(9)
        words = document.add_paragraph()
        before = words.add_run(f"…{segment.context_before}" if segment.context_before else "")
        before.font.color.rgb = grey
        words.add_run(segment.text).bold = False
        after = words.add_run(f"{segment.context_after}…" if segment.context_after else "")
        after.font.color.rgb = grey
        for key in ("paraphrase", "generalisation", "memo"):
            value = getattr(segment, key)
            if value:
                note = document.add_paragraph()
                note.add_run(f"{tr(f'segments.column.{key}')}: ").italic = True
                note.add_run(value)
    document.save(os.fspath(path))
