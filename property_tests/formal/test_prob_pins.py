"""The mathcomp-analysis theories (``coq/prob``, issue 23): per-file axiom allow-list and pinned statements.

Claim: theorem-a-probability-step.

Each tamper edits a scratch copy of one built development (``coq/prob/ThmAProb.v``) and recompiles only that
file; the committed sources and golden files are never touched.  The audit must say *proved* for the committed
theorem, *statement mismatch* when its bound is weakened or a hypothesis is added (``prunegap formal`` exits 1),
and *failed* when it uses an axiom outside its file's allow-list.
"""

from __future__ import annotations

import shutil

import pytest

from pybridge.domains import registry
from pybridge.formal.coq import (ALLOWED_COQ_AXIOMS, ALLOWED_COQ_AXIOMS_BY_MODULE, CoqBuild, allowed_axiom_types,
                                 audit_coq, build_coq, require_lines)
from pybridge.formal.pin import COQ_GOLDEN, STATEMENT_MISMATCH, read_golden
from pybridge.runtime.runner import coq_required, find_tool

CLAIMS = registry()
THM_A = CLAIMS["theorem-a-probability-step"]
FILE = "prob/ThmAProb.v"
HEAD = "Theorem theorem_a_probability_step d"
BOUND = "    (P A <= (Rmult (INR n) (Rdiv (Rmult 2 (eta_eps eps)) PI))%:E)%E.\nProof.\n"


@pytest.fixture(scope="module")
def prob_build():
    if find_tool("coqc") is None:
        if coq_required():
            pytest.fail("coqc is unavailable but PRUNEGAP_REQUIRE_COQ=1")
        pytest.skip("coqc is unavailable (install Coq 8.16: apt-get install coq libcoq-mathcomp-analysis)")
    build = build_coq()
    yield build
    build.cleanup()


def _tampered(build, tmp_path, edit) -> CoqBuild:
    root = tmp_path / "build"
    shutil.copytree(build.root, root)
    out = CoqBuild(root, build.flags, build.files, 0.0)
    path = out.coq_dir / FILE
    text = path.read_text()
    new = edit(text)
    assert new != text
    path.write_text(new)
    out.coqc(FILE)
    return out


def _weaken_bound(text: str) -> str:
    """The bound replaced by +oo (the measurable superset is kept)."""
    assert text.count(BOUND) == 1
    start = text.index(BOUND) + len(BOUND)
    end = text.index("Qed.", start)
    return (text[:text.index(BOUND)] + "    (P A <= +oo)%E.\nProof.\n"
            "move=> heps hlen hmeas hlaw; exists (\\big[setU/set0]_(i < n) angle_below net i (eta_eps eps)).\n"
            "split; [by apply: bigsetU_measurable => i _; exact: hmeas|split; last exact: leey].\n"
            "move=> w /= hw; have [i [hi hlt]] := small_error_near_kink (net w) eps heps hw.\n"
            "rewrite -(bigcup_mkord n (fun k => angle_below net k (eta_eps eps))).\n"
            "by exists i => //; rewrite /= -(hlen w); apply/ssrnat.ltP.\n" + text[end:])


def _add_hypothesis(text: str) -> str:
    old = "  Rlt 0 eps /\\ Rlt eps (Rdiv 1 2) ->\n  (forall w, length (net w) = n) ->"
    assert text.count(old) == 1
    return (text.replace(old, "  (0 < n)%N ->\n" + old)
            .replace("move=> heps hlen hmeas hlaw.\nhave [/RltP h0", "move=> _ heps hlen hmeas hlaw.\nhave [/RltP h0"))


