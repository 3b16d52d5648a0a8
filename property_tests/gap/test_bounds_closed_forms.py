"""Gap bounds (pybridge.gap.bounds) against independently derived forms (mutation testing, issue 10 §3).

Each expected value comes from a different derivation than the module's formula:
- eta_eps = 2 arctan(2 eps) = arctan2(4 eps, 1 - 4 eps^2) (double-angle formula), so q = 2 eta / pi;
- line variant, law G: arctan(4 eps / sqrt(1 - 16 eps^2)) = arcsin(4 eps);
- line variant, law U: q = Pr[|Y| < r |X|] for X, Y iid Uniform[-1, 1], integrated numerically (mpmath quad of
  min(r x, 1) over [0, 1]), not the piecewise closed form;
- kink angles: arccos(|p| / |(p, q)|);
- n_1/2: (1 - q)^{n_1/2} = 1/2;
- Theorem A': the constant 2 sqrt(5 sqrt(pi/2)) printed as 5.007 in theory §3.10.
Sources: theory §3.5, §3.6, §3.10 (RECON).
"""

from __future__ import annotations

import math

import mpmath
import pytest

from pybridge.errors import InvalidArgument
from pybridge.gap.bounds import (
    MAX_WIDTH,
    expected_error_lower,
    kink_angles,
    line_variant_bound,
    line_variant_q,
    n_half_theorem_a,
    theorem_a_bound,
    theorem_a_prime_bound,
)

EPS = [1e-4, 0.01, 0.1, 0.2, 0.24, 0.3, 0.45]


@pytest.mark.parametrize("eps", EPS)
@pytest.mark.parametrize("n", [1, 2, 7, 100])
def test_theorem_a_bound_double_angle(n, eps):
    # eta = 2 atan(2 eps) = atan2(4 eps, 1 - 4 eps^2); q = 2 eta / pi; Pr[some of n uniform angles < eta]
    eta = math.atan2(4 * eps, 1 - 4 * eps * eps)
    q = 2.0 * eta / math.pi
    b = theorem_a_bound(n, eps)
    assert b.value == pytest.approx(1.0 - (1.0 - q) ** n, rel=1e-12, abs=1e-15)
    assert b.claim == "theorem-a"
    assert b.to_dict() == {"value": b.value, "formula": b.formula, "source": b.source, "claim": b.claim,
                           "relation": b.relation}
    assert b.formula.startswith("1 - (1 - 2*eta_eps/pi)^n") and b.formula.endswith("arctan(2*eps)")
    assert b.source.startswith("theory §3.6") and b.source.endswith("law G)")
    assert b.relation.startswith("upper bound") and b.relation.endswith("neuron pruning)")


@pytest.mark.parametrize("eps", EPS)
def test_line_variant_q_law_g_is_arcsin(eps):
    expected = 1.0 if eps >= 0.25 else 2.0 * math.asin(4 * eps) / math.pi
    assert line_variant_q(eps, "G") == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("eps", EPS + [0.17, 0.18, 0.2499])
def test_line_variant_q_law_u_by_quadrature(eps):
    if eps >= 0.25:
        assert line_variant_q(eps, "U") == 1.0
        return
    with mpmath.workdps(30):
        r = mpmath.mpf(4 * eps) / mpmath.sqrt(1 - 16 * mpmath.mpf(eps) ** 2)
        brk = [0, min(1 / r, 1), 1] if r > 1 else [0, 1]
        expected = float(mpmath.quad(lambda x: min(r * x, 1), brk))  # Pr[|Y| < r|X|], X, Y ~ U[-1, 1]
    assert line_variant_q(eps, "U") == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("law", ["U", "G"])
