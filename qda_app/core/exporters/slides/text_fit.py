"""Measuring bullet text so that no slide's text runs out of its box.

Lines are broken as a presentation program breaks them (at spaces, by the width of the
words in the deck's font) and their height is summed with the paragraph spacing. The
measuring font is Liberation Sans, metric-compatible with Arial (the deck's font); where it
is missing, DejaVu Sans, which runs wider, so the estimate errs on the safe side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DECK_FONT = "Arial"
CANDIDATES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/Library/Fonts/Arial.ttf",
)
LINE_SPACING = 1.2  # line height as a multiple of the font size
SAFETY = 1.03  # measured widths are widened by this much
EMU_PER_POINT = 12700


@cache
def _font(size_pt: float) -> Any:
    from PIL import ImageFont

    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size=round(size_pt * 10))
    import matplotlib

    bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return ImageFont.truetype(str(bundled), size=round(size_pt * 10))


@cache
def text_width(text: str, size_pt: float) -> float:
    """Width of `text` in points at `size_pt` (measured at ten times the size)."""
    return float(_font(size_pt).getlength(text)) / 10 * SAFETY


def wrapped_lines(text: str, size_pt: float, width_pt: float) -> int:
    """How many lines `text` takes in a box `width_pt` wide. A line's width is the sum of
    its words' widths and the spaces between (each word measured once)."""
    space = text_width(" ", size_pt)
    lines, current = 1, -1.0  # -1: the line is empty
    for word in text.split():
        width = text_width(word, size_pt)
        if current >= 0 and current + space + width > width_pt:
            lines += 1
            current = -1.0
        if current < 0:
            # A single word wider than the box breaks inside the word.
            lines += int(width // max(width_pt, 1.0))
            current = width % max(width_pt, 1.0) if width > width_pt else width
        else:
            current += space + width
    return lines


@dataclass(frozen=True)
class BulletBox:
    """The body's room: width and height in points, font size, space before a paragraph
    and the indent a bullet takes."""

    width_pt: float
    height_pt: float
    size_pt: float
    space_before_pt: float
    indent_pt: float

    def height_of(self, bullets: Sequence[str]) -> float:
        lines = sum(wrapped_lines(b, self.size_pt, self.width_pt - self.indent_pt) for b in bullets)
        return lines * self.size_pt * LINE_SPACING + len(bullets) * self.space_before_pt

    def fits(self, bullets: Sequence[str]) -> bool:
        return self.height_of(bullets) <= self.height_pt


def split_bullets(bullets: Sequence[str], box: BulletBox, max_bullets: int) -> list[list[str]]:
    """Bullets in slide-sized runs: at most `max_bullets` each, and no more than the box
    holds; a bullet too long for an empty box gets a slide of its own."""
    pages: list[list[str]] = []
    current: list[str] = []
    for bullet in bullets:
        candidate = [*current, bullet]
        if current and (len(candidate) > max(1, max_bullets) or not box.fits(candidate)):
            pages.append(current)
            current = [bullet]
        else:
            current = candidate
    if current or not pages:
        pages.append(current)
    return pages


def fitting_size(bullets: Sequence[str], box: BulletBox, smallest_pt: float = 10.0) -> float:
    """The font size at which `bullets` fit the box: the box's own, or smaller for a single
    bullet too long for it."""
    size = box.size_pt
    while size > smallest_pt:
        trial = BulletBox(box.width_pt, box.height_pt, size, box.space_before_pt, box.indent_pt)
        if trial.fits(bullets):
            return size
        size -= 1.0
    return smallest_pt


def shortened_to_fit(text: str, box: BulletBox, size_pt: float) -> str:
    """A single bullet too long for a whole slide even in small type, cut at a word and
    ended with "…" (the full text stays in the report and the workbook)."""
    room = BulletBox(box.width_pt, box.height_pt, size_pt, box.space_before_pt, box.indent_pt)
    if room.fits([text]):
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that still fit
        middle = (low + high + 1) // 2
        if room.fits([" ".join(words[:middle]) + " …"]):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …"


def lines_that_fit(lines: Sequence[str], box: BulletBox, smallest_pt: float = 10.0) -> list[str]:
    """As many lines as fit the box in the smallest type, the rest summed up as "… (+N)"."""
    small = BulletBox(box.width_pt, box.height_pt, smallest_pt, box.space_before_pt, 0)
    if small.fits(lines):
        return list(lines)
    kept = list(lines)
    while kept and not small.fits([*kept, "… (+999)"]):
        kept.pop()
    return [*kept, f"… (+{len(lines) - len(kept)})"]
