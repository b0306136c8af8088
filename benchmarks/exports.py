"""Benchmark: the report exports — slide decks (per quarter and across quarters), the Word
report (with the cross-quarter chapter and the appendix), the workbook and the CSV — of the
demo project (target ≤ 10 s for all formats) and of the large synthetic project (≤ 60 s).

`python -m benchmarks.exports [--demo-only | --large-only] [--runs N]`

The demo is built into a temporary folder; the large project is generated first when
missing. Wall clock and CPU seconds per format; results also go to
benchmarks/data/exports.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from qda_app.core.exporters.export_options import ExportOptions
from qda_app.core.exporters.export_run import FORMATS, plan_export, run_export
from qda_app.core.project import Project

from .generate import DEFAULT_PATH
from .run import ensure_project
from .timing import machine_info

RESULTS = DEFAULT_PATH.parent / "exports.json"
TARGETS_S = {"demo": 10.0, "large": 60.0}
OPTIONS = ExportOptions(cross=True, appendix=True)


def one_run(path: Path, folder: Path) -> dict[str, Any]:
    """Every format once into a fresh folder; seconds per format and in all."""
    result: dict[str, Any] = {}
    wall_all, cpu_all = time.perf_counter(), time.process_time()
    with Project.open(path, actor="benchmark") as project:
        for fmt in FORMATS:
            wall, cpu = time.perf_counter(), time.process_time()
            written = run_export(plan_export(project, fmt, folder / fmt, OPTIONS))
            result[fmt] = {
                "wall_s": time.perf_counter() - wall,
                "cpu_s": time.process_time() - cpu,
                "files": len(written),
                "mb": sum(p.stat().st_size for p in written) / 1024**2,
            }
    result["all"] = {
        "wall_s": time.perf_counter() - wall_all,
        "cpu_s": time.process_time() - cpu_all,
    }
    return result


def measure(name: str, path: Path, runs: int) -> dict[str, Any]:
    samples = []
    for number in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            sample = one_run(path, Path(folder))
        samples.append(sample)
        parts = ", ".join(f"{fmt} {sample[fmt]['wall_s']:.1f} s" for fmt in FORMATS)
        print(f"{name} run {number + 1}: all {sample['all']['wall_s']:.1f} s ({parts})", flush=True)
    walls = [s["all"]["wall_s"] for s in samples]
    median = statistics.median(walls)
    status = "OK" if median <= TARGETS_S[name] else "SLOW"
    cpu = statistics.median(s["all"]["cpu_s"] for s in samples)
    print(
        f"{name}: median {median:.1f} s wall, CPU {cpu:.1f} s, "
        f"target ≤ {TARGETS_S[name]:.0f} s: {status}"
    )
    return {"runs": samples, "median_wall_s": median, "target_s": TARGETS_S[name], "status": status}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo-only", action="store_true")
    parser.add_argument("--large-only", action="store_true")
    parser.add_argument("--large", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    summary: dict[str, Any] = {}
    if not args.large_only:
        from qda_app.sample_projects.demo_builder import build_demo

        with tempfile.TemporaryDirectory() as folder:
            summary["demo"] = measure("demo", build_demo(Path(folder)), args.runs)
    if not args.demo_only:
        ensure_project(args.large)
        summary["large"] = measure("large", args.large, args.runs)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"machine": machine_info(), "summary": summary}, indent=2), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
