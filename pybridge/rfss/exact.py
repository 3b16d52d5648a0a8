r"""Exact fixed-size coverage decision on integers (the kernel's recursion, no rounding).

Inputs are exact rationals scaled to integers by their least common denominator
(:func:`pybridge.coverage.scaled_integers`, the RSS engine's scaling), so every
comparison is exact.  The target ends come as enclosures ``A_out <= A_in``,
``B_in <= B_out`` (equal for rational ends): the answer is 1 when the outer interval is
covered, 0 when the inner one is not, and -1 when they differ (the caller refines the
enclosure).  Recursion, windows and early exits: :mod:`pybridge.rfss.kernel`.
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
    """
    X = [check_int(f"X[{i}]", x) for i, x in enumerate(check_sequence("X", X))]
    k = check_int("k", k, min_value=0)
    E, A_out, B_out, A_in, B_in = (check_int(nm, v) for nm, v in
                                   zip(("E", "A_out", "B_out", "A_in", "B_in"), (E, A_out, B_out, A_in, B_in)))
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
            if r > rem:
                U[c] = []
                continue
            lw, rw = A_out - mx[j + 1][r], B_out - mn[j + 1][r]
            old, low = U[c], (U[c - 1] if c > 0 else [])
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
            U[c] = out
        if sum(len(u) for u in U) > MAX_EXACT_INTERVALS:
            raise ResourceLimitError(
                f"exact fixed-size decision needs more than {MAX_EXACT_INTERVALS:,} intervals after {j + 1} of "
                f"n={n} samples (eps too small for this n, k); use a larger eps or fewer samples")
        if any(l <= A_out and h >= B_out for l, h in U[k]):
            return 1
        for c in range(k):  # chain extension (see pybridge.rfss.kernel)
            r = k - c
            if r <= rem and any(h - l >= gap[j + 1] and l + mn[j + 1][r] <= A_out and h + mx[j + 1][r] >= B_out
                                for l, h in U[c]):
                return 1
        if not any(U):
            return 0
        if width > 0:
            total = sum(sum(h - l for l, h in U[c]) * comb(rem, k - c) for c in range(k + 1) if U[c])
            if total < width:
                return 0
    covered_to = A_in
    for l, h in U[k]:
        if h < covered_to:
            continue
        if l > covered_to:
            return 0
        covered_to = h
        if covered_to >= B_in:
            break
    if covered_to < B_in or not U[k]:
        return 0
    return -1
