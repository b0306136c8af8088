"""Coded segments painted into the text layout of the document view.

The colours go into each text block's layout through a QSyntaxHighlighter, so no Python
object is held per coding (thousands of ExtraSelection objects with their cursors once ended
the interpreter with a fatal error at exit), and a changed coding repaints only the blocks it
covers. Where codings overlap, their light colours are blended and deepened a little per
extra layer, so every coding stays visible.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ..common.display_format import light_colour


@dataclass(frozen=True)
class Highlight:
    """One coding as painted: UTF-16 offsets into the document and its category colour."""

    coding_id: int
    start: int
    end: int
    colour: str


def blend(colours: list[QColor]) -> QColor:
    """The average of the colours, a little deeper for every layer beyond the first."""
    n = len(colours)
    red = sum(c.red() for c in colours) / n
    green = sum(c.green() for c in colours) / n
    blue = sum(c.blue() for c in colours) / n
    factor = max(0.6, 1.0 - 0.08 * (n - 1))
    return QColor(round(red * factor), round(green * factor), round(blue * factor))


class CodingHighlighter(QSyntaxHighlighter):
    """Paints highlights; `set_highlights` replaces them, `replace` changes a few."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._text_document = document
        self._by_id: dict[int, Highlight] = {}
        self._by_block: dict[int, list[Highlight]] = {}  # block number → its highlights
        self._starts: list[int] = []  # position of each block, read once per text
        self._colours: dict[str, QColor] = {}

    @property
    def highlights(self) -> list[Highlight]:
        return sorted(self._by_id.values(), key=lambda h: (h.start, h.end, h.coding_id))

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Paint these highlights instead of the ones before (repaints the whole text).

        A view that detached the highlighter (`setDocument(None)`) while it replaced the text
        gets it attached again here, so the text is painted once."""
        self._by_id = {h.coding_id: h for h in highlights}
        self._starts = []
        block = self._text_document.begin()
        while block.isValid():
            self._starts.append(block.position())
            block = block.next()
        self._by_block = {}
        for highlight in self._by_id.values():
            self._index(highlight)
        if self.document() is None:
            self.setDocument(self._text_document)  # highlights every block
        else:
            self.rehighlight()

    def replace(self, removed: set[int], added: Iterable[Highlight]) -> None:
        """Take away the highlights of `removed` coding ids, add `added`, and repaint only
        the blocks either of them touch."""
        touched = []
        for coding_id in removed:
            old = self._by_id.pop(coding_id, None)
            if old is not None:
                touched.append(old)
                for number in self._blocks(old):
                    entries = self._by_block.get(number, [])
                    self._by_block[number] = [h for h in entries if h.coding_id != coding_id]
        for highlight in added:
            self._by_id[highlight.coding_id] = highlight
            self._index(highlight)
            touched.append(highlight)
        for highlight in touched:
            self.rehighlight_range(highlight.start, highlight.end)

    def rehighlight_range(self, start: int, end: int) -> None:
        document = self._text_document
        block = document.findBlock(start)
        last = document.findBlock(max(start, end - 1)).blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            self.rehighlightBlock(block)
            block = block.next()

    def _blocks(self, highlight: Highlight) -> range:
        first = max(0, bisect_right(self._starts, highlight.start) - 1)
        last = max(0, bisect_right(self._starts, max(highlight.start, highlight.end - 1)) - 1)
        return range(first, last + 1)

    def _index(self, highlight: Highlight) -> None:
        for number in self._blocks(highlight):
            self._by_block.setdefault(number, []).append(highlight)

    def _colour(self, name: str) -> QColor:
        if name not in self._colours:
            self._colours[name] = light_colour(name)
        return self._colours[name]

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        highlights = self._by_block.get(block.blockNumber())
        if not highlights:
            return
        offset, length = block.position(), len(text.encode("utf-16-le")) // 2
        # Cut the block at every highlight edge; each piece gets the blend of what covers it.
        spans = []
        edges = {0, length}
        for highlight in highlights:
            start = max(0, highlight.start - offset)
            end = min(length, highlight.end - offset)
            if start < end:
                spans.append((start, end, self._colour(highlight.colour)))
                edges.update((start, end))
        cuts = sorted(edges)
        for left, right in zip(cuts, cuts[1:], strict=False):
            covering = [colour for start, end, colour in spans if start <= left and right <= end]
            if covering:
                text_format = QTextCharFormat()
                text_format.setBackground(covering[0] if len(covering) == 1 else blend(covering))
                self.setFormat(left, right - left, text_format)
