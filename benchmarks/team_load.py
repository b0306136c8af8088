"""Eight coders at once on one server: `python -m benchmarks.team_load [--url URL]`.

Writers (separate processes, `--writers`, default 8) each run `--operations` (default 1,000)
commands against one PostgreSQL project: add a coding, edit a coding's memo, add a statement,
edit a statement, rename a category. Edits pass the version they read, as a window does, so an
edit made on an outdated copy is refused (a conflict, counted) instead of overwriting.

Reported: successful operations, conflicts, errors, throughput, lost updates (must be 0) and
the time until a change shows in another client (a watcher that LISTENs as a window does).

Lost updates are checked twice. Every edit bumps its row's version by one, so a row's final
version must be its start version plus the edits that succeeded on it; and no two successful
edits may have started from the same version of the same row. Added rows and log entries
must match what the writers were told succeeded.

Without `--url` a throwaway server is started as in the tests (tests/postgres_server.py).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import select
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qda_app.core.errors import EditConflictError, QdaError
from qda_app.core.presets import apply_preset
from qda_app.core.project import Project

DOCUMENTS = 8
TEXT = (
    "Die Hygienekonzepte haben viel Personal gebunden. Viele Familien waren nicht " * 40
).strip()
MIX = (("coding.add", 35), ("coding.edit", 20), ("statement.add", 15), ("statement.edit", 15))
MIX += (("category.rename", 15),)


def _prepare(url: str) -> dict[str, Any]:
    with Project.create(url, name="Lasttest", actor="owner") as project:
        apply_preset(project, "leverkusen")
        quarter = project.quarters.find("Manfort").id
        documents = [
            project.documents.add(f"Protokoll {i}", TEXT, quarter_id=quarter).id
            for i in range(DOCUMENTS)
        ]
        categories = [c.id for c in project.categories.list() if c.codable]
        coding = project.codings.add(documents[0], 0, 10, categories[0])
        statement = project.statements.add(categories[0], "Startaussage", quarter)
    return {
        "documents": documents,
        "categories": categories,
        "codings": [coding.id],
        "statements": [statement.id],
        "quarter": quarter,
    }


def _writer(
    url: str, number: int, operations: int, setup: dict[str, Any], go: Any, out: Any
) -> None:
    rng = random.Random(number)
    actor = f"coder{number}"
    names, weights = zip(*MIX, strict=True)
    done: Counter[str] = Counter()
    edits: list[tuple[str, int, int]] = []  # (table, id, version the edit started from)
    added: dict[str, list[int]] = {"codings": [], "statements": []}
    errors: list[str] = []
    codings = list(setup["codings"])
    statements = list(setup["statements"])
    categories = setup["categories"][:6]  # few rows: edits of the same row meet often
    with Project.open(url, actor=actor) as project:
        project.coders.list()  # connected
        go.wait()
        started = time.perf_counter()
        for index in range(operations):
            kind = rng.choices(names, weights)[0]
            try:
                if kind == "coding.add":
                    start = rng.randrange(0, len(TEXT) - 40)
                    info = project.codings.add(
                        rng.choice(setup["documents"]), start, start + 30, rng.choice(categories)
                    )
                    added["codings"].append(info.id)
                    codings.append(info.id)
                elif kind == "coding.edit":
                    seen = project.codings.get(rng.choice(codings[-50:]))
                    project.codings.update(
                        seen.id, memo=f"{actor}-{index}", expected_version=seen.version
                    )
                    edits.append(("codings", seen.id, seen.version))
                elif kind == "statement.add":
                    info = project.statements.add(
                        rng.choice(categories), f"{actor} Aussage {index}", setup["quarter"]
                    )
                    added["statements"].append(info.id)
                    statements.append(info.id)
                elif kind == "statement.edit":
                    seen_statement = project.statements.get(rng.choice(statements[-20:]))
                    project.statements.update_text(
                        seen_statement.id,
                        f"{actor} Fassung {index}",
                        expected_version=seen_statement.version,
                    )
                    edits.append(("statements", seen_statement.id, seen_statement.version))
                else:
                    seen_category = project.categories.get(rng.choice(categories))
                    project.categories.rename(
                        seen_category.id,
                        f"Kategorie {seen_category.id} ({actor}, {index})",
                        expected_version=seen_category.version,
                    )
                    edits.append(("categories", seen_category.id, seen_category.version))
                done[kind] += 1
            except EditConflictError:
                done["conflict"] += 1
            except QdaError as error:
                errors.append(f"{kind}: {error}")
        seconds = time.perf_counter() - started
    out.put(
        {
            "actor": actor,
            "done": dict(done),
            "edits": edits,
            "added": added,
            "errors": errors,
            "seconds": seconds,
        }
    )


def _watch(url: str, stop: Any, out: Any) -> None:
    """A window: wakes on the server's NOTIFY, reads the new log entries, notes the delay."""
    delays: list[float] = []
    with Project.open(url, actor="watcher") as project:
        socket = project.history.change_socket()
        project.history.poll_external()
        while not stop.is_set():
            if socket is not None:
                select.select([socket], [], [], 1.0)
            else:
                time.sleep(1.0)
            events = project.history.poll_external()
            seen = datetime.now(UTC).replace(tzinfo=None)
            if events:
                ids = [e.entry_id for e in events if e.entry_id is not None]
                for entry in project.history.entries(limit=len(events) + 5):
                    if entry.id in ids:
                        delays.append((seen - entry.created_at).total_seconds())
    out.put({"delays": delays})


