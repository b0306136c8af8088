"""A protocol's title from its first line, when that line is one.

A first line counts as a title when it is a heading, or a short line of its own (a blank
line follows) that is neither a sentence nor a speaker's turn. "Protokoll: " and similar
labels before a colon are dropped. A line made only of generic words ("Protokoll
Telefoninterview") names no protocol in particular: then the file name stays the title.
"""

from __future__ import annotations

import re

from .extracted import ExtractedText

MAX_LENGTH = 120
GENERIC = {
    "protokoll",
    "gesprachsnotiz",
    "gespraechsnotiz",
    "notiz",
    "notizen",
    "mitschrift",
    "telefoninterview",
    "interview",
    "workshop",
    "online-workshop",
    "transkript",
}
_LABEL = re.compile(r"^(protokoll|gesprächsnotiz|mitschrift|notiz|transkript)\s*:\s*", re.I)
_TURN = re.compile(r"^\w{1,12}\s*:")


def title_from_text(extracted: ExtractedText) -> str | None:
    text = extracted.text
    if not extracted.blocks:
        return None
    first = extracted.blocks[0]
    line = text[first.start : first.end].strip()
    if not line or "\n" in line or len(line) > MAX_LENGTH:
        return None
    if first.kind != "heading":
        after = text[first.end : first.end + 2]
        if not after.startswith("\n\n") and first.end < len(text):
            return None
        if line.endswith((".", "?", "!", ",", ";")):
            return None
    title = _LABEL.sub("", line).strip()
    if not title or (_TURN.match(title) and title == line and first.kind != "heading"):
        return None
    words = re.sub(r"\(.*?\)", " ", title).casefold().replace("ä", "a").split()
    if all(word.strip(",;–-") in GENERIC for word in words):
        return None
    return title
