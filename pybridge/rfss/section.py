r"""The RFSS section of ``prunegap check`` (issue 13 §2), on the one section protocol.

Checks, on a budget fixed up front (:class:`~pybridge.rfss.budget.RfssBudget`):

* ``rfss-counting-bound``, ``rfss-theorem5-counting-core``, ``rfss-decision-exact`` — exact decisions
  (:mod:`pybridge.rfss.checks`);
* ``rfss-theorem2-fixed-target`` — the single-target probability at Theorem 2's threshold
  (:mod:`pybridge.rfss.checks`);
* ``rfss-corollary1-all-targets`` — coupled curves :math:`P_k(n, \varepsilon)`, thresholds
  :math:`n^*_k(\varepsilon, \delta)` and the growth-exponent fit (:mod:`pybridge.rfss.corollary`).

Its data (keys kept from earlier reports): ``budget``, ``thresholds``, ``fit``, ``fit_per_k``, ``theorem2`` and
``curves``.
"""

from __future__ import annotations

import math

from pybridge.claims import SectionResult
from pybridge.claims.section import Figure, SectionSpec, Table
from pybridge.rfss.budget import DELTA, RfssBudget
from pybridge.rfss.checks import (counting_record, counting_rows, decision_record, theorem2_cells, theorem2_record,
                                  theorem5_record)
from pybridge.rfss.corollary import (corollary1_record, coverage_curves, delta_eps_trials, growth_fits,
                                     threshold_rows)
from pybridge.rfss.streams import Stream

__all__ = ["SECTION", "rfss_section"]

TITLE = "Random fixed-size subset sum (RFSS)"

INTRO = (f"n*_k = smallest n whose two-sided 95% Clopper-Pearson lower bound on P_k(n, eps) reaches 1 - delta "
         f"(delta = {DELTA:g}; coupled trials). Targets [-sqrt k, sqrt k] with exact ends; decisions exact.")

_THRESHOLD_COLUMNS = ("law", "k", "eps", "trials", "counting n", "Thm 2 n (c_hyp=1)", "median first cover", "n*_k",
                      "n*_k(delta=eps)", "n* H2 / log2(k/eps)", "n* H2 / log2^2(k/eps)")


def _delta_eps_cell(row):
    if row["trials"] < delta_eps_trials(row["eps"]):
        return f"needs >= {math.ceil(delta_eps_trials(row['eps']))} trials"
    return row["n_star_delta_eps"]


def _threshold_table(rows) -> Table:
    cells = tuple((r["dist"], r["k"], r["eps"], r["trials"], r["counting_n"], r["theorem2_n"],
                   r["median_first_cover"], r["n_star"], _delta_eps_cell(r), r["c1"], r["c2"]) for r in rows)
    return Table(title="Fixed-size thresholds n*_k(eps, delta)", columns=_THRESHOLD_COLUMNS, rows=cells,
                 blank="not reached",
                 caption=f"One row per (law, k, eps) curve (delta = {DELTA:g}). Not reached: no n up to the curve's "
                         "largest n met the rule (the normalised columns need n*_k). n*_k(delta=eps) is decidable "
                         "only when zero failures can bring the lower bound to 1 - eps.",
                 formats={"eps": "g", "median first cover": "g", "n* H2 / log2(k/eps)": ".3f",
                          "n* H2 / log2^2(k/eps)": ".4f"})


def _fit_table(fit, per_k) -> Table:
    fits = [("pooled (uniform)", fit)] + [(f"k = {k}", f) for k, f in per_k.items()]
    cells = tuple((label, f.get("beta"), f["beta_ci95"][0] if f.get("beta_ci95") else None,
                   f["beta_ci95"][1] if f.get("beta_ci95") else None, f["points"]) for label, f in fits)
    return Table(title="Growth exponent of n* H2(k/n*) = c0_k + c log2(k/eps)^beta",
                 columns=("fit", "beta", "95% CI low", "95% CI high", "points"), rows=cells,
                 blank="too few points", formats={"beta": ".2f", "95% CI low": ".2f", "95% CI high": ".2f"},
                 caption="Profile likelihood over beta (an offset per k), pooled over the uniform curves and per "
                         "k; a fit needs more points than parameters.")


def _figures(curves, rows) -> tuple:
    def cover(path):
        from pybridge.rfss.figures import plot_fixed_curves

        plot_fixed_curves(curves, path)

    def thresholds(path):
        from pybridge.rfss.figures import plot_fixed_thresholds

        plot_fixed_thresholds(rows, path)

    return (Figure(file="rfss_cover_probability.png", draw=cover, alt="P_k(n, eps)",
                   caption="Estimated P_k(n, eps) (every z in [-sqrt k, sqrt k] within eps of a k-subset sum) "
                           "against n, with 95% Clopper-Pearson bands, one curve per (law, k, eps): the coupled "
                           "first-cover times of this section's curves."),
            Figure(file="rfss_threshold.png", draw=thresholds, alt="n*_k",
                   caption="n*_k H2(k/n*_k) against log2(k/eps) (log-log, uniform law) from the thresholds table, "
                           "with reference lines of slope 1 and 2 (the candidate forms beta = 1, 2)."))


def rfss_section(ctx) -> SectionResult:
    """Run the RFSS checks on the fixed budget (:meth:`RfssBudget.for_plan`) from the section's named streams."""
    budget = RfssBudget.for_plan(ctx.plan)
    rows = counting_rows(budget, ctx.streams)
    thm2 = theorem2_record(budget, theorem2_cells(budget, ctx.streams))
    curves = coverage_curves(budget, ctx.streams, ctx.workers, ctx.tick)
    thresholds = threshold_rows(curves)
    fit, per_k = growth_fits(thresholds)
    evidence = (counting_record(rows), theorem5_record(rows), decision_record(budget, ctx.streams), thm2,
                corollary1_record(thresholds, fit, per_k))
    data = {"budget": budget.to_dict(), "thresholds": thresholds, "fit": fit, "fit_per_k": per_k,
            "theorem2": {**thm2.details, "power": thm2.power.to_dict()}, "curves": [c.to_dict() for c in curves]}
    return SectionResult(name="rfss", title=TITLE, evidence=evidence, intro=INTRO,
                         tables=(_threshold_table(thresholds), _fit_table(fit, per_k)),
                         figures=_figures(curves, thresholds), data=data)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 1.0 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 2.5 if plan.quick else 40.0


SECTION = SectionSpec(name="rfss", title=TITLE, run=rfss_section, seed_key=5, streams=Stream,
                      steps=lambda plan: RfssBudget.for_plan(plan).steps(), seconds=_seconds)
