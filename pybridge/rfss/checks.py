r"""The exact checks and Theorem 2's single-target check of the ``rfss`` section.

* ``rfss-counting-bound`` — just below :math:`\binom nk 2\varepsilon \ge 2\sqrt k` the estimator returns
  exactly 0 successes for both laws (:func:`counting_rows`, :func:`counting_record`);
* ``rfss-theorem5-counting-core`` — that n satisfies Theorem 5's d = 1 inequality, exact integers
  (:func:`theorem5_record`);
* ``rfss-decision-exact`` — random instances (n <= 12): float = exact = brute force, certificates replay
  (:func:`decision_record`);
* ``rfss-theorem2-fixed-target`` — at Theorem 2's threshold (c_hyp = 1) the single-target probability over a
  grid of z, k, eps: empirical c_thm = min p̂ and a simultaneous (Bonferroni) one-sided Clopper–Pearson lower
  bound on the minimum (:func:`theorem2_cells`, :func:`theorem2_record`).

Every random number comes from a named stream of :class:`pybridge.rfss.streams.Stream`.
"""

from __future__ import annotations

import math
from fractions import Fraction

from pybridge.claims.records import ExactCheck, IntervalEstimate, Power
from pybridge.rfss.budget import (ALPHA, CORE_EPS, CORE_K, DECISION_EPS, DECISION_K_MAX, DECISION_N, MISS,
                                  Z_FRACTIONS, RfssBudget)
from pybridge.rfss.certificate import verify_fixed_certificate
from pybridge.rfss.decide import decide_fixed_cover
from pybridge.rfss.montecarlo import counting_bound_n_fixed, estimate_fixed_probability, theorem2_threshold_n
from pybridge.rfss.streams import Stream
from pybridge.rfss.twins import decision_matches_brute_force, thm5_counting_core
from pybridge.stats.estimate import clopper_pearson_lower
from pybridge.stats.power import power_record

#: the section builds on these (``pybridge.rfss.section``); not part of the package's public API, so not fuzzed
__all__: list[str] = []

LAWS = ("uniform", "mixture")


def counting_rows(budget: RfssBudget, streams) -> list[dict]:
    """The estimator at n = counting bound - 1 for every ``(k, eps)`` of the budget and both laws."""
    rows = []
    for i, (k, eps) in enumerate(budget.counting):
        n = counting_bound_n_fixed(k, Fraction(eps)) - 1
        for j, dist in enumerate(LAWS):
            est = estimate_fixed_probability(n, k, eps, dist=dist, trials=budget.counting_trials,
                                             seed=streams.seed(Stream.COUNTING, 2 * i + j))
            rows.append({"k": k, "eps": eps, "n": n, "dist": dist, "binom_2eps": math.comb(n, k) * 2 * eps,
                         "width": 2 * math.sqrt(k), "successes": est.estimate.successes,
                         "trials": est.estimate.trials})
    return rows


def counting_record(rows: list[dict]) -> ExactCheck:
    """``rfss-counting-bound``: every trial below the counting bound is an exact decision that must fail."""
    successes = sum(r["successes"] for r in rows)
    setting = ("The Monte Carlo estimator just below the counting bound (C(n,k) * 2 eps < 2 sqrt k), targets "
               "[-sqrt k, sqrt k]; successes: " + ", ".join(
                   f"{r['successes']}/{r['trials']} (k={r['k']}, eps={r['eps']:g}, n={r['n']}, {r['dist']})"
                   for r in rows))
    return ExactCheck(claim_id="rfss-counting-bound", verdict="violated" if successes else "holds", setting=setting,
                      instances=sum(r["trials"] for r in rows), failures=successes,
                      note="Every trial is an exact decision; a success would contradict the counting bound, so "
                           "the bound forces exactly 0.",
                      details={"rows": rows})


def theorem5_record(rows: list[dict]) -> ExactCheck:
    """``rfss-theorem5-counting-core``: the counting-bound n against Theorem 5's d = 1 inequality (exact)."""
    core = [{"k": k, "eps": str(e), "n_count": counting_bound_n_fixed(k, e), "holds": thm5_counting_core(k, e)}
            for k in CORE_K for e in CORE_EPS]
    failures = sum(not r["holds"] for r in core) + sum(bool(r["successes"]) for r in rows)
    eps_text = ", ".join(f"{float(e):.0e}".replace("e-0", "e-") for e in CORE_EPS)
    setting = (f"For k = {CORE_K[0]}..{CORE_K[-1]} and eps in {{{eps_text}}} ({len(core)} pairs), the smallest n "
               "with C(n,k) * 2 eps >= 2 sqrt k, compared with n H2(k/n) >= (1/2) log2(k/eps) by exact integer "
               f"comparison; plus the {len(rows)} estimator rows of rfss-counting-bound just below that n")
    return ExactCheck(claim_id="rfss-theorem5-counting-core", verdict="violated" if failures else "holds",
                      setting=setting, instances=len(core) + len(rows), failures=failures,
                      note="An instance is a (k, eps) pair (the inequality holds) or an estimator row below the "
                           "counting-bound n (0 successes, as in rfss-counting-bound).",
                      details={"pairs": core})


def _decision_instance(g):
    n = int(g.integers(DECISION_N[0], DECISION_N[1] + 1))
    k = int(g.integers(1, min(n, DECISION_K_MAX) + 1))
    xs = g.uniform(-1, 1, n)
    eps = float(g.choice(DECISION_EPS))
    return xs, k, eps, (-math.sqrt(k) / 2, math.sqrt(k) / 2)


