"""Benchmark: REFI-QDA export and import of the large project (targets: export ≤ 20 s,
import ≤ 30 s). `python -m benchmarks.exchange [PATH] [--runs N]`

The large synthetic project (500 + 1 documents, 50,000 codings, 300 categories, 600
statements) is generated first when missing. Each run exports it to a QDPX and imports that
QDPX into a new project; both report progress, counted here. Wall clock and the process's
CPU time are shown: on a shared machine the CPU time says what the work costs, the wall
clock what a user waited. Results also go to benchmarks/data/exchange.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from qda_app.core.exchange.qdpx_export import QdpxExport
from qda_app.core.exchange.qdpx_import import QdpxImport
from qda_app.core.project import Project

from .generate import DEFAULT_PATH
from .run import ensure_project
from .timing import machine_info

RESULTS = DEFAULT_PATH.parent / "exchange.json"
TARGETS_S = {"export": 20.0, "import": 30.0}


def timed(steps: Any) -> dict[str, float]:
    """Run a job's steps; wall clock, CPU seconds and how many progress reports came."""
    wall, cpu, reports = time.perf_counter(), time.process_time(), 0
    for _progress in steps:
        reports += 1
    return {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "progress_reports": reports,
    }


def one_run(path: Path, folder: Path, number: int) -> dict[str, Any]:
    archive = folder / f"large-{number}.qdpx"
    with Project.open(path, actor="benchmark") as project:
        export = timed(QdpxExport(project, archive).steps())
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo("project.qde")
        export["qde_mb"] = info.file_size / 1024**2
    export["qdpx_mb"] = archive.stat().st_size / 1024**2
    run = QdpxImport(archive, folder / f"back-{number}.qda", actor="benchmark")
    imported = timed(run.steps())
    assert run.summary is not None
    imported["codings"] = run.summary.count("codings")
    imported["documents"] = run.summary.count("documents")
    return {"export": export, "import": imported}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_project(args.path)
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.runs):
            load = os.getloadavg()[0]
            result = one_run(args.path, Path(folder), number)
            result["load_before"] = load
            runs.append(result)
            out, back = result["export"], result["import"]
            print(
                f"run {number + 1}: export {out['wall_s']:.1f} s (CPU {out['cpu_s']:.1f} s), "
                f"import {back['wall_s']:.1f} s (CPU {back['cpu_s']:.1f} s), "
                f"load average before {load:.1f}",
                flush=True,
            )
    summary = {}
    for job in ("export", "import"):
        walls = [r[job]["wall_s"] for r in runs]
        cpus = [r[job]["cpu_s"] for r in runs]
        summary[job] = {
            "target_s": TARGETS_S[job],
            "best_wall_s": min(walls),
            "median_wall_s": statistics.median(walls),
            "median_cpu_s": statistics.median(cpus),
            "status": "OK" if statistics.median(walls) <= TARGETS_S[job] else "SLOW",
        }
        print(
            f"{job}: best {min(walls):.1f} s, median {statistics.median(walls):.1f} s wall, "
            f"median CPU {statistics.median(cpus):.1f} s, target ≤ {TARGETS_S[job]:.0f} s: "
            f"{summary[job]['status']}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"machine": machine_info(), "runs": runs, "summary": summary}, indent=2),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
