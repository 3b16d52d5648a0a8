r"""The ``rare`` section of ``prunegap check`` (issue 14): validation of the splitting engine and what it measures.

Budget fixed up front (:class:`~pybridge.rare.budget.RareBudget`): about 5 s ``--quick`` and 60 s full on 2
cores.  Evidence (records, issue 20): the covering-radius criterion; agreement of splitting with plain Monte
Carlo at q ≈ 1e-2 and (full) q ≈ 1e-4; exact cases; (full) empirical coverage of the 95% t interval at
q ≈ 1e-3 (:mod:`pybridge.rare.evidence`); :math:`n^*(\varepsilon, \delta = \varepsilon)` on [-1, 1] and
[-1/2, 1/2] with the slope per :math:`\ln(1/\varepsilon)` beside Lueker's :math:`\kappa^*(C) \ge 8`; the tail
rate of q(m, ε) in m against the lower bound :math:`q \ge 2^{-m}` (:mod:`pybridge.rare.measures`).  Rows the
check cannot afford (ε = 1e-5, 1e-6; RFSS Corollary 1 at k = 1, 2, 3) come from the committed benchmark results
(:mod:`pybridge.rare.committed`), as benchmark records, never re-run here.

``data`` keeps the keys of earlier reports (``budget``, ``grid``, ``thresholds``, ``fits``, ``tail``,
``lueker_rows``, ``benchmark``, ``estimates``); the ``constants`` section reads ``lueker_rows``.
"""

from __future__ import annotations

from pybridge.claims import SectionResult
from pybridge.claims.section import SectionSpec
from pybridge.rare.budget import RareBudget
from pybridge.rare.committed import benchmark_summary, corollary1_record, deep_record, load_deep, load_rfss
from pybridge.rare.evidence import agreement_records, coverage_record, exact_record, radius_record
from pybridge.rare.measures import lueker_rows_rare, run_grid, tail_record, threshold_records, threshold_verdict
from pybridge.rare.streams import Stream
from pybridge.rare.tables import rare_tables

__all__ = ["rare_section", "SECTION", "TITLE"]

TITLE = "Rare events: failure probabilities by generalized splitting"
INTRO = ("Failure probabilities q(n, eps) = Pr[rho > eps] of random subset sums, down to about 1e-9, by "
         "generalized splitting (`prunegap rare`): the engine is validated against exact decisions, plain Monte "
         "Carlo and cases with a known q, then measures n*(eps, delta = eps) and the tail rate of q in n. Rows the "
         "check cannot afford come from committed benchmark results, labelled as such.")


def _data(budget, rows, fits, agree_est, bench, ests) -> dict:
    return {"budget": budget.to_dict(), "grid": [cell.to_dict() for cell in budget.grid],
            "thresholds": rows, "fits": fits, "tail": agree_est.tail(),
            "lueker_rows": lueker_rows_rare({"thresholds": rows, "benchmark": bench}),
            "benchmark": bench, "estimates": [e.to_dict() for e in ests]}


def rare_section(ctx) -> SectionResult:
    """Run the rare-event checks on the fixed budget of :class:`RareBudget` (``run(ctx)`` of :data:`SECTION`)."""
    budget = RareBudget.for_plan(ctx.plan)
    evidence = [radius_record(budget, ctx.streams)]
    ctx.tick(1)
    agree, agree_est = agreement_records(budget, ctx.streams, ctx.workers, ctx.tick)
    evidence += agree
    evidence.append(exact_record(ctx.streams))
    evidence.append(coverage_record(budget, ctx.streams, ctx.workers))
    ctx.tick(1)
    rows, ests = run_grid(budget, ctx.streams, ctx.workers, ctx.tick)
    bench = benchmark_summary(load_deep(), load_rfss())
    thresholds, fits = threshold_records(rows)
    evidence += thresholds
    deep = deep_record(bench.get("deep"), threshold_verdict)
    evidence += [deep] if deep is not None else []
    evidence.append(tail_record(agree_est, ests))
    evidence.append(corollary1_record(bench))
    return SectionResult(name="rare", title=TITLE, evidence=tuple(evidence), intro=INTRO,
                         tables=rare_tables(rows, fits, agree_est, bench),
                         data=_data(budget, rows, fits, agree_est, bench, ests))


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 1.2 s (1-5 s on lightly loaded cores)
    in the closing run of ``check --quick --seed 5`` (load 1.5-2; with margin); full about 34 s measured (issue 14
    note)."""
    return 4.0 if plan.quick else 45.0


SECTION = SectionSpec(name="rare", title=TITLE, run=rare_section, seed_key=7, streams=Stream,
                      steps=lambda plan: RareBudget.for_plan(plan).steps, seconds=_seconds)
