"""The ``sweep`` section of ``prunegap check``: interrupt-and-resume of a small RSS grid is bit-identical."""

from __future__ import annotations

import time

from pybridge.claims import ClaimCheck, Section, SectionSpec
from pybridge.runtime import seeding

__all__ = ["SECTION", "sweep_section"]


def _spec(plan, rng) -> dict:
    seed = int(seeding.child_seed(rng, seeding.MAIN, 0).generate_state(1, dtype="uint64")[0])
    block = {"engine": "rss", "dist": ["uniform", "normal"], "n": [10, 12], "eps": 0.01, "seed": seed,
             "trials": 128 if plan.quick else 640}
    return {"sweep": [block]}


def sweep_section(plan, rng) -> Section:
    from pybridge.sweep.checks import resume_report

    t0 = time.perf_counter()
    spec = _spec(plan, rng)
    interrupt = 3 if plan.quick else 12
    r = resume_report(spec, interrupt_after=interrupt, workers=min(plan.workers, 2))
    ok = (r["identical_resumed"] and r["identical_after_corruption"]
          and r["reused_on_resume"] == r["stored_at_interrupt"] > 0 and r["recomputed_after_corruption"] == 1)
    b = spec["sweep"][0]
    evidence = (f"RSS grid dist x n = {b['dist']} x {b['n']}, eps = {b['eps']}, {b['trials']} trials per point, "
                f"seed {b['seed']}: {r['chunks']} chunks; interrupted after {r['stored_at_interrupt']} stored "
                f"chunks, the resume reused {r['reused_on_resume']} and the table was "
                f"{'bit-identical' if r['identical_resumed'] else 'DIFFERENT'} to the engines without a store; "
                f"after corrupting one stored row, {r['recomputed_after_corruption']} chunk was recomputed "
                f"(stderr notes: {len(r['notes'])}) and the table was "
                f"{'bit-identical' if r['identical_after_corruption'] else 'DIFFERENT'}.")
    check = ClaimCheck("sweep-resume-bit-identical", "holds" if ok else "violated", evidence, "exact",
                       {k: v for k, v in r.items() if k != "notes"} | {"spec": spec})
    plan.tick(1)
    md = ("Resumable sweeps (`prunegap sweep`, `prunegap check --resume`): every chunk's result is stored "
          "under (experiment key, chunk index); this section interrupts a small grid and checks that the "
          "resumed numbers are exactly those of an uninterrupted run.\n")
    return Section("sweep", "Sweeps and the results store", checks=[check], markdown=md,
                   data={"resume": {k: v for k, v in r.items() if k != "notes"}},
                   seconds=time.perf_counter() - t0)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 0.5 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 1.5 if plan.quick else 40.0


SECTION = SectionSpec(name="sweep", title="Sweeps and the results store", run=sweep_section,
                      steps=lambda plan: 1, seed_key=12,
                      seconds=_seconds)
