"""The workbook and the CSV read back with openpyxl and csv: sheets, rows, frozen headers,
filters, the colour scale, and text that looks like a formula staying text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qda_app.core.analysis.quarter_matrix import quarter_matrix
from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import plan_export, run_export
from qda_app.core.project import Project

HOSTILE = {
    "paraphrase": '=HYPERLINK("http://example.org","klick")',
    "generalisation": "+49 170 1234567",
    "memo": "@SUM(A1:A9)",
}


def export(path: Path, fmt: str, out: Path, options: ExportOptions | None = None) -> Path:
    with Project.open(path) as project:
        [written] = run_export(plan_export(project, fmt, out, options or ExportOptions()))
    return written


@pytest.fixture(scope="module")
def workbook_path(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(demo_path, "xlsx", tmp_path_factory.mktemp("xlsx"))


def test_sheets_headers_filters_and_widths(demo_path: Path, workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == ["Segments", "Matrix", "Coding agenda", "Statements", "Documents"]
    segments = book["Segments"]
    header = [c.value for c in segments[1]]
    assert header[:4] == ["Coding", "Social space", "Quarter", "Document"]
    assert {"Paraphrase", "Generalisation", "Verbatim quote", "Coder", "Format"} <= set(header)
    with Project.open(demo_path) as project:
        assert segments.max_row - 1 == project.segments.count()
        assert book["Statements"].max_row - 1 == len(project.statements.list())
        assert book["Documents"].max_row - 1 == len(project.documents.list())
        matrix = quarter_matrix(project, "segments")
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width > 5
    assert segments.column_dimensions["L"].width == 70  # the coded text
    rows = list(book["Matrix"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [r.path for r in matrix.rows]
    first = matrix.rows[0]
    assert list(rows[0][2:-1]) == [
        int(matrix.value(first.category_id, c.quarter_id)) for c in matrix.columns
    ]
    rules = book["Matrix"].conditional_formatting
    assert any(rule.type == "colorScale" for entry in rules for rule in entry.rules)


def test_statements_sheet_counts_quarters_behind_cross_statements(workbook_path: Path) -> None:
    rows = list(load_workbook(workbook_path)["Statements"].iter_rows(min_row=2, values_only=True))
    cross = [r for r in rows if r[1] == "Across quarters"]
    assert cross and all(isinstance(r[10], int) and r[10] >= 1 for r in cross)
    assert all(r[10] is None for r in rows if r[1] != "Across quarters")


def test_statements_link_to_their_segment_rows(demo_path: Path, workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    sheet, segments = book["Statements"], book["Segments"]
    header = [c.value for c in sheet[1]]
    first_link = header.index("Coding 1")
    with Project.open(demo_path) as project:
        statements = {s.id: s for s in project.statements.list()}
    links = 0
    for row in sheet.iter_rows(min_row=2):
        statement = statements[row[0].value]
        cells = row[first_link : first_link + len(statement.coding_ids)]
        assert [c.value for c in cells] == list(statement.coding_ids)
        for cell, coding_id in zip(cells, statement.coding_ids, strict=True):
            link = cell.hyperlink
            assert link is not None and link.target is None  # inside the workbook
            target_sheet, target = link.location.rsplit("!", 1)
            assert target_sheet == "'Segments'" and target.startswith("A")
            assert segments[target].value == coding_id  # the row of that coding
            links += 1
    assert links == sum(len(s.coding_ids) for s in statements.values()) > 100


def test_formula_like_text_stays_text(demo_copy: Path, tmp_path: Path) -> None:
    with Project.open(demo_copy, actor="tester") as project:
        coding = project.segments.list()[0].coding_id
        project.codings.update(coding, **HOSTILE)
    book = load_workbook(export(demo_copy, "xlsx", tmp_path))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title
    segments = book["Segments"]
    header = [c.value for c in segments[1]]
    row = next(r for r in segments.iter_rows(min_row=2) if r[0].value == coding)
    for field, column in (
        ("paraphrase", "Paraphrase"),
        ("generalisation", "Generalisation"),
        ("memo", "Memo"),
    ):
        cell = row[header.index(column)]
        assert cell.value == HOSTILE[field] and cell.data_type == "s" and cell.quotePrefix
    path = export(demo_copy, "csv", tmp_path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    record = next(r for r in records if r["Coding"] == str(coding))
    assert record["Paraphrase"] == "'" + HOSTILE["paraphrase"]
    assert record["Memo"] == "'" + HOSTILE["memo"]


def test_csv_has_a_bom_and_a_semicolon_option(demo_path: Path, tmp_path: Path) -> None:
    comma = export(demo_path, "csv", tmp_path / "comma")
    assert comma.read_bytes().startswith(b"\xef\xbb\xbf")
    semicolon = export(demo_path, "csv", tmp_path / "semi", ExportOptions(semicolon=True))
    with semicolon.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    with Project.open(demo_path) as project:
        assert len(rows) - 1 == project.segments.count()
    assert rows[0][:3] == ["Coding", "Social space", "Quarter"]
    assert all(len(r) == len(rows[0]) for r in rows)


def test_chosen_quarters_and_coders_narrow_the_segments(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort").id
        keller = next(c.id for c in project.coders.list() if c.name == "Keller")
        options = ExportOptions(quarter_ids=(manfort,), coder_ids=(keller,))
        from qda_app.core.values import SegmentFilter

        expected = project.segments.count(
            SegmentFilter(quarter_ids=(manfort,), coder_ids=(keller,))
        )
    path = export(demo_path, "csv", tmp_path, options)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == expected > 0
    assert {r["Social space"] for r in records} == {"Manfort"} and {
        r["Coder"] for r in records
    } == {"Keller"}


def test_the_city_wide_level_alone_is_not_every_quarter(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        city = next(q for q in project.quarters.list() if q.kind == "city")
        on_city = [d.id for d in project.documents.list() if d.quarter_id == city.id]
        from qda_app.core.values import SegmentFilter

        expected = project.segments.count(SegmentFilter(document_ids=tuple(on_city)))
    path = export(demo_path, "csv", tmp_path, ExportOptions(quarter_ids=(city.id,)))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == expected > 0
    assert {r["Social space"] for r in records} == {"Stadtweit"}
