"""Certified enclosures and comparisons with python-flint ``arb`` balls.

Layer three of "exact, then numeric, then certified".  An enclosure is a
:class:`RationalInterval` whose endpoints are exact rationals rounded *outward*
(the lower end down, the upper end up) onto a decimal grid of ``dps`` significant
digits.  Comparisons are three-valued: a verdict is returned only when interval
arithmetic decides it; if it cannot decide at the maximum precision,
:class:`~symbolic.core.errors.NotCertifiedError` is raised ("undetermined is not false").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import sympy
from flint import arb, fmpz

from symbolic.core._translate import check_closed, to_arb
from symbolic.core._validation import check_dps
from symbolic.core.context import MAX_CERTIFY_DPS, arb_prec, dps_to_bits, escalating_dps
from symbolic.core.errors import InvalidArgument, InvalidType, NotCertifiedError, PrecisionExhaustedError

__all__ = [
    "RationalInterval",
    "arb_to_fractions",
    "certified_ceil",
    "certified_floor",
    "certify_ball",
    "certify_balls_less",
    "certify_expr",
    "certify_less",
    "certify_sign",
]


def _as_fraction(value) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    mpf_ = getattr(value, "_mpf_", None)
    if mpf_ is not None:  # mpmath.mpf: an exact binary rational
        sign, man, exp, _ = mpf_
        if not man and exp:
            raise InvalidArgument(f"cannot convert non-finite mpmath value {value!r}")
        q = Fraction(man) * (Fraction(2) ** exp)
        return -q if sign else q
    raise InvalidType(f"expected an exact rational or mpmath.mpf, got {value!r} (type={type(value).__name__})")


@dataclass(frozen=True)
class RationalInterval:
    """A closed interval ``[lo, hi]`` with exact rational endpoints.

    Attributes
    ----------
    lo, hi : fractions.Fraction
        Endpoints, ``lo <= hi``.  When produced by :func:`certify_expr` the true
        value is certified to lie in ``[lo, hi]``.
    """

    lo: Fraction
    hi: Fraction

    def __post_init__(self):
        lo, hi = _as_fraction(self.lo), _as_fraction(self.hi)
        if lo > hi:
            raise InvalidArgument(f"RationalInterval needs lo <= hi, got lo={lo}, hi={hi}")
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)

    def __contains__(self, value) -> bool:
        q = _as_fraction(value)
        return self.lo <= q <= self.hi

    def contains(self, value) -> bool:
        """``True`` iff ``value`` (exact rational or ``mpf``, taken exactly) is in ``[lo, hi]``."""
        return value in self

    @property
    def width(self) -> Fraction:
        """``hi - lo`` (exact)."""
        return self.hi - self.lo

    @property
    def mid(self) -> Fraction:
        """``(lo + hi) / 2`` (exact)."""
        return (self.lo + self.hi) / 2

    def is_subset(self, other: RationalInterval) -> bool:
        """``True`` iff ``self`` lies inside ``other``."""
        return other.lo <= self.lo and self.hi <= other.hi

    def to_strings(self) -> tuple[str, str]:
        """Endpoints as ``"p/q"`` strings (``"p"`` for integers), of any length."""
        return (fraction_str(self.lo), fraction_str(self.hi))

    def __str__(self) -> str:
        lo, hi = self.to_strings()
        return f"[{lo}, {hi}]"


def fraction_str(q: Fraction) -> str:
    """``"p/q"`` (``"p"`` for integers) with no length limit.

    ``str(Fraction)`` goes through ``str(int)``, which refuses integers of more than 4300
    digits (Python's integer-string conversion limit); at 10000 digits the certified
    endpoints are longer than that.  FLINT's decimal conversion has no such limit.
    """
    q = Fraction(q)
    num = str(fmpz(q.numerator))
    return num if q.denominator == 1 else f"{num}/{fmpz(q.denominator)}"


def arb_to_fractions(ball: arb) -> tuple[Fraction, Fraction]:
    """Exact rational lower and upper bounds of an arb ball (``mid -/+ rad``, exactly).

    Raises
    ------
    NotCertifiedError
        If the ball is not finite.
    """
    if not ball.is_finite():
        raise NotCertifiedError(f"ball {ball} is not finite")
    man, exp = ball.mid().man_exp()
    mid = Fraction(int(man)) * Fraction(2) ** int(exp)
    rman, rexp = ball.rad().man_exp()
    rad = Fraction(int(rman)) * Fraction(2) ** int(rexp)
    return mid - rad, mid + rad


def _decimal_exponent(q: Fraction) -> int:
    """``floor(log10(|q|))`` for a nonzero rational, exactly."""
    q = abs(q)
    e = math.floor(math.log10(q.numerator) - math.log10(q.denominator))
    while Fraction(10) ** e > q:
        e -= 1
    while Fraction(10) ** (e + 1) <= q:
        e += 1
    return e


def _outward(lo: Fraction, hi: Fraction, dps: int) -> RationalInterval:
    """Round ``[lo, hi]`` outward onto the grid of ``dps`` significant digits of ``max(|lo|, |hi|)``."""
    big = max(abs(lo), abs(hi))
    if big == 0:
        return RationalInterval(Fraction(0), Fraction(0))
    step = Fraction(10) ** (_decimal_exponent(big) + 1 - dps)
    return RationalInterval(math.floor(lo / step) * step, math.ceil(hi / step) * step)


def certify_ball(compute, *, dps: int, what: str = "value",
                 max_dps: int = MAX_CERTIFY_DPS) -> RationalInterval:
    """Certified enclosure from a ball-valued callable, escalating precision.

    Parameters
    ----------
    compute : callable
        ``compute() -> arb``, evaluated at the current flint precision.
    dps : int
        Requested significant digits (relative width about ``10**(1-dps)``).
    what : str
        Description used in error messages.
    max_dps : int, default ``MAX_CERTIFY_DPS``
        Working-precision ceiling: precisions ``dps + 20``, doubled, are tried while ``<= max_dps``.

    Returns
    -------
    RationalInterval
        Outward-rounded rational enclosure.

    Raises
    ------
    PrecisionExhaustedError
        If the ball is still too wide at the last working precision below ``max_dps``.
    """
    dps = check_dps(dps)
    work = dps + 20
    while work <= max_dps:
        with arb_prec(dps_to_bits(work)):
            ball = compute()
        if ball.is_finite():
            lo, hi = arb_to_fractions(ball)
            big = max(abs(lo), abs(hi))
            if big == 0 or (hi - lo) <= big * Fraction(1, 10 ** (dps + 5)):
                return _outward(lo, hi, dps)
        work *= 2
    raise PrecisionExhaustedError(f"could not enclose {what} to {dps} digits below dps={max_dps}")


def certify_expr(expr, *, dps: int = 50) -> RationalInterval:
    """Certified rational enclosure of a closed exact sympy expression.

    Parameters
    ----------
    expr : sympy.Expr
        Closed, exact, real expression (supported functions: see ``symbolic.core._translate``).
    dps : int, default 50
        Significant digits of the enclosure, in ``[15, 10000]``.

    Returns
    -------
    RationalInterval
        ``[lo, hi]`` with ``lo <= expr <= hi`` certified by arb ball arithmetic,
        endpoints on the decimal grid of ``dps`` significant digits, rounded outward.

    Raises
    ------
    InvalidType, InvalidArgument
        Floats, free symbols, unsupported nodes, or ``dps`` out of range.
    PrecisionExhaustedError
        If the enclosure cannot be made narrow enough (e.g. the value is 0 but not
        syntactically so).

    Notes
    -----
    Source: house style §2.5 rule 3 (outward-rounded rational endpoints).

    Examples
    --------
    >>> import sympy
    >>> iv = certify_expr(sympy.sqrt(2), dps=20)
    >>> str(iv)
    '[1767766952966368811/1250000000000000000, 14142135623730950489/10000000000000000000]'
    """
    expr = check_closed(expr)
    if expr.is_Rational:
        dps = check_dps(dps)
        q = Fraction(int(expr.p), int(expr.q))
        return _outward(q, q, dps)
    return certify_ball(lambda: to_arb(expr), dps=dps, what=str(expr))


def _closed_pair(lhs, rhs):
    return check_closed(lhs, name="lhs"), check_closed(rhs, name="rhs")


def certify_less(lhs, rhs, *, dps: int = 30, max_dps: int = 1000) -> bool:
    """Decide ``lhs < rhs`` rigorously; raise if interval arithmetic cannot decide.

    Each side is enclosed separately in an arb ball at ``dps`` digits, doubling up to
    ``max_dps``.  Exact rationals on both sides are compared exactly.

    Parameters
    ----------
    lhs, rhs : sympy.Expr
        Closed exact real expressions.
    dps, max_dps : int
        Starting and maximal working precision (decimal digits), ``dps <= max_dps``.

    Returns
    -------
    bool
        ``True`` if ``lhs < rhs`` is certified; ``False`` if ``lhs >= rhs`` is certified.

    Raises
    ------
    NotCertifiedError
        If the balls still overlap at ``max_dps`` (for instance ``lhs == rhs`` irrational).
    InvalidType, InvalidArgument
        For floats, free symbols, or precisions out of range.

    Notes
    -----
    A verdict obtained at one precision is never contradicted at a higher one: both
    are rigorous statements about the same real numbers.

    Examples
    --------
    >>> import sympy
    >>> certify_less(sympy.Integer(3), sympy.pi)
    True
    >>> certify_less(sympy.pi, sympy.pi)
    Traceback (most recent call last):
    ...
    symbolic.core.errors.NotCertifiedError: cannot decide pi < pi up to dps=1000 (balls overlap)
    """
    dps, max_dps = check_dps(dps, name="dps"), check_dps(max_dps, name="max_dps")
    if dps > max_dps:
        raise InvalidArgument(f"need dps <= max_dps, got dps={dps}, max_dps={max_dps}")
    lhs, rhs = _closed_pair(lhs, rhs)
    if lhs.is_Rational and rhs.is_Rational:
        return bool(lhs < rhs)
    return certify_balls_less(lambda: to_arb(lhs), lambda: to_arb(rhs), dps=dps, max_dps=max_dps,
                              what=f"{lhs} < {rhs}")


def certify_balls_less(lhs, rhs, *, dps: int, max_dps: int, what: str = "lhs < rhs") -> bool:
    """Decide ``lhs() < rhs()`` for ball-valued callables, doubling precision from ``dps`` to ``max_dps``.

    Parameters
    ----------
    lhs, rhs : callable
        ``() -> arb``, evaluated at the current flint precision.
    dps, max_dps : int
        Starting and maximal working precision in decimal digits (not range-checked:
        internal callers may need more than ``MAX_DPS`` for cancelling sums).
    what : str
        Description for the error message.

    Returns
    -------
    bool
        ``True`` if ``lhs < rhs`` is certified, ``False`` if ``lhs >= rhs`` is certified.

    Raises
    ------
    NotCertifiedError
        If the balls still overlap at ``max_dps``.
    """
    for work in escalating_dps(dps, max_dps):
        with arb_prec(dps_to_bits(work)):
            a, b = lhs(), rhs()
            if a < b:
                return True
            if a >= b:
                return False
    raise NotCertifiedError(f"cannot decide {what} up to dps={max_dps} (balls overlap)")


def certify_sign(expr, *, dps: int = 30, max_dps: int = 1000) -> int:
    """Certified sign (-1, 0 or +1) of a closed exact expression.

    Parameters
    ----------
    expr : sympy.Expr
        Closed exact real expression.
    dps, max_dps : int
        Starting and maximal working precision (decimal digits).

    Returns
    -------
    int
        ``-1``, ``0`` or ``+1``.  ``0`` only for expressions that are exact rationals equal to 0.

    Raises
    ------
    NotCertifiedError
        If the sign cannot be decided at ``max_dps`` (e.g. an irrational-looking zero).
    InvalidType, InvalidArgument
        For floats, free symbols or precisions out of range.

    Notes
    -----
    Uses :func:`certify_less` twice; the verdict is rigorous (arb balls).

    Examples
    --------
    >>> import sympy
    >>> certify_sign(sympy.pi - 3), certify_sign(sympy.Integer(0))
    (1, 0)
    """
    expr = check_closed(expr)
    if expr.is_Rational:
        return int(sympy.sign(expr))
    if certify_less(sympy.S.Zero, expr, dps=dps, max_dps=max_dps):
        return 1
    if certify_less(expr, sympy.S.Zero, dps=dps, max_dps=max_dps):
        return -1
    raise NotCertifiedError(f"{expr} is >= 0 and not < 0 as balls but not exactly zero")


def certified_floor(expr, *, dps: int = 30, max_dps: int = 1000) -> int:
    """Certified ``floor`` of a closed exact real expression.

    Parameters
    ----------
    expr : sympy.Expr
        Closed exact real expression.
    dps, max_dps : int
        Starting and maximal working precision (decimal digits).

    Returns
    -------
    int
        The floor, exactly (exact rationals are floored exactly).

    Raises
    ------
    NotCertifiedError
        If the enclosure still straddles an integer at ``max_dps`` (e.g. an integer
        that is not syntactically rational).
    InvalidType, InvalidArgument
        For floats, free symbols or precisions out of range.

    Notes
    -----
    Rigorous: the floor is returned only when both ends of an arb enclosure have it.

    Examples
    --------
    >>> import sympy
    >>> certified_floor(100 * sympy.pi)
    314
    """
    expr = check_closed(expr)
    if expr.is_Rational:
        return math.floor(Fraction(int(expr.p), int(expr.q)))
    dps = check_dps(dps)
    max_dps = check_dps(max_dps, name="max_dps")
    for work in escalating_dps(dps, max_dps):
        with arb_prec(dps_to_bits(work)):
            ball = to_arb(expr)
        if ball.is_finite():
            lo, hi = arb_to_fractions(ball)
            if math.floor(lo) == math.floor(hi):
                return math.floor(lo)
    raise NotCertifiedError(f"cannot certify floor({expr}) up to dps={max_dps}")


def certified_ceil(expr, *, dps: int = 30, max_dps: int = 1000) -> int:
    """Certified ``ceil`` of a closed exact real expression (``-floor(-expr)``).

    Parameters
    ----------
    expr : sympy.Expr
    dps, max_dps : int

    Returns
    -------
    int

    Raises
    ------
    NotCertifiedError, InvalidType, InvalidArgument
        As for :func:`certified_floor`.

    Notes
    -----
    Rigorous (arb balls).

    Examples
    --------
    >>> import sympy
    >>> certified_ceil(100 * sympy.pi)
    315
    """
    return -certified_floor(-check_closed(expr), dps=dps, max_dps=max_dps)
