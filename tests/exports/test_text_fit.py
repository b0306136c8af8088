"""Measuring bullets: long bullets count against the room, not only their number."""

from __future__ import annotations

from qda_app.core.exporters.slides.text_fit import (
    BulletBox,
    fitting_size,
    shortened_to_fit,
    split_bullets,
    text_width,
    wrapped_lines,
)

BOX = BulletBox(width_pt=830, height_pt=330, size_pt=20, space_before_pt=6, indent_pt=27)


def test_lines_grow_with_the_text() -> None:
    short = "Räume zu klein für Abstände"
    assert wrapped_lines(short, 20, 800) == 1
    long = " ".join([short] * 10)
    assert wrapped_lines(long, 20, 800) >= 4
    assert wrapped_lines("x" * 400, 20, 300) >= 3  # one word wider than the box


def test_width_is_in_points_of_a_sans_serif() -> None:
    width = text_width("Sozialraum", 20)
    assert 80 < width < 140  # ten letters at 20 pt


def test_short_bullets_split_by_count() -> None:
    bullets = [f"Aussage {n}" for n in range(12)]
    pages = split_bullets(bullets, BOX, 8)
    assert [len(p) for p in pages] == [8, 4]
    assert sum(pages, []) == bullets


def test_long_bullets_split_by_room() -> None:
    long = "Sehr lange Aussage über Angebote und Zugänge im Quartier " * 5
    bullets = [f"{n}: {long}" for n in range(8)]
    pages = split_bullets(bullets, BOX, 8)
    assert len(pages) > 1
    assert all(BOX.fits(page) for page in pages)
    assert sum(pages, []) == bullets


def test_a_bullet_too_long_for_a_slide_gets_a_smaller_size() -> None:
    huge = ["Wort " * 2000]
    assert not BOX.fits(huge)
    size = fitting_size(huge, BOX)
    assert size < BOX.size_pt
    shortened = shortened_to_fit(huge[0], BOX, 10)
    assert shortened.endswith(" …")
    small = BulletBox(BOX.width_pt, BOX.height_pt, 10, BOX.space_before_pt, BOX.indent_pt)
    assert small.fits([shortened]) and len(shortened) < len(huge[0])


def test_a_long_list_is_cut_with_the_number_left_out() -> None:
    from qda_app.core.exporters.slides.text_fit import lines_that_fit

    lines = [f"• Kategorie {n}" for n in range(200)]
    kept = lines_that_fit(lines, BOX)
    assert kept[-1] == f"… (+{200 - len(kept) + 1})"
    small = BulletBox(BOX.width_pt, BOX.height_pt, 10, BOX.space_before_pt, 0)
    assert small.fits(kept)
    assert lines_that_fit(lines[:5], BOX) == lines[:5]
