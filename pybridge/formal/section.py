"""The formal section of ``prunegap check`` and the ``prunegap formal`` table.

Per registered claim: the Coq outcome (proved / failed / statement mismatch /
unavailable, with the axioms printed by ``Print Assumptions`` and the statement
printed by ``Check``, compared with ``coq/statements.golden``) and the Lean
outcome (its signature compared with ``lean/statements.golden``).  Coq is required
when ``PRUNEGAP_REQUIRE_COQ=1``: a missing coqc then makes the run exit 3 instead
of reporting "unavailable".
"""

from __future__ import annotations

import time


from pybridge.runtime import seeding
from pybridge.rss import build_certificate
import numpy as np

from pybridge.errors import ExternalToolError, InvalidArgument, InvalidType
from pybridge.validation import check_instance, check_int, check_real
from pybridge.claims import ClaimCheck, Plan, Section, SectionSpec
from pybridge.formal.coq import build_coq, coq_version, scan_forbidden, start_audit, start_replay_certificates
from pybridge.rss import get_law
from pybridge.formal.lean import lean_build_and_audit, lean_static_checks, lean_statement_problems
from pybridge.formal.pin import STATEMENT_MISMATCH
from pybridge.runtime.runner import coq_required, lean_required
from pybridge.formal.replay import instances_from_records, start_replay_decisions

__all__ = ["formal_outcomes", "formal_section", "replay_instances", "required_tool_reason", "formal_seconds",
           "MAX_REPLAY", "SECTION"]


def replay_instances(count: int, seed_root, *, n: int = 10, eps: float = 0.1):
    """``count`` certificates of Monte Carlo instances (Uniform[-1,1] samples, exact dyadic values).

    Instances that do not cover are skipped (a certificate exists only for covered ones).
    """
    count = check_int("count", count, min_value=0, max_value=MAX_REPLAY)
    check_instance("seed_root", seed_root, np.random.SeedSequence)
    n = check_int("n", n, min_value=1, max_value=64)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    rng = seeding.child_rng(seed_root, 30, 0)
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
        out["replay"] = {**pending[1].wait(), "instances_drawn": drawn, "n": 10, "eps": 0.1,
                         "interval": [-1, 1], "law": "uniform", "seed_entropy": seeding.seed_entropy(seed_root)}
        if replay_audit:
            out["verified_replay"] = pending[2].wait()
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


def _wait_all(pending, poll_seconds: float = 0.01) -> None:
    """Poll the coqc processes of ``pending`` (PendingAudit/PendingReplay/PendingDecisions) until all exited."""
    tools = [t for p in pending for t in p.tools()]
    while not all([t.poll() for t in tools]):
        time.sleep(poll_seconds)


def _attach_replay(rss, sec: Section, rep, requested: int) -> None:
    """Record the verified replay of the RSS trials in the rss section (data, markdown, verdicts) and here."""
    if rep is None:
        text = (f"The {requested} audited RSS Monte Carlo trials were not re-decided: Coq build failed or coqc is "
                "unavailable (this is not a pass).")
        sec.checks.append(ClaimCheck("rss-decide-cover", "unavailable", text, "formal", {}))
        rss.data["verified_replay"] = None
        return
    summary = {k: rep[k] for k in ("trials", "covered", "not_covered", "agree", "prover", "seconds")}
    if rep.get("cpu_seconds") is not None:
        summary["cpu_seconds"] = rep["cpu_seconds"]
    rss.data["verified_replay"] = summary
    if rep["status"] == "unavailable":
        sec.checks.append(ClaimCheck("rss-decide-cover", "unavailable", "coqc is unavailable: the audited RSS "
                                     "trials were not re-decided (this is not a pass).", "formal", rep))
        return
    sentence = (f"Verified replay: {rep['trials']} trials drawn deterministically (from the run's SeedSequence) from "
                f"the very trials behind the P(n, eps) points and n* thresholds with eps >= 1e-2 "
                f"({rep['covered']} covered, {rep['not_covered']} not covered by the fast decision) were exported "
                f"exactly, read back, and re-decided by the Coq-verified decision `decide_cover` (both directions "
                f"proved, `Prunegap.Decide.decide_cover_correct`) with vm_compute ({rep['prover']}, "
                + (f"{rep['cpu_seconds']:.1f} s of coqc CPU, {rep['seconds']:.1f} s wall beside the audit"
                   if rep.get("cpu_seconds") is not None else f"{rep['seconds']:.1f} s")
                + f"): {rep['agree']}/{rep['trials']} agree.")
    if rep["disagreements"]:
        sentence += " DISAGREEMENTS: " + " | ".join(rep["disagreements"][:5])
    verdict = "holds" if rep["status"] == "verified" else "violated"
    sec.checks.append(ClaimCheck("rss-decide-cover", verdict, sentence, "formal", rep))
    rss.markdown = (rss.markdown or "") + "\n" + sentence + "\n"
    if verdict == "violated":
        rss.checks.append(ClaimCheck("rss-log-sample-size", "violated", sentence, "exact", rep))


def _lean_outcomes(registry) -> dict:
    """Lean static checks (always) and build/audit (only where lake exists)."""
    from pybridge.formal.lean_constants import expected_generated_constants

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
    return {"static_problems": static, "claims": built, "required": lean_required(),
            "required_tool_missing": lake_missing and lean_required()}


