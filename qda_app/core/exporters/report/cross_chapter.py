"""The cross-quarter chapter: the matrix as a table, the categories that meet the k-of-n
rule, and the cross-quarter statements with the number of quarters behind each."""

from __future__ import annotations

from ...analysis.charts import heatmap, measure_label, value_text
from ...i18n import tr
from ..cross_content import CrossContent
from ..slides.quarter_deck import content_title
from .docx_tables import add_table
from .report_writer import ReportWriter

MET_FILL = "E2EFDA"
FIGURE_SIZE = (9.0, 6.0)  # inches, drawn for the page width


def add_matrix_table(writer: ReportWriter, content: CrossContent) -> None:
    matrix = content.matrix
    header = [tr("exports.report.category"), *[c.name for c in matrix.columns], "Σ"]
    rows, bold, fills = [], [], {}
    for index, row in enumerate(content.rows):
        values = [
            value_text(matrix.value(row.category_id, c.quarter_id), matrix.measure)
            for c in matrix.columns
        ]
        name = row.name if row.depth == 0 else "    " * row.depth + row.label
        rows.append(
            [name, *values, value_text(float(matrix.row_totals[row.category_id]), matrix.measure)]
        )
        if row.depth == 0:
            bold.append(index)
        if content.rule.meets(row.category_id):
            fills[(index, 0)] = MET_FILL
    writer.table_caption(tr("exports.report.matrix_caption", measure=measure_label(matrix.measure)))
    add_table(
        writer.document, header, rows, bold_rows=bold, fills=fills, size_pt=8.5, widths_cm=(4.6,)
    )
    writer.paragraph(tr("exports.report.matrix_note", rule=content.rule_text))


def add_heatmap(writer: ReportWriter, content: CrossContent) -> None:
    """The matrix as a heatmap (top-level categories and subcategories), full text width."""
    import io

    from docx.shared import Cm

    picture = heatmap(content.matrix, rule=content.rule, size=FIGURE_SIZE)
    writer.document.add_picture(io.BytesIO(picture), width=Cm(16))
    writer.figure_caption(tr("exports.report.heatmap_caption"))


def add_cross_chapter(writer: ReportWriter, content: CrossContent) -> None:
    writer.heading(tr("exports.report.cross_chapter"), 1)
    writer.paragraph(tr("exports.report.cross_intro", k=content.rule.k, n=content.rule.n))
    add_matrix_table(writer, content)
    add_heatmap(writer, content)
    writer.heading(content.rule_text, 2)
    by_id = {r.category_id: r for r in content.rows}
    met = content.met_rows()
    for row in met:
        name = row.name if row.depth == 0 else content_title(by_id[row.top_id], row)
        count = content.rule.count(row.category_id)
        writer.bullet(tr("exports.slide.met_line", name=name, count=count, n=content.rule.n))
    if not met:
        writer.paragraph(tr("exports.slide.none_met"))
    shown_tops: set[int] = set()
    for section in content.sections:
        if not section.statements:
            continue
        top = by_id[section.row.top_id]
        if top.category_id not in shown_tops:
            shown_tops.add(top.category_id)
            writer.heading(top.name, 2)
        if section.row.depth > 0:
            writer.heading(section.row.name, 3)
        for item in section.statements:
            writer.bullet(f"{' '.join(item.statement.text.split())} ({item.count_text})")
