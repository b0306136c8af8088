"""What a format reader returns: normalised plain text plus the structure it recognised."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import QdaError
from ..text_normalise import normalise_text

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row")


class ExtractionError(QdaError):
    """A file could not be read as a document; the message names the file and the reason."""


@dataclass(frozen=True)
class TextBlock:
    """A run of the stored text: [start, end) in code points, without the joining newline."""

    start: int
    end: int
    kind: str
    level: int = 0


@dataclass(frozen=True)
class ExtractedText:
    """Normalised text (as it will be stored) and its blocks, in order."""

    text: str
    format: str
    blocks: tuple[TextBlock, ...] = ()
    encoding: str | None = None


@dataclass
class TextBuilder:
    """Collects blocks; each block's text is normalised as it is added so offsets stay exact."""

    parts: list[str] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, kind: str = "paragraph", level: int = 0) -> None:
        if kind not in BLOCK_KINDS:
            raise ValueError(kind)
        piece = normalise_text(text)
        if self.parts:
            self.length += 1  # the "\n" joining blocks
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        self.blocks.append(TextBlock(start, self.length, kind, level))

    def add_blank(self) -> None:
        """A blank line between blocks, so the stored text keeps the file's paragraphs apart.

        Runs of blank lines count as one; none are kept before the first or after the last block.
        """
        if self.parts and self.parts[-1] != "":
            self.length += 1
            self.parts.append("")

    def build(self, fmt: str, encoding: str | None = None) -> ExtractedText:
        while self.parts and self.parts[-1] == "":
            self.parts.pop()
            self.length -= 1
        text = "\n".join(self.parts)
        return ExtractedText(text, fmt, tuple(self.blocks), encoding)