def test_allow_list_is_per_module():
    prob = allowed_axiom_types(THM_A.coq)
    core = allowed_axiom_types("Prunegap.TheoremA.theorem_a_core")
    extra = ALLOWED_COQ_AXIOMS_BY_MODULE["PrunegapProb.ThmAProb"]
    assert set(extra) == {"boolp.propositional_extensionality", "boolp.functional_extensionality_dep",
                          "boolp.constructive_indefinite_description", "Epsilon.epsilon_statement",
                          "Classical_Prop.classic"}
    assert set(core) == set(ALLOWED_COQ_AXIOMS) and not set(core) & set(extra)
    assert set(prob) == set(core) | set(extra)
    assert all(reason and "\n" not in reason for _, reason in extra.values())
    assert require_lines([THM_A.coq, "Prunegap.Kinks.kink_free_affine"]) == [
        "Require Import Prunegap.All.", "Require PrunegapProb.ThmAProb."]


def test_probability_step_is_proved_with_its_files_axioms_and_pinned(prob_build):
    res = audit_coq(prob_build, [THM_A])[THM_A.id]
    assert res.outcome == "proved", res
    assert set(res.axioms) - set(ALLOWED_COQ_AXIOMS) == set(ALLOWED_COQ_AXIOMS_BY_MODULE["PrunegapProb.ThmAProb"])
    pin = read_golden(COQ_GOLDEN)[THM_A.id]
    assert pin == (THM_A.coq, res.statement)
    assert "(eta_eps eps)" in pin[1] and "circle_error_lt (net w) eps" in pin[1]


def test_weakened_bound_is_a_statement_mismatch(prob_build, tmp_path):
    res = audit_coq(_tampered(prob_build, tmp_path, _weaken_bound), [THM_A])[THM_A.id]
    assert res.outcome == STATEMENT_MISMATCH and STATEMENT_MISMATCH in res.message, res
    assert "PInf" in res.statement and "Raxioms.INR n" not in res.statement


def test_added_hypothesis_is_a_statement_mismatch(prob_build, tmp_path):
    res = audit_coq(_tampered(prob_build, tmp_path, _add_hypothesis), [THM_A])[THM_A.id]
    assert res.outcome == STATEMENT_MISMATCH, res
    assert res.statement.count("ssrnat.leq") == 3


def test_axiom_outside_the_files_allow_list_fails(prob_build, tmp_path):
    def use_axiom(text):
        text = text.replace("Require Import Prunegap.TheoremA", "Require Coq.Logic.ClassicalEpsilon.\n"
                            "Require Import Prunegap.TheoremA", 1)
        return text.replace("move=> heps hlen hmeas hlaw.\n",
                            "have _ := ClassicalEpsilon.constructive_indefinite_description.\n"
                            "move=> heps hlen hmeas hlaw.\n", 1)

    res = audit_coq(_tampered(prob_build, tmp_path, use_axiom), [THM_A])[THM_A.id]
    assert res.outcome == "failed" and res.disallowed == ("ClassicalEpsilon.constructive_indefinite_description",)


def test_prunegap_formal_exits_1_on_the_weakened_bound(tmp_path, monkeypatch, capsys):
    """The issue's tamper end to end: `prunegap formal` on a scratch copy of coq/ whose bound was weakened."""
    if find_tool("coqc") is None:
        pytest.skip("coqc is unavailable")
    from pybridge.formal import coq as coq_mod

    repo = tmp_path / "repo"
    shutil.copytree(coq_mod.COQ_DIR, repo / "coq",
                    ignore=shutil.ignore_patterns("*.vo", "*.vok", "*.vos", "*.glob", ".*.aux", "Makefile.coq*"))
    path = repo / "coq" / FILE
    path.write_text(_weaken_bound(path.read_text()))
    monkeypatch.setattr(coq_mod, "COQ_DIR", repo / "coq")
    import pybridge.formal.section as section_mod

    monkeypatch.setattr(section_mod, "build_coq", lambda: coq_mod.build_coq(repo / "coq"))
    from pybridge.formal.command import _cmd_formal

    class Args:
        claims = {THM_A.id: THM_A}
        replay, seed, json, write_pins, check_pins = 0, 0, False, False, False

    code = _cmd_formal(Args())
    out = capsys.readouterr().out
    assert code == 1
    assert any(line.startswith(THM_A.id) and STATEMENT_MISMATCH in line for line in out.splitlines()), out
