r"""The exact checks and the threshold curves of the ``rss`` section.

* ``rss-counting-bound`` — for every law, at an (n, ε) with :math:`2^n 2\varepsilon < b-a`, the estimator
  returns exactly 0 successes (:func:`counting_record`);
* ``rss-subset-sum-monotone`` — on coupled samples, adding a sample or doubling ε never breaks coverage
  (:func:`monotone_record`);
* the first-cover curves behind ``rss-log-sample-size`` (:func:`threshold_curves`, :func:`threshold_rows`) and
  the audit subset of their trials that the formal section replays with the verified Coq decision
  (:func:`audit_instances`).

Every random number comes from a named stream of :class:`pybridge.rss.streams.Stream`.
"""

from __future__ import annotations

import math

import numpy as np

from pybridge.claims.records import ExactCheck
from pybridge.rss.budget import (COUNTING_EPS, FULL, MONOTONE_EPS, MONOTONE_N_ABOVE, MONOTONE_N_ABOVE_PENSIA,
                                 REPLAY_MIN_EPS, RssBudget)
from pybridge.rss.laws import LAWS, get_law
from pybridge.rss.montecarlo import counting_bound_n, coverage_times, estimate_cover_probability
from pybridge.rss.streams import Stream
from pybridge.rss.twins import monotone_in_eps, monotone_in_samples
from pybridge.stats.power import POWER, threshold_resolution

#: the section builds on these (``pybridge.rss.section``); not part of the package's public API, so not fuzzed
__all__: list[str] = []


def counting_record(budget: RssBudget, streams) -> ExactCheck:
    """``rss-counting-bound``: the estimator below the counting bound, every law (stream ``COUNTING``)."""
    eps = COUNTING_EPS
    n = counting_bound_n(eps) - 1
    rows = []
    for i, name in enumerate(sorted(LAWS)):
        est = estimate_cover_probability(n, eps, dist=name, trials=budget.counting_trials,
                                         seed=streams.seed(Stream.COUNTING, i), workers=1)
        rows.append({"law": name, "n": n, "eps": eps, "interval": list(FULL),
                     "successes": est.estimate.successes, "trials": est.estimate.trials})
    successes = sum(r["successes"] for r in rows)
    setting = (f"The Monte Carlo estimator at n = {n}, eps = {eps:g}, targets [-1, 1] (2^n * 2 eps = "
               f"{2**n * 2 * eps:g} < 2), {budget.counting_trials} trials for each of {len(rows)} laws; successes: "
               + ", ".join(f"{r['successes']}/{r['trials']} ({r['law']})" for r in rows))
    return ExactCheck(claim_id="rss-counting-bound", verdict="violated" if successes else "holds", setting=setting,
                      instances=sum(r["trials"] for r in rows), failures=successes,
                      note="Every trial is an exact coverage decision; a success would contradict the counting "
                           "bound, so the bound forces exactly 0 for every law.",
                      details={"rows": rows})


def monotone_record(budget: RssBudget, streams) -> ExactCheck:
    """``rss-subset-sum-monotone``: coupled samples near each law's threshold (stream ``MONOTONE``)."""
    eps = MONOTONE_EPS
    rows, violations = [], 0
    for i, name in enumerate(sorted(LAWS)):
        law = get_law(name)
        n = counting_bound_n(eps) + (MONOTONE_N_ABOVE_PENSIA if name == "pensia" else MONOTONE_N_ABOVE)
        rng = streams.rng(Stream.MONOTONE, i)
        for _ in range(budget.monotone_trials):
            xs = law.sample(rng, n + 1)
            ok1 = monotone_in_samples(xs[:n], float(xs[n]), eps)
            ok2 = monotone_in_eps(xs[:n], eps, 2 * eps)
            violations += (not ok1) + (not ok2)
        rows.append({"law": name, "n": n, "eps": eps, "trials": budget.monotone_trials})
    samples = sum(r["trials"] for r in rows)
    setting = (f"{samples} coupled samples ({budget.monotone_trials} for each of {len(rows)} laws, n near the "
               "threshold: " + ", ".join(f"n = {r['n']} ({r['law']})" for r in rows)
               + f"; eps = {eps:g}, targets [-1, 1]); on each, two exact decisions: adding one sample, doubling eps")
    return ExactCheck(claim_id="rss-subset-sum-monotone", verdict="violated" if violations else "holds",
                      setting=setting, instances=2 * samples, failures=violations,
                      note="An instance is one sample and one of the two operations; a failure is a cover that the "
                           "operation broke.",
                      details={"rows": rows, "violations": violations})


