"""The ordering certificate <= RF optimum <= best neuron-pruned error, on every drawn network.

Checks the claim ids gap-ordering, theorem-a-core and kink-arc-three-point (theory §3.4, §3.6,
RECON) with Hypothesis-drawn n, d, laws, targets and seeds; plus the solvers behind them:
the RF cutting-plane LP (bracket width, monotonicity in the features, failures reported as
SolverError) and the exhaustive / MILP best subset (against brute force).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import seeds

from pybridge.gap import rf_lp
from pybridge.errors import InvalidArgument, SolverError
from pybridge.gap.bounds import check_theorem_a_core, theorem_a_certificate
from pybridge.gap.checks import ORDER_TOL, gap_ordering_holds
from pybridge.gap.trial import masked_features
from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.neuron_pruning import best_neuron_subset
from pybridge.gap.rf_lp import DEFAULT_TOL, rf_optimum
from pybridge.gap.sup_error import sup_error_circle


def _net(seed, model, law, d, n, kind):
    rng = np.random.default_rng(seed)
    target = make_target(kind, d, rng=rng)
    net = sample_network(model, law, d, n, rng=rng)
    return net, target, plane_coordinates(net.u, target)


@settings(deadline=None, max_examples=40)
@given(seed=seeds(), n=st.integers(1, 9), d=st.integers(2, 4), law=st.sampled_from("GU"),
       kind=st.sampled_from(["axis", "diagonal", "random"]))
def test_certificate_le_rf_le_neuron_pruned(seed, n, d, law, kind):
    net, _, (p, q) = _net(seed, "M0", law, d, n, kind)
    eta, cert = theorem_a_certificate(p, q)
    rf = rf_optimum(p, q)
    best = best_neuron_subset(p, q, net.v, d=d, method="exhaustive")
    assert rf.upper - rf.lp_value <= DEFAULT_TOL
    assert cert <= rf.lp_value + ORDER_TOL
    assert rf.lp_value <= best.error + ORDER_TOL
    # the LP's solution is an RF combination: its exact sup is at least the certificate
    assert cert <= sup_error_circle(p, q, rf.coef, d=d).value + 1e-12
    # Lemma K2 in exact rationals on the LP solution (hypothesis => conclusion)
    if eta > 0:
        hyp, concl = check_theorem_a_core(p, q, rf.coef, eta * (1 - 1e-9))
        assert hyp and concl


@settings(deadline=None, max_examples=40)
@given(seed=seeds(), n=st.integers(0, 8), eta_frac=st.floats(0.01, 1.0), scale=st.floats(0.01, 100.0))
def test_k2_holds_for_arbitrary_coefficients(seed, n, eta_frac, scale):
    """theorem-a-core with coefficients that are not optimal (any c), decided exactly."""
    rng = np.random.default_rng(seed)
    p, q = rng.standard_normal((2, n))
    c = scale * rng.standard_normal(n)
    eta_min, _ = theorem_a_certificate(p, q)
    hyp, concl = check_theorem_a_core(p, q, c, max(eta_min, 1e-6) * eta_frac * (1 - 1e-9))
    if hyp:
        assert concl


@settings(deadline=None, max_examples=20)
@given(seed=seeds(), n=st.integers(1, 10), kind=st.sampled_from(["axis", "diagonal", "random"]))
def test_masked_feature_rf_respects_its_certificate(seed, n, kind):
    net, target, _ = _net(seed, "M0", "G", 2, n, kind)
    mp, mq = masked_features(net.u, target)
    rf = rf_optimum(mp, mq)
    assert rf.certificate <= rf.lp_value + ORDER_TOL
    if kind == "axis" and np.any(net.u[:, 0] > 0):
        assert rf.upper <= 1e-9  # the masked feature (u_i1, 0) represents relu(x_1) exactly


@settings(deadline=None, max_examples=15)
@given(seed=seeds(), n=st.integers(2, 30))
def test_rf_optimum_is_monotone_in_nested_features(seed, n):
    _, _, (p, q) = _net(seed, "M0", "G", 2, n, "axis")
    small = rf_optimum(p[: n // 2], q[: n // 2])
    big = rf_optimum(p, q)
    assert big.lp_value <= small.upper + ORDER_TOL


@settings(deadline=None, max_examples=30)
@given(seed=seeds(), n=st.integers(1, 7), model=st.sampled_from(["M0", "M1"]), law=st.sampled_from("GU"))
def test_exhaustive_best_subset_matches_brute_force(seed, n, model, law):
    net, _, (p, q) = _net(seed, model, law, 2, n, "axis")
    best = best_neuron_subset(p, q, net.v, model=model)
    brute = min(sup_error_circle(p, q, net.v * ((m >> np.arange(n)) & 1), model=model).value for m in range(1 << n))
    assert best.error == pytest.approx(brute, abs=1e-14)
    assert sup_error_circle(p, q, net.v * best.mask, model=model).value == pytest.approx(best.error, abs=1e-14)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_milp_matches_exhaustive(seed):
    net, _, (p, q) = _net(seed, "M0", "G", 2, 12, "axis")
    ex = best_neuron_subset(p, q, net.v, method="exhaustive")
    mi = best_neuron_subset(p, q, net.v, method="milp")
    assert mi.lower <= ex.error + 1e-9
    assert mi.error == pytest.approx(ex.error, abs=1e-7)


def test_milp_time_limit_is_a_solver_error():
    net, _, (p, q) = _net(5, "M0", "G", 2, 60, "axis")
    with pytest.raises(SolverError, match="time limit"):
        best_neuron_subset(p, q, net.v, time_limit=0.02)


def test_lp_failure_is_a_solver_error(monkeypatch):
    class Failed:
        status, message, x = 4, "numerical difficulties (simulated)", None

    monkeypatch.setattr(rf_lp, "linprog", lambda *a, **k: Failed())
    with pytest.raises(SolverError):
        rf_optimum([1.0, 0.5], [0.0, 1.0])


def test_cutting_planes_that_do_not_converge_are_a_solver_error(monkeypatch):
    def always_violated(p, q, coef, model="M0"):
        return np.array([0.123]), np.array([10.0])

    monkeypatch.setattr(rf_lp, "circle_candidates", always_violated)
    with pytest.raises(SolverError, match="did not reach"):
        rf_optimum([1.0, 0.5], [0.3, 1.0], max_iter=3)


def test_rf_degenerate_and_known_cases():
    assert rf_optimum([0.0], [0.0]).upper == pytest.approx(1.0)  # no usable feature: error 1
    r = rf_optimum([1.0, 0.0], [0.0, 1.0])  # a feature aligned with w*
    assert r.upper <= 1e-9 and r.certificate == 0.0
    r = rf_optimum([0.0], [1.0])  # one orthogonal feature: eta_min = pi/2, certificate 1/2
    assert r.certificate == pytest.approx(0.5)
    assert r.lp_value >= 0.5 - ORDER_TOL
    assert gap_ordering_holds([0.3, 1.0, -0.2], [1.0, 0.1, 0.9], [1.0, -0.5, 0.7])


def test_bad_input_is_rejected():
    with pytest.raises(InvalidArgument):
        rf_optimum([], [])
    with pytest.raises(InvalidArgument):
        rf_optimum([1.0], [math.inf])
    with pytest.raises(InvalidArgument):
        best_neuron_subset(np.ones(17), np.ones(17), np.ones(17), method="exhaustive")
    with pytest.raises(InvalidArgument):
        best_neuron_subset(np.ones(17), np.ones(17), np.ones(17), model="M1")
