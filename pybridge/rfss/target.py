r"""Target intervals of the fixed-size problem, with exact square-root endpoints.

RFSS Theorem 2 and Corollary 1 (Natale et al., NeurIPS 2024, arXiv 2410.14754; theory §2,
READ) use the target interval :math:`[-\sqrt k, \sqrt k]`, whose ends are irrational for
non-square ``k``.  A :class:`Target` keeps each end either as an exact rational or as
:math:`\pm\sqrt m` and hands out *rational enclosures* of any precision, so a coverage
decision on the true interval stays exact: coverage is monotone in the interval, hence
"the outer enclosure is covered" implies covered and "the inner enclosure is not covered"
implies not covered; in between the precision is doubled (this terminates, because the
sums are rational and :math:`\pm\sqrt m` is not, unless ``m`` is a perfect square, in
which case the end is rational from the start).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from pybridge.validation import check_exact, check_int
from pybridge.errors import InvalidArgument

__all__ = ["Target", "sqrt_target", "rational_target", "point_target"]


@dataclass(frozen=True)
class _End:
    """One end: ``sign * sqrt(m)`` when ``m`` is set, else the rational ``q``."""

    q: Fraction | None = None
    m: int | None = None
    sign: int = 1

    def enclose(self, bits: int) -> tuple[Fraction, Fraction]:
        """Rationals ``lo <= value <= hi`` with ``hi - lo <= 2**-bits`` (equal when exact)."""
        if self.m is None:
            return self.q, self.q
        r = math.isqrt(self.m)
        if r * r == self.m:
            v = Fraction(self.sign * r)
            return v, v
        s = math.isqrt(self.m << (2 * bits))  # floor(sqrt(m) * 2^bits)
        lo, hi = Fraction(s, 1 << bits), Fraction(s + 1, 1 << bits)
        return (lo, hi) if self.sign > 0 else (-hi, -lo)

    def floats(self) -> tuple[float, float]:
        """Floats ``lo <= value <= hi`` (directed: each is checked against the exact value)."""
        lo, hi = self.enclose(80)
        f_lo, f_hi = float(lo), float(hi)
        if Fraction(f_lo) > lo:
            f_lo = math.nextafter(f_lo, -math.inf)
        if Fraction(f_hi) < hi:
            f_hi = math.nextafter(f_hi, math.inf)
        return f_lo, f_hi

    def __str__(self) -> str:
        if self.m is None:
            return str(self.q)
        return f"{'-' if self.sign < 0 else ''}sqrt({self.m})"


@dataclass(frozen=True)
class Target:
    """A closed target interval ``[a, b]`` (``a <= b``; ``a == b`` is a single target point)."""

    a: _End
    b: _End

    def enclose(self, bits: int):
        """``(a_lo, a_hi, b_lo, b_hi)`` exact rationals enclosing both ends."""
        return (*self.a.enclose(bits), *self.b.enclose(bits))

    def floats(self):
        """``(a_lo, a_hi, b_lo, b_hi)`` floats enclosing both ends."""
        return (*self.a.floats(), *self.b.floats())

    @property
    def exact(self) -> bool:
        """True when both ends are rational (enclosures are points)."""
        a_lo, a_hi, b_lo, b_hi = self.enclose(8)
        return a_lo == a_hi and b_lo == b_hi

    def display(self) -> list:
        """JSON-friendly ends: floats, plus the exact form."""
        a_lo, a_hi, b_lo, b_hi = self.enclose(64)
        return [float(a_lo + a_hi) / 2, float(b_lo + b_hi) / 2]

    def __str__(self) -> str:
        return f"[{self.a}, {self.b}]"


def sqrt_target(k: int) -> Target:
    r"""The default target :math:`[-\sqrt k, \sqrt k]` of RFSS Theorem 2 (exact ends)."""
    k = check_int("k", k, min_value=1)
    return Target(_End(m=k, sign=-1), _End(m=k, sign=1))


def rational_target(a, b) -> Target:
    """``[a, b]`` with exact rational ends (floats are their dyadic values); needs ``a < b``."""
    qa, qb = check_exact("a", a), check_exact("b", b)
    if not qa < qb:
        raise InvalidArgument(f"interval needs a < b, got a={a!r}, b={b!r}")
    return Target(_End(q=qa), _End(q=qb))


def point_target(z) -> Target:
    """The single target point ``z`` (exact)."""
    q = check_exact("target", z)
    return Target(_End(q=q), _End(q=q))
