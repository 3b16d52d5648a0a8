"""The exact covering radius (issue 14, claim rss-radius-criterion): exact value, ties, float bracket, grids."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import dyadic_samples, intervals, samples

from pybridge.errors import InvalidArgument, ResourceLimitError
from pybridge.rss import covering_radius, coverage_on_grid, covers, covers_exact, radius_exceeds


@given(xs=samples(max_size=9), iv=intervals())
def test_exact_radius_covers_at_rho_not_below(xs, iv):
    r = covering_radius(xs, interval=iv)
    rho = r.value
    assert isinstance(rho, Fraction) and rho > 0 and not r.censored
    assert covers_exact(xs, rho, *iv)
    assert not covers_exact(xs, rho * (1 - Fraction(1, 2**30)), *iv)


@given(xs=dyadic_samples(max_size=8, denom_log2=4), wide=st.booleans())
def test_tie_at_exact_radius_closed_convention(xs, wide):
    """Dyadic samples tie exactly: at eps = rho the sample covers (|z - S| <= eps), just below it does not;
    the float decision agrees with the exact one at the tie."""
    iv = (-1.0, 1.0) if wide else (-0.5, 0.5)
    rho = covering_radius(xs, interval=iv).value
    assert rho.denominator & (rho.denominator - 1) == 0  # a dyadic rational: the tie is representable
    assert covers(xs, float(rho), interval=iv) and covers_exact(xs, rho, *iv)
    assert not covers_exact(xs, rho - Fraction(1, 2**40), *iv)


def test_radius_small_examples_by_hand():
    # sums of (1/2, 1/4, -1/8): -1/8, 0, 1/8, 1/4, 3/8, 1/2, 5/8, 3/4; z = -1 is 7/8 from the nearest
    assert covering_radius([0.5, 0.25, -0.125]).value == Fraction(7, 8)
    # empty sample: only 0, so rho = max(|a|, |b|)
    assert covering_radius([], interval=(-0.25, 0.5)).value == Fraction(1, 2)
    # sums {0, 1}: on [0, 1] the midpoint 1/2 is farthest
    assert covering_radius([1.0], interval=(0.0, 1.0)).value == Fraction(1, 2)


@given(xs=samples(max_size=10), iv=intervals(), floor_exp=st.integers(-9, -1))
def test_float_bracket_contains_exact_radius(xs, iv, floor_exp):
    rho = covering_radius(xs, interval=iv).value
    fl = covering_radius(np.array(xs, dtype=float), interval=iv, floor=10.0**floor_exp)
    assert fl.mode == "float"
    if fl.censored:
        assert rho <= 10.0**floor_exp
    else:
        assert fl.low <= rho <= fl.high
        assert fl.high - fl.low <= 1e-9 * max(1.0, float(rho))


@given(xs=samples(min_size=1, max_size=14), eps=st.floats(1e-4, 1.0))
def test_radius_agrees_with_decision_at_random_eps(xs, eps):
    arr = np.array(xs, dtype=float)
    r = covering_radius(arr, floor=1e-5)
    assert radius_exceeds(r, eps, arr) == (not covers(arr, eps))


def test_coverage_on_grid_matches_decisions():
    rng = np.random.default_rng(11)
    grid = [1e-1, 3e-2, 1e-2, 3e-3, 1e-3]
    for _ in range(150):
        x = rng.uniform(-1, 1, int(rng.integers(0, 16)))
        for iv in ((-1.0, 1.0), (-0.5, 0.5)):
            assert coverage_on_grid(x, grid, interval=iv) == [covers(x, e, interval=iv) for e in grid]


def test_radius_bad_input_names_the_argument():
    with pytest.raises(InvalidArgument, match="floor"):
        covering_radius([0.5], floor=-1.0)
    with pytest.raises(InvalidArgument, match="interval"):
        covering_radius([0.5], interval=(1.0, -1.0))
    with pytest.raises(InvalidArgument):
        covering_radius([float("nan")], floor=0.1)
    with pytest.raises(InvalidArgument, match="interval"):
        covering_radius([0.5], interval=3)


def test_radius_resource_limit_is_an_error_not_a_hang():
    x = np.random.default_rng(0).uniform(-1, 1, 40)
    with pytest.raises(ResourceLimitError):
        covering_radius(x, floor=1e-12, cap_intervals=10_000)
