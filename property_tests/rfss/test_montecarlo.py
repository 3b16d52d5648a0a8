"""Tests of the fixed-size Monte Carlo, thresholds and fits (issue 13 §2).

Statistical tests use fixed seeds; each states its false-alarm rate (<= 1e-6).

Claims: rfss-counting-bound, rfss-theorem2-fixed-target, rfss-corollary1-all-targets, rfss-theorem5-counting-core.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from pybridge.errors import InvalidArgument
from pybridge.rfss import (counting_bound_n_fixed, estimate_fixed_probability, fixed_coverage_times,
                           theorem2_threshold_n)
from pybridge.rfss.fits import entropy2, fit_growth_exponent, fit_offset_exponent
from pybridge.rfss.twins import k_subset_sums, thm5_counting_core


@pytest.mark.parametrize("k, eps, dist", [(2, 1e-2, "uniform"), (3, 1e-3, "mixture"), (5, 1e-4, "uniform")])
def test_estimator_zero_below_counting_bound(k, eps, dist):
    n = counting_bound_n_fixed(k, Fraction(eps)) - 1
    assert math.comb(n, k) * 2 * eps < 2 * math.sqrt(k)
    assert math.comb(n + 1, k) * 2 * eps >= 2 * math.sqrt(k) * (1 - 1e-12)
    est = estimate_fixed_probability(n, k, eps, dist=dist, trials=64, seed=1)
    assert est.estimate.successes == 0


def test_theorem2_threshold_exact():
    for k, eps in [(2, 0.1), (4, 0.01), (8, 0.001), (3, 0.05)]:
        n = theorem2_threshold_n(k, eps)
        assert n >= 2 * k
        L = math.log2(k / eps)
        assert n * entropy2(k / n) >= L * (1 - 1e-12)
        if n > 2 * k:
            assert (n - 1) * entropy2(k / (n - 1)) < L * (1 + 1e-12)
    with pytest.raises(InvalidArgument, match="eps"):
        theorem2_threshold_n(2, 1.5)


def test_single_target_estimate():
    """z = 0 with k = 1: Pr[some |X_i| < eps] = 1 - (1 - eps)^n exactly; test at false-alarm rate 1e-6."""
    from pybridge.stats.estimate import clopper_pearson

    n, eps, T = 10, 0.05, 4000
    est = estimate_fixed_probability(n, 1, eps, target=0.0, trials=T, seed=7)
    lo, hi = clopper_pearson(est.estimate.successes, T, confidence=1 - 1e-6)
    assert lo <= 1 - (1 - eps) ** n <= hi
    d = est.to_dict()
    for key in ("n", "k", "eps", "target", "dist", "density", "trials", "successes", "ci_low", "ci_high",
                "confidence", "seed_entropy"):
        assert key in d
    assert d["target"] == 0.0 and d["target_interval"] is None and "strict" in d["event"]


def test_worker_count_and_density_reproducible():
    a = estimate_fixed_probability(20, 3, 0.05, trials=130, seed=11, workers=1, density=0.8)
    b = estimate_fixed_probability(20, 3, 0.05, trials=130, seed=11, workers=2, density=0.8)
    assert a.estimate == b.estimate
    assert a.to_dict()["density"] == 0.8 and a.to_dict()["target_interval"] == pytest.approx([-math.sqrt(3),
                                                                                              math.sqrt(3)])
    c = estimate_fixed_probability(20, 3, 0.05, trials=130, seed=11)
    assert c.estimate.successes >= 0  # unmasked run is a different experiment (no mask draws)


def test_coverage_times_coupled_and_worker_free():
    ct1 = fixed_coverage_times(3, 0.05, n_max=60, trials=70, seed=3, workers=1)
    ct2 = fixed_coverage_times(3, 0.05, n_max=60, trials=70, seed=3, workers=2)
    assert np.array_equal(ct1.times, ct2.times)
    assert np.all(ct1.times >= counting_bound_n_fixed(3, Fraction(0.05)))
    # the time is the first covering prefix: re-decide a few trials directly
    from pybridge.rfss import fixed_covers
    from pybridge.rfss.laws import get_rfss_law
    from pybridge.runtime import seeding

    root = np.random.SeedSequence(3)
    rng = seeding.child_rng(root, seeding.AUX, 0)
    for t in ct1.times[:5]:
        xs = get_rfss_law("uniform").sample(rng, 60)
        if t <= 60:
            assert fixed_covers(xs[:t], 3, 0.05) and not fixed_covers(xs[: t - 1], 3, 0.05)
        else:
            assert not fixed_covers(xs, 3, 0.05)


def test_fit_forms_recover_planted_growth():
    L = np.array([4.0, 6.0, 8.0, 10.0, 12.0] * 2)
    groups = [3] * 5 + [4] * 5
    for beta in (1.0, 2.0):
        Y = np.where(np.array(groups) == 3, 5.0, 7.0) + 0.8 * L**beta + np.tile([0.05, -0.05, 0.03, 0.0, -0.03], 2)
        fit = fit_offset_exponent(L, Y, groups)
        assert abs(fit["beta"] - beta) < 0.1
        assert fit[f"form_beta_{beta:g}"]["inside_ci"]
        assert not fit[f"form_beta_{3 - beta:g}"]["inside_ci"]
    pw = fit_growth_exponent(L[:5], 2.0 * L[:5] ** 2)
    assert abs(pw["beta"] - 2) < 1e-9


def test_thm5_counting_core():
    for k in range(2, 9):
        for e in (Fraction(1, 10), Fraction(1, 1000), Fraction(1, 10**5)):
            assert thm5_counting_core(k, e)


def test_k_subset_sums_recursion_matches_combinations():
    import itertools

    xs = [Fraction(1, 3), Fraction(-1, 2), Fraction(2), Fraction(1, 7), Fraction(0)]
    for k in range(0, 6):
        assert sorted(k_subset_sums(xs, k)) == sorted(sum(c, Fraction(0)) for c in itertools.combinations(xs, k))
        assert len(k_subset_sums(xs, k)) == math.comb(len(xs), k)


@pytest.mark.parametrize("kwargs, match", [
    ({"n": -1, "k": 2, "eps": 0.1}, "n"), ({"n": 5, "k": 0, "eps": 0.1}, "k"),
    ({"n": 5, "k": 2, "eps": 0.1, "density": 0.0}, "density"), ({"n": 5, "k": 2, "eps": 0.1, "dist": "x"}, "dist"),
    ({"n": 5, "k": 2, "eps": 0.1, "trials": 10, "half_width": 0.1}, "trials or half_width"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(InvalidArgument, match=match):
        estimate_fixed_probability(**kwargs)
