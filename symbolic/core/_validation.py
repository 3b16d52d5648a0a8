"""Input validation for ``symbolic`` (private; one place, Hypothesis ``check_*`` style).

Every public entry point of ``symbolic`` validates its arguments here, once, before
doing any work.  Failures are one line naming the argument and echoing the value.
Exact arguments never accept floats: a float is a binary approximation, and the
message says which :class:`sympy.Rational` was probably meant.
"""

from __future__ import annotations

import numbers
from fractions import Fraction

import sympy

from symbolic.core.errors import InvalidArgument, InvalidType
from symbolic.core.limits import MAX_DPS, MIN_DPS

__all__ = [
    "MAX_DPS",
    "MIN_DPS",
    "check_dps",
    "check_exact",
    "check_int",
    "shown",
]



def shown(value) -> str:
    """``repr`` of ``value``, shortened to at most 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _is_floatlike(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, sympy.Basic):
        return bool(value.atoms(sympy.Float))
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    if cls.__name__ in {"mpf", "constant"} and module.startswith("mpmath"):
        return True
    # numpy.floating and friends: Real but not Rational.
    return isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational)


def _float_hint(value) -> str:
    try:
        guess = Fraction(repr(float(value)))
    except (TypeError, ValueError, OverflowError):
        return "sympy.Rational(p, q)"
    return f"sympy.Rational({guess.numerator}, {guess.denominator})"


def check_dps(dps, *, name: str = "dps") -> int:
    """Return ``dps`` as ``int`` after checking ``MIN_DPS <= dps <= MAX_DPS``.

    Raises
    ------
    InvalidType
        If ``dps`` is not an integer (``bool`` and floats are rejected).
    InvalidArgument
        If ``dps`` is outside ``[MIN_DPS, MAX_DPS]``.
    """
    if isinstance(dps, bool) or not isinstance(dps, numbers.Integral):
        raise InvalidType(f"{name} must be an int, got {name}={shown(dps)} (type={type(dps).__name__})")
    dps = int(dps)
    if not MIN_DPS <= dps <= MAX_DPS:
        raise InvalidArgument(f"{name} must be in [{MIN_DPS}, {MAX_DPS}], got {name}={dps}")
    return dps


def check_int(name: str, value, *, min_value: int | None = None, max_value: int | None = None) -> int:
    """Return ``value`` as ``int`` after checking type and range (``bool``/floats rejected)."""
    if isinstance(value, sympy.Integer):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if _is_floatlike(value):
            raise InvalidType(
                f"{name} must be an exact integer, got {name}={shown(value)} "
                f"(type={type(value).__name__}); pass an int"
            )
        raise InvalidType(f"{name} must be an int, got {name}={shown(value)} (type={type(value).__name__})")
    value = int(value)
    if min_value is not None and value < min_value:
        raise InvalidArgument(f"{name} must be >= {min_value}, got {name}={value}")
    if max_value is not None and value > max_value:
        raise InvalidArgument(f"{name} must be <= {max_value}, got {name}={value}")
    return value


def _bound_ok(q, bound, open_: bool, below: bool) -> bool:
    if bound is None:
        return True
    if below:
        return q > bound if open_ else q >= bound
    return q < bound if open_ else q <= bound


def _as_rational(name: str, value) -> sympy.Rational:
    """``value`` as an exact :class:`sympy.Rational` (the conversion of :func:`check_exact`, without bounds)."""
    if isinstance(value, bool):
        raise InvalidType(f"{name} must be an exact rational, got {name}={value!r} (type=bool)")
    if _is_floatlike(value):
        raise InvalidType(
            f"{name} must be exact, got the float {name}={shown(value)} (type={type(value).__name__}); "
            f"floats are binary approximations: pass {_float_hint(value)} instead"
        )
    if isinstance(value, sympy.Rational):
        q = value
    elif isinstance(value, (numbers.Rational, Fraction)):
        q = sympy.Rational(int(value.numerator), int(value.denominator))
    elif isinstance(value, str):
        try:
            q = sympy.Rational(value.strip())
        except (TypeError, ValueError, SyntaxError, ZeroDivisionError) as exc:  # "1/0"
            raise InvalidArgument(f"{name} is not an exact rational, got {name}={shown(value)}") from exc
        if not isinstance(q, sympy.Rational):
            raise InvalidArgument(f"{name} is not an exact rational, got {name}={shown(value)}")
    else:
        raise InvalidType(
            f"{name} must be an exact rational (int, Fraction, sympy.Rational, str), "
            f"got {name}={shown(value)} (type={type(value).__name__})"
        )
    return q


def check_exact(
    name: str,
    value,
    *,
    low=None,
    high=None,
    low_open: bool = True,
    high_open: bool = True,
) -> sympy.Rational:
    """Return ``value`` as an exact :class:`sympy.Rational` within optional bounds.

    Accepts ``int``, :class:`fractions.Fraction`, :class:`sympy.Rational` and strings
    that :class:`sympy.Rational` parses exactly (``"1/10"``, ``"0.1"``).  Floats
    (Python, NumPy, mpmath, ``sympy.Float``) are rejected with a message suggesting
    ``sympy.Rational``.

    Parameters
    ----------
    name : str
        Argument name, echoed in error messages.
    value : int, Fraction, sympy.Rational or str
        The exact value.
    low, high : rational, optional
        Bounds; ``low_open``/``high_open`` say whether they are excluded (default open).

    Returns
    -------
    sympy.Rational
        The exact value.

    Raises
    ------
    InvalidType
        For floats, ``bool`` and non-numbers.
    InvalidArgument
        For unparsable strings and values outside the bounds.
    """
    q = _as_rational(name, value)
    if not _bound_ok(q, low, low_open, True):
        op = ">" if low_open else ">="
        raise InvalidArgument(f"{name} must be {op} {low}, got {name}={q}")
    if not _bound_ok(q, high, high_open, False):
        op = "<" if high_open else "<="
        raise InvalidArgument(f"{name} must be {op} {high}, got {name}={q}")
    return q
