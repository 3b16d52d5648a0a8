"""Statistical checks of the RSS Monte Carlo (fixed seeds; each states its false-alarm rate).

Each test raises an alarm only when a one-sided exact (Clopper–Pearson) bound at
level alpha = 1e-6 contradicts the claim, so if the claim is true the chance of a
false alarm is at most 1e-6 per test; the seeds are fixed, so CI never flakes.
"""

from __future__ import annotations

import math

from pybridge.stats.estimate import clopper_pearson, clopper_pearson_upper
from pybridge.rss.montecarlo import coverage_times, estimate_cover_probability

ALPHA = 1e-6


def test_threshold_grows_logarithmically():
    """Claim rss-log-sample-size (uniform on [-1, 1]): at n = 2 log2(1/eps) + 10 the success probability
    is at least 0.95 for eps = 1e-1..1e-4.  Alarm iff the one-sided CP upper bound (alpha = 1e-6) < 0.95."""
    for i, eps in enumerate([1e-1, 1e-2, 1e-3, 1e-4]):
        n = math.ceil(2 * math.log2(1 / eps)) + 10
        est = estimate_cover_probability(n, eps, trials=400, seed=1000 + i, workers=2)
        upper = clopper_pearson_upper(est.estimate.successes, est.estimate.trials, alpha=ALPHA)
        assert upper >= 0.95, (eps, n, est.estimate)


def test_pensia_law_needs_more_samples_than_uniform_but_still_logarithmic():
    """Pensia's D (half atoms at 0; E[X+] = 1/16, so reaching z = 1 takes many samples): at
    n = 2 log2(1/eps) + 50 success >= 0.9 on [-1, 1] (eps = 1e-1..1e-3).
    Alarm iff the one-sided CP upper bound (alpha = 1e-6) < 0.9."""
    for i, eps in enumerate([1e-1, 1e-2, 1e-3]):
        n = math.ceil(2 * math.log2(1 / eps)) + 50
        est = estimate_cover_probability(n, eps, dist="pensia", trials=300, seed=2000 + i, workers=2)
        assert clopper_pearson_upper(est.estimate.successes, est.estimate.trials, alpha=ALPHA) >= 0.9


def test_two_estimators_agree():
    """estimate_cover_probability and coverage_times estimate the same P(n, eps) from independent streams.
    Each interval has confidence 1 - 5e-7, so disjoint intervals are a false alarm with probability <= 1e-6."""
    n, eps = 15, 1e-3
    a = estimate_cover_probability(n, eps, trials=1500, seed=31, workers=2).estimate
    ct = coverage_times(eps, n_max=26, trials=1500, seed=32, workers=2)
    lo1, hi1 = clopper_pearson(a.successes, a.trials, confidence=1 - 5e-7)
    lo2, hi2 = clopper_pearson(ct.successes(n), ct.trials, confidence=1 - 5e-7)
    assert lo1 <= hi2 and lo2 <= hi1, ((lo1, hi1), (lo2, hi2))


def test_half_width_planning_meets_request_without_peeking():
    """The trial count is fixed from an independent pilot; the achieved half-width is close to the request."""
    est = estimate_cover_probability(16, 1e-3, half_width=0.02, seed=5, workers=2)
    assert est.pilot is not None and est.pilot["planned_trials"] == est.estimate.trials
    assert est.estimate.half_width <= 0.02 * 1.15
