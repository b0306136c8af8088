"""The workshop worksheet: exported from the demo, filled in with openpyxl, imported back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from qda_app.core.exporters.planning_worksheet import worksheet_for
from qda_app.core.exporters.planning_worksheet_docx import write_worksheet_docx
from qda_app.core.exporters.planning_worksheet_import import (
    WorksheetError,
    apply_worksheet,
    read_worksheet,
)
from qda_app.core.exporters.planning_worksheet_xlsx import write_worksheet_xlsx
from qda_app.core.project import Project


def snapshot(project: Project) -> tuple:
    return (
        [(m.id, m.goal_id, m.text) for m in project.planning.missing()],
        [
            (m.id, m.text, m.responsible, m.time_frame, m.priority, m.status)
            for m in project.planning.measures()
        ],
    )


def entry_rows(sheet, goal_id: int) -> list[int]:
    return [
        row[0].row
        for row in sheet.iter_rows()
        if row[0].value == "entry" and row[1].value == goal_id
    ]


def export(demo: Project, tmp_path: Path, quarter: str = "Manfort") -> Path:
    path = tmp_path / f"{quarter}.xlsx"
    write_worksheet_xlsx(worksheet_for(demo, quarter), path)
    return path


def test_the_worksheet_prints_the_findings_and_hides_the_ids(demo: Project, tmp_path) -> None:
    path = export(demo, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["Manfort"]
    assert workbook["qda"].sheet_state == "hidden"
    assert all(sheet.column_dimensions[c].hidden for c in "ABCD")
    texts = [str(c.value) for row in sheet.iter_rows(min_col=5, max_col=5) for c in row if c.value]
    raum = demo.goals.find("RAUM")
    assert raum is not None
    assert any("Plätze mit Bänken" in t for t in texts)  # a linked Manfort finding
    assert "Was fehlt" in " ".join(texts) or "What is missing" in " ".join(texts)
    assert "Ein überdachter Platz mit Bänken, Schatten und einer Toilette" in texts
    headers = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "header")[4:10]]
    assert headers == [
        "What is missing here to reach the goal?",
        "Measure",
        "Responsible",
        "Time frame",
        "Priority",
        "Status",
    ]


def test_a_filled_in_worksheet_applies_exactly_and_undoes_as_one(demo: Project, tmp_path) -> None:
    path = export(demo, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["Manfort"]
    raum = demo.goals.find("RAUM")
    teilhabe = demo.goals.find("TEILHABE")
    assert raum is not None and teilhabe is not None
    before = snapshot(demo)
    existing = demo.planning.measures(demo.quarters.find("Manfort").id, raum.id)[0]
    rows = entry_rows(sheet, raum.id)
    first_blank = next(
        r for r in rows if sheet.cell(r, 3).value is None and sheet.cell(r, 4).value is None
    )
    # a formula-looking cell: openpyxl stores it as a formula, the import reads it as text
    sheet.cell(first_blank, 5).value = "=Bänke+Schatten"
    sheet.cell(first_blank, 6).value = "Trinkbrunnen am Platz"
    sheet.cell(first_blank, 7).value = "Stadtwerke"
    sheet.cell(first_blank, 8).value = "2023"
    sheet.cell(first_blank, 9).value = "hoch"
    measure_row = next(r for r in rows if sheet.cell(r, 4).value == existing.id)
    sheet.cell(measure_row, 10).value = "läuft"
    blank_teilhabe = entry_rows(sheet, teilhabe.id)[0]
    sheet.cell(blank_teilhabe, 5).value = "Mehrsprachige Beratung ohne Termin"
    workbook.save(path)

    preview = read_worksheet(demo, path)
    assert [c.kind for c in preview.changes] == [  # in the order of the rows
        "new_missing",  # Teilhabe comes before Raum
        "changed_measure",
        "new_missing",
        "new_measure",
    ]
    assert len(preview.describe()) == 4
    assert demo.planning.missing(preview.quarter_id, raum.id)[-1].text != "=Bänke+Schatten"
    assert apply_worksheet(demo, preview) == 4
    manfort = preview.quarter_id
    assert demo.planning.missing(manfort, raum.id)[-1].text == "=Bänke+Schatten"
    assert demo.planning.missing(manfort, teilhabe.id)[-1].text == (
        "Mehrsprachige Beratung ohne Termin"
    )
    new = demo.planning.measures(manfort, raum.id)[-1]
    assert (new.text, new.responsible, new.time_frame, new.priority, new.status) == (
        "Trinkbrunnen am Platz",
        "Stadtwerke",
        "2023",
        "high",
        "proposed",
    )
    assert demo.planning.measure(existing.id).status == "running"
    assert [h.status for h in demo.planning.measure(existing.id).history][-1] == "running"
    # the formula-looking text stays text when exported again
    again = load_workbook(export(demo, tmp_path))["Manfort"]
    cell = next(
        c
        for row in again.iter_rows(min_col=5, max_col=5)
        for c in row
        if c.value == "=Bänke+Schatten"
    )
    assert cell.data_type == "s"
    demo.history.undo()
    assert snapshot(demo) == before


def test_a_malformed_row_is_named_and_nothing_is_applied(demo: Project, tmp_path) -> None:
    path = export(demo, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["Manfort"]
    raum = demo.goals.find("RAUM")
    assert raum is not None
    rows = entry_rows(sheet, raum.id)
    sheet.cell(rows[-1], 5).value = "Ein guter Eintrag"
    sheet.cell(rows[-2], 6).value = "Eine Maßnahme"
    sheet.cell(rows[-2], 10).value = "irgendwann"  # no status
    workbook.save(path)
    before = snapshot(demo)
    entries = len(demo.history.entries())
    with pytest.raises(WorksheetError) as raised:
        read_worksheet(demo, path)
    assert f"sheet “Manfort”, row {rows[-2]}" in str(raised.value)
    assert "irgendwann" in str(raised.value)
    assert snapshot(demo) == before
    assert len(demo.history.entries()) == entries


def test_a_workbook_from_elsewhere_is_refused(demo: Project, tmp_path) -> None:
    other = tmp_path / "other.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    with pytest.raises(WorksheetError, match="not a worksheet exported"):
        read_worksheet(demo, other)
    broken = tmp_path / "broken.xlsx"
    broken.write_text("no zip")
    with pytest.raises(WorksheetError, match="not a readable XLSX"):
        read_worksheet(demo, broken)


def test_the_docx_worksheet_has_one_block_per_goal(demo: Project, tmp_path) -> None:
    path = tmp_path / "Rheindorf.docx"
    write_worksheet_docx(worksheet_for(demo, "Rheindorf"), path)
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 5 and headings[3].startswith("Öffentlichen Raum")
    assert len(document.tables) == 5
    header = [c.text for c in document.tables[3].rows[0].cells]
    assert header == [
        "What is missing here to reach the goal?",
        "Measure",
        "Responsible",
        "Time frame",
    ]
    cells = [c.text for row in document.tables[3].rows for c in row.cells]
    assert "Bolzplatz wieder öffnen, Flutlicht und Bank aufstellen" in cells
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Bolzplatz wieder öffnen und mit Bank und Licht ausstatten" in bullets


def test_a_changed_entry_is_changed_and_a_foreign_id_is_refused(demo: Project, tmp_path) -> None:
    path = export(demo, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook["Manfort"]
    netz = demo.goals.find("NETZ")
    assert netz is not None
    row = next(r for r in entry_rows(sheet, netz.id) if sheet.cell(r, 3).value is not None)
    sheet.cell(row, 5).value = "Ein fester Raum für die Sozialraum-AG im Bürgerhaus"
    sheet.cell(row, 8).value = "ab sofort"
    workbook.save(path)
    preview = read_worksheet(demo, path)
    assert [(c.kind, c.row) for c in preview.changes] == [
        ("changed_missing", row),
        ("changed_measure", row),
    ]
    assert preview.changes[1].fields == {"time_frame": "ab sofort"}
    apply_worksheet(demo, preview)
    entry = demo.planning.missing(preview.quarter_id, netz.id)[0]
    assert entry.text == "Ein fester Raum für die Sozialraum-AG im Bürgerhaus"

    rheindorf_measure = demo.planning.measures(demo.quarters.find("Rheindorf").id)[0]
    sheet.cell(row, 4).value = rheindorf_measure.id  # a measure of another Sozialraum
    sheet.cell(row + 1, 2).value = "zwölf"  # not a goal id
    workbook.save(path)
    with pytest.raises(WorksheetError) as raised:
        read_worksheet(demo, path)
    message = str(raised.value)
    assert f"row {row}: measure #{rheindorf_measure.id} does not belong" in message
    assert f"row {row + 1}: “zwölf” is not a valid number in a hidden column" in message
