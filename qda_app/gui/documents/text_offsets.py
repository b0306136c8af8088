"""Converting between core offsets (Unicode code points) and Qt offsets (UTF-16 code units).

Python strings and the project store count code points; QTextDocument counts UTF-16 units, in
which every character outside the Basic Multilingual Plane (emoji, some historic scripts)
takes two. One `TextOffsets` is built per document text and answers each conversion in
O(log n) with a binary search over the positions of those characters (O(1) when there are
none, which is the usual case).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextOffsets:
    """Offset conversion for one text, precomputed once."""

    __slots__ = ("_astral", "_astral_ends", "code_point_length", "utf16_length")

    def __init__(self, text: str) -> None:
        # Code-point index of each astral character, and the UTF-16 offset just after it.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_ends = [index + count + 2 for count, index in enumerate(self._astral)]
        self.code_point_length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """True when both ways of counting agree everywhere (no character outside the BMP)."""
        return not self._astral

    def to_utf16(self, code_point: int) -> int:
        """The UTF-16 offset of a code-point offset (0 … len(text))."""
        if not self._astral:
            return code_point
        return code_point + bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int) -> int:
        """The code-point offset of a UTF-16 offset; inside a surrogate pair it rounds down."""
        if not self._astral:
            return utf16
        before = bisect_right(self._astral_ends, utf16)
        code_point = utf16 - before
        # An offset between the two halves of a pair lands after the pair's first half.
        if before < len(self._astral) and self._astral[before] < code_point:
            return self._astral[before]
        return code_point

    def range_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A code-point range [start, end) as a UTF-16 range."""
        return self.to_utf16(start), self.to_utf16(end)
