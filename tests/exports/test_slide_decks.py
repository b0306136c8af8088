"""Slide decks read back with python-pptx: order, titles, splitting, instruments, quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from exports.export_readback import slide_bullets, slide_title
from pptx import Presentation

from qda_app.core.analysis.statement_support import statement_support
from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import plan_export, run_export
from qda_app.core.exporters.slides.quarter_deck import content_title
from qda_app.core.exporters.slides.sections import (
    DeckContext,
    register_deck_section,
    unregister_deck_section,
)
from qda_app.core.project import Project


def export_decks(path: Path, out: Path, options: ExportOptions) -> list[Path]:
    with Project.open(path) as project:
        return run_export(plan_export(project, "pptx", out, options))


@pytest.fixture(scope="module")
def decks(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("decks")
    written = export_decks(demo_path, out, ExportOptions(cross=True))
    return {path.stem.split("-", 2)[-1]: path for path in written}


def expected_titles(project: Project) -> list[str]:
    """The order the reference study's appendix uses, built from the category system."""
    titles = []
    categories = project.categories.list()
    for top in [c for c in categories if c.parent_id is None]:
        titles.append(top.name)
        titles += [f"{top.name} {sub.name}" for sub in categories if sub.parent_id == top.id]
    return titles


def without_parts(titles: list[str]) -> list[str]:
    """Titles with "(1/2)", "(2/2)" taken off, each continued slide counted once; checks
    that the parts run 1..n."""
    result: list[str] = []
    expected_part = 1
    for title in titles:
        match = re.fullmatch(r"(.*) \((\d+)/(\d+)\)", title)
        if match is None:
            result.append(title)
            continue
        base, part, parts = match.group(1), int(match.group(2)), int(match.group(3))
        assert part == expected_part and parts > 1
        expected_part = 1 if part == parts else part + 1
        if part == 1:
            result.append(base)
    assert expected_part == 1
    return result


def test_one_deck_per_quarter_and_one_across(decks: dict[str, Path]) -> None:
    assert sorted(decks) == sorted(
        [
            "Stadtweit",
            "Manfort",
            "Alkenrath",
            "Rheindorf",
            "Opladen",
            "Wiesdorf",
            "Steinbüchel",
            "across-quarters",
        ]
    )
    deck = Presentation(str(decks["Manfort"]))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 16:9


def test_quarter_deck_order_titles_and_splitting(demo_path: Path, decks: dict[str, Path]) -> None:
    deck = Presentation(str(decks["Stadtweit"]))
    titles = [slide_title(s) for s in deck.slides]
    with Project.open(demo_path) as project:
        city = next(q for q in project.quarters.list() if q.kind == "city")
        expected = expected_titles(project)
        statements = [
            s.text for s in project.statements.list(category_id=8) if s.quarter_id == city.id
        ]
    assert titles[0] == "City-wide results: Stadtweit"
    assert titles[1:3] == ["Data collection instruments", "Category system"]
    assert without_parts(titles[3:]) == expected
    first = titles.index("Herausforderungen und Bedarfe im Hinblick auf die Institutionen (1/2)")
    pages = [slide_bullets(deck.slides[first]), slide_bullets(deck.slides[first + 1])]
    assert len(statements) == 12 and [len(p) for p in pages] == [8, 4]
    assert pages[0] + pages[1] == statements  # in their order, none lost
    assert slide_title(deck.slides[first + 1]).endswith("(2/2)")


def test_content_slides_carry_quarter_tags_and_number(decks: dict[str, Path]) -> None:
    deck = Presentation(str(decks["Manfort"]))
    for number, slide in enumerate(deck.slides, start=1):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert str(number) in texts  # the slide number
        if "im Hinblick auf die Zielgruppe" in slide_title(slide):
            assert "MANFORT" in texts
            assert any("Zielgruppe" in t and "·" in t for t in texts)  # both tags


def test_instruments_name_method_date_and_n(decks: dict[str, Path]) -> None:
    deck = Presentation(str(decks["Manfort"]))
    lines = slide_bullets(deck.slides[1])
    # The event's name from its method and format, the interviews in the plural, English
    # dates (the German deck: test_export_language.py).
    assert lines == [
        "Online expert Workshop 2020-11-09 (N=8)",
        "Telefoninterviews 2020-11-12–2020-12-10 (N=5)",
    ]


