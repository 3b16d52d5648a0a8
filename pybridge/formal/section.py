"""The formal section of ``prunegap check`` and the ``prunegap formal`` table.

Per registered claim: the Coq outcome (proved / failed / statement mismatch / unavailable, with the axioms
printed by ``Print Assumptions`` and the statement printed by ``Check``, compared with ``coq/statements.golden``)
and the Lean static audit (signatures compared with ``lean/statements.golden``); the coverage certificates of
side instances replayed through the verified checker; and, when the rss section ran (``requires=("rss",)``), its
audited Monte Carlo trials re-decided by the verified decision.  All of it is evidence of this section
(:mod:`pybridge.formal.records`), attached to the claims' ids; the rss section's result is only read.  Coq is
required when ``PRUNEGAP_REQUIRE_COQ=1``: a missing coqc then makes the run exit 3 (``missing_tool``) instead of
reporting "unavailable".
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from pybridge.claims.section import CheckPlan, SectionContext, SectionResult, SectionSpec
from pybridge.errors import ExternalToolError, InvalidArgument, InvalidType
from pybridge.formal.coq import build_coq, coq_version, scan_forbidden, start_audit, start_replay_certificates
from pybridge.formal.lean import lean_build_and_audit, lean_static_checks, lean_statement_problems
from pybridge.formal.lean_constants import expected_generated_constants
from pybridge.formal.pin import STATEMENT_MISMATCH
from pybridge.formal.records import formal_evidence
from pybridge.formal.replay import instances_from_records, start_replay_decisions
from pybridge.formal.streams import Stream
from pybridge.rss import build_certificate, get_law
from pybridge.runtime import seeding
from pybridge.runtime.runner import coq_required, find_tool, lean_required
from pybridge.validation import check_instance, check_int, check_real

#: the side instances whose certificates the verified checker replays: n Uniform[-1, 1] samples, radius eps,
#: target [-1, 1] (at n = 10, eps = 0.1 most instances cover, so few are skipped)
SIDE_N, SIDE_EPS = 10, 0.1

__all__ = ["formal_outcomes", "formal_section", "replay_instances", "required_tool_reason", "formal_seconds",
           "FormalBudget", "MAX_REPLAY", "SECTION"]


def replay_instances(count: int, seed_root, *, n: int = SIDE_N, eps: float = SIDE_EPS):
    """``count`` certificates of Monte Carlo instances (Uniform[-1,1] samples, exact dyadic values).

    Instances that do not cover are skipped (a certificate exists only for covered ones).
    """
    count = check_int("count", count, min_value=0, max_value=MAX_REPLAY)
    check_instance("seed_root", seed_root, np.random.SeedSequence)
    n = check_int("n", n, min_value=1, max_value=64)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    rng = seeding.child_rng(seed_root, Stream.SIDE_REPLAY, 0)
    law = get_law("uniform")
    certs, drawn = [], 0
    while len(certs) < count and drawn < 50 * count:
        drawn += 1
        try:
            certs.append(build_certificate(law.sample(rng, n).tolist(), eps))
        except InvalidArgument:
            continue
    return certs, drawn


def formal_outcomes(claims, *, replay: int = 20, seed_root=None, replay_audit=None, audit_scope: str = "each") -> dict:
    """Build, audit and replay the formal claims among ``claims`` (the registry mapping); a JSON-safe dict.

    ``replay_audit``: exact Monte Carlo instances (records of :func:`pybridge.rss.section.audit_instances`)
    re-decided by the verified ``decide_cover`` (:func:`pybridge.formal.replay.replay_decisions`); the
    result is ``out["verified_replay"]``.

    After the scratch build (:func:`~pybridge.formal.coq.build_coq`, two coqc processes at once along the
    dependency graph), the audit (two coqc processes), the certificate replay and the verified replay
    are started together, and the Lean static checks run while they work.  ``audit_scope="union"`` (the
    quick run) prints the axioms of all theorems at once (:func:`~pybridge.formal.coq.start_audit`); if
    that audit finds anything but "proved" or "statement mismatch", it is redone theorem by theorem.
    """
    registry = claims
    seed_root = seed_root if seed_root is not None else seeding.root_seed_sequence(0)
    version = coq_version()
    claims = [c for c in registry.values() if c.coq]
    out = {"coqc": version, "required": coq_required(), "claims": {}, "forbidden": [], "replay": None,
           "build_seconds": None, "error": None, "lean": None, "verified_replay": None}
    if version is None:
        out["lean"] = _lean_outcomes(registry)
        for c in claims:
            out["claims"][c.id] = {"coq": c.coq, "outcome": "unavailable", "axioms": [], "message": "coqc not found"}
        return out
    out["forbidden"] = scan_forbidden()
    build = None
    pending = []
    try:
        build = build_coq()
        out["build_seconds"] = round(build.seconds, 2)
        _audit_and_replay(out, build, pending, registry, replay=replay, seed_root=seed_root,
                          replay_audit=replay_audit, audit_scope=audit_scope)
    except ExternalToolError as exc:
        out["error"] = {"argv": list(exc.argv), "exit": exc.returncode, "output": exc.output[-2000:]}
        for c in claims:
            out["claims"].setdefault(c.id, {"coq": c.coq, "outcome": "failed", "axioms": [],
                                            "message": f"Coq build/replay failed: {str(exc).splitlines()[0]}"})
    finally:
        for p in pending:
            p.kill()
        if build is not None:
            build.cleanup()
    if out["lean"] is None:
        out["lean"] = _lean_outcomes(registry)
    return out


def _audit_and_replay(out: dict, build, pending: list, registry, *, replay, seed_root, replay_audit,
                      audit_scope) -> None:
    """Start the audit and both replays in ``build`` (appending to ``pending``), run the Lean checks meanwhile,
    and fill ``out`` with their results."""
    claims = [c for c in registry.values() if c.coq]
    certs, drawn = replay_instances(replay, seed_root)
    pending.append(start_audit(build, claims, scope=audit_scope))
    pending.append(start_replay_certificates(build, certs))
    if replay_audit:
        pending.append(start_replay_decisions(instances_from_records(replay_audit), build=build))
    out["lean"] = _lean_outcomes(registry)  # Python work while the coqc processes run
    _wait_all(pending)  # fixes each run's wall time when it is first seen to exit
    audits = pending[0].wait()
    if audit_scope == "union" and any(r.outcome not in ("proved", STATEMENT_MISMATCH) for r in audits.values()):
        audits = start_audit(build, claims).wait()  # pinpoint the failing theorems
    for cid, res in audits.items():
        d = res.to_dict()
        if out["forbidden"] and res.outcome in ("proved", STATEMENT_MISMATCH):
            d["outcome"], d["message"] = "failed", "forbidden vernacular in coq/theories: " + out["forbidden"][0]
        out["claims"][cid] = d
    out["replay"] = {**pending[1].wait(), "instances_drawn": drawn, "n": SIDE_N, "eps": SIDE_EPS,
                     "interval": [-1, 1], "law": "uniform", "seed_entropy": seeding.seed_entropy(seed_root)}
    if replay_audit:
        out["verified_replay"] = pending[2].wait()


def _wait_all(pending, poll_seconds: float = 0.01) -> None:
    """Poll the coqc processes of ``pending`` (PendingAudit/PendingReplay/PendingDecisions) until all exited."""
    tools = [t for p in pending for t in p.tools()]
    while not all([t.poll() for t in tools]):
        time.sleep(poll_seconds)


def _lean_outcomes(registry) -> dict:
    """Lean static checks (always) and build/audit (only where lake exists)."""
    claims = list(registry.values())
    static = lean_static_checks(claims, generated_text=expected_generated_constants())
    built = lean_build_and_audit(claims)
    mismatch = lean_statement_problems(claims)
    for cid, msg in mismatch.items():
        static.append(f"{cid}: {msg}")
        if cid in built:
            built[cid] = {**built[cid], "outcome": STATEMENT_MISMATCH,
                          "messages": [msg] + list(built[cid].get("messages", []))}
    lake_missing = all(v["outcome"] == "unavailable" for v in built.values())
    return {"static_problems": static, "statement_mismatch": sorted(mismatch), "claims": built,
            "required": lean_required(),
            "required_tool_missing": lake_missing and lean_required()}


@dataclass(frozen=True, kw_only=True)
class FormalBudget:
    """What the formal section spends: the side certificates replayed and the scope of the axiom audit.

    Attributes
    ----------
    side_replay : int
        Coverage certificates of side instances kernel-checked by the verified checker (they back no Monte Carlo
        number).
    audit_scope : str
        ``"union"``: Print Assumptions of all registered theorems at once (redone theorem by theorem when it finds
        anything but "proved" or "statement mismatch"); ``"each"``: theorem by theorem.
    """

    side_replay: int
    audit_scope: str

    def __post_init__(self):
        check_int("side_replay", self.side_replay, min_value=0, max_value=MAX_REPLAY)
        if self.audit_scope not in ("union", "each"):
            raise InvalidArgument(f"audit_scope must be 'union' or 'each', got audit_scope={self.audit_scope!r}")

    @classmethod
    def quick(cls) -> "FormalBudget":
        return cls(side_replay=QUICK_SIDE_REPLAY, audit_scope="union")

    @classmethod
    def full(cls) -> "FormalBudget":
        return cls(side_replay=FULL_SIDE_REPLAY, audit_scope="each")

    @classmethod
    def for_plan(cls, plan: CheckPlan) -> "FormalBudget":
        check_instance("plan", plan, CheckPlan)
        return cls.quick() if plan.quick else cls.full()


def formal_section(ctx: SectionContext) -> SectionResult:
    """The formal section: Coq build, audit and certificate replay, the verified replay of the rss section's
    audited trials (when rss ran), and the Lean checks; records of its own, attached to their claim ids."""
    check_instance("ctx", ctx, SectionContext)
    t0 = time.perf_counter()
    budget = FormalBudget.for_plan(ctx.plan)
    rss = ctx.input("rss")
    audit = (rss.data or {}).get("replay_audit") if rss is not None else None
    data = formal_outcomes(ctx.claims, replay=budget.side_replay, seed_root=ctx.streams.root,
                           replay_audit=audit, audit_scope=budget.audit_scope)
    evidence, tables = formal_evidence(data, audited=len(audit) if audit else 0)
    data["required_tool_missing"] = (data["coqc"] is None and data["required"]) or data["lean"]["required_tool_missing"]
    reason = data["required_tool_reason"] = required_tool_reason(data)
    return SectionResult(name="formal", title=TITLE, evidence=evidence, tables=tables,
                         intro=_intro(data), data=data, seconds=time.perf_counter() - t0, missing_tool=reason)


def _intro(data) -> str:
    return (f"coqc: {data['coqc'] or 'unavailable'}; scratch build {data['build_seconds']} s. Lean: no toolchain can "
            "be installed on our machines, so the Lean column says 'unavailable' unless lake was found; 'proof "
            "written' means a full Lean proof exists but has not been compiled by us.")


def required_tool_reason(data) -> str | None:
    """Why a required tool makes the run exit 3 (``None`` when nothing required is missing)."""
    if not isinstance(data, dict) or not isinstance(data.get("lean"), dict) or not {"coqc", "required"} <= set(data):
        raise InvalidType(f"data must be the dict of formal_outcomes, got data={data!r:.80}")
    reasons = []
    if data["coqc"] is None and data["required"]:
        reasons.append("coqc is unavailable and PRUNEGAP_REQUIRE_COQ=1")
    if data["lean"]["required_tool_missing"]:
        reasons.append("lake is unavailable and PRUNEGAP_REQUIRE_LEAN=1 (set PRUNEGAP_LAKE or put lake on PATH)")
    return "; ".join(reasons) or None


def formal_seconds(plan: CheckPlan) -> float:
    """Estimated wall time of the formal section: the Coq build and audit, then the replays (measured).

    Measured on 2 shared cores: the quick section 24 s wall (build, audit, 20 replays); ``prunegap formal
    --replay 40`` 74 s wall beside another job (30 s of coqc for the build, 3.1 s for the 40 replays).
    Without coqc: about a second.
    """
    check_instance("plan", plan, CheckPlan)
    if find_tool("coqc") is None:
        return 1.0
    if plan.quick:  # parallel build, union audit, replays and Lean checks side by side (measured 39 s at load 11)
        return QUICK_FORMAL_SECONDS
    return COQ_BUILD_SECONDS + REPLAY_SECONDS * FULL_SIDE_REPLAY


#: estimated wall time of the quick formal section on 2 cores at low load (CPU time measured: about 13 s of coqc
#: for the build, 3 s for the union audit, 2 s for the replays, 3.5 s of Python for the Lean checks)
QUICK_FORMAL_SECONDS = 15.0
#: side-instance certificates replayed in a quick and in a full run (they back no Monte Carlo number)
QUICK_SIDE_REPLAY = 8
FULL_SIDE_REPLAY = 40
#: measured wall time of the scratch Coq build with its audit (2 shared cores), and of one certificate replay
COQ_BUILD_SECONDS = 45.0
REPLAY_SECONDS = 0.1
#: most certificates ``prunegap formal --replay`` accepts (about 10 minutes of vm_compute)
MAX_REPLAY = 5000


TITLE = "Machine-checked (Coq)"

SECTION = SectionSpec(name="formal", title=TITLE, run=formal_section, seed_key=3, streams=Stream, requires=("rss",),
                      seconds=formal_seconds)
