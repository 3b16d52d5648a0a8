"""Exact neuron-pruning decision (pybridge.gap.neuron_decision, pybridge.gap.exact_sup), issue 24 item 1.

Every answer must equal exhaustive search's (n <= 16), including near ties (eps within a
relative 1e-7 of the exhaustive optimum, far above float64 rounding and below the MILP's
margin 1e-5, so the no-good cuts are exercised), and the MILP optimum path's where both
run; a "yes" subset must have sup error < eps; the exact rational sup and kink test must
agree with the float computations away from ties.
"""

from __future__ import annotations

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, SolverError
from pybridge.gap.bounds import eta_eps, kink_angles
from pybridge.gap.exact_sup import kinks_within, sup_below
from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.neuron_decision import NO, YES, decide_neuron_pruning
from pybridge.gap.neuron_pruning import best_neuron_subset
from pybridge.gap.sup_error import sup_error_circle


def _net(seed, n, law="G", target="axis"):
    rng = np.random.default_rng([24, seed])
    tg = make_target(target, 2, rng=rng)
    net = sample_network("M0", law, 2, n, rng=rng)
    p, q = plane_coordinates(net.u, tg)
    return p, q, net.v


def _check(p, q, v, eps, opt):
    r = decide_neuron_pruning(p, q, v, eps, time_limit=120.0)
    assert r.answer == (YES if opt < eps else NO), (r, opt, eps)
    if r.answer == YES:
        assert sup_error_circle(p, q, v * r.mask).value < eps
    return r


@pytest.mark.parametrize("seed", range(48))
def test_decision_equals_exhaustive_search(seed):
    n = 3 + seed % 12 if seed % 8 else 16
    law = "G" if seed % 3 else "U"
    target = ("axis", "diagonal", "random")[seed % 3]
    p, q, v = _net(seed, n, law, target)
    opt = best_neuron_subset(p, q, v, method="exhaustive").error
    eps_values = [min(0.45, x) for x in (0.5 * opt, 0.9 * opt, 1.1 * opt, 2.0 * opt) if 0.0 < x < 0.5]
    if 0.0 < opt < 0.45:
        eps_values += [opt * (1 + 1e-7), opt * (1 - 1e-7)]  # near ties on both sides
    for eps in eps_values + [0.05, 0.2]:
        _check(p, q, v, eps, opt)


@pytest.mark.parametrize("seed", range(6))
def test_decision_equals_the_milp_optimum_where_it_converges(seed):
    p, q, v = _net(1000 + seed, 17 + seed)
    try:
        res = best_neuron_subset(p, q, v, method="milp", time_limit=60.0)
    except SolverError:
        pytest.skip("the MILP optimum path did not converge on this instance")
    for eps in (0.5 * res.error, res.error - 2e-6, res.error + 2e-6 + res.error - res.lower, 1.5 * res.error):
        if 0.0 < eps < 0.5 and not res.lower <= eps <= res.error + 1e-12:
            _check(p, q, v, eps, res.error if eps > res.error else res.lower)


def test_certificate_decides_no_at_once():
    p, q, v = np.array([0.0, 1.0]), np.array([1.0, 1.0]), np.array([1.0, 1.0])  # kinks at distance pi/2, pi/4
    r = decide_neuron_pruning(p, q, v, 0.1)
    assert (r.answer, r.stage, r.rounds) == (NO, "certificate", 0)


def test_sup_below_agrees_with_the_float_sup_away_from_ties():
    rng = np.random.default_rng(2404)
    for _ in range(200):
        n = int(rng.integers(1, 25))
        p, q, c = rng.standard_normal((3, n))
        c *= rng.random(n) < 0.6
        s = sup_error_circle(p, q, c).value
        for eps in (s * (1 + 1e-9), s * (1 - 1e-9), 0.5 * s, 2 * s):
            assert sup_below(p, q, c, eps) == (s < eps)


def test_sup_below_is_exact_at_a_rational_tie():
    # 0.5 * relu(x1) against relu(x1): the error is exactly 0.5, attained at e1
    assert not sup_below([1.0], [0.0], [0.5], 0.5)
    assert sup_below([1.0], [0.0], [0.5], np.nextafter(0.5, 1.0))


def test_kinks_within_agrees_with_the_float_angles():
    rng = np.random.default_rng(2405)
    for _ in range(100):
        p, q = rng.standard_normal((2, 30))
        eps = float(rng.uniform(0.001, 0.45))
        assert np.array_equal(kinks_within(p, q, eps), kink_angles(p, q) < eta_eps(eps))


def test_decision_rejects_bad_input():
    with pytest.raises(InvalidArgument):
        decide_neuron_pruning([1.0], [0.0], [1.0], 0.5)
    with pytest.raises(InvalidArgument):
        decide_neuron_pruning([], [], [], 0.1)
    with pytest.raises(InvalidArgument):
        decide_neuron_pruning([1.0], [np.nan], [1.0], 0.1)


@pytest.mark.parametrize("seed", range(12))
def test_every_subset_below_eps_satisfies_the_kink_isolation_cuts(seed):
    from pybridge.gap.neuron_decision import _partner_rows

    n = 6 + seed % 5
    p, q, v = _net(500 + seed, n, "G" if seed % 2 else "U")
    errs = []
    for m in range(1 << n):
        mask = ((m >> np.arange(n)) & 1).astype(bool)
        errs.append((sup_error_circle(p, q, v * mask).value, mask))
    for eps in sorted(e for e, _ in errs)[:6] + [0.1, 0.3]:
        eps = min(0.45, eps * (1 + 1e-6))
        rows, fixed = _partner_rows(p, q, v, eps, v != 0.0)
        for err, mask in errs:
            if err < eps:
                assert not (mask & fixed).any()
                assert all(not mask[i] or mask[part].any() for i, part in rows)
