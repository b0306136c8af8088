"""The optional appendix: every segment of the chosen material, quarter by quarter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import tr
from ..export_options import ExportOptions
from ..workbook.segment_rows import segment_filter
from .docx_tables import add_table
from .report_writer import ReportWriter

if TYPE_CHECKING:
    from ...project import Project


def add_appendix(writer: ReportWriter, project: Project, options: ExportOptions) -> None:
    writer.heading(tr("exports.report.appendix"), 1)
    where = segment_filter(project, options)
    rows = [
        [
            segment.quarter_label,
            segment.document_title,
            segment.category_label,
            " ".join(segment.text.split()),
            segment.coder,
        ]
        for segment in project.segments.iter(where)
    ]
    writer.table_caption(tr("exports.report.appendix_caption", count=len(rows)))
    header = [
        tr(f"exports.report.column.{c}")
        for c in ("quarter", "document", "category", "text", "coder")
    ]
    add_table(writer.document, header, rows, size_pt=8.0, widths_cm=(2.6, 3.0, 3.0, 5.6, 1.8))
