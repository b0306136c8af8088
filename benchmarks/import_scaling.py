"""Benchmark: does every import stage grow linearly with its input? (10k, 20k, 40k lines)

`python -m benchmarks.import_scaling [--sizes 10000 20000 40000] [--only NAME …]
[--timeout 120] [--runs 3]` times each stage at each size in a child process (so a stage that
runs away is stopped after `--timeout` wall-clock seconds) and prints, per size, the CPU time
of the run that needed least and its wall-clock time in parentheses, then the ratio of CPU
times between neighbouring sizes: about 2 for a doubling means linear growth, about 4 means
quadratic. CPU time is compared because wall-clock time on a shared machine mostly measures
the other processes. Input generation is not timed. Results also go to
benchmarks/data/import_scaling.json.

Stages: each format reader on ordinary protocols, the Markdown reader on the hostile inputs
that used to be quadratic, speaker-turn and question-block detection, writing a document with
its turns or pre-coded blocks into a project, and reading CSV and XLSX manifests.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import import_inputs as inputs
from .timing import machine_info

DATA = Path(__file__).parent / "data"
RESULTS = DATA / "import_scaling.json"


@dataclass(frozen=True)
class Stage:
    """`prepare(n)` builds the input (untimed); `run(prepared)` is what is timed."""

    name: str
    unit: str
    prepare: Callable[[int], Any]
    run: Callable[[Any], Any]


def _extract(suffix: str) -> Callable[[bytes], Any]:
    from qda_app.core.importers.formats import extract

    return lambda data: extract(Path(f"bench{suffix}"), data)


def _extracted(suffix: str, data: bytes) -> Any:
    from qda_app.core.importers.formats import extract

    return extract(Path(f"bench{suffix}"), data)


def _patterns() -> dict[int, list[str]]:
    from qda_app.core.importers.prepared_batch import block_patterns
    from qda_app.core.presets import apply_preset
    from qda_app.core.project import Project

    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "p.qda", actor="benchmark") as project,
    ):
        apply_preset(project, "leverkusen")
        return block_patterns(project)


def _sections(extracted: Any) -> Any:
    from qda_app.core.importers.structure import find_sections

    return find_sections(extracted, _patterns_cache())


_PATTERNS: dict[int, list[str]] = {}


def _patterns_cache() -> dict[int, list[str]]:
    if not _PATTERNS:
        _PATTERNS.update(_patterns())
    return _PATTERNS


def _turns(extracted: Any) -> Any:
    from qda_app.core.importers.structure import find_speaker_turns

    return find_speaker_turns(extracted)


def _project_with(suffix: str, data: bytes) -> tuple[Any, Any, Any]:
    """A fresh project with the Leverkusen preset, and the file's text extracted."""
    from qda_app.core.presets import apply_preset
    from qda_app.core.project import Project

    folder = tempfile.mkdtemp(prefix="qda-scaling-")
    project = Project.create(Path(folder) / "p.qda", actor="benchmark")
    apply_preset(project, "leverkusen")
    return project, data, _extracted(suffix, data)


def _write(prepared: tuple[Any, Any, Any]) -> Any:
    from qda_app.core.importers.batch import ImportOptions, import_one
    from qda_app.core.importers.metadata import FileMetadata

    project, data, extracted = prepared
    outcome = import_one(
        project,
        Path("bench.docx"),
        FileMetadata(title="bench"),
        ImportOptions(precode=True, allow_duplicates=True),
        read=(data, extracted),
    )
    if outcome.status != "imported":
        raise RuntimeError(outcome.message)
    return outcome


def _manifest(suffix: str) -> Callable[[bytes], Any]:
    def run(data: bytes) -> Any:
        from qda_app.core.importers.manifest import read_manifest

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"manifest{suffix}"
            path.write_bytes(data)
            return read_manifest(path)

    return run


def _reader(name: str, unit: str, make: Callable[[int], bytes], suffix: str) -> Stage:
    return Stage(name, unit, make, _extract(suffix))


def _markdown_run(name: str, line: Callable[[int], str]) -> Stage:
    """One line of Markdown built from a run of 10 × n repetitions (hostile input; fewer take
    too few milliseconds to compare)."""
    return Stage(
        name, "10 × repeats", lambda n: (line(10 * n) + "\n").encode("utf-8"), _extract(".md")
    )


def _protocol(build: Callable[[list[str]], bytes]) -> Callable[[int], bytes]:
    return lambda n: build(inputs.protocol_lines(n))


