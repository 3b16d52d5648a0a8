"""The leave-one-out kernel (pybridge.rare.loo): its decisions are the exact ones, and the estimator with it
agrees with plain sampling.

Statistical test: the splitting t interval and plain sampling's Clopper-Pearson interval, each at confidence
1 - 5e-7 (false alarm <= 1e-6 for disjoint intervals; the t interval's coverage is asymptotic). Fixed seeds.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pybridge.errors import InvalidArgument
from pybridge.rare import estimate_failure_probability
from pybridge.rare.checks import agreement
from pybridge.kernels.interval_union import float_status as _status
from pybridge.kernels.interval_union import loo_full_union as _full_union
from pybridge.kernels.interval_union import loo_level_status as _level_status
from pybridge.kernels.interval_union import merge_step
from pybridge.rare.loo import _U52, LooCounters, loo_step
from pybridge.rss import coverage_times, covers_exact, get_law

EPS = [0.5, 0.25, 0.125, 0.3, 0.1, 0.03, 0.01]


def _float_status(others, v, rest, eps, a, b):
    """The kernel's float status for the prefix others + [v] extended by rest, built as loo_step builds it."""
    others = np.asarray(others, dtype=float)
    rest = np.asarray(rest, dtype=float)
    mag = float(np.abs(others).sum()) + abs(v) + float(np.abs(rest).sum()) + eps + abs(a) + abs(b)
    d = 2.0 * (others.size + 1 + rest.size + 2) * _U52 * mag
    xs = np.ascontiguousarray(others[np.argsort(np.abs(others), kind="stable")])
    ext_pos = max(v, 0.0) + float(np.clip(rest, 0, None).sum())
    ext_neg = max(-v, 0.0) + float(np.clip(-rest, 0, None).sum())
    status, lo, hi = _full_union(xs, eps - 2 * d, a, b, ext_pos, ext_neg, 3 * d, 10**6)
    assert status == 0
    if rest.size == 0:
        out_lo = np.empty(2 * lo.size + 2)
        out_hi = np.empty(2 * lo.size + 2)
        cnt, _ = merge_step(lo, hi, lo.size, lo, hi, lo.size, v, a - 6 * d, b + 6 * d, out_lo, out_hi)
        return _status(out_lo, out_hi, cnt, a, b, 3 * d)
    return _level_status(lo, hi, v, np.ascontiguousarray(rest), a, b, 3 * d)


samples = st.lists(st.one_of(st.floats(-1, 1, allow_nan=False), st.integers(-8, 8).map(lambda k: k / 8)),
                   min_size=0, max_size=11)


@settings(max_examples=300, deadline=None)
@given(samples, st.one_of(st.floats(-1, 1), st.integers(-8, 8).map(lambda k: k / 8)),
       st.lists(st.integers(-8, 8).map(lambda k: k / 8), max_size=2), st.sampled_from(EPS),
       st.sampled_from([(-1.0, 1.0), (-0.5, 0.5), (0.0, 1.0)]))
def test_float_status_is_the_exact_decision(others, v, rest, eps, interval):
    """Covered/not covered from V ∪ (V + v) (+ the samples of the next level) equals the exact decision;
    near-ties (status -1) are allowed only where the exact radius is within the margin (dyadic ties)."""
    a, b = interval
    s = _float_status(others, v, rest, eps, a, b)
    exact = covers_exact(list(others) + [v] + list(rest), eps, a, b)
    if s >= 0:
        assert (s == 1) == exact
    else:  # a near-tie must really be near: covered at eps (1 + 1e-9) and not at eps (1 - 1e-9), or vice versa
        assert covers_exact(list(others) + [v] + list(rest), eps * (1 + 1e-9), a, b)
        assert not covers_exact(list(others) + [v] + list(rest), eps * (1 - 1e-9), a, b)


@pytest.mark.parametrize("eps,interval,m", [(0.125, (-1.0, 1.0), 6), (1e-2, (-1.0, 1.0), 14), (1e-3, (-0.5, 0.5), 18)])
def test_loo_step_keeps_level_and_reports_next_level_exactly(eps, interval, m):
    a, b = interval
    law = get_law("uniform")
    rng = np.random.default_rng(11)
    cnt = LooCounters()
    x = None
    while x is None:  # a particle of level m
        y = law.sample(rng, m + 3)
        if not covers_exact(y[:m].tolist(), eps, a, b):
            x = y
    if eps == 0.125:
        x = np.round(x * 8) / 8  # dyadic samples: ties at exactly 2 eps gaps
        while covers_exact(x[:m].tolist(), eps, a, b):
            x[: m] = np.round(law.sample(rng, m) * 8) / 8
    for _ in range(15):
        props, acc, fails_next = loo_step(x, m, m + 2, eps, a, b, law, rng, 2, 3, cnt)
        assert props == 6 and 0 <= acc <= props
        assert not covers_exact(x[:m].tolist(), eps, a, b)  # the chain never leaves the level
        assert fails_next == (not covers_exact(x[: m + 2].tolist(), eps, a, b))
    assert cnt.passes == 30


def test_loo_estimate_agrees_with_plain_mc_and_is_worker_free():
    n, eps = 26, 1e-2
    kw = dict(replications=20, runs=30, every_level=True, move="loo", updates=1, tries=4, pilot_particles=50,
              seed=77)
    est = estimate_failure_probability(n, eps, workers=2, **kw)
    assert est.to_dict() == estimate_failure_probability(n, eps, workers=1, **kw).to_dict()
    d = est.to_dict()
    assert d["move"] == "loo" and d["union_passes"] > 0 and d["merges"] >= d["union_passes"] * 4
    ct = coverage_times(eps, n_max=n, trials=40_000, seed=78, workers=2)
    levels = list(est.plan.levels)
    for m in (18, 22):
        t = levels.index(m)
        row = agreement({"replication_estimates": [r[t] for r in est.rep_level_estimates]},
                        ct.trials - ct.successes(m), ct.trials)
        assert row["agree"], row


def test_default_kernel_result_unchanged_by_the_option():
    """move="gibbs" (the default) keeps the earlier to_dict keys and values (no loo fields)."""
    d = estimate_failure_probability(20, 1e-2, replications=3, runs=10, seed=5).to_dict()
    assert "move" not in d and "union_passes" not in d


def test_loo_bad_input():
    with pytest.raises(InvalidArgument, match="move"):
        estimate_failure_probability(20, 1e-2, move="metropolis")
    with pytest.raises(InvalidArgument, match="fixed_size"):
        estimate_failure_probability(20, 1e-1, move="loo", fixed_size=2)
    with pytest.raises(InvalidArgument, match="tries"):
        estimate_failure_probability(20, 1e-2, move="loo", tries=0)
