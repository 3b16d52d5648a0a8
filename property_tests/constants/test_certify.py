"""Certified layer: containment, precision monotonicity, three-valued comparisons, no global state."""

import math
from fractions import Fraction

import flint
import mpmath
import pytest
import sympy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from symbolic import (
    InvalidArgument,
    NotCertifiedError,
    PrecisionExhaustedError,
    RationalInterval,
    certified_ceil,
    certified_floor,
    certify_expr,
    certify_less,
    certify_sign,
    evaluate,
    evaluate_expr,
)
from symbolic.core.certify import _as_fraction, arb_to_fractions
from symbolic.core.context import arb_prec, new_context


@st.composite
def positive_rationals(draw, *, max_value=1000):
    q = draw(st.integers(1, 1000))
    p = draw(st.integers(1, max_value * q))
    return sympy.Rational(p, q)


@st.composite
def closed_expressions(draw):
    """Closed irrational-ish expressions built from drawn rationals."""
    a, b = draw(positive_rationals()), draw(positive_rationals())
    kind = draw(st.sampled_from(["sqrt", "log", "atan", "exp", "besselk", "erf", "mix"]))
    if kind == "sqrt":
        return sympy.sqrt(a) + b
    if kind == "log":
        return sympy.log(a + 1) * b
    if kind == "atan":
        return sympy.atan(a) / sympy.pi
    if kind == "exp":
        return sympy.exp(-a / (b + 1))
    if kind == "besselk":
        return sympy.besselk(0, a / (b + 1))
    if kind == "erf":
        return sympy.erf(a / (a + b))
    return sympy.sqrt(a) * sympy.log(b + 2) - sympy.atan(a)


def hp(expr, dps):
    """Higher-precision reference: the exact Fraction for rationals, else mpmath at ``dps`` digits."""
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    return evaluate_expr(expr, dps=dps)


@settings(deadline=None, max_examples=60)
@given(closed_expressions(), st.integers(15, 120))
def test_certified_interval_contains_the_high_precision_value(expr, dps):
    iv = certify_expr(expr, dps=dps)
    assert hp(expr, dps + 25) in iv
    # dps significant digits: relative width at most about 2 * 10**(1-dps)
    x = abs(Fraction(str(hp(expr, 30))))
    assert iv.width <= 2 * x * Fraction(10) ** (1 - dps) + Fraction(10) ** (-dps - 300)


@settings(deadline=None, max_examples=60)
@given(closed_expressions(), st.integers(15, 100), st.integers(1, 100))
def test_precision_monotonicity(expr, dps, extra):
    low, high = certify_expr(expr, dps=dps), certify_expr(expr, dps=dps + extra)
    assert high.is_subset(low)
    assert high.width <= low.width
    assert hp(expr, dps + extra + 25) in high


@settings(deadline=None, max_examples=60)
@given(closed_expressions(), st.integers(15, 80))
def test_decimal_value_at_dps_lies_in_the_interval_at_dps(expr, dps):
    value = evaluate_expr(expr, dps=dps)
    assert Fraction(value.context.nstr(value, dps, strip_zeros=False)) in certify_expr(expr, dps=dps)


@settings(deadline=None, max_examples=80)
@given(positive_rationals(), positive_rationals(), st.integers(15, 60))
@example(sympy.Integer(2), sympy.Integer(2), 15)
@example(sympy.Integer(4), sympy.Integer(4), 15)
def test_certify_less_agrees_with_exact_truth_or_refuses(a, b, dps):
    # sqrt is increasing, so sqrt(a) < sqrt(b) <=> a < b: an exact ground truth.
    lhs, rhs = sympy.sqrt(a), sympy.sqrt(b)
    if a != b:
        assert certify_less(lhs, rhs, dps=dps, max_dps=400) == (a < b)
    elif lhs.is_Rational:
        assert certify_less(lhs, rhs) is False  # exact rationals are compared exactly
    else:
        with pytest.raises(NotCertifiedError):
            certify_less(lhs, rhs, dps=dps, max_dps=60)


@settings(deadline=None, max_examples=40)
@given(closed_expressions(), closed_expressions(), st.integers(15, 40), st.integers(1, 200))
def test_a_verdict_stays_true_at_higher_precision(x, y, dps, extra):
    try:
        first = certify_less(x, y, dps=dps, max_dps=dps)
    except NotCertifiedError:
        return
    assert certify_less(x, y, dps=dps + extra, max_dps=dps + extra) == first
    assert (_as_fraction(hp(x, dps + 60)) < _as_fraction(hp(y, dps + 60))) == first


