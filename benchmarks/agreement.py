"""Benchmark: intercoder agreement on the large project, all documents (no target yet).
`python -m benchmarks.agreement [PATH] [--runs N]`

Times `intercoder_agreement` at segment level (minimum overlap 90 %) for the first two
coders and for all three, and at document level (presence) for the first two, each on a
freshly opened project. The synthetic codings of different coders fall on the text
independently, so nearly every place is a disagreement: the worst case for the list of
disagreeing segments, which is read again with its text. Wall clock and CPU time are shown;
results also go to benchmarks/data/agreement.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from qda_app.core.analysis.agreement import AgreementOptions, intercoder_agreement
from qda_app.core.project import Project

from .generate import DEFAULT_PATH
from .run import ensure_project
from .timing import machine_info

RESULTS = DEFAULT_PATH.parent / "agreement.json"


def cases(coder_ids: list[int]) -> dict[str, AgreementOptions]:
    two = tuple(coder_ids[:2])
    return {
        "segment, 2 coders": AgreementOptions(two),
        "segment, 3 coders": AgreementOptions(tuple(coder_ids[:3])),
        "document, 2 coders": AgreementOptions(two, level="document"),
    }


def one_run(path: Path, name: str) -> dict[str, Any]:
    with Project.open(path, actor="benchmark") as project:
        options = cases([c.id for c in project.coders.list()])[name]
        wall, cpu = time.perf_counter(), time.process_time()
        result = intercoder_agreement(project, options)
        return {
            "wall_s": time.perf_counter() - wall,
            "cpu_s": time.process_time() - cpu,
            "documents": len(result.documents),
            "units": result.overall.units,
            "disagreements": len(result.disagreements),
            "kappa": result.overall.cohen,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_project(args.path)
    with Project.open(args.path, actor="benchmark") as project:
        names = list(cases([c.id for c in project.coders.list()]))
    report: dict[str, Any] = {}
    for name in names:
        runs = [one_run(args.path, name) for _ in range(args.runs)]
        walls = [r["wall_s"] for r in runs]
        report[name] = {"runs": runs, "median_wall_s": statistics.median(walls)}
        last = runs[-1]
        print(
            f"{name}: median {statistics.median(walls):.2f} s wall "
            f"(CPU {statistics.median(r['cpu_s'] for r in runs):.2f} s), "
            f"{last['documents']} documents, {last['units']} units, "
            f"{last['disagreements']} disagreements",
            flush=True,
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"machine": machine_info(), "cases": report}, indent=2), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
