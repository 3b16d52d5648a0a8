"""The approximate kinematic formula: exact probabilities and concrete decisions."""

import math

import numpy as np
from scipy import stats

from pybridge.prunelimit.checks import ETAS, kinematic_violations
from pybridge.prunelimit.kinematic import a_eta, decide_meets, exact_meet_probability, kinematic_curve


def test_exact_probabilities_obey_theorem_i():
    from symbolic.constants.statdim import statdim

    for d in (50, 100, 400):
        delta = float(statdim("circular", d=d, angle="pi/6", dps=20).certified.mid)
        for eta in ETAS:
            w = a_eta(eta) * math.sqrt(d)
            for m in range(0, d + 1):
                p = exact_meet_probability("circular", d, m, angle=math.pi / 6)
                if m <= d - delta - w:
                    assert p <= eta
                if m >= d - delta + w:
                    assert p >= 1 - eta
    for d in (30, 60):
        for eta in ETAS:
            w = a_eta(eta) * math.sqrt(d)
            for m in range(d + 1):
                p = exact_meet_probability("orthant", d, m)
                if m <= d / 2 - w:
                    assert p <= eta
                if m >= d / 2 + w:
                    assert p >= 1 - eta


def test_decisions_match_exact_probabilities():
    # concrete random subspaces, decided by QR / LP, against the exact probabilities: two-sided binomial
    # test at level 1e-6 per point (fixed seed)
    rng = np.random.default_rng(7)
    for cone, d, m, kw in (("circular", 40, 30, {"angle": math.pi / 6}), ("orthant", 20, 10, {}),
                           ("orthant", 20, 13, {})):
        n = 120
        x = sum(decide_meets(cone, rng.standard_normal((d, m)), **kw) for _ in range(n))
        p = float(exact_meet_probability(cone, d, m, **kw))
        assert stats.binomtest(x, n, p).pvalue > 1e-6
    assert decide_meets("subspace", rng.standard_normal((10, 6)), k=5)
    assert not decide_meets("subspace", rng.standard_normal((10, 4)), k=5)


def test_l1_decisions_transition():
    rng = np.random.default_rng(3)
    d, s = 30, 3
    lows = sum(decide_meets("l1-descent", rng.standard_normal((d, 5)), s=s) for _ in range(10))
    highs = sum(decide_meets("l1-descent", rng.standard_normal((d, 28)), s=s) for _ in range(10))
    assert lows <= 2 and highs >= 8


def test_no_violation_on_curves():
    pts = kinematic_curve("circular", 100, list(range(0, 101, 10)), 300, np.random.SeedSequence(1), 0,
                          angle=math.pi / 6)
    exact_bad, mc_bad = kinematic_violations(pts, 25.5, 25.5)
    assert not exact_bad and not mc_bad


def test_l1_descent_curve_has_no_closed_form_and_needs_no_s_for_it():
    """The full check's kinematic curve on the l1-descent cone (found by timing the full check: the closed-form
    lookup re-checked ``s`` without being given it, so every full run stopped with 's must be an integer')."""
    from pybridge.prunelimit.kinematic import exact_meet_probability, kinematic_curve

    pts = kinematic_curve("l1-descent", 30, [5, 28], 4, np.random.SeedSequence(7), 0, s=3)
    assert [p.m for p in pts] == [5, 28] and all(p.exact is None for p in pts)
    assert all(0 <= p.meets <= 4 and p.trials == 4 for p in pts)
    assert exact_meet_probability("l1-descent", 30, 5) is None
