"""RFSS Corollary 1 at small k (claim rfss-corollary1-rare): the exact k = 1 formula, the splitting estimator
on the fixed-size event against it, the c_need reduction, and the committed benchmark results.

Statistical tests use fixed seeds and state their false-alarm rate (<= 1e-6 per test).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from pybridge.rare import estimate_failure_probability
from pybridge.rare.checks import corollary1_row, entropy2, k1_failure_probability
from pybridge.rare.committed import load_rfss
from pybridge.rare.splitting import t_interval
from pybridge.rfss import fixed_covers
from pybridge.stats.estimate import clopper_pearson


def test_k1_exact_formula_against_brute_force():
    """Exact q_1(n, eps) against (a) the fixed-size decision on plain samples (Clopper-Pearson at 1 - 1e-6) and
    (b) closed forms: n = 1 covers iff |x| <= eps - 1 (q = 1 for eps < 1, q = 2 - eps on [1, 2], 0 beyond);
    n = 2 at eps = 1/2 needs x_(1) = -1/2, x_(2) = 1/2 exactly (q = 1); q decreasing in n."""
    assert k1_failure_probability(1, Fraction(1, 2)) == 1
    assert k1_failure_probability(1, Fraction(3, 2)) == Fraction(1, 2)
    assert k1_failure_probability(1, Fraction(5, 2)) == 0
    assert k1_failure_probability(2, Fraction(1, 2)) == 1
    assert k1_failure_probability(0, Fraction(1, 10)) == 1
    qs = [k1_failure_probability(n, Fraction(1, 10)) for n in range(5, 90, 7)]
    assert all(x >= y for x, y in zip(qs, qs[1:])) and qs[0] == 1
    rng = np.random.default_rng(41)
    n, eps, trials = 30, 0.125, 3000
    fails = sum(not fixed_covers(rng.uniform(-1, 1, n), 1, eps) for _ in range(trials))
    lo, hi = clopper_pearson(fails, trials, confidence=1 - 1e-6)
    assert lo <= float(k1_failure_probability(n, Fraction(eps))) <= hi


def test_splitting_fixed_size_k1_matches_exact():
    """Splitting on the k = 1 fixed-size event: every resolved level's t interval (Bonferroni, total 1e-6)
    contains the exact q_1(m, 0.1), down to q about 1e-3."""
    eps = 0.1
    est = estimate_failure_probability(110, eps, fixed_size=1, replications=10, runs=20, every_level=True,
                                       updates=4, pilot_particles=50, seed=91)
    tail = [(t, lv) for t, lv in enumerate(est.tail()) if lv["nonzero_replications"] >= 3]
    assert len(tail) >= 20
    conf = 1 - 1e-6 / len(tail)
    for t, lv in tail:
        q = float(k1_failure_probability(lv["m"], Fraction(eps)))
        _, lo, hi = t_interval([r[t] for r in est.rep_level_estimates], conf)
        assert lo <= q <= hi, (lv, q)
    assert est.tail()[-1]["q_hat"] < 0.02


def test_corollary1_row_c_need():
    row = corollary1_row({"eps": 0.1, "n_star": 24, "n_star_high": 26, "n_star_low": 22}, 2)
    assert row["c_need"] == pytest.approx(23 * entropy2(2 / 23) / math.log2(20) ** 2)
    assert row["c_need_conservative"] == pytest.approx(25 * entropy2(2 / 25) / math.log2(20) ** 2)
    # at c_amp = c_need + tiny, n* - 1 fails the hypothesis and n* satisfies it for c_amp <= n* H2(k/n*)/L^2
    assert 23 * entropy2(2 / 23) < (row["c_need"] + 1e-9) * math.log2(20) ** 2
    # the proof's c_amp = 8 prescribes 2^t with t H2-equation solved: check the defining equation at t
    t = row["log2_n_corollary_at_c8"]
    n = 2.0**t
    nh = 2 * math.log2(n / 2) - (n - 2) * math.log1p(-2 / n) / math.log(2)
    assert nh == pytest.approx(8 * math.log2(20) ** 2, rel=1e-9)
    assert row["holds_at_c8"]
    assert corollary1_row({"eps": 0.1, "n_star": 2, "n_star_high": None, "n_star_low": 2}, 1)["c_need"] == 0.0
    assert not corollary1_row({"eps": 0.1, "n_star": 20, "n_star_high": None, "n_star_low": 2}, 1)["holds_at_c8"]


def test_committed_rfss_results_consistent():
    """The committed benchmark rows recompute: c_need from n*, the k = 1 rows against the exact formula's n*
    (inside the row's [low, high]), and the plain-sampling validation agreed."""
    data = load_rfss()
    assert data is not None and data["rows"]
    ks = set()
    for r in data["rows"]:
        ks.add(r["k"])
        again = corollary1_row({key: r[key] for key in ("eps", "n_star", "n_star_high", "n_star_low")}, r["k"])
        assert again["c_need"] == pytest.approx(r["c_need"]) if r["c_need"] is not None else again["c_need"] is None
        assert "seed entropy" in r["checked_by"] and r["seconds"] > 0 and r["decisions"] > 0
        if r["k"] == 1:
            ex = r["exact_check"]
            assert ex["outside"] == []
            if r["n_star_low"] is not None and r["n_star_high"] is not None:
                assert r["n_star_low"] <= ex["n_star_exact"] <= r["n_star_high"]
    assert ks == {1, 2, 3}
    assert data["validation"]["plain_rfss_k2"]["agree"]
