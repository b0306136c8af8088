"""Timings of category revisions, their history and the coding agenda on the large project.

    .venv/bin/python -m benchmarks.category_revisions [PATH] [--runs 3]

Works on a copy of the project (generated first if missing), so the original stays as it is.
Prints the median and the slowest of each operation in milliseconds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qda_app.core.exporters.coding_agenda import build_agenda
from qda_app.core.exporters.coding_agenda_docx import write_agenda_docx
from qda_app.core.exporters.coding_agenda_xlsx import write_agenda_xlsx
from qda_app.core.project import Project

from .generate import DEFAULT_PATH, generate


def timed(runs: int, call: Callable[[], Any]) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def busiest_pair(project: Project) -> tuple[int, int, int]:
    """Two sibling leaf categories with the most codings, and how many the first has."""
    counts: dict[int, int] = {}
    for row in project.segments.frame().itertuples():
        counts[row.category_id] = counts.get(row.category_id, 0) + 1
    categories = project.categories.list()
    source = max(counts, key=lambda i: counts[i])
    parent = next(c.parent_id for c in categories if c.id == source)
    target = next(c.id for c in categories if c.parent_id == parent and c.id != source)
    return source, target, counts[source]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.path.exists():
        generate(args.path)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "revisions.qda"
        shutil.copyfile(args.path, copy)
        with Project.open(copy, actor="bench") as project:
            source, target, n = busiest_pair(project)
            before = datetime.now(UTC)
            print(f"merging a category with {n} codings into its sibling")
            rows = [
                (
                    "preview_merge",
                    timed(args.runs, lambda: project.categories.preview_merge(source, target)),
                ),
                ("merge", timed(1, lambda: project.categories.merge(source, target))),
                ("undo merge", timed(1, project.history.undo)),
                ("redo merge", timed(1, project.history.redo)),
                ("undo merge again", timed(1, project.history.undo)),
                ("move_codings", timed(1, lambda: project.categories.move_codings(source, target))),
                ("category_history.changes()", timed(args.runs, project.category_history.changes)),
            ]
            newest = project.category_history.changes()[0]
            rows += [
                (
                    "around(newest entry)",
                    timed(args.runs, lambda: project.category_history.around(newest.entry_id)),
                ),
                (
                    "compare(before the merge)",
                    timed(args.runs, lambda: project.category_history.compare(before)),
                ),
                ("build_agenda", timed(args.runs, lambda: build_agenda(project))),
            ]
            agenda = build_agenda(project)
            history = project.category_history.changes()
            rows += [
                (
                    "write_agenda_docx",
                    timed(
                        args.runs,
                        lambda: write_agenda_docx(agenda, Path(folder) / "a.docx", history),
                    ),
                ),
                (
                    "write_agenda_xlsx",
                    timed(args.runs, lambda: write_agenda_xlsx(agenda, Path(folder) / "a.xlsx")),
                ),
            ]
    for name, (median, slowest) in rows:
        print(f"{name:<32} median {median:>9.1f} ms   slowest {slowest:>9.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
