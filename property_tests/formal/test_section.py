"""The formal section on the one protocol (issue 20): records of its own, the rss section only read.

The records are built from synthetic ``formal_outcomes`` data (no coqc needed); the section itself runs with
``formal_outcomes`` replaced, so these tests take seconds.  The real Coq run is ``test_coq.py`` and the
``prunegap check --only rss formal`` comparison; the exit-3 test below needs no coqc (it hides it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from pybridge.claims import derive_status
from pybridge.claims.records import ExactCheck, FormalOutcome, record_from_dict
from pybridge.claims.section import CheckPlan, SectionContext, SectionResult, SectionView, Streams, Table
from pybridge.domains import registry
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.formal import section as fsec
from pybridge.formal.pin import STATEMENT_MISMATCH
from pybridge.formal.records import (CHECKER_CLAIM, DECIDE_CLAIM, LEAN_MIRROR, SAMPLE_SIZE_CLAIM,
                                     formal_evidence)
from pybridge.formal.streams import Stream

COQC = "The Coq Proof Assistant, version 8.16.1"


def _audit(cid, name, outcome, axioms=(), message=""):
    return {"claim_id": cid, "coq": name, "outcome": outcome, "axioms": list(axioms), "disallowed": [],
            "message": message, "statement": "forall n : nat, n = n"}


def _replay(trials=20, covered=12, agree=20, status="verified"):
    return {"trials": trials, "covered": covered, "not_covered": trials - covered, "agree": agree,
            "disagreements": [f"instance {i}; Coq decide_cover=covered" for i in range(trials - agree)],
            "prover": "coq 8.16.1", "seconds": 5.23, "status": status, "cpu_seconds": 1.53}


def _data(claims=None, verified=None, replay=True):
    claims = claims if claims is not None else {
        "rss-grid": _audit("rss-grid", "Prunegap.Certificate.grid_covers", "proved", ("A.x", "B.y"), "axioms: union"),
        "kink-free-affine": _audit("kink-free-affine", "Prunegap.Kinks.kink_free_affine", STATEMENT_MISMATCH,
                                   message="printed statement differs"),
        DECIDE_CLAIM: _audit(DECIDE_CLAIM, "Prunegap.Decide.decide_cover_correct", "proved")}
    side = {"replayed": 8, "seconds": 5.39, "cpu_seconds": 1.72, "instances_drawn": 9, "n": 10, "eps": 0.1,
            "interval": [-1, 1], "law": "uniform", "seed_entropy": "5"}
    lean = {"static_problems": [], "statement_mismatch": [], "required": False, "required_tool_missing": False,
            "claims": {"rss-grid": {"lean": "Prunegap.covers_of_grid", "outcome": "unavailable", "axioms": [],
                                    "messages": ["lake not found"]}}}
    return {"coqc": COQC, "required": False, "claims": claims, "forbidden": [], "replay": side if replay else None,
            "build_seconds": 8.5, "error": None, "lean": lean, "verified_replay": verified}


def _by(records, cid, kind):
    return [r for r in records if r.claim_id == cid and r.kind == kind]


def test_coq_audit_becomes_formal_outcomes_and_statuses_follow():
    records, tables = formal_evidence(_data())
    grid = _by(records, "rss-grid", "formal-outcome")[0]
    assert (grid.prover, grid.theorem, grid.outcome, grid.verdict) == ("coq", "Prunegap.Certificate.grid_covers",
                                                                       "proved", "holds")
    assert grid.statement_pinned is True and grid.axioms == ("A.x", "B.y") and grid.tool == COQC
    assert grid.file == "coq/theories/Certificate.v" and grid.method == "formal"
    assert grid.details["statement"] == "forall n : nat, n = n"
    bad = _by(records, "kink-free-affine", "formal-outcome")[0]
    assert bad.verdict == "failed" and bad.statement_pinned is False and "printed statement differs" in bad.messages[0]
    assert derive_status("rss-grid", checks=records) == "proved in Coq"
    assert derive_status("kink-free-affine", checks=records) == "check failed"
    for r in records:
        d = r.to_dict()
        assert record_from_dict(json.loads(json.dumps(d))).to_dict() == d
    (table,) = tables
    assert isinstance(table, Table) and [row[0] for row in table.rows] == ["rss-grid", "kink-free-affine", DECIDE_CLAIM]
    assert table.rows[0][3] == "A.x, B.y" and table.rows[1][3] is None and table.rows[1][5] is None


def test_side_replay_and_lean_audit_records():
    records, _ = formal_evidence(_data())
    (side,) = _by(records, CHECKER_CLAIM, "exact-check")
    assert (side.verdict, side.instances, side.failures) == ("holds", 8, 0)
    assert side.details["instances_drawn"] == 9 and side.details["cpu_seconds"] == 1.72
    (lean,) = [r for r in records if r.claim_id == LEAN_MIRROR]
    assert isinstance(lean, FormalOutcome) and lean.prover == "lean" and lean.method == "static"
    assert lean.verdict == "holds" and lean.statement_pinned is True
    data = _data()
    data["lean"]["static_problems"] = ["rss-grid: Lean name X is not declared in lean/"]
    data["lean"]["statement_mismatch"] = ["rss-grid"]
    (lean,) = [r for r in formal_evidence(data)[0] if r.claim_id == LEAN_MIRROR]
    assert lean.verdict == "failed" and lean.statement_pinned is False and "not declared" in lean.messages[0]
    assert not _by(formal_evidence(_data(replay=False))[0], CHECKER_CLAIM, "exact-check")


def test_verified_replay_is_evidence_of_the_formal_section_only():
    rep = _replay()
    records, _ = formal_evidence(_data(verified=rep), audited=20)
    (check,) = _by(records, DECIDE_CLAIM, "exact-check")
    assert (check.verdict, check.instances, check.failures) == ("holds", 20, 0)
    assert {k: check.details[k] for k in ("trials", "covered", "not_covered", "agree")} == {
        "trials": 20, "covered": 12, "not_covered": 8, "agree": 20}
    # agreeing trials are no evidence for the sample-size law itself: its status stays the Monte Carlo one
    assert not [r for r in records if r.claim_id == SAMPLE_SIZE_CLAIM]
    assert derive_status(DECIDE_CLAIM, checks=records) == "proved in Coq"
    # without an rss run (audited=0) there is no replay record at all
    assert not _by(formal_evidence(_data(verified=rep))[0], DECIDE_CLAIM, "exact-check")


def test_a_disagreement_violates_both_claims():
    records, _ = formal_evidence(_data(verified=_replay(agree=18, status="disagreement")), audited=20)
    for cid in (DECIDE_CLAIM, SAMPLE_SIZE_CLAIM):
        (check,) = _by(records, cid, "exact-check")
        assert (check.verdict, check.instances, check.failures) == ("violated", 20, 2)
        assert "DISAGREEMENTS: instance 0" in check.note
        assert derive_status(cid, checks=records) == "violated"


@pytest.mark.parametrize("rep", [None, {**_replay(), "status": "unavailable", "agree": 0, "prover": None}])
def test_a_replay_that_did_not_run_is_unavailable_not_a_pass(rep):
    records, _ = formal_evidence(_data(verified=rep), audited=20)
    (check,) = _by(records, DECIDE_CLAIM, "exact-check")
    assert check.verdict == "unavailable" and check.instances == 0 and "not a pass" in check.note
    assert "20 audited" in check.setting


def test_unavailable_coqc_is_unavailable():
    claims = {"rss-grid": {"coq": "Prunegap.Certificate.grid_covers", "outcome": "unavailable", "axioms": [],
                           "message": "coqc not found"}}
    data = {**_data(claims, replay=False), "coqc": None}
    (rec,) = _by(formal_evidence(data)[0], "rss-grid", "formal-outcome")
    assert rec.verdict == "unavailable" and rec.statement_pinned is None and rec.tool == ""
    assert derive_status("rss-grid", checks=[rec]) == "stated only"


@pytest.mark.parametrize("bad,err", [
    (None, InvalidType), ({"coqc": None}, InvalidArgument),
    ({**_data(), "claims": {"x": {"outcome": "proved"}}}, InvalidArgument),
    ({**_data(), "lean": []}, InvalidType),
    ({**_data(), "verified_replay": {"status": "verified"}}, InvalidArgument),
])
def test_malformed_data_is_refused_with_the_package_error(bad, err):
    with pytest.raises(err):
        formal_evidence(bad)
    with pytest.raises(InvalidArgument):
        formal_evidence(_data(), audited=-1)


def _ctx(rss_view, quick=True):
    root = np.random.SeedSequence(5)
    return SectionContext(plan=CheckPlan(quick=quick), streams=Streams(fsec.SECTION.root(root), Stream),
                          inputs={} if rss_view is None else {"rss": rss_view}, claims=registry())


def test_the_section_reads_the_rss_view_and_returns_its_own_result(monkeypatch):
    seen = {}

    def fake(claims, *, replay, seed_root, replay_audit, audit_scope):
        seen.update(replay=replay, audit=replay_audit, scope=audit_scope, root=seed_root)
        return _data(verified=_replay(trials=len(replay_audit or ()), covered=1, agree=len(replay_audit or ())))

    monkeypatch.setattr(fsec, "formal_outcomes", fake)
    audit = [{"xs": ["0x1.0p-1"], "eps": "0x1.0p-1", "a": "-0x1.0p+0", "b": "0x1.0p+0", "expected": True}] * 3
    rss = SectionResult(name="rss", title="RSS", data={"replay_audit": audit}).view()
    before = (rss.evidence, dict(rss.data))
    res = fsec.SECTION.run(_ctx(rss))
    assert (rss.evidence, dict(rss.data)) == before  # read, never written
    assert seen["replay"] == fsec.QUICK_SIDE_REPLAY and seen["scope"] == "union" and len(seen["audit"]) == 3
    assert seen["root"].spawn_key == (100, 3)  # the section's root: seed_key 3, as before the protocol change
    assert isinstance(res, SectionResult) and res.name == "formal" and res.missing_tool is None
    assert [r.instances for r in res.evidence if r.claim_id == DECIDE_CLAIM and r.kind == "exact-check"] == [3]
    assert res.data["verified_replay"]["trials"] == 3 and "outcomes" not in res.data
    # rss did not run (--only formal): no replay, and a full plan replays more side instances theorem by theorem
    res = fsec.SECTION.run(_ctx(None, quick=False))
    assert seen["audit"] is None and seen["replay"] == fsec.FULL_SIDE_REPLAY and seen["scope"] == "each"
    assert not [r for r in res.evidence if r.kind == "exact-check" and r.claim_id == DECIDE_CLAIM]


def test_budget_is_keyword_built_and_validated():
    assert fsec.FormalBudget.for_plan(CheckPlan(quick=True)) == fsec.FormalBudget.quick()
    with pytest.raises(TypeError):
        fsec.FormalBudget(8, "union")
    with pytest.raises(InvalidArgument):
        fsec.FormalBudget(side_replay=8, audit_scope="some")


def test_required_coq_missing_makes_the_check_exit_3(tmp_path):
    """``PRUNEGAP_REQUIRE_COQ=1`` without coqc: ``prunegap check --only formal`` exits 3 and says why."""
    env = dict(os.environ, PATH=str(tmp_path), PRUNEGAP_REQUIRE_COQ="1", PRUNEGAP_REQUIRE_LEAN="0")
    argv = [sys.executable, "-m", "pybridge.cli", "check", "--quick", "--only", "formal", "--no-progress"]
    proc = subprocess.run(argv + ["--out", str(tmp_path / "a")], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 3, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "PRUNEGAP_REQUIRE_COQ=1" in proc.stdout + proc.stderr
    env["PRUNEGAP_REQUIRE_COQ"] = "0"
    proc = subprocess.run(argv + ["--out", str(tmp_path / "b")], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    res = json.loads((tmp_path / "b" / "results.json").read_text())
    coq = [c for c in res["sections"]["formal"]["checks"] if c["kind"] == "formal-outcome" and c["prover"] == "coq"]
    assert coq and {c["verdict"] for c in coq} == {"unavailable"}
    assert {c["status"] for c in res["claims"] if c["coq"]} == {"stated only"}
