"""The demo deck rendered by LibreOffice: no text runs out of its box or off its slide.

The deck is converted to PDF; every word LibreOffice placed (pdftotext -bbox) must lie
inside a shape of its slide whose text holds that word. Skipped where LibreOffice or
poppler is not installed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import plan_export, run_export
from qda_app.core.exporters.slides.matrix_table import TABLE_NAME
from qda_app.core.project import Project

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
TOLERANCE_PT = 3.0
PAGE = re.compile(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", re.S)
WORD = re.compile(
    r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">(.*?)</word>"
)

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render the deck",
)


def shape_boxes(slide, page_height: float) -> list[tuple[float, float, float, float, str]]:
    """Each text shape's rectangle in points, with its text. A table's rows grow with their
    text, so a table may reach down to the slide's bottom edge, but not beyond; the matrix
    table's rows are measured, so it must stay within the height it was given."""
    boxes = []
    for shape in slide.shapes:
        if shape.has_table:
            left, top = shape.left / 12700, shape.top / 12700
            text = " ".join(c.text for row in shape.table.rows for c in row.cells)
            bottom = page_height
            if shape.name == TABLE_NAME:
                bottom = top + sum(row.height for row in shape.table.rows) / 12700
            boxes.append((left, top, left + shape.width / 12700, bottom, text))
        elif shape.has_text_frame and shape.text_frame.text.strip():
            left, top = shape.left / 12700, shape.top / 12700
            boxes.append(
                (
                    left,
                    top,
                    left + shape.width / 12700,
                    top + shape.height / 12700,
                    shape.text_frame.text,
                )
            )
    return boxes


@pytest.mark.parametrize("language", ["en", "de"])
def matrix_tables(slide) -> list[tuple[float, float, float, float, str]]:
    """The matrix table's rectangle in points and its text."""
    found = []
    for shape in slide.shapes:
        if shape.has_table and shape.name == TABLE_NAME:
            left, top = shape.left / 12700, shape.top / 12700
            bottom = top + sum(row.height for row in shape.table.rows) / 12700
            text = " ".join(c.text for row in shape.table.rows for c in row.cells)
            found.append((left, top, left + shape.width / 12700, bottom, text))
    return found


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_text_leaves_its_box(demo_path: Path, tmp_path: Path, language: str) -> None:
    with Project.open(demo_path) as project:
        city = next(q for q in project.quarters.list() if q.kind == "city")
        options = ExportOptions(quarter_ids=(city.id,), cross=True, language=language)
        paths = run_export(plan_export(project, "pptx", tmp_path, options))
    for deck_path in paths:
        subprocess.run(
            [
                SOFFICE,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(deck_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = deck_path.with_suffix(".pdf")
        subprocess.run([PDFTOTEXT, "-bbox", str(pdf), str(pdf.with_suffix(".html"))], check=True)
        pages = PAGE.findall(pdf.with_suffix(".html").read_text(encoding="utf-8"))
        slides = list(Presentation(str(deck_path)).slides)
        assert len(pages) == len(slides)
        for number, ((width, height, body), slide) in enumerate(
            zip(pages, slides, strict=True), start=1
        ):
            boxes = shape_boxes(slide, float(height))
            for x0, y0, x1, y1, raw in WORD.findall(body):
                word = html.unescape(raw)
                box = [float(x0), float(y0), float(x1), float(y1)]
                assert box[2] <= float(width) + TOLERANCE_PT, (number, word)
                assert box[3] <= float(height) + TOLERANCE_PT, (number, word)
                inside = [
                    b
                    for b in boxes
                    if word.casefold() in b[4].casefold()  # layouts may set capitals
                    and box[0] >= b[0] - TOLERANCE_PT
                    and box[2] <= b[2] + TOLERANCE_PT
                    and box[1] >= b[1] - TOLERANCE_PT
                    and box[3] <= b[3] + TOLERANCE_PT
                ]
                if word.isalnum() or len(word) > 1:
                    assert inside, f"slide {number} of {deck_path.name}: “{word}” outside its box"
                for left, top, right, bottom, text in matrix_tables(slide):
                    across = left - TOLERANCE_PT <= box[0] and box[2] <= right + TOLERANCE_PT
                    if across and top - TOLERANCE_PT <= box[1] <= bottom:
                        # a cell too narrow would break a number or a word in two
                        assert word in text.split(), (number, word)
