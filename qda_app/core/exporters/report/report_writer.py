"""The document being written: headings (collected for the table of contents) and
numbered captions."""

from __future__ import annotations

from typing import Any

from ...i18n import tr
from ..spreadsheet_text import UNSTORABLE


class ReportWriter:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.headings: list[tuple[int, str]] = []
        self.tables = 0
        self.figures = 0
        self._styles: dict[str, Any] = {}

    def style_id(self, name: str) -> Any:
        """A paragraph style's id, looked up once (python-docx searches all styles on
        every assignment, which takes seconds over a long report)."""
        if name not in self._styles:
            self._styles[name] = self.document.styles[name].style_id
        return self._styles[name]

    def heading(self, text: str, level: int) -> Any:
        """A real Word heading (Heading 1–3): the navigation pane and the TOC find it."""
        if level <= 3:
            self.headings.append((level, text))
        return self.paragraph(text, f"Heading {level}")

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        paragraph = self.document.add_paragraph(UNSTORABLE.sub("", text))
        if style:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def bullet(self, text: str) -> Any:
        return self.paragraph(text, "List Bullet")

    def table_caption(self, text: str) -> Any:
        from .docx_fields import add_caption

        self.tables += 1
        return add_caption(self.document, tr("exports.report.table"), self.tables, text)

    def figure_caption(self, text: str) -> Any:
        from .docx_fields import add_caption

        self.figures += 1
        return add_caption(self.document, tr("exports.report.figure"), self.figures, text)
