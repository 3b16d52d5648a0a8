r"""Cost model of the RSS Monte Carlo: estimated seconds and memory before any trial runs (issue 11 §2).

One trial samples ``n`` values, sorts them and runs the coverage kernel
(:mod:`pybridge.rss.coverage`), whose work is the number of interval operations.  Measured
(2 shared cores, uniform and normal laws, n = 10..3000, eps = 1e-1..1e-5, target [-1, 1]):
the operations peak while the :math:`2^k` subset sums are still disjoint and fall once they
merge, and never exceeded :math:`\tfrac{b-a}{2}\,\log_2\!\tfrac{b-a}{2\varepsilon}/\varepsilon`
(e.g. 9.7e5 measured against 1.7e6 at n = 30, eps = 1e-5); a trial costs about
20 us + 0.35 us per sample + 25-36 ns per interval operation.  :func:`trial_seconds` uses
that bound, 30 ns per operation and :data:`SAFETY` (1.2) on the time, so the plan errs long.  Beyond the
kernel's interval cap the exact path decides (and refuses past its own cap), which the model
charges as a full cap of operations.
"""

from __future__ import annotations

import math

from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.rss.coverage import MAX_INTERVALS
from pybridge.validation import check_int, check_interval, check_real, check_text

__all__ = ["kernel_operations", "trial_seconds", "monte_carlo_estimate", "STARTUP_SECONDS"]

T_TRIAL, T_SAMPLE, T_OP = 2e-5, 3.5e-7, 3e-8
SAFETY = 1.2
#: process start of a worker pool plus compiled-kernel loading (measured ~0.5-1 s)
STARTUP_SECONDS = 1.0


def kernel_operations(n: int, eps: float, a: float = -1.0, b: float = 1.0) -> float:
    """Upper model of the interval operations of one coverage decision (capped at the kernel's cap x levels)."""
    n = check_int("n", n, min_value=0, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    w = max(b - a, 0.0)
    ratio = w / (2 * eps) if eps > 0 else math.inf
    if ratio <= 1:
        return 2.0 * n + 2
    peak = (w / 2) * math.log2(max(ratio, 2.0)) / eps
    disjoint = 2.0 ** min(n + 1, 1000)
    ops = min(disjoint, peak)
    if ops > MAX_INTERVALS:  # the float kernel stops at its cap and the exact path takes over
        ops = 4.0 * MAX_INTERVALS
    return ops + 2.0 * n


def trial_seconds(n: int, eps: float, a: float = -1.0, b: float = 1.0) -> float:
    """Estimated seconds of one trial (sampling, ordering, decision), with the safety factor."""
    n = check_int("n", n, min_value=0, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    return SAFETY * (T_TRIAL + T_SAMPLE * n + T_OP * kernel_operations(n, eps, a, b))


def monte_carlo_estimate(n: int, eps: float, trials: int, *, a: float = -1.0, b: float = 1.0, workers: int = 1,
                         what: str | None = None) -> WorkEstimate:
    """The :class:`~pybridge.runtime.budget.WorkEstimate` of ``trials`` trials on ``workers`` workers."""
    trials = check_int("trials", trials, min_value=0, max_value=10**15)
    workers = check_int("workers", workers, min_value=1, max_value=256)
    n = check_int("n", n, min_value=0, max_value=10**12)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    if what is not None:
        check_text("what", what, max_len=1000)
    par = max(1, min(workers, math.ceil(trials / 64)))
    secs = trials * trial_seconds(n, eps, a, b) / par + (STARTUP_SECONDS if par > 1 else 0.0)
    ops = kernel_operations(n, eps, a, b)
    peak_bytes = int(32 * min(ops, MAX_INTERVALS) + 64 * n)
    return WorkEstimate(what or f"{format_count(trials)} trials of n={n}, eps={eps:g}", secs, par, peak_bytes,
                        ("--trials", "--half-width", "--n", "--eps"))
