r"""Cost model of generalized splitting: decisions x the RSS per-decision model (issue 11 §2).

The work of :func:`pybridge.rare.estimate_failure_probability` is a number of coverage decisions
(each prefix decision is one RSS decision at ``eps``: :func:`pybridge.rss.trial_seconds` is its
measured upper model).  How many depends on the level plan, which the independent pilot fixes, so
the plan is checked twice:

* **before any work** (:func:`a_priori_estimate`): a lower count that every run reaches: the
  pilot scores each of its particles by a binary search over the prefix lengths
  (:math:`\lceil\log_2(n - m_{min} + 2)\rceil` decisions each), every GS run decides its first level
  once, and a relative-error request runs its 30 planning replications and at most
  ``max_replications``;
* **after the pilot** (:func:`planned_estimate`, through ``on_plan``): the expected count of the
  fixed plan.  A GS run holds :math:`E N_1 = \hat p_1` particles at level 1 and
  :math:`E N_{t+1} = E N_t\, s_t\, \hat p_{t+1|t}` after, and each particle makes
  :math:`s_t` kernel steps of ``updates + 1`` decisions, so a run costs
  :math:`1 + (u+1)\sum_t E N_t\, s_t` decisions (the pilot fractions :math:`\hat p` estimate the
  conditional probabilities the factors :math:`s_t = 1/\hat p` were chosen from).

Measured 2026-12-02, ``--workers 1``, 4 replications x 100 runs, 2 shared cores (load 4-5),
uniform law on [-1, 1]; the model's count against the run's reported main-phase decisions:

==============  ======  =========  ================  ===============  ==========
n, eps, law     levels  wall time  decisions (main)  model decisions  model time
==============  ======  =========  ================  ===============  ==========
20, 0.01        3       0.22 s     8,374             9,376            0.54 s
30, 0.01        6       0.62 s     21,874            19,374           1.2 s
40, 1e-3        8       4.7-6.4 s  38,083            28,706           11.6 s
60, 1e-3        14      7.5-7.8 s  23,125            52,270           21.6 s
24, 0.01 normal 5       0.58 s     8,959             14,008           0.84 s
==============  ======  =========  ================  ===============  ==========

(25-340 us per decision including the pilot, against the RSS model's 0.1-0.4 ms: the plan errs
long.)  Peak memory: at most :data:`~pybridge.rare.splitting.MAX_PARTICLES` particles of ``n``
floats, plus one RSS decision's interval store.
"""

from __future__ import annotations

import math

from pybridge.rss import counting_bound_n, monte_carlo_estimate as rss_estimate, trial_seconds
from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.validation import check_bool, check_instance, check_int, check_interval, check_real

__all__ = ["decision_seconds", "decisions_per_run", "a_priori_estimate", "planned_estimate"]

FLAGS = ("--replications", "--rel-error", "--n", "--eps")
#: GS runs per replication and Gibbs updates per step of the command (the engine's defaults)
RUNS, UPDATES, PILOT_PARTICLES, PLANNING = 100, 8, 200, 30
#: largest population of one run (:data:`pybridge.rare.splitting.MAX_PARTICLES`)
MAX_PARTICLES = 20_000


def decision_seconds(n: int, eps: float, a: float = -1.0, b: float = 1.0) -> float:
    """Upper model of one prefix decision (at most ``n`` samples) at ``eps``: the RSS trial model."""
    return trial_seconds(n, eps, a, b)


def decisions_per_run(plan, updates: int = UPDATES) -> float:
    """Expected decisions of one GS run under the fixed ``plan`` (a :class:`~pybridge.rare.LevelPlan`)."""
    from pybridge.rare.splitting import LevelPlan

    check_instance("plan", plan, LevelPlan)
    updates = check_int("updates", updates, min_value=1, max_value=10**4)
    fr = list(plan.pilot_fractions) or [1.0]
    pop = min(1.0, max(fr[0], 0.0))
    total = 1.0
    for t, s in enumerate(plan.split):
        total += pop * s * (updates + 1)
        nxt = fr[t + 1] if t + 1 < len(fr) else 1.0 / s
        pop = min(MAX_PARTICLES, pop * s * nxt)
    return total


def _memory(n: int, eps: float, a: float, b: float) -> int:
    return int(8 * MAX_PARTICLES * n + rss_estimate(n, eps, 1, a=a, b=b).bytes)


def a_priori_estimate(n: int, eps: float, *, a: float = -1.0, b: float = 1.0, replications: int = 20,
                      rel_error: bool = False, max_replications: int = 2000, runs: int = RUNS,
                      workers: int = 1) -> WorkEstimate:
    """The least work of a run, before its pilot (see the module docstring)."""
    n = check_int("n", n, min_value=1, max_value=10**6)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    workers = check_int("workers", workers, min_value=1, max_value=256)
    replications = check_int("replications", replications, min_value=0, max_value=10**7)
    rel_error = check_bool("rel_error", rel_error)
    max_replications = check_int("max_replications", max_replications, min_value=0, max_value=10**7)
    runs = check_int("runs", runs, min_value=1, max_value=10**7)
    m_min = min(n, counting_bound_n(eps, a, b))
    pilot = PILOT_PARTICLES * max(1, math.ceil(math.log2(n - m_min + 2)))
    reps = PLANNING + max_replications if rel_error else replications
    main = reps * runs
    per = decision_seconds(n, eps, a, b)
    par = max(1, min(workers, reps))
    secs = pilot * per + main * per / par + (1.0 if par > 1 else 0.0)
    what = (f"at least {format_count(pilot + main)} decisions (pilot, then {format_count(reps)} replications x "
            f"{runs} runs) of n={n}, eps={eps:g}")
    return WorkEstimate(what, secs, par, _memory(n, eps, a, b), FLAGS)


def planned_estimate(plan, n: int, eps: float, *, a: float = -1.0, b: float = 1.0, replications: int,
                     planning: bool = False, runs: int = RUNS, updates: int = UPDATES,
                     workers: int = 1) -> WorkEstimate:
    """The expected work of the replications under the pilot's fixed ``plan``."""
    replications = check_int("replications", replications, min_value=0, max_value=10**7)
    workers = check_int("workers", workers, min_value=1, max_value=256)
    n = check_int("n", n, min_value=1, max_value=10**6)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    planning = check_bool("planning", planning)
    runs = check_int("runs", runs, min_value=1, max_value=10**7)
    reps = replications + (PLANNING if planning else 0)
    d = reps * runs * decisions_per_run(plan, updates)
    par = max(1, min(workers, reps))
    secs = d * decision_seconds(n, eps, a, b) / par + (1.0 if par > 1 else 0.0)
    what = (f"{format_count(d)} decisions ({len(plan.levels)} levels, "
            + (f"{PLANNING} planning + at most " if planning else "")
            + f"{format_count(replications)} replications x {runs} runs) of n={n}, eps={eps:g}")
    return WorkEstimate(what, secs, par, _memory(n, eps, a, b), FLAGS)
