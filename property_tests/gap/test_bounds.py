"""Closed-form bounds of the pruning gap (pybridge.gap.bounds): Theorem A, its line variant, n_1/2, A'.

Values against theory §3.6 (RECON): the n_1/2 table (2.39, 5.11, 26.9, 271.9), the
asymptote pi ln 2 / (8 eps), Bernoulli's form 1 - (1-q)^n <= n q <= 8 n eps / pi (lemma
theorem-a-union-bound), and the kink angles of the certificate.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import seeds

from pybridge.errors import InvalidArgument
from pybridge.gap.bounds import (
    eta_eps,
    expected_error_lower,
    kink_angles,
    line_variant_bound,
    line_variant_q,
    n_half_theorem_a,
    theorem_a_bound,
    theorem_a_certificate,
    theorem_a_prime_bound,
    theorem_a_q,
)

epsilons = st.floats(1e-6, 0.49, allow_nan=False)


def test_n_half_table_of_theory():
    got = [round(n_half_theorem_a(e), 2) for e in (0.1, 0.05, 0.01, 0.001)]
    assert got == pytest.approx([2.39, 5.11, 26.9, 271.9], abs=0.051)
    assert n_half_theorem_a(1e-6) * 1e-6 == pytest.approx(math.pi * math.log(2) / 8, rel=1e-5)


@settings(deadline=None, max_examples=80)
@given(n=st.integers(1, 10**5), eps=epsilons)
def test_theorem_a_bound_is_below_its_union_bounds(n, eps):
    b = theorem_a_bound(n, eps).value
    q = theorem_a_q(eps)
    assert 0.0 <= b <= min(1.0, n * q) + 1e-12
    assert n * q <= 2 * n * eta_eps(eps) / math.pi * (1 + 1e-12)
    assert 2 * n * eta_eps(eps) / math.pi <= 8 * n * eps / math.pi * (1 + 1e-12)
    assert b <= theorem_a_bound(n + 1, eps).value + 1e-15


@settings(deadline=None, max_examples=60)
@given(eps=epsilons)
def test_n_half_is_where_the_bound_reaches_one_half(eps):
    nh = n_half_theorem_a(eps)
    q = theorem_a_q(eps)
    assert 1 - (1 - q) ** nh == pytest.approx(0.5, rel=1e-9)


def test_line_variant_values():
    eps = 0.01
    s0 = math.sqrt(1 - 16 * eps**2)
    assert line_variant_q(eps, "U") == pytest.approx(2 * eps / s0, rel=1e-14)
    assert line_variant_q(eps, "G") == pytest.approx(2 / math.pi * math.atan(4 * eps / s0), rel=1e-14)
    assert line_variant_q(0.3, "U") == 1.0  # the segment leaves the ball
    assert line_variant_bound(10, eps, "U").claim == "theorem-a-line-uniform"
    # (U) with 4 eps / s0 > 1: q = 1 - s0 / (8 eps)
    assert line_variant_q(0.2, "U") == pytest.approx(1 - math.sqrt(1 - 16 * 0.04) / (2 * 4 * 0.2), rel=1e-12)


@settings(deadline=None, max_examples=40)
@given(seed=seeds(), n=st.integers(1, 50))
def test_kink_angles_and_certificate(seed, n):
    rng = np.random.default_rng(seed)
    p, q = rng.standard_normal((2, n))
    eta = kink_angles(p, q)
    assert np.all((eta >= 0) & (eta <= math.pi / 2))
    # eta_i is the distance of the direction angle alpha_i to {0, pi}
    alpha = np.mod(np.arctan2(q, p), math.pi)
    assert np.allclose(eta, np.minimum(alpha, math.pi - alpha), atol=1e-12)
    e_min, cert = theorem_a_certificate(p, q)
    assert cert == pytest.approx(0.5 * math.tan(e_min / 2))
    assert cert >= e_min / 4 - 1e-15  # (1/2) tan(eta/2) >= eta/4


def test_certificate_edge_cases():
    assert kink_angles([0.0], [0.0])[0] == pytest.approx(math.pi / 2)  # no kink on the circle
    assert theorem_a_certificate([2.0, 0.0], [0.0, 0.0]) == (0.0, 0.0)  # an aligned unit
    assert theorem_a_certificate([], [])[1] == pytest.approx(0.5)


def test_theorem_a_prime_and_expected_error():
    assert theorem_a_prime_bound(1, 1e-9).value == pytest.approx(2 * math.sqrt(5 * math.sqrt(math.pi / 2)) * 2
                                                                 * math.sqrt(1e-9))
    assert theorem_a_prime_bound(100, 0.1).value == 1.0
    assert expected_error_lower(20) == pytest.approx(math.pi / 168)


@pytest.mark.parametrize("eps", [0.0, 0.5, -0.1, math.nan, math.inf])
def test_eps_outside_the_open_half_interval_is_rejected(eps):
    with pytest.raises(InvalidArgument):
        theorem_a_bound(5, eps)


def test_n_below_one_is_rejected():
    with pytest.raises(InvalidArgument):
        theorem_a_bound(0, 0.1)
