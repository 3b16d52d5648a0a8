"""Known holes of issue 10 §3, each closed by a test that fails on the planted bug.

Statistical helpers against closed forms and scipy; the certificate verifier against a gap of
2 eps + delta; the float kernel's "undetermined" path forced so that the exact mode must decide it in
the RSS Monte Carlo; every RSS decision rule fed a synthetic case that must reject; the subset-sum
enumeration of the project tested against an independent enumeration (itertools), not a twin of itself.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from pybridge.rss import Certificate, build_certificate, coverage_times, estimate_cover_probability, subset_sums
from pybridge.rss import verify_certificate
from pybridge.rss import montecarlo as mc
from pybridge.rss.montecarlo import CoverageTimes
from pybridge.rss.checks import threshold_rows as _threshold_rows
from pybridge.rss.logfit import log_sample_size_record as _log_check
from pybridge.stats.estimate import clopper_pearson, clopper_pearson_lower, clopper_pearson_upper


@pytest.mark.parametrize("n", [1, 2, 7, 50, 400])
@pytest.mark.parametrize("alpha", [1e-6, 0.01, 0.05, 0.3])
def test_one_sided_clopper_pearson_closed_forms(n, alpha):
    assert clopper_pearson_upper(0, n, alpha=alpha) == pytest.approx(1 - alpha ** (1 / n), rel=1e-9, abs=1e-15)
    assert clopper_pearson_lower(n, n, alpha=alpha) == pytest.approx(alpha ** (1 / n), rel=1e-9)
    assert clopper_pearson_upper(n, n, alpha=alpha) == 1.0
    assert clopper_pearson_lower(0, n, alpha=alpha) == 0.0


def test_one_sided_clopper_pearson_against_scipy_beta_at_random():
    rng = np.random.default_rng(20261201)
    for _ in range(200):
        n = int(rng.integers(1, 2000))
        k = int(rng.integers(0, n + 1))
        alpha = float(10 ** rng.uniform(-7, -0.5))
        up = 1.0 if k == n else stats.beta.ppf(1 - alpha, k + 1, n - k)
        lo = 0.0 if k == 0 else stats.beta.ppf(alpha, k, n - k + 1)
        assert clopper_pearson_upper(k, n, alpha=alpha) == pytest.approx(up, rel=1e-7, abs=1e-12)
        assert clopper_pearson_lower(k, n, alpha=alpha) == pytest.approx(lo, rel=1e-7, abs=1e-12)
        # the two-sided interval is the pair of one-sided bounds at alpha/2
        conf = 1 - 2 * alpha
        if conf > 0:
            tl, th = clopper_pearson(k, n, confidence=conf)
            assert tl == pytest.approx(lo, rel=1e-7, abs=1e-12) and th == pytest.approx(up, rel=1e-7, abs=1e-12)


def _single_mask_certificate(points, eps, a, b):
    xs = tuple(Fraction(p) for p in points)
    return Certificate(xs, Fraction(eps), Fraction(a), Fraction(b), tuple(1 << i for i in range(len(xs))), xs)


@pytest.mark.parametrize("delta", [Fraction(1, 10**12), Fraction(1, 1000), Fraction(1, 4)])
def test_verify_certificate_rejects_one_gap_of_2eps_plus_delta(delta):
    eps = Fraction(1, 4)
    good = _single_mask_certificate([-1, Fraction(-1, 2), 0, Fraction(1, 2), 1], eps, -1, 1)
    assert verify_certificate(good)  # gaps exactly 2 eps: accepted (boundary)
    bad = _single_mask_certificate([-1, Fraction(-1, 2), 0, Fraction(1, 2) + delta, 1 + delta], eps, -1, 1)
    assert not verify_certificate(bad)
    # the end conditions: first <= a + eps, last >= b - eps, each missed by delta
    assert not verify_certificate(_single_mask_certificate([Fraction(-3, 4) + delta, 0, Fraction(1, 2)], eps, -1, 1))
    assert not verify_certificate(_single_mask_certificate([Fraction(-1, 2), 0, Fraction(3, 4) - delta], eps, -1, 1))
    # a wrong claimed sum is rejected
    c = build_certificate([0.5, 0.25, 0.125, 0.0625, 0.0625, -1.0], Fraction(1, 32))
    assert verify_certificate(c)
    forged = Certificate(c.xs, c.eps, c.a, c.b, c.masks, c.sums[:-1] + (c.sums[-1] + delta,))
    assert not verify_certificate(forged)


def test_float_undetermined_is_decided_by_exact_mode(monkeypatch):
    tie_cov = np.array([0.5, 0.25, 0.125, 0.0625, 0.0625, -1.0])  # sums k/16, gaps exactly 2 eps: a near-tie
    tie_not = np.array([0.5, 0.25, 0.125, 0.0625, -1.0])         # top sum 15/16 < 1 - eps
    eps = 1 / 32
    assert mc._decide(tie_cov, eps, -1.0, 1.0)
    assert not mc._decide(tie_not, eps, -1.0, 1.0)
    before = estimate_cover_probability(9, 5e-2, trials=64, seed=9).estimate.successes
    times = coverage_times(5e-2, n_max=16, trials=20, seed=4).times
    # force the float kernel to answer "undetermined" on every instance: the exact mode must decide all of them
    monkeypatch.setattr(mc, "kernel_unchecked", lambda *args, **kw: (-1, 0))  # the hot loop's unchecked kernel
    assert mc._decide(tie_cov, eps, -1.0, 1.0)
    assert not mc._decide(tie_not, eps, -1.0, 1.0)
    after = estimate_cover_probability(9, 5e-2, trials=64, seed=9).estimate.successes
    assert after == before and 0 < before < 64
    assert np.array_equal(coverage_times(5e-2, n_max=16, trials=20, seed=4).times, times)


def _ct(times, eps=0.1, n_max=20):
    return CoverageTimes(times=np.asarray(times, dtype=np.int64), n_max=n_max, seed_entropy="x", confidence=0.95,
                         dist="uniform", eps=eps, interval=(-1.0, 1.0))


def test_threshold_rule_rejects_synthetic_cases():
    assert _ct([21] * 500).threshold(0.01) is None           # never covers: no n*
    assert _ct([5] * 10).threshold(0.01) is None             # 10/10 cannot push the CP lower bound to 0.99
    assert _ct([5] * 500).threshold(0.01) == 5               # 500/500 at n = 5: lower bound 0.9926
    assert _ct([5] * 495 + [21] * 5).threshold(0.01) is None  # 495/500: lower bound < 0.99


def test_log_sample_size_rule_rejects_synthetic_cases():
    eps = [1e-1, 1e-2, 1e-3, 1e-4]
    def rows(ns):
        return [{"dist": "uniform", "interval": [-1.0, 1.0], "eps": e, "n_star_delta_0.01": n,
                 "n_star_delta_eps": None} for e, n in zip(eps, ns)]
    assert _log_check(rows([10, 17, 24, 31]))[0].verdict == "consistent"
    assert _log_check(rows([10, 17, None, 31]))[0].verdict == "undetermined"   # a missing n*
    assert _log_check(rows([10, 24, 17, 31]))[0].verdict == "undetermined"     # not monotone
    assert _log_check(rows([10, 100, 1000, 10000]))[0].verdict == "undetermined"  # growth like 1/eps
    assert _log_check(rows([10, 10, 10, 10]))[0].verdict == "undetermined"     # C = 0


def test_threshold_rows_use_the_rule():
    row, = _threshold_rows([_ct([5] * 500, eps=0.1)])
    assert row["n_star_delta_0.01"] == 5 and row["n_star_delta_eps"] == 5
    row, = _threshold_rows([_ct([5] * 500, eps=1e-3)])  # delta = eps needs >= ln(40)/eps = 3689 trials
    assert row["n_star_delta_eps"] is None and row["delta_eps_status"] == "needs >= 3689 trials (splitting: rare section)"


@pytest.mark.parametrize("n", [0, 1, 5, 9])
def test_subset_sums_against_itertools(n):
    xs = np.random.default_rng(n).uniform(-1, 1, n)
    got = subset_sums(xs)
    for mask in range(2 ** n):
        want = sum(x for i, x in enumerate(xs) if mask >> i & 1)
        assert got[mask] == pytest.approx(want, abs=1e-12)
    assert sorted(np.round(got, 12)) == sorted(round(sum(c), 12) for r in range(n + 1)
                                               for c in itertools.combinations(xs, r))


def test_verify_certificate_rejects_malformed_certificates():
    eps = Fraction(1, 4)
    pts = [-1, Fraction(-1, 2), 0, Fraction(1, 2), 1]
    good = _single_mask_certificate(pts, eps, -1, 1)
    assert verify_certificate(good)
    xs, masks, sums = good.xs, good.masks, good.sums
    assert not verify_certificate(Certificate(xs, eps, Fraction(-1), Fraction(1), (), ()))            # no masks
    assert not verify_certificate(Certificate(xs, eps, Fraction(-1), Fraction(1), (True,) + masks[1:], sums))
    assert not verify_certificate(Certificate(xs, eps, Fraction(-1), Fraction(1), masks[:-1] + (1.0,), sums))
    stray = masks[:-1] + ((1 << 4) | (1 << 5),)  # a stray high bit beside the right low bits
    assert not verify_certificate(Certificate(xs, eps, Fraction(-1), Fraction(1), stray, sums))
    negative = (-31,) + masks[1:]  # negative, its low bits select xs[0]
    assert not verify_certificate(Certificate(xs, eps, Fraction(-1), Fraction(1), negative, sums))
    assert not verify_certificate(Certificate(xs, Fraction(0), Fraction(0), Fraction(0), (0,), (Fraction(0),)))
    assert not verify_certificate(Certificate(xs, "x", Fraction(-1), Fraction(1), masks, sums))
    # boundaries are accepted: first sum exactly a + eps, last exactly b - eps, a repeated sum (gap 0)
    edge = _single_mask_certificate([Fraction(-3, 4), Fraction(-1, 4), Fraction(-1, 4), Fraction(1, 4),
                                     Fraction(3, 4)], eps, -1, 1)
    assert verify_certificate(edge)
    # unsorted sums are rejected
    assert not verify_certificate(_single_mask_certificate([Fraction(-3, 4), Fraction(1, 4), Fraction(-1, 4),
                                                            Fraction(3, 4)], eps, -1, 1))
