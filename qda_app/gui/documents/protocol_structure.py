"""Workshop protocols keep their shape on screen: headings look like headings, the header
table (Veranstaltung, Datum, Moderation …) reads as a table, bullets as bullets.

Display only: the structure is read from the stored plain text line by line and applied as
formats of the shown QTextDocument; the text and its offsets never change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from .text_offsets import TextOffsets

BULLET = re.compile(r"^\s*[•\-–*·]\s+")
NUMBERED_HEADING = re.compile(r"^\s*(\d+(\.\d+)*\.?|[IVX]+\.)\s+\S")
HEADING_MAX = 80
TABLE_KEY_MAX = 30
MAX_LINES = 20_000  # a longer text is shown plain (its formats would cost more than they help)
TABLE_TAB = 170.0  # pixels from the left where the table's values begin (a tab stop)
BULLET_INDENT = 16.0  # pixels a bullet line moves right; its wrapped lines hang further in


@dataclass(frozen=True)
class StructureLine:
    """One line of the text with its role: heading (level 1 or 2), table_row or bullet."""

    start: int
    end: int
    kind: str
    level: int = 0
    key_end: int = 0  # table rows: where the key ends (the tab)


def find_structure(text: str) -> list[StructureLine]:
    """The lines that are more than paragraphs, in code-point offsets."""
    found: list[StructureLine] = []
    position = 0
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        return found
    for number, line in enumerate(lines):
        start, end = position, position + len(line)
        position = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if "\t" in line and 0 < line.index("\t") <= TABLE_KEY_MAX:
            found.append(StructureLine(start, end, "table_row", key_end=start + line.index("\t")))
        elif BULLET.match(line):
            found.append(StructureLine(start, end, "bullet"))
        elif len(stripped) <= HEADING_MAX and not stripped.endswith((".", ",", ";", "!", "?")):
            if number == 0 or NUMBERED_HEADING.match(line):
                found.append(StructureLine(start, end, "heading", level=1))
            elif not stripped.endswith(":") or len(stripped) <= 25:
                found.append(StructureLine(start, end, "heading", level=2))
    return found


def apply_structure(
    document: QTextDocument, offsets: TextOffsets, lines: list[StructureLine]
) -> None:
    """Format the shown document's lines by their roles (one edit block, no undo): headings
    bold (the title and numbered ones larger), table keys bold, bullets indented with their
    wrapped lines hanging under the text after the bullet character (the view's
    IndentingPlainTextLayout honours these block margins). The view sets a wide tab stop so
    that table values line up."""
    if not lines:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    base = document.defaultFont().pointSizeF()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    title = QTextCharFormat(bold)
    title.setFontPointSize(base * 1.2)
    metrics = QFontMetricsF(document.defaultFont())
    for line in lines:
        if line.kind == "bullet":
            cursor.setPosition(offsets.to_utf16(line.start))
            cursor.mergeBlockFormat(bullet_format(cursor.block().text(), metrics))
            continue
        start, end = offsets.range_to_utf16(line.start, line.end)
        if line.kind == "table_row":
            end = offsets.to_utf16(line.key_end)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(title if line.kind == "heading" and line.level == 1 else bold)
    cursor.endEditBlock()


def bullet_format(line: str, metrics: QFontMetricsF) -> QTextBlockFormat:
    """A hanging indent: the bullet at BULLET_INDENT, wrapped lines under the text after it."""
    match = BULLET.match(line)
    hanging = metrics.horizontalAdvance(match.group(0).lstrip()) if match else 0.0
    block_format = QTextBlockFormat()
    block_format.setLeftMargin(BULLET_INDENT + hanging)
    block_format.setTextIndent(-hanging)
    return block_format
