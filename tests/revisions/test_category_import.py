"""Importing a category system from XLSX: a round trip, trees by parent or indentation, and
files with errors that import nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Alignment

from qda_app.core.exporters.coding_agenda import build_agenda
from qda_app.core.exporters.coding_agenda_xlsx import write_agenda_xlsx
from qda_app.core.importers.category_xlsx import CategoryImportError, import_category_workbook
from qda_app.core.project import Project


def workbook(path: Path, rows: list[list], indents: dict[int, int] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for row_number, indent in (indents or {}).items():
        sheet.cell(row=row_number, column=1).alignment = Alignment(indent=indent)
    book.save(path)
    return path


def test_round_trip_into_an_empty_project(project: Project, tmp_path: Path) -> None:
    with Project.create(tmp_path / "leer.qda", actor="tester") as empty_project:
        round_trip(project, empty_project, tmp_path)


def round_trip(project: Project, empty_project: Project, tmp_path: Path) -> None:
    project.categories.update(
        project.categories.find("Bedarfe/Zielgruppe").id, coding_rules="Gruppen", colour="#102030"
    )
    exported = tmp_path / "agenda.xlsx"
    write_agenda_xlsx(build_agenda(project), exported)
    result = import_category_workbook(empty_project, exported)
    assert (result.created, result.updated) == (15, 0)

    def shape(p: Project) -> list:
        paths = p.categories.paths()
        return [
            (paths[c.id], c.tag, c.colour, c.origin, c.definition, c.coding_rules)
            for c in p.categories.list()
        ]

    assert shape(empty_project) == shape(project)
    again = import_category_workbook(empty_project, exported)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 15)
    empty_project.history.undo()  # the second import changed nothing and logged nothing
    assert empty_project.categories.list() == []


def test_tree_by_indentation_or_leading_spaces(empty_project: Project, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "eingerueckt.xlsx",
        [
            ["Kategorie", "Definition", "Herkunft"],
            ["Gesundheit und Pflege", "Alles zu Gesundheit", "deduktiv"],
            ["Pflegedienste", "", ""],
            ["Parkplätze", "", "induktiv"],
            ["Wohnen", "", "D"],
            ["    Mieten", "", ""],
        ],
        indents={3: 1, 4: 2},
    )
    import_category_workbook(empty_project, path)
    paths = sorted(empty_project.categories.paths().values())
    assert paths == [
        "Gesundheit und Pflege",
        "Gesundheit und Pflege/Pflegedienste",
        "Gesundheit und Pflege/Pflegedienste/Parkplätze",
        "Wohnen",
        "Wohnen/Mieten",
    ]
    assert empty_project.categories.find("Parkplätze").origin == "inductive"


def test_parent_column_may_name_rows_below_or_existing_categories(project: Project, tmp_path):
    path = workbook(
        tmp_path / "eltern.xlsx",
        [
            ["Name", "Parent category", "Tag", "Colour"],
            ["Wohnungslosigkeit", "Wohnen", "", ""],
            ["Wohnen", "Herausforderungen und Bedarfe", "Wohnen", "00aa00"],
            ["im Hinblick auf die Zielgruppe", "Herausforderungen und Bedarfe", "ZG", ""],
        ],
    )
    result = import_category_workbook(project, path)
    assert (result.created, result.updated) == (2, 1)
    assert project.categories.find("Bedarfe/Wohnen/Wohnungslosigkeit") is not None
    assert project.categories.find("Bedarfe/Wohnen").colour == "#00aa00"
    assert project.categories.find("Bedarfe/Zielgruppe") is None  # its tag is now ZG
    assert project.categories.find("Bedarfe/ZG").name == "im Hinblick auf die Zielgruppe"


def test_a_file_with_errors_imports_nothing_and_names_each_row(project: Project, tmp_path):
    before = project.categories.list()
    log = project.history.entries()
    path = workbook(
        tmp_path / "fehler.xlsx",
        [
            ["Kategorie", "Oberkategorie", "Farbe", "Herkunft"],
            ["Gut", "", "", ""],
            ["", "Gut", "", "deduktiv"],
            ["Bunt", "", "grün", ""],
            ["Waise", "Gibt es nicht", "", ""],
            ["Herkunft", "", "", "beides"],
            ["Gut", "", "", ""],
        ],
    )
    with pytest.raises(CategoryImportError) as caught:
        import_category_workbook(project, path)
    message = str(caught.value)
    assert message.splitlines()[0].startswith("fehler.xlsx was not imported")
    assert "Row 3: the category name is missing." in message
    assert "Row 4: “#grün” is not a colour" in message
    assert "Row 6: “beides” is not an origin" in message
    assert project.categories.list() == before and project.history.entries() == log
    # once the rows are fixed, the tree problems are reported
    path = workbook(
        tmp_path / "fehler2.xlsx",
        [["Kategorie", "Oberkategorie"], ["Gut", ""], ["Waise", "Gibt es nicht"], ["Gut", ""]],
    )
    with pytest.raises(CategoryImportError) as caught:
        import_category_workbook(project, path)
    assert "Row 3: the parent category “Gibt es nicht” is neither" in str(caught.value)
    assert project.categories.list() == before


def test_a_file_that_is_no_workbook_is_refused(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.xlsx"
    bad.write_text("kein Excel")
    with pytest.raises(Exception, match="kaputt.xlsx is not a readable Excel workbook"):
        import_category_workbook(project, bad)
    no_header = workbook(tmp_path / "ohne.xlsx", [["Irgendwas", "Definition"], ["A", "B"]])
    with pytest.raises(Exception, match="no column “Category”"):
        import_category_workbook(project, no_header)
