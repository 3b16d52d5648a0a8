"""Certified rational intervals shown as readable decimal enclosures.

A certified interval ``[p/q, r/s]`` with 50-digit numerators is exact but unreadable.  The
report shows the decimal enclosure ``[lo, hi]`` obtained by rounding the lower end *down* and
the upper end *up* at a fixed number of significant digits, so the printed interval still
contains the exact one (it is the exact interval widened by at most one unit in the last
printed digit).  The exact rationals stay available one click away.

Exactness: all arithmetic is on :class:`fractions.Fraction` and Python integers; no float is
involved.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from pybridge.errors import InvalidArgument
from pybridge.validation import check_exact, check_int, check_text

__all__ = ["decimal_enclosure", "RATIONAL_INTERVAL", "is_long_interval"]

_RAT = r"-?\d+(?:/\d+)?"
#: ``[a, b]`` with integer or ``p/q`` ends (as the constants section prints certified intervals)
RATIONAL_INTERVAL = re.compile(rf"\[\s*({_RAT})\s*,\s*({_RAT})\s*\]")

#: an end longer than this (characters) is "unreadable": shown as a decimal enclosure
LONG = 24


def is_long_interval(lo_text: str, hi_text: str) -> bool:
    """True if either end is a rational too long to read (a target interval like ``[-1, 1]`` is not)."""
    return max(len(check_text("lo_text", lo_text)), len(check_text("hi_text", hi_text))) > LONG


def _magnitude(x: Fraction) -> int:
    """The exponent e with 10**e <= |x| < 10**(e+1) (x != 0), exactly."""
    n, d = abs(x.numerator), x.denominator
    e = len(str(n)) - len(str(d))
    if Fraction(n, d) < Fraction(10) ** e:
        e -= 1
    return e


def _format(units: int, exponent: int) -> str:
    """``units * 10**exponent`` as a plain decimal string (exponent <= 0 puts a decimal point)."""
    sign = "-" if units < 0 else ""
    digits = str(abs(units))
    if exponent >= 0:
        return sign + digits + "0" * exponent
    k = -exponent
    digits = digits.rjust(k + 1, "0")
    return f"{sign}{digits[:-k]}.{digits[-k:]}"


def decimal_enclosure(lo, hi, *, digits: int = 21) -> tuple[str, str]:
    """Decimal strings ``(lo', hi')`` with ``lo' <= lo <= hi <= hi'``, at ``digits`` significant digits.

    Parameters
    ----------
    lo, hi : Fraction, int or str (``"p/q"``)
        The exact interval, ``lo <= hi``.
    digits : int, default 21
        Significant digits of the larger end in absolute value (so ``[11.6568542494923801952,
        11.6568542494923801953]`` for Lueker's kappa*(1) = 6 + 4 sqrt 2).

    Returns
    -------
    tuple of str
        The lower end rounded toward -inf, the upper toward +inf.  An end that is exactly a decimal
        with at most ``digits`` significant digits is printed exactly (no spurious widening).

    Raises
    ------
    ValueError
        ``lo > hi`` or ``digits < 1``.
    """
    lo, hi = check_exact("lo", lo), check_exact("hi", hi)
    digits = check_int("digits", digits, min_value=1, max_value=10**4)
    if lo > hi:
        raise InvalidArgument(f"lo must be <= hi, got lo={lo}, hi={hi}")
    big = max(abs(lo), abs(hi))
    if big == 0:
        return "0", "0"
    exponent = _magnitude(big) - digits + 1  # value of one unit in the last printed digit: 10**exponent
    scale = Fraction(10) ** (-exponent)
    lo_units, hi_units = math.floor(lo * scale), math.ceil(hi * scale)  # exact on Fractions
    if exponent > 0:  # large integers: units * 10**exponent, no decimal point
        return _format(lo_units, exponent), _format(hi_units, exponent)
    return _strip(_format(lo_units, exponent)), _strip(_format(hi_units, exponent))


def _strip(text: str) -> str:
    """Drop trailing zeros after the decimal point (the value is unchanged)."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
