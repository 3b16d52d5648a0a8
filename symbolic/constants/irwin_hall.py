r"""Exact density and CDF of a sum of ``k`` i.i.d. ``Unif[-1, 1]`` (Irwin–Hall, rescaled).

Theory §1.7:

.. math::

   f_k(y) = \tfrac12 f^{IH}_k\big(\tfrac{y+k}{2}\big), \qquad
   f^{IH}_k(x) = \frac{1}{(k-1)!}\sum_{0\le j<x} (-1)^j\binom kj (x-j)^{k-1},

and the CDF :math:`F^{IH}_k(x) = \frac1{k!}\sum_{0\le j<x}(-1)^j\binom kj(x-j)^k`.
The alternating sum cancels catastrophically in floating point, so everything
here is exact: rationals at rational points, :math:`\mathbb Q(\sqrt m)` at
:math:`y = u + v\sqrt m` (:class:`~symbolic.constants._quadratic_surd.QuadraticSurd`).

Convention: the support is closed, ``f_1 = 1/2`` on ``[-1, 1]`` (the sum runs over
``j < x``), and ``f_k`` is even.
"""

from __future__ import annotations

import math
from fractions import Fraction

from symbolic.constants._quadratic_surd import QuadraticSurd, integer_pair_pow
from symbolic.core._validation import check_exact, check_int

__all__ = [
    "cdf",
    "density",
    "p_l",
    "scaled_density_at_sqrt_k",
    "scaled_density_at_zero_squared",
]

#: Largest ``k`` accepted (exact integers grow like k log k bits per term).
MAX_K = 5000


def _alternating_sum(k: int, power: int, x: QuadraticSurd) -> QuadraticSurd:
    """``sum_{0 <= j < x, j <= k} (-1)^j C(k, j) (x - j)^power`` exactly."""
    A, B, D = x.integer_form()
    top = x.floor() if not x.is_rational() else math.ceil(x.a + x.b * math.isqrt(x.m)) - 1
    top = min(top, k)
    SA = SB = 0
    binom = 1
    for j in range(top + 1):
        P, Q = integer_pair_pow(A - j * D, B, x.m, power)
        if j & 1:
            SA -= binom * P
            SB -= binom * Q
        else:
            SA += binom * P
            SB += binom * Q
        binom = binom * (k - j) // (j + 1)
    den = D**power
    return QuadraticSurd(Fraction(SA, den), Fraction(SB, den), x.m)


def _as_point(y) -> QuadraticSurd:
    if isinstance(y, QuadraticSurd):
        return y
    q = check_exact("y", y)
    return QuadraticSurd(Fraction(int(q.p), int(q.q)), Fraction(0), 1)


def _ih_argument(k: int, y: QuadraticSurd) -> QuadraticSurd:
    return QuadraticSurd((y.a + k) / 2, y.b / 2, y.m)


def density(k: int, y) -> QuadraticSurd:
    r"""Exact density :math:`f_k(y)` of :math:`X_1+\dots+X_k`, :math:`X_i` i.i.d. ``Unif[-1, 1]``.

    Parameters
    ----------
    k : int
        Number of summands, ``1 <= k <= 5000``.
    y : exact rational or QuadraticSurd
        Evaluation point (dimensionless).  Floats are rejected.

    Returns
    -------
    QuadraticSurd
        :math:`f_k(y)` exactly (rational when ``y`` is rational).

    Raises
    ------
    InvalidType
        If ``k`` is not an int or ``y`` is a float.
    InvalidArgument
        If ``k`` is out of range.

    Notes
    -----
    Claim ``const-irwin-hall-cl``; tag RECON (theory §1.7).

    Examples
    --------
    >>> density(2, 0).to_sympy()
    1/2
    >>> density(3, 0).to_sympy()
    3/8
    """
    k = check_int("k", k, min_value=1, max_value=MAX_K)
    y = _as_point(y)
    if y.sign() < 0:
        y = QuadraticSurd(-y.a, -y.b, y.m)
    x = _ih_argument(k, y)
    if (x - QuadraticSurd(k, 0, x.m)).sign() > 0:
        return QuadraticSurd(0, 0, y.m)
    s = _alternating_sum(k, k - 1, x)
    return s * Fraction(1, 2 * math.factorial(k - 1))


def cdf(k: int, y) -> QuadraticSurd:
    r"""Exact :math:`\Pr(X_1+\dots+X_k \le y)`, :math:`X_i` i.i.d. ``Unif[-1, 1]``.

    Parameters
    ----------
    k : int
        ``1 <= k <= 5000``.
    y : exact rational or QuadraticSurd

    Returns
    -------
    QuadraticSurd
        The probability, exactly.

    Raises
    ------
    InvalidType, InvalidArgument
        As for :func:`density`.

    Examples
    --------
    >>> cdf(2, 1).to_sympy()
    7/8
    """
    k = check_int("k", k, min_value=1, max_value=MAX_K)
    y = _as_point(y)
    x = _ih_argument(k, y)
    if x.sign() <= 0:
        return QuadraticSurd(0, 0, y.m)
    if (x - QuadraticSurd(k, 0, x.m)).sign() >= 0:
        return QuadraticSurd(1, 0, y.m)
    return _alternating_sum(k, k, x) * Fraction(1, math.factorial(k))


def scaled_density_at_sqrt_k(k: int) -> QuadraticSurd:
    r""":math:`\sqrt k\, f_k(\sqrt k)` exactly in :math:`\mathbb Q(\sqrt k)`.

    This is the sequence whose infimum is :math:`c_l^*` (theory §1.7).

    Examples
    --------
    >>> scaled_density_at_sqrt_k(2).to_sympy()
    -1/2 + sqrt(2)/2
    """
    k = check_int("k", k, min_value=1, max_value=MAX_K)
    return density(k, QuadraticSurd(0, 1, k)).times_sqrt_m()


def scaled_density_at_zero_squared(k: int) -> Fraction:
    r""":math:`k\, f_k(0)^2` exactly (the square of :math:`\sqrt k f_k(0)`, whose supremum is :math:`c_u^{*2}`).

    Examples
    --------
    >>> scaled_density_at_zero_squared(2)
    Fraction(1, 2)
    """
    k = check_int("k", k, min_value=1, max_value=MAX_K)
    f0 = density(k, 0).a
    return k * f0 * f0


def p_l(n: int) -> QuadraticSurd:
    r""":math:`P_L(n) = \Pr(\sqrt n \le X_1+\dots+X_n \le 2\sqrt n)` exactly in :math:`\mathbb Q(\sqrt n)`.

    The quantity RFSS Lemma 1 bounds below by Allasia's Berry–Esseen constant (theory §2).

    Examples
    --------
    >>> p_l(1).to_sympy()
    0
    """
    n = check_int("n", n, min_value=1, max_value=MAX_K)
    return cdf(n, QuadraticSurd(0, 2, n)) - cdf(n, QuadraticSurd(0, 1, n))