def test_max_bullets_and_long_bullets_split(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort")
        assert manfort is not None
        options = ExportOptions(quarter_ids=(manfort.id,), max_bullets=3)
        [path] = run_export(plan_export(project, "pptx", tmp_path, options))
    for slide in Presentation(str(path)).slides:
        bullets = slide_bullets(slide)
        assert len(bullets) <= 3
        if "(1/" in slide_title(slide):
            assert len(bullets) == 3


def test_cross_deck_has_heatmap_rule_and_counts(demo_path: Path, decks: dict[str, Path]) -> None:
    deck = Presentation(str(decks["across-quarters"]))
    titles = [slide_title(s) for s in deck.slides]
    assert titles[:2] == ["Results across quarters", "Categories by quarter"]
    assert any(shape.shape_type == 13 for shape in deck.slides[1].shapes)  # a picture
    assert titles[2:4] == [
        "Categories by quarter: number of codings (1/2)",
        "Categories by quarter: number of codings (2/2)",
    ]
    assert titles[4].startswith("Named in at least 4 of 6 quarters")
    with Project.open(demo_path) as project:
        cross = [s for s in project.statements.list() if s.cross_quarter and s.category_id == 8]
        support = statement_support(project, cross)
        top = project.categories.get(7)
        sub = project.categories.get(8)
    slide = deck.slides[titles.index(f"{top.name} {sub.name}")]
    expected = [f"{s.text} ({support[s.id].count}/6)" for s in cross]
    assert slide_bullets(slide) == expected


def test_the_cross_deck_compares_all_quarters_when_some_are_chosen(
    demo_path: Path, tmp_path: Path
) -> None:
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort").id
    written = export_decks(demo_path, tmp_path, ExportOptions(quarter_ids=(manfort,), cross=True))
    [across] = [p for p in written if p.stem.endswith("across-quarters")]
    titles = [slide_title(s) for s in Presentation(str(across)).slides]
    rule = next(n for n, t in enumerate(titles) if t.startswith("Named in at least 4 of 6"))
    assert slide_bullets(Presentation(str(across)).slides[rule]) != ["no category meets the rule"]


def test_verbatim_statements_are_marked(demo_copy: Path, tmp_path: Path) -> None:
    with Project.open(demo_copy, actor="tester") as project:
        manfort = project.quarters.find("Manfort")
        assert manfort is not None
        statement = next(
            s for s in project.statements.list(category_id=9) if s.quarter_id == manfort.id
        )
        project.statements.set_quote(statement.id, True)
        options = ExportOptions(quarter_ids=(manfort.id,))
        [path] = run_export(plan_export(project, "pptx", tmp_path, options))
    for slide in Presentation(str(path)).slides:
        body = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
        for paragraph in body.text_frame.paragraphs if body is not None else []:
            if statement.text in paragraph.text:
                assert paragraph.text == f"„{statement.text}“"
                assert paragraph.runs[0].font.italic
                return
    pytest.fail("the quoted statement is on no slide")


def test_a_registered_section_adds_its_slides(demo_path: Path, tmp_path: Path) -> None:
    seen: list[str] = []

    def planning(context: DeckContext) -> None:
        seen.append(context.kind)
        context.deck.bullet_slide("Planung", [("Maßnahme A", False)], kicker="x")

    register_deck_section("planning", planning)
    try:
        with Project.open(demo_path) as project:
            options = ExportOptions(quarter_ids=(project.quarters.find("Manfort").id,), cross=True)
            paths = run_export(plan_export(project, "pptx", tmp_path, options))
    finally:
        unregister_deck_section("planning")
    assert seen == ["quarter", "cross"]
    for path in paths:
        last = list(Presentation(str(path)).slides)[-1]
        assert slide_title(last) == "Planung" and slide_bullets(last) == ["Maßnahme A"]


def test_a_teams_template_gives_layouts_and_loses_its_example_slides(
    demo_path: Path, tmp_path: Path
) -> None:
    template = Presentation()
    template.slide_width, template.slide_height = 12192000, 6858000
    example = template.slides.add_slide(template.slide_layouts[1])
    example.shapes.title.text = "Beispielfolie"
    template.save(str(tmp_path / "team.pptx"))
    with Project.open(demo_path) as project:
        options = ExportOptions(
            quarter_ids=(project.quarters.find("Alkenrath").id,), template=tmp_path / "team.pptx"
        )
        [path] = run_export(plan_export(project, "pptx", tmp_path / "out", options))
    deck = Presentation(str(path))
    titles = [slide_title(s) for s in deck.slides]
    assert "Beispielfolie" not in titles
    content = deck.slides[
        titles.index("Herausforderungen und Bedarfe im Hinblick auf den Sozialraum")
    ]
    assert content.slide_layout.name == "Title and Content"


def test_content_title_does_not_double_the_linking_words() -> None:
    from qda_app.core.analysis.quarter_axes import CategoryRow

    def row(name: str) -> CategoryRow:
        return CategoryRow(1, None, 1, name, name, "", name, "#000000", 0, False)

    assert content_title(row("Bedarfe"), row("im Hinblick auf Kitas")) == (
        "Bedarfe im Hinblick auf Kitas"
    )
    assert content_title(row("Needs"), row("schools")) == "Needs with regard to schools"


def test_chosen_categories_narrow_the_deck(demo_path: Path, tmp_path: Path) -> None:
    with Project.open(demo_path) as project:
        manfort = project.quarters.find("Manfort").id
        top = project.categories.find("Ressourcen und Möglichkeiten")
        sub = next(c for c in project.categories.list() if c.parent_id == top.id)
        whole = ExportOptions(quarter_ids=(manfort,), category_ids=(top.id,))
        [deck] = run_export(plan_export(project, "pptx", tmp_path / "whole", whole))
        ticked = ExportOptions(quarter_ids=(manfort,), category_ids=(top.id, sub.id))
        [narrow] = run_export(plan_export(project, "pptx", tmp_path / "narrow", ticked))
    titles = without_parts([slide_title(s) for s in Presentation(str(deck)).slides][3:])
    assert titles[0] == top.name and len(titles) == 5  # divider and four subcategories
    titles = without_parts([slide_title(s) for s in Presentation(str(narrow)).slides][3:])
    assert titles == [top.name, f"{top.name} {sub.name}"]


def test_the_cross_deck_ends_with_the_planning_section(
    demo_path: Path, decks: dict[str, Path]
) -> None:
    from qda_app.core.i18n import tr

    titles = [slide_title(s) for s in Presentation(str(decks["across-quarters"])).slides]
    overview = titles.index(tr("planning.slides.overview_title"))
    with Project.open(demo_path) as project:
        goals = len(project.goals.list())
    assert goals > 0 and len(titles) - overview - 1 == goals  # a slide per goal follows
    manfort = [slide_title(s) for s in Presentation(str(decks["Manfort"])).slides]
    assert tr("planning.slides.overview_title") not in manfort


def table_cells(slide) -> list[list[str]]:
    [frame] = [shape for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in frame.table.rows]


def test_cross_deck_has_the_matrix_as_an_editable_table(
    demo_path: Path, decks: dict[str, Path]
) -> None:
    from qda_app.core.exporters.cross_content import cross_content

    deck = Presentation(str(decks["across-quarters"]))
    slides = [s for s in deck.slides if slide_title(s).startswith("Categories by quarter: n")]
    pages = [table_cells(s) for s in slides]
    assert len(pages) == 2
    with Project.open(demo_path) as project:
        content = cross_content(project, ExportOptions(cross=True))
    matrix = content.matrix
    header = ["Category", *[c.name for c in matrix.columns], "Σ"]
    assert all(page[0] == header for page in pages)  # the header repeats on every part
    body = [row for page in pages for row in page[1:]]
    assert body[-1] == [
        "Total",
        *[str(int(matrix.column_totals[c.quarter_id])) for c in matrix.columns],
        str(int(matrix.grand_total)),
    ]
    categories = body[:-1]
    assert [row[0].strip() for row in categories] == [r.name for r in matrix.rows]
    for row, cells in zip(matrix.rows, categories, strict=True):
        counts = [int(matrix.value(row.category_id, c.quarter_id)) for c in matrix.columns]
        assert cells[1:] == [*map(str, counts), str(int(matrix.row_totals[row.category_id]))]
        assert sum(counts) == int(matrix.row_totals[row.category_id])
    # The categories meeting the k-of-n rule are shaded, the others are not.
    met = [content.rule.meets(r.category_id) for r in matrix.rows]
    assert any(met) and not all(met)
    shaded = [
        str(table_row.cells[0].fill.fore_color.rgb) == "FCE4B6"
        for slide in slides
        for frame in slide.shapes
        if frame.has_table
        for table_row in list(frame.table.rows)[1:]
    ]
    assert shaded == [*met, False]  # the totals row is not shaded
    for slide in slides:
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert "Shaded: Named in at least 4 of 6 quarters" in texts
