"""Parts several Word exports share: a titled landscape A4 document, a shaded cell and a
header row that repeats on every page (python-docx has no API for the last two)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell


def landscape_document(title: str, *, margin_cm: float, font_pt: float) -> DocxDocument:
    """A new landscape A4 document with these margins and body size, titled `title`
    (document properties and a title heading)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    document.styles["Normal"].font.size = Pt(font_pt)
    document.core_properties.title = title
    document.add_heading(title, level=0)
    return document


def shade_cell(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (hex RGB without '#')."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def repeat_header_row(row: Any) -> None:
    """Mark a table row as the header Word repeats at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
