"""Irwin–Hall exact arithmetic and the sum-boundedness evidence (theory §1.7)."""

import math
from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import certified_floor, certify_less, evaluate_expr, sum_bounded_evidence
from symbolic.constants._quadratic_surd import QuadraticSurd
from symbolic.constants.irwin_hall import cdf, density, p_l, scaled_density_at_sqrt_k, scaled_density_at_zero_squared
from symbolic.constants.sum_bounded import cl_limit_formula, edgeworth_coefficients


@st.composite
def rationals(draw, *, bound=40):
    q = draw(st.integers(1, 50))
    return sympy.Rational(draw(st.integers(-bound * q, bound * q)), q)


@settings(deadline=None, max_examples=80)
@given(st.integers(1, 40), rationals())
def test_convolution_recurrence_links_density_and_cdf_exactly(k, y):
    """f_{k+1}(y) = (1/2) (F_k(y+1) - F_k(y-1)): adding one Unif[-1,1] summand (exact rationals)."""
    lhs = density(k + 1, y)
    rhs = (cdf(k, y + 1) - cdf(k, y - 1)) * Fraction(1, 2)
    assert lhs == rhs


@settings(deadline=None, max_examples=60)
@given(st.integers(1, 60), rationals())
def test_density_is_even_and_cdf_is_symmetric(k, y):
    assert density(k, y) == density(k, -y)
    total = cdf(k, y) + cdf(k, -y)
    assert total == QuadraticSurd(1, 0, 1)  # continuous law: F(y) + F(-y) = 1
    assert cdf(k, -k) == QuadraticSurd(0, 0, 1) and cdf(k, k) == QuadraticSurd(1, 0, 1)


def test_small_cases_by_hand():
    assert density(1, Fraction(1, 2)).to_sympy() == sympy.Rational(1, 2)
    assert density(1, 1).to_sympy() == sympy.Rational(1, 2)  # closed support convention
    assert density(2, 0).to_sympy() == sympy.Rational(1, 2)
    assert density(2, sympy.Rational(3, 2)).to_sympy() == sympy.Rational(1, 8)  # (2 - |y|)/4
    assert density(3, 0).to_sympy() == sympy.Rational(3, 8)
    assert density(5, 6).to_sympy() == 0


@settings(deadline=None, max_examples=80)
@given(st.integers(-10**6, 10**6), st.integers(-10**3, 10**3), st.integers(1, 10**4), st.integers(1, 10**3))
def test_quadratic_surd_floor_and_sign_match_certified_arithmetic(a, b, m, d):
    x = QuadraticSurd(Fraction(a, d), Fraction(b, d), m)
    expr = x.to_sympy()
    assert x.floor() == certified_floor(expr, max_dps=200)
    sign = x.sign()
    if sign == 0:
        assert expr == 0
    else:
        assert certify_less(sympy.S.Zero, expr, max_dps=200) == (sign > 0)


@settings(deadline=None, max_examples=40)
@given(st.integers(1, 300))
def test_cl_terms_lie_above_the_limit(k):
    (limit, _), _ = cl_limit_formula()
    assert certify_less(limit, scaled_density_at_sqrt_k(k).to_sympy(), max_dps=2000)


def test_evidence_for_cl_and_cu_up_to_200():
    ev = sum_bounded_evidence(200)
    assert ev.lower_decreasing and ev.lower_first_violation is None and ev.lower_above_limit
    assert ev.upper_argmax == 2 and ev.upper_increasing_from_3 and ev.upper_below_limit
    assert ev.p_l_decreasing
    a_low, a_up, _ = edgeworth_coefficients()
    assert (a_low, a_up) == (sympy.Rational(3, 10), sympy.Rational(-3, 20))
    # Edgeworth: k (term / limit - 1) -> 3/10 with an O(1/k) remainder (observed about 0.19/k)
    for k, low, up in ev.edgeworth:
        assert abs(float(low) - 0.3) <= 0.25 / k
        assert abs(float(up) + 0.15) <= 0.02 / k
    assert {k for k, _, _ in ev.edgeworth} == {10, 50, 120, 200}


def test_edgeworth_matches_k_120_to_four_digits():
    """theory §1.7: (1 + 0.3/k) matches k = 120 to 4 digits."""
    (limit, _), _ = cl_limit_formula()
    term = scaled_density_at_sqrt_k(120).to_sympy()
    predicted = limit * (1 + sympy.Rational(3, 10) / 120)
    rel = (term - predicted) / term
    assert certify_less(sympy.Abs(rel), sympy.Rational(5, 10**5))
    assert certify_less(sympy.Rational(1, 10**6), sympy.Abs(rel))  # ... and not to 6


def test_cu_is_attained_at_two_exactly():
    squares = [scaled_density_at_zero_squared(k) for k in range(1, 201)]
    assert squares[1] == Fraction(1, 2)
    assert all(s < Fraction(1, 2) for i, s in enumerate(squares) if i != 1)


def test_p_l_values():
    assert p_l(1).to_sympy() == 0
    assert p_l(4).to_sympy() == sympy.Rational(1, 24)  # Pr(S_4 >= 2) = (1/24), exact
    for n in range(2, 30):
        v = p_l(n)
        assert v.sign() > 0 and (v - QuadraticSurd(1, 0, n)).sign() < 0


def test_floating_point_would_fail_where_exact_succeeds():
    """Why exact arithmetic: the naive float alternating sum is wrong at moderate k (theory §1.7)."""
    k = 60
    x = (k + math.sqrt(k)) / 2
    naive = sum((-1) ** j * math.comb(k, j) * (x - j) ** (k - 1) for j in range(math.floor(x) + 1))
    naive = math.sqrt(k) * naive / math.factorial(k - 1) / 2
    exact = float(evaluate_expr(scaled_density_at_sqrt_k(k).to_sympy(), dps=30))
    assert 0.15 < exact < 0.16
    assert abs(naive - exact) > 1e-3
