"""The document being written: headings (collected for the table of contents) and
numbered captions."""

from __future__ import annotations

from typing import Any

from ...i18n import tr


class ReportWriter:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.headings: list[tuple[int, str]] = []
        self.tables = 0
        self.figures = 0

    def heading(self, text: str, level: int) -> Any:
        """A real Word heading (Heading 1–3): the navigation pane and the TOC find it."""
        if level <= 3:
            self.headings.append((level, text))
        return self.document.add_heading(text, level)

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        return self.document.add_paragraph(text, style=style)

    def bullet(self, text: str) -> Any:
        return self.document.add_paragraph(text, style="List Bullet")

    def table_caption(self, text: str) -> Any:
        from .docx_fields import add_caption

        self.tables += 1
        return add_caption(self.document, tr("exports.report.table"), self.tables, text)

    def figure_caption(self, text: str) -> Any:
        from .docx_fields import add_caption

        self.figures += 1
        return add_caption(self.document, tr("exports.report.figure"), self.figures, text)
