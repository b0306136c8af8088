"""The four coefficients: small cases worked out by hand, random cases against independent
implementations (scikit-learn's cohen_kappa_score, the `krippendorff` package)."""

from __future__ import annotations

import numpy as np
import pytest

from qda_app.core.analysis.agreement.coefficients import (
    MISSING,
    brennan_prediger,
    coefficients,
    cohens_kappa,
    krippendorff_alpha,
    percent_agreement,
)

# Two coders, ten units, values 1 (category A), 2 (category B), 0 (nothing):
#   A:  1 1 1 1 2 2 2 0 0 1
#   B:  1 1 1 2 2 2 0 0 1 1
TWO = np.array([[1, 1], [1, 1], [1, 1], [1, 2], [2, 2], [2, 2], [2, 0], [0, 0], [0, 1], [1, 1]])


def test_percent_agreement_by_hand() -> None:
    # Units 1,2,3,5,6,8,10 agree: 7 of 10.
    assert percent_agreement(TWO) == pytest.approx(0.7)


def test_cohens_kappa_by_hand() -> None:
    # Coder A: value 1 ×5, 2 ×3, 0 ×2; coder B: 1 ×5, 2 ×3, 0 ×2.
    # p_e = 0.5·0.5 + 0.3·0.3 + 0.2·0.2 = 0.25 + 0.09 + 0.04 = 0.38
    # kappa = (0.7 − 0.38) / (1 − 0.38) = 0.32 / 0.62 = 0.516129…
    assert cohens_kappa(TWO) == pytest.approx(0.32 / 0.62)


def test_brennan_prediger_by_hand() -> None:
    # q = 3 values: chance 1/3; (0.7 − 1/3) / (2/3) = 0.55
    assert brennan_prediger(TWO, 3) == pytest.approx(0.55)


def test_krippendorff_alpha_by_hand() -> None:
    # n = 20 values: value 1 ×10, 2 ×6, 0 ×4.
    # Observed disagreement: 3 disagreeing units, each adds 2 off-diagonal coincidences
    # (m_u − 1 = 1): Σ o_ck (c≠k) = 6.
    # Expected: (n² − Σ n_c²) / (n − 1) = (400 − (100 + 36 + 16)) / 19 = 248 / 19.
    # alpha = 1 − 6 / (248/19) = 1 − 114/248 = 0.540322…
    assert krippendorff_alpha(TWO) == pytest.approx(1 - 114 / 248)


def test_three_coders_by_hand() -> None:
    # Units (values of three coders): (1,1,1) (1,1,2) (2,2,2) (0,1,1)
    values = np.array([[1, 1, 1], [1, 1, 2], [2, 2, 2], [0, 1, 1]])
    # Agreeing pairs per unit: 3/3, 1/3, 3/3, 1/3 → mean (1 + 1/3 + 1 + 1/3) / 4 = 2/3
    assert percent_agreement(values) == pytest.approx(2 / 3)
    # Cohen's kappa is for two coders only.
    assert coefficients(values, 3).cohen is None
    # alpha: n = 12 values: 1,1,1 | 1,1,2 | 2,2,2 | 0,1,1 → value 1 ×7, 2 ×4, 0 ×1.
    # Same-value coincidences Σ_u Σ_c n_uc(n_uc − 1)/(m_u − 1):
    #   unit 1: 3·2/2 = 3; unit 2: 2·1/2 = 1; unit 3: 3; unit 4: 2·1/2 = 1 → 8
    # D_o sum = 12 − 8 = 4; D_e sum = (144 − (49 + 16 + 1)) / 11 = 78/11
    # alpha = 1 − 4 / (78/11) = 1 − 44/78
    assert krippendorff_alpha(values) == pytest.approx(1 - 44 / 78)


def test_missing_values_only_in_alpha() -> None:
    # The third unit was judged by one coder only: alpha leaves it out, the others too.
    values = np.array([[1, 1], [2, 2], [1, MISSING], [1, 2]])
    result = coefficients(values, 2)
    assert result.units == 4
    assert result.percent == pytest.approx(2 / 3)
    assert result.alpha == pytest.approx(krippendorff_alpha(values[[0, 1, 3]]))


def test_undefined_cases_give_none() -> None:
    same = np.array([[1, 1], [1, 1]])
    assert percent_agreement(same) == 1.0
    assert cohens_kappa(same) is None  # p_e = 1: no chance to correct for
    assert krippendorff_alpha(same) is None
    assert brennan_prediger(same, 2) == 1.0
    empty = np.zeros((0, 2), dtype=np.int64)
    assert coefficients(empty, 2) == coefficients(empty, 2)
    assert coefficients(empty, 2).percent is None


@pytest.mark.parametrize("seed", range(12))
def test_random_two_coders_match_independent_packages(seed: int) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(seed)
    units = int(rng.integers(5, 300))
    labels = int(rng.integers(2, 8))
    first = rng.integers(0, labels, units)
    # The second coder agrees with a seed-dependent probability, else picks at random.
    agree = rng.random(units) < rng.random()
    second = np.where(agree, first, rng.integers(0, labels, units))
    values = np.column_stack([first, second])
    ours = coefficients(values, labels)
    theirs = metrics.cohen_kappa_score(first, second)
    if ours.cohen is None:
        assert np.isnan(theirs)
    else:
        assert ours.cohen == pytest.approx(theirs)
    assert ours.alpha == pytest.approx(
        krippendorff.alpha(reliability_data=values.T, level_of_measurement="nominal")
    )
    assert ours.percent == pytest.approx(np.mean(first == second))


@pytest.mark.parametrize("seed", range(8))
def test_random_many_coders_with_gaps_match_krippendorff(seed: int) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(100 + seed)
    coders = int(rng.integers(3, 6))
    units = int(rng.integers(10, 200))
    truth = rng.integers(0, 4, units)
    values = np.column_stack(
        [np.where(rng.random(units) < 0.7, truth, rng.integers(0, 4, units)) for _ in range(coders)]
    )
    gaps = rng.random(values.shape) < 0.15
    values[gaps] = MISSING
    data = np.where(values == MISSING, np.nan, values).astype(float).T
    assert krippendorff_alpha(values) == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    )


@pytest.mark.parametrize("coders", [2, 3, 4])
def test_counted_binary_coefficients_equal_the_table_ones(coders: int) -> None:
    from qda_app.core.analysis.agreement.coefficients import binary_coefficients

    rng = np.random.default_rng(coders)
    table = (rng.random((150, coders)) < 0.3).astype(np.int64)
    table[:5] = 1  # some units all coders gave
    given = table.sum(axis=1)
    counted = binary_coefficients(
        np.bincount(given, minlength=coders + 1), table.sum(axis=0).astype(np.int64)
    )
    direct = coefficients(table, 2)
    assert counted.units == direct.units
    for name in ("percent", "cohen", "brennan_prediger", "alpha"):
        ours, theirs = getattr(counted, name), getattr(direct, name)
        assert (ours is None and theirs is None) or ours == pytest.approx(theirs), name
