"""The rare-event section's decision rules on synthetic estimates with hand-derived answers.

n* thresholds, the resolved-level rule, the agreement test, the decay-rate fit and the exact n = 1 failure
probability are checked against values computed by hand or by independent means (numpy least squares on
hand-made exact exponentials, a fine grid for q(1, eps)).  Targeted tests of
``benchmarks/mutation.py --only rare-checks``.
"""

from __future__ import annotations

import math
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest

from pybridge.rare.splitting import RareEstimate
from pybridge.rare.checks import (MIN_NONZERO, agreement, fit_slope_ln, lueker_kappa, n1_failure_probability,
                                  radius_criterion, tail_rate, threshold_delta_eps)


def test_lueker_kappa_closed_form_values():
    assert lueker_kappa(0) == 8.0
    assert lueker_kappa(3) == pytest.approx(2 * 3 + 4 + 4 * 2)
    assert lueker_kappa(8) == pytest.approx(16 + 4 + 12)


def test_n1_failure_probability_against_a_grid_of_samples():
    """q(1, eps) = Pr[X ~ U[-1, 1] leaves [0, 1] uncovered by the sums {0, X}]: by a fine exact grid."""
    grid = [Fraction(2 * i + 1, 4000) - 1 for i in range(4000)]  # midpoints of 4000 cells of [-1, 1]

    def covered(x, eps):  # union of [-eps, eps] and [x - eps, x + eps] contains [0, 1]
        return eps >= 1 or (x - eps <= eps and x + eps >= 1)

    for eps in (Fraction(1, 4), Fraction(1, 3), Fraction(2, 5), Fraction(1, 2), Fraction(3, 4), Fraction(1),
                Fraction(3, 2)):
        q_grid = Fraction(sum(not covered(x, eps) for x in grid), len(grid))
        assert abs(n1_failure_probability(eps) - q_grid) <= Fraction(1, 1000), eps
    assert n1_failure_probability(Fraction(1, 3)) == 1
    assert n1_failure_probability(Fraction(1, 2)) == Fraction(3, 4)
    assert n1_failure_probability(Fraction(1)) == 0
    assert n1_failure_probability(0.45) == (3 - 3 * Fraction(0.45)) / 2


def _levels(rows):
    return [{"m": m, "q_hat": q, "ci_low": lo, "ci_high": hi, "nonzero_replications": nz}
            for m, q, lo, hi, nz in rows]


class _FakeEstimate(RareEstimate):
    """A RareEstimate with chosen fields only (the decision rules check the type, then read these)."""

    def __init__(self, **fields):  # noqa: D107 - bypasses the frozen dataclass's generated __init__
        for k, v in fields.items():
            object.__setattr__(self, k, v)


def _est(rows, eps=0.01, n=40):
    return _FakeEstimate(eps=eps, tail=lambda: _levels(rows), target_interval=(-1.0, 1.0), n=n, replications=8,
                           runs_per_replication=50, seed_entropy="7")


def test_threshold_is_the_first_level_at_or_below_eps_for_each_bound():
    rows = [(10, 0.5, 0.4, 0.6, 8), (12, 0.02, 0.005, 0.03, 8), (14, 0.01, 0.004, 0.0101, 8),
            (16, 0.004, 0.001, 0.01, 8), (18, 0.001, 0.0, 0.002, 8)]
    out = threshold_delta_eps(_est(rows))
    assert (out["n_star"], out["n_star_low"], out["n_star_high"]) == (14, 12, 16)
    assert out["eps"] == 0.01 and out["n_max"] == 40 and out["ln_inv_eps"] == pytest.approx(math.log(100))
    assert out["interval"] == [-1.0, 1.0] and out["replications"] == 8 and out["runs"] == 50


def test_unresolved_levels_never_give_a_threshold():
    rows = [(10, 0.5, 0.4, 0.6, 8), (12, 0.0, 0.0, 0.0, MIN_NONZERO - 1), (14, 0.0, 0.0, 0.0, 8)]
    out = threshold_delta_eps(_est(rows))
    assert out["n_star"] is None and out["n_star_low"] is None and out["n_star_high"] is None
    rows = [(10, 0.5, 0.4, 0.6, MIN_NONZERO), (12, 0.001, 0.0, 0.002, MIN_NONZERO)]
    assert threshold_delta_eps(_est(rows))["n_star"] == 12  # exactly MIN_NONZERO replications: resolved
    never = [(10, 0.5, 0.4, 0.6, 8), (12, 0.2, 0.1, 0.3, 8)]
    assert threshold_delta_eps(_est(never))["n_star"] is None


def test_agreement_overlapping_and_disjoint_intervals():
    vals = [0.1, 0.12, 0.08, 0.11, 0.09]
    ok = agreement({"replication_estimates": vals}, 100, 1000)
    assert ok["agree"] is True and ok["split_q"] == pytest.approx(0.1) and ok["plain_q"] == 0.1
    assert ok["plain_failures"] == 100 and ok["plain_trials"] == 1000 and ok["confidence_each"] == 1 - 5e-7
    lo, hi = ok["split_ci"]
    plo, phi = ok["plain_ci"]
    assert lo < 0.1 < hi and plo < 0.1 < phi
    far = agreement({"replication_estimates": vals}, 900, 1000)  # 0.9 against 0.1: must disagree
    assert far["agree"] is False
    low = agreement({"replication_estimates": [0.9, 0.91, 0.89, 0.9, 0.9]}, 100, 1000)
    assert low["agree"] is False


