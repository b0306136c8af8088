"""Slides of the planning step for the result decks: per goal an "Anknüpfungspunkte &
Empfehlungen (n/N)" slide with its recommendations, and an overview of the concept (goals ×
Sozialräume with the number of findings and measures per cell).

`add_planning_slides` takes a python-pptx Presentation, the project and options, so a deck
builder can register it as one of its sections; it lays out its own shapes in proportion to
the slide size (4:3 or 16:9) and uses only the "Title Only" layout of the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..analysis.planning_table import PlanningTable, planning_table
from ..i18n import tr

if TYPE_CHECKING:
    from ..project import Project

TITLE_ONLY = 5  # the layout index in python-pptx's default template
ACCENT = (0x1F, 0x4E, 0x79)


@dataclass(frozen=True)
class PlanningSlideOptions:
    """What the section shows: the overview first (or not), at most `max_items` bullets per
    goal slide, only measures not dropped, only these Sozialräume (empty: all and the city)."""

    overview: bool = True
    max_items: int = 8
    include_dropped: bool = False
    quarter_ids: tuple[int, ...] = ()


def add_planning_slides(
    presentation: Any, project: Project, options: PlanningSlideOptions | None = None
) -> int:
    """Append the section's slides to `presentation`; returns how many were added."""
    options = options or PlanningSlideOptions()
    table = planning_table(project, options.quarter_ids)
    added = 0
    if options.overview and table.goals:
        _overview_slide(presentation, table)
        added += 1
    for number, goal in enumerate(table.goals, start=1):
        _goal_slide(presentation, table, goal.id, number, options)
        added += 1
    return added


def recommendations(
    table: PlanningTable, goal_id: int, options: PlanningSlideOptions
) -> list[tuple[str, int]]:
    """The bullets of a goal's slide as (text, level): the cross-quarter findings linked to
    it, then the measures of the Sozialräume with where and how far they are."""
    lines: list[tuple[str, int]] = []
    cross = table.cross_quarter.get(goal_id, ())
    if cross:
        lines.append((tr("planning.slides.findings"), 0))
    for statement in cross:
        lines.append((statement.text, 1))
    measures = [
        (quarter.name, measure)
        for quarter in table.quarters
        for measure in table.cell(quarter.quarter_id, goal_id).measures
        if options.include_dropped or measure.status != "dropped"
    ]
    if measures:
        lines.append((tr("planning.slides.measures"), 0))
        for quarter, measure in measures:
            status = tr(f"planning.status.{measure.status}")
            lines.append((f"{measure.text} ({quarter}; {status})", 1))
    if not lines:
        lines.append((tr("planning.slides.nothing_yet"), 1))
    if len(lines) > options.max_items:
        rest = len(lines) - options.max_items + 1
        lines = [*lines[: options.max_items - 1], (tr("planning.slides.more", count=rest), 1)]
    return lines


def _new_slide(presentation: Any, title: str) -> Any:
    layouts = presentation.slide_layouts
    layout = layouts[TITLE_ONLY] if len(layouts) > TITLE_ONLY else layouts[-1]
    from pptx.util import Pt

    slide = presentation.slides.add_slide(layout)
    area = _area(presentation, 0.04, 0.03, 0.92, 0.14)
    title_shape = slide.shapes.title
    if title_shape is None:
        title_shape = slide.shapes.add_textbox(*area)
    # the template places its title for 4:3; span the slide as it is
    title_shape.left, title_shape.top, title_shape.width, title_shape.height = area
    title_shape.text_frame.text = title
    title_shape.text_frame.paragraphs[0].font.size = Pt(30)
    return slide


def _area(presentation: Any, left: float, top: float, width: float, height: float) -> tuple:
    from pptx.util import Emu

    w, h = presentation.slide_width, presentation.slide_height
    return (Emu(int(w * left)), Emu(int(h * top)), Emu(int(w * width)), Emu(int(h * height)))


def _goal_slide(
    presentation: Any, table: PlanningTable, goal_id: int, number: int, options: Any
) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    goal = next(g for g in table.goals if g.id == goal_id)
    slide = _new_slide(
        presentation, tr("planning.slides.title", number=number, count=len(table.goals))
    )
    box = slide.shapes.add_textbox(*_area(presentation, 0.06, 0.22, 0.88, 0.72))
    frame = box.text_frame
    frame.word_wrap = True
    heading = frame.paragraphs[0]
    heading.text = goal.name
    heading.font.bold, heading.font.size = True, Pt(28)
    heading.font.color.rgb = RGBColor(*ACCENT)
    if goal.description:
        lead = frame.add_paragraph()
        lead.text = goal.description
        lead.font.size, lead.font.italic = Pt(16), True
        lead.space_after = Pt(10)
    for text, level in recommendations(table, goal_id, options):
        paragraph = frame.add_paragraph()
        paragraph.text = ("• " if level else "") + text
        paragraph.level = level
        paragraph.font.size = Pt(16 if level else 18)
        paragraph.space_before = Pt(2 if level else 8)
        paragraph.font.bold = level == 0


def _overview_slide(presentation: Any, table: PlanningTable) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    slide = _new_slide(presentation, tr("planning.slides.overview_title"))
    rows, columns = len(table.quarters) + 1, len(table.goals) + 1
    shape = slide.shapes.add_table(rows, columns, *_area(presentation, 0.04, 0.2, 0.92, 0.74))
    grid = shape.table
    grid.cell(0, 0).text = tr("planning.slides.corner")
    for column, goal in enumerate(table.goals, start=1):
        grid.cell(0, column).text = goal.name
    for row, quarter in enumerate(table.quarters, start=1):
        grid.cell(row, 0).text = quarter.name
        for column, goal in enumerate(table.goals, start=1):
            counts = table.cell(quarter.quarter_id, goal.id).counts()
            cell = grid.cell(row, column)
            cell.text = tr(
                "planning.slides.cell", findings=counts["findings"], measures=counts["measures"]
            )
            if counts["measures"]:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor(0xFF, 0xE6, 0x99)
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(11)
    for column in range(columns):
        grid.cell(0, column).text_frame.paragraphs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
