r"""Cost model of the RFSS Monte Carlo: estimated seconds and memory before any trial runs (issue 11 §2).

One trial samples ``n`` values and decides the fixed-size event with the compiled kernel
(:func:`pybridge.kernels.interval_union.fixed_kernel`), which first builds the suffix extremes (``n + 1`` sorts of
suffixes: :math:`\Theta(n^2)`) and the binomial table, then runs the interval recursion over
the ``k + 1`` counts.  Measured 2026-12-02, ``--workers 1``, 2 cores shared by 6 engineers
(load average 4-5), uniform law unless said, default target :math:`[-\sqrt k, \sqrt k]`:

================================  ==================  ======================================
n, k, eps                         measured per trial  model (:func:`trial_seconds`, with SAFETY)
================================  ==================  ======================================
10, 2, 0.1                        0.15 ms             0.21 ms
40, 4, 0.01                       0.26 ms             0.51 ms
200, 10, 0.01                     2.4 ms              6.7 ms
400, 20, 1e-3                     9.0 ms              110 ms
1000, 5, 0.01                     54 ms               85 ms
2000, 50, 0.01                    0.23 s              0.62 s
30, 8, 1e-3                       1.8 ms              2.4 ms
40, 10, 1e-4                      14 ms               22 ms
60, 15, 1e-5                      0.10 s              0.31 s
40, 10, 1e-6, target z = 0.3      0.55 s              0.67 s
30, 15, 1e-6 / 60, 30, 1e-7       7-11 s, then       0.88 s / 15 s (capped)
                                  ResourceLimitError
================================  ==================  ======================================

The fit is for trials that stay below the caps; one that fills both (30, 15, 1e-6: 0.75 s in the float
kernel, then 10.5 s in the exact fallback) ends the run with a ResourceLimitError, so when the interval
count may reach the float cap (:math:`(k+1)(r+1) > 4\cdot10^6`) the plan adds one such trial
(:data:`WORST_TRIAL`).  Model: :math:`1.5\cdot10^{-4} + 6\cdot10^{-8} n^2 + 1.72\cdot10^{-8}\, n k\, r^{3/4}` seconds with
:math:`r = \max(b - a, 2\sqrt k)/(2\varepsilon)` (the interval count grows with the width to
resolve over the radius; a single target still resolves the k-sums' spread), at most
:data:`WORST_TRIAL` (both interval caps reached), times :data:`SAFETY`.  Peak memory of a worker:
the kernel's three :math:`(n+1)(k+1)` float tables plus its interval store (at most ``k + 1`` rows
of the longest count, doubled on growth, the longest count at most
:math:`\min(\binom nk, 4\cdot10^6, r + 1)`).
"""

from __future__ import annotations

import math

from pybridge.kernels.interval_union import MAX_INTERVALS
from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.validation import check_int, check_real, check_text

__all__ = ["trial_seconds", "trial_bytes", "monte_carlo_estimate", "WORST_TRIAL", "SAFETY"]

T_TRIAL, T_SORT, T_OP = 1.5e-4, 6e-8, 1.72e-8
SAFETY = 1.3
#: one trial that fills the float kernel's cap and then the exact fallback's cap (measured 7-11 s), then fails
WORST_TRIAL = 15.0
#: process start of a worker pool (as the RSS model)
STARTUP_SECONDS = 1.0


def _ratio(k: int, eps: float, width: float) -> float:
    return max(width, 2.0 * math.sqrt(k)) / (2.0 * eps)


def trial_seconds(n: int, k: int, eps: float, width: float | None = None) -> float:
    """Estimated seconds of one trial (sampling, kernel tables, decision), with the safety factor.

    Parameters
    ----------
    n : int
        Samples (before masking: a mask only shortens the trial).
    k : int >= 1
    eps : float > 0
    width : float or None
        Width ``b - a`` of the target interval (0 for one target; ``None``: the default
        :math:`2\\sqrt k`).
    """
    n = check_int("n", n, min_value=0, max_value=10**12)
    k = check_int("k", k, min_value=1, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    width = 2.0 * math.sqrt(k) if width is None else check_real("width", width, min_value=0.0)
    if k > n:
        return SAFETY * (T_TRIAL + 1e-8 * n)
    ops = T_OP * n * k * _ratio(k, eps, width) ** 0.75
    return SAFETY * min(T_TRIAL + T_SORT * float(n) ** 2 + ops, WORST_TRIAL + T_SORT * float(n) ** 2)


def trial_bytes(n: int, k: int, eps: float, width: float | None = None) -> int:
    """Estimated peak bytes of one trial's kernel (tables and interval store)."""
    n = check_int("n", n, min_value=0, max_value=10**12)
    k = check_int("k", k, min_value=1, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    width = 2.0 * math.sqrt(k) if width is None else check_real("width", width, min_value=0.0)
    if k > n:
        return 8 * n
    kk = min(k, n)
    longest = min(MAX_INTERVALS / 2, _ratio(k, eps, width) + 1.0)
    if n <= 64:
        longest = min(longest, float(math.comb(n, kk)))
    tables = 3 * 8 * (n + 1) * (kk + 1)
    store = 2 * 2 * 8 * (kk + 1) * longest
    return int(tables + store + 16 * n)


def monte_carlo_estimate(n: int, k: int, eps: float, trials: int, *, width: float | None = None,
                         workers: int = 1, what: str | None = None) -> WorkEstimate:
    """The :class:`~pybridge.runtime.budget.WorkEstimate` of ``trials`` RFSS trials on ``workers`` workers."""
    trials = check_int("trials", trials, min_value=0, max_value=10**15)
    workers = check_int("workers", workers, min_value=1, max_value=256)
    if what is not None:
        check_text("what", what, max_len=1000)
    par = max(1, min(workers, math.ceil(trials / 64)))
    secs = trials * trial_seconds(n, k, eps, width) / par + (STARTUP_SECONDS if par > 1 else 0.0)
    if trials and k <= n and (k + 1) * (_ratio(k, eps, 2.0 * math.sqrt(k) if width is None else width) + 1.0) \
            > MAX_INTERVALS / 2:
        # a trial may fill both interval caps (7-11 s measured) and end the run with ResourceLimitError
        secs += SAFETY * WORST_TRIAL
    return WorkEstimate(what or f"{format_count(trials)} trials of n={n}, k={k}, eps={eps:g}", secs, par,
                        trial_bytes(n, k, eps, width), ("--trials", "--half-width", "--n", "--k", "--eps"))
