"""RFSS: the binomial–entropy bounds checked exhaustively, and Theorem 5 solved for the smallest n."""

import math
import time

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symbolic import InvalidArgument, check_binomial_entropy_bounds, crosscheck, thm5_holds, thm5_min_n
from symbolic.constants.binomial_entropy import exact_pair_verdicts
from symbolic.constants.rfss import THM5_LAMBDA


def test_both_bounds_hold_for_n_up_to_1000_with_equality_only_at_2_1():
    r = check_binomial_entropy_bounds(1000)
    assert r.lower_holds and r.upper_holds
    assert r.lower_equalities == ((2, 1),)
    assert r.exact_fallbacks == 1  # only the equality case defeats the balls
    assert r.pairs == sum(n - 1 for n in range(2, 1001))
    assert r.min_upper_margin_at == (1000, 500) and 0 < r.min_upper_margin < 1e-3
    assert abs(r.max_upper_margin - math.log(4 / math.pi) / 2) < 1e-12  # attained at (2, 1)


def test_arb_method_agrees_with_exact_integer_method():
    fast, exact = check_binomial_entropy_bounds(150), check_binomial_entropy_bounds(150, method="exact")
    assert (fast.lower_holds, fast.upper_holds, fast.lower_equalities) == (
        exact.lower_holds, exact.upper_holds, exact.lower_equalities)


@settings(deadline=None, max_examples=100)
@given(st.integers(2, 400).flatmap(lambda n: st.tuples(st.just(n), st.integers(1, n - 1))))
def test_exact_pair_verdicts(pair):
    n, k = pair
    lower, upper = exact_pair_verdicts(n, k)
    assert upper
    assert lower >= 0
    assert (lower == 0) == ((n, k) == (2, 1))
    assert exact_pair_verdicts(n, n - k) == (lower, upper)  # symmetric in k <-> n - k


def test_sqrt8_cannot_be_lowered():
    """At (2, 1) the lower bound is an equality: any c < sqrt(8) fails there."""
    n, k = 2, 1
    ratio = sympy.Integer(n) ** n / (sympy.binomial(n, k) * sympy.sqrt(sympy.Rational(k * (n - k), n)))
    assert ratio == sympy.sqrt(8)


def test_range_arguments():
    with pytest.raises(InvalidArgument):
        check_binomial_entropy_bounds(1)
    with pytest.raises(InvalidArgument):
        check_binomial_entropy_bounds(5000, method="exact")
    with pytest.raises(InvalidArgument):
        check_binomial_entropy_bounds(10, method="float")


@pytest.mark.slow
def test_both_bounds_hold_for_all_n_up_to_10_000():
    """The full range of issue 4 (measured about 13 s on one core)."""
    start = time.perf_counter()
    r = check_binomial_entropy_bounds(10_000)
    elapsed = time.perf_counter() - start
    assert r.lower_holds and r.upper_holds and r.lower_equalities == ((2, 1),)
    assert r.pairs == 49_995_000
    assert elapsed < 180


# ------------------------------------------------------------------- Theorem 5


@st.composite
def thm5_inputs(draw):
    d = draw(st.integers(1, 3))
    k = draw(st.integers(1, 60))
    q = draw(st.integers(17, 10**4))
    p = draw(st.integers(1, max(1, q // 17)))
    eps = sympy.Rational(p, q)
    assume(eps < sympy.Rational(1, 16))
    return d, k, eps


@settings(deadline=None, max_examples=40)
@given(thm5_inputs())
def test_thm5_min_n_is_minimal_and_matches_a_linear_scan(args):
    d, k, eps = args
    n = thm5_min_n(d, k, eps)
    assert thm5_holds(n, d, k, eps)
    assert n * THM5_LAMBDA >= k
    below = n - 1
    assert below <= k or below * THM5_LAMBDA < k or not thm5_holds(below, d, k, eps)
    if n < 5000:
        assert int(crosscheck("rfss-thm5-min-n", dps=30, d=d, k=k, eps=eps)) == n


@settings(deadline=None, max_examples=30)
@given(thm5_inputs())
def test_thm5_min_n_is_monotone(args):
    d, k, eps = args
    n = thm5_min_n(d, k, eps)
    assert thm5_min_n(d + 1, k, eps) >= n
    assert thm5_min_n(d, k, eps / 2) >= n


def test_thm5_rejects_large_eps_and_floats():
    with pytest.raises(InvalidArgument):
        thm5_min_n(2, 4, sympy.Rational(1, 16))
    with pytest.raises(TypeError, match="Rational"):
        thm5_min_n(2, 4, 0.01)


def test_thm5_large_answer_is_certified():
    n = thm5_min_n(10, 10, sympy.Rational(1, 100))
    assert n > 10**15
    assert thm5_holds(n, 10, 10, sympy.Rational(1, 100)) and not thm5_holds(n - 1, 10, 10, sympy.Rational(1, 100))
