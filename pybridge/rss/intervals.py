r"""The interval-union recursion of random subset sum: one pass for the coverage decision and the radius.

With :math:`U_0 = [-\tau, \tau]` and :math:`U_k = U_{k-1} \cup (U_{k-1} + x_k)`, :math:`U_n` is
the :math:`\tau`-neighbourhood of all subset sums (the empty sum counts), kept as sorted
disjoint closed intervals and merged in one linear pass per sample (touching intervals merge);
tools §D.1, theory §1.1.  Both users run the same pass and differ only in what they read off:

* the coverage decision (:mod:`pybridge.rss.coverage`, ``prune=True``) prunes to the target
  :math:`[a, b]` and stops early with *covered* / *not covered* (counting bound, measure bound);
* the covering radius (:mod:`pybridge.rss.radius`, ``prune=False``) prunes to the wider window
  :math:`[a - R_0, b + R_0]`, stops early only with *covered* (a censored radius), and otherwise
  returns the final interval list, from which it reads the largest distance to the union.

Reachability window, correct for signed samples: an interval :math:`[l, r]` of :math:`U_k` can
still move by some :math:`t \in [-N_{rem}, P_{rem}]` (sums of the negative / positive samples not
yet added), so it is dropped only when :math:`r + P_{rem} < w_a` or :math:`l - N_{rem} > w_b`.
*Covered* as soon as one interval contains :math:`[a, b]`, or one interval at least as long as
every remaining :math:`|x_i|` will grow to :math:`[l - N_{rem}, r + P_{rem}] \supseteq [a, b]`
(claim ``rss-subset-sum-monotone``).  The soundness margins of the float kernel (``margin``) are
derived in the modules that call it.

Two implementations of the one recursion: :func:`union_pass` (compiled float kernel, numba) and
:func:`union_pass_int` (exact, on Python integers).  Numba's on-disk cache of a compiled function
is keyed by the source file of that function only, so every compiled caller of :func:`union_pass`
lives in this file (:func:`decide_kernel`, :func:`radius_kernel`): editing it recompiles them all.
"""

from __future__ import annotations

import numpy as np
from numba import njit

#: (``union_pass_int`` is internal to pybridge.rss: its callers validate every input)
__all__ = ["COVERED", "NOT_COVERED", "UNDETERMINED", "CAP_EXCEEDED", "OPEN", "union_pass", "decide_kernel",
           "radius_kernel"]

#: statuses: [a, b] covered / not covered (both sound), undetermined in floats, interval cap exceeded
COVERED, NOT_COVERED, UNDETERMINED, CAP_EXCEEDED = 1, 0, -1, -2
#: status of a pass that ran through every sample without an early exit (its interval list is returned)
OPEN = 2


# --------------------------------------------------------------------------- float kernel


@njit(cache=True, nogil=True)
def union_pass(xs, tau, a, b, wa, wb, margin, cap_intervals, prune):  # pragma: no cover - compiled
    """Float interval union at radius ``tau`` over ``xs`` (in processing order), window ``[wa, wb]``.

    Returns ``(status, interval_ops, lo, hi, m)``: status :data:`COVERED`, :data:`NOT_COVERED`
    (only with ``prune``), :data:`CAP_EXCEEDED` (more than ``cap_intervals`` intervals would be
    needed) or :data:`OPEN`; ``lo[:m], hi[:m]`` is the last interval list (scratch buffers).
    ``margin`` widens every window and measure and narrows every "covered" test, so each early
    exit survives the float slack of the caller.
    """
    n = xs.shape[0]
    suf_pos = np.zeros(n + 1)
    suf_neg = np.zeros(n + 1)
    suf_max = np.zeros(n + 1)
    for i in range(n - 1, -1, -1):
        suf_pos[i] = suf_pos[i + 1] + max(xs[i], 0.0)
        suf_neg[i] = suf_neg[i + 1] + max(-xs[i], 0.0)
        suf_max[i] = max(suf_max[i + 1], abs(xs[i]))
    width = b - a
    ops = 0
    cap = 64
    lo = np.empty(cap)
    hi = np.empty(cap)
    nlo = np.empty(cap)
    nhi = np.empty(cap)
    # counting bound: 2^n intervals of length 2*(tau + margin) cannot cover [a, b]
    if prune and n < 1000 and 2.0 * (tau + margin) * 2.0**n < width:
        return NOT_COVERED, ops, lo, hi, 0
    lo[0] = -tau
    hi[0] = tau
    m = 1
    for k in range(n):
        x = xs[k]
        P = suf_pos[k + 1]
        N = suf_neg[k + 1]
        wl = wa - P - 2.0 * margin
        wr = wb + N + 2.0 * margin
        if 2 * m > cap_intervals:
            return CAP_EXCEEDED, ops, lo, hi, m
        if nlo.shape[0] < 2 * m:
            nc = min(max(2 * m, 2 * nlo.shape[0]), cap_intervals)
            nlo = np.empty(nc)
            nhi = np.empty(nc)
        i = 0
        j = 0
        while i < m and hi[i] < wl:
            i += 1
        while j < m and hi[j] + x < wl:
            j += 1
        out = 0
        cl = 0.0
        cr = -np.inf
        have = False
        li = lo[i] if i < m else np.inf
        lj = lo[j] + x if j < m else np.inf
        while i < m or j < m:
            if li <= lj:
                l = li
                r = hi[i]
                i += 1
                li = lo[i] if i < m else np.inf
            else:
                l = lj
                r = hi[j] + x
                j += 1
                lj = lo[j] + x if j < m else np.inf
            if l > wr:
                break
            if l <= cr:
                if r > cr:
                    cr = r
            else:
                if have:
                    nlo[out] = cl
                    nhi[out] = cr
                    out += 1
                cl = l
                cr = r
                have = True
        if have:
            nlo[out] = cl
            nhi[out] = cr
            out += 1
        ops += i + j
        lo, nlo = nlo, lo
        hi, nhi = nhi, hi
        m = out
        if prune and m == 0:
            return NOT_COVERED, ops, lo, hi, m
        total = 0.0
        biggest = suf_max[k + 1]
        for t in range(m):
            length = hi[t] - lo[t]
            if lo[t] <= a and hi[t] >= b:
                return COVERED, ops, lo, hi, m
            # block extension: a block at least as long as every remaining |x| stays one
            # block and grows to [lo - N, hi + P] (claim rss-subset-sum-monotone)
            if length >= biggest + margin and lo[t] - N <= a - margin and hi[t] + P >= b + margin:
                return COVERED, ops, lo, hi, m
            total += length + 2.0 * margin
        rem = n - k - 1
        # measure bound: each later sample at most doubles the measure of U_k within the window
        if prune and rem < 1000 and total * 2.0**rem < width:
            return NOT_COVERED, ops, lo, hi, m
    return OPEN, ops, lo, hi, m


