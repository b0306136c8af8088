"""Extra deck sections other features add: a registry of slide builders.

A feature registers a builder once (at import time):

    register_deck_section("planning", add_planning_slides)

and every deck built afterwards calls it after its own slides, in registration order, with
a `DeckContext`: the `Deck` to add slides to (`deck.bullet_slide`, `deck.section_slide`,
`deck.picture_slide`, `deck.bullet_box()` …), the open project, the export options, and
what the deck shows (`kind` "quarter" with `quarter` set, or "cross"). A builder that has
nothing to say for a deck adds no slide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..export_options import ExportOptions

if TYPE_CHECKING:
    from ...project import Project
    from ...values import QuarterInfo
    from .deck import Deck


@dataclass(frozen=True)
class DeckContext:
    deck: Deck
    project: Project
    options: ExportOptions
    kind: str  # "quarter" or "cross"
    quarter: QuarterInfo | None = None


DeckSection = Callable[[DeckContext], None]
_SECTIONS: dict[str, DeckSection] = {}


def register_deck_section(name: str, builder: DeckSection) -> None:
    """Add (or replace, under the same name) a builder of extra slides."""
    _SECTIONS[name] = builder


def unregister_deck_section(name: str) -> None:
    _SECTIONS.pop(name, None)


def deck_sections() -> list[tuple[str, DeckSection]]:
    return list(_SECTIONS.items())


def add_extra_sections(context: DeckContext) -> None:
    for _name, builder in deck_sections():
        builder(context)
