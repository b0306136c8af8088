"""Positions as other programs count them, carried onto the stored text: every way of
counting maps back to the same words, and the stored text is exactly the normalised one."""

from __future__ import annotations

import random
import unicodedata

import pytest
from exchange.refi_archives import utf16_offset

from qda_app.core.exchange.offset_units import (
    QUALCODER,
    STANDARD,
    Counting,
    PositionMap,
    detect,
    name_matches,
)
from qda_app.core.exchange.stored_text import StoredText
from qda_app.core.text_normalise import normalise_text

ALPHABET = [
    "a",
    "ü",
    "ß",
    " ",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "𝄞",
    "\t",
    "\x00",
    "\ufeff",
    "\u00ad",
    "u\u0308",
    "\u2028",
    "e\u0301",
    "Ä",
]


def random_text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(length))


@pytest.mark.parametrize("seed", range(40))
def test_the_stored_text_is_the_normalised_text_and_offsets_follow_it(seed: int) -> None:
    rng = random.Random(seed)
    raw = random_text(rng, 60)
    stored = StoredText(raw)
    assert stored.text == normalise_text(raw)
    for _ in range(30):
        start = rng.randrange(len(raw))
        end = rng.randrange(start, len(raw) + 1)
        first, last = stored.start(start), stored.end(end)
        assert 0 <= first <= last <= len(stored.text)
        # What lies between maps onto the normalised form of what lay between.
        piece = normalise_text(raw[start:end])
        if unicodedata.is_normalized("NFC", raw) and "\r" not in raw[start - 1 : start + 1]:
            assert stored.text[first:last] == piece


def counted(raw: str, counting: Counting, index: int, has_bom: bool) -> int:
    """Where code point `index` of `raw` lies in the program's counting."""
    text = raw
    if counting.line_breaks == "crlf_as_one":
        text = raw[:index].replace("\r\n", "\n")
        position = len(text)
    elif counting.line_breaks == "lf_as_two":
        position = len(raw[:index].replace("\n", "\r\n"))
        text = raw[:index].replace("\n", "\r\n")
    else:
        position, text = index, raw[:index]
    if counting.utf16:
        position = utf16_offset(text, len(text))
    return position + (1 if counting.bom and has_bom else 0)


RAW = "Zeile 😀 eins\r\nZeile 𝄞 zwei\r\nDrei und vier\r\nEnde 👧🏽 gut"
BARE = RAW.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "counting",
    [
        STANDARD,
        QUALCODER,
        Counting(utf16=True),
        Counting(line_breaks="crlf_as_one"),
        Counting(bom=True),
        Counting(utf16=True, line_breaks="crlf_as_one", bom=True),
    ],
)
def test_each_counting_is_detected_from_the_names_and_maps_back(counting: Counting) -> None:
    words = ["eins", "Zeile 𝄞 zwei", "Drei und vier", "Ende 👧🏽 gut"]
    spans = []
    for word in words:
        start = RAW.index(word)
        spans.append(
            (
                counted(RAW, counting, start, True),
                counted(RAW, counting, start + len(word), True),
                word,
            )
        )
    found = detect(RAW, True, spans, STANDARD)
    assert found == counting
    mapping = PositionMap(RAW, counting, True)
    assert [RAW[mapping.to_raw(s) : mapping.to_raw(e)] for s, e, _w in spans] == words


def test_line_breaks_counted_twice_in_a_text_with_single_ones() -> None:
    counting = Counting(line_breaks="lf_as_two")
    start = BARE.index("Drei")
    span = (counted(BARE, counting, start, False), counted(BARE, counting, start + 13, False))
    assert detect(BARE, False, [(*span, "Drei und vier")], STANDARD) == counting


def test_names_decide_only_when_they_say_something() -> None:
    assert name_matches("Quotation 6:1", "etwas anderes") is False
    assert name_matches("", "etwas") is None
    assert name_matches("Die Kinder spielen auf der…", "Die Kinder  spielen\nauf der Straße")
    # Without names, the program's habit decides: QualCoder counts as QualCoder does.
    start = RAW.index("Ende")
    span = [(counted(RAW, QUALCODER, start, True), counted(RAW, QUALCODER, start + 4, True), "")]
    assert detect(RAW, True, span, QUALCODER) == QUALCODER
    assert detect(RAW, True, span, STANDARD) == STANDARD


def test_a_position_inside_a_character_is_no_position() -> None:
    mapping = PositionMap("a😀b", Counting(utf16=True), False)
    assert [mapping.to_raw(i) for i in range(5)] == [0, 1, None, 2, 3]
    assert PositionMap("abc", STANDARD, False).to_raw(4) is None
