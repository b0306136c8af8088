"""Time qda_app's core operations on the large project: `python -m benchmarks.run [PATH]`.

The project is generated first when missing. Read-only operations run on the project itself;
changing ones (add a coding, delete a document, with undo) run on a scratch copy so every run
starts from the same fixture. Each operation is repeated `--runs` times; the table shows best,
median and, for in-process operations, the first call on a freshly opened project (cold engine
and statement cache). "open + info" is also measured in fresh processes, and the real
`qda info --json` command is timed end to end including interpreter start-up.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .generate import DEFAULT_PATH, GenerationResult, generate
from .timing import Measurement, format_table, machine_info, repeat, time_call, wall_clock_ms

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = DEFAULT_PATH.parent / "results.json"
TARGETS_MS = {"open_info": 1000.0, "for_document": 100.0, "frequency_table": 300.0}


def _worker_open_info(path: str) -> None:
    """Fresh-process body: import what `qda` imports at start-up, then time open + summary."""
    import qda_app.cli  # noqa: F401  (the CLI's own import cost is outside the timed part)
    from qda_app.core.analysis.counts import project_summary
    from qda_app.core.project import Project

    def open_info() -> None:
        with Project.open(path, actor="benchmark") as project:
            project_summary(project)

    print(json.dumps({"ms": time_call(open_info)[0]}))


def fresh_process(path: Path, runs: int) -> Measurement:
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.run", str(path), "--worker", "open-info"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(json.loads(done.stdout)["ms"])
    return Measurement(
        "open + info (fresh process)",
        TARGETS_MS["open_info"],
        samples,
        note="Project.open + project_summary, timed inside a new interpreter",
    )


def cli_commands(path: Path, runs: int) -> list[Measurement]:
    qda = str(Path(sys.executable).parent / "qda")
    info = [wall_clock_ms([qda, "info", str(path), "--json"])[0] for _ in range(runs)]
    bare = [wall_clock_ms([qda, "--help"])[0] for _ in range(runs)]
    return [
        Measurement(
            "`qda info --json` wall clock",
            None,
            info,
            note="subprocess end to end: interpreter start-up + imports + work",
        ),
        Measurement("`qda --help` wall clock (start-up only)", None, bare),
    ]


def query_plans(project: Any, call: Callable[[], Any]) -> tuple[float, list[dict[str, Any]]]:
    """Time `call` and return SQLite's plan for every distinct SELECT it issued."""
    from sqlalchemy import event

    seen: dict[str, Any] = {}

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.setdefault(statement, parameters)

    event.listen(project.engine, "before_cursor_execute", record)
    try:
        elapsed, _ = time_call(call)
    finally:
        event.remove(project.engine, "before_cursor_execute", record)
    plans = []
    with project.engine.connect() as connection:
        for statement, parameters in seen.items():
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plans.append({"sql": " ".join(statement.split()), "plan": [r[3] for r in rows]})
    return elapsed, plans


def in_process(path: Path, runs: int) -> list[Measurement]:
    """Read-only operations on one open project; `first` is the call on a fresh Project."""
    from qda_app.core.analysis.counts import project_summary
    from qda_app.core.analysis.frequencies import frequency_table
    from qda_app.core.db.sqlite_specific import passes_quick_check
    from qda_app.core.integrity import check_project
    from qda_app.core.project import Project

    def open_info() -> None:
        with Project.open(path, actor="benchmark") as project:
            project_summary(project)

    with Project.open(path, actor="benchmark") as probe:
        big = max(probe.documents.list(), key=lambda d: d.length)
    operations: list[tuple[str, float | None, Callable[[Any], Any], str]] = [
        (
            "codings.for_document(300k doc)",
            TARGETS_MS["for_document"],
            lambda p: p.segments.of_document(big.id),
            "",
        ),
        ("frequency_table(project)", TARGETS_MS["frequency_table"], frequency_table, ""),
        ("project_summary(project)", None, project_summary, "already-open project"),
        ("documents.list()", None, lambda p: p.documents.list(), ""),
        ("categories.list()", None, lambda p: p.categories.list(), ""),
        ("documents.text(300k doc)", None, lambda p: p.documents.text(big.id), ""),
        ("integrity.check_project(project)", None, check_project, ""),
        (
            "quick check of every page",
            None,
            lambda p: passes_quick_check(p.engine),
            "SQLite's quick_check, part of every Project.open",
        ),
    ]
    results = [
        Measurement(
            "open + info (in process)",
            TARGETS_MS["open_info"],
            repeat(open_info, runs),
            note="the same in a warm interpreter",
        )
    ]
    for name, target, function, note in operations:
        with Project.open(path, actor="benchmark") as project:
            first, plans = query_plans(project, lambda f=function, p=project: f(p))
            samples = repeat(lambda f=function, p=project: f(p), runs)
        results.append(Measurement(name, target, samples, first, note, plans))
    return results


