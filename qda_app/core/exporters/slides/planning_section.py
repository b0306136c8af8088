"""The planning step's slides as a section of the cross-quarter deck (registered on import):
the overview of the concept (goals × Sozialräume) and a slide per goal with its findings and
measures. A project without goals adds nothing; the per-quarter decks stay as they are.
"""

from __future__ import annotations

from ..planning_slides import PlanningSlideOptions, add_planning_slides
from .sections import DeckContext, register_deck_section


def add_planning_section(context: DeckContext) -> None:
    if context.kind != "cross":
        return
    spaces = {q.id for q in context.project.quarters.list() if q.kind == "social_space"}
    chosen = tuple(q for q in context.options.quarter_ids if q in spaces)
    options = PlanningSlideOptions(max_items=context.options.max_bullets, quarter_ids=chosen)
    add_planning_slides(context.deck.presentation, context.project, options)


register_deck_section("planning", add_planning_section)
