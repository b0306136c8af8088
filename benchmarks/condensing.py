"""Timings of the condensing and comparison work on the large synthetic project
(`python -m benchmarks.condensing [PATH] [--runs N]`).

Core: the cross-quarter matrix (target ≤ 300 ms) with each measure, the k-of-n rule on
statements, the summary grid, the support of cross-quarter statements and the heatmap.
Window (offscreen): opening the grid tab on the open project, read and painted (target
≤ 1 s), opening its largest cell, and opening the comparison tab. Besides the wall clock,
each line gives the process's CPU time, which says more on a machine shared with others.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .generate import DEFAULT_PATH
from .run import ensure_project
from .timing import Measurement, format_table, machine_info

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS_MS = {"matrix": 300.0, "grid_open": 1000.0}


def timed(name: str, target: float | None, call: Callable[[], Any], runs: int) -> Measurement:
    """`runs` calls after a first one; the note gives the median CPU time."""
    first = _clock(call)[0]
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = _clock(call)
        walls.append(wall)
        cpus.append(cpu)
    cpus.sort()
    return Measurement(name, target, walls, first, f"CPU {cpus[len(cpus) // 2]:.0f} ms")


def _clock(call: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def core(path: Path, runs: int) -> list[Measurement]:
    from qda_app.core.analysis.charts import heatmap
    from qda_app.core.analysis.cross_quarter_rule import cross_quarter_rule
    from qda_app.core.analysis.quarter_matrix import MEASURES, quarter_matrix
    from qda_app.core.analysis.statement_support import statement_support
    from qda_app.core.analysis.summary_grid import summary_grid
    from qda_app.core.project import Project

    results = []
    with Project.open(path) as project:
        for measure in MEASURES:
            results.append(
                timed(
                    f"quarter_matrix({measure})",
                    TARGETS_MS["matrix"],
                    lambda m=measure: quarter_matrix(project, m),
                    runs,
                )
            )
        results.append(
            timed(
                "matrix + rule on statements",
                TARGETS_MS["matrix"],
                lambda: cross_quarter_rule(project, basis="statements"),
                runs,
            )
        )
        results.append(timed("summary_grid", None, lambda: summary_grid(project), runs))
        results.append(timed("statement_support", None, lambda: statement_support(project), runs))
        top_level = quarter_matrix(project)
        results.append(
            timed("heatmap PNG (top two levels, 48 rows)", None, lambda: heatmap(top_level), 1)
        )
    return results


def window(path: Path, runs: int) -> list[Measurement]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from qda_app.gui.shell.app_settings import AppSettings
    from qda_app.gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings_dir = Path(path).parent / "bench-settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    main = MainWindow(AppSettings())
    main.resize(1280, 800)
    main.show()
    main.open_project(str(path))
    app.processEvents()
    workspace = main.workspace
    grid = workspace.grid_page

    def open_grid() -> None:
        workspace.show_page(main.document_view)
        app.processEvents()
        grid._stale = True  # as after a change made while the grid was hidden
        started = time.perf_counter()
        workspace.show_page(grid)
        grid.view.viewport().repaint()
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)

    samples: list[float] = []
    for _ in range(runs + 1):
        open_grid()
    grid_open = Measurement("window: open the grid tab", TARGETS_MS["grid_open"], samples[1:])
    grid_open.first_ms = samples[0]

    cells = (
        sorted(grid.model.grid.cells.values(), key=lambda c: -c.segments) if grid.model.grid else []
    )
    largest = cells[0]

    def open_cell() -> None:
        grid.editor.show_cell(None)
        grid.editor.show_cell((largest.category_id, largest.quarter_id))
        grid.editor.segments_view.viewport().repaint()

    cell = timed(f"window: open a cell of {largest.segments} segments", None, open_cell, runs)

    comparison = workspace.comparison_page

    def open_comparison() -> None:
        workspace.show_page(grid)
        app.processEvents()
        comparison._stale = True
        workspace.show_page(comparison)
        comparison.table.viewport().repaint()
        app.processEvents()

    compare = timed("window: open the comparison tab", None, open_comparison, runs)
    main.close()
    return [grid_open, cell, compare]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.condensing", description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="project file")
    parser.add_argument("--runs", type=int, default=5, help="repetitions per operation")
    args = parser.parse_args(argv)
    path = Path(args.path).resolve()
    ensure_project(path)
    measurements = core(path, args.runs) + window(path, args.runs)
    info = machine_info()
    print(f"\n{path}, {args.runs} runs, {info['cpus']} CPUs, load {os.getloadavg()[0]:.1f}\n")
    print(format_table(measurements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