def changing(path: Path, runs: int) -> list[Measurement]:
    """Logged commands and their undo, on a scratch copy of the project."""
    from qda_app.core.project import Project

    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        copy = Path(folder) / "scratch.qda"
        shutil.copyfile(path, copy)
        with Project.open(copy, actor="benchmark") as project:
            big = max(project.documents.list(), key=lambda d: d.length)
            leaf = project.categories.list()[-1].id
            coder = project.coders.list()[0].name
            add, undo_add, delete, undo_delete = [], [], [], []
            for run in range(runs):
                start = 1_000 + 7 * run
                add.append(
                    time_call(
                        lambda s=start: project.codings.add(big.id, s, s + 50, leaf, coder=coder)
                    )[0]
                )
                undo_add.append(time_call(project.history.undo)[0])
            for _ in range(max(1, min(runs, 3))):
                delete.append(time_call(lambda: project.documents.delete(big.id))[0])
                undo_delete.append(time_call(project.history.undo)[0])
    note = "scratch copy; one logged command, committed with synchronous=FULL"
    return [
        Measurement("codings.add on 300k doc (logged)", None, add, note=note),
        Measurement("history.undo of that add", None, undo_add),
        Measurement(
            "documents.delete(300k doc, 2,500 codings)",
            None,
            delete,
            note="ORM cascade over the document's codings, links and anchors",
        ),
        Measurement("history.undo of that delete", None, undo_delete),
    ]


def ensure_project(path: Path) -> GenerationResult | None:
    """Generate a missing project; bring one at an older schema revision to the current one.

    The default fixture is regenerated (it is cheap and leaves no backups behind); any other
    file is opened once, which upgrades it after a backup as the app would, so that no timed
    run includes a one-off migration.
    """
    from qda_app.core.db import migrate, store
    from qda_app.core.project import Project

    if path.exists():
        engine = store.create_store_engine(store.location_to_url(path))
        try:
            revision = migrate.current_revision(engine)
        finally:
            engine.dispose()
        if revision == migrate.head_revision():
            return None
        if path != DEFAULT_PATH:
            print(f"{path} is at schema revision {revision}; upgrading it first", flush=True)
            Project.open(path).close()
            return None
    print(f"generating {path} …", flush=True)
    result = generate(path, force=True)
    print(f"generated in {result.seconds:.1f} s", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="project file")
    parser.add_argument("--runs", type=int, default=5, help="repetitions per operation")
    parser.add_argument("--results", default=str(RESULTS), help="JSON output file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--worker", choices=["open-info"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = Path(args.path).resolve()
    if args.worker:
        _worker_open_info(str(path))
        return 0
    generated = ensure_project(path)
    measurements = [fresh_process(path, args.runs), *in_process(path, args.runs)]
    measurements += [*changing(path, args.runs), *cli_commands(path, args.runs)]
    machine = machine_info()
    print(
        f"\n{path} ({path.stat().st_size / 1e6:.1f} MB), {args.runs} runs, "
        f"{machine['cpus']} CPUs, Python {machine['python']}, SQLite {machine['sqlite']}\n"
    )
    print(format_table(measurements))
    for measurement in measurements:
        if measurement.target_ms is not None and measurement.plans:
            print(f"\nquery plans of {measurement.name}:")
            for plan in measurement.plans:
                print(f"  {plan['sql'][:150]}\n    -> {' | '.join(plan['plan'])}")
    report = {
        "machine": machine,
        "project": str(path),
        "runs": args.runs,
        "file_bytes": path.stat().st_size,
        "generation": generated.to_dict() if generated else None,
        "results": [m.to_dict() for m in measurements],
    }
    Path(args.results).parent.mkdir(parents=True, exist_ok=True)
    Path(args.results).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nresults written to {args.results}")
    slow = [m.name for m in measurements if m.status == "SLOW"]
    return 1 if slow and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
