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

Two implementations of the one recursion: the compiled float pass
:func:`pybridge.kernels.interval_union.union_pass` (with its readers ``decide_kernel`` and
``radius_kernel``; it lives with every other compiled caller of the shared merge step, because numba's
on-disk cache is keyed by source file) and :func:`union_pass_int` here (exact, on Python integers).
"""

from __future__ import annotations

from pybridge.kernels.interval_union import CAP_EXCEEDED, COVERED, NOT_COVERED, OPEN

#: (``union_pass_int`` is internal to pybridge.rss: its callers validate every input)
__all__: list[str] = []


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
