"""How thoroughly the sample study is coded, measured on its data files alone.

`python -m sample_projects.leverkusen.study_metrics` prints, per document and in total, the
share of content lines that at least one coding touches, and the share of codings whose
top-level category differs from the question block they stand in.

A content line is a body line inside a question block (a block starts at a heading or a
short line naming one of the preset's question blocks and ends at the next block or at a
heading of the same or a higher level) that carries what an expert said: a bullet, a numbered
item, a paragraph or a respondent's turn. Interviewer turns, labels ("Gruppe A:"), guiding
questions ("Leitfrage…") and the closing line of an interview ("Ende des Gesprächs…") are not
content. A coding is placed by its quote (with its occurrence number) in the order of the
document's lines, the way the demo builder finds it in the imported text.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from qda_app.core.presets import load_preset

from .protocol_source import Line, ProtocolSource, read_source

STUDY = Path(__file__).parent
INTERVIEWER_LABELS = {"i", "interviewer", "interviewerin", "interviewer*in", "moderation"}
NOT_CONTENT = ("Leitfrage", "Ende des Gesprächs")
_BLOCK_LINE_MAX = 100


@dataclass(frozen=True)
class BodyLine:
    """One line of a protocol with the question block (top-level tag) it belongs to."""

    index: int
    line: Line
    block: str | None
    is_content: bool

    @property
    def texts(self) -> tuple[str, ...]:
        """The pieces a quote may stand in: the line's text, or each cell of a table row."""
        return self.line.cells if self.line.kind == "table" else (self.line.text,)


@dataclass(frozen=True)
class PlacedCoding:
    """A coding of codings/*.toml with the line its quote stands in."""

    document: str
    entry: dict[str, Any]
    line: BodyLine

    @property
    def top_tag(self) -> str:
        return str(self.entry["category"]).split("/", 1)[0]


@cache
def block_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(top-level tag, pattern) for every question-block pattern of the Leverkusen preset."""
    return tuple(
        (top["tag"], re.compile(pattern, re.IGNORECASE))
        for top in load_preset("leverkusen")["category"]
        for pattern in top.get("block_patterns", [])
    )


_BLOCK_LABELS = ("block", "themenblock", "fragenblock", "frageblock", "teil", "thema")


def _block_of(line: Line) -> str | None:
    text = line.text.strip()
    if line.kind == "speaker" and line.label.casefold().startswith(_BLOCK_LABELS):
        text = f"{line.label}: {text}"
    elif line.kind not in ("heading", "numbered", "paragraph", "label"):
        return None
    if line.kind != "heading" and (len(text) > _BLOCK_LINE_MAX or text.endswith((".", "?", "!"))):
        return None
    return next((tag for tag, pattern in block_patterns() if pattern.search(text)), None)


def _is_content(line: Line) -> bool:
    if line.kind == "speaker":
        return line.label.casefold() not in INTERVIEWER_LABELS and not line.label.startswith(
            NOT_CONTENT
        )
    return line.kind in ("bullet", "numbered", "paragraph") and not line.text.startswith(
        NOT_CONTENT
    )


def body_lines(source: ProtocolSource) -> list[BodyLine]:
    """Every body line with its block; block heads themselves are not content."""
    result: list[BodyLine] = []
    block: str | None = None
    block_level = 0
    for index, line in enumerate(source.lines):
        head = _block_of(line)
        if head is not None:
            block, block_level = head, (line.level if line.kind == "heading" else 99)
            result.append(BodyLine(index, line, block, False))
            continue
        if line.kind == "heading" and line.level <= block_level:
            block, block_level = None, 0
        result.append(BodyLine(index, line, block, block is not None and _is_content(line)))
    return result


def place_quote(lines: list[BodyLine], quote: str, occurrence: int = 1) -> BodyLine | None:
    """The line holding the n-th occurrence of `quote`, counting in document order."""
    seen = 0
    for body_line in lines:
        for text in body_line.texts:
            start = text.find(quote)
            while start >= 0:
                seen += 1
                if seen == occurrence:
                    return body_line
                start = text.find(quote, start + 1)
    return None


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def placed_codings(study: Path = STUDY) -> dict[str, tuple[list[BodyLine], list[PlacedCoding]]]:
    """Per protocol source (by file stem): its lines and its codings placed on them."""
    result = {}
    for source_path in sorted((study / "sources").glob("*.md")):
        lines = body_lines(read_source(source_path))
        coding_path = study / "codings" / f"{source_path.stem}.toml"
        entries = _load(coding_path).get("coding", []) if coding_path.exists() else []
        placed = []
        for entry in entries:
            line = place_quote(lines, entry["quote"], int(entry.get("occurrence", 1)))
            if line is None:
                raise ValueError(f"{coding_path.name}: quote of {entry['id']} not found")
            placed.append(PlacedCoding(source_path.stem, entry, line))
        result[source_path.stem] = (lines, placed)
    return result


def coverage(lines: list[BodyLine], codings: list[PlacedCoding]) -> tuple[int, int]:
    """(content lines touched by a coding, content lines)."""
    content = {b.index for b in lines if b.is_content}
    touched = {c.line.index for c in codings} & content
    return len(touched), len(content)


def outside_block(codings: list[PlacedCoding]) -> list[PlacedCoding]:
    """Codings in a question block whose top-level category is not that block's."""
    return [c for c in codings if c.line.block is not None and c.top_tag != c.line.block]


def main(argv: list[str] | None = None) -> int:
    del argv
    total_touched = total_content = total_codings = total_outside = 0
    coders: Counter[str] = Counter()
    for stem, (lines, codings) in placed_codings().items():
        touched, content = coverage(lines, codings)
        outside = len(outside_block(codings))
        total_touched += touched
        total_content += content
        total_codings += len(codings)
        total_outside += outside
        coders.update(str(c.entry["coder"]) for c in codings)
        print(
            f"{stem:22} {touched:3}/{content:3} lines coded ({touched / max(content, 1):4.0%}), "
            f"{len(codings):3} codings, {outside:2} outside their block"
        )
    print(
        f"{'total':22} {total_touched:3}/{total_content:3} lines coded "
        f"({total_touched / max(total_content, 1):.1%}); {total_codings} codings, "
        f"{total_outside / max(total_codings, 1):.1%} outside their block; "
        + ", ".join(f"{name} {n}" for name, n in sorted(coders.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