def decision_record(budget: RfssBudget, streams) -> ExactCheck:
    """``rfss-decision-exact``: float, exact and brute force agree; every certificate replays exactly."""
    g = streams.rng(Stream.DECISIONS)
    bad = covered = certs = failures = 0
    for _ in range(budget.exact_instances):
        xs, k, eps, iv = _decision_instance(g)
        agree = decision_matches_brute_force(xs, k, eps, *iv)
        res = decide_fixed_cover(xs, k, eps, interval=iv, certificate=True)
        replayed = bool(res.covered and verify_fixed_certificate(res.certificate))
        bad += not agree
        covered += bool(res.covered)
        certs += replayed
        failures += (not agree) or (res.covered and not replayed)
    setting = (f"{budget.exact_instances} random instances (n <= {DECISION_N[1]}, k <= {DECISION_K_MAX}, "
               f"Uniform[-1,1], eps in {{{', '.join(f'{e:g}' for e in DECISION_EPS)}}}, target "
               f"[-sqrt k/2, sqrt k/2]): float, exact and brute force over all k-subsets disagreed {bad} times; "
               f"{covered} covered instances, {certs} certificates replayed exactly")
    return ExactCheck(claim_id="rfss-decision-exact", verdict="violated" if failures else "holds", setting=setting,
                      instances=budget.exact_instances, failures=failures,
                      note="A failure is a disagreement of the three decisions or a covering certificate that does "
                           "not replay.",
                      details={"disagreements": bad, "covered": covered, "certificates_ok": certs})


def theorem2_cells(budget: RfssBudget, streams) -> list[dict]:
    """Single-target estimates at Theorem 2's threshold n for every (k, eps, z) cell, with simultaneous bounds."""
    cells = []
    for k in budget.thm2_k:
        for eps in budget.thm2_eps:
            n = theorem2_threshold_n(k, eps)
            for frac in Z_FRACTIONS:
                est = estimate_fixed_probability(n, k, eps, target=frac * math.sqrt(k), trials=budget.thm2_trials,
                                                 seed=streams.seed(Stream.THEOREM2_CELLS, len(cells)),
                                                 workers=1)  # ~10 ms cell
                e = est.estimate
                cells.append({"k": k, "eps": eps, "n": n, "z_over_sqrt_k": frac, "successes": e.successes,
                              "trials": e.trials, "p_hat": e.p_hat})
    for c in cells:
        c["lower_simultaneous"] = clopper_pearson_lower(c["successes"], c["trials"], alpha=ALPHA / len(cells))
    return cells


def theorem2_power(cells: list[dict]) -> Power:
    """Exact power of "the simultaneous lower bound is > 0" (it is iff every cell has a success)."""
    m = len(cells)
    t_min = min(c["trials"] for c in cells)
    per_cell = 1 - MISS ** (1 / t_min)  # Pr[>= 1 success] >= 0.9
    all_cells = 1 - (1 - (1 - MISS) ** (1 / m)) ** (1 / t_min)
    text = (f"Power: a cell whose true probability is 0 (c_thm = 0, the violation) keeps the verdict from "
            f"'consistent' with probability 1; c_thm > 0 is shown with probability >= 0.9 once a cell's "
            f"probability is >= {per_cell:.3f} (all {m} cells at once: >= {all_cells:.3f}; {t_min} trials per "
            "cell, exact: the simultaneous lower bound is > 0 iff every cell has a success).")
    return Power.from_record(power_record("simultaneous one-sided Clopper-Pearson lower bound > 0", alpha=ALPHA,
                                          trials=t_min, text=text, method="exact (closed form 1 - 0.1^(1/N))",
                                          cell_probability_shown_positive_p90=per_cell, all_cells_p90=all_cells))


def theorem2_record(budget: RfssBudget, cells: list[dict]) -> IntervalEstimate:
    """``rfss-theorem2-fixed-target``: empirical c_thm and its simultaneous lower bound ('consistent' if > 0)."""
    m = len(cells)
    worst = min(cells, key=lambda c: c["p_hat"])
    lower = min(c["lower_simultaneous"] for c in cells)
    z_text = ", ".join(f"{f:g}" for f in Z_FRACTIONS)
    setting = (f"Uniform[-1,1], n = smallest n >= 2k with n >= log2(k/eps)/H2(k/n) (c_hyp = 1, exact), z in "
               f"{{{z_text}}} * sqrt k, k in {list(budget.thm2_k)}, eps in {list(budget.thm2_eps)}, "
               f"{budget.thm2_trials} trials per cell ({m} cells), strict event |Sigma_S - z| < eps; the smallest "
               f"p_hat is at k={worst['k']}, eps={worst['eps']:g}, n={worst['n']}, z={worst['z_over_sqrt_k']:g} "
               "sqrt k")
    return IntervalEstimate(
        claim_id="rfss-theorem2-fixed-target", verdict="consistent" if lower > 0 else "undetermined",
        setting=setting, quantity="c_thm (the smallest single-target probability over the cells)",
        value=worst["p_hat"], low=lower, high=1.0, confidence=1 - ALPHA,
        estimator=f"min p_hat; simultaneous one-sided Clopper-Pearson lower bound at level {ALPHA:g}/{m} per cell",
        trials=sum(c["trials"] for c in cells), power=theorem2_power(cells),
        note="The theorem only asserts some c_thm > 0; 'consistent' means the simultaneous lower bound is > 0 "
             "(data cannot test a bound on all n).",
        details={"cells": cells, "c_thm_empirical": worst["p_hat"], "c_thm_lower": lower})
