"""Structure in protocols: speaker turns in interviews and question-block sections."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .extracted import ExtractedText, TextBlock

INTERVIEWER_LABELS = {
    "i",
    "int",
    "interviewer",
    "interviewerin",
    "interviewer*in",
    "interviewende",
    "moderation",
    "moderator",
    "moderatorin",
    "f",
    "frage",
}
RESPONDENT_LABELS = {
    "b",
    "befragte",
    "befragter",
    "befragte*r",
    "ip",
    "interviewte",
    "interviewter",
    "interviewpartner",
    "interviewpartnerin",
    "a",
    "antwort",
    "tn",
    "teilnehmende",
}
# A label at the start of a line: a name of up to five words, a colon, then the utterance.
_TURN = re.compile(r"(?P<label>[^\W\d_][\w.\-*']*(?: [\w.\-*']+){0,4})\s*:[ \t]+(?=\S)")
_BLOCK_LINE_MAX = 100


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    speaker: str
    role: str


@dataclass(frozen=True)
class Section:
    """A question block: from its heading to the next block heading (or a higher heading)."""

    category_id: int
    start: int
    end: int


def _role(label: str) -> str | None:
    key = label.casefold()
    if key in INTERVIEWER_LABELS:
        return "interviewer"
    if key in RESPONDENT_LABELS:
        return "respondent"
    return None


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n \t":
        end -= 1
    return end


def find_speaker_turns(extracted: ExtractedText) -> list[Turn]:
    """Turns start at lines like "I: …", "B: …", "Interviewerin: …", "Frau K.: …".

    Only documents with an interviewer label have turns. Other labels count when they are a
    known respondent label or start at least two lines (so "Datum: …" in a header does not).
    """
    text = extracted.text
    starts: list[tuple[TextBlock, str]] = []
    for block in extracted.blocks:
        if block.kind in ("paragraph", "list_item"):
            match = _TURN.match(text, block.start, block.end)
            if match:
                starts.append((block, match.group("label")))
    counts = Counter(label for _, label in starts)
    if not any(_role(label) == "interviewer" for label in counts):
        return []
    accepted = {label for label, n in counts.items() if _role(label) or n >= 2}
    starts = [(block, label) for block, label in starts if label in accepted]
    breaks = sorted(
        {b.start for b, _ in starts} | {b.start for b in extracted.blocks if b.kind == "heading"}
    )
    turns: list[Turn] = []
    for block, label in starts:
        index = bisect_right(breaks, block.start)
        end = _trimmed_end(text, block.start, breaks[index] if index < len(breaks) else len(text))
        turns.append(Turn(block.start, end, label, _role(label) or "respondent"))
    return turns


def _is_block_line(text: str, block: TextBlock) -> bool:
    line = text[block.start : block.end].strip()
    if block.kind == "heading":
        return True
    if len(line) > _BLOCK_LINE_MAX or line.endswith((".", "?", "!", ",")):
        return False
    return _TURN.match(line) is None or line.split(":", 1)[0].casefold().startswith(
        ("block", "themenblock", "fragenblock", "frageblock", "teil", "thema")
    )


def _next_heading_at_or_above(blocks: tuple[TextBlock, ...]) -> dict[int, int]:
    """For each heading's start, where the next heading of the same or a higher level starts.

    One pass from the end with a stack of candidate headings (nearest on top): a heading
    deeper than the current one can never end a section that starts before the current one.
    """
    found: dict[int, int] = {}
    stack: list[TextBlock] = []
    for block in reversed(blocks):
        if block.kind != "heading":
            continue
        while stack and stack[-1].level > block.level:
            stack.pop()
        if stack:
            found[block.start] = stack[-1].start
        stack.append(block)
    return found


def find_sections(extracted: ExtractedText, patterns: dict[int, list[str]]) -> list[Section]:
    """Sections of the text that answer each category's question block."""
    compiled = {
        cid: [re.compile(p, re.IGNORECASE) for p in ps] for cid, ps in patterns.items() if ps
    }
    text = extracted.text
    heads: list[tuple[TextBlock, int]] = []
    for block in extracted.blocks:
        if block.kind == "table_row" or not _is_block_line(text, block):
            continue
        line = text[block.start : block.end]
        for category_id, regexes in compiled.items():
            if any(regex.search(line) for regex in regexes):
                heads.append((block, category_id))
                break
    closing = _next_heading_at_or_above(extracted.blocks)
    sections: list[Section] = []
    for index, (block, category_id) in enumerate(heads):
        end = heads[index + 1][0].start if index + 1 < len(heads) else len(text)
        if block.kind == "heading":
            end = min(end, closing.get(block.start, end))
        end = _trimmed_end(text, block.start, end)
        if end > block.start:
            sections.append(Section(category_id, block.start, end))
    return sections
