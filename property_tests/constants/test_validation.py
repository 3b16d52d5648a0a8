"""Bad input to ``symbolic``: floats where exact values are required, dps out of range, unknown names.

Issue 4, "Bad input": a float gets an error that suggests ``sympy.Rational``; dps out of
range is an error; undetermined certification raises NotCertifiedError (see
test_certify.py).
"""

from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import symbolic
from symbolic import (
    InvalidArgument,
    InvalidType,
    NotCertifiedError,
    PrecisionExhaustedError,
    PrunegapError,
    evaluate,
)
from symbolic.constants.lueker import lueker_kappa
from symbolic.constants.neuron_pruning import line_q_uniform, n_half
from symbolic.core._validation import check_exact

FLOAT_LIKES = [0.1, np.float64(0.1), sympy.Float("0.1"), mpmath.mpf("0.1")]


def test_error_hierarchy_multiply_inherits_builtins():
    assert issubclass(InvalidArgument, ValueError) and issubclass(InvalidArgument, PrunegapError)
    assert issubclass(InvalidType, TypeError) and issubclass(InvalidType, PrunegapError)
    assert issubclass(NotCertifiedError, ArithmeticError)
    assert issubclass(PrecisionExhaustedError, NotCertifiedError)


@pytest.mark.parametrize("value", FLOAT_LIKES, ids=lambda v: type(v).__name__)
def test_float_parameter_is_rejected_with_a_rational_hint(value):
    with pytest.raises(InvalidType, match=r"sympy\.Rational"):
        evaluate("n-half", eps=value)


@pytest.mark.parametrize("value", FLOAT_LIKES, ids=lambda v: type(v).__name__)
def test_float_rejected_by_builders_and_expressions(value):
    with pytest.raises(InvalidType, match=r"sympy\.Rational"):
        lueker_kappa(value)
    with pytest.raises(InvalidType, match=r"sympy\.Rational"):
        symbolic.certify_expr(sympy.sqrt(2) + sympy.Float("0.5"))


@settings(deadline=None, max_examples=50)
@given(st.floats(min_value=1e-6, max_value=0.49, allow_nan=False))
def test_any_float_eps_is_rejected_and_the_hint_names_the_decimal(x):
    with pytest.raises(InvalidType) as info:
        n_half(x)
    message = str(info.value)
    assert "sympy.Rational(" in message and "eps" in message
    hint = Fraction(repr(x))
    assert f"sympy.Rational({hint.numerator}, {hint.denominator})" in message


@pytest.mark.parametrize("good", [sympy.Rational(1, 10), Fraction(1, 10), "1/10", "0.1"])
def test_exact_spellings_are_accepted(good):
    assert check_exact("eps", good) == sympy.Rational(1, 10)


@pytest.mark.parametrize("dps", [14, 0, -5, 10_001, 10**6])
def test_dps_out_of_range(dps):
    with pytest.raises(InvalidArgument, match="dps"):
        evaluate("theorem-a-prime", dps=dps)
    with pytest.raises(InvalidArgument, match="dps"):
        symbolic.evaluate_expr(sympy.pi, dps=dps)
    with pytest.raises(InvalidArgument, match="dps"):
        symbolic.certify_expr(sympy.pi, dps=dps)


@pytest.mark.parametrize("dps", [50.0, True, "50", None])
def test_dps_wrong_type(dps):
    with pytest.raises(InvalidType, match="dps"):
        evaluate("theorem-a-prime", dps=dps)


def test_unknown_name_and_parameter():
    with pytest.raises(InvalidArgument, match="unknown constant"):
        evaluate("no-such-constant")
    with pytest.raises(InvalidType):
        evaluate(3)
    with pytest.raises(InvalidArgument, match="unknown parameter"):
        evaluate("n-half", epsilon=sympy.Rational(1, 10))
    with pytest.raises(InvalidType):
        symbolic.evaluate_all(names="n-half")


@pytest.mark.parametrize("eps", [0, sympy.Rational(1, 2), sympy.Rational(3, 4), -1])
def test_eps_out_of_range(eps):
    with pytest.raises(InvalidArgument, match="eps"):
        evaluate("eta-eps", eps=eps)


def test_line_uniform_needs_delta_below_s0():
    # 32 eps^2 <= 1 is required; 1/5 violates it, 1/6 does not.
    with pytest.raises(InvalidArgument, match="32"):
        line_q_uniform(sympy.Rational(1, 5))
    assert line_q_uniform(sympy.Rational(1, 6), dps=15).value > 0


def test_free_symbols_are_rejected():
    with pytest.raises(InvalidArgument, match="free symbols"):
        symbolic.certify_expr(sympy.Symbol("x") + 1)


def test_measured_inputs_accept_floats_but_must_be_ordered():
    fit = symbolic.lueker_kappa_from_fit(1.5, 1.25, 1.75, dps=20)
    assert fit.kappa_interval.lo <= Fraction(fit.kappa.value_str) <= fit.kappa_interval.hi
    with pytest.raises(InvalidArgument):
        symbolic.lueker_kappa_from_fit(1.5, 1.75, 1.25)
    with pytest.raises(InvalidArgument):
        symbolic.lueker_kappa_from_fit(float("nan"), 1.0, 2.0)


def test_string_parameters_for_the_command_line():
    assert evaluate("irwin-hall-cl-term", k="5", dps=15).expr == evaluate("irwin-hall-cl-term", k=5, dps=15).expr
    assert dict(evaluate("n-half", eps="1/10", dps=15).params)["eps"] == sympy.Rational(1, 10)
    with pytest.raises(InvalidArgument, match="integer"):
        evaluate("irwin-hall-cl-term", k="five")
