"""Neuron-pruning constants (Theorem A, theory §3.6) and Theorem A′ (theory §3.10) [RECON]."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import InvalidArgument, certify_less, crosscheck, evaluate, necessary_width
from symbolic.constants.neuron_pruning import EPS, neuron_pruning_formulas
from symbolic.constants.theorem_a_prime import EPS as A_EPS
from symbolic.constants.theorem_a_prime import n_sym, rho, theorem_a_prime_formulas


def test_closed_forms():
    f = neuron_pruning_formulas()
    assert f["eta"][0] == 2 * sympy.atan(2 * EPS)
    assert sympy.simplify(f["q"][0] - 4 * sympy.atan(2 * EPS) / sympy.pi) == 0
    assert f["asymptote"][0] == sympy.pi * sympy.log(2) / 8
    assert sympy.simplify(f["line_uniform"][0] - 2 * EPS / sympy.sqrt(1 - 16 * EPS**2)) == 0


@pytest.mark.parametrize("eps, width", [("1/10", 3), ("1/20", 6), ("1/100", 27), ("1/1000", 272)])
def test_necessary_width_table(eps, width):
    """theory §3.6 table: 2.39, 5.11, 26.9, 271.9 -> smallest integers 3, 6, 27, 272."""
    assert necessary_width(sympy.Rational(eps)) == width


@settings(deadline=None, max_examples=30)
@given(st.integers(3, 10**5).flatmap(lambda q: st.tuples(st.integers(1, (q - 1) // 2), st.just(q))))
def test_necessary_width_is_the_certified_ceiling(pq):
    eps = sympy.Rational(*pq)
    n = necessary_width(eps)
    value = evaluate("n-half", eps=eps, dps=30).expr
    assert certify_less(n - 1, value) and not certify_less(n, value)


def test_a_prime_derivation_identities():
    f = theorem_a_prime_formulas()
    bound = f["bound"]
    assert sympy.simplify(sympy.diff(bound, rho).subs(rho, f["rho_star"])) == 0
    # the exact optimum never exceeds theory's choice: n (n+2) <= (n+1)^2
    assert sympy.simplify(f["bound_theory"] ** 2 - f["min_bound"] ** 2 - f["constant"] ** 2 * A_EPS * n_sym) == 0


@settings(deadline=None, max_examples=30)
@given(st.integers(1, 10**4), st.integers(10**3, 10**8))
def test_a_prime_rho_is_a_minimiser_and_agrees_numerically(n, inv_eps):
    eps = sympy.Rational(1, inv_eps)
    try:
        r = evaluate("theorem-a-prime-rho", n=n, eps=eps, dps=30)
    except InvalidArgument:  # side condition sin(rho/2) > eps or rho <= 2 fails
        return
    ind = crosscheck("theorem-a-prime-rho", dps=30, n=n, eps=eps)
    assert abs(Fraction(str(ind)) - Fraction(r.value_str)) <= Fraction(r.value_str) / 10**28
    bound = theorem_a_prime_formulas()["bound"].subs({n_sym: n, A_EPS: eps})
    at = bound.subs(rho, r.expr)
    for factor in (sympy.Rational(99, 100), sympy.Rational(101, 100)):
        assert certify_less(at, bound.subs(rho, r.expr * factor))


def test_a_prime_side_condition_is_enforced():
    with pytest.raises(InvalidArgument, match="does not apply"):
        evaluate("theorem-a-prime-rho", n=1, eps=sympy.Rational(49, 100))
