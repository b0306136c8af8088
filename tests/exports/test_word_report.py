"""The Word report read back with python-docx: chapters, headings, quotes, tables, fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from qda_app.core.analysis.quarter_matrix import MatrixOptions, quarter_matrix
from qda_app.core.exporters.export_content import quote_text
from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import plan_export, run_export
from qda_app.core.project import Project
from qda_app.core.values import SegmentFilter


def export_report(path: Path, out: Path, options: ExportOptions) -> Path:
    with Project.open(path) as project:
        [written] = run_export(plan_export(project, "docx", out, options))
    return written


@pytest.fixture(scope="module")
def report(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    with Project.open(demo_path) as project:
        chosen = tuple(project.quarters.find(n).id for n in ("Manfort", "Opladen"))
    options = ExportOptions(quarter_ids=chosen, cross=True, appendix=True, sources=True)
    return export_report(demo_path, tmp_path_factory.mktemp("report"), options)


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_chapters_in_order_with_word_heading_styles(demo_path: Path, report: Path) -> None:
    document = Document(str(report))
    assert headings(document, 1) == [
        "Results for Manfort",
        "Results for Opladen",
        "Results across quarters",
        "Methods",
        "Appendix: all coded segments",
    ]
    with Project.open(demo_path) as project:
        tops = [c.name for c in project.categories.list() if c.parent_id is None]
        subs = [c.name for c in project.categories.list() if c.parent_id == 7]
    level2 = headings(document, 2)
    assert level2[:3] == tops and level2[3:6] == tops
    assert headings(document, 3)[:4] == subs


def test_introduction_from_the_metadata(report: Path) -> None:
    paragraphs = Document(str(report)).paragraphs
    at = next(
        n
        for n, p in enumerate(paragraphs)
        if p.style.name == "Heading 1" and p.text == "Results for Manfort"
    )
    intro = paragraphs[at + 1].text
    assert intro == (
        "In Manfort, the Online expert Workshop took place on 2020-11-09 with 8 participants."
        " In addition, Manfort has Telefoninterviews (N=5, 2020-11-12–2020-12-10)."
    )


def test_quotes_are_the_flagged_segments_with_their_source(demo_path: Path, report: Path) -> None:
    document = Document(str(report))
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort")
        flagged = project.segments.list(SegmentFilter(quotes_only=True, quarter_ids=(manfort.id,)))
    options = ExportOptions()
    for segment in flagged:
        expected = quote_text(segment.text, options)
        assert any(q.startswith(expected + " – ") and segment.document_title in q for q in quotes)
    assert all("(original quote, participant)" in q for q in quotes)


def test_quote_wording_is_configurable(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        options = ExportOptions(
            quarter_ids=(project.quarters.find("Manfort").id,), quote_format="»{text}« (Zitat)"
        )
    document = Document(str(export_report(demo_path, tmp_path, options)))
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes and all(q.startswith("»") and q.endswith("« (Zitat)") for q in quotes)
    assert headings(document, 1) == ["Results for Manfort", "Methods"]


def test_matrix_table_matches_the_analysis(demo_path: Path, report: Path) -> None:
    document = Document(str(report))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Category")
    header = [c.text for c in table.rows[0].cells]
    # The report's chapters are for Manfort and Opladen; the comparison spans every quarter.
    with Project.open(demo_path) as project:
        matrix = quarter_matrix(project, "segments", MatrixOptions())
    assert len(matrix.columns) == 7  # six Sozialräume and the city-wide level
    assert header == ["Category", *[c.name for c in matrix.columns], "Σ"]
    for row, table_row in zip(matrix.rows, table.rows[1:], strict=True):
        cells = [c.text for c in table_row.cells]
        assert cells[0].strip() == (row.name if row.depth == 0 else row.label)
        values = [f"{matrix.value(row.category_id, c.quarter_id):.0f}" for c in matrix.columns]
        assert cells[1:-1] == values


def test_cross_statements_carry_their_counts(report: Path) -> None:
    bullets = [p.text for p in Document(str(report)).paragraphs if p.style.name == "List Bullet"]
    assert any(b.endswith("(named in 6 of 6 quarters)") for b in bullets)


def test_toc_page_numbers_and_captions_are_fields(report: Path) -> None:
    document = Document(str(report))
    xml = document.element.xml
    assert 'TOC \\o "1-2"' in xml
    assert "SEQ Table" in xml
    assert "PAGE" in document.sections[0].footer._element.xml
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Table 1: Categories by quarter")


def test_methods_list_instruments_categories_and_revisions(demo_path: Path, report: Path) -> None:
    document = Document(str(report))
    instruments = next(t for t in document.tables if t.rows[0].cells[0].text == "Quarter")
    rows = [[c.text for c in r.cells] for r in instruments.rows[1:]]
    assert ["Manfort", "Online expert Workshop", "2020-11-09", "8"] in rows
    level2 = headings(document, 2)
    assert "Revision of the category system" in level2 and "Category system" in level2
    with Project.open(demo_path) as project:
        done = [c for c in project.category_history.changes() if c.state == "done"]
    history = next(t for t in document.tables if t.rows[0].cells[0].text == "Time")
    assert len(history.rows) - 1 == len(done)


def test_appendix_holds_every_segment_of_the_quarters(demo_path: Path, report: Path) -> None:
    document = Document(str(report))
    appendix = document.tables[-1]
    with Project.open(demo_path) as project:
        chosen = tuple(project.quarters.find(n).id for n in ("Manfort", "Opladen"))
        count = project.segments.count(SegmentFilter(quarter_ids=chosen))
    assert len(appendix.rows) - 1 == count


def test_chapters_start_on_a_new_page(report: Path) -> None:
    document = Document(str(report))
    chapters = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert chapters and all(p.paragraph_format.page_break_before for p in chapters)


def test_the_cross_chapter_shows_the_heatmap_as_a_figure(report: Path) -> None:
    document = Document(str(report))
    assert len(document.inline_shapes) == 1
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figure 1: Categories by quarter as a heatmap" in captions
