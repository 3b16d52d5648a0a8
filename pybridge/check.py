"""``prunegap check``: run every registered section on a fixed budget and write the report.

Budgets: ``--quick`` ends in about a minute, the default run in at most ten minutes on a 2-core machine.  Exit
status: 0 every claim holds (or is consistent), 1 a claim is violated, 3 a required external tool is unavailable
(``PRUNEGAP_REQUIRE_COQ=1`` without coqc).

This module knows no domain: it runs the sections of :mod:`pybridge.domains` through the one protocol of
:mod:`pybridge.claims.section` (``run(ctx) -> SectionResult``), hands each section read-only views of the
sections it requires, and gives every record to the report.  Statuses are derived from the records alone.
"""

from __future__ import annotations

import io
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, replace

from tqdm import tqdm

from pybridge import domains
from pybridge.claims.records import FormalOutcome
from pybridge.claims.section import CheckPlan, SectionContext, SectionSpec, Streams
from pybridge.report import check_out_dir, package_versions, write_report
from pybridge.runtime import seeding
from pybridge.runtime.budget import WorkEstimate, enforce

__all__ = ["CheckOutcome", "run_check", "section_names", "check_estimate"]


@dataclass
class CheckOutcome:
    """What :func:`run_check` did: the report path, the exit code and the claims behind it."""

    out_dir: object
    exit_code: int
    violated: list
    unavailable: list
    seconds: float  # wall time of the sections (what the report states as its wall time)
    missing: list = None  # why a required tool made the run exit 3 (one sentence each)
    total_seconds: float | None = None  # wall time of run_check including writing the report and its figures


def _chosen(only) -> list:
    return [s for s in domains.sections() if only is None or s.name in only]


def check_estimate(*, quick: bool, workers: int, only=None) -> WorkEstimate:
    """The plan of a check: the sections' measured estimates, summed (see :mod:`pybridge.runtime.budget`)."""
    chosen = _chosen(only)
    plan = CheckPlan(quick=quick, workers=workers)
    secs = sum(spec.estimate_seconds(plan) for spec in chosen)
    return WorkEstimate(f"{len(chosen)} section{'s' if len(chosen) != 1 else ''} "
                        f"({'quick' if quick else 'full'})", secs, workers, 0, ("--quick", "--only"))


def _run_section(spec: SectionSpec, root, plan: CheckPlan, views: dict, claims, tick):
    """Run one section under its own streams and the views it requires; time it."""
    t0 = time.perf_counter()
    ctx = SectionContext(plan=plan, streams=Streams(spec.root(root), spec.streams), claims=claims,
                         inputs={n: views[n] for n in spec.requires if n in views}, progress=tick)
    sec = spec.run(ctx)
    return sec if sec.seconds else replace(sec, seconds=time.perf_counter() - t0)


def _formal_outcomes(sections) -> dict:
    """``{claim id: Coq outcome}`` from the :class:`~pybridge.claims.records.FormalOutcome` records (prover coq)."""
    out = {}
    for sec in sections:
        for r in sec.evidence:
            if isinstance(r, FormalOutcome) and r.prover == "coq":
                out[r.claim_id] = r.outcome
    return out or None


def _missing_tools(sections) -> list:
    """Why a required external tool made the run exit 3 (one sentence per section)."""
    return [s.missing_tool for s in sections if s.missing_tool]


def _run_sections(chosen, root, plan, claims, show_progress) -> list:
    total = sum(spec.count_steps(plan) + 1 for spec in chosen)
    sections, views = [], {}
    with tqdm(total=total, desc="prunegap check", unit="step", disable=not show_progress, leave=False) as bar:
        for spec in chosen:
            bar.set_postfix_str(spec.name)
            sec = _run_section(spec, root, plan, views, claims, bar.update)
            sections.append(sec)
            views[spec.name] = sec.view()
            bar.update(1)
    return sections


def run_check(*, quick: bool, out_dir, workers: int, seed=None, show_progress: bool = True, only=None,
              max_seconds=None, store=None) -> CheckOutcome:
    """Run all sections (or those named in ``only``) and write the report atomically.

    The plan (:func:`check_estimate`) is announced on standard error when it is long and refused beyond
    ``max_seconds`` (default two hours) before any work, as is a bad ``out_dir``.  With ``store`` (a path, or
    ``True`` for the default store) every chunked Monte Carlo goes through the results store, so an interrupted
    check resumes with the same mode and seed (``prunegap check --resume``).
    """
    t0 = time.perf_counter()
    check_out_dir(out_dir)  # refuse a bad --out before any work
    estimate = check_estimate(quick=quick, workers=workers, only=only)
    enforce("check", estimate, max_seconds=max_seconds, stream=io.StringIO() if store else None)
    with ExitStack() as stack:
        if store is not None:
            seed, opened = _open_store(stack, store, quick=quick, only=only, seed=seed)
        root = seeding.root_seed_sequence(seed)
        claims = domains.registry()
        if store is not None:
            enforce("check", estimate, max_seconds=max_seconds)  # announce the plan once the store is open
        sections = _run_sections(_chosen(only), root, CheckPlan(quick=quick, workers=workers), claims,
                                 show_progress)
        if store is not None:
            _close_store(*opened)
    seconds = time.perf_counter() - t0
    meta = {"mode": "quick" if quick else "full", "seed_entropy": seeding.seed_entropy(root), "workers": workers,
            "seconds": seconds, "versions": package_versions(), "sections": [s.name for s in sections]}
    path = write_report(out_dir, meta=meta, sections=sections, claims=claims, formal=_formal_outcomes(sections))
    checks = [c for s in sections for c in s.checks]
    violated = [c.claim_id for c in checks if c.verdict in ("violated", "failed")]
    unavailable = [c.claim_id for c in checks if c.verdict == "unavailable"]
    missing = _missing_tools(sections)
    code = 1 if violated else (3 if missing else 0)
    return CheckOutcome(path, code, violated, unavailable, seconds, missing, time.perf_counter() - t0)


def _open_store(stack: ExitStack, store, *, quick: bool, only, seed):
    """Open the results store and its run record; return the run's seed and ``(store, run id, policy)``."""
    from pybridge.runtime.parallel import chunk_policy
    from pybridge.runtime.store import DEFAULT_STORE, ChunkStore

    handle = stack.enter_context(ChunkStore(DEFAULT_STORE if store is True else store))
    mode = {"quick": quick, "only": only or section_names()}
    run_id, entropy = handle.open_run("check", mode, None if seed is None else str(seed))
    print(f"prunegap check: run {run_id} with seed entropy {entropy} ({handle.total_chunks()} chunks in "
          f"{handle.path})", file=sys.stderr)
    policy = stack.enter_context(chunk_policy(store=handle))
    return int(entropy), (handle, run_id, policy)


def _close_store(handle, run_id, policy) -> None:
    handle.close_run(run_id)
    reused = sum(c.reused for c in policy.calls)
    computed = sum(c.computed for c in policy.calls)
    print(f"prunegap check: {reused} chunks reused from the store, {computed} computed", file=sys.stderr)


def section_names() -> list[str]:
    """Names accepted by ``--only``, in run order."""
    return [s.name for s in domains.sections()]
