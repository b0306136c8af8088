"""The methods section, generated from the project: the instruments with dates and N, the
category system with its definitions, and how it was revised (the revision history)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...i18n import tr
from ...revision_values import CategoryChange
from ..coding_agenda import format_date
from ..export_content import QuarterContent
from .docx_tables import add_table
from .report_writer import ReportWriter

if TYPE_CHECKING:
    from ...analysis.quarter_axes import CategoryRow


def add_instruments(writer: ReportWriter, contents: Sequence[QuarterContent]) -> None:
    writer.heading(tr("exports.slide.instruments"), 2)
    rows = []
    for content in contents:
        for instrument in content.instruments:
            dates = ", ".join(format_date(d) for d in sorted(set(instrument.dates)))
            rows.append([content.quarter.name, instrument.name, dates, str(instrument.n)])
    writer.table_caption(tr("exports.report.instruments_caption"))
    header = [tr(f"exports.report.column.{c}") for c in ("quarter", "instrument", "date", "n")]
    add_table(writer.document, header, rows, widths_cm=(3.0, 6.0, 5.5, 1.5))


def add_category_system(
    writer: ReportWriter, rows: Sequence[CategoryRow], definitions: dict[int, str]
) -> None:
    writer.heading(tr("exports.slide.categories"), 2)
    writer.paragraph(tr("exports.report.categories_intro", count=len(rows)))
    for row in rows:
        paragraph = writer.bullet("")
        paragraph.paragraph_format.left_indent = None
        run = paragraph.add_run(row.name + (f" ({row.tag})" if row.tag else ""))
        run.bold = row.depth == 0
        if definitions.get(row.category_id):
            paragraph.add_run(f": {' '.join(definitions[row.category_id].split())}")
        if row.depth:
            from docx.shared import Cm

            paragraph.paragraph_format.left_indent = Cm(0.63 + 0.8 * row.depth)


def add_revisions(writer: ReportWriter, changes: Sequence[CategoryChange]) -> None:
    writer.heading(tr("exports.report.revisions"), 2)
    done = [c for c in changes if c.state == "done"]
    kinds = Counter(c.kind_label for c in done)
    summary = ", ".join(f"{label}: {count}" for label, count in kinds.most_common())
    writer.paragraph(tr("exports.report.revisions_intro", count=len(done), kinds=summary or "–"))
    if not done:
        return
    rows = [
        [
            change.local_time.strftime(tr("exports.report.time_format")),
            change.actor,
            change.kind_label,
            change.description,
        ]
        for change in reversed(done)  # oldest first
    ]
    writer.table_caption(tr("exports.report.revisions_caption"))
    header = [tr(f"agenda.history.{c}") for c in ("time", "actor", "kind", "what")]
    add_table(writer.document, header, rows, size_pt=8.0, widths_cm=(2.8, 2.4, 3.2))


def add_methods_section(
    writer: ReportWriter,
    contents: Sequence[QuarterContent],
    rows: Sequence[CategoryRow],
    definitions: dict[int, str],
    changes: Sequence[CategoryChange],
) -> None:
    writer.heading(tr("exports.report.methods"), 1)
    writer.paragraph(tr("exports.report.methods_intro"))
    add_instruments(writer, contents)
    add_category_system(writer, rows, definitions)
    add_revisions(writer, changes)
