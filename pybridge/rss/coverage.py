r"""Exact decision of the random-subset-sum coverage event.

Given reals :math:`x_1..x_n`, :math:`\varepsilon > 0` and a target interval
:math:`[a, b]`, decide whether **every** :math:`z \in [a, b]` is within
:math:`\varepsilon` of some subset sum :math:`\Sigma_S` (the empty sum counts).
This is the event behind :math:`P(n, \varepsilon)` of random subset sum
(Lueker 1998; Pensia et al. 2020; da Cunha et al. 2022; theory §1.1).

Algorithm (interval-union recursion, tools §D.1; the pass itself is
:mod:`pybridge.rss.intervals`, shared with the covering radius).  With
:math:`U_0 = [-\varepsilon, \varepsilon]` and
:math:`U_k = U_{k-1} \cup (U_{k-1} + x_k)`, :math:`U_n` is the
:math:`\varepsilon`-neighbourhood of all subset sums, kept as sorted disjoint
closed intervals and merged in one linear pass per sample (touching intervals
merge: a gap of exactly :math:`2\varepsilon` between sums is covered).
Reachability window, correct for signed samples: an interval :math:`[l, r]` of
:math:`U_k` can still move by any subset sum of the samples not yet added,
i.e. by some :math:`t \in [-N_{rem}, P_{rem}]`, so it is dropped only when
:math:`r + P_{rem} < a` or :math:`l - N_{rem} > b`.  Early exits: *covered*
as soon as one interval contains :math:`[a, b]` (subset sums only grow), or
one interval at least as long as every remaining :math:`|x_i|` will grow to
:math:`[l - N_{rem}, r + P_{rem}] \supseteq [a, b]` (adding :math:`x` to a
block of length :math:`\ge |x|` keeps it one block);
*not covered* as soon as :math:`2^{rem} \cdot |U_k \cap W| < b - a`
(each later sample at most doubles the measure).  With
:math:`2^n \cdot 2\varepsilon < b - a` the answer is *not covered* before any
sample is read (the counting bound, claim ``rss-counting-bound``).

Modes
-----
``exact=True``
    Every input is converted to its exact rational value (a float is the dyadic
    rational it stores) and scaled to integers; the recursion runs on Python
    integers.  The answer is provably right.
``exact=False`` (default)
    A compiled float kernel (numba).  Every float endpoint stays within
    :math:`\rho = 2(n+2)\,2^{-52} M` of the exact endpoint it stands for
    (``M`` bounds all magnitudes; merges and comparisons are exact on floats).
    The kernel runs at the inner radius :math:`\varepsilon - 2\rho`, so its set
    :math:`F` satisfies :math:`U(\varepsilon - 3\rho) \subseteq F \subseteq
    U(\varepsilon)` on the target: "covered" is then sound, and "not covered"
    is returned only when an uncovered gap survives expanding :math:`F` by
    :math:`3\rho`.  In between (a near-tie: the critical radius lies within
    :math:`3\rho` of :math:`\varepsilon`) it falls back to exact mode.  So both
    modes always agree (property-tested, ties at exactly :math:`2\varepsilon`
    included).

Certificates: :func:`decide_cover` with ``certificate=True`` also returns
witness subsets (claim ``rss-gap-certificate``), see
:mod:`pybridge.rss.certificate`.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from pybridge.validation import (check_exact, check_exact_instance, check_int, check_interval, check_real,
                                 check_samples, check_sequence)
from pybridge.errors import ResourceLimitError
from pybridge.kernels.interval_union import CAP_EXCEEDED, COVERED, MAX_INTERVALS, OPEN, decide_kernel
from pybridge.rss.intervals import union_pass_int

__all__ = ["covers_exact", "covers_float_kernel", "scaled_integers", "processing_order", "MAX_INTERVALS"]

_U52 = 2.0**-52


# --------------------------------------------------------------------------- float kernel


def covers_float_kernel(xs: np.ndarray, eps: float, a: float, b: float,
                        *, cap_intervals: int = MAX_INTERVALS) -> tuple[int, int]:
    """Run the compiled kernel on validated float samples (already in processing order).

    The kernel runs at the inner radius ``eps - 2*rho`` where ``rho`` bounds the
    rounding of any endpoint; a "covered" answer is then sound for ``eps``, and a
    "not covered" answer is returned only when an uncovered gap survives an
    expansion by ``3*rho``.  Returns ``(status, interval_ops)`` with status 1
    (covered), 0 (not covered), -1 (a near-tie, or magnitudes too close to the
    float range: undetermined in floats) or -2 (more than ``cap_intervals``
    intervals would be needed).
    """
    if not (isinstance(xs, np.ndarray) and xs.dtype == np.float64 and xs.ndim == 1):
        xs = check_samples("xs", xs)
    elif not np.isfinite(xs).all():
        xs = check_samples("xs", xs)  # raises, naming the first non-finite sample
    xs = np.ascontiguousarray(xs)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    cap_intervals = check_int("cap_intervals", cap_intervals, min_value=1, max_value=MAX_INTERVALS)
    return kernel_unchecked(xs, eps, a, b, cap_intervals)


def kernel_unchecked(xs: np.ndarray, eps: float, a: float, b: float, cap_intervals: int = MAX_INTERVALS):
    """:func:`covers_float_kernel` without its argument checks (the Monte Carlo hot loop, inputs validated once)."""
    with np.errstate(over="ignore", invalid="ignore"):
        mag = float(np.abs(xs).sum()) + eps + abs(a) + abs(b)
        rho = 2.0 * (xs.shape[0] + 2) * _U52 * max(mag, 1e-300)
        reach = 4.0 * (mag + 4.0 * rho)
    if not (np.isfinite(mag) and np.isfinite(reach)):
        return -1, 0
    eps_in = eps - 2.0 * rho
    if eps_in <= 0.0:
        return -1, 0
    return decide_kernel(xs, eps_in, a, b, 3.0 * rho, int(cap_intervals))


def processing_order(xs: np.ndarray) -> np.ndarray:
    """Indices by increasing |x| (stable); the answer does not depend on the order.

    Small samples first keep the window-pruned interval lists shortest (measured:
    about half the interval operations of decreasing order at n=42, eps=1e-6).
    """
    if not (isinstance(xs, np.ndarray) and xs.dtype == np.float64 and xs.ndim == 1):
        xs = check_samples("xs", xs)
    return np.argsort(np.abs(xs), kind="stable")


# --------------------------------------------------------------------------- exact mode


def scaled_integers(values: list[Fraction]) -> tuple[list[int], int]:
    """Integers ``v * den`` for the least common denominator ``den`` of exact ``values`` (exact)."""
    values = [check_exact(f"values[{i}]", v) for i, v in enumerate(check_sequence("values", values))]
    den = 1
    for v in values:
        den = den * v.denominator // math.gcd(den, v.denominator)
    return [int(v * den) for v in values], den


def _order(xs_int: list[int]) -> list[int]:
    """Processing order: increasing |x| (ties by index). The answer does not depend on it."""
    return sorted(range(len(xs_int)), key=lambda i: (abs(xs_int[i]), i))


def covers_exact(xs, eps, a=-1, b=1) -> bool:
    """Exact coverage decision on exact rationals (see module docstring).

    Parameters
    ----------
    xs : sequence of int, float, Fraction or sympy.Rational
        Samples; floats are taken as the dyadic rationals they store.
    eps, a, b : exact numbers
        Radius (> 0) and target interval (a < b).

    Returns
    -------
    bool
        True iff every z in [a, b] is within eps of a subset sum.  Exact.
    """
    return _decide_exact(*check_exact_instance(xs, eps, a, b))


def _decide_exact(q: list[Fraction], e: Fraction, qa: Fraction, qb: Fraction) -> bool:
    ints, _ = scaled_integers(q + [e, qa, qb])
    X, E, A, B = ints[: len(q)], ints[-3], ints[-2], ints[-1]
    return _covers_int([X[i] for i in _order(X)], E, A, B)


#: exact mode keeps Python integers: at most this many intervals in one list
MAX_EXACT_INTERVALS = 3_000_000


def _covers_int(X: list[int], E: int, A: int, B: int) -> bool:
    status, lo, hi, k = union_pass_int(X, E, A, B, A, B, prune=True, cap=MAX_EXACT_INTERVALS)
    if status == CAP_EXCEEDED:
        raise ResourceLimitError(
            f"exact coverage decision needs more than {MAX_EXACT_INTERVALS:,} intervals after {k + 1} of "
            f"n={len(X)} samples (eps too small for this n); use a larger eps or fewer samples")
    if status != OPEN:
        return status == COVERED
    return any(l <= A and r >= B for l, r in zip(lo, hi))