STAGES = (
    _reader("txt reader", "lines", _protocol(inputs.txt), ".txt"),
    _reader("md reader", "lines", lambda n: inputs.markdown_protocol(n).encode("utf-8"), ".md"),
    _reader("docx reader", "paragraphs", _protocol(inputs.docx), ".docx"),
    _reader("odt reader", "paragraphs", _protocol(inputs.odt), ".odt"),
    _reader("odt table", "rows", inputs.odt_table, ".odt"),
    _reader("rtf reader", "paragraphs", _protocol(inputs.rtf), ".rtf"),
    _reader("pdf reader", "lines", _protocol(inputs.pdf), ".pdf"),
    Stage(
        "speaker turns",
        "lines",
        lambda n: _extracted(".txt", inputs.txt(inputs.interview_lines(n))),
        _turns,
    ),
    Stage(
        "question blocks",
        "headings",
        lambda n: (_patterns_cache(), _extracted(".docx", inputs.docx(inputs.block_lines(n))))[1],
        _sections,
    ),
    Stage(
        "write: document + turns",
        "lines",
        lambda n: _project_with(".txt", inputs.txt(inputs.interview_lines(n))),
        _write,
    ),
    Stage(
        "write: pre-coded blocks",
        "headings",
        lambda n: _project_with(".docx", inputs.docx(inputs.block_lines(n))),
        _write,
    ),
    Stage("manifest csv", "rows", inputs.manifest_csv, _manifest(".csv")),
    Stage("manifest xlsx", "rows", inputs.manifest_xlsx, _manifest(".xlsx")),
    _markdown_run("md ' _a' run", lambda n: "x" + " _a" * n),
    _markdown_run("md ' *a' run", lambda n: "x" + " *a" * n),
    _markdown_run("md '<!--' run", lambda n: "x" + "<!--" * n),
    _markdown_run("md '>' × 25 prefix", lambda n: ">" * (25 * n) + " x"),
    _markdown_run("md '[a' run", lambda n: "x" + "[a" * n),
    _markdown_run("md '![' run", lambda n: "x" + "![" * n),
    _markdown_run("md '[a](' run", lambda n: "x" + "[a](" * n),
    _markdown_run("md '`' × 5 run", lambda n: "x " + "`" * (5 * n) + " y"),
    _markdown_run("md heading spaces", lambda n: "# a" + " " * (5 * n) + "b"),
    _markdown_run("md '|' + spaces", lambda n: "a|b\n" + " " * (5 * n) + "|x"),
)


def _measure(stage_name: str, size: int, runs: int, queue: Any) -> None:
    stage = next(s for s in STAGES if s.name == stage_name)
    try:
        stage.run(stage.prepare(50))  # warm up: imports and caches are not what is measured
        best: tuple[float, float] | None = None  # (cpu, wall) of the run with least CPU time
        for _ in range(runs):
            prepared = stage.prepare(size)
            wall, cpu = time.perf_counter(), time.process_time()
            stage.run(prepared)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            best = (cpu, wall) if best is None or cpu < best[0] else best
            if wall > 5:
                break
        queue.put(("ok", best))
    except Exception as error:  # report it in the table instead of a traceback
        queue.put(("error", f"{type(error).__name__}: {error}"[:200]))


def measure(stage: Stage, size: int, runs: int, timeout: float) -> tuple[str, Any]:
    """("ok", (cpu s, wall s)), ("timeout", timeout) or ("error", message), in a child."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_measure, args=(stage.name, size, runs, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return "timeout", timeout
    return queue.get() if not queue.empty() else ("error", f"exit code {child.exitcode}")


def _cell(result: tuple[str, Any] | None) -> str:
    if result is None:
        return "—"
    status, value = result
    if status == "ok":
        return f"{value[0]:.3f} ({value[1]:.3f})"
    return f"> {value:.0f}" if status == "timeout" else "error"


def _ratio(a: tuple[str, Any] | None, b: tuple[str, Any] | None) -> str:
    """Ratio of CPU times; a few milliseconds are too little to compare."""
    if a is None or b is None or a[0] != "ok" or b[0] != "ok" or a[1][0] < 0.005:
        return "—"
    return f"{b[1][0] / a[1][0]:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--only", nargs="+", help="stage names (substrings) to run")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement")
    parser.add_argument("--runs", type=int, default=3, help="repetitions (best is reported)")
    args = parser.parse_args(argv)
    stages = [s for s in STAGES if not args.only or any(o in s.name for o in args.only)]
    sizes = sorted(args.sizes)
    header = ["stage", "unit", *(f"{size:,}: cpu (wall) s" for size in sizes)]
    header += [f"×{b // a}: ratio" for a, b in zip(sizes, sizes[1:], strict=False)]
    print(" | ".join(header))
    report: dict[str, Any] = {"machine": machine_info(), "sizes": sizes, "stages": {}}
    for stage in stages:
        results: list[tuple[str, Any] | None] = []
        for size in sizes:
            if any(r is None or r[0] != "ok" for r in results):
                results.append(None)  # the smaller size already failed or ran out of time
                continue
            results.append(measure(stage, size, args.runs, args.timeout))
        ratios = [_ratio(a, b) for a, b in zip(results, results[1:], strict=False)]
        print(" | ".join([stage.name, stage.unit, *map(_cell, results), *ratios]), flush=True)
        report["stages"][stage.name] = {
            "unit": stage.unit,
            "results": [None if r is None else list(r) for r in results],
        }
    DATA.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
