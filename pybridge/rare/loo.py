r"""Leave-one-out Gibbs kernel for the prefix events of generalized splitting (issue 14, small eps).

At :math:`\varepsilon = 10^{-6}` one exact decision of a failing prefix costs ~0.1-0.3 s: the
interval union of the small samples has up to :math:`(b - a)/2\varepsilon` pieces before the
larger samples merge them (measured 3-7 million interval operations at m = 26..44), and no early
exit fires on a failing sample.  The kernel of :mod:`pybridge.rare.splitting` pays that price once
per Gibbs proposal and once more per level check.  This kernel pays it **once per updated
coordinate**:

* for the coordinate :math:`i` to update, build the full union
  :math:`V = U_{\varepsilon}(X_{[m]} \setminus \{X_i\})` (one pass, no early exit), pruned to the
  window that the values still to be added can reach (the proposals for :math:`X_i` and the
  samples up to the next level; all drawn *before* the pass);
* each proposal :math:`x'` for :math:`X_i` is then decided by one merge
  :math:`V \cup (V + x')` and a scan of :math:`[a, b]` (since
  :math:`U(S) = U(S \setminus i) \cup (U(S \setminus i) + x_i)`); ``tries`` independent proposals
  from the law, each accepted iff the prefix still fails (a Metropolis step with an independent
  proposal, reversible for the law restricted to the level event; repeating it on one coordinate
  keeps that);
* the level check :math:`\rho(X_1..X_{m'}) > \varepsilon` is a few more merges of the same list
  (:math:`V` plus the final :math:`X_i`, then :math:`X_{m+1}, \dots, X_{m'}`).

Soundness is the float kernel's (:mod:`pybridge.rss.coverage`): the union runs at the inner radius
:math:`\varepsilon - 2\delta` with the rounding bound :math:`\delta = 2(N + 2) 2^{-52} M`
(N = every sample added, M bounds every magnitude, proposals included), "covered" needs one float
interval containing :math:`[a, b]`, "not covered" needs a gap that survives an expansion by
:math:`3\delta`; anything in between (a near-tie) goes to the exact rational decision
:func:`pybridge.rss.covers_exact` on the very prefix.  So every accept/reject and level decision
is exact, and the chain is the same Markov kernel family as the default one (property-tested
against exact decisions).  The kernel changes the random stream (proposals are drawn per updated
coordinate), so it is an option (``move="loo"``), never the default: seeded results of the
default kernel are unchanged.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from pybridge.rss import covers_exact

__all__ = ["LooCounters"]  # loo_step is the kernel behind estimate_failure_probability(move="loo")

_U52 = 2.0**-52
#: at most this many intervals in one list (4 float arrays; the rss kernel's cap)
CAP = 8_000_000


class LooCounters:
    """Work counters of the leave-one-out kernel (added into the splitting counters)."""

    __slots__ = ("passes", "merges", "exact")

    def __init__(self):
        self.passes = 0
        self.merges = 0
        self.exact = 0


@njit(cache=True, nogil=True)
def _full_union(xs, r, a, b, ext_pos, ext_neg, margin, cap):  # pragma: no cover - compiled
    """Sorted disjoint union of [s - r, s + r] over the subset sums s of ``xs`` (in the given order),
    pruned to intervals that can still reach [a, b] after adding a further mass of at most ``ext_pos``
    (positive) and ``ext_neg`` (negative) beyond the samples of ``xs`` not yet added.

    Returns (status, lo, hi): status 0 = list, -2 = interval cap exceeded.
    """
    n = xs.shape[0]
    suf_pos = np.zeros(n + 1)
    suf_neg = np.zeros(n + 1)
    for t in range(n - 1, -1, -1):
        suf_pos[t] = suf_pos[t + 1] + max(xs[t], 0.0)
        suf_neg[t] = suf_neg[t + 1] + max(-xs[t], 0.0)
    size = 64
    lo = np.empty(size)
    hi = np.empty(size)
    nlo = np.empty(size)
    nhi = np.empty(size)
    lo[0] = -r
    hi[0] = r
    m = 1
    empty = np.empty(0)
    for k in range(n):
        if 2 * m > cap:
            return -2, empty, empty
        if nlo.shape[0] < 2 * m:
            nc = min(max(2 * m, 2 * nlo.shape[0]), cap)
            nlo = np.empty(nc)
            nhi = np.empty(nc)
        wl = a - suf_pos[k + 1] - ext_pos - 2.0 * margin
        wr = b + suf_neg[k + 1] + ext_neg + 2.0 * margin
        m = _merge_into(lo, hi, m, xs[k], wl, wr, nlo, nhi)
        lo, nlo = nlo, lo
        hi, nhi = nhi, hi
    return 0, lo[:m].copy(), hi[:m].copy()


@njit(cache=True, nogil=True)
def _merge_into(lo, hi, m, x, wl, wr, out_lo, out_hi):  # pragma: no cover - compiled
    """out = (U ∪ (U + x)) restricted to intervals meeting [wl, wr]; returns its length (out has room for 2m)."""
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
    return out


@njit(cache=True, nogil=True)
def _status(lo, hi, m, a, b, margin):  # pragma: no cover - compiled
    """1 = one float interval contains [a, b] (covered, sound); 0 = a gap of [a, b] survives the expansion of
    every interval by ``margin`` (not covered, sound); -1 = near-tie (decide exactly)."""
    for t in range(m):
        if lo[t] <= a and hi[t] >= b:
            return 1
    covered_to = a
    for t in range(m):
        l = lo[t] - margin
        r = hi[t] + margin
        if r < covered_to:
            continue
        if l > covered_to:
            return 0
        covered_to = r
        if covered_to >= b:
            return -1
    return 0


@njit(cache=True, nogil=True)
def _tries(V_lo, V_hi, x, i, m, props, rest, a, b, r, margin):  # pragma: no cover - compiled
    """Metropolis tries on coordinate i against V = U(x[:m] without i); then the level check with ``rest``.

    ``x`` is updated in place (accepted proposals).  Returns (accepted, first_tie, level_status) where
    first_tie is the index of the first proposal whose status was a near-tie (the caller decides it exactly
    and resumes after it; len(props) if none) and level_status is the float status of the prefix
    x[:m] + rest (only computed when no tie is pending; 2 = not computed).
    """
    nv = V_lo.shape[0]
    buf_lo = np.empty(2 * nv + 2)
    buf_hi = np.empty(2 * nv + 2)
    P = 0.0
    N = 0.0
    for t in range(rest.shape[0]):
        P += max(rest[t], 0.0)
        N += max(-rest[t], 0.0)
    acc = 0
    for k in range(props.shape[0]):
        cnt = _merge_into(V_lo, V_hi, nv, props[k], a - P - 2.0 * margin, b + N + 2.0 * margin, buf_lo, buf_hi)
        st = _status(buf_lo, buf_hi, cnt, a, b, margin)
        if st < 0:
            return acc, k, 2
        if st == 0:
            x[i] = props[k]
            acc += 1
    return acc, props.shape[0], _level_status(V_lo, V_hi, x[i], rest, a, b, margin)


@njit(cache=True, nogil=True)
def _level_status(V_lo, V_hi, xi, rest, a, b, margin):  # pragma: no cover - compiled
    """Float status of U(V ∪ (V + xi)) extended by every sample of ``rest`` (in order), on [a, b]."""
    nv = V_lo.shape[0]
    size = 2 * nv + 2
    lo = np.empty(size)
    hi = np.empty(size)
    P = 0.0
    N = 0.0
    for t in range(rest.shape[0]):
        P += max(rest[t], 0.0)
        N += max(-rest[t], 0.0)
    m = _merge_into(V_lo, V_hi, nv, xi, a - P - 2.0 * margin, b + N + 2.0 * margin, lo, hi)
    for t in range(rest.shape[0]):
        P -= max(rest[t], 0.0)
        N -= max(-rest[t], 0.0)
        if lo.shape[0] < 2 * m + 2:
            nlo = np.empty(2 * m + 2)
            nhi = np.empty(2 * m + 2)
        else:
            nlo = np.empty(lo.shape[0])
            nhi = np.empty(lo.shape[0])
        m = _merge_into(lo, hi, m, rest[t], a - max(P, 0.0) - 2.0 * margin, b + max(N, 0.0) + 2.0 * margin,
                        nlo, nhi)
        lo = nlo
        hi = nhi
    return _status(lo, hi, m, a, b, margin)


def loo_step(x: np.ndarray, m: int, m_next: int, eps: float, a: float, b: float, law, rng, coords: int,
             tries: int, cnt: LooCounters) -> tuple[int, int, bool]:
    r"""One kernel step at level m (in place) and the level check at ``m_next``.

    Draws fresh free coordinates ``x[m:]`` from ``law``; then, ``coords`` times: a coordinate
    :math:`i < m` uniformly, ``tries`` proposals from the law, each accepted iff the prefix
    ``x[:m]`` still fails (:math:`\rho > \varepsilon`, exact).  Returns
    ``(proposals, accepted, fails_next)`` where ``fails_next`` is the exact answer to
    :math:`\rho(x_1..x_{m'}) > \varepsilon` for the state after the step.

    Requires ``x[:m]`` to fail at ``eps`` on entry (a particle of level m) and ``m < m_next <= len(x)``.
    """
    n = x.size
    if m < n:
        x[m:] = law.draw(rng, n - m)
    rest = np.ascontiguousarray(x[m:m_next], dtype=np.float64)
    accepted = 0
    level = 2
    for _ in range(coords):
        i = int(rng.integers(0, m))
        props = np.ascontiguousarray(law.draw(rng, tries), dtype=np.float64)
        others = np.concatenate([x[:i], x[i + 1:m]])
        mag = (float(np.abs(others).sum()) + max(abs(float(x[i])), float(np.abs(props).max()))
               + float(np.abs(rest).sum()) + eps + abs(a) + abs(b))
        delta = 2.0 * (m_next + 2) * _U52 * mag
        r = eps - 2.0 * delta
        ext_pos = max(0.0, float(x[i]), float(props.max())) + float(np.clip(rest, 0, None).sum())
        ext_neg = max(0.0, -float(x[i]), -float(props.min())) + float(np.clip(-rest, 0, None).sum())
        xs = np.ascontiguousarray(others[np.argsort(np.abs(others), kind="stable")])
        status, V_lo, V_hi = _full_union(xs, r, a, b, ext_pos, ext_neg, 3.0 * delta, CAP)
        cnt.passes += 1
        if status != 0 or r <= 0.0:  # cap or degenerate radius: exact decisions for every proposal
            for v in props:
                old = x[i]
                x[i] = v
                cnt.exact += 1
                if covers_exact(x[:m].tolist(), eps, a, b):
                    x[i] = old
                else:
                    accepted += 1
            level = 2
            continue
        k = 0
        while True:
            acc, tie, level = _tries(V_lo, V_hi, x, i, m, props[k:], rest, a, b, r, 3.0 * delta)
            cnt.merges += tie
            accepted += acc
            if tie + k >= tries:
                cnt.merges += 1 + rest.size
                break
            k += tie  # near-tie at proposal k: exact decision, then resume after it
            old = x[i]
            x[i] = props[k]
            cnt.exact += 1
            if covers_exact(x[:m].tolist(), eps, a, b):
                x[i] = old
            else:
                accepted += 1
            k += 1
            if k >= tries:
                level = _level_status(V_lo, V_hi, x[i], rest, a, b, 3.0 * delta)
                cnt.merges += 1 + rest.size
                break
    if level == 1:
        fails_next = False
    elif level == 0:
        fails_next = True
    else:  # near-tie (or not computed): the exact decision on the next prefix
        cnt.exact += 1
        fails_next = not covers_exact(x[:m_next].tolist(), eps, a, b)
    return coords * tries, accepted, fails_next
