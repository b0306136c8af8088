"""Word fields and small pieces of WordprocessingML python-docx has no call for: the table
of contents, page numbers and numbered captions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
