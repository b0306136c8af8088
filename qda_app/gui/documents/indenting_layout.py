"""Lets a QPlainTextEdit show indented paragraphs (bullets with a hanging indent).

QPlainTextDocumentLayout ignores a block's left margin and first-line indent. This layout
lets Qt lay a block out as usual and, for a block whose format has a left margin, lays its
lines out again: the first line at `leftMargin + textIndent`, the following ones at
`leftMargin`, each narrower by as much. Display only: the text and its positions are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout
from PySide6.QtWidgets import QPlainTextDocumentLayout


class IndentingPlainTextLayout(QPlainTextDocumentLayout):
    """A QPlainTextDocumentLayout that honours leftMargin and textIndent of block formats."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        if not block.isValid() or not block.isVisible():
            return super().blockBoundingRect(block)
        block_format = block.blockFormat()
        left = block_format.leftMargin()
        if left <= 0:
            return super().blockBoundingRect(block)
        layout = block.layout()
        if layout.lineCount() == 0:
            super().blockBoundingRect(block)  # Qt lays the block out first
        first_indent = left + block_format.textIndent()
        if layout.lineCount() and layout.lineAt(0).position().x() < first_indent:
            self._indent(block, layout, left, first_indent)
        return super().blockBoundingRect(block)

    def _indent(self, block: QTextBlock, layout: QTextLayout, left: float, first: float) -> None:
        margin = self.document().documentMargin()
        available = layout.lineAt(0).width()  # what Qt gave every line: the width less margins
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = first if line.lineNumber() == 0 else left
            line.setLeadingIncluded(True)
            line.setLineWidth(max(1.0, available - indent))
            line.setPosition(QPointF(margin + indent, height))
            height += line.height()
        layout.endLayout()
        if block.lineCount() != layout.lineCount():  # the narrower lines wrapped differently
            block.setLineCount(layout.lineCount())
            self.documentSizeChanged.emit(self.documentSize())