def _check(url: str, results: list[dict[str, Any]], setup: dict[str, Any]) -> dict[str, Any]:
    started: Counter[tuple[str, int, int]] = Counter()
    per_row: Counter[tuple[str, int]] = Counter()
    for result in results:
        for table, row_id, version in result["edits"]:
            started[(table, row_id, version)] += 1
            per_row[(table, row_id)] += 1
    same_start = sum(count - 1 for count in started.values() if count > 1)
    with Project.open(url, actor="checker") as project:
        version_gaps = 0
        for (table, row_id), count in per_row.items():
            if table == "codings":
                version = project.codings.get(row_id).version
            elif table == "statements":
                version = project.statements.get(row_id).version
            else:
                version = project.categories.get(row_id).version
            version_gaps += abs(version - 1 - count)
        codings = {s.coding_id for s in project.segments.list()}
        statements = {s.id for s in project.statements.list()}
        entries = Counter(e.actor for e in project.history.entries())
    missing = 0
    logged_mismatch = 0
    for result in results:
        missing += len(set(result["added"]["codings"]) - codings)
        missing += len(set(result["added"]["statements"]) - statements)
        successes = sum(v for k, v in result["done"].items() if k != "conflict")
        logged_mismatch += abs(entries[result["actor"]] - successes)
    return {
        "lost_updates": same_start + version_gaps + missing,
        "edits_from_the_same_version": same_start,
        "version_mismatches": version_gaps,
        "added_rows_missing": missing,
        "log_entries_not_matching": logged_mismatch,
    }


def run(url: str, writers: int, operations: int) -> dict[str, Any]:
    setup = _prepare(url)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    watch_out = context.Queue()
    stop = context.Event()
    watcher = context.Process(target=_watch, args=(url, stop, watch_out))
    watcher.start()
    time.sleep(2.0)  # the watcher is listening
    go = context.Event()
    processes = [
        context.Process(target=_writer, args=(url, n, operations, setup, go, out))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    time.sleep(3.0 + writers)  # all started and connected (spawned interpreters import first)
    go.set()
    results = [out.get(timeout=3600) for _ in processes]
    wall = max(result["seconds"] for result in results)
    for process in processes:
        process.join()
    time.sleep(2.5)
    stop.set()
    delays = watch_out.get(timeout=60)["delays"]
    watcher.join()
    done: Counter[str] = Counter()
    for result in results:
        done.update(result["done"])
    conflicts = done.pop("conflict", 0)
    successes = sum(done.values())
    errors = [e for result in results for e in result["errors"]]
    report = {
        "writers": writers,
        "operations_each": operations,
        "succeeded": successes,
        "by_kind": dict(done),
        "conflicts_reported": conflicts,
        "errors": len(errors),
        "error_samples": errors[:5],
        "wall_seconds": round(wall, 1),
        "throughput_per_second": round(successes / wall, 1),
        "seen_by_other_client": {
            "events": len(delays),
            "median_ms": round(1000 * statistics.median(delays), 1) if delays else None,
            "p95_ms": round(1000 * sorted(delays)[int(0.95 * (len(delays) - 1))], 1)
            if delays
            else None,
            "max_ms": round(1000 * max(delays), 1) if delays else None,
        },
    }
    report.update(_check(url, results, setup))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty PostgreSQL database (default: throwaway server)")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--operations", type=int, default=1000)
    args = parser.parse_args(argv)
    server = None
    url = args.url
    if url is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from postgres_server import TestServer

        server = TestServer(durable=True)
        server.start()
        if server.admin_url is None:
            print(f"no PostgreSQL server: {server.reason}", file=sys.stderr)
            return 1
        url = server.new_database()
    try:
        report = run(url, args.writers, args.operations)
    finally:
        if server is not None:
            server.stop()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0 if report["lost_updates"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
