"""How another program counted the positions of its text selections, found from the offsets
and the text itself.

REFI-QDA counts Unicode code points from 0 in the text file as written. Programs deviate:
QualCoder counts UTF-16 units (an emoji counts twice), some count "\\r\\n" as one character
although the file has two, some count a line break as two although the text has one, and a
byte-order mark may or may not be counted. Each way of counting is a `Counting`; the one whose
ranges best reproduce the selections' names (the coded words) wins, and among equals the
standard one, or the program's known habit.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CRLF = re.compile("\r\n")
_BARE_LF = re.compile("(?<!\r)\n")
_SPACE = re.compile(r"\s+")
TRUNCATION = ("…", "...")


@dataclass(frozen=True)
class Counting:
    """One way of counting positions in a text."""

    utf16: bool = False  # positions are UTF-16 units, not code points
    line_breaks: str = "as_written"  # or "crlf_as_one", "lf_as_two"
    bom: bool = False  # a byte-order mark at the start is counted

    @property
    def standard(self) -> bool:
        return self == STANDARD


STANDARD = Counting()
QUALCODER = Counting(utf16=True, line_breaks="crlf_as_one")


class PositionMap:
    """Positions in one `Counting` of a text → code points of the text as written."""

    def __init__(self, raw: str, counting: Counting, has_bom: bool) -> None:
        self.counting = counting
        self.length = len(raw)
        counted = raw
        self._collapsed: list[int] = []  # crlf_as_one: where a "\r\n" counts as one
        self._doubled: list[int] = []  # lf_as_two: where an extra unit was counted
        if counting.line_breaks == "crlf_as_one":
            self._collapsed = [m.start() - i for i, m in enumerate(_CRLF.finditer(raw))]
            counted = raw.replace("\r\n", "\n")
        elif counting.line_breaks == "lf_as_two":
            self._doubled = [m.start() + i for i, m in enumerate(_BARE_LF.finditer(raw))]
            counted = _BARE_LF.sub("\r\n", raw)
        self._bom = 1 if counting.bom and has_bom else 0
        if self._bom:
            counted = "\ufeff" + counted
        # UTF-16: where each astral character starts, counted in UTF-16 units.
        self._astral = (
            [m.start() + i for i, m in enumerate(_ASTRAL.finditer(counted))]
            if counting.utf16
            else []
        )

    def to_raw(self, position: int) -> int | None:
        """The code point offset in the written text, or None when it lies outside or inside
        a character (between the two halves of a UTF-16 pair)."""
        if position < 0:
            return None
        if self._astral:
            index = bisect_left(self._astral, position - 1)
            if index < len(self._astral) and self._astral[index] == position - 1:
                return None
            position -= bisect_right(self._astral, position - 2)
        position -= self._bom
        if position < 0:
            return None
        if self._collapsed:
            position += bisect_left(self._collapsed, position)
        elif self._doubled:
            index = bisect_left(self._doubled, position)
            if index < len(self._doubled) and self._doubled[index] == position - 1:
                return None
            position -= bisect_right(self._doubled, position - 1)
        return position if position <= self.length else None


def _words(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _wanted(name: str) -> tuple[str, bool] | None:
    """A name as comparable words and whether it was shortened; None when it says nothing
    (fewer than three characters)."""
    words = _words(name)
    for mark in TRUNCATION:
        if words.endswith(mark):
            stem = words[: -len(mark)].rstrip()
            return (stem, True) if len(stem) >= 3 else None
    return (words, False) if len(words) >= 3 else None


def name_matches(name: str, coded: str) -> bool | None:
    """Do the coded words read as the selection's name? None when the name says nothing
    (a label such as "Quotation 6:1" cannot be told from a wrong range, but an empty or
    two-letter name says nothing at all)."""
    wanted = _wanted(name)
    if wanted is None:
        return None
    return _matches(wanted, coded)


def _matches(wanted: tuple[str, bool], coded: str) -> bool:
    words, shortened = wanted
    got = _words(coded[: len(words) * 2 + 16] if shortened else coded)
    return got.startswith(words) if shortened else got == words


def candidates(raw: str, has_bom: bool) -> list[Counting]:
    """The countings that differ on this text (others would give the same positions)."""
    utf16 = (False, True) if _ASTRAL.search(raw) else (False,)
    breaks = ["as_written"]
    if "\r\n" in raw:
        breaks.append("crlf_as_one")
    if _BARE_LF.search(raw):
        breaks.append("lf_as_two")
    boms = (False, True) if has_bom else (False,)
    return [Counting(u, b, m) for u, b, m in product(utf16, breaks, boms)]


SAMPLE = 60


def _sample(
    selections: Sequence[tuple[int, int, str]],
) -> list[tuple[int, int, tuple[str, bool]]]:
    """Up to SAMPLE selections with informative names, spread over the text (names are
    looked at only until enough are found)."""
    step = max(1, len(selections) // SAMPLE)
    order = [*range(0, len(selections), step)]
    order += [i for i in range(len(selections)) if i % step]
    found = []
    for index in order:
        start, end, name = selections[index]
        wanted = _wanted(name)
        if wanted is not None:
            found.append((start, end, wanted))
            if len(found) == SAMPLE:
                break
    return found


def detect(
    raw: str, has_bom: bool, selections: Sequence[tuple[int, int, str]], habit: Counting
) -> Counting:
    """The counting under which most selections' names match their text, then fewest ranges
    fall outside the text; ties go to the program's habit, then to the standard.

    Up to SAMPLE selections with informative names, spread over the text, decide; a preferred
    counting that all of them confirm is taken without trying the others."""
    options = candidates(raw, has_bom)
    preference = [c for c in (habit, STANDARD) if c in options]
    informative = _sample(selections)
    bounds = [(s, e) for s, e, _n in selections]

    def score(counting: Counting) -> tuple[int, int, int]:
        mapping = PositionMap(raw, counting, has_bom)
        matches = 0
        for start, end, wanted in informative:
            first, last = mapping.to_raw(start), mapping.to_raw(end)
            if first is not None and last is not None and first < last:
                matches += _matches(wanted, raw[first:last])
        misses = sum(
            1
            for start, end in bounds
            if (first := mapping.to_raw(start)) is None
            or (last := mapping.to_raw(end)) is None
            or first >= last
        )
        rank = preference.index(counting) if counting in preference else len(preference)
        return (-matches, misses, rank)

    for counting in preference:
        matches, misses, _rank = score(counting)
        if informative and -matches == len(informative) and misses == 0:
            return counting
    return min(options, key=score)
