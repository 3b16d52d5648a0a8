r"""The ``prunelimit`` section of ``prunegap check``: statistical dimensions, the phase transition, the prediction.

Budgets (:class:`~pybridge.prunelimit.budget.PrunelimitBudget`, 2 cores): ``--quick`` a few seconds (D = 50, few
trials, no MLP); full about 30-40 s (the MLP with ``hidden = 5``, D = 385, is the largest part).  All randomness
from the section's named streams (:class:`~pybridge.prunelimit.streams.Stream`, seed_key 8); ratios are fractions
removed.  The records are built in :mod:`pybridge.prunelimit.evidence`, the tables and figures in
:mod:`~pybridge.prunelimit.tables` and :mod:`~pybridge.prunelimit.figures`.
"""

from __future__ import annotations

import time

from pybridge.claims import SectionResult
from pybridge.claims.section import SectionSpec
from pybridge.prunelimit import evidence, figures, tables
from pybridge.prunelimit.budget import QUADRATIC_BASES, PrunelimitBudget
from pybridge.prunelimit.checks import (
    prediction_table,
    quadratic_truth_failures,
    statdim_certified_parts,
    statdim_mc_agrees,
)
from pybridge.prunelimit.streams import Stream
from pybridge.prunelimit.transition import transition_curves

__all__ = ["SECTION", "TITLE", "prunelimit_section"]

TITLE = "The pruning-ratio limit (Zhang et al.): conic geometry and ground truth"
#: the half-angle of the circular cones of the certified polar identity
POLAR_ANGLE = "pi/5"
INTRO = ("The statistical dimension delta(C) of four cones is computed in closed form (certified) and by Monte "
         "Carlo; the approximate kinematic formula's phase transition is traced on random subspaces; Zhang et "
         "al.'s predicted pruning ratio (the authors' code) is compared with the exact limit of quadratic losses "
         "and, in the full run, with magnitude pruning of a small trained network. Ratios are fractions removed.")


def _statdim(ctx, budget: PrunelimitBudget):
    parts = statdim_certified_parts(budget.certified_d, budget.certified_s, POLAR_ANGLE, budget.certified_dps)
    ctx.tick(1)
    rows = []
    for i, d in enumerate(budget.mc_ds):
        rows += statdim_mc_agrees(d, budget.mc_trials, ctx.streams.seed(Stream.STATDIM_MC, i), dps=budget.exact_dps)
    return evidence.certified_records(parts, budget, angle=POLAR_ANGLE), rows


def _quadratic(ctx, budget: PrunelimitBudget):
    root = ctx.streams.seed(Stream.QUADRATIC)
    rotated, diagonal, bracketed = QUADRATIC_BASES
    rows = prediction_table(budget.quad_rotated_d, True, budget.quad_instances, root, rotated)
    rows += prediction_table(budget.quad_diagonal_d, False, budget.quad_instances, root, diagonal)
    if budget.quad_bounds_d:
        rows += prediction_table(budget.quad_bounds_d, True, max(2, budget.quad_instances // 3), root, bracketed)
    failures = quadratic_truth_failures(d=budget.truth_d, instances=budget.truth_instances, seed=budget.truth_seed)
    return rows, evidence.quadratic_truth_record(failures, budget, seed=budget.truth_seed)


def _mlp(ctx, budget: PrunelimitBudget):
    """The digits MLP (full run): its record and its results (``None`` when not run or unavailable)."""
    from pybridge.prunelimit.mlp import DatasetUnavailable, run_mlp

    if not budget.mlp_hidden:
        return (), None
    try:
        mlp = run_mlp(budget.mlp_hidden, ctx.streams.rng(Stream.MLP), maxiter=budget.mlp_maxiter).to_dict()
    except DatasetUnavailable as exc:
        return (evidence.mlp_unavailable(str(exc)),), None
    return (evidence.mlp_record(mlp),), mlp


def _timed(seconds: dict, key: str, stage, *args):
    t = time.perf_counter()
    out = stage(*args)
    seconds[key] = time.perf_counter() - t
    return out


def _closing(mc_rows, prediction, mlp) -> str:
    agree = sum(r["agrees"] for r in mc_rows)
    text = (f"Closing note: {agree} of {len(mc_rows)} Monte Carlo intervals meet the certified statistical "
            f"dimensions; the code's rho_hat errs by {prediction.details['mean_abs_error']:.3f} on average (fraction "
            f"removed) on quadratic losses, signed {prediction.details['mean_error']:+.3f} (positive = optimistic).")
    if mlp:
        text += (f" On the digits MLP it predicts {mlp['predicted_exact']:.3f} against "
                 f"{mlp['true_removed_fraction']:.3f}.")
    return text


def prunelimit_section(ctx) -> SectionResult:
    """Run every check of this domain (see the module docstring) and return its records, tables and figures."""
    budget = PrunelimitBudget.for_plan(ctx.plan)
    seconds = {}
    t0 = time.perf_counter()
    certified, mc_rows = _statdim(ctx, budget)
    seconds["statdim"] = time.perf_counter() - t0
    ctx.tick(1)
    tr = _timed(seconds, "kinematic", transition_curves, budget, ctx.streams.seed(Stream.KINEMATIC))
    ctx.tick(1)
    rows, truth = _timed(seconds, "quadratic", _quadratic, ctx, budget)
    prediction = evidence.prediction_record(rows)
    ctx.tick(1)
    mlp_records, mlp = _timed(seconds, "mlp", _mlp, ctx, budget) if budget.mlp_hidden else ((), None)
    ctx.tick(1)
    records = (certified + evidence.statdim_mc_records(mc_rows) + evidence.kinematic_records(tr)
               + (truth, prediction) + mlp_records)
    table_list = [tables.statdim_table(mc_rows), tables.transition_table(tr.curves), tables.regions_table(tr.regions),
                  tables.prediction_table_view(rows)] + ([tables.mlp_table(mlp)] if mlp else [])
    return SectionResult(
        name="prunelimit", title=TITLE, evidence=records, tables=tuple(table_list),
        figures=(figures.transition_figure(tr.curves), figures.prediction_figure(rows, mlp)),
        intro=INTRO + "\n\n" + _closing(mc_rows, prediction, mlp),
        data={"seconds": seconds, "config": budget.to_dict(), "convention": "fraction removed"},
        seconds=time.perf_counter() - t0)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 3.7-6.4 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 8.0 if plan.quick else 40.0


SECTION = SectionSpec(name="prunelimit", title=TITLE, run=prunelimit_section, seed_key=8, streams=Stream,
                      steps=lambda plan: 5, seconds=_seconds)
