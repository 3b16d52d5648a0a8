"""Exact sup-norm error on the circle (pybridge.gap.sup_error): agreement with dense sampling from above.

The exact sup is a max over kinks and closed-form stationary points, so it must be at
least the max over any grid (up to 1e-12 relative rounding) and within the grid's
Lipschitz slack of it.  Checks the lemma kink-free-affine numerically (theory §3.3-3.4).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import seeds

from pybridge.errors import InvalidArgument
from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.sup_error import (
    EXACT,
    PLANE_LOWER,
    circle_candidates,
    circle_error,
    circle_kinks,
    sampled_sup_lower,
    sup_error_circle,
    sup_error_line,
)

GRID = 20001


def _instance(seed, n, law):
    rng = np.random.default_rng(seed)
    if law == "G":
        p, q, c = rng.standard_normal((3, n))
    else:
        p, q, c = rng.uniform(-1, 1, (3, n))
    return p, q, c


@settings(deadline=None, max_examples=60)
@given(seed=seeds(), n=st.integers(0, 12), law=st.sampled_from("GU"), model=st.sampled_from(["M0", "M1"]))
def test_exact_sup_agrees_with_dense_sampling_from_above(seed, n, law, model):
    p, q, c = _instance(seed, n, law)
    res = sup_error_circle(p, q, c, model=model)
    theta = np.linspace(0.0, 2 * math.pi, GRID)
    dense = float(np.abs(circle_error(theta, p, q, c, model=model)).max())
    assert res.value >= dense * (1 - 1e-12) - 1e-15
    lipschitz = float(np.sum(np.abs(c) * np.hypot(p, q))) + 1.0  # |E'| <= sum |c_i| |(p_i, q_i)| + 1
    assert res.value - dense <= lipschitz * (2 * math.pi / (GRID - 1)) / 2 + 1e-12
    # the reported maximiser attains the value
    assert abs(abs(circle_error([res.theta], p, q, c, model=model)[0]) - res.value) <= 1e-12 * (1 + res.value)
    assert res.exactness == EXACT


@settings(deadline=None, max_examples=25)
@given(seed=seeds(), n=st.integers(1, 8))
def test_grid_max_converges_to_exact_sup_from_below(seed, n):
    p, q, c = _instance(seed, n, "G")
    exact = sup_error_circle(p, q, c).value
    gaps = []
    for m in (101, 1001, 10001, 100001):
        theta = np.linspace(0.0, 2 * math.pi, m)
        gaps.append(exact - float(np.abs(circle_error(theta, p, q, c)).max()))
    assert all(g >= -1e-12 for g in gaps)
    assert gaps[-1] <= gaps[0] + 1e-15


@settings(deadline=None, max_examples=25)
@given(seed=seeds(), n=st.integers(1, 8), model=st.sampled_from(["M0", "M1"]))
def test_candidates_contain_every_kink(seed, n, model):
    p, q, c = _instance(seed, n, "U")
    theta, err = circle_candidates(p, q, c, model=model)
    kinks = circle_kinks(p, q)
    assert np.all(np.isin(kinks, theta))
    assert err.shape == theta.shape


@settings(deadline=None, max_examples=30)
@given(seed=seeds(), n=st.integers(1, 10), d=st.integers(3, 5), model=st.sampled_from(["M0", "M1"]),
       kind=st.sampled_from(["axis", "diagonal", "random"]))
def test_plane_sup_is_the_sup_of_the_network_on_the_plane_circle(seed, n, d, model, kind):
    rng = np.random.default_rng(seed)
    net = sample_network(model, "G", d, n, rng=rng)
    target = make_target(kind, d, rng=rng)
    p, q = plane_coordinates(net.u, target)
    res = sup_error_circle(p, q, net.v, model=model, d=d)
    assert res.exactness == PLANE_LOWER
    theta = np.linspace(0, 2 * math.pi, 4001)
    x = np.outer(np.cos(theta), target.w) + np.outer(np.sin(theta), target.e)
    direct = np.abs(net.evaluate(x) - np.maximum(x @ target.w, 0.0)).max()
    assert res.value >= direct * (1 - 1e-12) - 1e-15
    xs = np.outer(np.cos(res.theta), target.w) + np.outer(np.sin(res.theta), target.e)
    assert abs(abs(net.evaluate(xs)[0] - max(float(xs[0] @ target.w), 0.0)) - res.value) <= 1e-12 * (1 + res.value)
    lower = sampled_sup_lower(net.u, net.v, target.w, model=model, rng=rng, samples=256)
    assert lower.value >= 0.0


@settings(deadline=None, max_examples=40)
@given(seed=seeds(), n=st.integers(1, 10), model=st.sampled_from(["M0", "M1"]), sign=st.sampled_from([1.0, -1.0]))
def test_line_sup_is_attained_at_the_ends(seed, n, model, sign):
    rng = np.random.default_rng(seed)
    u, c = rng.standard_normal((2, n))
    res = sup_error_line(u, sign, c, model=model)
    x = np.linspace(-1, 1, 2001)
    g = np.maximum(np.outer(x, u), 0.0) @ c
    if model == "M1":
        g = np.maximum(g, 0.0)
    dense = np.abs(g - np.maximum(sign * x, 0.0)).max()
    assert res.value == pytest.approx(dense, rel=1e-12, abs=1e-15)


def test_known_values():
    assert sup_error_circle([1.0], [0.0], [1.0]).value == 0.0  # the target itself
    assert sup_error_circle([1.0], [0.0], [0.5]).value == pytest.approx(0.5)
    assert sup_error_circle([], [], []).value == pytest.approx(1.0)  # the empty network: sup relu(cos) = 1
    assert sup_error_circle([1.0], [0.0], [2.0], model="M1").value == pytest.approx(1.0)


def test_bad_input_is_rejected():
    with pytest.raises(InvalidArgument):
        sup_error_circle([1.0, 2.0], [0.0], [1.0])
    with pytest.raises(InvalidArgument):
        sup_error_circle([np.nan], [0.0], [1.0])
    with pytest.raises(InvalidArgument):
        sup_error_circle([1.0], [0.0], [1.0], model="M2")
    with pytest.raises(InvalidArgument):
        sup_error_circle([1.0], [0.0], [1.0], d=1)
