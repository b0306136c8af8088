"""The segments as table rows, shared by the workbook and the CSV: every coding with its
document's metadata (quarter, method, date, group, participants, variables), the coded
text, paraphrase, generalisation, quote flag and coder.

The CSV is UTF-8 with a byte-order mark (Excel recognises the encoding), comma or, for German
Excel, semicolon; text a spreadsheet would take for a formula gets an apostrophe in front,
so it opens as the text it is."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...analysis.quarter_axes import column_of_quarter
from ...i18n import tr
from ...values import SegmentFilter
from ..export_options import ExportOptions
from ..spreadsheet_text import FORMULA_STARTS

if TYPE_CHECKING:
    from ...project import Project


SEGMENT_COLUMNS = (
    "coding_id",
    "social_space",
    "quarter",
    "document",
    "document_id",
    "method",
    "date",
    "group",
    "participants",
    "category",
    "tag",
    "text",
    "paraphrase",
    "generalisation",
    "quote",
    "coder",
    "memo",
    "statements",
    "start",
    "end",
)
WIDTHS = {
    "social_space": 14,
    "quarter": 28,
    "document": 36,
    "method": 16,
    "date": 11,
    "group": 16,
    "category": 40,
    "tag": 16,
    "text": 70,
    "paraphrase": 45,
    "generalisation": 40,
    "memo": 30,
    "statements": 14,
}


@dataclass(frozen=True)
class SegmentTable:
    headers: list[str]
    widths: list[int]
    rows: Iterator[list[Any]]
    variables: list[str]


def segment_filter(project: Project, options: ExportOptions) -> SegmentFilter:
    """The segments an export includes. Chosen quarters are columns: a Sozialraum with its
    statistical quarters, or the city-wide level alone (not the Sozialräume below it)."""
    documents: tuple[int, ...] = ()
    if options.quarter_ids:
        column_of = column_of_quarter(project.quarters.list())
        chosen = set(options.quarter_ids)
        documents = tuple(
            d.id
            for d in project.documents.list()
            if d.quarter_id is not None and column_of.get(d.quarter_id) in chosen
        ) or (-1,)
    return SegmentFilter(
        document_ids=documents,
        category_ids=options.category_ids,
        coder_ids=options.coder_ids,
        method_ids=options.method_ids,
    )


def segment_table(project: Project, options: ExportOptions) -> SegmentTable:
    """Headers (in the UI language, then one column per document variable) and the rows,
    read lazily in document order."""
    documents = {d.id: d for d in project.documents.list()}
    variables = [name for name, _type in project.variables.list()]
    values = project.variables.all_values()
    spaces = {q.id: q.name for q in project.quarters.list()}
    yes, no = tr("exports.sheet.yes"), tr("exports.sheet.no")

    def rows() -> Iterator[list[Any]]:
        for segment in project.segments.iter(segment_filter(project, options)):
            document = documents[segment.document_id]
            own = values.get(segment.document_id, {})
            space = spaces.get(segment.social_space_id, "") if segment.social_space_id else ""
            yield [
                segment.coding_id,
                space or (segment.quarter_path[0] if segment.quarter_path else ""),
                segment.quarter_label,
                segment.document_title,
                segment.document_id,
                segment.method,
                segment.document_date,
                document.group_label,
                document.participants,
                segment.category_label,
                segment.category_tag,
                segment.text,
                segment.paraphrase,
                segment.generalisation,
                yes if segment.is_quote else no,
                segment.coder,
                segment.memo,
                ", ".join(str(i) for i in segment.statement_ids),
                segment.start,
                segment.end,
                *[own.get(name, "") for name in variables],
            ]

    headers = [tr(f"exports.column.{c}") for c in SEGMENT_COLUMNS] + variables
    widths = [WIDTHS.get(c, 10) for c in SEGMENT_COLUMNS] + [16] * len(variables)
    return SegmentTable(headers, widths, rows(), variables)


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_segments_csv(project: Project, options: ExportOptions, path: Path) -> None:
    table = segment_table(project, options)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";" if options.semicolon else ",")
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([csv_value(v) for v in row])
