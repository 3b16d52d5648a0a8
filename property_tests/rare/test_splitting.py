"""Generalized splitting for rare RSS failures (issue 14): exactness, agreement with plain sampling, CI coverage.

Statistical tests use fixed seeds (CI never flakes) and state their false-alarm rate: an agreement test
compares the splitting t interval and plain sampling's Clopper-Pearson interval, each at confidence
1 - 5e-7, so disjoint intervals are a false alarm with probability <= 1e-6 (the t interval's coverage is
asymptotic; its empirical coverage is itself tested below).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from pybridge.errors import InvalidArgument
from pybridge.rare import estimate_failure_probability, plan_levels
from pybridge.rare.checks import (agreement, ci_coverage, exact_cases, n1_failure_probability, tail_rate,
                                  threshold_delta_eps)
from pybridge.rss import coverage_times, get_law


def test_bit_identical_for_any_worker_count():
    kw = dict(replications=4, runs=20, seed=123)
    a = estimate_failure_probability(24, 1e-2, workers=1, **kw).to_dict()
    b = estimate_failure_probability(24, 1e-2, workers=2, **kw).to_dict()
    assert a == b
    assert a["seed_entropy"] == "123" and a["moves"] > 0 and 0 < a["acceptance_rate"] < 1


def _agree_at(m, trials, seed):
    n, eps = 26, 1e-2
    ct = coverage_times(eps, n_max=n, trials=trials, seed=seed, workers=2)
    est = estimate_failure_probability(n, eps, replications=20, runs=40, every_level=True, seed=seed + 1,
                                       workers=2)
    t = list(est.plan.levels).index(m)
    row = agreement({"replication_estimates": [r[t] for r in est.rep_level_estimates]},
                    ct.trials - ct.successes(m), ct.trials)
    return row


def test_agrees_with_plain_mc_at_1e2():
    """q(18, 1e-2) ~ 1e-2 on [-1, 1]: splitting and plain sampling agree (two-sided, false alarm <= 1e-6)."""
    row = _agree_at(18, 20_000, 41)
    assert row["plain_failures"] > 100 and row["agree"], row


def test_agrees_with_plain_mc_at_1e4():
    """q(25, 1e-2) ~ 2e-4 on [-1, 1] against 60,000 plain trials (two-sided, false alarm <= 1e-6)."""
    row = _agree_at(25, 60_000, 43)
    assert row["plain_failures"] >= 3 and row["agree"], row


def test_exact_cases():
    rows = exact_cases(seed=5)
    assert all(r["ok"] for r in rows), rows


def test_n1_closed_form_exact():
    """q(1, eps) on [0, 1] against exhaustive exact decisions on a fine dyadic grid of x (the event is an
    interval of x, so the grid fraction converges to q at rate 1/grid)."""
    d = 2**12
    xs = [k / d for k in range(-d, d)]
    for eps in (Fraction(2, 5), Fraction(9, 20), Fraction(1, 2), Fraction(3, 4)):
        from pybridge.rss import covers_exact

        fails = sum(not covers_exact([x], eps, 0, 1) for x in xs)
        assert abs(Fraction(fails, 2 * d) - n1_failure_probability(eps)) <= Fraction(2, d)


def test_ci_coverage_near_nominal():
    """Empirical coverage of the 95% t interval at q ~ 2e-3 (n = 21, eps = 1e-2) over 40 independent
    estimates against an independent 40x larger reference; alarm iff the Clopper-Pearson interval at
    1 - 1e-6 on the hit count excludes 0.95."""
    n, eps = 21, 1e-2
    plan = plan_levels(n, eps, -1.0, 1.0, get_law("uniform"), np.random.default_rng(7))
    ref = estimate_failure_probability(n, eps, replications=40, runs=100, plan=plan, seed=8, workers=2)
    cov = ci_coverage(n, eps, estimates=40, replications=10, runs=10, reference=ref.q_hat, seed=9, plan=plan,
                      workers=1)
    lo, hi = cov["coverage_ci_1e-6"]
    assert lo <= 0.95 <= hi, cov


def test_threshold_and_tail_rate():
    est = estimate_failure_probability(16, 1e-1, replications=10, runs=30, every_level=True, updates=4,
                                       pilot_particles=50, seed=17)
    th = threshold_delta_eps(est)
    assert th["n_star_low"] <= th["n_star"] <= th["n_star_high"] <= 16
    # n* >= the counting bound, and n*(1e-1, 1e-1) is far below Lueker's 8 ln(10) = 18.4
    assert 4 <= th["n_star"] < 8 * math.log(10)
    tr = tail_rate(est)
    assert 0 < tr["rate_ci95"][0] and tr["rate_per_sample"] < math.log(2) + 0.2


def test_tail_lower_bound_all_positive():
    """q(n, eps) >= 2^-n: every sample positive leaves z = -1 at distance 1 (exact decision on instances)."""
    from pybridge.rss import covers

    rng = np.random.default_rng(3)
    for n in (1, 5, 20, 40):
        x = rng.uniform(0, 1, n)
        assert not covers(x, 0.999)


def test_levels_stop_where_population_dies():
    """A level no replication reached gives no n*, never a spurious one."""
    est = estimate_failure_probability(30, 1e-2, replications=3, runs=2, every_level=True, pilot_particles=20,
                                       seed=1)
    th = threshold_delta_eps(est)
    resolved = [lv for lv in est.tail() if lv["nonzero_replications"] >= 3]
    if th["n_star_high"] is not None:
        assert any(lv["m"] == th["n_star_high"] for lv in resolved)


def test_rel_error_fixes_replications_up_front():
    est = estimate_failure_probability(22, 1e-2, rel_error=0.5, runs=20, seed=2)
    p = est.planning
    assert p["planned_replications"] == est.replications >= 10
    assert p["cv_per_replication"] > 0


def test_bad_input_names_the_argument():
    with pytest.raises(InvalidArgument, match="eps"):
        estimate_failure_probability(10, 0.0)
    with pytest.raises(InvalidArgument, match="replications or rel_error"):
        estimate_failure_probability(10, 0.1, replications=5, rel_error=0.1)
    with pytest.raises(InvalidArgument, match="dist"):
        estimate_failure_probability(10, 0.1, dist="cauchy")
    with pytest.raises(InvalidArgument, match="n"):
        estimate_failure_probability(0, 0.1)


def test_fixed_size_event_agrees_with_plain_rfss_sampling():
    """RFSS (fixed size k = 1, target [-1, 1], eps = 0.2): splitting on the fixed-size event agrees with the
    RFSS engine's plain coupled sampling at n = 12 (two-sided, each interval at 1 - 5e-7: false alarm <= 1e-6);
    below the fixed-size counting bound q = 1 exactly."""
    from pybridge.rfss import fixed_coverage_times

    n, eps = 12, 0.2
    ct = fixed_coverage_times(1, eps, n_max=n, trials=3000, seed=61)
    est = estimate_failure_probability(n, eps, fixed_size=1, replications=10, runs=30, every_level=True,
                                       updates=4, pilot_particles=50, seed=62)
    assert est.to_dict()["fixed_size"] == 1 and est.target_interval == (-1.0, 1.0)
    row = agreement({"replication_estimates": est.replication_estimates}, ct.trials - ct.successes(n), ct.trials)
    assert row["plain_failures"] > 20 and row["agree"], row
    assert estimate_failure_probability(4, 0.1, fixed_size=1, seed=1).q_hat == 1.0