@njit(cache=True, nogil=True)
def decide_kernel(xs, eps_in, a, b, margin, cap_intervals):  # pragma: no cover - compiled
    """Float coverage decision at radius ``eps_in``; returns ``(status, interval_ops)``, status 1/0/-1/-2 =
    covered / not covered / undetermined / interval cap exceeded.

    ``margin`` bounds how far the exact radius-eps set can reach beyond the float set
    (``eps - eps_in`` plus rounding), so every "not covered" survives that slack
    (:func:`pybridge.rss.coverage.covers_float_kernel`).
    """
    status, ops, lo, hi, m = union_pass(xs, eps_in, a, b, a, b, margin, cap_intervals, True)
    if status != OPEN:
        return status, ops
    covered_to = a
    for t in range(m):
        l = lo[t] - margin
        r = hi[t] + margin
        if r < covered_to:
            continue
        if l > covered_to:
            return NOT_COVERED, ops
        covered_to = r
        if covered_to >= b:
            break
    if covered_to < b:
        return NOT_COVERED, ops
    return UNDETERMINED, ops


@njit(cache=True, nogil=True)
def radius_kernel(xs, tau, a, b, wa, wb, margin, cap_intervals):  # pragma: no cover - compiled
    """Float interval union at radius ``tau`` pruned to the window [wa, wb] (no 'not covered' exits).

    Returns (status, lo, hi): status 1 = [a, b] covered (censored), 0 = list returned, -2 = cap
    (:func:`pybridge.rss.radius.covering_radius`).
    """
    status, _, lo, hi, m = union_pass(xs, tau, a, b, wa, wb, margin, cap_intervals, False)
    if status == OPEN:
        return 0, lo[:m].copy(), hi[:m].copy()
    empty = np.empty(0)
    return status, empty, empty


# --------------------------------------------------------------------------- exact mode


def union_pass_int(X: list[int], E: int, A: int, B: int, WA: int, WB: int, *, prune: bool, cap: int):
    """Exact interval union at radius ``E`` over the integers ``X`` (processing order), window ``[WA, WB]``.

    Returns ``(status, lo, hi, k)``: status :data:`COVERED`, :data:`NOT_COVERED` (only with
    ``prune``), :data:`CAP_EXCEEDED` (more than ``cap`` intervals after ``k + 1`` samples; the
    caller raises) or :data:`OPEN`; ``lo, hi`` is the last interval list.  Exact.
    """
    n = len(X)
    width = B - A
    if prune and 2 * E * (1 << n) < width:
        return NOT_COVERED, [], [], -1
    suf_pos = [0] * (n + 1)
    suf_neg = [0] * (n + 1)
    suf_max = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suf_pos[i] = suf_pos[i + 1] + max(X[i], 0)
        suf_neg[i] = suf_neg[i + 1] + max(-X[i], 0)
        suf_max[i] = max(suf_max[i + 1], abs(X[i]))
    lo, hi = [-E], [E]
    for k, x in enumerate(X):
        P, N = suf_pos[k + 1], suf_neg[k + 1]
        wl, wr = WA - P, WB + N
        nlo: list[int] = []
        nhi: list[int] = []
        m = len(lo)
        i = j = 0
        while i < m or j < m:
            if j >= m or (i < m and lo[i] <= lo[j] + x):
                l, r = lo[i], hi[i]
                i += 1
            else:
                l, r = lo[j] + x, hi[j] + x
                j += 1
            if r < wl or l > wr:
                continue
            if nlo and l <= nhi[-1]:
                if r > nhi[-1]:
                    nhi[-1] = r
            else:
                nlo.append(l)
                nhi.append(r)
        lo, hi = nlo, nhi
        if prune and not lo:
            return NOT_COVERED, lo, hi, k
        if len(lo) > cap:
            return CAP_EXCEEDED, lo, hi, k
        biggest = suf_max[k + 1]
        for l, r in zip(lo, hi):
            if l <= A and r >= B:
                return COVERED, lo, hi, k
            if r - l >= biggest and l - N <= A and r + P >= B:
                return COVERED, lo, hi, k  # block extension (see the float kernel)
        # measure bound (exact integers: the total length is sum(hi) - sum(lo))
        if prune and (sum(hi) - sum(lo)) * (1 << (n - k - 1)) < width:
            return NOT_COVERED, lo, hi, k
    return OPEN, lo, hi, n - 1
