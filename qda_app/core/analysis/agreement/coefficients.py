"""The four agreement coefficients over a table of units × coders (nominal values).

`values` is an integer array with one row per unit and one column per coder; every cell holds
the value that coder gave the unit (a category id, 0 for "not coded", or a count). A value of
MISSING marks a coder who did not judge the unit at all (only Krippendorff's alpha can use
such units; the others need every cell). All functions return None when the coefficient is
undefined for the data (no units, or no variation that chance could explain).

- Percent agreement: the share of agreeing coder pairs per unit, averaged over the units
  (for two coders: the share of units both coded alike).
- Cohen's kappa (two coders): (p_o − p_e) / (1 − p_e), p_e = Σ_k p_A(k)·p_B(k) from each
  coder's own distribution of values.
- Brennan & Prediger's kappa: (p_o − 1/q) / (1 − 1/q) with q possible values, chance taken
  as uniform over them (it does not punish a skewed distribution of categories).
- Krippendorff's alpha (nominal): 1 − D_o / D_e from the coincidence matrix of values within
  units; units judged by fewer than two coders are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

MISSING = -1

Values = NDArray[np.int64]


@dataclass(frozen=True)
class Coefficients:
    """Agreement over one set of units: how many, and the four coefficients (None when
    undefined)."""

    units: int
    percent: float | None
    cohen: float | None
    brennan_prediger: float | None
    alpha: float | None

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "units": self.units,
            "percent_agreement": self.percent,
            "cohens_kappa": self.cohen,
            "brennan_prediger_kappa": self.brennan_prediger,
            "krippendorffs_alpha": self.alpha,
        }


def coefficients(values: Values, possible_values: int) -> Coefficients:
    """All four coefficients; `possible_values` is q of Brennan & Prediger."""
    values = np.asarray(values, dtype=np.int64)
    complete = values[(values != MISSING).all(axis=1)] if values.size else values
    return Coefficients(
        units=int(values.shape[0]),
        percent=percent_agreement(complete),
        cohen=cohens_kappa(complete) if values.ndim == 2 and values.shape[1] == 2 else None,
        brennan_prediger=brennan_prediger(complete, possible_values),
        alpha=krippendorff_alpha(values),
    )


def percent_agreement(values: Values) -> float | None:
    """Mean share of agreeing coder pairs per unit (complete units only)."""
    values = np.asarray(values, dtype=np.int64)
    if values.ndim != 2 or values.shape[0] == 0 or values.shape[1] < 2:
        return None
    coders = values.shape[1]
    agreeing = np.zeros(values.shape[0], dtype=np.float64)
    for first in range(coders):
        for second in range(first + 1, coders):
            agreeing += values[:, first] == values[:, second]
    pairs = coders * (coders - 1) / 2
    return float(np.mean(agreeing / pairs))


def cohens_kappa(values: Values) -> float | None:
    """Cohen's kappa of two coders' values (an array of shape units × 2)."""
    values = np.asarray(values, dtype=np.int64)
    if values.ndim != 2 or values.shape[1] != 2 or values.shape[0] == 0:
        return None
    first, second = values[:, 0], values[:, 1]
    observed = float(np.mean(first == second))
    labels, codes = np.unique(values, return_inverse=True)
    codes = codes.reshape(values.shape)
    share_first = np.bincount(codes[:, 0], minlength=len(labels)) / len(first)
    share_second = np.bincount(codes[:, 1], minlength=len(labels)) / len(second)
    expected = float(np.dot(share_first, share_second))
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def brennan_prediger(values: Values, possible_values: int) -> float | None:
    """Brennan & Prediger's kappa with chance 1/q (q = `possible_values`, at least 2)."""
    observed = percent_agreement(values)
    if observed is None or possible_values < 2:
        return None
    chance = 1.0 / possible_values
    return (observed - chance) / (1.0 - chance)


def krippendorff_alpha(values: Values) -> float | None:
    """Krippendorff's alpha for nominal data; MISSING cells are left out."""
    values = np.asarray(values, dtype=np.int64)
    if values.ndim != 2 or values.shape[0] == 0:
        return None
    judged = values != MISSING
    per_unit = judged.sum(axis=1)
    pairable = per_unit >= 2
    values, judged, per_unit = values[pairable], judged[pairable], per_unit[pairable]
    if values.shape[0] == 0:
        return None
    labels, codes = np.unique(values[judged], return_inverse=True)
    units = np.nonzero(judged)[0]
    # How often each value occurs in each unit, as (unit, value) pairs with a count: a dense
    # units × values table would not fit for tens of thousands of units and many categories.
    pairs, counts = np.unique(units * len(labels) + codes, return_counts=True)
    pair_units = pairs // len(labels)
    total = float(per_unit.sum())
    # Coincidences of a value with itself: Σ_u Σ_c n_uc (n_uc − 1) / (m_u − 1).
    same = float(np.sum(counts * (counts - 1.0) / (per_unit[pair_units] - 1.0)))
    by_value = np.bincount(codes, minlength=len(labels)).astype(np.float64)
    return _alpha(total, same, by_value)


def _alpha(total: float, same: float, by_value: NDArray[np.float64]) -> float | None:
    observed_disagreement = total - same
    expected_disagreement = (total * total - float(np.dot(by_value, by_value))) / (total - 1.0)
    if expected_disagreement <= 0.0:
        return None
    return 1.0 - observed_disagreement / expected_disagreement


def binary_coefficients(
    by_agreeing: NDArray[np.int64], given_by_coder: NDArray[np.int64]
) -> Coefficients:
    """The four coefficients of "given / not given" (q = 2) over complete units, from
    counts alone: `by_agreeing[k]` units where exactly k of the m coders gave it
    (k = 0 … m), `given_by_coder[i]` units where coder i gave it. The same numbers as
    `coefficients(table, 2)` on the units × coders table of 0/1, without building it (a
    category at a time over tens of thousands of places)."""
    h = np.asarray(by_agreeing, dtype=np.float64)
    coders = len(h) - 1
    units = float(h.sum())
    if units == 0 or coders < 2:
        return Coefficients(int(units), None, None, None, None)
    k = np.arange(coders + 1, dtype=np.float64)
    pairs = coders * (coders - 1) / 2
    agreeing_pairs = (k * (k - 1) + (coders - k) * (coders - k - 1)) / 2
    percent = float(np.dot(h, agreeing_pairs) / pairs / units)
    cohen = None
    if coders == 2:
        first, second = (float(g) / units for g in given_by_coder[:2])
        expected = first * second + (1 - first) * (1 - second)
        cohen = None if expected >= 1.0 else (percent - expected) / (1.0 - expected)
    total = units * coders
    same = float(np.dot(h, k * (k - 1) + (coders - k) * (coders - k - 1)) / (coders - 1))
    given = float(np.dot(h, k))
    alpha = _alpha(total, same, np.array([total - given, given]))
    return Coefficients(int(units), percent, cohen, (percent - 0.5) / 0.5, alpha)
