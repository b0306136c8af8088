"""Folding text for search the way German readers expect: case, ß, umlauts and accents.

"Strasse" finds "Straße", "Muenchen" finds "München", "CAFE" finds "Café". Umlauts fold to
their two-letter spelling (DIN 5007-2), other accents are dropped.
"""

from __future__ import annotations

import unicodedata

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def fold(text: str) -> str:
    """A search key for `text`: lower case, umlauts spelled out, accents and ß removed."""
    lowered = text.casefold().translate(UMLAUTS)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
