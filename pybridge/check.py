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

from pybridge import seeding
from pybridge.report import check_out_dir, package_versions, write_report

__all__ = ["SECTIONS", "CheckOutcome", "run_check"]


def _rss(quick, seed_root, workers, progress, previous=()):
    from pybridge.rss_section import rss_section

    return rss_section(quick=quick, seed_root=seeding.child_seed(seed_root, 100, 0), workers=workers,
                       progress=progress)


def _rss_steps(quick):
    from pybridge.rss_section import rss_budget

    return sum(len(c[2]) for c in rss_budget(quick)["curves"])


def _gap(quick, seed_root, workers, progress, previous=()):
    from pybridge.gap_section import gap_section

    return gap_section(quick, seed=seeding.child_seed(seed_root, 100, 4), workers=workers,
                       progress=progress).to_section()


def _gap_steps(quick):
    from pybridge.gap_section import gap_steps

    return gap_steps(quick)


def _constants(quick, seed_root, workers, progress, previous=()):
    from pybridge.constants_section import constants_section

    return constants_section(quick=quick, seed_root=seed_root, workers=workers, previous=previous)


def _formal(quick, seed_root, workers, progress, previous=()):
    from pybridge.formal_section import formal_section

    return formal_section(quick=quick, seed_root=seeding.child_seed(seed_root, 100, 3), workers=workers)


#: (name, run(quick, seed_root, workers, progress, previous=sections so far) -> Section, steps(quick) -> int)
SECTIONS = [
    ("rss", _rss, _rss_steps),
    ("gap", _gap, _gap_steps),
    ("constants", _constants, lambda quick: 0),
    ("formal", _formal, lambda quick: 0),
]


@dataclass
class CheckOutcome:
    out_dir: object
    exit_code: int
    violated: list
    unavailable: list
    seconds: float


def run_check(*, quick: bool, out_dir, workers: int, seed=None, show_progress: bool = True, only=None) -> CheckOutcome:
    """Run all sections (or those named in ``only``) and write the report atomically."""
    t0 = time.perf_counter()
    check_out_dir(out_dir)  # refuse a bad --out before any work
    root = seeding.root_seed_sequence(seed)
    chosen = [s for s in SECTIONS if only is None or s[0] in only]
    total = sum(steps(quick) + 1 for _, _, steps in chosen)
    sections = []
    formal = None
    with tqdm(total=total, desc="prunegap check", unit="step", disable=not show_progress, leave=False) as bar:
        for name, run, _ in chosen:
            bar.set_postfix_str(name)
            sec = run(quick, root, workers, bar.update, previous=tuple(sections))
            sections.append(sec)
            if name == "formal":
                formal = sec.data.get("outcomes")
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
    path = write_report(out_dir, meta=meta, sections=sections, formal=formal)
    checks = [c for s in sections for c in s.checks]
    violated = [c.claim_id for c in checks if c.verdict in ("violated", "failed")]
    unavailable = [c.claim_id for c in checks if c.verdict == "unavailable"]
    required_missing = any(s.data.get("required_tool_missing") for s in sections)
    code = 1 if violated else (3 if required_missing else 0)
    return CheckOutcome(path, code, violated, unavailable, seconds)
