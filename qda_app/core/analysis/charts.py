"""Charts of the quarter comparison as PNG or SVG bytes, drawn without Qt or a display.

matplotlib draws on its own canvas (Agg for PNG, its SVG writer for SVG; pyplot and its
global backend are never touched), so the window, the `qda` command and the slide exports
show the same picture. Sizes and fonts are chosen for a 16:9 slide: the default figure is
12 × 6.75 inches with 13-point labels, readable when the picture fills a slide.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..i18n import tr
from .quarter_matrix import QuarterMatrix

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .cross_quarter_rule import RuleResult

FORMATS = ("png", "svg")
SLIDE_SIZE = (12.0, 6.75)  # inches, 16:9
DPI = 150
FONT_SIZE = 13
CITY_COLOUR = "#9e9e9e"
MET_MARK = "●"
MAX_ANNOTATED_ROWS = 40


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=DPI, layout="constrained")
    return figure


def _bytes(figure: Figure, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; use one of {FORMATS}")
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)  # attaches itself; savefig picks the writer by format
    buffer = io.BytesIO()
    # A fixed salt for the SVG's element ids: the same matrix gives the same file.
    with rc_context({"svg.hashsalt": "qda_app"}):
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict[str, Any]:
    # No creation date in the file: the same matrix gives the same bytes.
    return {"Date": None} if fmt == "svg" else {"Software": None}


def value_text(value: float, measure: str) -> str:
    """A cell value as the charts and tables print it (share as a percentage)."""
    if measure == "share":
        return f"{round(value * 100):d} %"
    return f"{value:.0f}"


def measure_label(measure: str) -> str:
    return tr(f"chart.measure.{measure}")


def heatmap(
    matrix: QuarterMatrix,
    *,
    fmt: str = "png",
    rule: RuleResult | None = None,
    title: str = "",
    size: tuple[float, float] = SLIDE_SIZE,
    max_depth: int | None = 1,
) -> bytes:
    """The matrix as a heatmap: categories down (top-level ones bold), quarters across, the
    value in each cell; categories that meet the rule carry a mark before their name.

    Rows deeper than `max_depth` (0: top-level only; default: top-level and subcategories;
    None: all) are left out, and values are written into the cells only while they stay
    readable (up to 40 rows): a slide holds no more.
    """
    import numpy as np

    shown = [r for r in matrix.rows if max_depth is None or r.depth <= max_depth]
    figure = _figure(size)
    axes = figure.add_subplot()
    data = matrix.values.loc[[r.category_id for r in shown]].to_numpy(dtype="float64")
    rows, columns = data.shape
    top = float(np.nanmax(data)) if data.size else 0.0
    image = axes.imshow(
        data if data.size else np.zeros((1, 1)),
        cmap="Blues",
        aspect="auto",
        vmin=0.0,
        vmax=top if top > 0 else 1.0,
    )
    font = _font_size(rows)
    for r in range(rows if rows <= MAX_ANNOTATED_ROWS else 0):
        for c in range(columns):
            value = data[r, c]
            dark = top > 0 and value / top > 0.55
            axes.text(
                c,
                r,
                value_text(value, matrix.measure),
                ha="center",
                va="center",
                fontsize=font,
                color="white" if dark else "#202020",
            )
    axes.set_xticks(range(columns), [c.name for c in matrix.columns], fontsize=font)
    axes.xaxis.tick_top()
    axes.tick_params(axis="x", labelrotation=30 if columns > 6 else 0, length=0)
    axes.set_yticks(range(rows), [_row_label(row, rule) for row in shown], fontsize=font)
    axes.tick_params(axis="y", length=0)
    for r, (label, row) in enumerate(zip(axes.get_yticklabels(), shown, strict=True)):
        if row.depth == 0:
            label.set_fontweight("bold")
            if r:
                axes.axhline(r - 0.5, color="white", linewidth=3)
    for c, column in enumerate(matrix.columns):
        if column.city_wide:
            axes.axvline(c - 0.5, color="#404040", linewidth=1.5)
    for spine in axes.spines.values():
        spine.set_visible(False)
    colourbar = figure.colorbar(image, ax=axes, shrink=0.8)
    colourbar.set_label(measure_label(matrix.measure), fontsize=font)
    colourbar.ax.tick_params(labelsize=font - 2)
    if matrix.measure == "share":
        colourbar.ax.yaxis.set_major_formatter(lambda v, _pos: f"{round(v * 100)} %")
    if title:
        figure.suptitle(title, fontsize=FONT_SIZE + 3)
    if rule is not None:
        axes.set_xlabel(tr("chart.rule_note", mark=MET_MARK, k=rule.k, n=rule.n), fontsize=font)
        axes.xaxis.set_label_position("bottom")
    return _bytes(figure, fmt)


def _font_size(rows: int) -> float:
    """Smaller type as rows grow (13 points for up to 15 rows), never below 6 points."""
    return max(6.0, min(FONT_SIZE, FONT_SIZE * 15 / max(rows, 1)))


def _row_label(row: Any, rule: RuleResult | None) -> str:
    """Tag (or name), with the rule's mark; top-level rows are set bold and separated."""
    mark = f"{MET_MARK} " if rule is not None and rule.meets(row.category_id) else ""
    return f"{mark}{row.label}"


def category_bars(
    matrix: QuarterMatrix,
    category_id: int,
    *,
    fmt: str = "png",
    rule: RuleResult | None = None,
    title: str = "",
    size: tuple[float, float] = SLIDE_SIZE,
) -> bytes:
    """One category's values by quarter as bars (the city-wide level in grey, set apart)."""
    row = next(r for r in matrix.rows if r.category_id == category_id)
    values = [matrix.value(category_id, c.quarter_id) for c in matrix.columns]
    figure = _figure(size)
    axes: Axes = figure.add_subplot()
    colours = [CITY_COLOUR if c.city_wide else row.colour for c in matrix.columns]
    positions = list(range(len(values)))
    bars = axes.bar(positions, values, color=colours, edgecolor="#303030", linewidth=0.6)
    for bar, value in zip(bars, values, strict=True):
        axes.annotate(
            value_text(value, matrix.measure),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=FONT_SIZE,
        )
    axes.set_xticks(positions, [c.name for c in matrix.columns], fontsize=FONT_SIZE)
    axes.tick_params(axis="y", labelsize=FONT_SIZE - 1)
    axes.set_ylabel(measure_label(matrix.measure), fontsize=FONT_SIZE)
    if matrix.measure == "share":
        axes.set_ylim(0, 1.1)
        axes.yaxis.set_major_formatter(lambda v, _pos: f"{round(v * 100)} %")
    else:
        axes.set_ylim(0, max([*values, 1.0]) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    heading = title or row.tag_path
    if rule is not None:
        heading += "  —  " + tr("chart.named_in", count=rule.count(category_id), n=rule.n)
    axes.set_title(heading, fontsize=FONT_SIZE + 3, loc="left")
    return _bytes(figure, fmt)
