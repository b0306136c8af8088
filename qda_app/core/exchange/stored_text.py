"""From a source's text as another program wrote it to the text this app stores.

The store keeps every text normalised (line breaks as "\\n", control characters removed,
Unicode NFC; see `text_normalise`). Offsets into the written text are carried over to the
stored text here, so codings land on the same words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from ..text_normalise import normalise_text

# What `normalise_text` drops: the "\r" of "\r\n" and the removed control characters. Other
# line breaks become one "\n" each and keep their position.
_DROPPED = re.compile(r"\r(?=\n)|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\u00ad]")
_OTHER_BREAKS = re.compile(r"\r|\u2028|\u2029|\u0085|\x0b|\x0c")


@dataclass
class StoredText:
    """The stored form of a raw text and the mapping of raw offsets onto it."""

    raw: str
    text: str = ""
    _dropped: list[int] = field(default_factory=list)
    _nfc: list[tuple[int, int, int, int]] | None = None  # raw chunk (start, end) → stored

    def __post_init__(self) -> None:
        self._dropped = [m.start() for m in _DROPPED.finditer(self.raw)]
        kept = _DROPPED.sub("", self.raw)
        kept = _OTHER_BREAKS.sub("\n", kept)
        if unicodedata.is_normalized("NFC", kept):
            self.text = kept
        else:
            self.text, self._nfc = _nfc_chunks(kept)
        if self.text != normalise_text(self.raw):  # the two ways must agree exactly
            raise AssertionError("stored text mapping diverges from normalise_text")

    def start(self, raw_offset: int) -> int:
        """Where a range starting at `raw_offset` starts in the stored text."""
        return self._map(raw_offset, ceil=False)

    def end(self, raw_offset: int) -> int:
        """Where a range ending at `raw_offset` ends in the stored text."""
        return self._map(raw_offset, ceil=True)

    def _map(self, raw_offset: int, ceil: bool) -> int:
        kept = raw_offset - bisect_left(self._dropped, raw_offset)
        if self._nfc is None:
            return kept
        index = bisect_left(self._nfc, (kept + 1, -1, -1, -1)) - 1
        if index < 0:
            return kept
        start, end, stored_start, stored_end = self._nfc[index]
        if kept >= end:
            return stored_end + (kept - end)
        if kept == start or (end - start) == (stored_end - stored_start):
            return stored_start + (kept - start)
        return stored_end if ceil else stored_start


def _nfc_chunks(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """NFC piece by piece: a piece starts at each ASCII character (nothing composes with a
    preceding character across one), so pieces normalise alone as they do together."""
    pieces: list[str] = []
    chunks: list[tuple[int, int, int, int]] = []
    stored = 0
    for match in re.finditer(r"[\x00-\x7f]?[^\x00-\x7f]*", text):
        if not match.group():
            continue
        piece = unicodedata.normalize("NFC", match.group())
        chunks.append((match.start(), match.end(), stored, stored + len(piece)))
        pieces.append(piece)
        stored += len(piece)
    return "".join(pieces), chunks
