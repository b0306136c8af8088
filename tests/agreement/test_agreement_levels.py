"""Agreement at segment and at document level on a project, worked out by hand."""

from __future__ import annotations

import pytest
from agreement.pair_study import Pair

from qda_app.core.analysis.agreement import (
    AgreementOptions,
    CodedRange,
    intercoder_agreement,
    overlap,
    places,
)
from qda_app.core.errors import ValidationError


def test_overlap_is_shared_part_of_the_longer_segment() -> None:
    a = CodedRange(1, 0, 0, 100, 7)
    assert overlap(a, CodedRange(2, 1, 10, 100, 7)) == pytest.approx(0.9)  # 90 of 100
    assert overlap(a, CodedRange(2, 1, 50, 150, 7)) == pytest.approx(0.5)  # 50 of 100
    assert overlap(a, CodedRange(2, 1, 0, 200, 7)) == pytest.approx(0.5)  # 100 of 200
    assert overlap(a, CodedRange(2, 1, 100, 150, 7)) == 0.0  # touching is not sharing


def test_places_prefer_the_same_category_and_hold_one_segment_per_coder() -> None:
    ranges = [
        CodedRange(1, 0, 0, 100, 7),  # A: X on 0–100
        CodedRange(2, 0, 0, 100, 8),  # A: Y on the same range
        CodedRange(3, 1, 0, 95, 8),  # B: Y, 95 % of it
        CodedRange(4, 1, 0, 100, 9),  # B: Z on 0–100
        CodedRange(5, 2, 0, 100, 7),  # C: X
    ]
    found = sorted(sorted(ranges[i].coding_id for i in place) for place in places(ranges, 0.9))
    # Same category first: A's X with C's X (overlap 1.0), A's Y with B's Y (0.95), although
    # B's Z fits A's Y exactly. Then other categories: B's Z joins the X place (B has no
    # segment there yet and meets A's and C's X with 1.0), a disagreement of B.
    assert found == [[1, 4, 5], [2, 3]]


def test_segment_level_by_hand(pair: Pair) -> None:
    result = intercoder_agreement(
        pair.project, AgreementOptions(pair.coders, document_ids=(pair.documents[0],))
    )
    x, y, z = (pair.categories[k] for k in "XYZ")
    # Places: (X,X) (Y,Z) (X,–) (–,X) (–,Y): 5 units, 1 agreement.
    overall = result.overall
    assert overall.units == 5
    assert overall.percent == pytest.approx(0.2)
    # A: X 2/5, Y 1/5, – 2/5; B: X 2/5, Z 1/5, Y 1/5, – 1/5
    # p_e = .4·.4 + .2·.2 + .4·.2 = .28; kappa = (.2 − .28) / .72
    assert overall.cohen == pytest.approx((0.2 - 0.28) / 0.72)
    # q = 3 categories + "nothing" = 4: (.2 − .25) / .75
    assert overall.brennan_prediger == pytest.approx((0.2 - 0.25) / 0.75)
    by_category = {c.category_id: c for c in result.categories}
    assert list(by_category) == [x, y, z]
    assert by_category[x].coded == (2, 2)
    assert (by_category[x].involved, by_category[x].agreed) == (3, 1)
    # X given / not given over the 5 places: A 1,0,1,0,0  B 1,0,0,1,0 → 3 of 5 agree.
    assert by_category[x].coefficients.percent == pytest.approx(0.6)
    assert len(result.disagreements) == 4
    other = result.disagreements[0]
    assert [s.category_id for s in other.segments if s] == [y, z]
    assert other.labels[0].endswith(pair.project.categories.get(y).name)
    assert other.segments[0].text.startswith("Familien")
    omitted = result.disagreements[-1]
    assert omitted.segments[0] is None and omitted.labels[0] == ""


def test_a_lower_minimum_overlap_pairs_the_moved_segment(pair: Pair) -> None:
    result = intercoder_agreement(
        pair.project,
        AgreementOptions(pair.coders, overlap=0.75, document_ids=(pair.documents[0],)),
    )
    # (X,X) (Y,Z) (X,X) (–,Y): 4 units, 2 agreements.
    assert result.overall.units == 4
    assert result.overall.percent == pytest.approx(0.5)


def test_document_level_presence_by_hand(pair: Pair) -> None:
    result = intercoder_agreement(pair.project, AgreementOptions(pair.coders, level="document"))
    # Units 2 documents × 3 categories; only Z in document 1 differs (A absent, B present).
    # A present 3 of 6, B 4 of 6: p_e = .5·4/6 + .5·2/6 = .5; kappa = (5/6 − .5) / .5 = 2/3
    assert result.overall.units == 6
    assert result.overall.percent == pytest.approx(5 / 6)
    assert result.overall.cohen == pytest.approx(2 / 3)
    assert result.overall.brennan_prediger == pytest.approx((5 / 6 - 0.5) / 0.5)
    (only,) = result.disagreements
    assert only.category_id == pair.categories["Z"] and only.values == (0, 1)


def test_document_level_frequency_by_hand(pair: Pair) -> None:
    result = intercoder_agreement(
        pair.project, AgreementOptions(pair.coders, level="document", measure="frequency")
    )
    # Counts (A, B): doc 1 X (2,2) Y (1,1) Z (0,1); doc 2 X (2,1) Y (0,0) Z (0,0) → 4 of 6.
    assert result.overall.percent == pytest.approx(4 / 6)
    # q = the counts seen, {0, 1, 2} = 3: (2/3 − 1/3) / (2/3) = 0.5
    assert result.overall.brennan_prediger == pytest.approx(0.5)
    assert sorted(d.values for d in result.disagreements) == [(0, 1), (2, 1)]


def test_only_documents_both_coded_are_compared(pair: Pair) -> None:
    lonely = pair.project.documents.add("Nur A", "Ein Satz, den nur A kodiert hat.\n").id
    pair.project.codings.add(lonely, 0, 8, pair.categories["X"], coder="A")
    result = intercoder_agreement(pair.project, AgreementOptions(pair.coders))
    assert [d for d, _ in result.documents] == list(pair.documents)


def test_bad_options_are_refused_in_one_sentence(pair: Pair) -> None:
    with pytest.raises(ValidationError, match="two different coders"):
        intercoder_agreement(pair.project, AgreementOptions((pair.coders[0],)))
    with pytest.raises(ValidationError, match="overlap"):
        intercoder_agreement(pair.project, AgreementOptions(pair.coders, overlap=1.5))
