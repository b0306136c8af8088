"""Segment level: the places in a document that the coders coded, built from their segments.

Two segments of different coders stand for the same place when their **overlap** reaches the
minimum: overlap = the characters both cover ÷ the length of the longer segment. An overlap of
0.9 therefore means the shared stretch covers at least 90 % of each of the two segments; a
segment shifted by more than a tenth of its length, or one that codes only half of the
other's stretch, does not meet the other.

Places are formed greedily: candidate pairs that share a category come first, then larger
overlaps; a pair joins two places when no coder would then have two segments in one place and
every pair of segments in the joined place meets the minimum. Each segment belongs to exactly
one place; a segment nobody else matched is a place of its own, where the other coders coded
nothing. Only coded text makes places: text no coder coded never counts as agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_OVERLAP = 0.9


@dataclass(frozen=True)
class CodedRange:
    """One coder's segment as place-building sees it."""

    coding_id: int
    coder: int  # index of the coder in the compared list
    start: int
    end: int
    category_id: int


def overlap(a: CodedRange, b: CodedRange) -> float:
    """Shared characters ÷ length of the longer segment (0 when they do not touch)."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return 0.0
    return shared / max(a.end - a.start, b.end - b.start)


def meets(a: CodedRange, b: CodedRange, minimum: float) -> bool:
    share = overlap(a, b)
    return share > 0.0 and share >= minimum


def places(ranges: Sequence[CodedRange], minimum: float = DEFAULT_OVERLAP) -> list[list[int]]:
    """The places of one document: lists of indexes into `ranges`, at most one per coder,
    ordered by the place's first start."""
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i].start, ranges[i].end))
    candidates: list[tuple[int, float, int, int]] = []
    for position, i in enumerate(order):
        first = ranges[i]
        for j in order[position + 1 :]:
            second = ranges[j]
            if second.start >= first.end:
                break
            if second.coder != first.coder and meets(first, second, minimum):
                different = 0 if first.category_id == second.category_id else 1
                candidates.append((different, -overlap(first, second), i, j))
    candidates.sort()
    place_of = list(range(len(ranges)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ranges))}
    for _, _, i, j in candidates:
        left, right = place_of[i], place_of[j]
        if left == right:
            continue
        joined = members[left] + members[right]
        coders = [ranges[k].coder for k in joined]
        if len(set(coders)) != len(coders):
            continue
        if not all(
            meets(ranges[a], ranges[b], minimum) for a in members[left] for b in members[right]
        ):
            continue
        for k in members[right]:
            place_of[k] = left
        members[left] = joined
        del members[right]
    found = [sorted(group, key=lambda k: ranges[k].coder) for group in members.values()]
    found.sort(key=lambda group: min((ranges[k].start, ranges[k].end) for k in group))
    return found
