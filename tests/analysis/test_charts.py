"""Charts are drawn without Qt, are not blank, and come out as PNG and SVG at slide size."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from qda_app.core.analysis.charts import category_bars, heatmap
from qda_app.core.analysis.cross_quarter_rule import cross_quarter_rule
from qda_app.core.analysis.quarter_matrix import quarter_matrix


def colours(png: bytes) -> int:
    """How many different colours a picture has (a blank one has one)."""
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((300, 170))
    return len(np.unique(np.asarray(image).reshape(-1, 3), axis=0))


@pytest.mark.parametrize("measure", ["segments", "share"])
def test_heatmap_png_is_slide_sized_and_not_blank(study, measure) -> None:
    matrix = quarter_matrix(study.project, measure)
    png = heatmap(matrix, rule=cross_quarter_rule(study.project, matrix=matrix))
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1800, 1012)  # 12 × 6.75 inches at 150 dpi: 16:9
    assert colours(png) > 20


def test_heatmap_svg_and_bars(study) -> None:
    matrix = quarter_matrix(study.project, "documents")
    svg = heatmap(matrix, fmt="svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 50
    assert heatmap(matrix, fmt="svg") == svg  # no time stamp: the same matrix, the same file
    bars = category_bars(matrix, study.categories["Bedarfe/Institutionen"], fmt="png")
    assert colours(bars) > 5
    assert ET.fromstring(category_bars(matrix, study.categories["Bedarfe"], fmt="svg")) is not None
    with pytest.raises(ValueError, match="format"):
        heatmap(matrix, fmt="gif")


def test_charts_are_drawn_in_a_process_without_qt(study, tmp_path) -> None:
    """As the exports do it from the command line: no Qt module is loaded to draw."""
    script = (
        "import sys\n"
        "from qda_app.core.project import Project\n"
        "from qda_app.core.analysis.quarter_matrix import quarter_matrix\n"
        "from qda_app.core.analysis.charts import heatmap\n"
        f"with Project.open({str(study.project.location)!r}) as p:\n"
        "    png = heatmap(quarter_matrix(p))\n"
        "assert png.startswith(b'\\x89PNG')\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
