"""The deck of one quarter, in the order of the reference study's appendix.

A section slide ("Ergebnisse Sozialraum: Manfort"), the instruments with date and N, an
overview of the category system, then per top-level category a divider and one content
slide per subcategory ("Herausforderungen und Bedarfe im Hinblick auf die Institutionen")
with the quarter's name, both tags and the statements as bullets — continued as "(1/2)",
"(2/2)" where they do not fit. Extra registered sections follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...analysis.quarter_axes import CategoryRow
from ...i18n import tr
from ...values import StatementInfo
from ..export_content import QuarterContent
from ..export_options import ExportOptions
from .deck import Deck
from .sections import DeckContext, add_extra_sections
from .text_fit import fitting_size, shortened_to_fit, split_bullets

if TYPE_CHECKING:
    from ...project import Project


# Subcategory names that carry the linking words themselves, in either language.
LINKING_WORDS = ("im hinblick auf", "with regard to")


def content_title(top: CategoryRow, sub: CategoryRow) -> str:
    """ "<top-level> im Hinblick auf <subcategory>" (the words are not doubled when the
    subcategory's name begins with them)."""
    # Deeper levels name their way down from the subcategory: "Institutionen / Kitas".
    name = sub.name if sub.depth <= 1 else " / ".join(sub.path.split("/")[1:])
    linking = (*LINKING_WORDS, tr("exports.slide.linking").lower())
    if name.lower().startswith(linking):
        return f"{top.name} {name}"
    return tr("exports.slide.content_title", top=top.name, sub=name)


def statement_bullet(statement: StatementInfo) -> tuple[str, bool]:
    """A statement as a bullet; one that quotes word for word is quoted and set italic."""
    text = " ".join(statement.text.split())
    if statement.contains_quote:
        if not text.startswith(("„", '"', "“")):
            text = f"„{text}“"
        return text, True
    return text, False


def statement_bullets(statements: tuple[StatementInfo, ...]) -> list[tuple[str, bool]]:
    if not statements:
        return [(tr("exports.slide.no_statements"), True)]
    return [statement_bullet(s) for s in statements]


def category_overview(content: QuarterContent) -> list[list[str]]:
    """Two columns: the top-level categories, and the subcategories' names (each once)."""
    tops = [section.row.name for section in content.sections]
    subs: list[str] = []
    for section in content.sections:
        for sub in section.subsections:
            if sub.row.depth == 1 and sub.row.name not in subs:
                subs.append(sub.row.name)
    return [tops, subs] if subs else [tops]


def build_quarter_deck(project: Project, content: QuarterContent, options: ExportOptions) -> Deck:
    quarter = content.quarter.name
    deck = Deck(options.template, footer=project.details.get().name)
    results = tr(
        "exports.slide.results_city" if content.quarter.kind == "city" else "exports.slide.results",
        quarter=quarter,
    )
    deck.section_slide(results, project.details.get().name)
    lines = [(i.line, False) for i in content.instruments] or [
        (tr("exports.slide.no_instruments"), True)
    ]
    add_bullet_slides(
        deck,
        tr("exports.slide.instruments"),
        lines,
        max_bullets=options.max_bullets,
        kicker=quarter,
    )
    deck.text_slide(tr("exports.slide.categories"), category_overview(content), kicker=quarter)
    for section in content.sections:
        top = section.row
        deck.section_slide(top.name, kicker=quarter, accent=top.colour)
        if section.own.statements:
            add_bullet_slides(
                deck,
                top.name,
                statement_bullets(section.own.statements),
                max_bullets=options.max_bullets,
                kicker=quarter,
                tags=(top.label,),
                accent=top.colour,
            )
        for sub in section.subsections:
            if sub.row.depth > 1 and not sub.statements:
                continue  # deeper levels only where they hold statements
            add_bullet_slides(
                deck,
                content_title(top, sub.row),
                statement_bullets(sub.statements),
                max_bullets=options.max_bullets,
                kicker=quarter,
                tags=(top.label, sub.row.label),
                accent=top.colour,
            )
    add_extra_sections(DeckContext(deck, project, options, "quarter", content.quarter))
    return deck


def write_quarter_deck(
    project: Project, content: QuarterContent, options: ExportOptions, path: Path
) -> None:
    build_quarter_deck(project, content, options).save(path)


def numbered(title: str, page: int, pages: int) -> str:
    return title if pages == 1 else tr("exports.slide.part", title=title, page=page, pages=pages)


def add_bullet_slides(
    deck: Deck,
    title: str,
    bullets: Sequence[tuple[str, bool]],
    *,
    max_bullets: int,
    kicker: str = "",
    tags: Sequence[str] = (),
    accent: str = "",
) -> list[Any]:
    """One slide, or as many as the bullets need; each (text, italic)."""
    box = deck.bullet_box()
    italic = dict(bullets)
    pages = split_bullets([text for text, _ in bullets], box, max_bullets)
    slides = []
    for page, texts in enumerate(pages, start=1):
        size = fitting_size(texts, box)
        shown = [
            (shortened_to_fit(text, box, size) if len(texts) == 1 else text, italic[text])
            for text in texts
        ]
        slides.append(
            deck.bullet_slide(
                numbered(title, page, len(pages)),
                shown,
                kicker=kicker,
                tags=tags,
                size=size,
                accent=accent,
            )
        )
    return slides
