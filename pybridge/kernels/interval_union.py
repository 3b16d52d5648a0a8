r"""The compiled interval-union kernels (numba): one merge step and every compiled function that calls it.

Subset sums within :math:`\varepsilon` are kept as sorted disjoint closed intervals (touching intervals
merge), and adding a sample :math:`x` is one linear merge :math:`U \cup (U + x)` pruned to a window
(:func:`merge_step`).  Three engines run that step:

* random subset sum (:mod:`pybridge.rss.intervals` states the recursion, its windows and exits):
  :func:`union_pass`, its two readers :func:`decide_kernel` (coverage decision, soundness in
  :mod:`pybridge.rss.coverage`) and :func:`radius_kernel` (covering radius, :mod:`pybridge.rss.radius`),
  and :func:`prefix_covers_status` (the decision of a prefix, for the rare-event engine);
* random fixed-size subset sum (:mod:`pybridge.rfss.decide`): :func:`fixed_kernel`, the recursion indexed
  by subset size, :math:`U_j^{(c)} = U_{j-1}^{(c)} \cup (U_{j-1}^{(c-1)} + x_j)` (so the step merges two
  different lists);
* rare events (:mod:`pybridge.rare`): :func:`gibbs_updates` (the default Gibbs move) and the leave-one-out
  pieces :func:`loo_full_union`, :func:`loo_tries`, :func:`loo_level_status` (:mod:`pybridge.rare.loo`
  states the kernel and its soundness).

**Why one file.**  Numba's on-disk cache (``cache=True``) stores a compiled function with the functions it
calls folded in, and keys it by the source file of that function only: a change to a callee defined in
another file is not seen, and the stale machine code keeps running (numba's documentation, "Cache
invalidation fails to recognize changes in functions defined in a different file").  So every compiled
function that calls :func:`merge_step`, directly or through another compiled function, lives in this file,
and editing any of them recompiles them all.  The Python drivers (validation, rounding margins, exact
fallbacks) stay in their domains and only call these kernels.

Statuses: :data:`COVERED` 1, :data:`NOT_COVERED` 0 (both sound), :data:`UNDETERMINED` -1 (a near-tie in
floats: decide exactly), :data:`CAP_EXCEEDED` -2 (more intervals than the cap), :data:`OPEN` 2 (a pass
that ran through every sample without an early exit).  ``margin`` widens every window and measure and
narrows every "covered" test, so each early exit survives the float slack that the caller derives.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["COVERED", "NOT_COVERED", "UNDETERMINED", "CAP_EXCEEDED", "OPEN", "MAX_INTERVALS", "merge_step",
           "union_pass", "decide_kernel", "radius_kernel", "prefix_covers_status", "fixed_kernel", "gibbs_updates",
           "loo_full_union", "loo_tries", "loo_level_status", "float_status"]

COVERED, NOT_COVERED, UNDETERMINED, CAP_EXCEEDED = 1, 0, -1, -2
OPEN = 2
#: at most this many intervals in one list (4 float arrays of 8 bytes each -> 256 MiB)
MAX_INTERVALS = 8_000_000

_U52 = 2.0**-52
#: initial room of an interval list (grown by doubling)
_START = 64


# --------------------------------------------------------------------------- the one merge step


@njit(cache=True, nogil=True)
def merge_step(alo, ahi, am, blo, bhi, bm, x, wl, wr, out_lo, out_hi):  # pragma: no cover - compiled
    """out = (A ∪ (B + x)) restricted to the intervals meeting [wl, wr], merged; ``A = B`` for plain subset sums.

    A = ``alo[:am], ahi[:am]`` and B = ``blo[:bm], bhi[:bm]`` are sorted disjoint lists; ``out`` needs room for
    ``am + bm``.  Returns ``(out_length, consumed)``, consumed = intervals of A and B read (the work count).
    Intervals ending left of ``wl`` form a prefix of each list (skipped at once); the merged order is by
    left end (ties: A first), so the pass stops at the first left end beyond ``wr``.
    """
    i = 0
    j = 0
    while i < am and ahi[i] < wl:
        i += 1
    while j < bm and bhi[j] + x < wl:
        j += 1
    out = 0
    cl = 0.0
    cr = -np.inf
    have = False
    li = alo[i] if i < am else np.inf
    lj = blo[j] + x if j < bm else np.inf
    while i < am or j < bm:
        if li <= lj:
            l = li
            r = ahi[i]
            i += 1
            li = alo[i] if i < am else np.inf
        else:
            l = lj
            r = bhi[j] + x
            j += 1
            lj = blo[j] + x if j < bm else np.inf
        if l > wr:
            break
        if l <= cr:
            if r > cr:
                cr = r
        else:
            if have:
                out_lo[out] = cl
                out_hi[out] = cr
                out += 1
            cl = l
            cr = r
            have = True
    if have:
        out_lo[out] = cl
        out_hi[out] = cr
        out += 1
    return out, i + j


@njit(cache=True, nogil=True)
def _gap_free(lo, hi, m, a, b, margin):  # pragma: no cover - compiled
    """True iff [a, b] lies in the union of the intervals widened by ``margin`` (no gap survives it)."""
    covered_to = a
    for t in range(m):
        l = lo[t] - margin
        r = hi[t] + margin
        if r < covered_to:
            continue
        if l > covered_to:
            return False
        covered_to = r
        if covered_to >= b:
            break
    return covered_to >= b


@njit(cache=True, nogil=True)
def _room(nlo, nhi, need, cap):  # pragma: no cover - compiled
    """Scratch lists with room for ``need`` intervals (doubling, at most ``cap``)."""
    if nlo.shape[0] < need:
        nc = min(max(need, 2 * nlo.shape[0]), cap)
        return np.empty(nc), np.empty(nc)
    return nlo, nhi


@njit(cache=True, nogil=True)
def _suffix_sums(xs):  # pragma: no cover - compiled
    """Sums of the positive parts, of the negative parts, and the largest |x|, over ``xs[i:]`` for every i."""
    n = xs.shape[0]
    suf_pos = np.zeros(n + 1)
    suf_neg = np.zeros(n + 1)
    suf_max = np.zeros(n + 1)
    for i in range(n - 1, -1, -1):
        suf_pos[i] = suf_pos[i + 1] + max(xs[i], 0.0)
        suf_neg[i] = suf_neg[i + 1] + max(-xs[i], 0.0)
        suf_max[i] = max(suf_max[i + 1], abs(xs[i]))
    return suf_pos, suf_neg, suf_max


# --------------------------------------------------------------------------- random subset sum


@njit(cache=True, nogil=True)
def _pass_exits(lo, hi, m, a, b, P, N, biggest, margin, rem, width, prune):  # pragma: no cover - compiled
    """Early exits after a sample: COVERED (containment or block extension), NOT_COVERED (measure), else OPEN."""
    total = 0.0
    for t in range(m):
        length = hi[t] - lo[t]
        if lo[t] <= a and hi[t] >= b:
            return COVERED
        # block extension: a block at least as long as every remaining |x| stays one
        # block and grows to [lo - N, hi + P] (claim rss-subset-sum-monotone)
        if length >= biggest + margin and lo[t] - N <= a - margin and hi[t] + P >= b + margin:
            return COVERED
        total += length + 2.0 * margin
    # measure bound: each later sample at most doubles the measure of U_k within the window
    if prune and rem < 1000 and total * 2.0**rem < width:
        return NOT_COVERED
    return OPEN


@njit(cache=True, nogil=True)
def union_pass(xs, tau, a, b, wa, wb, margin, cap_intervals, prune):  # pragma: no cover - compiled
    """Float interval union at radius ``tau`` over ``xs`` (in processing order), window ``[wa, wb]``.

    Returns ``(status, interval_ops, lo, hi, m)``: status :data:`COVERED`, :data:`NOT_COVERED`
    (only with ``prune``), :data:`CAP_EXCEEDED` (more than ``cap_intervals`` intervals would be
    needed) or :data:`OPEN`; ``lo[:m], hi[:m]`` is the last interval list (scratch buffers).
    """
    n = xs.shape[0]
    suf_pos, suf_neg, suf_max = _suffix_sums(xs)
    width = b - a
    ops = 0
    lo = np.empty(_START)
    hi = np.empty(_START)
    nlo = np.empty(_START)
    nhi = np.empty(_START)
    # counting bound: 2^n intervals of length 2*(tau + margin) cannot cover [a, b]
    if prune and n < 1000 and 2.0 * (tau + margin) * 2.0**n < width:
        return NOT_COVERED, ops, lo, hi, 0
    lo[0] = -tau
    hi[0] = tau
    m = 1
    for k in range(n):
        P = suf_pos[k + 1]
        N = suf_neg[k + 1]
        if 2 * m > cap_intervals:
            return CAP_EXCEEDED, ops, lo, hi, m
        nlo, nhi = _room(nlo, nhi, 2 * m, cap_intervals)
        out, used = merge_step(lo, hi, m, lo, hi, m, xs[k], wa - P - 2.0 * margin, wb + N + 2.0 * margin, nlo, nhi)
        ops += used
        lo, nlo = nlo, lo
        hi, nhi = nhi, hi
        m = out
        if prune and m == 0:
            return NOT_COVERED, ops, lo, hi, m
        status = _pass_exits(lo, hi, m, a, b, P, N, suf_max[k + 1], margin, n - k - 1, width, prune)
        if status != OPEN:
            return status, ops, lo, hi, m
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
    if not _gap_free(lo, hi, m, a, b, margin):
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


@njit(cache=True, nogil=True)
def prefix_covers_status(x, m, eps, a, b):  # pragma: no cover - compiled
    """Compiled :func:`pybridge.rss.coverage.covers_float_kernel` on the prefix ``x[:m]`` (sorted by |x| here).

    The same margins and statuses: 1 covered, 0 not covered (both sound), -1 near-tie or
    float range (decide exactly), -2 interval cap.  Used by the rare-event engine, where the
    Python overhead of the general entry point would dominate (measured 20 us vs 3 us per call).
    """
    pre = x[:m]
    xs = pre[np.argsort(np.abs(pre), kind="mergesort")]
    mag = np.abs(xs).sum() + eps + abs(a) + abs(b)
    rho = 2.0 * (m + 2) * _U52 * max(mag, 1e-300)
    reach = 4.0 * (mag + 4.0 * rho)
    if not (np.isfinite(mag) and np.isfinite(reach)):
        return -1
    eps_in = eps - 2.0 * rho
    if eps_in <= 0.0:
        return -1
    status, _ = decide_kernel(xs, eps_in, a, b, 3.0 * rho, MAX_INTERVALS)
    return status


# --------------------------------------------------------------------------- random fixed-size subset sum


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
def _binomials(n, k):  # pragma: no cover - compiled
    """C(m, r) for m <= n, r <= k as floats (only compared against a width, with margins dominating rounding)."""
    binom = np.zeros((n + 1, k + 1))
    for m in range(n + 1):
        binom[m, 0] = 1.0
        for r in range(1, min(m, k) + 1):
            binom[m, r] = binom[m - 1, r - 1] + (binom[m - 1, r] if r <= m - 1 else 0.0)
    return binom


@njit(cache=True, nogil=True)
def _fixed_room(lo, hi, cnt, need):  # pragma: no cover - compiled
    """The per-count lists with room for ``need`` intervals each (doubling; the live intervals copied)."""
    if need <= lo.shape[1]:
        return lo, hi
    nc = max(need, 2 * lo.shape[1])
    nlo = np.empty((lo.shape[0], nc))
    nhi = np.empty((lo.shape[0], nc))
    for c in range(lo.shape[0]):
        for t in range(cnt[c]):
            nlo[c, t] = lo[c, t]
            nhi[c, t] = hi[c, t]
    return nlo, nhi


@njit(cache=True, nogil=True)
def _fixed_step(lo, hi, cnt, x, k, top, rem, wa, wb, mn_next, mx_next, tlo, thi):  # pragma: no cover - compiled
    """Add the sample ``x`` to every count c <= ``top`` (downwards, in place): U^(c) ∪ (U^(c-1) + x), kept
    where exactly r = k - c of the ``rem`` remaining samples can still reach the window [wa, wb]."""
    for c in range(top, -1, -1):
        r = k - c
        if r > rem:
            cnt[c] = 0
            continue
        m2 = cnt[c - 1] if c > 0 else 0
        out, _ = merge_step(lo[c], hi[c], cnt[c], lo[c - 1], hi[c - 1], m2, x, wa - mx_next[r], wb - mn_next[r],
                            tlo, thi)
        for t in range(out):
            lo[c, t] = tlo[t]
            hi[c, t] = thi[t]
        cnt[c] = out


@njit(cache=True, nogil=True)
def _fixed_exits(lo, hi, cnt, k, rem, gap_next, mn_next, mx_next, binom, a_out, b_out, margin,
                 width):  # pragma: no cover - compiled
    """Early exits after a sample: 1 covered, 0 not covered (nothing alive, or the measure bound), 2 go on."""
    for t in range(cnt[k]):
        if lo[k, t] <= a_out and hi[k, t] >= b_out:
            return 1
    # chain extension: a c-block at least as long as every gap between consecutive remaining values
    # grows to [l + min_r, h + max_r] with exactly r = k - c more samples
    g = gap_next + margin
    for c in range(k):
        r = k - c
        if cnt[c] == 0 or r > rem:
            continue
        for t in range(cnt[c]):
            if hi[c, t] - lo[c, t] >= g and lo[c, t] + mn_next[r] <= a_out - margin \
                    and hi[c, t] + mx_next[r] >= b_out + margin:
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
    return 2


@njit(cache=True, nogil=True)
def fixed_kernel(xs, k, eps_in, a_out, b_out, a_in, b_in, margin, cap_intervals):  # pragma: no cover - compiled
    """Fixed-size coverage decision of sorted ``xs``: status 1 (covered), 0 (not covered), -1 (undetermined in
    floats), -2 (interval cap).  Target enclosures: covered is tested on [a_out, b_out], not covered on
    [a_in, b_in] (:mod:`pybridge.rfss.decide` states the windows, the exits and the margins)."""
    n = xs.shape[0]
    if k > n:
        return 0
    width = b_in - a_in
    binom = _binomials(n, k)
    if width > 0.0 and binom[n, k] * 2.0 * (eps_in + margin) < width:
        return 0
    mn, mx, gap = _suffix_extremes(xs, k)
    lo = np.empty((k + 1, _START))
    hi = np.empty((k + 1, _START))
    cnt = np.zeros(k + 1, dtype=np.int64)
    lo[0, 0] = -eps_in
    hi[0, 0] = eps_in
    cnt[0] = 1
    tlo = np.empty(2 * _START)
    thi = np.empty(2 * _START)
    for j in range(n):
        top = min(j + 1, k)
        need = 0
        for c in range(top + 1):
            need = max(need, cnt[c] + (cnt[c - 1] if c > 0 else 0))
        if cnt.sum() * 2 > cap_intervals:
            return -2
        lo, hi = _fixed_room(lo, hi, cnt, need)
        if need > tlo.shape[0]:
            tlo = np.empty(max(need, 2 * tlo.shape[0]))
            thi = np.empty(tlo.shape[0])
        _fixed_step(lo, hi, cnt, xs[j], k, top, n - j - 1, a_out - 2.0 * margin, b_out + 2.0 * margin,
                    mn[j + 1], mx[j + 1], tlo, thi)
        status = _fixed_exits(lo, hi, cnt, k, n - j - 1, gap[j + 1], mn[j + 1], mx[j + 1], binom, a_out, b_out,
                              margin, width)
        if status != 2:
            return status
    if not _gap_free(lo[k], hi[k], cnt[k], a_in, b_in, margin) or cnt[k] == 0:
        return 0
    return -1


# --------------------------------------------------------------------------- rare events


@njit(cache=True, nogil=True)
def gibbs_updates(x, m, idx, props, start, eps, a, b):  # pragma: no cover - compiled
    """Gibbs updates ``start..`` in place (accepted iff the prefix x[:m] still fails); stops before a near-tie
    (status < 0), returning ``(its index, accepted)``."""
    acc = 0
    for k in range(start, idx.shape[0]):
        i = idx[k]
        old = x[i]
        x[i] = props[k]
        st = prefix_covers_status(x, m, eps, a, b)
        if st < 0:
            x[i] = old
            return k, acc
        if st == 0:
            acc += 1
        else:
            x[i] = old
    return idx.shape[0], acc


@njit(cache=True, nogil=True)
def loo_full_union(xs, r, a, b, ext_pos, ext_neg, margin, cap):  # pragma: no cover - compiled
    """Sorted disjoint union of [s - r, s + r] over the subset sums s of ``xs`` (in the given order),
    pruned to intervals that can still reach [a, b] after adding a further mass of at most ``ext_pos``
    (positive) and ``ext_neg`` (negative) beyond the samples of ``xs`` not yet added.

    Returns (status, lo, hi): status 0 = list, -2 = interval cap exceeded.
    """
    n = xs.shape[0]
    suf_pos, suf_neg, _ = _suffix_sums(xs)
    lo = np.empty(_START)
    hi = np.empty(_START)
    nlo = np.empty(_START)
    nhi = np.empty(_START)
    lo[0] = -r
    hi[0] = r
    m = 1
    empty = np.empty(0)
    for k in range(n):
        if 2 * m > cap:
            return -2, empty, empty
        nlo, nhi = _room(nlo, nhi, 2 * m, cap)
        wl = a - suf_pos[k + 1] - ext_pos - 2.0 * margin
        wr = b + suf_neg[k + 1] + ext_neg + 2.0 * margin
        m, _ = merge_step(lo, hi, m, lo, hi, m, xs[k], wl, wr, nlo, nhi)
        lo, nlo = nlo, lo
        hi, nhi = nhi, hi
    return 0, lo[:m].copy(), hi[:m].copy()


@njit(cache=True, nogil=True)
def float_status(lo, hi, m, a, b, margin):  # pragma: no cover - compiled
    """1 = one float interval contains [a, b] (covered, sound); 0 = a gap of [a, b] survives the expansion of
    every interval by ``margin`` (not covered, sound); -1 = near-tie (decide exactly)."""
    for t in range(m):
        if lo[t] <= a and hi[t] >= b:
            return 1
    if _gap_free(lo, hi, m, a, b, margin):
        return -1
    return 0


@njit(cache=True, nogil=True)
def _masses(rest):  # pragma: no cover - compiled
    """Total positive and total negative mass of ``rest``."""
    P = 0.0
    N = 0.0
    for t in range(rest.shape[0]):
        P += max(rest[t], 0.0)
        N += max(-rest[t], 0.0)
    return P, N


@njit(cache=True, nogil=True)
def loo_tries(V_lo, V_hi, x, i, m, props, rest, a, b, r, margin):  # pragma: no cover - compiled
    """Metropolis tries on coordinate i against V = U(x[:m] without i); then the level check with ``rest``.

    ``x`` is updated in place (accepted proposals).  Returns (accepted, first_tie, level_status) where
    first_tie is the index of the first proposal whose status was a near-tie (the caller decides it exactly
    and resumes after it; len(props) if none) and level_status is the float status of the prefix
    x[:m] + rest (only computed when no tie is pending; 2 = not computed).
    """
    nv = V_lo.shape[0]
    buf_lo = np.empty(2 * nv + 2)
    buf_hi = np.empty(2 * nv + 2)
    P, N = _masses(rest)
    acc = 0
    for k in range(props.shape[0]):
        cnt, _ = merge_step(V_lo, V_hi, nv, V_lo, V_hi, nv, props[k], a - P - 2.0 * margin, b + N + 2.0 * margin,
                            buf_lo, buf_hi)
        st = float_status(buf_lo, buf_hi, cnt, a, b, margin)
        if st < 0:
            return acc, k, 2
        if st == 0:
            x[i] = props[k]
            acc += 1
    return acc, props.shape[0], loo_level_status(V_lo, V_hi, x[i], rest, a, b, margin)


@njit(cache=True, nogil=True)
def loo_level_status(V_lo, V_hi, xi, rest, a, b, margin):  # pragma: no cover - compiled
    """Float status of U(V ∪ (V + xi)) extended by every sample of ``rest`` (in order), on [a, b]."""
    nv = V_lo.shape[0]
    size = 2 * nv + 2
    lo = np.empty(size)
    hi = np.empty(size)
    P, N = _masses(rest)
    m, _ = merge_step(V_lo, V_hi, nv, V_lo, V_hi, nv, xi, a - P - 2.0 * margin, b + N + 2.0 * margin, lo, hi)
    for t in range(rest.shape[0]):
        P -= max(rest[t], 0.0)
        N -= max(-rest[t], 0.0)
        if lo.shape[0] < 2 * m + 2:
            nlo = np.empty(2 * m + 2)
            nhi = np.empty(2 * m + 2)
        else:
            nlo = np.empty(lo.shape[0])
            nhi = np.empty(lo.shape[0])
        m, _ = merge_step(lo, hi, m, lo, hi, m, rest[t], a - max(P, 0.0) - 2.0 * margin,
                          b + max(N, 0.0) + 2.0 * margin, nlo, nhi)
        lo = nlo
        hi = nhi
    return float_status(lo, hi, m, a, b, margin)
