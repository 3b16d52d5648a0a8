r"""The random-masks section of ``prunegap check`` (issue 13 §3), on the one section protocol.

Checks, on a budget fixed up front (:class:`~pybridge.masks.budget.MasksBudget`), in :mod:`pybridge.masks.checks`:

* ``masks-mixture-identity`` — exact on finite-atom laws (RSS and k-subset events), and on Monte Carlo:
  a direct masked estimate (``estimate_cover_probability(..., density=p)``) against the binomial mixture
  of independent coupled first-cover times, Hoeffding two-sample test with false-alarm rate 1e-6;
* ``masks-overparameterization-factor`` — :math:`n^*_p/n^*_1` for five p and the budget's ε with paired
  bootstrap intervals, against 1/p and 1/log(1/(1-p));
* ``masks-fixed-size`` — the same for k-subsets of the kept samples (k = 4), plus its Hoeffding check.

Its data (keys kept from earlier reports): ``budget``, ``factor_tables``, ``laws``, ``fixed_size_tables``
(tables by label: their rows), and ``fixed_size_laws``.
"""

from __future__ import annotations

from pybridge.claims import SectionResult
from pybridge.claims.section import Figure, SectionSpec, Table
from pybridge.masks.budget import DELTA, FIXED_K, MasksBudget
from pybridge.masks.checks import (exact_record, factor_records, fixed_agreement_record, fixed_factor_tables,
                                   laws_summary, rss_agreement_record, rss_factor_tables)
from pybridge.masks.factor import CANDIDATE_LAWS
from pybridge.masks.streams import Stream

__all__ = ["SECTION", "masks_section"]

TITLE = "Random masks on subset sum"

INTRO = ("Masking keeps each sample independently with probability p (sparsity 1 - p). The masked first-cover "
         "time of a trial is the position of its T-th kept sample, T its unmasked first-cover time (T + NegBin(T, "
         "p), exact in law), so one set of coupled unmasked times gives the masked thresholds for every p.")

RSS_SETTING = ("Masked RSS, Uniform[-1,1], targets [-1, 1], delta = " + f"{DELTA:g}"
               + ", masked first-cover times T + NegBin(T, p) (exact in law)")
RSS_NOTE = ("1/log(1/(1-p)) is < 1 for p > 1 - 1/e, impossible for a factor (masking only removes samples); at fixed "
            "delta the factor exceeds 1/p by the binomial spread of the kept count, which vanishes as n grows. The "
            "paper's statement is about networks and was read only in its abstract: this measures the "
            "one-dimensional core, it does not test the theorem. 'consistent' = every factor measured.")
FIXED_SETTING = (f"Masked fixed-size (k = {FIXED_K}), Uniform[-1,1], targets [-sqrt k, sqrt k], delta = {DELTA:g}, "
                 "masked first-cover times T + NegBin(T, p)")
FIXED_NOTE = "The factors themselves are measured, not tested; 'consistent' = every factor measured."


def _ci_cell(r):
    if r["factor_ci95"]:
        return f"[{r['factor_ci95'][0]:.2f}, {r['factor_ci95'][1]:.2f}]"
    return "too few finite resamples" if r["factor"] is not None else None


def _factor_table(tables) -> Table:
    cells = tuple((t.label, r["p"], r["n_star_p"], r["n_star_1"], r["factor"], _ci_cell(r), r["1/p"],
                   r["1/log(1/(1-p))"]) for t in tables for r in t.rows)
    return Table(title="Masked overparameterization factor n*_p / n*_1",
                 columns=("setting", "p", "n*_p", "n*_1", "factor", "95% CI", "1/p", "1/log(1/(1-p))"), rows=cells,
                 blank="not reached", formats={"p": "g", "factor": ".2f", "1/p": ".2f", "1/log(1/(1-p))": ".2f"},
                 caption=f"delta = {DELTA:g}; p = keep probability (sparsity 1 - p); 95% paired bootstrap intervals "
                         "over trials. Not reached: no n up to the times' largest n met the threshold rule.")


def _laws_table(groups) -> Table:
    cells = tuple((label, name, v["rms_log_residual"], v["mean_log_ratio"], f"{v['inside_ci']}/{v['rows']}")
                  for label, laws in groups for name, v in laws.items())
    return Table(title="Candidate laws for the factor", rows=cells, blank="no factor measured",
                 columns=("factors", "law", "RMS log residual", "mean log(factor/law)", "rows inside the 95% CI"),
                 formats={"RMS log residual": ".3f", "mean log(factor/law)": "+.3f"},
                 caption="Residuals of log(factor) against log(law) over the measured factors of each claim.")


def _figure(tables) -> Figure:
    by_label = {t.label: t.rows for t in tables}

    def draw(path):
        from pybridge.masks.figures import plot_factor

        plot_factor(by_label, path)

    return Figure(file="masks_factor.png", draw=draw, alt="masked factor",
                  caption="The masked overparameterization factor n*_p / n*_1 against the keep probability p (factor "
                          "on a log scale), with 95% paired bootstrap intervals, one curve per row group of the factor "
                          "table "
                          f"(masked RSS and masked {FIXED_K}-subsets, Uniform[-1,1], delta = {DELTA:g}; this "
                          "section's coupled first-cover times with exact NegBin masking), and the candidate laws "
                          + " and ".join(CANDIDATE_LAWS) + ".")


def masks_section(ctx) -> SectionResult:
    """Run the masks checks on the fixed budget (:meth:`MasksBudget.for_plan`) from the section's named streams."""
    budget = MasksBudget.for_plan(ctx.plan)
    evidence = [exact_record(budget), rss_agreement_record(budget, ctx.streams, ctx.workers)]
    rss = rss_factor_tables(budget, ctx.streams, ctx.workers, ctx.tick)
    evidence += factor_records("masks-overparameterization-factor", rss, RSS_SETTING, RSS_NOTE, budget)
    fixed = fixed_factor_tables(budget, ctx.streams, ctx.workers, ctx.tick)
    evidence.append(fixed_agreement_record(budget, ctx.streams, ctx.workers))
    evidence += factor_records("masks-fixed-size", fixed, FIXED_SETTING, FIXED_NOTE, budget)
    laws = laws_summary([r for t in rss for r in t.rows])
    fixed_laws = laws_summary([r for t in fixed for r in t.rows])
    data = {"budget": budget.to_dict(), "factor_tables": {t.label: t.rows for t in rss}, "laws": laws,
            "fixed_size_tables": {t.label: t.rows for t in fixed}, "fixed_size_laws": fixed_laws}
    return SectionResult(name="masks", title=TITLE, evidence=tuple(evidence), intro=INTRO,
                         tables=(_factor_table(rss + fixed), _laws_table((("RSS", laws), ("fixed-size", fixed_laws)))),
                         figures=(_figure(rss + fixed),), data=data)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 0.8 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 2.0 if plan.quick else 40.0


SECTION = SectionSpec(name="masks", title=TITLE, run=masks_section, seed_key=6, streams=Stream,
                      steps=lambda plan: MasksBudget.for_plan(plan).steps(), seconds=_seconds)
