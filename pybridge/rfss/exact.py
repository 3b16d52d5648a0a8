r"""Exact fixed-size coverage decision on integers (the kernel's recursion, no rounding).

Inputs are exact rationals scaled to integers by their least common denominator
(:func:`pybridge.coverage.scaled_integers`, the RSS engine's scaling), so every
comparison is exact.  The target ends come as enclosures ``A_out <= A_in``,
``B_in <= B_out`` (equal for rational ends): the answer is 1 when the outer interval is
covered, 0 when the inner one is not, and -1 when they differ (the caller refines the
enclosure).  The float mode runs the same recursion compiled
(:func:`pybridge.kernels.interval_union.fixed_kernel`).

Interval-union recursion indexed by subset size (issue 13 §1):
:math:`U_j^{(c)} = U_{j-1}^{(c)} \cup (U_{j-1}^{(c-1)} + x_j)`, :math:`U_0^{(0)} =
[-\varepsilon, \varepsilon]`, :math:`U_0^{(c)} = \emptyset` for :math:`c > 0`, so
:math:`U_n^{(k)}` is the :math:`\varepsilon`-neighbourhood of all sums of exactly ``k`` of
the samples.  Each list is kept as sorted disjoint closed intervals (touching intervals
merge).

Reachability windows: after ``j`` samples a c-interval :math:`[l, h]` must still receive
exactly :math:`r = k - c` of the remaining samples, which add between the sum of the
``r`` smallest and the sum of the ``r`` largest remaining values; it is dropped when
:math:`h + \max_r < a` or :math:`l + \min_r > b`, and a count with :math:`r > n - j` is
dropped entirely.  Early exits: *covered* when one k-interval contains :math:`[a, b]`
(k-sums only grow with more samples); *not covered* when
:math:`\sum_c |U_j^{(c)}| \binom{n-j}{k-c} < b - a` (every k-subset is a c-subset of the
first ``j`` plus a (k−c)-subset of the rest); at ``j = 0`` this is the counting bound
:math:`\binom nk 2\varepsilon < b - a` (claim ``rfss-counting-bound``).

Soundness (same argument as :mod:`pybridge.coverage` for RSS): every endpoint is
:math:`\pm\varepsilon` plus at most ``k`` sequential additions, so it stays within
:math:`\rho = 2(n+2)2^{-52}M` of its exact value; the kernel runs at the inner radius
:math:`\varepsilon - 2\rho`, widens every window and measure by the margin ``3ρ``, answers
"covered" only from the inner set and "not covered" only when a gap survives a ``3ρ``
expansion.  Both target ends are passed as enclosures (outer ``a_out <= a_in``, ``b_in <=
b_out``): "covered" is tested on the outer interval, "not covered" on the inner one.
"""

from __future__ import annotations

from math import comb

from pybridge.errors import ResourceLimitError
from pybridge.validation import check_int, check_sequence

__all__ = ["fixed_cover_int", "MAX_EXACT_INTERVALS"]

#: exact mode keeps Python integers: at most this many intervals over all counts
MAX_EXACT_INTERVALS = 3_000_000


def _suffix_extremes(X: list[int], k: int):
    n = len(X)
    mn = [[None] * (k + 1) for _ in range(n + 1)]
    mx = [[None] * (k + 1) for _ in range(n + 1)]
    gap = [0] * (n + 1)
    for j in range(n + 1):
        s = sorted(X[j:])
        gap[j] = max((t - u for u, t in zip(s, s[1:])), default=0)
        for r in range(min(k, n - j) + 1):
            mn[j][r] = sum(s[:r])
            mx[j][r] = sum(s[len(s) - r:]) if r else 0
    return mn, mx, gap


