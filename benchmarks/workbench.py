"""Timings of the coding workbench in the window (offscreen, 1280 × 800), on the large
synthetic project with 5,000 codings on its 300,000-character document
(`python -m benchmarks.workbench [PATH] [--runs N]`; the project is generated into
benchmarks/data/workbench.qda when missing).

* open the big document: text, highlights and margin shown (target ≤ 1 s);
* add a coding there until the view shows it (target ≤ 50 ms);
* list 10,000 segments in the segment tab (target ≤ 300 ms);
* search all documents (target ≤ 200 ms; the first search folds the texts once).

Each line also gives the process's CPU time (median), steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from .condensing import timed
from .generate import DEFAULT_PATH, Sizes, generate
from .timing import Measurement, format_table, machine_info

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORKBENCH_PATH = DEFAULT_PATH.with_name("workbench.qda")
BIG_CODINGS = 5_000
TARGETS_MS = {"open": 1000.0, "add": 50.0, "list": 300.0, "search": 200.0}


def ensure(path: Path) -> None:
    """Generate the project when missing; bring an older one to the current schema first
    (the window would otherwise stop at its note about the upgrade)."""
    from qda_app.core.project import Project

    if not path.exists():
        print(f"generating {path} …", flush=True)
        generate(path, sizes=Sizes(big_codings=BIG_CODINGS), force=True)
        return
    with Project.open(path) as project:
        backup = project.backup_path
    if backup is not None:
        backup.unlink()


def measure(path: Path, runs: int) -> list[Measurement]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from qda_app.core.values import SegmentFilter
    from qda_app.gui.shell.app_settings import AppSettings
    from qda_app.gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path.parent / "bench-settings")
    )
    window = MainWindow(AppSettings())
    window.resize(1280, 800)
    window.show()
    copy = path.with_name("workbench-run.qda")  # the runs add codings: never to the original
    shutil.copy(path, copy)
    window.open_project(str(copy))
    app.processEvents()
    project = window.project
    assert project is not None
    big = max(project.documents.list(), key=lambda d: d.length)
    small = min(project.documents.list(), key=lambda d: d.length)
    view = window.document_view
    results = []

    def open_big() -> None:
        view.show_document(small.id)
        app.processEvents()
        started = time.perf_counter(), time.process_time()
        view.show_document(big.id)
        view.text.viewport().repaint()
        view.margin.repaint()
        app.processEvents()
        opened.append(
            ((time.perf_counter() - started[0]) * 1000, (time.process_time() - started[1]) * 1000)
        )

    opened: list[tuple[float, float]] = []
    for _ in range(runs + 1):
        open_big()
    cpu = sorted(c for _w, c in opened[1:])[len(opened[1:]) // 2]
    shown = len(view.codings)
    results.append(
        Measurement(
            f"open {big.length:,}-char document with {shown:,} codings",
            TARGETS_MS["open"],
            [w for w, _c in opened[1:]],
            opened[0][0],
            f"CPU {cpu:.0f} ms",
        )
    )

    category = next(c for c in project.categories.list() if c.parent_id is not None and c.codable)
    starts = iter(range(17, big.length - 40, 997))

    def add_one() -> None:
        start = next(starts)
        coding = project.codings.add(big.id, start, start + 23, category.id)
        view.text.viewport().repaint()
        view.margin.repaint()
        assert any(c.coding_id == coding.id for c in view.codings)

    results.append(timed("add a coding until the view shows it", TARGETS_MS["add"], add_one, runs))

    page = window.workbench.segments
    window.workspace.show_page(page)
    app.processEvents()
    total = project.segments.count()
    # Leaf categories, one after another, until they hold 10,000 segments or a few more.
    leaves = [c.id for c in project.categories.list() if c.parent_id is not None]
    counts = project.segments.frame().groupby("category_id").size().to_dict()
    chosen: tuple[int, ...] = ()
    gathered = 0
    for leaf in sorted(leaves, key=lambda c: -counts.get(c, 0)):
        if gathered >= 10_000:
            break
        if gathered + counts.get(leaf, 0) <= 10_200:
            chosen, gathered = (*chosen, leaf), gathered + counts.get(leaf, 0)
    where = SegmentFilter(category_ids=chosen, subcategories=False)
    listed = project.segments.count(where)

    def list_segments() -> None:
        page.model.set_rows(project.segments.list(where, context=40))
        page.table.viewport().repaint()

    results.append(
        timed(
            f"list {listed:,} segments of {len(chosen)} categories (of {total:,})",
            TARGETS_MS["list"],
            list_segments,
            runs,
        )
    )

    def search() -> None:
        project.search.find("Jugend")

    cold = time.perf_counter(), time.process_time()
    hits = len(project.search.find("Jugend"))
    cold_wall = (time.perf_counter() - cold[0]) * 1000
    cold_cpu = (time.process_time() - cold[1]) * 1000
    count = len(project.documents.list())
    first = f"first search, folding {count} texts: {cold_wall:.0f} ms, CPU {cold_cpu:.0f} ms"
    results.append(
        timed(f"search all documents ({hits:,} hits)", TARGETS_MS["search"], search, runs)
    )
    results[-1].note += f"; {first}"
    window.workspace.show_document_tab()
    window.tear_down()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=WORKBENCH_PATH)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ensure(args.path)
    print(machine_info())
    results = measure(args.path, args.runs)
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
