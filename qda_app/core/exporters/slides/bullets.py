"""Statements as slide bullets, split into slides that fit: "(1/2)", "(2/2)"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...i18n import tr
from .deck import Deck
from .text_fit import fitting_size, shortened_to_fit, split_bullets


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