def threshold_curves(budget: RssBudget, streams, workers: int, tick=None) -> list:
    """First-cover times of every (curve, eps) of ``budget`` (stream: the curve's, index: the eps's position)."""
    curves = []
    for curve in budget.curves:
        for ei, eps in enumerate(curve.eps):
            ct = coverage_times(eps, n_max=curve.n_max(eps), trials=budget.trials_at(curve, eps),
                                interval=curve.interval, dist=curve.dist, seed=streams.seed(curve.stream, ei),
                                workers=workers)
            curves.append(ct)
            if tick is not None:
                tick(1)
    return curves


def threshold_rows(curves) -> list[dict]:
    """One row per curve: n*(eps, 0.01), n*(eps, eps) where the trial count decides it, and their context."""
    rows = []
    for ct in curves:
        # delta = eps is decidable only if even 0 failures can push the CP lower bound to 1 - eps
        zero_fail_low = (1 - ct.confidence) / 2
        need = math.log(1 / zero_fail_low) / ct.eps
        rows.append({
            "dist": ct.dist, "interval": list(ct.interval), "eps": ct.eps, "trials": ct.trials,
            "n_star_delta_0.01": ct.threshold(0.01),
            "n_star_delta_eps": ct.threshold(ct.eps) if ct.trials >= need and ct.eps < 1 else None,
            "delta_eps_status": ("estimated" if ct.trials >= need
                                 else f"needs >= {math.ceil(need)} trials (splitting: rare section)"),
            "counting_bound_n": counting_bound_n(ct.eps, *ct.interval),
            "median_first_cover": float(np.median(ct.times)),
            "seed_entropy": ct.seed_entropy,
            "n_max": ct.n_max,
            # power (issue 10 §4): the resolution of the n*(eps, 0.01) rule at this trial count
            "power_delta_0.01": threshold_resolution(0.01, ct.trials, confidence=ct.confidence, power=POWER),
        })
    return rows


def _audit_pool(curves, rows) -> list:
    """``(curve, lowest n, highest n)`` of the curves whose trials may enter the replay."""
    pool = []
    for ct, row in zip(curves, rows):
        if ct.eps >= REPLAY_MIN_EPS and ct.root is not None:
            lo = max(1, row["counting_bound_n"])
            hi = max(lo, min(ct.n_max, row["n_star_delta_0.01"] or ct.n_max))
            pool.append((ct, lo, hi))
    return pool


def _audit_record(ct, t: int, n: int) -> dict:
    xs = ct.trial_samples(t)[:n]
    return {"xs": [float(x).hex() for x in xs], "eps": float(ct.eps).hex(),
            "a": float(ct.interval[0]).hex(), "b": float(ct.interval[1]).hex(),
            "expected": bool(ct.times[t] <= n),
            "label": f"{ct.dist} on [{ct.interval[0]:g}, {ct.interval[1]:g}], eps={ct.eps:g}, "
                     f"trial {t} (seed entropy {ct.seed_entropy}), n={n}"}


def audit_instances(curves, rows, rng: np.random.Generator, count: int) -> list[dict]:
    r"""A deterministic audit subset of the very trials behind the P(n, eps) points and n* thresholds.

    Among the curves with eps >= :data:`~pybridge.rss.budget.REPLAY_MIN_EPS`, ``count`` (trial, n) pairs are
    drawn from ``rng`` (the section's ``REPLAY_AUDIT`` stream): a curve, a trial index and an n between the
    counting bound and the curve's n*(eps, 0.01) (``n_max`` when n* is not found).  Each trial's samples are
    regenerated from the run's seeds (:meth:`CoverageTimes.trial_samples`); the fast decision recorded by the
    run is "covered at n" iff ``times[t] <= n``.  Covered and not-covered come as they are drawn, except that
    the last pick is redrawn among the not-covered pairs when none was drawn and the data contain one.

    Returns
    -------
    list of dict
        JSON-safe exact instances: ``xs`` (float.hex strings of the first n samples), ``eps``, ``a``,
        ``b`` (float.hex), ``expected`` (bool), ``label``.
    """
    pool = _audit_pool(curves, rows)
    if not pool or count <= 0:
        return []
    picks = []
    for _ in range(count):
        ct, lo, hi = pool[int(rng.integers(len(pool)))]
        picks.append((ct, int(rng.integers(ct.trials)), int(rng.integers(lo, hi + 1))))
    if all(ct.times[t] <= n for ct, t, n in picks):
        fails = [(ct, t, lo) for ct, lo, hi in pool for t in range(ct.trials) if ct.times[t] > lo]
        if fails:
            ct, t, lo = fails[int(rng.integers(len(fails)))]
            picks[-1] = (ct, t, int(rng.integers(lo, int(ct.times[t]))))
    return [_audit_record(ct, t, n) for ct, t, n in picks]
