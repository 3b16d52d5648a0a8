"""Quadratic-loss ground truth."""

import numpy as np
import pytest

from pybridge.errors import InvalidArgument
from pybridge.prunelimit.checks import make_instance, quadratic_truth_consistent
from pybridge.prunelimit.quadratic import (
    diagonal_limit,
    exhaustive_limit,
    greedy_limit,
    magnitude_limit,
    relaxation_upper,
    schur_cost,
    true_limit,
)


def test_exhaustive_equals_diagonal_on_diagonal_h():
    rng = np.random.default_rng(0)
    for i in range(6):
        _, w0, eps, lam = make_instance(rng, 9, ("flat", "power", "spiked")[i % 3], ("gauss", "heavy")[i % 2], False)
        assert exhaustive_limit(np.diag(lam), w0, eps).low == diagonal_limit(lam, w0, eps).low


def test_bounds_bracket_exhaustive():
    assert quadratic_truth_consistent(d=9, instances=6, seed=3)
    rng = np.random.default_rng(1)
    H, w0, eps, _ = make_instance(rng, 30, "power", "gauss", True)
    t = true_limit(H, w0, eps)
    assert t.low <= t.high
    assert magnitude_limit(H, w0, eps, refit=True) <= t.high
    assert greedy_limit(H, w0, eps) <= relaxation_upper(H, w0, eps)


def test_schur_cost_is_the_refit_minimum():
    rng = np.random.default_rng(2)
    H, w0, eps, _ = make_instance(rng, 8, "spiked", "gauss", True)
    z = [0, 3, 5]
    keep = [i for i in range(8) if i not in z]
    # minimise over w_keep directly by least squares
    A = H[np.ix_(keep, keep)]
    b = H[np.ix_(keep, z)] @ w0[z]
    w = np.zeros(8)
    w[keep] = w0[keep] + np.linalg.solve(A, b)  # optimal re-fit of the kept coordinates
    direct = 0.5 * (w - w0) @ H @ (w - w0)
    assert abs(direct - schur_cost(H, w0, z)) < 1e-9 * max(1, direct)


def test_monotone_in_eps_and_bad_input():
    rng = np.random.default_rng(4)
    H, w0, eps, lam = make_instance(rng, 10, "flat", "heavy", True)
    ks = [exhaustive_limit(H, w0, e).low for e in (eps / 4, eps / 2, eps, 2 * eps)]
    assert ks == sorted(ks)
    with pytest.raises(InvalidArgument):
        exhaustive_limit(np.eye(21), np.ones(21), 1.0)
    with pytest.raises(InvalidArgument):
        true_limit(np.eye(3), np.ones(4), 1.0)
