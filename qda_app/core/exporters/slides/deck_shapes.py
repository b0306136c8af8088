"""Small helpers that put text into slide shapes in the deck's font."""

from __future__ import annotations

from typing import Any

from .text_fit import DECK_FONT, LINE_SPACING, wrapped_lines


def style_run(run: Any, size: float, *, bold: bool = False, italic: bool = False) -> None:
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.name = DECK_FONT
    run.font.bold = bold
    run.font.italic = italic


def fill_title(
    shape: Any, text: str, size: float, *, bold: bool = True, width: float | None = None
) -> None:
    """Title text at `size`, smaller while it would need more lines than the box holds."""
    from pptx.enum.text import MSO_AUTO_SIZE

    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    if width is not None:
        height = int(shape.height) / 12700 - 7.2
        while size > 14 and wrapped_lines(text, size, width) * size * LINE_SPACING > height:
            size -= 2
    frame.text = ""
    run = frame.paragraphs[0].add_run()
    run.text = text
    style_run(run, size, bold=bold)


def add_text_box(
    slide: Any,
    box: tuple[int, int, int, int],
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> Any:
    """A plain text box (kicker, tags, footer, columns); lines are paragraphs."""
    from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN

    shape = slide.shapes.add_textbox(*box)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for number, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.RIGHT if align == "right" else PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = line
        style_run(run, size, bold=bold)
    return shape


def add_accent_line(slide: Any, box: tuple[int, int, int, int], colour: str) -> Any:
    """A thin bar in a category's colour ("#RRGGBB"; nothing for another form)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE

    if len(colour) != 7 or not colour.startswith("#"):
        return None
    try:
        rgb = RGBColor.from_string(colour[1:].upper())
    except ValueError:
        return None
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # any fixed GUID will do


def add_slide_number(slide: Any, box: tuple[int, int, int, int], number: int, size: float) -> Any:
    """The slide number as PowerPoint's slide-number field (it follows when slides are
    moved), showing `number` until the program updates it."""
    from lxml import etree
    from pptx.oxml.ns import qn

    shape = add_text_box(slide, box, "", size, align="right")
    paragraph = shape.text_frame.paragraphs[0]._p
    for run in paragraph.findall(qn("a:r")):
        paragraph.remove(run)
    field = etree.SubElement(paragraph, qn("a:fld"), id=SLIDE_NUMBER_FIELD, type="slidenum")
    properties = etree.SubElement(field, qn("a:rPr"), lang="de-DE", sz=str(round(size * 100)))
    etree.SubElement(properties, qn("a:latin"), typeface=DECK_FONT)
    etree.SubElement(field, qn("a:t")).text = str(number)
    end = paragraph.find(qn("a:endParaRPr"))
    if end is not None:  # the end-of-paragraph properties come last
        paragraph.remove(end)
        paragraph.append(end)
    return shape
