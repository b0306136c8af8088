"""The coding agenda as DOCX and XLSX, read back cell by cell; the history as XLSX."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from docx import Document
from revisions.revision_support import category_id

from qda_app.core import i18n
from qda_app.core.exporters.coding_agenda import build_agenda
from qda_app.core.exporters.coding_agenda_docx import write_agenda_docx
from qda_app.core.exporters.coding_agenda_xlsx import write_agenda_xlsx, write_history_xlsx
from qda_app.core.project import Project


def test_docx_has_one_table_per_top_level_category(demo: Project, tmp_path: Path) -> None:
    i18n.set_language("de")
    group = category_id(demo, "Bedarfe/Zielgruppe")
    demo.categories.update(
        group, coding_rules="Nur wenn eine Gruppe genannt ist.\nSonst: Sozialraum."
    )
    (anchor,) = demo.categories.anchors(group)
    segment = demo.segments.get(anchor.coding_id)
    demo.categories.merge(category_id(demo, "Bedarfe/Sozialraum"), group)
    target = tmp_path / "leitfaden.docx"
    agenda = build_agenda(demo)
    write_agenda_docx(agenda, target, demo.category_history.changes())

    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        "Herausforderungen und Bedarfe",
        "Ressourcen und Möglichkeiten",
        "Empfehlungen und Leerstellen",
    ]
    assert headings[-1] == "Entwicklung des Kategoriensystems"
    agenda_tables, history = document.tables[:3], document.tables[3]
    for table in agenda_tables:
        assert [c.text for c in table.rows[0].cells] == [
            "Kategorie",
            "Definition",
            "Ankerbeispiel",
            "Kodierregel",
        ]
    needs = agenda_tables[0]
    assert len(needs.rows) == 1 + 1 + 3  # header, top level, three subcategories after the merge
    row = next(
        r for r in needs.rows if r.cells[0].text.startswith("im Hinblick auf die Zielgruppe")
    )
    category_cell, definition, anchor_cell, rules = (c.text for c in row.cells)
    assert "Zielgruppe" in category_cell and "induktiv" in category_cell
    assert definition == demo.categories.get(group).definition
    flat = " ".join(segment.text.split())
    assert f"„{flat}“" in anchor_cell and segment.document_title in anchor_cell
    assert anchor_cell.count("„") == 2  # the merged category's anchor came along
    # the merged category's rule was appended as its own paragraph
    assert rules.startswith("Nur wenn eine Gruppe genannt ist.\nSonst: Sozialraum.\n\nKodieren")
    last = history.rows[-1].cells
    assert last[1].text == "Keller" and last[2].text == "zusammengeführt"
    assert "zusammenführen" in last[3].text


def test_xlsx_has_one_row_per_category_in_the_import_columns(demo: Project, tmp_path: Path):
    i18n.set_language("de")
    place = category_id(demo, "Bedarfe/Sozialraum")
    demo.categories.update(place, definition="=SUMME(A1:A3)", coding_rules="-nur Orte", tag="@Ort")
    target = tmp_path / "leitfaden.xlsx"
    write_agenda_xlsx(build_agenda(demo), target)

    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Kategorie",
        "Oberkategorie",
        "Kürzel",
        "Farbe",
        "Herkunft",
        "Definition",
        "Ankerbeispiel",
        "Kodierregel",
    )
    categories = demo.categories.list()
    assert len(rows) == 1 + len(categories)
    by_name = {}
    for row_number, category in enumerate(categories, start=2):
        cells = [sheet.cell(row=row_number, column=c) for c in range(1, 9)]
        assert cells[0].value == category.name
        assert cells[2].value == category.tag and cells[3].value == category.colour
        assert cells[4].value == ("deduktiv" if category.origin == "deductive" else "induktiv")
        assert (cells[5].value or "") == category.definition
        by_name[(category.parent_id, category.name)] = cells
    place_cells = by_name[(category_id(demo, "Bedarfe"), "im Hinblick auf den Sozialraum")]
    assert place_cells[1].value == "Herausforderungen und Bedarfe"
    assert place_cells[0].alignment.indent == 1
    for cell in (place_cells[5], place_cells[7], place_cells[2]):
        assert cell.data_type == "s" and cell.quotePrefix  # text, never a formula
    assert place_cells[5].value == "=SUMME(A1:A3)"
    assert place_cells[6].value.startswith("„")


def test_history_xlsx_lists_changes_oldest_first(demo: Project, tmp_path: Path) -> None:
    demo.categories.merge(
        category_id(demo, "Bedarfe/Sozialraum"), category_id(demo, "Bedarfe/Zielgruppe")
    )
    demo.history.undo()
    target = tmp_path / "verlauf.xlsx"
    write_history_xlsx(demo.category_history.changes(), target)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("Time", "Coder", "Kind", "Change", "Categories", "State")
    assert rows[1][2] == "imported"
    merge, undo = rows[-2], rows[-1]
    assert merge[2] == "merged" and merge[5] == "undone"
    assert "im Hinblick auf den Sozialraum" in merge[4]
    assert undo[2] == "undone" and undo[3].startswith("Undo")
