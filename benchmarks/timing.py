"""Timing helpers and the result table of the benchmark runner."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Measurement:
    """Repeated timings of one operation in milliseconds; `target_ms` None means informative."""

    name: str
    target_ms: float | None
    samples_ms: list[float] = field(default_factory=list)
    first_ms: float | None = None
    note: str = ""
    plans: list[dict[str, Any]] = field(default_factory=list)

    @property
    def best_ms(self) -> float:
        return min(self.samples_ms)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def status(self) -> str:
        """OK or SLOW by the median (a conservative reading of the target); "info" otherwise."""
        if self.target_ms is None:
            return "info"
        return "OK" if self.median_ms <= self.target_ms else "SLOW"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "target_ms": self.target_ms,
            "best_ms": round(self.best_ms, 3),
            "median_ms": round(self.median_ms, 3),
            "first_ms": None if self.first_ms is None else round(self.first_ms, 3),
            "samples_ms": [round(s, 3) for s in self.samples_ms],
            "status": self.status,
            "note": self.note,
            "query_plans": self.plans,
        }


def time_call(function: Callable[[], Any]) -> tuple[float, Any]:
    """Milliseconds one call took, and what it returned."""
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def repeat(function: Callable[[], Any], runs: int) -> list[float]:
    """Milliseconds of `runs` consecutive calls."""
    return [time_call(function)[0] for _ in range(runs)]


def wall_clock_ms(command: Sequence[str], cwd: str | None = None) -> tuple[float, str]:
    """Wall-clock milliseconds of a subprocess (start-up included) and its standard output."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return elapsed, done.stdout


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"


def format_table(measurements: Sequence[Measurement]) -> str:
    """A plain-text table: operation, target, best, median, first call, status."""
    header = ("Operation", "Target ms", "Best ms", "Median ms", "First ms", "Status")
    rows = [
        (
            m.name,
            "—" if m.target_ms is None else f"≤ {m.target_ms:,.0f}",
            _ms(m.best_ms),
            _ms(m.median_ms),
            _ms(m.first_ms),
            m.status,
        )
        for m in measurements
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for number, row in enumerate([header, *rows]):
        cells = [
            str(cell).ljust(widths[0]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells))
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    notes = [f"  * {m.name}: {m.note}" for m in measurements if m.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def machine_info() -> dict[str, Any]:
    """Where the numbers were measured."""
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
    }
