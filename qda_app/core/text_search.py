"""Full-text search over document texts, folded as German readers expect.

Each text is folded once (`text_fold.fold`, character by character so every folded position
maps back to a stored code-point offset) and kept while its content hash stays the same; a
search is then a plain substring scan of the folded texts. Only characters outside ASCII can
change length when folded (ß → ss, ä → ae, combining accents → nothing), so the map back is
a short list of those places, searched with bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .text_fold import fold

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
CONTEXT = 40


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    return fold(char)


@dataclass(frozen=True)
class SearchHit:
    """One place a query was found: code-point offsets into the stored text, with context."""

    document_id: int
    document_title: str
    start: int
    end: int
    text: str
    context_before: str
    context_after: str


class FoldedText:
    """A text with its folded form and the map from folded positions back to the text."""

    __slots__ = ("_cum", "_folded_starts", "_lengths", "_originals", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        parts: list[str] = []
        self._folded_starts: list[int] = []  # where a changed-length character begins, folded
        self._originals: list[int] = []  # … and where it stands in the text
        self._lengths: list[int] = []  # … its folded length
        self._cum: list[int] = []  # folded minus original offset just after it
        last = position = shift = 0
        for match in _NON_ASCII.finditer(text):
            index = match.start()
            plain = text[last:index].lower()  # ASCII only: one character stays one
            parts.append(plain)
            position += len(plain)
            folded = fold_char(match.group())
            parts.append(folded)
            if len(folded) != 1:
                shift += len(folded) - 1
                self._folded_starts.append(position)
                self._originals.append(index)
                self._lengths.append(len(folded))
                self._cum.append(shift)
            position += len(folded)
            last = index + 1
        parts.append(text[last:].lower())
        self.folded = "".join(parts)

    def original(self, folded_position: int, *, end: bool = False) -> int:
        """The text offset of a folded offset; inside an expansion (ß → ss) a start rounds
        to the character, an end to just after it."""
        entry = bisect_right(self._folded_starts, folded_position) - 1
        if entry < 0:
            return folded_position
        start, length = self._folded_starts[entry], self._lengths[entry]
        if folded_position >= start + length:
            return folded_position - self._cum[entry]
        if folded_position == start:
            return self._originals[entry]
        return self._originals[entry] + (1 if end else 0)

    def find(self, folded_query: str) -> list[tuple[int, int]]:
        """Every (start, end) in text offsets where the folded query occurs."""
        found: list[tuple[int, int]] = []
        if not folded_query:
            return found
        at = self.folded.find(folded_query)
        while at >= 0:
            start = self.original(at)
            end = self.original(at + len(folded_query), end=True)
            if end > start and (not found or found[-1] != (start, end)):
                found.append((start, end))
            at = self.folded.find(folded_query, at + len(folded_query))
        return found


def hit(document_id: int, title: str, text: str, start: int, end: int) -> SearchHit:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return SearchHit(document_id, title, start, end, text[start:end], before, after)
