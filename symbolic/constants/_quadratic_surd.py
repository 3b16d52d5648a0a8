r"""Exact arithmetic in :math:`\mathbb Q(\sqrt m)`: numbers :math:`a + b\sqrt m` with rational ``a``, ``b``.

Irwin–Hall sums evaluated at :math:`\sqrt k` cancel catastrophically in floating
point (theory §1.7); in :math:`\mathbb Q(\sqrt k)` they are exact.  Signs and floors
are decided exactly by squaring integers; conversion to arb balls is rigorous.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import sympy
from flint import arb, fmpq, fmpz

from symbolic.core.errors import InvalidArgument

__all__ = ["QuadraticSurd"]


def _lcm(a: int, b: int) -> int:
    return a * b // math.gcd(a, b)


@dataclass(frozen=True)
class QuadraticSurd:
    """The exact real number ``a + b*sqrt(m)``.

    Attributes
    ----------
    a, b : fractions.Fraction
        Rational coordinates.
    m : int
        Radicand, ``m >= 1`` (any integer; perfect squares are allowed and handled exactly).
    """

    a: Fraction
    b: Fraction
    m: int

    def __post_init__(self):
        if not isinstance(self.m, int) or self.m < 1:
            raise InvalidArgument(f"QuadraticSurd needs an integer m >= 1, got m={self.m!r}")
        object.__setattr__(self, "a", Fraction(self.a))
        object.__setattr__(self, "b", Fraction(self.b))

    # -- integer form -------------------------------------------------------
    def integer_form(self) -> tuple[int, int, int]:
        """``(A, B, D)`` with ``self == (A + B*sqrt(m)) / D`` and ``D > 0``."""
        d = _lcm(self.a.denominator, self.b.denominator)
        return int(self.a * d), int(self.b * d), d

    # -- arithmetic ---------------------------------------------------------
    def _check(self, other: QuadraticSurd) -> None:
        if other.m != self.m:
            raise InvalidArgument(f"cannot combine sqrt({self.m}) and sqrt({other.m})")

    def __add__(self, other: QuadraticSurd) -> QuadraticSurd:
        self._check(other)
        return QuadraticSurd(self.a + other.a, self.b + other.b, self.m)

    def __sub__(self, other: QuadraticSurd) -> QuadraticSurd:
        self._check(other)
        return QuadraticSurd(self.a - other.a, self.b - other.b, self.m)

    def __mul__(self, other) -> QuadraticSurd:
        if isinstance(other, QuadraticSurd):
            self._check(other)
            return QuadraticSurd(self.a * other.a + self.b * other.b * self.m,
                                 self.a * other.b + self.b * other.a, self.m)
        q = Fraction(other)
        return QuadraticSurd(self.a * q, self.b * q, self.m)

    __rmul__ = __mul__

    def times_sqrt_m(self) -> QuadraticSurd:
        """``self * sqrt(m)`` (exact)."""
        return QuadraticSurd(self.b * self.m, self.a, self.m)

    # -- exact order --------------------------------------------------------
    def sign(self) -> int:
        """Exact sign (-1, 0, +1), by comparing squares of integers."""
        A, B, _ = self.integer_form()
        sa, sb = (A > 0) - (A < 0), (B > 0) - (B < 0)
        if sb == 0 or sa == sb:
            return sa if sa else sb
        if sa == 0:
            return sb
        diff = A * A - B * B * self.m  # sign of |A| - |B| sqrt(m)
        return sa if diff > 0 else (-sa if diff < 0 else 0)

    def floor(self) -> int:
        """Exact ``floor(a + b*sqrt(m))``."""
        A, B, D = self.integer_form()
        if B == 0:
            return A // D
        n = B * B * self.m
        s = math.isqrt(n)
        if s * s == n:
            return (A + (s if B > 0 else -s)) // D
        # sqrt(n) lies strictly in (s, s+1); no integer multiple of 1/D is crossed.
        return (A + s) // D if B > 0 else (A - s - 1) // D

    def is_rational(self) -> bool:
        """``True`` iff the value is rational (``b == 0`` or ``m`` a perfect square)."""
        r = math.isqrt(self.m)
        return self.b == 0 or r * r == self.m

    # -- conversions --------------------------------------------------------
    def to_sympy(self) -> sympy.Expr:
        """Exact sympy expression ``a + b*sqrt(m)``."""
        rat = lambda q: sympy.Rational(q.numerator, q.denominator)
        return rat(self.a) + rat(self.b) * sympy.sqrt(self.m)

    def to_arb(self) -> arb:
        """Rigorous arb ball at the current flint precision."""
        a = arb(fmpq(self.a.numerator, self.a.denominator))
        b = arb(fmpq(self.b.numerator, self.b.denominator))
        return a + b * arb(fmpz(self.m)).sqrt()

    def __pow__(self, e: int) -> QuadraticSurd:
        if not isinstance(e, int) or e < 0:
            raise InvalidArgument(f"exponent must be a non-negative int, got {e!r}")
        A, B, D = self.integer_form()
        P, Q = integer_pair_pow(A, B, self.m, e)
        return QuadraticSurd(Fraction(P, D**e), Fraction(Q, D**e), self.m)


def integer_pair_pow(A: int, B: int, m: int, e: int) -> tuple[int, int]:
    """``(P, Q)`` with ``(A + B sqrt(m))**e == P + Q sqrt(m)`` (integers; binary powering)."""
    P, Q = 1, 0
    bA, bB = A, B
    while e:
        if e & 1:
            P, Q = P * bA + Q * bB * m, P * bB + Q * bA
        e >>= 1
        if e:
            bA, bB = bA * bA + bB * bB * m, 2 * bA * bB
    return P, Q