def fixed_cover_int(X: list[int], k: int, E: int, A_out: int, B_out: int, A_in: int, B_in: int) -> int:
    """Decide on integers; 1 covered (outer), 0 not covered (inner), -1 enclosure too coarse.

    ``E >= 0`` is the radius (``E = 0`` allowed: points), ``A_out <= A_in <= B_in <= B_out``.
    Pure Python integers (no compiled kernel): the recursion and its early exits are in the module
    docstring.
    """
    X, k, E, A_out, B_out, A_in, B_in = _fixed_cover_int_iv(X, k, E, A_out, B_out, A_in, B_in)
    n = len(X)
    if k > n:
        return 0
    width = B_in - A_in
    if width > 0 and comb(n, k) * 2 * E < width:
        return 0
    mn, mx, gap = _suffix_extremes(X, k)
    U = [[] for _ in range(k + 1)]  # lists of (l, h)
    U[0] = [(-E, E)]
    for j, x in enumerate(X):
        rem = n - j - 1
        for c in range(min(j + 1, k), -1, -1):
            r = k - c
            U[c] = [] if r > rem else _shifted_union(U[c], U[c - 1] if c > 0 else [], x,
                                                     A_out - mx[j + 1][r], B_out - mn[j + 1][r])
        if sum(len(u) for u in U) > MAX_EXACT_INTERVALS:
            raise ResourceLimitError(
                f"exact fixed-size decision needs more than {MAX_EXACT_INTERVALS:,} intervals after {j + 1} of "
                f"n={n} samples (eps too small for this n, k); use a larger eps or fewer samples")
        verdict = _early_verdict(U, k, rem, mn[j + 1], mx[j + 1], gap[j + 1], A_out, B_out, width)
        if verdict is not None:
            return verdict
    return _final_verdict(U[k], A_in, B_in)


def _fixed_cover_int_iv(X, k, E, A_out, B_out, A_in, B_in) -> tuple:
    """Validate :func:`fixed_cover_int`'s arguments; return them as Python ints (``X`` a list)."""
    X = [check_int(f"X[{i}]", x) for i, x in enumerate(check_sequence("X", X))]
    k = check_int("k", k, min_value=0)
    names = ("E", "A_out", "B_out", "A_in", "B_in")
    ends = (check_int(nm, v) for nm, v in zip(names, (E, A_out, B_out, A_in, B_in)))
    return (X, k, *ends)


def _shifted_union(old: list, low: list, x: int, lw: int, rw: int) -> list:
    """``old`` united with ``low + x`` (both sorted, disjoint), less the intervals outside ``[lw, rw]``."""
    out: list = []
    i1 = i2 = 0
    m1, m2 = len(old), len(low)
    while i1 < m1 or i2 < m2:
        if i2 >= m2 or (i1 < m1 and old[i1][0] <= low[i2][0] + x):
            l, h = old[i1]
            i1 += 1
        else:
            l, h = low[i2][0] + x, low[i2][1] + x
            i2 += 1
        if h < lw or l > rw:
            continue
        if out and l <= out[-1][1]:
            if h > out[-1][1]:
                out[-1] = (out[-1][0], h)
        else:
            out.append((l, h))
    return out


def _early_verdict(U: list, k: int, rem: int, mn: list, mx: list, gap: int, A_out: int, B_out: int,
                   width: int) -> int | None:
    """1 or 0 when the lists after a sample already decide (see the module docstring), else None.

    ``rem`` samples remain; ``mn[r]``/``mx[r]`` are the sums of their ``r`` smallest/largest and ``gap``
    their largest consecutive gap.
    """
    if any(l <= A_out and h >= B_out for l, h in U[k]):
        return 1
    for c in range(k):  # chain extension (see the module docstring)
        r = k - c
        if r <= rem and any(h - l >= gap and l + mn[r] <= A_out and h + mx[r] >= B_out for l, h in U[c]):
            return 1
    if not any(U):
        return 0
    if width > 0:
        total = sum(sum(h - l for l, h in U[c]) * comb(rem, k - c) for c in range(k + 1) if U[c])
        if total < width:
            return 0
    return None


def _final_verdict(Uk: list, A_in: int, B_in: int) -> int:
    """0 when the k-intervals leave a gap in the inner ``[A_in, B_in]`` (or are none), else -1."""
    covered_to = A_in
    for l, h in Uk:
        if h < covered_to:
            continue
        if l > covered_to:
            return 0
        covered_to = h
        if covered_to >= B_in:
            break
    if covered_to < B_in or not Uk:
        return 0
    return -1
