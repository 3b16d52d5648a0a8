r"""The random-masks section of ``prunegap check`` (issue 13 §3), on a budget fixed up front.

* ``masks-mixture-identity`` — exact on finite-atom laws (RSS and k-subset events), and on Monte Carlo:
  a direct masked estimate (``estimate_cover_probability(..., density=p)``) against the binomial mixture
  of independent coupled first-cover times, Hoeffding two-sample test with false-alarm rate 1e-6;
* ``masks-overparameterization-factor`` — the table :math:`n^*_p/n^*_1` for five p and three ε with paired
  bootstrap intervals, against 1/p and 1/log(1/(1-p));
* ``masks-fixed-size`` — the same for k-subsets of the kept samples (k = 4), plus its Hoeffding check.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction

import numpy as np

from pybridge.claims import ClaimCheck, Plan, Section, SectionSpec
from pybridge.runtime import seeding
from pybridge.validation import check_bool

__all__ = ["SECTION", "masks_budget", "masks_section"]

PS = (0.9, 0.7, 0.5, 0.3, 0.1)
DELTA = 0.05
ALPHA = 1e-6


def masks_budget(quick: bool) -> dict:
    if check_bool("quick", quick):
        return {"mc_trials": 400, "factor_eps": [1e-1, 1e-2], "factor_trials": 300, "bootstrap": 60,
                "fixed_eps": [1e-1], "fixed_trials": 150, "exact_n": 3}
    return {"mc_trials": 3000, "factor_eps": [1e-1, 1e-2, 1e-3], "factor_trials": 1000, "bootstrap": 200,
            "fixed_eps": [1e-1, 1e-2], "fixed_trials": 400, "exact_n": 4}


def _rss_n_max(eps: float) -> int:
    from pybridge.rss import counting_bound_n

    return int(math.ceil(2 * math.log2(1 / eps))) + 14 + counting_bound_n(eps) // 4


def _mixture_checks(budget, rng, workers) -> list:
    from pybridge.masks.mixture import binomial_mixture, hoeffding_two_sample, mixture_identity_exact
    from pybridge.rfss import fixed_covers
    from pybridge.rss import coverage_times, estimate_cover_probability

    atoms = [Fraction(-1, 2), Fraction(-1, 4), Fraction(1, 4), Fraction(1, 2)]
    n = budget["exact_n"]
    exact_rows = []
    for p in (Fraction(1, 2), Fraction(1, 3)):
        ok_rss = mixture_identity_exact(atoms, n, p, Fraction(1, 8), (Fraction(-1, 2), Fraction(1, 2)))
        ok_k = mixture_identity_exact(atoms, n, p, Fraction(1, 8), (Fraction(-1, 2), Fraction(1, 2)),
                                      decide=lambda kept: fixed_covers(kept, 2, Fraction(1, 8),
                                                                       interval=(Fraction(-1, 2), Fraction(1, 2)),
                                                                       exact=True))
        exact_rows.append({"p": str(p), "n": n, "rss": ok_rss, "k_subsets_k2": ok_k})
    bad = [r for r in exact_rows if not (r["rss"] and r["k_subsets_k2"])]
    c_exact = ClaimCheck("masks-mixture-identity", "violated" if bad else "holds",
                         f"Exact (Fractions): law uniform on {{-1/2, -1/4, 1/4, 1/2}}, n = {n}, eps = 1/8, target "
                         "[-1/2, 1/2], p in {1/2, 1/3}: enumerating every sample and every mask, P_mask equals "
                         "sum_m Binom(n, p)(m) P(m) for RSS coverage and for 2-subset coverage in "
                         f"{sum(r['rss'] + r['k_subsets_k2'] for r in exact_rows)}/{2 * len(exact_rows)} cases.",
                         "exact", {"rows": exact_rows})
    n, eps, p, T = 24, 1e-2, 0.7, budget["mc_trials"]
    direct = estimate_cover_probability(n, eps, density=p, trials=T, seed=seeding.child_seed(rng, 10, 0),
                                        workers=workers)
    ct = coverage_times(eps, n_max=n, trials=T, seed=seeding.child_seed(rng, 10, 1), workers=workers)
    mix = binomial_mixture(ct.times, n, p)
    test = hoeffding_two_sample(direct.estimate.p_hat, T, mix, T, alpha=ALPHA)
    c_mc = ClaimCheck("masks-mixture-identity", "violated" if test["rejects"] else "holds",
                      f"Monte Carlo, Uniform[-1,1], n = {n}, eps = {eps:g}, [-1, 1], p = {p}: direct masked estimate "
                      f"{direct.estimate.successes}/{T} = {direct.estimate.p_hat:.4f} vs binomial mixture of {T} "
                      f"independent coupled first-cover times {mix:.4f}; difference {test['difference']:+.4f}, "
                      f"Hoeffding threshold {test['threshold']:.4f} at false-alarm rate {ALPHA:g}. "
                      + _hoeffding_power(T)["text"], "monte-carlo",
                      {"direct": direct.to_dict(), "mixture": mix, "test": test, "times_seed": ct.seed_entropy,
                       "power": _hoeffding_power(T)})
    return [c_exact, c_mc]


def _hoeffding_power(T: int) -> dict:
    """Power of the Hoeffding two-sample test of the mixture identity (issue 10 §4)."""
    from pybridge.stats.power import hoeffding_detectable_difference, power_record

    x = hoeffding_detectable_difference(T, T, alpha=ALPHA, power=0.9)
    text = (f"Power: rejects with probability >= 0.9 if the two probabilities differ by >= {x:.3f} ({T} + {T} "
            "trials; Hoeffding on both sides, a sufficient bound)."
            if x < 1 else f"Power: none at this budget ({T} + {T} trials: a difference of {x:.2f} > 1 would be "
                          "needed).")
    return power_record("Hoeffding two-sample test of two [0, 1] means", alpha=ALPHA, trials=T, text=text,
                        method="closed form (Hoeffding 1963, Thm 2, both tails)",
                        detectable_difference_p90=x if x < 1 else None)


def _factor_power() -> dict:
    from pybridge.stats.power import power_record

    text = ("Power: none as a test: 'consistent' only requires every factor to be measured, and the candidate laws "
            "are ranked by RMS log residual, not rejected; the per-row 95% bootstrap intervals are the resolution.")
    return power_record("no rejection rule (measurement and ranking)", alpha=None, trials=None, text=text,
                        method="none", detectable=None)


def _laws_summary(rows) -> dict:
    from pybridge.masks.factor import CANDIDATE_LAWS

    out = {}
    for name in CANDIDATE_LAWS:
        res = [math.log(r["factor"] / r[name]) for r in rows if r["factor"] and r[name] > 0]
        out[name] = {"rms_log_residual": math.sqrt(sum(v * v for v in res) / len(res)) if res else None,
                     "inside_ci": sum(r[f"{name} inside CI"] for r in rows), "rows": len(rows),
                     "mean_log_ratio": sum(res) / len(res) if res else None}
    return out


def _factor_check(budget, rng, workers, tick):
    from pybridge.masks.factor import factor_table
    from pybridge.rss import coverage_times

    tables = {}
    for i, eps in enumerate(budget["factor_eps"]):
        ct = coverage_times(eps, n_max=_rss_n_max(eps), trials=budget["factor_trials"],
                            seed=seeding.child_seed(rng, 20, i), workers=workers)
        tables[f"RSS eps={eps:g}"] = factor_table(ct.times, ct.n_max, PS, DELTA, seeding.child_rng(rng, 21, i),
                                                  bootstrap=budget["bootstrap"])
        tick(1)
    rows = [r for t in tables.values() for r in t]
    laws = _laws_summary(rows)
    finite = all(r["factor"] is not None for r in rows)
    best = min(laws, key=lambda k: laws[k]["rms_log_residual"] if laws[k]["rms_log_residual"] is not None else 1e9)
    verdict = "consistent" if finite else "undetermined"
    text = (f"Masked RSS, Uniform[-1,1], [-1, 1], delta = {DELTA:g}, {budget['factor_trials']} coupled trials per eps "
            f"(masked first-cover times = T + NegBin(T, p), exact in law), eps in {budget['factor_eps']}: factors "
            + "; ".join(f"{lab}: " + ", ".join(f"p={r['p']:g}: {r['factor']:.2f}" if r["factor"] else f"p={r['p']:g}: -"
                                               for r in t) for lab, t in tables.items())
            + f". Best candidate by RMS log residual: {best} ("
            + ", ".join(f"{k}: rms {v['rms_log_residual']:.3f}, inside the 95% CI in {v['inside_ci']}/{v['rows']} rows, "
                        f"mean log(factor/law) {v['mean_log_ratio']:+.3f}" for k, v in laws.items())
            + "). 1/log(1/(1-p)) is < 1 for p > 1 - 1/e, impossible for a factor (masking only removes samples); "
            "at fixed delta the factor exceeds 1/p by the binomial spread of the kept count, which vanishes as n grows. "
            "The paper's statement is about networks and was read only in its abstract (READ-ABS): this measures the "
            "one-dimensional core, it does not test the theorem. 'consistent' = every factor measured. "
            + _factor_power()["text"])
    return ClaimCheck("masks-overparameterization-factor", verdict, text, "monte-carlo",
                      {"tables": tables, "laws": laws, "power": _factor_power()}), tables, laws


def _fixed_check(budget, rng, workers, tick):
    from pybridge.masks.factor import factor_table
    from pybridge.masks.mixture import binomial_mixture, hoeffding_two_sample
    from pybridge.rfss import estimate_fixed_probability, fixed_coverage_times

    k = 4
    tables = {}
    for i, eps in enumerate(budget["fixed_eps"]):
        n_max = 160 if eps >= 1e-2 else 200
        ct = fixed_coverage_times(k, eps, n_max=n_max, trials=budget["fixed_trials"],
                                  seed=seeding.child_seed(rng, 30, i), workers=workers)
        tables[f"k={k} eps={eps:g}"] = factor_table(ct.times, ct.n_max, PS, DELTA, seeding.child_rng(rng, 31, i),
                                                    bootstrap=budget["bootstrap"])
        tick(1)
    n, eps, p, T = 30, 1e-1, 0.6, budget["fixed_trials"]
    direct = estimate_fixed_probability(n, k, eps, density=p, trials=T, seed=seeding.child_seed(rng, 32, 0),
                                        workers=workers)
    ct = fixed_coverage_times(k, eps, n_max=n, trials=T, seed=seeding.child_seed(rng, 32, 1), workers=workers)
    mix = binomial_mixture(ct.times, n, p)
    test = hoeffding_two_sample(direct.estimate.p_hat, T, mix, T, alpha=ALPHA)
    rows = [r for t in tables.values() for r in t]
    laws = _laws_summary(rows)
    verdict = "violated" if test["rejects"] else ("consistent" if all(r["factor"] for r in rows) else "undetermined")
    text = (f"Masked fixed-size (k = {k}, Uniform[-1,1], [-sqrt k, sqrt k], delta = {DELTA:g}): factors "
            + "; ".join(f"{lab}: " + ", ".join(f"p={r['p']:g}: {r['factor']:.2f}" if r["factor"] else f"p={r['p']:g}: -"
                                               for r in t) for lab, t in tables.items())
            + ". " + ", ".join(f"{name}: rms log residual {v['rms_log_residual']:.3f}" for name, v in laws.items())
            + f". Mixture identity at n = {n}, eps = {eps:g}, p = {p}: direct {direct.estimate.p_hat:.4f} vs mixture "
            f"{mix:.4f} (difference {test['difference']:+.4f}, Hoeffding threshold {test['threshold']:.4f}, "
            f"false-alarm rate {ALPHA:g}). " + _hoeffding_power(T)["text"] + " The factors themselves are measured, "
            "not tested.")
    return ClaimCheck("masks-fixed-size", verdict, text, "monte-carlo",
                      {"tables": tables, "laws": laws, "test": test, "direct": direct.to_dict(), "mixture": mix,
                       "power": _hoeffding_power(T)}), tables


def masks_section(plan: Plan, rng) -> Section:
    """Run the masks checks on the fixed budget (see :func:`masks_budget`)."""
    t0 = time.perf_counter()
    budget = masks_budget(plan.quick)
    sec = Section("masks", "Random masks on subset sum")
    sec.checks += _mixture_checks(budget, rng, plan.workers)
    c, tables, laws = _factor_check(budget, rng, plan.workers, plan.tick)
    sec.checks.append(c)
    cf, ftables = _fixed_check(budget, rng, plan.workers, plan.tick)
    sec.checks.append(cf)
    sec.data = {"budget": budget, "factor_tables": tables, "laws": laws, "fixed_size_tables": ftables}
    sec.markdown = _markdown({**tables, **ftables})
    from pybridge.masks.figures import plot_factor

    all_tables = {**tables, **ftables}
    sec.figures["masks_factor.png"] = lambda path: plot_factor(all_tables, path)
    sec.seconds = time.perf_counter() - t0
    return sec


def _markdown(tables) -> str:
    lines = ["### Masked overparameterization factor n*_p / n*_1", "",
             f"delta = {DELTA:g}; p = keep probability (sparsity 1 - p); 95% paired bootstrap intervals over trials.",
             "", "| setting | p | n*_p | n*_1 | factor | 95% CI | 1/p | 1/log(1/(1-p)) |", "|---|---|---|---|---|---|---|---|"]
    for lab, rows in tables.items():
        for r in rows:
            ci = f"[{r['factor_ci95'][0]:.2f}, {r['factor_ci95'][1]:.2f}]" if r["factor_ci95"] else "-"
            fac = f"{r['factor']:.2f}" if r["factor"] else "-"
            lines.append(f"| {lab} | {r['p']:g} | {r['n_star_p']} | {r['n_star_1']} | {fac} | {ci} | {r['1/p']:.2f} | "
                         f"{r['1/log(1/(1-p))']:.2f} |")
    lines += ["", "![masked factor](masks_factor.png)", ""]
    return "\n".join(lines)


def _steps(plan: Plan) -> int:
    b = masks_budget(plan.quick)
    return len(b["factor_eps"]) + len(b["fixed_eps"])


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 0.8 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 2.0 if plan.quick else 40.0


SECTION = SectionSpec(name="masks", title="Random masks on subset sum", run=masks_section, steps=_steps, seed_key=6,
                      seconds=_seconds)
