"""Reading exported files back in tests."""

from __future__ import annotations

from typing import Any


def slide_title(slide: Any) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def slide_bullets(slide: Any) -> list[str]:
    """The paragraphs of the body placeholder (idx 1) of a bullet slide."""
    body = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
    return [p.text for p in body.text_frame.paragraphs] if body is not None else []
