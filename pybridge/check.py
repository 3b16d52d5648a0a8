"""``prunegap check``: run every registered section on a fixed budget and write the report.

Budgets: ``--quick`` ends in about a minute, the default run in at most ten
minutes on a 2-core machine.  Exit status: 0 every claim holds (or is
consistent), 1 a claim is violated, 3 a required external tool is unavailable
(``PRUNEGAP_REQUIRE_COQ=1`` without coqc).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from tqdm import tqdm

from pybridge import domains
from pybridge.claims import Plan
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


def check_estimate(*, quick: bool, workers: int, only=None) -> WorkEstimate:
    """The plan of a check: the sections' measured estimates, summed (see :mod:`pybridge.runtime.budget`)."""
    chosen = [s for s in domains.sections() if only is None or s.name in only]
    plan = Plan(quick=quick, workers=workers, claims=domains.registry())
    secs = sum(spec.estimate_seconds(plan) for spec in chosen)
    return WorkEstimate(f"{len(chosen)} section{'s' if len(chosen) != 1 else ''} "
                        f"({'quick' if quick else 'full'})", secs, workers, 0, ("--quick", "--only"))


def run_check(*, quick: bool, out_dir, workers: int, seed=None, show_progress: bool = True, only=None,
              max_seconds=None) -> CheckOutcome:
    """Run all sections (or those named in ``only``) and write the report atomically.

    The plan (:func:`check_estimate`) is announced on standard error when it is long and refused
    beyond ``max_seconds`` (default two hours) before any work, as is a bad ``out_dir``.
    """
    t0 = time.perf_counter()
    check_out_dir(out_dir)  # refuse a bad --out before any work
    enforce("check", check_estimate(quick=quick, workers=workers, only=only), max_seconds=max_seconds)
    root = seeding.root_seed_sequence(seed)
    chosen = [s for s in domains.sections() if only is None or s.name in only]
    claims = domains.registry()
    plan = Plan(quick=quick, workers=workers, claims=claims)
    total = sum(spec.count_steps(plan) + 1 for spec in chosen)
    sections = []
    formal = None
    with tqdm(total=total, desc="prunegap check", unit="step", disable=not show_progress, leave=False) as bar:
        for spec in chosen:
            bar.set_postfix_str(spec.name)
            rng = root if spec.seed_key is None else seeding.child_seed(root, 100, spec.seed_key)
            sec = spec.run(Plan(quick=quick, workers=workers, progress=bar.update, claims=claims,
                                previous=tuple(sections)), rng)
            sections.append(sec)
            if spec.formal_key is not None:  # a section that audits proofs hands its outcomes to the report
                formal = {**(formal or {}), **sec.data.get(spec.formal_key, {})}
            bar.update(1)
    seconds = time.perf_counter() - t0
    meta = {
        "mode": "quick" if quick else "full",
        "seed_entropy": seeding.seed_entropy(root),
        "workers": workers,
        "seconds": seconds,
        "versions": package_versions(),
        "sections": [s.name for s in sections],
    }
    path = write_report(out_dir, meta=meta, sections=sections, claims=claims, formal=formal)
    checks = [c for s in sections for c in s.checks]
    violated = [c.claim_id for c in checks if c.verdict in ("violated", "failed")]
    unavailable = [c.claim_id for c in checks if c.verdict == "unavailable"]
    missing = [s.data.get("required_tool_reason") or f"section {s.name}: a required external tool is unavailable"
               for s in sections if s.data.get("required_tool_missing")]
    code = 1 if violated else (3 if missing else 0)
    return CheckOutcome(path, code, violated, unavailable, seconds, missing, time.perf_counter() - t0)


def section_names() -> list[str]:
    """Names accepted by ``--only``, in run order."""
    return [s.name for s in domains.sections()]
