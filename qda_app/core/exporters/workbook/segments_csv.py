"""The segments as CSV: UTF-8 with a byte-order mark (Excel recognises the encoding),
comma or, for German Excel, semicolon; text that a spreadsheet would take for a formula is
prefixed with an apostrophe, so it opens as the text it is."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..export_options import ExportOptions
from ..spreadsheet_text import FORMULA_STARTS
from .segment_rows import segment_table

if TYPE_CHECKING:
    from ...project import Project


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
