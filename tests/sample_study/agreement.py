"""Cohen's kappa at segment level, written independently of the app's own
(qda_app.core.analysis.agreement), which the demo test checks against it.

Units are the coded segments of either coder. Two segments of different coders are the same
unit when their overlap covers at least 90 % of the longer one; each segment belongs to at
most one pair (pairs with the larger overlap are formed first). A paired unit carries both
coders' categories; a segment without a partner carries its category and "not coded" for the
other coder. Kappa is computed over these labels with "not coded" as a label of its own, so an
omission, a boundary shift below 90 % and a different category all count as disagreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NOT_CODED = "(nicht kodiert)"
MIN_OVERLAP = 0.9


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    category: str


def overlap_share(a: Segment, b: Segment) -> float:
    """Overlap of two segments as a share of the longer one."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(shared, 0) / max(a.end - a.start, b.end - b.start)


def units(first: Sequence[Segment], second: Sequence[Segment]) -> list[tuple[str, str]]:
    """(label of the first coder, label of the second) for every unit of one document."""
    candidates = sorted(
        (
            (overlap_share(a, b), a.category == b.category, i, j)
            for i, a in enumerate(first)
            for j, b in enumerate(second)
            if overlap_share(a, b) >= MIN_OVERLAP
        ),
        reverse=True,
    )
    paired_first: dict[int, int] = {}
    paired_second: set[int] = set()
    for _, _, i, j in candidates:
        if i not in paired_first and j not in paired_second:
            paired_first[i] = j
            paired_second.add(j)
    result = [(first[i].category, second[j].category) for i, j in paired_first.items()]
    result += [(a.category, NOT_CODED) for i, a in enumerate(first) if i not in paired_first]
    result += [(NOT_CODED, b.category) for j, b in enumerate(second) if j not in paired_second]
    return result


def cohens_kappa(labels: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of paired labels."""
    n = len(labels)
    observed = sum(a == b for a, b in labels) / n
    first = Counter(a for a, _ in labels)
    second = Counter(b for _, b in labels)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    return (observed - expected) / (1 - expected)
