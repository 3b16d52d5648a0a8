"""Measured widths n_1/2(eps) for the headline figure (issue 24 item 3): neuron pruning and RF.

Used by ``python benchmarks/bench_gap.py --widths [--write]``; writes
``pybridge/gap/data/widths.json``.  Neuron pruning (model M0, law G, d = 2, axis target):
each trial draws one network of ``n_max`` units and finds the first prefix width at which
the exact decision (:func:`pybridge.gap.neuron_decision.decide_neuron_pruning`) says
"yes" (success is monotone in n for nested prefixes), starting at the first width with a
kink within eta_eps (below it the certificate says "no").  A decision left undetermined
within its time limit makes the trial a *failure*; n_1/2 is then reported both ways
(failures as never succeeding, and as succeeding at the smallest width still possible).
RF: :func:`pybridge.gap.width.first_success_times` (paradigm "rf").
"""

from __future__ import annotations

import math
import time

import numpy as np
from scipy import stats

from pybridge.errors import SolverError
from pybridge.gap.bounds import eta_eps, kink_angles, n_half_theorem_a
from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.neuron_decision import UNDETERMINED, YES, decide_neuron_pruning
from pybridge.gap.width import first_success_times
from pybridge.runtime import seeding
from pybridge.stats.monotone_search import first_true

#: (1/eps, trials, n_max) of each measured point; seconds per decision for neuron pruning
NEURON_POINTS = ((3, 24, 64), (5, 24, 96), (7, 24, 128), (10, 24, 160), (14, 24, 224))
RF_POINTS = ((10, 32, 200), (30, 32, 400), (100, 32, 600), (300, 24, 1000), (1000, 24, 1000))
DECISION_SECONDS = 10.0
ENTROPY = 20261208_24


class _Undetermined(Exception):
    def __init__(self, width):
        super().__init__(width)
        self.width = width


def _neuron_first_time(p, q, v, eps, n_max):
    small = np.flatnonzero(kink_angles(p, q) < eta_eps(eps))
    if small.size == 0:
        return n_max + 1, None

    def success(m):
        r = decide_neuron_pruning(p[:m], q[:m], v[:m], eps, time_limit=DECISION_SECONDS)
        if r.answer == UNDETERMINED:
            raise _Undetermined(m)
        return r.answer == YES

    lo = int(small[0]) + 1
    try:
        return first_true(success, lo, n_max, gallop=True), None
    except _Undetermined as exc:
        return None, exc.width


def _order_ci(times, n_max, confidence=0.95):
    t = np.sort(times)
    size = t.size
    lo_idx = int(stats.binom.ppf((1 - confidence) / 2, size, 0.5))
    hi_idx = size + 1 - lo_idx

    def at(i):
        return None if i < 1 or i > size or t[i - 1] > n_max else int(t[i - 1])

    return {"point": at(math.ceil(size / 2)), "ci_low": at(lo_idx) if lo_idx >= 1 else 1, "ci_high": at(hi_idx),
            "confidence": confidence}


def neuron_point(inv_eps, trials, n_max, root):
    eps = 1.0 / inv_eps
    rng = seeding.child_rng(root, seeding.AUX, inv_eps)
    target = make_target("axis", 2)
    t0 = time.perf_counter()
    low, high, failures = [], [], 0
    for _ in range(trials):
        net = sample_network("M0", "G", 2, n_max, rng=rng)
        p, q = plane_coordinates(net.u, target)
        t, stuck = _neuron_first_time(p, q, net.v, eps, n_max)
        if t is None:
            failures += 1
            low.append(stuck)  # the smallest first-success width still possible
            high.append(n_max + 1)
        else:
            low.append(t)
            high.append(t)
    secs = time.perf_counter() - t0
    return {"paradigm": "neuron", "method": "exact decision (pybridge.gap.neuron_decision) on nested prefixes, "
            f"{DECISION_SECONDS:g} s per decision; median of the first successful width, order-statistic CI",
            "eps": eps, "inv_eps": inv_eps, "trials": trials, "n_max": n_max, "solver_failures": failures,
            "n_half": _order_ci(np.array(high), n_max), "n_half_failures_as_successes": _order_ci(np.array(low), n_max),
            "theorem_a_n_half": n_half_theorem_a(eps), "seconds": round(secs, 1)}


def rf_point(inv_eps, trials, n_max, root):
    eps = 1.0 / inv_eps
    t0 = time.perf_counter()
    try:
        res = first_success_times("rf", eps, n_max=n_max, trials=trials,
                                  seed=seeding.child_seed(root, seeding.MAIN, inv_eps))
    except SolverError as exc:  # first_success_times stops at the first failed LP: the point is recorded as such
        return {"paradigm": "rf", "eps": eps, "inv_eps": inv_eps, "trials": trials, "n_max": n_max,
                "solver_failures": 1, "n_half": {"point": None, "ci_low": None, "ci_high": None},
                "failure": str(exc), "theorem_a_n_half": n_half_theorem_a(eps),
                "seconds": round(time.perf_counter() - t0, 1)}
    secs = time.perf_counter() - t0
    nh = res.n_half()
    return {"paradigm": "rf", "method": nh["method"] + " (pybridge.gap.width.first_success_times, paradigm rf)",
            "eps": eps, "inv_eps": inv_eps, "trials": trials, "n_max": n_max, "solver_failures": 0,
            "n_half": {k: nh[k] for k in ("point", "ci_low", "ci_high", "confidence")},
            "theorem_a_n_half": n_half_theorem_a(eps), "seconds": round(secs, 1)}


def slope_fit(rows):
    """Least-squares slope of log n_1/2 against log(1/eps), with a 95% t interval (None if < 3 points)."""
    pts = [(math.log(r["inv_eps"]), math.log(r["n_half"]["point"])) for r in rows if r["n_half"]["point"]]
    if len(pts) < 3:
        return None
    x, y = np.array(pts).T
    fit = stats.linregress(x, y)
    half = stats.t.ppf(0.975, len(pts) - 2) * fit.stderr
    return {"slope": float(fit.slope), "ci_low": float(fit.slope - half), "ci_high": float(fit.slope + half),
            "points": len(pts), "method": "OLS of log n_1/2 on log(1/eps), t interval (95%)"}


def measure(progress=print):
    root = np.random.SeedSequence(ENTROPY)
    rows = []
    for inv, trials, n_max in NEURON_POINTS:
        rows.append(neuron_point(inv, trials, n_max, root))
        progress(rows[-1])
    for inv, trials, n_max in RF_POINTS:
        rows.append(rf_point(inv, trials, n_max, root))
        progress(rows[-1])
    fits = {p: slope_fit([r for r in rows if r["paradigm"] == p]) for p in ("neuron", "rf")}
    return {"description": "measured n_1/2(eps): model M0, law G, d = 2, axis target (issue 24 item 3)",
            "seed_entropy": str(ENTROPY), "rows": rows, "slopes": fits}