def test_fit_slope_recovers_an_exact_line():
    rows = [{"ln_inv_eps": x, "n_star": 3 * x + 2} for x in (1.0, 2.0, 4.0, 5.0)] + [{"ln_inv_eps": 9.0, "n_star": None}]
    out = fit_slope_ln(rows)
    assert out["points"] == 4 and out["K"] == pytest.approx(3) and out["c"] == pytest.approx(2)
    assert out["K_stderr"] == pytest.approx(0, abs=1e-9)
    assert out["K_ci95"][0] == pytest.approx(3) and out["K_ci95"][1] == pytest.approx(3)
    noisy = fit_slope_ln([{"ln_inv_eps": x, "n_star": y} for x, y in ((1, 5), (2, 8), (3, 13))])
    assert noisy["K"] == pytest.approx(4) and noisy["c"] == pytest.approx(2 / 3)  # normal equations by hand
    assert noisy["K_ci95"][0] < 4 < noisy["K_ci95"][1]
    two = fit_slope_ln([{"ln_inv_eps": 1.0, "n_star": 4}, {"ln_inv_eps": 2.0, "n_star": 7}])
    assert two == {"points": 2, "K": pytest.approx(3), "c": pytest.approx(1)}
    assert fit_slope_ln([{"ln_inv_eps": 1.0, "n_star": 4}]) == {"points": 1}


def _rate_est(levels, reps, nonzero):
    tail = [{"nonzero_replications": z} for z in nonzero]
    return _FakeEstimate(plan=SimpleNamespace(levels=levels), tail=lambda: tail, rep_level_estimates=reps)


def test_tail_rate_recovers_an_exact_exponential():
    lam = 0.3
    levels = [4, 6, 8, 10]
    reps = [[c * math.exp(-lam * m) for m in levels] for c in (0.9, 1.0, 1.1, 1.05)]
    out = tail_rate(_rate_est(levels, reps, [8, 8, 8, 8]))
    assert out["rate_per_sample"] == pytest.approx(lam, rel=1e-9)
    assert out["factor_per_sample"] == pytest.approx(math.exp(lam), rel=1e-9)
    assert out["m_range"] == [4, 10] and out["replications"] == 4 and out["ln2"] == math.log(2)
    assert out["rate_stderr"] == pytest.approx(0, abs=1e-9)
    part = tail_rate(_rate_est(levels, reps, [8, 8, 8, 8]), m_from=6)
    assert part["m_range"] == [6, 10] and part["rate_per_sample"] == pytest.approx(lam)
    cut = tail_rate(_rate_est(levels, reps, [8, 8, MIN_NONZERO - 1, 8]))  # stops at the first unresolved level
    assert cut["m_range"] == [4, 6]


def test_tail_rate_interval_from_the_jackknife():
    levels = [2, 4, 6]
    rng = np.random.default_rng(5)
    reps = [[math.exp(-0.5 * m) * (1 + 0.2 * rng.standard_normal()) for m in levels] for _ in range(6)]
    out = tail_rate(_rate_est(levels, reps, [6, 6, 6]))
    R = 6
    arr = np.array(reps)
    jack = [-np.polyfit(levels, np.log(np.delete(arr, r, axis=0).mean(axis=0)), 1)[0] for r in range(R)]
    se = math.sqrt((R - 1) / R * sum((j - np.mean(jack)) ** 2 for j in jack))
    assert out["rate_stderr"] == pytest.approx(se, rel=1e-9)
    from scipy import stats
    t = stats.t.ppf(0.975, R - 1)
    assert out["rate_ci95"] == [pytest.approx(out["rate_per_sample"] - t * se), pytest.approx(out["rate_per_sample"] + t * se)]


def test_tail_rate_without_enough_levels_or_with_a_zero_mean():
    one = tail_rate(_rate_est([4, 6], [[0.1, 0.01]] * 3, [8, 0]))
    assert math.isnan(one["rate_per_sample"]) and math.isnan(one["factor_per_sample"]) and one["m_range"] == [None, None]
    assert one["replications"] == 3
    zero = tail_rate(_rate_est([4, 6], [[0.1, 0.0]] * 3, [8, 8]))
    assert math.isnan(zero["rate_per_sample"]) and math.isnan(zero["factor_per_sample"])
    two = tail_rate(_rate_est([4, 6], [[0.1, 0.01], [0.2, 0.02]], [8, 8]))  # R = 2: no jackknife interval
    assert "rate_ci95" not in two and two["rate_per_sample"] == pytest.approx(math.log(10) / 2)


def test_radius_criterion_on_small_samples():
    assert radius_criterion([0.5, 0.25, -0.75]) is True
    assert radius_criterion([0.3, 0.45], interval=(0.0, 1.0)) is True