def formal_section(plan: Plan, rng) -> Section:
    """The formal section: Coq build, audit and certificate replay (8 quick / 40 full side instances); Lean checks."""
    t0 = time.perf_counter()
    rss = next((s for s in plan.previous if s.name == "rss"), None)
    audit = (rss.data or {}).get("replay_audit") if rss is not None else None
    data = formal_outcomes(plan.claims, replay=QUICK_SIDE_REPLAY if plan.quick else 40, seed_root=rng,
                           replay_audit=audit, audit_scope="union" if plan.quick else "each")
    sec = Section("formal", "Machine-checked (Coq)")
    if rss is not None and audit:
        _attach_replay(rss, sec, data["verified_replay"], len(audit))
    for cid, d in data["claims"].items():
        if d["outcome"] == "proved":
            verdict = "holds"
            union = "union over all registered theorems" in d.get("message", "")
            text = (f"Coq theorem `{d['coq']}` checks (coqc: {data['coqc']}); its printed statement equals the "
                    "pinned one (coq/statements.golden); Print Assumptions"
                    + (" (quick run: of all registered theorems at once; this theorem's axioms are a subset)"
                       if union else "") + ": "
                    + (", ".join(d["axioms"]) or "closed") + " (all on the allow-list).")
        elif d["outcome"] == "unavailable":
            verdict, text = "unavailable", "coqc is not installed: not checked (this is not a pass)."
        elif d["outcome"] == STATEMENT_MISMATCH:
            verdict = "failed"
            text = (f"Coq theorem `{d['coq']}` checks but its statement is not the pinned one (coq/statements.golden)"
                    f", so it is not evidence for this claim: {d.get('message', '')}")
        else:
            verdict, text = "failed", f"Coq check failed for `{d['coq']}`: {d.get('message', '')}"
        sec.checks.append(ClaimCheck(cid, verdict, text, "formal", d))
    if data["replay"]:
        r = data["replay"]
        sec.checks.append(ClaimCheck(
            "rss-certificate-sound", "holds",
            f"{r['replayed']} coverage certificates of fresh side instances (n={r['n']} Uniform[-1,1] samples as "
            f"exact dyadic rationals, eps={r['eps']}, [-1, 1], covered ones only) were kernel-checked by vm_compute "
            f"through the verified checker in "
            + (f"{r['cpu_seconds']:.1f} s of coqc CPU ({r['seconds']:.1f} s wall beside the audit)"
               if r.get("cpu_seconds") is not None else f"{r['seconds']:.1f} s")
            + ". These side instances exercise the checker; "
            "they are not trials behind any Monte Carlo number (those are replayed by `rss-decide-cover`).",
            "formal", r))
    data["outcomes"] = {cid: d["outcome"] for cid, d in data["claims"].items()}
    lean = data["lean"]
    sec.checks.append(ClaimCheck(
        "lean-mirror", "failed" if lean["static_problems"] else "holds",
        "Lean static checks (no toolchain needed): " + ("; ".join(lean["static_problems"][:5]) if lean["static_problems"]
        else "every registered Lean name is declared, its signature equals the pinned one (lean/statements.golden), "
             "no sorry/admit/axiom, the axioms file lists every theorem, the generated constants file is in sync") + ". Lean build: "
        + ", ".join(sorted({v["outcome"] for v in lean["claims"].values()})) + ".", "static", lean))
    data["required_tool_missing"] = (data["coqc"] is None and data["required"]) or lean["required_tool_missing"]
    data["required_tool_reason"] = required_tool_reason(data)
    sec.data = data
    sec.markdown = _table(data)
    sec.seconds = time.perf_counter() - t0
    return sec


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


def formal_seconds(plan: Plan) -> float:
    """Estimated wall time of the formal section: the Coq build and audit, then the replays (measured).

    Measured on 2 shared cores: the quick section 24 s wall (build, audit, 20 replays); ``prunegap formal
    --replay 40`` 74 s wall beside another job (30 s of coqc for the build, 3.1 s for the 40 replays).
    Without coqc: about a second.
    """
    check_instance("plan", plan, Plan)
    from pybridge.runtime.runner import find_tool

    if find_tool("coqc") is None:
        return 1.0
    if plan.quick:  # parallel build, union audit, replays and Lean checks side by side (measured 39 s at load 11)
        return QUICK_FORMAL_SECONDS
    return COQ_BUILD_SECONDS + REPLAY_SECONDS * 40


#: estimated wall time of the quick formal section on 2 cores at low load (CPU time measured: about 13 s of coqc
#: for the build, 3 s for the union audit, 2 s for the replays, 3.5 s of Python for the Lean checks)
QUICK_FORMAL_SECONDS = 15.0
#: side-instance certificates replayed in a quick run (they back no Monte Carlo number; 40 in a full run)
QUICK_SIDE_REPLAY = 8
#: measured wall time of the scratch Coq build with its audit (2 shared cores), and of one certificate replay
COQ_BUILD_SECONDS = 45.0
REPLAY_SECONDS = 0.1
#: most certificates ``prunegap formal --replay`` accepts (about 10 minutes of vm_compute)
MAX_REPLAY = 5000


def _table(data) -> str:
    lean = data["lean"]["claims"]
    lines = [f"coqc: {data['coqc'] or 'unavailable'}; scratch build {data['build_seconds']} s. Lean: no toolchain "
             "can be installed on our machines, so the Lean column says 'unavailable' unless lake was found; "
             "'proof written' means a full Lean proof exists but has not been compiled by us.", "",
             "| claim | Coq theorem | Coq | axioms | Lean theorem | Lean |", "|---|---|---|---|---|---|"]
    for cid, d in data["claims"].items():
        lv = lean.get(cid, {})
        lines.append(f"| `{cid}` | `{d['coq']}` | {d['outcome']} | {', '.join(d.get('axioms', [])) or '-'} | "
                     f"`{lv.get('lean', '-')}` | {lv.get('outcome', '-')} |")
    return "\n".join(lines)


SECTION = SectionSpec(name="formal", title="Machine-checked (Coq)", run=formal_section, seed_key=3,
                      formal_key="outcomes", seconds=formal_seconds)
