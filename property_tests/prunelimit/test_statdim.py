"""Closed forms of the statistical dimension: exact, certified, and consistent with independent routes."""

from fractions import Fraction

import mpmath
import pytest
import sympy

from symbolic.constants.statdim import (
    almt_window,
    l1_descent_formulas,
    statdim,
    statdim_circular,
    statdim_l1_descent,
    statdim_orthant,
    statdim_subspace,
)
from symbolic.core.errors import InvalidArgument, InvalidType


def test_exact_cones():
    assert statdim_orthant(9, dps=20).exact == sympy.Rational(9, 2)
    assert statdim_subspace(9, 4, dps=20).exact == 4
    r = statdim_circular(2, "pi/4", dps=20)
    assert r.exact == 1  # a quarter-plane wedge of angle pi/2 in R^2 has delta = 1 (self-dual)
    assert Fraction(1) in r.certified
    r3 = statdim_circular(3, "pi/4", dps=20)  # Circ_3(pi/4) is self-dual: delta = 3/2
    assert sympy.simplify(r3.exact - sympy.Rational(3, 2)) == 0


def test_circular_polar_identity():
    for d in (30, 200):
        a = statdim_circular(d, "pi/7", dps=25)
        b = statdim_circular(d, "5*pi/14", dps=25)
        assert a.certified.lo + b.certified.lo <= d <= a.certified.hi + b.certified.hi


def test_circular_matches_mpmath_quadrature():
    d, alpha = 40, mpmath.mpf(1) / 2
    ctx = mpmath.MPContext()
    ctx.dps = 30
    f1 = ctx.quad(lambda t: ctx.sin(t) ** (d - 2), [0, alpha])
    f2 = ctx.quad(lambda t: ctx.cos(t - alpha) ** 2 * ctx.sin(t) ** (d - 2), [alpha, alpha + ctx.pi / 2])
    norm = ctx.sqrt(ctx.pi) * ctx.gamma(ctx.mpf(d - 1) / 2) / ctx.gamma(ctx.mpf(d) / 2)
    value = d * (f1 + f2) / norm
    r = statdim_circular(d, "1/2", dps=25)
    assert abs(Fraction(str(value)) - r.certified.mid) < Fraction(1, 10**20)


def test_l1_minimiser_certified():
    r = statdim_l1_descent(100, 10, dps=30)
    assert r.minimiser.lo < r.minimiser.hi and r.minimiser.width < Fraction(1, 10**30)
    assert r.delta_bounds.hi == r.certified.hi
    assert r.delta_bounds.lo < r.certified.lo
    # J at the enclosed minimiser equals J at nearby points minus a positive amount (convexity)
    J = l1_descent_formulas()["J"].subs({sympy.Symbol("D", positive=True, integer=True): 100,
                                         sympy.Symbol("s", positive=True, integer=True): 10})
    tau = sympy.Symbol("tau", real=True)
    for off in (sympy.Rational(1, 10), -sympy.Rational(1, 10)):
        t = sympy.Rational(r.minimiser.lo.numerator, r.minimiser.lo.denominator) + off
        assert sympy.N(J.subs(tau, t), 30) > r.certified.hi


def test_l1_matches_snow_equation():
    # snow.m's stationarity: rho/(1-rho) = sqrt(2/pi) e^{-t^2/2}/t - erfc(t/sqrt 2), rho = s/D
    ctx = mpmath.MPContext()
    ctx.dps = 30
    for d, s in ((100, 10), (400, 40), (50, 25)):
        r = statdim_l1_descent(d, s, dps=30)
        t = ctx.mpf(r.minimiser.mid.numerator) / r.minimiser.mid.denominator
        lhs = ctx.mpf(s) / (d - s)
        rhs = ctx.sqrt(2 / ctx.pi) * ctx.exp(-t * t / 2) / t - ctx.erfc(t / ctx.sqrt(2))
        assert abs(lhs - rhs) < ctx.mpf(10) ** -20


def test_bad_input():
    with pytest.raises(InvalidArgument):
        statdim("cube", d=3)
    with pytest.raises(InvalidArgument):
        statdim("l1-descent", d=10)
    with pytest.raises(InvalidArgument):
        statdim_l1_descent(10, 10)
    with pytest.raises(InvalidType):
        statdim_circular(10, 0.5)
    with pytest.raises(InvalidArgument):
        statdim_circular(10, "2")


def test_almt_window():
    r = almt_window("1/100", dps=20)
    assert abs(float(r.certified.mid) - 6.923273530) < 1e-8