@pytest.mark.parametrize("n", [1, 3, 50])
def test_line_variant_bound(law, n):
    eps = 0.05
    q = line_variant_q(eps, law)
    b = line_variant_bound(n, eps, law)
    assert b.value == pytest.approx(1.0 - (1.0 - q) ** n, rel=1e-12)
    assert b.claim == ("theorem-a-line-uniform" if law == "U" else "theorem-a")
    assert b.formula.startswith("1 - (1 - q)^n, q = ") and b.formula.endswith("sqrt(1 - 16*eps^2)")
    assert ("2*eps/s0" in b.formula) == (law == "U") and ("arctan" in b.formula) == (law == "G")
    assert b.source.startswith("theory §3.6 corollary 'line variant' (RECON; M0, d >= 2, law ")
    assert b.source.endswith("law U with w* = e1)" if law == "U" else "law G)")
    assert b.relation.startswith("upper bound") and b.relation.endswith("neuron pruning)")
    assert line_variant_bound(n, eps).claim == "theorem-a-line-uniform"  # law U is the default


def test_kink_angles_are_arccos():
    p = [1.0, 0.0, 0.0, -1.0, 3.0, -0.5]
    q = [0.0, 2.0, 0.0, -1.0, -4.0, 0.25]
    got = kink_angles(p, q)
    for k, (pi, qi) in enumerate(zip(p, q)):
        norm = math.hypot(pi, qi)
        assert got[k] == pytest.approx(math.pi / 2 if norm == 0 else math.acos(abs(pi) / norm), abs=1e-12)
    with pytest.raises(InvalidArgument, match="q"):
        kink_angles([1.0, 2.0], [1.0])


@pytest.mark.parametrize("eps", [1e-3, 0.01, 0.1, 0.3])
def test_n_half_halves_the_miss_probability(eps):
    q = 2.0 * math.atan2(4 * eps, 1 - 4 * eps * eps) / math.pi
    n = n_half_theorem_a(eps)
    assert (1.0 - q) ** n == pytest.approx(0.5, rel=1e-12)


def test_n_half_refuses_eps_rounding_to_one_half():
    e = math.nextafter(0.5, 0.0)
    with pytest.raises(InvalidArgument, match=r"eps=0\.4999"):
        n_half_theorem_a(e)


def test_theorem_a_prime_constant_and_cap():
    c = 2.0 * math.sqrt(5.0 * math.sqrt(math.pi / 2.0))
    assert round(c, 3) == 5.007
    # n = 1: c * 2 * sqrt(eps); n = 4: c * (8 + 2) * sqrt(eps)
    assert theorem_a_prime_bound(1, 1e-6).value == pytest.approx(5.00662 * 2e-3, rel=1e-5)
    assert theorem_a_prime_bound(4, 1e-8).value == pytest.approx(5.00662 * 10 * 1e-4, rel=1e-5)
    assert theorem_a_prime_bound(10, 0.1).value == 1.0  # capped
    b = theorem_a_prime_bound(2, 1e-6)
    assert b.claim == "theorem-a" and b.formula.startswith("min(1, 2*sqrt(5*sqrt(pi/2))")
    assert b.formula.endswith("sqrt(eps))") and b.source.startswith("theory §3.10")
    assert b.source.endswith("law G first layer)") and b.relation.endswith("(neuron pruning in M1)")
    assert b.relation.startswith("upper bound on Pr[error < eps]")


def test_expected_error_lower_values():
    assert expected_error_lower(1) == pytest.approx(math.pi / 16, rel=1e-15)
    assert expected_error_lower(7) == pytest.approx(math.pi / 64, rel=1e-15)
    assert expected_error_lower(MAX_WIDTH) > 0


@pytest.mark.parametrize("fn", [theorem_a_bound, line_variant_bound, theorem_a_prime_bound])
def test_width_range_is_1_to_max_width(fn):
    fn(1, 0.1)
    fn(MAX_WIDTH, 0.1)
    for bad in (0, -1, MAX_WIDTH + 1):
        with pytest.raises(InvalidArgument, match=rf"\bn={bad}"):
            fn(bad, 0.1)
    for bad in (0.0, 0.5, -0.1):
        with pytest.raises(InvalidArgument, match=r"\beps="):
            fn(1, bad)


