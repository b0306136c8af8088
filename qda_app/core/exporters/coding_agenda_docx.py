"""The coding agenda as a Word document: one table per top-level category.

Columns: category, definition, anchor example (the coded words with their source), coding
rules; the header row repeats on every page. Optionally the revision history follows as a
last section, oldest change first, as a methods chapter reports it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..i18n import tr
from ..revision_values import CategoryChange
from .coding_agenda import AgendaEntry, CodingAgenda, format_date
from .docx_parts import landscape_document, repeat_header_row, shade_cell

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell

AGENDA_WIDTHS_CM = (4.6, 6.6, 8.8, 5.7)
HISTORY_WIDTHS_CM = (3.2, 3.0, 4.2, 15.3)
HEADER_FILL = "D9E2F3"


def write_agenda_docx(
    agenda: CodingAgenda,
    path: str | os.PathLike[str],
    history: Sequence[CategoryChange] | None = None,
) -> None:
    """Write the agenda (and the history, if given: newest first as the service lists it)."""
    document = landscape_document(tr("agenda.title"), margin_cm=2.0, font_pt=10)
    intro = tr(
        "agenda.intro",
        project=agenda.project_name,
        date=format_date(agenda.made_on),
        count=len(agenda.entries),
    )
    document.add_paragraph(intro)
    for top, entries in agenda.sections():
        document.add_heading(top.category.name, level=1)
        facts = [top.category.tag, top.origin_label]
        document.add_paragraph(" · ".join(fact for fact in facts if fact))
        _agenda_table(document, entries)
    if history is not None:
        _history_section(document, history)
    document.save(os.fspath(path))


def _agenda_table(document: DocxDocument, entries: list[AgendaEntry]) -> None:
    columns = ("category", "definition", "anchor", "rules")
    table = _table(document, [tr(f"agenda.column.{c}") for c in columns], AGENDA_WIDTHS_CM)
    for entry in entries:
        cells = table.add_row().cells
        _category_cell(cells[0], entry)
        _text_cell(cells[1], entry.category.definition)
        _anchor_cell(cells[2], entry)
        _text_cell(cells[3], entry.category.coding_rules)
    _fix_widths(table, AGENDA_WIDTHS_CM)


def _history_section(document: DocxDocument, history: Sequence[CategoryChange]) -> None:
    document.add_heading(tr("agenda.history_title"), level=1)
    document.add_paragraph(tr("agenda.history_intro"))
    headers = [tr(f"agenda.history.{c}") for c in ("time", "actor", "kind", "what")]
    table = _table(document, headers, HISTORY_WIDTHS_CM)
    for change in reversed(history):
        cells = table.add_row().cells
        _text_cell(cells[0], change.local_time.strftime(tr("agenda.time_format")))
        _text_cell(cells[1], change.actor)
        _text_cell(cells[2], change.kind_label)
        what = change.description
        if change.marks is None and not change.in_effect:
            what = f"{what} ({tr('agenda.history.not_in_effect')})"
        _text_cell(cells[3], what)
    _fix_widths(table, HISTORY_WIDTHS_CM)


def _table(document: DocxDocument, headers: list[str], widths: tuple[float, ...]) -> Table:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    row = table.rows[0]
    repeat_header_row(row)
    for cell, text in zip(row.cells, headers, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shade_cell(cell, HEADER_FILL)
    return table


def _fix_widths(table: Table, widths: tuple[float, ...]) -> None:
    from docx.shared import Cm

    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)  # each cell, which Word follows


def _text_cell(cell: _Cell, text: str) -> None:
    """Paragraphs of `text` in a cell (line breaks kept)."""
    paragraphs = (text or "").strip().split("\n") or [""]
    cell.paragraphs[0].add_run(paragraphs[0])
    for line in paragraphs[1:]:
        cell.add_paragraph(line)


def _category_cell(cell: _Cell, entry: AgendaEntry) -> None:
    from docx.shared import Cm

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.left_indent = Cm(0.4 * entry.level)
    run = paragraph.add_run(entry.category.name)
    run.bold = entry.level == 0
    facts = [entry.category.tag, entry.origin_label]
    note = cell.add_paragraph()
    note.paragraph_format.left_indent = Cm(0.4 * entry.level)
    small = note.add_run(" · ".join(fact for fact in facts if fact))
    small.italic = True


def _anchor_cell(cell: _Cell, entry: AgendaEntry) -> None:
    from docx.shared import Pt

    if not entry.anchors:
        cell.paragraphs[0].add_run("—")
        return
    paragraph = cell.paragraphs[0]
    for number, anchor in enumerate(entry.anchors):
        if number:
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(6)
        paragraph.add_run(anchor.quoted)
        source = cell.add_paragraph().add_run(anchor.source)
        source.italic = True
        source.font.size = Pt(8)
