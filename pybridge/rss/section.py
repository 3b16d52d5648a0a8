r"""The random-subset-sum section of ``prunegap check`` (issue 2 claims), on the one section protocol.

Checks, on a budget fixed up front (:class:`~pybridge.rss.budget.RssBudget`):

* ``rss-counting-bound`` and ``rss-subset-sum-monotone`` — exact decisions (:mod:`pybridge.rss.checks`);
* ``rss-log-sample-size`` — the empirical threshold :math:`n^*(\varepsilon, \delta)` for ε from 1e-1 down to
  1e-6 (full budget), δ = 0.01 and δ = ε where the trial count allows it, with the least-squares slope against
  :math:`\log_2(1/\varepsilon)` (:mod:`pybridge.rss.logfit`).

Its data, read by the sections that require it (keys kept from earlier reports): ``thresholds`` (one row per
curve) and ``fits`` (by "<law> on [a, b]") for ``constants``; ``replay_audit`` (exact instances drawn from the
curves' trials) for ``formal``, which replays them with the verified Coq decision and records the outcome itself;
``budget`` and ``curves`` for results.json.
"""

from __future__ import annotations

from pybridge.claims import SectionResult
from pybridge.claims.section import Figure, SectionSpec, Table
from pybridge.rss.budget import RssBudget
from pybridge.rss.checks import (audit_instances, counting_record, monotone_record, threshold_curves,
                                 threshold_rows)
from pybridge.rss.logfit import log_sample_size_record
from pybridge.rss.streams import Stream

__all__ = ["SECTION", "rss_section"]

#: the name under which the formal tests import the threshold rows (with ``audit_instances``) from here
_threshold_rows = threshold_rows

TITLE = "Random subset sum"

INTRO = ("n* = smallest n whose two-sided 95% Clopper-Pearson lower bound on P(n, eps) reaches 1 - delta (coupled "
         "trials: each trial records the first n at which its prefix covers). Decisions are exact. The target "
         "interval is given on every row.")

_THRESHOLD_COLUMNS = ("law", "target interval", "eps", "trials", "counting bound n", "median first cover",
                      "n*(delta=0.01)", "n*(delta=eps)", "power: failure rate declared (p=0.9)")


def _power_cell(res) -> str:
    if res["max_failures"] is None:
        return "no power (no n* can be declared)"
    return f"<= {res['declare_failure_rate_p90']:.2g} (<= {res['max_failures']} failures)"


def _threshold_table(rows) -> Table:
    cells = tuple((r["dist"], f"[{r['interval'][0]:g}, {r['interval'][1]:g}]", r["eps"], r["trials"],
                   r["counting_bound_n"], r["median_first_cover"], r["n_star_delta_0.01"],
                   r["n_star_delta_eps"] if r["n_star_delta_eps"] is not None else r["delta_eps_status"],
                   _power_cell(r["power_delta_0.01"])) for r in rows)
    return Table(title="Empirical thresholds n*(eps, delta)", columns=_THRESHOLD_COLUMNS, rows=cells,
                 blank="not reached",
                 caption="One row per (law, target interval, eps). n*(delta) not reached: no n up to the curve's "
                         "n_max met the rule. Power column: n*(delta=0.01) is declared with probability >= 0.9 at "
                         "the first n whose true failure rate 1 - P(n, eps) is at most this (exact binomial tails; "
                         "issue 10 §4).",
                 formats={"eps": "g", "median first cover": "g"})


def _fit_table(fits) -> Table:
    cells = tuple((name, f["C"], f"[{f['C_ci95'][0]:.3f}, {f['C_ci95'][1]:.3f}]" if "C_ci95" in f else None,
                   f["c0"], f["points"]) for name, f in fits.items() if "C" in f)
    return Table(title="Fits n*(eps, 0.01) = C log2(1/eps) + c0", columns=("law and targets", "C", "95% CI for C",
                                                                         "c0", "points"),
                 rows=cells, blank="fewer than 3 points", formats={"C": ".3f", "c0": ".2f"},
                 caption="Least squares over the eps of each curve whose n*(eps, 0.01) was found.")


def _figures(curves, rows, fits) -> tuple:
    def cover(path):
        from pybridge.report.plots import plot_cover_curves

        plot_cover_curves(curves, path)

    def thresholds(path):
        from pybridge.report.plots import plot_thresholds

        plot_thresholds(rows, fits, path)

    return (Figure(file="rss_cover_probability.png", draw=cover, alt="P(n, eps)",
                   caption="Estimated P(n, eps) against n with 95% Clopper-Pearson bands, one curve per (law, "
                           "target interval, eps): the coupled first-cover times of this section's curves."),
            Figure(file="rss_threshold.png", draw=thresholds, alt="n*(eps)",
                   caption="n*(eps, 0.01) against log2(1/eps) with the least-squares lines of the fits table."))


def rss_section(ctx) -> SectionResult:
    """Run the RSS checks on the fixed budget (:meth:`RssBudget.for_plan`) from the section's named streams."""
    budget = RssBudget.for_plan(ctx.plan)
    evidence = [counting_record(budget, ctx.streams), monotone_record(budget, ctx.streams)]
    curves = threshold_curves(budget, ctx.streams, ctx.workers, ctx.tick)
    rows = threshold_rows(curves)
    record, fits = log_sample_size_record(rows)
    evidence.append(record)
    audit = audit_instances(curves, rows, ctx.streams.rng(Stream.REPLAY_AUDIT), budget.replay_trials)
    data = {"budget": budget.to_dict(), "replay_audit": audit, "thresholds": rows, "fits": fits,
            "curves": [c.to_dict() for c in curves]}
    return SectionResult(name="rss", title=TITLE, evidence=tuple(evidence), intro=INTRO,
                         tables=(_threshold_table(rows), _fit_table(fits)), figures=_figures(curves, rows, fits),
                         data=data)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): measured 4.3 s quick on 2 shared cores (with
    margin); the full run within the budget of the four original sections (about 6 minutes together)."""
    return 6.0 if plan.quick else 150.0


SECTION = SectionSpec(name="rss", title=TITLE, run=rss_section, seed_key=0, streams=Stream,
                      steps=lambda plan: RssBudget.for_plan(plan).steps(), seconds=_seconds)
