"""A 16:9 deck on the default design or a team's own template, with the few slide kinds
the exports need: title, section, bullets, picture, table.

With a template its layouts (found by name: "Title Slide", "Section Header", "Title and
Content", "Title Only") and their placeholders carry the title and the bullets, where the
template put them; example slides in the template are dropped. Without one, the default
design is stretched to 16:9 and the placeholders are laid out for it. Every bullet slide is
measured (text_fit) before text is put on it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...errors import QdaError
from ..export_cancel import checkpoint
from .deck_shapes import (
    add_accent_line,
    add_slide_number,
    add_text_box,
    fill_title,
    style_run,
)
from .text_fit import EMU_PER_POINT, BulletBox, fitting_size, lines_that_fit

WIDE = (12192000, 6858000)  # 13.333 × 7.5 inches
INCH = 914400
BULLET_PT = 20.0
SPACE_BEFORE_PT = 6.0
# Default geometry (inches): left, top, width, height.
TITLE_BOX = (0.6, 0.75, 12.13, 1.25)
BODY_BOX = (0.6, 2.1, 12.13, 4.7)
SECTION_TITLE = (0.9, 2.4, 11.5, 1.6)
SECTION_TEXT = (0.9, 4.1, 11.5, 1.4)
LAYOUT_NAMES = {
    "title": ("Title Slide", 0),
    "section": ("Section Header", 2),
    "bullets": ("Title and Content", 1),
    "title_only": ("Title Only", 5),
}


class TemplateError(QdaError):
    """The given .pptx template cannot be read."""


class Deck:
    """One presentation being built; `slide_number` counts the slides added so far."""

    def __init__(self, template: Path | None = None, *, footer: str = "") -> None:
        from pptx import Presentation

        self.templated = template is not None
        self.footer = footer
        if template is not None:
            try:
                self.presentation = Presentation(str(template))
            except Exception as error:  # python-pptx raises several kinds for a bad file
                raise TemplateError("exports.bad_template", path=str(template)) from error
            self._drop_example_slides()
        else:
            self.presentation = Presentation()
            from pptx.util import Emu

            self.presentation.slide_width = Emu(WIDE[0])
            self.presentation.slide_height = Emu(WIDE[1])
        self.width = int(self.presentation.slide_width or WIDE[0])
        self.height = int(self.presentation.slide_height or WIDE[1])

    @property
    def slide_number(self) -> int:
        return len(self.presentation.slides)

    def _drop_example_slides(self) -> None:
        slides = self.presentation.slides
        ids = slides._sldIdLst  # noqa: SLF001 - python-pptx offers no public delete
        for entry in list(ids):
            self.presentation.part.drop_rel(entry.rId)
            ids.remove(entry)

    def _layout(self, kind: str) -> Any:
        name, index = LAYOUT_NAMES[kind]
        layouts = self.presentation.slide_layouts
        for layout in layouts:
            if layout.name == name:
                return layout
        return layouts[min(index, len(layouts) - 1)]

    def _box(self, inches: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """Default geometry, scaled to the slide's size."""
        sx, sy = self.width / WIDE[0], self.height / WIDE[1]
        left, top, width, height = inches
        return (
            int(left * INCH * sx),
            int(top * INCH * sy),
            int(width * INCH * sx),
            int(height * INCH * sy),
        )

    def _place(self, shape: Any, inches: tuple[float, float, float, float]) -> None:
        if not self.templated:
            shape.left, shape.top, shape.width, shape.height = self._box(inches)

    def _new(self, kind: str) -> Any:
        checkpoint()  # a cancelled export stops between slides
        return self.presentation.slides.add_slide(self._layout(kind))

    def _decorate(
        self, slide: Any, kicker: str = "", tags: Sequence[str] = (), accent: str = ""
    ) -> None:
        """The quarter's name in capitals (top left), the category tags (top right), a line
        in the category's colour under them, the footer and the slide number (bottom)."""
        if accent:
            add_accent_line(slide, self._box((0.6, 0.66, 12.13, 0.05)), accent)
        if kicker:
            add_text_box(slide, self._box((0.6, 0.2, 6.5, 0.45)), kicker.upper(), 14, bold=True)
        if tags:
            text = "  ·  ".join(t for t in tags if t)
            add_text_box(slide, self._box((7.2, 0.2, 5.53, 0.45)), text, 14, align="right")
        if self.footer:
            add_text_box(slide, self._box((0.6, 6.95, 10.5, 0.35)), self.footer, 10)
        add_slide_number(slide, self._box((11.93, 6.95, 0.8, 0.35)), self.slide_number, 10)

    def title_slide(self, title: str, subtitle: str = "") -> Any:
        slide = self._new("title")
        self._fill_pair(slide, title, subtitle, SECTION_TITLE, SECTION_TEXT, 36)
        return slide

    def section_slide(
        self, title: str, subtitle: str = "", kicker: str = "", accent: str = ""
    ) -> Any:
        slide = self._new("section")
        self._fill_pair(slide, title, subtitle, SECTION_TITLE, SECTION_TEXT, 32)
        self._decorate(slide, kicker, accent=accent)
        return slide

    def _fill_pair(
        self,
        slide: Any,
        title: str,
        subtitle: str,
        title_box: tuple[float, float, float, float],
        text_box: tuple[float, float, float, float],
        size: float,
    ) -> None:
        heading = slide.shapes.title
        body = next((p for p in slide.placeholders if p.placeholder_format.idx != 0), None)
        if heading is not None:
            self._place(heading, title_box)
            fill_title(heading, title, size)
        if body is not None:
            self._place(body, text_box)
            if subtitle:
                fill_title(body, subtitle, 18, bold=False)
            else:
                body.element.getparent().remove(body.element)

    def bullet_box(self) -> BulletBox:
        """The room the body placeholder of a bullet slide offers, in points."""
        if self.templated:
            probe = self._layout("bullets").placeholders
            body = next((p for p in probe if p.placeholder_format.idx == 1), None)
            if body is not None:
                width, height = int(body.width), int(body.height)
            else:
                width, height = self._box(BODY_BOX)[2:]
            indent = 0.5 * 72
        else:
            width, height = self._box(BODY_BOX)[2:]
            indent = 27.0
        insets = 14.4  # 0.1 inch on either side
        return BulletBox(
            width / EMU_PER_POINT - insets,
            height / EMU_PER_POINT - 7.2,
            BULLET_PT,
            SPACE_BEFORE_PT,
            indent,
        )

    def bullet_slide(
        self,
        title: str,
        bullets: Sequence[tuple[str, bool]],
        *,
        kicker: str = "",
        tags: Sequence[str] = (),
        size: float = BULLET_PT,
        accent: str = "",
    ) -> Any:
        """A content slide; each bullet is (text, italic). The caller has split the bullets
        so that they fit `bullet_box()`."""
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        slide = self._new("bullets")
        heading = slide.shapes.title
        self._place(heading, TITLE_BOX)
        fill_title(heading, title, 28, width=self._title_width(heading))
        body = next(p for p in slide.placeholders if p.placeholder_format.idx == 1)
        self._place(body, BODY_BOX)
        frame = body.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        for number, (text, italic) in enumerate(bullets):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.space_before = Pt(SPACE_BEFORE_PT)
            run = paragraph.add_run()
            run.text = text
            style_run(run, size, italic=italic)
        self._decorate(slide, kicker, tags, accent)
        return slide

    def _title_width(self, heading: Any) -> float:
        return int(heading.width) / EMU_PER_POINT - 14.4

    def picture_slide(self, title: str, picture: bytes, *, kicker: str = "") -> Any:
        slide = self._new("title_only")
        heading = slide.shapes.title
        self._place(heading, TITLE_BOX)
        fill_title(heading, title, 28, width=self._title_width(heading))
        left, top, width, height = self._box((0.6, 1.95, 12.13, 4.9))
        image = slide.shapes.add_picture(io.BytesIO(picture), left, top)
        scale = min(width / image.width, height / image.height)
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        image.left = left + (width - image.width) // 2
        self._decorate(slide, kicker)
        return slide

    def titled_slide(self, title: str, *, kicker: str = "") -> Any:
        """A slide with only its title (and the decoration): shapes are added by the caller
        into `box(...)` rectangles."""
        slide = self._new("title_only")
        heading = slide.shapes.title
        self._place(heading, TITLE_BOX)
        fill_title(heading, title, 28, width=self._title_width(heading))
        self._decorate(slide, kicker)
        return slide

    def box(self, inches: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A rectangle of the default geometry (inches) in EMU, scaled to the slide."""
        return self._box(inches)

    def text_slide(self, title: str, columns: Sequence[Sequence[str]], *, kicker: str = "") -> Any:
        """A slide with up to three plain bullet columns side by side (no placeholder)."""
        slide = self._new("title_only")
        heading = slide.shapes.title
        self._place(heading, TITLE_BOX)
        fill_title(heading, title, 28, width=self._title_width(heading))
        count = max(len(columns), 1)
        gap = 0.3
        width = (12.13 - gap * (count - 1)) / count
        for index, lines in enumerate(columns):
            box = self._box((0.6 + index * (width + gap), 2.15, width, 4.55))
            room = BulletBox(box[2] / EMU_PER_POINT - 14.4, box[3] / EMU_PER_POINT - 7.2, 20, 0, 0)
            bullets = lines_that_fit([f"• {line}" for line in lines], room)
            add_text_box(slide, box, "\n".join(bullets), fitting_size(bullets, room))
        self._decorate(slide, kicker)
        return slide

    def save(self, path: Path) -> None:
        self.presentation.save(str(path))
