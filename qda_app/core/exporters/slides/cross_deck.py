"""The cross-quarter deck: the matrix as a heatmap, the categories that meet the k-of-n
rule, and per category the cross-quarter statements with the quarters behind each.

The planning step's slides (the concept's overview and a slide per goal) are registered
here as a deck section of the cross-quarter deck; a project without goals adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...analysis.charts import heatmap
from ...i18n import tr
from ..cross_content import CrossContent, CrossSection
from ..export_options import ExportOptions
from ..planning_slides import PlanningSlideOptions, add_planning_slides
from .deck import Deck
from .matrix_table import add_matrix_table_slides
from .quarter_deck import add_bullet_slides, content_title, statement_bullet
from .sections import DeckContext, add_extra_sections, register_deck_section

PICTURE_SIZE = (12.1, 4.9)  # inches: the room under the title

if TYPE_CHECKING:
    from ...project import Project


def met_lines(content: CrossContent) -> list[tuple[str, bool]]:
    """Each category that meets the rule, with the quarters that name it."""
    by_id = {r.category_id: r for r in content.rows}
    lines = []
    for row in content.met_rows():
        top = by_id[row.top_id]
        name = row.name if row.depth == 0 else content_title(top, row)
        count = content.rule.count(row.category_id)
        lines.append(
            (tr("exports.slide.met_line", name=name, count=count, n=content.rule.n), False)
        )
    return lines or [(tr("exports.slide.none_met"), True)]


def cross_bullets(section: CrossSection) -> list[tuple[str, bool]]:
    bullets = []
    for item in section.statements:
        text, italic = statement_bullet(item.statement)
        count = tr("exports.slide.cross_count", count=item.support.count, n=item.support.total)
        bullets.append((f"{text} {count}", italic))
    return bullets


def build_cross_deck(project: Project, content: CrossContent, options: ExportOptions) -> Deck:
    kicker = tr("exports.slide.cross_kicker")
    deck = Deck(options.template, footer=project.details.get().name)
    deck.section_slide(tr("exports.slide.cross_title"), project.details.get().name)
    picture = heatmap(content.matrix, rule=content.rule, size=PICTURE_SIZE)
    deck.picture_slide(tr("exports.slide.matrix"), picture, kicker=kicker)
    add_matrix_table_slides(deck, content, kicker=kicker)
    add_bullet_slides(
        deck,
        content.rule_text,
        met_lines(content),
        max_bullets=options.max_bullets,
        kicker=kicker,
    )
    by_id = {r.category_id: r for r in content.rows}
    shown_tops: set[int] = set()
    for section in content.sections:
        if not section.statements:
            continue
        row = section.row
        top = by_id[row.top_id]
        if top.category_id not in shown_tops:
            shown_tops.add(top.category_id)
            deck.section_slide(top.name, kicker=kicker, accent=top.colour)
        add_bullet_slides(
            deck,
            top.name if row.depth == 0 else content_title(top, row),
            cross_bullets(section),
            max_bullets=options.max_bullets,
            kicker=kicker,
            tags=(top.label,) if row.depth == 0 else (top.label, row.label),
            accent=top.colour,
        )
    add_extra_sections(DeckContext(deck, project, options, "cross"))
    return deck


def write_cross_deck(
    project: Project, content: CrossContent, options: ExportOptions, path: Path
) -> None:
    build_cross_deck(project, content, options).save(path)


def add_planning_section(context: DeckContext) -> None:
    if context.kind != "cross":
        return
    spaces = {q.id for q in context.project.quarters.list() if q.kind == "social_space"}
    chosen = tuple(q for q in context.options.quarter_ids if q in spaces)
    options = PlanningSlideOptions(max_items=context.options.max_bullets, quarter_ids=chosen)
    add_planning_slides(context.deck.presentation, context.project, options)


register_deck_section("planning", add_planning_section)
