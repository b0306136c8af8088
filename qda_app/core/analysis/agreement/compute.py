"""Intercoder agreement of two or more coders on the same documents.

Reads the codings only through `project.segments`. Segment level: the units are the places
the coders coded (places.py), each coder's value the category it gave there or "nothing";
overall the four coefficients treat these values as nominal (q = categories + 1 for Brennan
& Prediger), per category a place counts as "given / not given". Document level: the units
are each compared document × each category any coder used; the value is whether the coder
gave the category in the document (presence, q = 2) or how many segments it coded with it
(frequency, q = the number of different counts seen, at least 2).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from ...errors import ValidationError
from ...values import Segment, SegmentFilter
from .coefficients import binary_coefficients, coefficients
from .places import CodedRange, places
from .result import (
    LEVELS,
    MEASURES,
    AgreementOptions,
    AgreementResult,
    CategoryAgreement,
    Disagreement,
)

if TYPE_CHECKING:
    from ...project import Project

NOTHING = 0  # the value of a coder who coded nothing at a place


def intercoder_agreement(project: Project, options: AgreementOptions) -> AgreementResult:
    """Agreement of `options.coder_ids` (in that order) on the chosen documents."""
    _check(options)
    known = {c.id: c for c in project.coders.list()}
    missing = [i for i in options.coder_ids if i not in known]
    if missing:
        raise ValidationError("agreement.unknown_coder", id=missing[0])
    coders = tuple(known[i] for i in options.coder_ids)
    where = SegmentFilter(
        coder_ids=options.coder_ids,
        document_ids=options.document_ids,
        category_ids=options.category_ids,
    )
    # Segment level shows the disagreeing segments with their words and some context.
    segment_level = options.level == "segment"
    segments = project.segments.list(where, texts=segment_level, context=80 if segment_level else 0)
    documents = _documents(project, options, segments)
    chosen = {i for i, _ in documents}
    segments = [s for s in segments if s.document_id in chosen]
    order = {c.id: n for n, c in enumerate(project.categories.list())}
    paths = project.categories.paths()
    agreed: tuple[int, ...] = ()
    if options.level == "segment":
        overall, categories, disagreements, agreed = _segment_level(
            project, options, segments, order, paths
        )
    else:
        overall, categories, disagreements = _document_level(
            options, segments, documents, order, paths
        )
    return AgreementResult(options, coders, documents, overall, categories, disagreements, agreed)


def _check(options: AgreementOptions) -> None:
    if len(set(options.coder_ids)) < 2 or len(set(options.coder_ids)) != len(options.coder_ids):
        raise ValidationError("agreement.two_coders")
    if options.level not in LEVELS:
        raise ValidationError("agreement.bad_level", level=options.level)
    if options.measure not in MEASURES:
        raise ValidationError("agreement.bad_measure", measure=options.measure)
    if not 0.0 < options.overlap <= 1.0:
        raise ValidationError("agreement.bad_overlap", overlap=options.overlap)


def _documents(
    project: Project, options: AgreementOptions, segments: list[Segment]
) -> tuple[tuple[int, str], ...]:
    """The chosen documents, or those every coder coded, in project order."""
    all_documents = project.documents.list()
    if options.document_ids:
        wanted = set(options.document_ids)
        found = tuple((d.id, d.title) for d in all_documents if d.id in wanted)
    else:
        coders_of: dict[int, set[int]] = defaultdict(set)
        for segment in segments:
            coders_of[segment.document_id].add(segment.coder_id)
        needed = set(options.coder_ids)
        found = tuple((d.id, d.title) for d in all_documents if coders_of[d.id] >= needed)
    if not found:
        raise ValidationError("agreement.no_documents")
    return found


def _category_ids(values: set[int], order: dict[int, int]) -> list[int]:
    return sorted((v for v in values if v != NOTHING), key=lambda c: order.get(c, len(order)))


def _segment_level(
    project: Project,
    options: AgreementOptions,
    segments: list[Segment],
    order: dict[int, int],
    paths: dict[int, str],
) -> tuple:
    column = {coder: n for n, coder in enumerate(options.coder_ids)}
    by_document: dict[int, list[Segment]] = defaultdict(list)
    for segment in segments:
        by_document[segment.document_id].append(segment)
    rows: list[list[int]] = []
    members: list[list[Segment | None]] = []
    for document_segments in by_document.values():
        ranges = [
            CodedRange(s.coding_id, column[s.coder_id], s.start, s.end, s.category_id)
            for s in document_segments
        ]
        for place in places(ranges, options.overlap):
            row = [NOTHING] * len(column)
            held: list[Segment | None] = [None] * len(column)
            for index in place:
                row[ranges[index].coder] = ranges[index].category_id
                held[ranges[index].coder] = document_segments[index]
            rows.append(row)
            members.append(held)
    values = np.array(rows, dtype=np.int64).reshape(len(rows), len(column))
    category_ids = _category_ids(set(values.ravel().tolist()), order)
    overall = coefficients(values, len(category_ids) + 1)
    agreeing, by_coder = _category_counts(values, category_ids)
    categories = []
    for index, category_id in enumerate(category_ids):
        histogram = agreeing[index]
        categories.append(
            CategoryAgreement(
                category_id,
                paths.get(category_id, str(category_id)),
                tuple(int(n) for n in by_coder[index]),
                int(histogram[1:].sum()),
                int(histogram[-1]),
                binary_coefficients(histogram, by_coder[index]),
            )
        )
    disagreeing = [held for row, held in zip(rows, members, strict=True) if len(set(row)) > 1]
    disagreements = tuple(
        Disagreement(
            next(s for s in held if s is not None).document_id,
            next(s for s in held if s is not None).document_title,
            tuple("" if s is None else paths.get(s.category_id, "") for s in held),
            tuple(held),
        )
        for held in disagreeing
    )
    agreed = tuple(
        held[0].coding_id
        for row, held in zip(rows, members, strict=True)
        if len(set(row)) == 1 and held[0] is not None
    )
    return overall, tuple(categories), disagreements, agreed


def _category_counts(values: np.ndarray, category_ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Per category: how many places exactly k coders gave it (k = 0 … m), and how many
    places each coder gave it; one pass over the places × coders table."""
    units, coders = values.shape
    lookup = np.full(int(values.max(initial=0)) + 1, -1, dtype=np.int64)
    lookup[np.array(category_ids, dtype=np.int64)] = np.arange(len(category_ids))
    codes = lookup[values]  # a category's column, -1 for "nothing"
    agreeing = np.zeros((len(category_ids), coders + 1), dtype=np.int64)
    by_coder = np.zeros((len(category_ids), coders), dtype=np.int64)
    if units == 0 or not category_ids:
        return agreeing, by_coder
    for coder in range(coders):
        given = codes[:, coder][codes[:, coder] >= 0]
        by_coder[:, coder] = np.bincount(given, minlength=len(category_ids))
    rows, cells = np.nonzero(codes >= 0)
    pairs, counts = np.unique(rows * len(category_ids) + codes[rows, cells], return_counts=True)
    np.add.at(agreeing, (pairs % len(category_ids), counts), 1)
    agreeing[:, 0] = units - agreeing[:, 1:].sum(axis=1)
    return agreeing, by_coder


