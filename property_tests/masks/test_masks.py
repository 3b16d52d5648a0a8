"""Tests of random masks on subset sum (issue 13 §3): the mixture identity and masked thresholds.

Statistical tests use fixed seeds and Hoeffding bounds at false-alarm rate 1e-6.

Claims: masks-mixture-identity, masks-overparameterization-factor, masks-fixed-size.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from pybridge.masks import (binomial_mixture, factor_table, hoeffding_two_sample, masked_first_cover_times,
                            masked_threshold, mixture_identity_exact)
from pybridge.rfss import estimate_fixed_probability, fixed_coverage_times, fixed_covers
from pybridge.rss import coverage_times, covers, estimate_cover_probability

ATOMS = [Fraction(-1, 2), Fraction(1, 4), Fraction(1, 2)]


@pytest.mark.parametrize("p", [Fraction(1, 2), Fraction(2, 3), Fraction(1)])
def test_mixture_identity_exact(p):
    assert mixture_identity_exact(ATOMS, 3, p, Fraction(1, 8), (Fraction(-1, 2), Fraction(1, 2)))
    assert mixture_identity_exact(ATOMS, 3, p, Fraction(1, 4), (-1, 1), decide=lambda kept: fixed_covers(
        kept, 2, Fraction(1, 4), interval=(-1, 1), exact=True))


def test_mixture_identity_monte_carlo():
    n, eps, p, T = 20, 0.02, 0.6, 1500
    direct = estimate_cover_probability(n, eps, density=p, trials=T, seed=5)
    ct = coverage_times(eps, n_max=n, trials=T, seed=6)
    test = hoeffding_two_sample(direct.estimate.p_hat, T, binomial_mixture(ct.times, n, p), T, alpha=1e-6)
    assert not test["rejects"]
    assert direct.to_dict()["density"] == p
    # density draws come from the trial's generator: worker count does not matter
    again = estimate_cover_probability(n, eps, density=p, trials=T, seed=5, workers=2)
    assert again.estimate == direct.estimate


def test_masked_times_match_direct_masking():
    """T + NegBin(T, p) has the law of direct masked first-cover times (Hoeffding on P[time <= m])."""
    eps, n_max, T, p = 0.05, 40, 1200, 0.5
    ct = coverage_times(eps, n_max=n_max, trials=T, seed=8)
    masked = masked_first_cover_times(ct.times, n_max, p, np.random.default_rng(9))
    for m in (16, 24, 32):
        direct = estimate_cover_probability(m, eps, density=p, trials=T, seed=100 + m)
        test = hoeffding_two_sample(direct.estimate.p_hat, T, float(np.mean(masked <= m)), T, alpha=1e-6 / 3)
        assert not test["rejects"], (m, test)
    assert np.all(masked[ct.times <= n_max] >= ct.times[ct.times <= n_max])


def test_masked_fixed_size_matches_direct():
    k, eps, n, p, T = 3, 0.1, 24, 0.7, 600
    direct = estimate_fixed_probability(n, k, eps, density=p, trials=T, seed=21)
    ct = fixed_coverage_times(k, eps, n_max=n, trials=T, seed=22)
    test = hoeffding_two_sample(direct.estimate.p_hat, T, binomial_mixture(ct.times, n, p), T, alpha=1e-6)
    assert not test["rejects"]


def test_factor_table():
    rng = np.random.default_rng(0)
    times = rng.integers(10, 20, 500)
    rows = factor_table(times, 30, [1.0, 0.5, 0.25], 0.05, np.random.default_rng(1), bootstrap=50)
    assert rows[0]["factor"] == 1.0
    assert rows[1]["factor"] > 1.9 and rows[2]["factor"] > rows[1]["factor"]
    assert rows[1]["factor_ci95"][0] <= rows[1]["factor"] <= rows[1]["factor_ci95"][1]
    assert masked_threshold(np.array([1, 2, 3]), 0.5) is None  # 3 trials cannot reach a CP bound of 0.5
