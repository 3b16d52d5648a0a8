r"""Compiled float kernel of the fixed-size coverage decision (numba).

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

import numpy as np
from numba import njit

__all__ = ["fixed_kernel", "MAX_INTERVALS"]

#: at most this many intervals over all counts (float kernel)
MAX_INTERVALS = 8_000_000


@njit(cache=True, nogil=True)
def _suffix_extremes(xs, k):  # pragma: no cover - compiled
    """min_add[j, r] / max_add[j, r] = sum of the r smallest / largest of xs[j:] (inf if r > n - j);
    gap[j] = largest gap between consecutive sorted values of xs[j:] (0 with fewer than 2)."""
    n = xs.shape[0]
    mn = np.full((n + 1, k + 1), np.inf)
    mx = np.full((n + 1, k + 1), -np.inf)
    gap = np.zeros(n + 1)
    for j in range(n + 1):
        s = np.sort(xs[j:])
        for t in range(1, n - j):
            gap[j] = max(gap[j], s[t] - s[t - 1])
        mn[j, 0] = 0.0
        mx[j, 0] = 0.0
        acc = 0.0
        for r in range(1, min(k, n - j) + 1):
            acc += s[r - 1]
            mn[j, r] = acc
        acc = 0.0
        for r in range(1, min(k, n - j) + 1):
            acc += s[n - j - r]
            mx[j, r] = acc
    return mn, mx, gap


@njit(cache=True, nogil=True)
def fixed_kernel(xs, k, eps_in, a_out, b_out, a_in, b_in, margin, cap_intervals):  # pragma: no cover - compiled
    """Returns status 1 (covered), 0 (not covered), -1 (undetermined in floats), -2 (interval cap)."""
    n = xs.shape[0]
    if k > n:
        return 0
    width = b_in - a_in
    # binomials C(m, r) as floats (only compared against a width, with margins dominating rounding)
    binom = np.zeros((n + 1, k + 1))
    for m in range(n + 1):
        binom[m, 0] = 1.0
        for r in range(1, min(m, k) + 1):
            binom[m, r] = binom[m - 1, r - 1] + (binom[m - 1, r] if r <= m - 1 else 0.0)
    if width > 0.0 and binom[n, k] * 2.0 * (eps_in + margin) < width:
        return 0
    mn, mx, gap = _suffix_extremes(xs, k)
    cap = 64
    lo = np.empty((k + 1, cap))
    hi = np.empty((k + 1, cap))
    cnt = np.zeros(k + 1, dtype=np.int64)
    lo[0, 0] = -eps_in
    hi[0, 0] = eps_in
    cnt[0] = 1
    tlo = np.empty(2 * cap)
    thi = np.empty(2 * cap)
    wa = a_out - 2.0 * margin
    wb = b_out + 2.0 * margin
    for j in range(n):
        x = xs[j]
        rem = n - j - 1
        top = min(j + 1, k)
        # grow storage if needed
        need = 0
        for c in range(top + 1):
            need = max(need, cnt[c] + (cnt[c - 1] if c > 0 else 0))
        total_now = 0
        for c in range(k + 1):
            total_now += cnt[c]
        if total_now * 2 > cap_intervals:
            return -2
        if need > lo.shape[1]:
            nc = max(need, 2 * lo.shape[1])
            nlo = np.empty((k + 1, nc))
            nhi = np.empty((k + 1, nc))
            for c in range(k + 1):
                for t in range(cnt[c]):
                    nlo[c, t] = lo[c, t]
                    nhi[c, t] = hi[c, t]
            lo = nlo
            hi = nhi
        if need > tlo.shape[0]:
            tlo = np.empty(max(need, 2 * tlo.shape[0]))
            thi = np.empty(tlo.shape[0])
        for c in range(top, -1, -1):
            r = k - c
            if r > rem:
                cnt[c] = 0
                continue
            lw = wa - mx[j + 1, r]  # keep [l, h] iff h >= lw and l <= rw
            rw = wb - mn[j + 1, r]
            m1 = cnt[c]
            m2 = cnt[c - 1] if c > 0 else 0
            i1 = 0
            i2 = 0
            out = 0
            have = False
            cl = 0.0
            cr = 0.0
            while i1 < m1 or i2 < m2:
                if i2 >= m2 or (i1 < m1 and lo[c, i1] <= lo[c - 1, i2] + x):
                    l = lo[c, i1]
                    h = hi[c, i1]
                    i1 += 1
                else:
                    l = lo[c - 1, i2] + x
                    h = hi[c - 1, i2] + x
                    i2 += 1
                if h < lw or l > rw:
                    continue
                if have and l <= cr:
                    if h > cr:
                        cr = h
                else:
                    if have:
                        tlo[out] = cl
                        thi[out] = cr
                        out += 1
                    cl = l
                    cr = h
                    have = True
            if have:
                tlo[out] = cl
                thi[out] = cr
                out += 1
            for t in range(out):
                lo[c, t] = tlo[t]
                hi[c, t] = thi[t]
            cnt[c] = out
        # early exits
        for t in range(cnt[k]):
            if lo[k, t] <= a_out and hi[k, t] >= b_out:
                return 1
        # chain extension: a c-block at least as long as every gap between consecutive remaining values
        # grows to [l + min_r, h + max_r] with exactly r = k - c more samples
        g = gap[j + 1] + margin
        for c in range(k):
            r = k - c
            if cnt[c] == 0 or r > rem:
                continue
            for t in range(cnt[c]):
                if hi[c, t] - lo[c, t] >= g and lo[c, t] + mn[j + 1, r] <= a_out - margin \
                        and hi[c, t] + mx[j + 1, r] >= b_out + margin:
                    return 1
        total = 0.0
        alive = False
        for c in range(k + 1):
            if cnt[c] == 0:
                continue
            alive = True
            meas = 0.0
            for t in range(cnt[c]):
                meas += hi[c, t] - lo[c, t] + 2.0 * margin
            total += meas * binom[rem, k - c]
        if not alive:
            return 0
        if width > 0.0 and total < width:
            return 0
    covered_to = a_in
    for t in range(cnt[k]):
        l = lo[k, t] - margin
        h = hi[k, t] + margin
        if h < covered_to:
            continue
        if l > covered_to:
            return 0
        covered_to = h
        if covered_to >= b_in:
            break
    if covered_to < b_in:
        return 0
    if cnt[k] == 0:
        return 0
    return -1


def _warm() -> None:  # pragma: no cover - exercised through the public API
    fixed_kernel(np.zeros(2), 1, 0.5, -0.1, 0.1, -0.1, 0.1, 0.0, 100)
