"""The ``sweep`` section of ``prunegap check``: interrupt-and-resume of a small RSS grid is bit-identical."""

from __future__ import annotations

from dataclasses import dataclass

from pybridge.claims import ExactCheck, SectionResult
from pybridge.claims.section import SectionSpec
from pybridge.sweep.streams import Stream

__all__ = ["SECTION", "SweepBudget", "sweep_section"]

INTRO = ("Resumable sweeps (`prunegap sweep`, `prunegap check --resume`): every chunk's result is stored under "
         "(experiment key, chunk index); this section interrupts a small grid and checks that the resumed numbers "
         "are exactly those of an uninterrupted run.")


@dataclass(frozen=True, kw_only=True)
class SweepBudget:
    """The grid and the interruption point of the resume check."""

    #: Monte Carlo trials per grid point
    trials: int
    #: chunks stored before the run is interrupted
    interrupt_after: int

    @classmethod
    def for_plan(cls, plan) -> "SweepBudget":
        return cls(trials=128, interrupt_after=3) if plan.quick else cls(trials=640, interrupt_after=12)


def _spec(budget: SweepBudget, streams) -> dict:
    seed = int(streams.seed(Stream.GRID_SEED).generate_state(1, dtype="uint64")[0])
    block = {"engine": "rss", "dist": ["uniform", "normal"], "n": [10, 12], "eps": 0.01, "seed": seed,
             "trials": budget.trials}
    return {"sweep": [block]}


def _record(spec: dict, r: dict) -> ExactCheck:
    ok = (r["identical_resumed"] and r["identical_after_corruption"]
          and r["reused_on_resume"] == r["stored_at_interrupt"] > 0 and r["recomputed_after_corruption"] == 1)
    b = spec["sweep"][0]
    grid = f"dist in {{{', '.join(b['dist'])}}} x n in {{{', '.join(map(str, b['n']))}}}"
    setting = (f"RSS grid {grid}, eps = {b['eps']}, {b['trials']} trials per point, "
               f"seed {b['seed']}: {r['chunks']} chunks; interrupted after {r['stored_at_interrupt']} stored chunks, "
               f"the resume reused {r['reused_on_resume']}; then one stored row corrupted, "
               f"{r['recomputed_after_corruption']} chunk recomputed (stderr notes: {len(r['notes'])})")
    failures = (not r["identical_resumed"]) + (not r["identical_after_corruption"])
    return ExactCheck(claim_id="sweep-resume-bit-identical", verdict="holds" if ok else "violated",
                      setting=setting, instances=2, failures=failures,
                      note="The instances are the resumed table and the table after corruption, each compared "
                           "bit for bit with the engines run without a store.",
                      details={k: v for k, v in r.items() if k != "notes"} | {"spec": spec})


def sweep_section(ctx) -> SectionResult:
    """Interrupt a small grid, resume it, corrupt a stored row, resume again; compare with no store."""
    from pybridge.sweep.checks import resume_report

    budget = SweepBudget.for_plan(ctx.plan)
    spec = _spec(budget, ctx.streams)
    r = resume_report(spec, interrupt_after=budget.interrupt_after, workers=min(ctx.workers, 2))
    ctx.tick(1)
    return SectionResult(name="sweep", title="Sweeps and the results store", evidence=(_record(spec, r),),
                         intro=INTRO, data={"resume": {k: v for k, v in r.items() if k != "notes"}})


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 0.5 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 1.5 if plan.quick else 40.0


SECTION = SectionSpec(name="sweep", title="Sweeps and the results store", run=sweep_section, seed_key=12,
                      streams=Stream, steps=lambda plan: 1, seconds=_seconds)
