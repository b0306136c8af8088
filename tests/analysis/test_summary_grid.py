"""The summary grid: what each quarter × category cell holds, counted by hand to compare."""

from __future__ import annotations

from collections import defaultdict

from qda_app.core.analysis.summary_grid import cell_filter, summary_grid
from qda_app.core.project import Project


def cells_by_hand(project: Project) -> dict[tuple[int, int], dict[str, object]]:
    city = next(q.id for q in project.quarters.list() if q.kind == "city")
    quarter_column = {}
    for quarter in project.quarters.list():
        if quarter.kind == "city":
            quarter_column[quarter.id] = city
        elif quarter.kind == "social_space":
            quarter_column[quarter.id] = quarter.id
        else:
            quarter_column[quarter.id] = quarter.parent_id
    statements = [s for s in project.statements.list() if s.quarter_id is not None]
    cells: dict[tuple[int, int], dict[str, object]] = defaultdict(
        lambda: {"segments": 0, "documents": set(), "statements": 0, "uncovered": 0}
    )
    for segment in project.segments.list():
        if segment.quarter_id is None:
            continue
        column = quarter_column[segment.quarter_id]
        cell = cells[(segment.category_id, column)]
        cell["segments"] += 1
        cell["documents"].add(segment.document_id)
        own = {s.id for s in statements if quarter_column[s.quarter_id] == column}
        if not own & set(segment.statement_ids):
            cell["uncovered"] += 1
    for statement in statements:
        cells[(statement.category_id, quarter_column[statement.quarter_id])]["statements"] += 1
    return cells


def assert_grid_matches(project: Project) -> None:
    grid = summary_grid(project)
    expected = cells_by_hand(project)
    for row in grid.rows:
        for column in grid.columns:
            cell = grid.cell(row.category_id, column.quarter_id)
            want = expected.get((row.category_id, column.quarter_id))
            if want is None:
                assert (cell.segments, cell.statements) == (0, 0)
                continue
            assert cell.segments == want["segments"]
            assert cell.documents == len(want["documents"])
            assert cell.statements == want["statements"]
            assert cell.uncovered == want["uncovered"]


def test_cells_count_segments_documents_statements_and_what_is_not_covered(study) -> None:
    project, cats, quarters = study.project, study.categories, study.quarters
    youth = cats["Bedarfe/Zielgruppe"]
    manfort = quarters["Manfort"]
    grid = summary_grid(project)
    cell = grid.cell(youth, manfort)
    assert (cell.segments, cell.documents, cell.statements, cell.uncovered) == (2, 1, 0, 2)
    first, second = project.segments.list(cell_filter(project, youth, manfort))
    project.statements.add(youth, "Familien schwer erreichbar", manfort, [first.coding_id])
    # A cross-quarter statement or another quarter's does not cover Manfort's segment.
    project.statements.add(youth, "Übergreifend", None, [second.coding_id])
    project.statements.add(youth, "Wiesdorf", quarters["Wiesdorf"], [second.coding_id])
    cell = summary_grid(project).cell(youth, manfort)
    assert (cell.segments, cell.statements, cell.uncovered) == (2, 1, 1)
    assert_grid_matches(project)


def test_top_level_rows_hold_only_their_own_codings(study) -> None:
    grid = summary_grid(study.project)
    assert grid.cell(study.categories["Bedarfe"], study.quarters["Manfort"]).segments == 0
    assert [r.depth for r in grid.rows[:2]] == [0, 1]
    assert grid.rows[1].parent_id == grid.rows[0].category_id


def test_statistical_quarter_and_city_wide_cells(study) -> None:
    project, cats, quarters = study.project, study.categories, study.quarters
    institution, youth = cats["Bedarfe/Institutionen"], cats["Bedarfe/Zielgruppe"]
    grid = summary_grid(project)
    assert grid.columns[-1].city_wide
    assert grid.cell(institution, quarters["Opladen"]).segments == 1
    assert grid.cell(youth, quarters["Stadtweit"]).segments == 1
    city_segments = project.segments.list(cell_filter(project, youth, quarters["Stadtweit"]))
    assert [s.document_title for s in city_segments] == ["Workshop stadtweit"]
    opladen = project.segments.list(cell_filter(project, institution, quarters["Opladen"]))
    assert [s.document_title for s in opladen] == ["Workshop Opladen-Zentrum"]


def test_a_cell_with_statements_but_no_segments(study) -> None:
    project = study.project
    place, alkenrath = study.categories["Leerstellen/Sozialraum"], study.quarters["Alkenrath"]
    project.statements.add(place, "Ein Treffpunkt fehlt", alkenrath)
    cell = summary_grid(project).cell(place, alkenrath)
    assert (cell.segments, cell.statements, cell.uncovered) == (0, 1, 0)


def test_the_demo_study_grid_matches_counts_by_hand(demo_path) -> None:
    with Project.open(demo_path) as project:
        assert_grid_matches(project)
        grid = summary_grid(project)
        assert sum(c.statements for c in grid.cells.values()) == sum(
            1 for s in project.statements.list() if s.quarter_id is not None
        )
