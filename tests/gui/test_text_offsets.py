"""Code-point ↔ UTF-16 offsets: what makes highlights land on the right words after an emoji."""

from __future__ import annotations

import random

from qda_app.gui.documents.text_offsets import TextOffsets


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_plain_bmp_text_needs_no_conversion() -> None:
    offsets = TextOffsets("Straße, Café – „Zitat“")
    assert offsets.is_identity
    assert offsets.to_utf16(7) == 7
    assert offsets.to_code_point(7) == 7


def test_emoji_before_a_segment_shifts_qt_offsets() -> None:
    text = "Gut 😀👍 gesagt: Es fehlen Räume."
    start = text.index("Es fehlen")
    offsets = TextOffsets(text)
    assert offsets.range_to_utf16(start, len(text)) == (start + 2, len(text) + 2)
    assert offsets.utf16_length == utf16_len(text)
    assert offsets.to_code_point(start + 2) == start


def test_every_offset_round_trips_in_mixed_text() -> None:
    generator = random.Random(7)
    alphabet = ["a", "ä", " ", "\n", "😀", "𝔄", "中", "🏳️‍🌈"]
    text = "".join(generator.choice(alphabet) for _ in range(2_000))
    offsets = TextOffsets(text)
    for code_point in range(len(text) + 1):
        utf16 = offsets.to_utf16(code_point)
        assert utf16 == utf16_len(text[:code_point])
        assert offsets.to_code_point(utf16) == code_point


def test_offset_inside_a_surrogate_pair_rounds_down_to_the_character() -> None:
    offsets = TextOffsets("a😀b")
    assert [offsets.to_code_point(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_large_document_converts_at_its_end() -> None:
    text = ("Zeile mit Text. " * 1_000 + "🙂\n") * 18  # about 300,000 characters
    offsets = TextOffsets(text)
    assert offsets.to_utf16(len(text)) == utf16_len(text)
    assert offsets.to_code_point(offsets.utf16_length) == len(text)