def test_expected_error_lower_width_range():
    expected_error_lower(MAX_WIDTH)
    for bad in (0, MAX_WIDTH + 1):
        with pytest.raises(InvalidArgument, match=rf"\bn={bad}"):
            expected_error_lower(bad)


# --- check_theorem_a_core on hand-computed instances.  One unit p = 1, q = 0 (the unit is sigma(x_1) = f*)
# with coefficient 1 - t: E(x_-) = -t s, E(x_0) = E(x_+) = 0, so max|E| = t s and the conclusion
# s <= 2 (1 + c) t s holds iff t >= 1 / (2 (1 + c)); the unit's values s, 0, -s change sign: hypothesis False.
@pytest.mark.parametrize("eta,t,concl", [(math.pi / 3, 0.30, False), (math.pi / 3, 0.36, True),
                                         (math.pi / 2, 0.45, False), (math.pi / 2, 0.55, True),
                                         (0.2, 0.24, False), (0.2, 0.26, True)])
def test_theorem_a_core_threshold(eta, t, concl):
    from pybridge.gap.bounds import check_theorem_a_core
    assert (t >= 1 / (2 * (1 + math.cos(eta)))) == concl  # the hand-derived threshold
    assert check_theorem_a_core([1.0], [0.0], [1.0 - t], eta) == (False, concl)


def test_theorem_a_core_hypothesis():
    from pybridge.gap.bounds import check_theorem_a_core
    # a zero unit (values 0, 0, 0) and sigma(x_2) (values c, 1, c) have no kink in the arc; coefficient 0: E = -relu(x_1)
    assert check_theorem_a_core([0.0, 0.0], [0.0, 1.0], [0.0, 0.0], math.pi / 3) == (True, True)
    # sigma(-x_2): values -c, -1, -c (all <= 0) also no kink
    assert check_theorem_a_core([0.0], [-1.0], [2.0], math.pi / 4)[0] is True
    # a unit at angle 0.1 from w*'s line has its kink inside an arc of half-width 0.5
    assert check_theorem_a_core([math.cos(0.1)], [math.sin(0.1)], [1.0], 0.5)[0] is False
    # its kink (x orthogonal to u) is at angle pi/2 + 0.1: outside the arc of half-width 0.05, inside 0.2
    assert check_theorem_a_core([math.cos(0.1)], [math.sin(0.1)], [1.0], 0.05)[0] is True
    assert check_theorem_a_core([math.cos(0.1)], [math.sin(0.1)], [1.0], 0.2)[0] is False
    check_theorem_a_core([1.0], [0.0], [1.0], math.pi / 2)
    for bad in (0.0, -0.1, 1.6):
        with pytest.raises(InvalidArgument, match=r"\beta="):
            check_theorem_a_core([1.0], [0.0], [1.0], bad)
    with pytest.raises(InvalidArgument, match=r"\bq\b"):
        check_theorem_a_core([1.0, 2.0], [0.0], [1.0, 1.0], 0.5)
    with pytest.raises(InvalidArgument, match=r"\bcoef\b"):
        check_theorem_a_core([1.0, 2.0], [0.0, 1.0], [1.0], 0.5)


def test_line_variant_q_at_eps_one_quarter_leaves_the_ball():
    # eps = 1/4: s0 = sqrt(1 - 16 eps^2) = 0, the segment reaches the sphere: q = 1 (theory §3.5)
    assert line_variant_q(0.25, "U") == 1.0 and line_variant_q(0.25, "G") == 1.0


def test_bounds_errors_name_the_argument():
    from pybridge.gap.bounds import check_theorem_a_core
    nan = float("nan")
    with pytest.raises(InvalidArgument, match=r"^p\b"):
        kink_angles([nan], [0.0])
    with pytest.raises(InvalidArgument, match=r"^q\b"):
        kink_angles([0.0], [nan])
    with pytest.raises(InvalidArgument, match=r"^law\b"):
        line_variant_q(0.1, "X")
    with pytest.raises(InvalidArgument, match=r"^p\b"):
        check_theorem_a_core([nan], [0.0], [1.0], 0.5)
