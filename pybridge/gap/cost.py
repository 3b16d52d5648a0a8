r"""Cost model of the gap Monte Carlo: estimated seconds and memory before any trial runs (issue 11 §2).

Seconds per trial by scheme, measured on 2 shared cores (law G, eps = 0.1, axis target unless said):

============  =====================================================  ===========================
scheme        measured                                               model (s per trial)
============  =====================================================  ===========================
neuron, d=1   0.2 ms (n = 8..24), 2 ms (n = 48; meet in the middle)   0.005
neuron, exh.  0.7-60 ms (n = 4..12), 0.33-0.37 s (n = 16)            0.03 + 5.5e-6 * 2^n
neuron, M0    0.04 s (n = 20, eps = 0.05); n = 100, eps = 0.02:        0.01 + k(n, eps) *
n > 16        most decisions reach the time limit (exact decision)    min(T, 2.5e-7 n^4)
rf (LP)       7 ms (n = 4), 53 ms (32), 0.73 s (256), 20.7 s (1000)  0.005 + 1.5e-3 n + 2e-5 n^2
masked-rf     24 ms (n = 8), 68 ms (64), 1.19 s (300)                0.02 + 6e-4 n + 1e-5 n^2
b0            0.1 ms (n = 8), 18-25 ms (n = 1000, d = 2..1000)       0.001 + 2e-5 n
b1            0.5 ms (n = 8), 23 ms (n = 1000), 0.12 s (d=1000,n=100) 0.001 + 2e-5 n + 1e-6 n d
============  =====================================================  ===========================

plus sampling the network (``1e-8 n d``) and :data:`SAFETY`.  For the exact neuron
decision (M0, n > 16), ``k(n, eps) = 1 - (1 - q)^n`` with Theorem A's ``q(eps)`` is the
probability that some kink lies within eta_eps (otherwise the certificate answers at
once), and ``T`` = :data:`~pybridge.gap.trial.NEURON_TIME_LIMIT` caps a trial (beyond it
the trial is a recorded failure).  M1 exhaustive search: ``0.03 + 5.5e-6 * 2^n``.
Trials run in chunks of :data:`~pybridge.gap.montecarlo.CHUNK`, one chunk per task, so
the wall time is that of the busiest worker: ``ceil(chunks / workers)`` chunks.  Peak
memory: the weights and the plane coordinates, about ``6 * 8 n d`` bytes per worker.
"""

from __future__ import annotations

import math

from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.validation import check_choice, check_instance, check_int, check_real

__all__ = ["trial_seconds", "monte_carlo_estimate", "SAFETY"]

SAFETY = 1.3
#: trials per task (the Monte Carlo's chunk)
_CHUNK = 16


def _decision_seconds(n: int, eps: float) -> float:
    from pybridge.gap.bounds import theorem_a_q
    from pybridge.gap.trial import NEURON_TIME_LIMIT

    kink = 1.0 - (1.0 - theorem_a_q(eps)) ** n
    return 0.01 + kink * min(NEURON_TIME_LIMIT, 2.5e-7 * float(n) ** 4)


def trial_seconds(scheme: str, model: str, d: int, n: int, *, eps: float = 0.1) -> float:
    """Estimated seconds of one trial of ``scheme`` (``rf``, ``neuron``, ``b0``, ``b1``, ``masked-rf``)."""
    check_choice("scheme", scheme, ("rf", "neuron", "b0", "b1", "masked-rf"))
    check_choice("model", model, ("M0", "M1"))
    d = check_int("d", d, min_value=1)
    n = check_int("n", n, min_value=1)
    eps = check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)
    sample = 1e-8 * n * d
    if scheme == "neuron":
        if d == 1:
            t = 0.005
        elif n <= 16:
            t = 0.03 + 5.5e-6 * 2.0**n
        elif model == "M0":
            t = _decision_seconds(n, eps)
        else:
            t = 0.03 + 5.5e-6 * 2.0**n
    elif scheme == "rf":
        t = 0.005 if d == 1 else 0.005 + 1.5e-3 * n + 2e-5 * n * n
    elif scheme == "masked-rf":
        t = 0.02 + 6e-4 * n + 1e-5 * n * n
    elif scheme == "b0":
        t = 0.001 + 2e-5 * n
    else:  # b1
        t = 0.001 + 2e-5 * n + 1e-6 * n * d
    return SAFETY * (t + sample)


def monte_carlo_estimate(spec, trials: int, *, workers: int = 1) -> WorkEstimate:
    """The :class:`~pybridge.runtime.budget.WorkEstimate` of ``trials`` trials of ``spec`` (a ``GapSpec``)."""
    from pybridge.gap.trial import GapSpec

    check_instance("spec", spec, GapSpec)
    trials = check_int("trials", trials, min_value=0)
    workers = check_int("workers", workers, min_value=1, max_value=256)
    chunks = math.ceil(trials / _CHUNK)
    par = max(1, min(workers, chunks))
    busiest = min(trials, math.ceil(chunks / par) * _CHUNK)  # trials of the busiest worker
    secs = busiest * trial_seconds(spec.scheme, spec.model, spec.d, spec.n, eps=spec.eps) + (1.0 if par > 1 else 0.0)
    peak = 48 * spec.n * spec.d + (8 * 3 * spec.n * 4096 if spec.scheme == "b1" else 0)
    flags = ("--trials", "--n", "--d") if spec.d > 1 else ("--trials", "--n")
    return WorkEstimate(f"{format_count(trials)} trials of {spec.scheme} pruning, n={spec.n}, d={spec.d}", secs,
                        par, int(peak), flags)