def _document_level(
    options: AgreementOptions,
    segments: list[Segment],
    documents: tuple[tuple[int, str], ...],
    order: dict[int, int],
    paths: dict[int, str],
) -> tuple:
    column = {coder: n for n, coder in enumerate(options.coder_ids)}
    category_ids = _category_ids({s.category_id for s in segments}, order)
    counts: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0] * len(column))
    for segment in segments:
        counts[(segment.document_id, segment.category_id)][column[segment.coder_id]] += 1
    frequency = options.measure == "frequency"
    blank = [0] * len(column)
    table = np.array(
        [
            counts.get((document_id, category_id), blank)
            for category_id in category_ids
            for document_id, _ in documents
        ],
        dtype=np.int64,
    ).reshape(len(category_ids), len(documents), len(column))
    values = table if frequency else (table > 0).astype(np.int64)

    def q(part: np.ndarray) -> int:
        return max(2, len(np.unique(part))) if frequency else 2

    flat = values.reshape(-1, len(column))
    overall = coefficients(flat, q(flat))
    categories = []
    disagreements = []
    for index, category_id in enumerate(category_ids):
        part = values[index]
        present = table[index] > 0
        same = (part == part[:, :1]).all(axis=1)
        categories.append(
            CategoryAgreement(
                category_id,
                paths.get(category_id, str(category_id)),
                tuple(int(n) for n in present.sum(axis=0)),
                int(present.any(axis=1).sum()),
                int((same & present.any(axis=1)).sum()),
                coefficients(part, q(part)),
            )
        )
        for row, (document_id, title) in enumerate(documents):
            if not same[row]:
                given = part[row].tolist()
                labels = tuple(str(v) if frequency else ("✓" if v else "—") for v in given)
                disagreements.append(
                    Disagreement(
                        document_id,
                        title,
                        labels,
                        category_id=category_id,
                        values=tuple(int(v) for v in given),
                    )
                )
    return overall, tuple(categories), tuple(disagreements)
