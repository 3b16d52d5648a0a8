"""Lueker's explicit threshold kappa*(C) = 2C + 4 + 4 sqrt(C+1) (theory §1.2) [RECON]."""

from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import certify_less, lueker_c_from_kappa, lueker_kappa, lueker_kappa_from_fit
from symbolic.constants.lueker import C_SYM, kappa_star_formula


@st.composite
def lueker_constants(draw):
    q = draw(st.integers(1, 200))
    return sympy.Rational(draw(st.integers(1, 50 * q)), q)


def requirement(kappa, C, L):
    """(n/2 - C L)^2 / (2n) - L with n = kappa L (Cor. 2.5 failure probability <= eps iff >= 0)."""
    n = kappa * L
    return (n / 2 - C * L) ** 2 / (2 * n) - L


def test_formula_and_alternative_form():
    formula, derivation = kappa_star_formula()
    assert sympy.expand(formula - (2 * C_SYM + 4 + 4 * sympy.sqrt(C_SYM + 1))) == 0
    assert "side condition" in derivation


@settings(deadline=None, max_examples=40)
@given(lueker_constants())
def test_kappa_star_is_the_root_and_satisfies_the_side_condition(C):
    k = lueker_kappa(C, dps=30).expr
    assert sympy.expand(k**2 - 4 * (C + 2) * k + 4 * C**2) == 0
    assert certify_less(2 * C, k)  # n/2 >= C L  and  eps >= exp(-n/(2C))


@settings(deadline=None, max_examples=40)
@given(lueker_constants(), st.integers(2, 10**6))
def test_kappa_star_is_the_smallest_sufficient_slope(C, inv_eps):
    """At kappa* the requirement is an equality; slightly above it holds, slightly below (still >= 2C) it fails."""
    k = lueker_kappa(C, dps=30).expr
    L = sympy.log(inv_eps)
    factor = sympy.Rational(1, 1000)
    assert certify_less(0, requirement(k * (1 + factor), C, L))
    below = k * (1 - factor)
    if certify_less(2 * C, below):
        assert certify_less(requirement(below, C, L), 0)


@settings(deadline=None, max_examples=40)
@given(lueker_constants())
def test_inverse_round_trip_and_monotonicity(C):
    k = lueker_kappa(C, dps=30)
    back = lueker_c_from_kappa(sympy.Rational(Fraction(k.certified.mid)), dps=30)
    # kappa(C) was rounded to 30 digits; the inverse is Lipschitz there, so C comes back to ~28 digits
    assert abs(Fraction(back.value_str) - Fraction(int(C.p), int(C.q))) <= Fraction(1, 10**26) * (1 + abs(C)) * 100
    bigger = lueker_kappa(C + sympy.Rational(1, 7), dps=30)
    assert bigger.certified.lo > k.certified.hi


def test_fit_interval_encloses_the_point_estimate_and_is_monotone():
    fit = lueker_kappa_from_fit(sympy.Rational(3, 2), sympy.Rational(5, 4), 2)
    assert fit.kappa_interval.lo < fit.kappa.certified.lo <= fit.kappa.certified.hi < fit.kappa_interval.hi
    assert fit.kappa_interval.lo == Fraction(25, 2)  # kappa*(5/4) = 5/2 + 4 + 6 exactly
    assert fit.c_interval.lo == Fraction(5, 4)
