"""Known holes of issue 10 §3 (gap domain): every Monte Carlo decision rule is fed a synthetic case that must
reject, and the verdicts come from the project's rules (``GapResult.verdict``, ``verdict_of``,
``check_expected_error``), never recomputed in the test."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import numpy as np

from pybridge.gap.bounds import expected_error_lower
from pybridge.gap.checks import check_expected_error, empirical_bernstein_upper
from pybridge.gap.evidence import verdict_of
from pybridge.gap.montecarlo import run_gap_experiment


def test_gap_verdict_rejects_when_the_one_sided_bound_exceeds_the_bound():
    r = run_gap_experiment("M0", "G", 2, 6, 0.05, pruning="rf", trials=8, seed=11, workers=1)
    assert r.bound is not None and r.bound.value is not None
    above = dataclasses.replace(r, ci_low_one_sided=r.bound.value + 1e-9)
    below = dataclasses.replace(r, ci_low_one_sided=r.bound.value - 1e-9)
    equal = dataclasses.replace(r, ci_low_one_sided=r.bound.value)
    assert above.verdict == "violated"
    assert below.verdict == "consistent" and equal.verdict == "consistent"
    assert above.to_dict()["verdict"] == "violated"
    nob = dataclasses.replace(r, bound=None)
    assert nob.verdict == "no bound"


def test_verdict_rule():
    assert verdict_of(False) == "violated"
    assert verdict_of(False, consistent=True) == "violated"
    assert verdict_of(True) == "holds"
    assert verdict_of(True, consistent=True) == "consistent"


def _result(errors, n=10):
    errors = np.asarray(errors, dtype=float)
    return SimpleNamespace(spec=SimpleNamespace(n=n, d=2), error_lower=errors, certificate=errors,
                           estimate=SimpleNamespace(seed_entropy="synthetic"))


def test_expected_error_rule_rejects_a_mean_far_below_the_bound():
    n = 10
    b = expected_error_lower(n)
    assert check_expected_error(_result(np.zeros(2000), n))[0].verdict == "violated"
    assert check_expected_error(_result(np.full(2000, b / 10), n))[0].verdict == "violated"
    assert check_expected_error(_result(np.full(2000, 2 * b), n))[0].verdict in ("holds", "consistent")


def test_empirical_bernstein_upper_is_a_valid_upper_bound_and_not_vacuous():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 0.2, 4000)  # mean 0.1
    u = empirical_bernstein_upper(x, 1e-6)
    assert 0.1 < u < 0.13
    assert empirical_bernstein_upper(np.zeros(4000), 1e-6) < 0.01
