r"""The RFSS section of ``prunegap check`` (issue 13 §2), on a budget fixed up front.

* ``rfss-counting-bound`` / ``rfss-theorem5-counting-core`` — exact: 0 successes just below
  :math:`\binom nk 2\varepsilon \ge 2\sqrt k` for both laws, and that n satisfies Theorem 5's
  d = 1 inequality (exact integers);
* ``rfss-decision-exact`` — random instances (n <= 12): float = exact = brute force, certificates replay;
* ``rfss-theorem2-fixed-target`` — at Theorem 2's threshold (c_hyp = 1) the single-target
  probability over a grid of z, k, eps: empirical c_thm = min p̂ and a simultaneous (Bonferroni)
  one-sided Clopper–Pearson lower bound on the minimum;
* ``rfss-corollary1-all-targets`` — coupled curves :math:`P_k(n, \varepsilon)`, thresholds
  :math:`n^*_k(\varepsilon, \delta)` and the growth-exponent fit of :mod:`pybridge.rfss.fits`.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction

import numpy as np

from pybridge.claims import ClaimCheck, Plan, Section, SectionSpec
from pybridge.runtime import seeding
from pybridge.validation import check_bool
from pybridge.stats.estimate import clopper_pearson, clopper_pearson_lower

__all__ = ["SECTION", "rfss_budget", "rfss_section"]

DELTA = 0.05
#: family-wise error of the simultaneous lower bound on c_thm
ALPHA = 0.05


def rfss_budget(quick: bool) -> dict:
    """Trial budget (fixed before any trial runs)."""
    if check_bool("quick", quick):
        return {"counting": [(2, 1e-2), (3, 1e-3)], "counting_trials": 32, "exact_instances": 30,
                "thm2_k": [2, 4], "thm2_eps": [1e-1, 1e-2], "thm2_trials": 100,
                "curves": [("uniform", 4, [1e-1, 3e-2, 1e-2, 3e-3])],
                "curve_trials": 100}
    return {"counting": [(2, 1e-2), (3, 1e-3), (4, 1e-3), (6, 1e-4)], "counting_trials": 128,
            "exact_instances": 150, "thm2_k": [2, 4, 8], "thm2_eps": [1e-1, 1e-2, 1e-3], "thm2_trials": 400,
            "curves": [("uniform", 3, [1e-1, 3e-2, 1e-2, 3e-3, 1e-3]),
                       ("uniform", 4, [1e-1, 3e-2, 1e-2, 3e-3, 1e-3]),
                       ("uniform", 6, [1e-1, 3e-2, 1e-2, 3e-3, 1e-3]),
                       ("mixture", 3, [1e-1, 1e-2, 1e-3])],
            "curve_trials": 300}


def _n_max(k: int, eps: float) -> int:
    from pybridge.rfss.montecarlo import counting_bound_n_fixed, theorem2_threshold_n

    return max(4 * theorem2_threshold_n(k, eps) + 20, 3 * counting_bound_n_fixed(k, Fraction(eps)) + 40)


def _counting_checks(budget, rng) -> list:
    from pybridge.rfss.montecarlo import counting_bound_n_fixed, estimate_fixed_probability
    from pybridge.rfss.twins import thm5_counting_core

    rows = []
    for i, (k, eps) in enumerate(budget["counting"]):
        n = counting_bound_n_fixed(k, Fraction(eps)) - 1
        for j, dist in enumerate(("uniform", "mixture")):
            est = estimate_fixed_probability(n, k, eps, dist=dist, trials=budget["counting_trials"],
                                             seed=seeding.child_seed(rng, 10, 2 * i + j))
            rows.append({"k": k, "eps": eps, "n": n, "dist": dist, "binom_2eps": math.comb(n, k) * 2 * eps,
                         "width": 2 * math.sqrt(k), "successes": est.estimate.successes,
                         "trials": est.estimate.trials})
    bad = [r for r in rows if r["successes"]]
    c1 = ClaimCheck("rfss-counting-bound", "violated" if bad else "holds",
                    "Just below the counting bound (C(n,k)*2eps < 2 sqrt k), the estimator returned "
                    + ", ".join(f"{r['successes']}/{r['trials']} (k={r['k']}, eps={r['eps']:g}, n={r['n']}, "
                                f"{r['dist']})" for r in rows)
                    + " successes: exactly 0, as the counting bound forces (exact decisions).", "exact",
                    {"rows": rows})
    core = []
    for k in range(2, 11):
        for e in (Fraction(1, 10), Fraction(1, 100), Fraction(1, 1000), Fraction(1, 10**4), Fraction(1, 10**5)):
            core.append({"k": k, "eps": str(e), "n_count": counting_bound_n_fixed(k, e),
                         "holds": thm5_counting_core(k, e)})
    bad5 = [r for r in core if not r["holds"]] + [r for r in rows if r["successes"]]
    c2 = ClaimCheck("rfss-theorem5-counting-core", "violated" if bad5 else "holds",
                    f"For k = 2..10 and eps in {{1e-1, 1e-2, 1e-3, 1e-4, 1e-5}} ({len(core)} pairs), the smallest n "
                    "with C(n,k)*2eps >= 2 sqrt k satisfies Theorem 5's d = 1 inequality n H2(k/n) >= (1/2) "
                    f"log2(k/eps) in {sum(r['holds'] for r in core)}/{len(core)} cases (exact integer comparison); "
                    "below that n the estimator returned 0 successes (rows of rfss-counting-bound).", "exact",
                    {"pairs": core})
    return [c1, c2]


def _exact_check(budget, rng) -> ClaimCheck:
    from pybridge.rfss import decide_fixed_cover, verify_fixed_certificate
    from pybridge.rfss.twins import decision_matches_brute_force

    g = seeding.child_rng(rng, 11, 0)
    bad = covered = certs = 0
    for _ in range(budget["exact_instances"]):
        n = int(g.integers(2, 13))
        k = int(g.integers(1, min(n, 5) + 1))
        xs = g.uniform(-1, 1, n)
        eps = float(g.choice([0.05, 0.1, 0.2]))
        iv = (-math.sqrt(k) / 2, math.sqrt(k) / 2)
        bad += not decision_matches_brute_force(xs, k, eps, *iv)
        res = decide_fixed_cover(xs, k, eps, interval=iv, certificate=True)
        if res.covered:
            covered += 1
            certs += verify_fixed_certificate(res.certificate)
    verdict = "violated" if bad or certs != covered else "holds"
    return ClaimCheck("rfss-decision-exact", verdict,
                      f"{budget['exact_instances']} random instances (n <= 12, k <= 5, Uniform[-1,1], eps in "
                      f"{{0.05, 0.1, 0.2}}, target [-sqrt k/2, sqrt k/2]): float, exact and brute force over all "
                      f"k-subsets disagreed {bad} times; {covered} covered instances, {certs} certificates replayed "
                      "exactly.", "exact", {"disagreements": bad, "covered": covered, "certificates_ok": certs})


def _thm2_check(budget, rng, workers) -> ClaimCheck:
    from pybridge.rfss.montecarlo import estimate_fixed_probability, theorem2_threshold_n

    cells = []
    idx = 0
    for k in budget["thm2_k"]:
        for eps in budget["thm2_eps"]:
            n = theorem2_threshold_n(k, eps)
            for frac in (-1.0, -0.5, 0.0, 0.5, 1.0):
                z = frac * math.sqrt(k)
                est = estimate_fixed_probability(n, k, eps, target=z, trials=budget["thm2_trials"],
                                                 seed=seeding.child_seed(rng, 12, idx), workers=1)  # ~10 ms cell
                idx += 1
                e = est.estimate
                cells.append({"k": k, "eps": eps, "n": n, "z_over_sqrt_k": frac, "successes": e.successes,
                              "trials": e.trials, "p_hat": e.p_hat})
    m = len(cells)
    for c in cells:
        c["lower_simultaneous"] = clopper_pearson_lower(c["successes"], c["trials"], alpha=ALPHA / m)
    worst = min(cells, key=lambda c: c["p_hat"])
    lower = min(c["lower_simultaneous"] for c in cells)
    verdict = "consistent" if lower > 0 else "undetermined"
    text = (f"Uniform[-1,1], n = smallest n >= 2k with n >= log2(k/eps)/H2(k/n) (c_hyp = 1, exact), z in "
            f"{{-1, -1/2, 0, 1/2, 1}} * sqrt k, k in {budget['thm2_k']}, eps in {budget['thm2_eps']}, "
            f"{budget['thm2_trials']} trials per cell ({m} cells), strict event |Sigma_S - z| < eps: empirical "
            f"c_thm = min p_hat = {worst['p_hat']:.3f} (k={worst['k']}, eps={worst['eps']:g}, n={worst['n']}, "
            f"z={worst['z_over_sqrt_k']:g} sqrt k); simultaneous {1 - ALPHA:.0%} lower bound on the minimum over "
            f"cells (one-sided Clopper-Pearson at level {ALPHA:g}/{m}) = {lower:.3f}. The theorem only asserts "
            "some c_thm > 0; 'consistent' means this lower bound is > 0 (data cannot test a bound on all n).")
    from pybridge.stats.power import power_record

    t_min = min(c["trials"] for c in cells)
    per_cell = 1 - 0.1 ** (1 / t_min)  # Pr[>= 1 success] >= 0.9: the lower bound is > 0 iff a cell has a success
    all_cells = 1 - (1 - 0.9 ** (1 / m)) ** (1 / t_min)
    ptext = (f"Power: a cell whose true probability is 0 (c_thm = 0, the violation) keeps the verdict from "
             f"'consistent' with probability 1; c_thm > 0 is shown with probability >= 0.9 once a cell's "
             f"probability is >= {per_cell:.3f} (all {m} cells at once: >= {all_cells:.3f}; {t_min} trials per "
             "cell, exact: the simultaneous lower bound is > 0 iff every cell has a success).")
    text += " " + ptext
    power = power_record("simultaneous one-sided Clopper-Pearson lower bound > 0", alpha=ALPHA, trials=t_min,
                         text=ptext, method="exact (closed form 1 - 0.1^(1/N))",
                         cell_probability_shown_positive_p90=per_cell, all_cells_p90=all_cells)
    return ClaimCheck("rfss-theorem2-fixed-target", verdict, text, "monte-carlo",
                      {"cells": cells, "c_thm_empirical": worst["p_hat"], "c_thm_lower": lower, "power": power})


def _curves(budget, rng, workers, tick):
    from pybridge.rfss.montecarlo import fixed_coverage_times

    curves = []
    idx = 0
    for dist, k, eps_list in budget["curves"]:
        for eps in eps_list:
            curves.append(fixed_coverage_times(k, eps, n_max=_n_max(k, eps), trials=budget["curve_trials"],
                                               dist=dist, seed=seeding.child_seed(rng, 20, idx), workers=workers))
            idx += 1
            tick(1)
    return curves


def _cor1_check(curves):
    from pybridge.rfss.fits import entropy2, fit_growth_exponent, fit_offset_exponent
    from pybridge.rfss.montecarlo import counting_bound_n_fixed, theorem2_threshold_n

    rows = []
    for ct in curves:
        ns = ct.threshold(DELTA)
        need = math.log(2 / 0.05) / ct.eps  # zero failures must reach CP lower bound 1 - eps
        ne = ct.threshold(ct.eps) if ct.trials >= need else None
        L = math.log2(ct.k / ct.eps)
        rows.append({"dist": ct.dist, "k": ct.k, "eps": ct.eps, "trials": ct.trials, "n_star": ns,
                     "n_star_delta_eps": ne, "counting_n": counting_bound_n_fixed(ct.k, Fraction(ct.eps)),
                     "theorem2_n": theorem2_threshold_n(ct.k, ct.eps),
                     "median_first_cover": float(np.median(ct.times)), "log2_k_over_eps": L,
                     "n_star_H2": ns * entropy2(ct.k / ns) if ns else None,
                     "c1": ns * entropy2(ct.k / ns) / L if ns else None,
                     "c2": ns * entropy2(ct.k / ns) / L**2 if ns else None, "seed_entropy": ct.seed_entropy})
    uni = [r for r in rows if r["dist"] == "uniform"]
    found = [r for r in uni if r["n_star"] is not None]
    fit = fit_offset_exponent([r["log2_k_over_eps"] for r in found], [r["n_star_H2"] for r in found],
                              [r["k"] for r in found])
    power = fit_growth_exponent([r["log2_k_over_eps"] for r in found], [r["n_star_H2"] for r in found])
    per_k = {}
    for k in sorted({r["k"] for r in found}):
        s = [r for r in found if r["k"] == k]
        per_k[str(k)] = fit_offset_exponent([r["log2_k_over_eps"] for r in s], [r["n_star_H2"] for r in s], [k] * len(s))
    missing = [(r["k"], r["eps"]) for r in rows if r["n_star"] is None]
    ci = fit.get("beta_ci95")
    supported = [b for b in (1, 2) if fit.get(f"form_beta_{b}", {}).get("inside_ci")]
    ok = not missing and ci is not None and ci[0] <= 2.0
    verdict = "consistent" if ok else "undetermined"
    if ci:
        f1, f2 = fit["form_beta_1"], fit["form_beta_2"]
        beta_txt = (f"beta = {fit['beta']:.2f} (95% profile-likelihood CI [{ci[0]:.2f}, {ci[1]:.2f}], "
                    f"{fit['points']} points); RMS residual of the log2 form {f1['rms_residual']:.3f} (slope "
                    f"{f1['c']:.3f}), of the log2^2 form {f2['rms_residual']:.3f} (slope {f2['c']:.4f})")
    else:
        beta_txt = "beta: too few points"
    which = ("only the log2(k/eps) form (beta = 1)" if supported == [1] else
             "only the log2^2(k/eps) form (beta = 2)" if supported == [2] else
             "both forms" if supported else "neither form")
    text = (f"Uniform[-1,1], targets [-sqrt k, sqrt k], delta = {DELTA:g}, k in {sorted({r['k'] for r in uni})}: "
            "fitting n* H2(k/n*) = c0_k + c log2(k/eps)^beta (an offset per k absorbs edge effects at large eps) "
            f"gives {beta_txt}; the CI contains {which}. Without offsets a pure power law gives beta = "
            f"{power.get('beta', float('nan')):.2f}. Corollary 1 asserts sufficiency of c_amp log2^2(k/eps)/H2(k/n) "
            "(beta <= 2) at failure eps; the measured threshold is at fixed delta, where its amplification factor "
            "is not needed. 'consistent': every n* found and the CI's lower end <= 2; data cannot prove a bound."
            + (f" Missing n*: {missing}." if missing else ""))
    fit["power_law_without_offset"] = power
    from pybridge.stats.power import power_record

    if ci is None or (ci[0] <= 0.1 + 1e-9 and ci[1] >= 3.0 - 1e-9):
        ptext = ("Power: none at this budget: the 95% profile-likelihood CI for beta "
                 + ("is not defined (too few points)" if ci is None else "covers the whole searched range [0.1, 3]")
                 + ", so no beta > 2 (the violation) can be rejected.")
        shift = None
    else:
        shift = float(fit["beta"] - ci[0])
        ptext = (f"Power (approximate: the observed CI shifted, not a computed power): a violation beta > 2 is "
                 f"reported only if the CI's lower end exceeds 2, i.e. roughly a true beta >= {2 + shift:.2f} "
                 f"(beta_hat - CI low = {shift:.2f}); the profile CI is at 95%, not at 1 - 1e-6.")
    text += " " + ptext
    pw = power_record("95% profile-likelihood CI of beta has its lower end above 2", alpha=0.05,
                      trials=min((r["trials"] for r in uni), default=None), text=ptext,
                      method="approximate (shift of the observed profile-likelihood CI)",
                      detectable_beta_approx=None if shift is None else 2 + shift)
    return ClaimCheck("rfss-corollary1-all-targets", verdict, text, "monte-carlo",
                      {"rows": rows, "fit": fit, "fit_per_k": per_k, "supported_betas": supported, "power": pw}), \
        rows, fit, per_k


def rfss_section(plan: Plan, rng) -> Section:
    """Run the RFSS checks on the fixed budget (see :func:`rfss_budget`)."""
    t0 = time.perf_counter()
    budget = rfss_budget(plan.quick)
    sec = Section("rfss", "Random fixed-size subset sum (RFSS)")
    sec.checks += _counting_checks(budget, rng)
    sec.checks.append(_exact_check(budget, rng))
    sec.checks.append(_thm2_check(budget, rng, plan.workers))
    curves = _curves(budget, rng, plan.workers, plan.tick)
    check, rows, fit, per_k = _cor1_check(curves)
    sec.checks.append(check)
    sec.data = {"budget": budget, "thresholds": rows, "fit": fit, "fit_per_k": per_k,
                "theorem2": sec.checks[3].data, "curves": [c.to_dict() for c in curves]}
    sec.markdown = _markdown(rows, fit, per_k, sec.checks[3].data)
    from pybridge.rfss.figures import plot_fixed_curves, plot_fixed_thresholds

    sec.figures["rfss_cover_probability.png"] = lambda path: plot_fixed_curves(curves, path)
    sec.figures["rfss_threshold.png"] = lambda path: plot_fixed_thresholds(rows, path)
    sec.seconds = time.perf_counter() - t0
    return sec


def _markdown(rows, fit, per_k, thm2) -> str:
    lines = ["### Fixed-size thresholds n*_k(eps, delta)", "",
             f"n*_k = smallest n whose two-sided 95% Clopper-Pearson lower bound on P_k(n, eps) reaches 1 - delta "
             f"(delta = {DELTA:g}; coupled trials). Targets [-sqrt k, sqrt k] with exact ends; decisions exact.", "",
             "| law | k | eps | trials | counting n | Thm 2 n (c_hyp=1) | median first cover | n*_k | n*_k(delta=eps) "
             "| n* H2 / log2(k/eps) | n* H2 / log2^2(k/eps) |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        c1 = f"{r['c1']:.3f}" if r["c1"] else "-"
        c2 = f"{r['c2']:.4f}" if r["c2"] else "-"
        lines.append(f"| {r['dist']} | {r['k']} | {r['eps']:g} | {r['trials']} | {r['counting_n']} | "
                     f"{r['theorem2_n']} | {r['median_first_cover']:g} | {r['n_star']} | {r['n_star_delta_eps']} | "
                     f"{c1} | {c2} |")
    if fit.get("beta_ci95"):
        lines += ["", f"Growth exponent of n* H2(k/n*) = c0_k + c log2(k/eps)^beta (uniform, pooled): beta = "
                      f"{fit['beta']:.2f}, 95% profile CI [{fit['beta_ci95'][0]:.2f}, {fit['beta_ci95'][1]:.2f}]; "
                      "per k: "
                  + ", ".join(f"k={k}: {f['beta']:.2f} [{f['beta_ci95'][0]:.2f}, {f['beta_ci95'][1]:.2f}]"
                              for k, f in per_k.items() if "beta" in f)]
    lines += ["", f"Theorem 2 at its threshold: empirical c_thm = {thm2['c_thm_empirical']:.3f}, simultaneous lower "
                  f"bound {thm2['c_thm_lower']:.3f}.", "",
              "![P_k(n, eps)](rfss_cover_probability.png)", "", "![n*_k](rfss_threshold.png)", ""]
    return "\n".join(lines)


def _steps(plan: Plan) -> int:
    return sum(len(c[2]) for c in rfss_budget(plan.quick)["curves"])


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 1.0 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 2.5 if plan.quick else 40.0


SECTION = SectionSpec(name="rfss", title="Random fixed-size subset sum (RFSS)", run=rfss_section, steps=_steps,
                      seed_key=5,
                      seconds=_seconds)
