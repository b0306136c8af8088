"""The document being written: headings (collected for the table of contents), paragraphs,
numbered captions; and the Word fields python-docx has no call for (the table of contents,
page numbers, SEQ numbers of captions)."""

from __future__ import annotations

from collections.abc import Sequence
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

        self.tables += 1
        return add_caption(self.document, tr("exports.report.table"), self.tables, text)

    def figure_caption(self, text: str) -> Any:

        self.figures += 1
        return add_caption(self.document, tr("exports.report.figure"), self.figures, text)


TOC_LEVELS = 2  # chapters and top-level categories; subcategories would fill pages


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field_char(paragraph: Any, kind: str) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType=kind))


def _instruction(paragraph: Any, text: str) -> None:
    instruction = _element("w:instrText")
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction.text = f" {text} "
    paragraph.add_run()._r.append(instruction)


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A simple field in a paragraph (PAGE, SEQ …) with the result shown until Word
    updates it."""
    _field_char(paragraph, "begin")
    _instruction(paragraph, instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def add_toc(document: Any, entries: Sequence[tuple[int, str]]) -> list[Any]:
    """A table-of-contents field over heading levels 1–2. Its result is filled with the
    headings already (indented by level, without page numbers), so the list reads right
    before Word or LibreOffice update the field (F9, or "Update index")."""
    from docx.shared import Cm

    paragraphs = []
    for level, text in [e for e in entries if e[0] <= TOC_LEVELS] or [(1, "")]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        paragraphs.append((paragraph, text))
    first = paragraphs[0][0]
    _field_char(first, "begin")
    _instruction(first, f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u')
    _field_char(first, "separate")
    for paragraph, text in paragraphs:
        paragraph.add_run(text)
    _field_char(paragraphs[-1][0], "end")
    return [paragraph for paragraph, _text in paragraphs]


def add_page_numbers(section: Any) -> None:
    """The page number, centred in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE", "1")


def add_caption(document: Any, label: str, number: int, text: str) -> Any:
    """ "Tabelle 1: …" in the Caption style, the number a SEQ field Word counts itself."""
    paragraph = document.add_paragraph(style=document.styles["Caption"])
    paragraph.add_run(f"{label} ")
    add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    paragraph.add_run(f": {text}")
    return paragraph
