"""The Coq layer: build, axiom audit, certificate replay, and that breakage is caught (issue 5).

Skipped when coqc is absent, unless PRUNEGAP_REQUIRE_COQ=1 (then a missing coqc fails:
"skipping it in CI would look identical to passing it").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from pybridge.domains import registry

CLAIMS = registry()
from pybridge.errors import ToolFailedError
from pybridge.formal.coq import start_audit
from pybridge.formal.sources import COQ_DIR
from pybridge.formal.coq import audit_coq, build_coq, parse_assumptions, replay_certificates, scan_forbidden
from pybridge.formal.section import replay_instances
from pybridge.runtime.runner import coq_required, find_tool

pytestmark = pytest.mark.coq


@pytest.fixture(scope="module")
def coq_build():
    if find_tool("coqc") is None:
        if coq_required():
            pytest.fail("coqc is unavailable but PRUNEGAP_REQUIRE_COQ=1")
        pytest.skip("coqc is unavailable (install Coq 8.16: apt-get install coq)")
    build = build_coq()
    yield build
    build.cleanup()


def test_every_registered_coq_theorem_is_proved_with_allowed_axioms(coq_build):
    claims = [c for c in CLAIMS.values() if c.coq]
    assert len(claims) >= 17
    results = audit_coq(coq_build, claims)
    bad = {cid: r.to_dict() for cid, r in results.items() if r.outcome != "proved"}
    assert not bad, bad


def test_no_forbidden_vernacular_in_theories():
    assert scan_forbidden() == []


def test_monte_carlo_certificates_replay_in_coq(coq_build):
    certs, _ = replay_instances(20, np.random.SeedSequence(2026))
    assert len(certs) == 20
    assert replay_certificates(coq_build, certs)["replayed"] == 20


def test_tampered_certificate_is_rejected_by_coq(coq_build):
    certs, _ = replay_instances(1, np.random.SeedSequence(7))
    c = certs[0]
    bad = type(c)(c.xs, c.eps / 4, c.a, c.b, c.masks, c.sums)  # same witnesses, eps too small for the gaps
    with pytest.raises(ToolFailedError):
        replay_certificates(coq_build, [bad])


def _scratch(tmp_path):
    dst = tmp_path / "src"
    shutil.copytree(COQ_DIR, dst, ignore=shutil.ignore_patterns("*.vo", "*.vok", "*.vos", "*.glob", ".*.aux"))
    return dst


def test_broken_proof_fails_the_build(coq_build, tmp_path):
    src = _scratch(tmp_path)
    path = src / "theories" / "Kinks.v"
    text = path.read_text()
    # break the first proof script: replace its first tactic line's terminator with an impossible step
    broken, k = re.subn(r"Proof\.", "Proof. exfalso.", text, count=1)
    assert k == 1
    path.write_text(broken)
    with pytest.raises(ToolFailedError) as info:
        build_coq(src, workdir=tmp_path / "build")
    assert info.value.argv and info.value.returncode not in (0, None)


def test_added_admitted_is_caught(coq_build, tmp_path):
    src = _scratch(tmp_path)
    claim = CLAIMS["kink-line-three-point"]
    short = claim.coq.rsplit(".", 1)[1]
    path = src / "theories" / "Kinks.v"
    text = path.read_text()
    start = text.index(f"Lemma {short}") if f"Lemma {short}" in text else text.index(f"Theorem {short}")
    proof = text.index("Proof.", start)
    end = text.index("Qed.", proof)
    path.write_text(text[:proof] + "Admitted." + text[end + len("Qed."):])
    assert scan_forbidden(src)  # the static scan flags it
    build = build_coq(src, workdir=tmp_path / "build")  # it still compiles...
    res = audit_coq(build, [claim])[claim.id]  # ...but the audit sees the new axiom
    assert res.outcome == "failed" and short in " ".join(res.disallowed)
    # the quick (union) audit sees it too, for every theorem of the union; the per-theorem audit the quick
    # run falls back to then pinpoints the tampered one
    other = CLAIMS["relu-odd-part"]
    union = start_audit(build, [claim, other], scope="union").wait()
    assert union[claim.id].outcome == union[other.id].outcome == "failed"
    each = start_audit(build, [claim, other]).wait()
    assert each[claim.id].outcome == "failed" and each[other.id].outcome == "proved"


def test_union_audit_agrees_with_the_per_theorem_audit(coq_build):
    claims = [c for c in CLAIMS.values() if c.coq]
    union = start_audit(coq_build, claims, scope="union").wait()
    each = start_audit(coq_build, claims, scope="each").wait()
    assert set(union) == set(each)
    for cid in each:
        assert union[cid].outcome == each[cid].outcome == "proved"
        assert union[cid].statement == each[cid].statement
        assert set(each[cid].axioms) <= set(union[cid].axioms)
    # the union runs over the theorems of Prunegap only: those outside it (coq/prob) are audited one by one
    core = [c for c in claims if c.coq.startswith("Prunegap.")]
    assert set().union(*(set(each[c.id].axioms) for c in core)) == set(union[core[0].id].axioms)


def test_parse_assumptions_handles_closed_and_axioms():
    text = ("AUDIT a X.y\nClosed under the global context\nAUDIT b X.z\nAxioms:\nFoo.bar\n  : forall n : nat, n = n\n"
            "Baz.qux : True\nAUDIT c X.w\nAxioms:\nFoo.bar : True\nFixpoints relying on unguarded recursion:\n"
            "  X.bad\n")
    out = parse_assumptions(text)
    assert out["a"]["closed"] and out["a"]["axioms"] == []
    assert out["b"]["axioms"] == ["Foo.bar", "Baz.qux"]
    assert out["b"]["types"]["Foo.bar"] == "forall n : nat, n = n"
    assert out["c"]["other"]


def test_same_named_axiom_with_another_statement_is_refused(coq_build, tmp_path):
    """A user module that shadows an allowed axiom's name with a different statement fails the audit."""
    path = coq_build.coq_dir / "Spoof.v"
    path.write_text("Module ClassicalDedekindReals.\nAxiom sig_forall_dec : False.\nEnd ClassicalDedekindReals.\n"
                    "Theorem spoof : 1 = 2.\nProof. destruct ClassicalDedekindReals.sig_forall_dec. Qed.\n")
    (coq_build.coq_dir / "SpoofAudit.v").write_text(
        "Load Spoof.\n" + 'Goal True. idtac "AUDIT spoof-claim spoof". Abort.\nPrint Assumptions spoof.\n')
    run = coq_build.coqc("SpoofAudit.v")
    info = parse_assumptions(run.output)["spoof-claim"]
    from pybridge.formal.coq import ALLOWED_COQ_AXIOM_TYPES, _norm

    assert "ClassicalDedekindReals.sig_forall_dec" in " ".join(info["axioms"])
    name = info["axioms"][0]
    assert _norm(info["types"][name]) != _norm(ALLOWED_COQ_AXIOM_TYPES["ClassicalDedekindReals.sig_forall_dec"])


def test_scan_forbidden_catches_guard_checking_tricks(tmp_path):
    src = _scratch(tmp_path)
    path = src / "theories" / "Relu.v"
    path.write_text(path.read_text() + "\nUnset Guard Checking.\n")
    assert any("Guard" in h for h in scan_forbidden(src))


def test_missing_coqc_is_unavailable_not_passed(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path), PRUNEGAP_REQUIRE_COQ="0")
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "formal", "--json"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    import json

    d = json.loads(proc.stdout)
    assert {v["outcome"] for v in d["claims"].values()} == {"unavailable"}
    env["PRUNEGAP_REQUIRE_COQ"] = "1"
    proc = subprocess.run([sys.executable, "-m", "pybridge.cli", "formal"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 3
