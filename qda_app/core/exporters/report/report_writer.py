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
        self._section_properties = document.element.body.sectPr

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
        paragraph = self.paragraph(text, f"Heading {level}")
        if level == 1:  # a chapter starts on a new page
            from docx.oxml import OxmlElement

            paragraph._p.pPr.append(OxmlElement("w:pageBreakBefore"))
        return paragraph

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph

        # Built element by element before the section properties: python-docx's
        # add_paragraph searches the body for its place each time.
        element = OxmlElement("w:p")
        if style:
            properties = OxmlElement("w:pPr")
            style_element = OxmlElement("w:pStyle")
            style_element.set(qn("w:val"), self.style_id(style))
            properties.append(style_element)
            element.append(properties)
        if text:
            run, words = OxmlElement("w:r"), OxmlElement("w:t")
            words.text = UNSTORABLE.sub("", text)
            words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(words)
            element.append(run)
        self._section_properties.addprevious(element)
        return Paragraph(element, self.document._body)

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
