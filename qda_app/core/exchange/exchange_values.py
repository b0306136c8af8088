"""Values the exchange jobs hand to the CLI and the GUI: progress, errors, summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QdaError
from ..i18n import tr


def counted(key: str, count: int, **params: object) -> str:
    """A message about `count` things; one thing reads from `key + ".one"` where there is one
    ("1 Dokument" rather than "1 Dokumente"). The same convention as `tr_count` on main."""
    if count == 1:
        single = f"{key}.one"
        text = tr(single, count=count, **params)
        if text != single:
            return text
    return tr(key, count=count, **params)


class ExchangeError(QdaError):
    """An exchange file cannot be written or read; nothing was written."""


@dataclass(frozen=True)
class ExchangeProgress:
    """Where a long export or import stands: `phase` is a message key, `item` what it is at."""

    phase: str
    done: int
    total: int
    item: str = ""

    @property
    def text(self) -> str:
        return tr(self.phase, done=self.done, total=self.total, item=self.item)


@dataclass(frozen=True)
class Finding:
    """One line of a summary: a message key, its parameters and how many things it concerns."""

    key: str
    count: int = 1
    params: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return counted(self.key, self.count, **dict(self.params))


@dataclass(frozen=True)
class ExchangeSummary:
    """What an export or import did: what went across, what was corrected on the way, and
    what was left behind (the standard asks programs to say so)."""

    path: Path
    counts: tuple[tuple[str, int], ...] = ()
    corrected: tuple[Finding, ...] = ()
    left_out: tuple[Finding, ...] = ()
    project_path: Path | None = None

    def count(self, what: str) -> int:
        return dict(self.counts).get(what, 0)

    def lines(self) -> list[str]:
        """The summary in words, one line each: counts, corrections, then what was left out."""
        lines = [
            counted(f"exchange.count.{what}", number) for what, number in self.counts if number
        ]
        lines += [finding.text for finding in self.corrected]
        lines += [finding.text for finding in self.left_out]
        return lines


@dataclass
class FindingLog:
    """Collects findings while a job runs; equal keys with equal parameters are counted."""

    corrected: dict[tuple[str, tuple[tuple[str, str], ...]], int] = field(default_factory=dict)
    left_out: dict[tuple[str, tuple[tuple[str, str], ...]], int] = field(default_factory=dict)

    def correct(self, key: str, count: int = 1, **params: object) -> None:
        self._add(self.corrected, key, count, params)

    def leave_out(self, key: str, count: int = 1, **params: object) -> None:
        self._add(self.left_out, key, count, params)

    @staticmethod
    def _add(
        target: dict[tuple[str, tuple[tuple[str, str], ...]], int],
        key: str,
        count: int,
        params: dict[str, object],
    ) -> None:
        if count <= 0:
            return
        frozen = tuple(sorted((name, str(value)) for name, value in params.items()))
        target[(key, frozen)] = target.get((key, frozen), 0) + count

    def findings(self) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
        def as_findings(
            source: dict[tuple[str, tuple[tuple[str, str], ...]], int],
        ) -> tuple[Finding, ...]:
            return tuple(Finding(key, n, params) for (key, params), n in source.items())

        return as_findings(self.corrected), as_findings(self.left_out)