@pytest.mark.parametrize(
    "lhs, rhs",
    [
        (sympy.pi, sympy.pi),
        (sympy.log(6), sympy.log(2) + sympy.log(3)),
        (sympy.sqrt(2) * sympy.sqrt(3) + sympy.exp(1), sympy.sqrt(6) + sympy.E),
    ],
)
def test_undecidable_comparison_raises_not_certified(lhs, rhs):
    with pytest.raises(NotCertifiedError, match="cannot decide"):
        certify_less(lhs, rhs, max_dps=200)


def test_hidden_zero_cannot_be_enclosed_to_relative_precision():
    """An expression equal to 0 but not syntactically so: undetermined, not a wrong interval."""
    with pytest.raises(PrecisionExhaustedError):
        certify_expr(sympy.log(6) - sympy.log(2) - sympy.log(3), dps=20)
    with pytest.raises(NotCertifiedError):
        certify_sign(sympy.log(6) - sympy.log(2) - sympy.log(3), max_dps=100)


def test_certify_sign_and_floor():
    assert certify_sign(sympy.pi - 3) == 1
    assert certify_sign(3 - sympy.pi) == -1
    assert certify_sign(sympy.Integer(0)) == 0
    assert certified_floor(100 * sympy.pi) == 314
    assert certified_ceil(100 * sympy.pi) == 315
    assert certified_floor(sympy.Rational(-7, 2)) == -4
    with pytest.raises(NotCertifiedError):
        certified_floor(sympy.log(8) / sympy.log(2), max_dps=60)  # = 3, not syntactically rational


@settings(deadline=None, max_examples=80)
@given(st.integers(1, 10**12))
def test_certified_floor_of_sqrt_matches_isqrt(m):
    root = sympy.sqrt(m)
    assert certified_floor(root) == math.isqrt(m)


def test_rational_interval_basics():
    iv = RationalInterval(Fraction(1, 3), Fraction(1, 2))
    assert Fraction(2, 5) in iv and sympy.Rational(1, 2) in iv and 1 not in iv
    assert iv.width == Fraction(1, 6) and iv.mid == Fraction(5, 12)
    assert iv.to_strings() == ("1/3", "1/2")
    assert RationalInterval(Fraction(2, 5), Fraction(2, 5)).is_subset(iv)
    with pytest.raises(InvalidArgument):
        RationalInterval(Fraction(1), Fraction(0))
    ctx = new_context(20)
    assert ctx.mpf(0.375) in RationalInterval(Fraction(3, 8), Fraction(3, 8))  # mpf taken exactly


def test_arb_to_fractions_brackets_the_ball():
    with arb_prec(80):
        ball = flint.arb(2).sqrt()
        lo, hi = arb_to_fractions(ball)
    assert lo * lo < 2 < hi * hi
    assert hi - lo < Fraction(1, 2**70)


def test_exact_rationals_give_exact_or_grid_intervals():
    assert certify_expr(sympy.Rational(3, 8), dps=15) == RationalInterval(Fraction(3, 8), Fraction(3, 8))
    third = certify_expr(sympy.Rational(1, 3), dps=20)
    assert Fraction(1, 3) in third and third.width == Fraction(1, 10**20)


def test_no_global_precision_state_is_changed():
    mp_before, iv_before, flint_before = mpmath.mp.prec, mpmath.iv.prec, flint.ctx.prec
    certify_expr(sympy.besselk(0, sympy.Rational(1, 2)), dps=300)
    evaluate_expr(sympy.pi, dps=500)
    evaluate("irwin-hall-cl", dps=100)
    with pytest.raises(NotCertifiedError):
        certify_less(sympy.pi, sympy.pi, max_dps=100)
    with pytest.raises(RuntimeError), arb_prec(500):
        raise RuntimeError("boom")
    assert (mpmath.mp.prec, mpmath.iv.prec, flint.ctx.prec) == (mp_before, iv_before, flint_before)


@settings(deadline=None, max_examples=40)
@given(closed_expressions(), st.integers(15, 60), st.integers(1, 60))
def test_numeric_precision_is_consistent(expr, dps, extra):
    """The value at dps agrees with the value at dps + extra to dps digits (round-back works)."""
    low, high = evaluate_expr(expr, dps=dps), evaluate_expr(expr, dps=dps + extra)
    assert low.context.dps == dps
    scale = max(abs(high), mpmath.mpf(10) ** (-dps - 100))
    assert abs(low - high) <= scale * mpmath.mpf(10) ** (1 - dps)
