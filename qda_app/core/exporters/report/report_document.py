"""The Word report: title, table of contents, a chapter per quarter, the cross-quarter
chapter, the methods section and (optionally) the appendix of all segments; A4, page
numbers in the footer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ...i18n import tr
from ..coding_agenda import format_date
from ..cross_content import CrossContent
from ..export_cancel import checkpoint
from ..export_content import QuarterContent, chosen_rows
from ..export_options import ExportOptions
from ..workbook.segment_rows import segment_filter
from .cross_chapter import add_cross_chapter
from .docx_tables import add_table
from .methods_section import add_methods_section
from .quarter_chapter import add_quarter_chapter
from .report_writer import ReportWriter, add_page_numbers, add_toc

if TYPE_CHECKING:
    from ...project import Project


def build_report(
    project: Project,
    contents: Sequence[QuarterContent],
    cross: CrossContent | None,
    options: ExportOptions,
) -> ReportWriter:
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = project.details.get().name
    writer = ReportWriter(document)
    document.add_paragraph(project.details.get().name, style="Title")
    document.add_paragraph(
        tr("exports.report.subtitle", date=format_date(date.today())), style="Subtitle"
    )
    document.add_paragraph(tr("exports.report.contents"), style="TOC Heading")
    marker = document.add_paragraph()
    for content in contents:
        checkpoint()
        add_quarter_chapter(writer, content, options)
    checkpoint()
    if cross is not None:
        add_cross_chapter(writer, cross)
        checkpoint()
    rows = chosen_rows(project, options)
    definitions = {c.id: c.definition for c in project.categories.list()}
    add_methods_section(writer, contents, rows, definitions, project.category_history.changes())
    checkpoint()
    if options.appendix:
        add_appendix(writer, project, options)
    _insert_toc(writer, marker)
    add_page_numbers(section)
    return writer


def _insert_toc(writer: ReportWriter, marker: object) -> None:
    """The TOC is built last (when all headings are known) and moved under its heading."""
    anchor = marker._p  # type: ignore[attr-defined]
    for paragraph in add_toc(writer.document, writer.headings):
        anchor.addnext(paragraph._p)
        anchor = paragraph._p


def write_report(
    project: Project,
    contents: Sequence[QuarterContent],
    cross: CrossContent | None,
    options: ExportOptions,
    path: Path,
) -> None:
    build_report(project, contents, cross, options).document.save(str(path))


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
