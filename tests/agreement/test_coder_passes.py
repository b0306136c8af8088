"""Copying a coder's pass to another coder, and the consensus step after an agreement test."""

from __future__ import annotations

import pytest
from agreement.pair_study import Pair

from qda_app.core.analysis.agreement import AgreementOptions, intercoder_agreement
from qda_app.core.errors import ValidationError
from qda_app.core.services.coder_passes import ConsensusDecision
from qda_app.core.values import SegmentFilter


def ranges(pair: Pair, coder: str) -> list[tuple[int, int, int, int]]:
    coder_id = {c.name: c.id for c in pair.project.coders.list()}.get(coder)
    if coder_id is None:  # (undoing a command that made a coder removes the coder)
        return []
    return sorted(
        (s.document_id, s.start, s.end, s.category_id)
        for s in pair.project.segments.list(SegmentFilter(coder_ids=(coder_id,)), texts=False)
    )


def test_copy_gives_the_target_the_source_codings_of_the_documents(pair: Pair) -> None:
    first, second = pair.documents
    added = pair.project.coder_passes.copy_codings(pair.coders[0], "C", [first])
    assert added == 3
    assert ranges(pair, "C") == [r for r in ranges(pair, "A") if r[0] == first]
    entry = pair.project.history.entries()[0]
    assert entry.description == "Copy A's codings to C (3)"
    # One command, undone as a whole.
    pair.project.history.undo()
    assert ranges(pair, "C") == []


def test_copy_skips_what_the_target_has_and_refuses_nonsense(pair: Pair) -> None:
    # B already has A's X on sentence 0 of document 1: only the two others are added.
    assert pair.project.coder_passes.copy_codings(pair.coders[0], "B", [pair.documents[0]]) == 2
    with pytest.raises(ValidationError, match="different coders"):
        pair.project.coder_passes.copy_codings(pair.coders[0], "a", [pair.documents[0]])
    empty = pair.project.documents.add("Leer", "Nichts kodiert.\n").id
    with pytest.raises(ValidationError, match="coded nothing"):
        pair.project.coder_passes.copy_codings(pair.coders[0], "C", [empty])


def test_consensus_for_a_new_coder_takes_agreed_places_and_choices(pair: Pair) -> None:
    project = pair.project
    result = intercoder_agreement(
        project, AgreementOptions(pair.coders, document_ids=(pair.documents[0],))
    )
    # Disagreements in order: (Y,Z) sentence 1; (X,–) and (–,X) sentence 2; (–,Y) sentence 3.
    choices = ["second", "first", "neither", "both"]
    decisions = [
        ConsensusDecision.choose(d.segments, c)
        for d, c in zip(result.disagreements, choices, strict=True)
    ]
    project.coder_passes.apply_consensus("Konsens", decisions, result.agreed_coding_ids)
    x, y, z = (pair.categories[k] for k in "XYZ")
    document = pair.documents[0]
    a = {(r[1], r[2]): r for r in ranges(pair, "A") if r[0] == document}
    b = {(r[1], r[2]): r for r in ranges(pair, "B") if r[0] == document}
    consensus = ranges(pair, "Konsens")
    assert [r[3] for r in consensus] == [x, z, x, y]  # agreed X, B's Z, A's X, B's Y
    assert consensus[2] in a.values() and consensus[3] in b.values()
    assert project.history.entries()[0].description.startswith("Consensus after the agreement test")


def test_consensus_in_place_removes_the_rejected_version(pair: Pair) -> None:
    project = pair.project
    result = intercoder_agreement(
        project, AgreementOptions(pair.coders, document_ids=(pair.documents[0],))
    )
    other_category = result.disagreements[0]
    decision = ConsensusDecision.choose(other_category.segments, "first")
    before = ranges(pair, "B")
    project.coder_passes.apply_consensus("B", [decision])
    after = ranges(pair, "B")
    b_version, a_version = other_category.segments[1], other_category.segments[0]
    assert (b_version.document_id, b_version.start, b_version.end, b_version.category_id) in before
    assert (
        b_version.document_id,
        b_version.start,
        b_version.end,
        b_version.category_id,
    ) not in after
    assert (a_version.document_id, a_version.start, a_version.end, a_version.category_id) in after
    project.history.undo()
    assert ranges(pair, "B") == before


def test_an_unknown_choice_is_refused(pair: Pair) -> None:
    with pytest.raises(ValidationError, match="first, second, both or neither"):
        ConsensusDecision.choose([None, None], "maybe")
