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

The compiled pieces (the full union, the tries, the level check) are
:func:`pybridge.kernels.interval_union.loo_full_union`, ``loo_tries`` and ``loo_level_status``: they call
the shared merge step, so they live in its file (numba's cache is keyed by source file).
"""

from __future__ import annotations

import numpy as np
from pybridge.kernels.interval_union import MAX_INTERVALS, loo_full_union, loo_level_status, loo_tries
from pybridge.rss import covers_exact

__all__ = ["LooCounters"]  # loo_step is the kernel behind estimate_failure_probability(move="loo")

_U52 = 2.0**-52


class LooCounters:
    """Work counters of the leave-one-out kernel (added into the splitting counters)."""

    __slots__ = ("passes", "merges", "exact")

    def __init__(self):
        self.passes = 0
        self.merges = 0
        self.exact = 0


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
        acc, level = _update_coordinate(x, i, m, m_next, props, rest, eps, a, b, cnt)
        accepted += acc
    if level == 1:
        fails_next = False
    elif level == 0:
        fails_next = True
    else:  # near-tie (or not computed): the exact decision on the next prefix
        cnt.exact += 1
        fails_next = not covers_exact(x[:m_next].tolist(), eps, a, b)
    return coords * tries, accepted, fails_next


def _exact_try(x, i, m, v, eps, a, b, cnt: LooCounters) -> int:
    """Proposal ``v`` for ``x[i]`` decided exactly (kept iff the prefix still fails); returns 1 if accepted."""
    old = x[i]
    x[i] = v
    cnt.exact += 1
    if covers_exact(x[:m].tolist(), eps, a, b):
        x[i] = old
        return 0
    return 1


def _update_coordinate(x, i, m, m_next, props, rest, eps, a, b, cnt: LooCounters) -> tuple[int, int]:
    """The proposals ``props`` for coordinate ``i`` (in place) against one leave-one-out union, then the float
    level status of the prefix ``x[:m_next]`` (2 = not computed); returns ``(accepted, level_status)``."""
    tries = props.size
    others = np.concatenate([x[:i], x[i + 1:m]])
    mag = (float(np.abs(others).sum()) + max(abs(float(x[i])), float(np.abs(props).max()))
           + float(np.abs(rest).sum()) + eps + abs(a) + abs(b))
    delta = 2.0 * (m_next + 2) * _U52 * mag
    r = eps - 2.0 * delta
    ext_pos = max(0.0, float(x[i]), float(props.max())) + float(np.clip(rest, 0, None).sum())
    ext_neg = max(0.0, -float(x[i]), -float(props.min())) + float(np.clip(-rest, 0, None).sum())
    xs = np.ascontiguousarray(others[np.argsort(np.abs(others), kind="stable")])
    status, V_lo, V_hi = loo_full_union(xs, r, a, b, ext_pos, ext_neg, 3.0 * delta, MAX_INTERVALS)
    cnt.passes += 1
    if status != 0 or r <= 0.0:  # cap or degenerate radius: exact decisions for every proposal
        return sum(_exact_try(x, i, m, v, eps, a, b, cnt) for v in props), 2
    accepted = 0
    k = 0
    while True:
        acc, tie, level = loo_tries(V_lo, V_hi, x, i, m, props[k:], rest, a, b, r, 3.0 * delta)
        cnt.merges += tie
        accepted += acc
        if tie + k >= tries:
            cnt.merges += 1 + rest.size
            return accepted, level
        k += tie  # near-tie at proposal k: exact decision, then resume after it
        accepted += _exact_try(x, i, m, props[k], eps, a, b, cnt)
        k += 1
        if k >= tries:
            cnt.merges += 1 + rest.size
            return accepted, loo_level_status(V_lo, V_hi, x[i], rest, a, b, 3.0 * delta)
