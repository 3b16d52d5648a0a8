"""The formal layer's pure-Python parts: replay export and read-back, the answer comparison (through a stand-in
coqc that prints a chosen answer list, so no Coq is needed), certificate export, assumption and statement parsing,
golden files and Lean signatures.

Expected texts are written out by hand from the documented formats (``coq/README.md``, the ``Print Assumptions``
and ``Check`` output of coqc 8.16).  Targeted tests of ``benchmarks/mutation.py --only replay pin coq-audit``;
the coqc-driven functions are tested with the real Coq in ``test_coq.py``, ``test_pins.py``, ``test_replay.py``.
"""

from __future__ import annotations

import os
import stat
from fractions import Fraction

import pytest

from pybridge.errors import ExternalToolError, InvalidArgument, InvalidType
from pybridge.formal.coq import _q, certificate_to_coq, parse_assumptions
from pybridge.formal.pin import normalize_statement, parse_statements, read_golden, statement_file_lines, write_golden
from pybridge.formal.sources import lean_signature
from pybridge.formal.replay import (ExportMismatch, ReplayInstance, check_round_trip, instance_to_coq,
                                    instances_from_records, parse_coq_instances, replay_decisions)
from pybridge.rss import Certificate

F = Fraction


def test_instance_export_by_hand():
    inst = ReplayInstance((F(1, 2), F(-3, 4)), F(1, 8), F(-1), F(5, 6), True, "t")
    # least common denominator of 1/8, -1, 5/6, 1/2, -3/4 is 24
    assert inst.scaled() == (24, [12, -18], 3, -24, 20)
    assert instance_to_coq(inst) == "decide_cover 24%positive [(12)%Z; (-18)%Z] (3)%Z (-24)%Z (20)%Z"
    assert parse_coq_instances("x " + instance_to_coq(inst) + " y") == [((F(1, 2), F(-3, 4)), F(1, 8), F(-1), F(5, 6))]
    empty = ReplayInstance((), F(1), F(0), F(1), False)
    assert instance_to_coq(empty) == "decide_cover 1%positive [] (1)%Z (0)%Z (1)%Z"
    assert inst.describe() == "t: xs=['1/2', '-3/4'], eps=1/8, [a, b]=[-1, 5/6], fast decision=covered"
    assert "fast decision=not covered" in empty.describe()


def test_round_trip_accepts_the_export_and_rejects_any_change():
    insts = [ReplayInstance((F(1, 3),), F(1, 5), F(-1), F(1), False, "a"),
             ReplayInstance((F(1, 2), F(1, 4)), F(1, 4), F(0), F(1), True, "b")]
    text = " ;\n".join(instance_to_coq(i) for i in insts)
    check_round_trip(insts, text)
    with pytest.raises(ExportMismatch, match="holds 2 instances, expected 1"):
        check_round_trip(insts[:1], text)
    for bad in (text.replace("(3)%Z", "(6)%Z", 1), text.replace("(-15)%Z", "(-14)%Z"),
                text.replace("[(5)%Z]", "[(4)%Z]")):
        assert bad != text
        with pytest.raises(ExportMismatch, match="does not hold the exported instance: a:"):
            check_round_trip(insts, bad)
    with pytest.raises(ExportMismatch):
        check_round_trip(insts[::-1], text)


def test_instances_from_float_hex_records():
    recs = [{"xs": [(0.5).hex(), (-0.25).hex()], "eps": (0.125).hex(), "a": (-1.0).hex(), "b": (1.0).hex(),
             "expected": True, "label": "curve 3"}, {"xs": [], "eps": (0.1).hex(), "a": "-0x1p+0", "b": "0x1p+0",
                                                     "expected": False}]
    a, b = instances_from_records(recs)
    assert a == ReplayInstance((F(1, 2), F(-1, 4)), F(1, 8), F(-1), F(1), True, "curve 3")
    assert b.eps == F(0.1) and b.label == "" and b.expected is False
    with pytest.raises(InvalidArgument, match=r"records\[0\] must be a dict"):
        instances_from_records([{"xs": []}])
    with pytest.raises(InvalidType, match="float.hex strings"):
        instances_from_records([dict(recs[0], eps=0.125)])
    with pytest.raises(InvalidArgument, match="float.hex strings"):
        instances_from_records([dict(recs[0], eps="zz")])
    with pytest.raises(InvalidType, match="must be a Fraction"):
        ReplayInstance((0.5,), F(1), F(0), F(1), True)
    with pytest.raises(InvalidType, match="expected must be a bool"):
        ReplayInstance((), F(1), F(0), F(1), 1)


@pytest.fixture
def stand_in_coqc(tmp_path, monkeypatch):
    """A ``coqc`` on PATH that reports version 8.16.1 and prints ``$ANSWERS`` as the evaluated list."""
    script = tmp_path / "bin" / "coqc"
    script.parent.mkdir()
    script.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "The Coq Proof Assistant, version 8.16.1"; '
                      'exit 0; fi\ncase "$*" in *Replay.v*) printf "     = [%s]\\n     : list bool\\n" "$ANSWERS";; '
                      'esac\nexit 0\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    return monkeypatch


INSTS = [ReplayInstance((F(1, 2),), F(1, 4), F(0), F(1, 2), True, "i0"),
         ReplayInstance((F(1, 2),), F(1, 8), F(0), F(1), False, "i1"),
         ReplayInstance((F(1, 4), F(1, 2)), F(1, 8), F(0), F(3, 4), True, "i2")]


def test_replay_counts_agreements(stand_in_coqc):
    stand_in_coqc.setenv("ANSWERS", "true; false;\n true")
    out = replay_decisions(INSTS)
    assert out["status"] == "verified" and out["agree"] == 3 and out["disagreements"] == []
    assert (out["trials"], out["covered"], out["not_covered"]) == (3, 2, 1)
    assert out["prover"] == "coq 8.16.1" and out["seconds"] >= 0 and "build_seconds" in out


def test_replay_reports_each_disagreement(stand_in_coqc):
    stand_in_coqc.setenv("ANSWERS", "true; true; false")
    out = replay_decisions(INSTS)
    assert out["status"] == "disagreement" and out["agree"] == 1
    assert out["disagreements"] == [INSTS[1].describe() + "; Coq decide_cover=covered",
                                    INSTS[2].describe() + "; Coq decide_cover=not covered"]


@pytest.mark.parametrize("answers,fragment", [("true; false", "printed 2 decisions, expected 3"),
                                              ("true; maybe; true", "printed 3 decisions, expected 3"),
                                              (None, "printed no list of decisions")])
def test_replay_refuses_malformed_answers(stand_in_coqc, answers, fragment):
    if answers is None:
        stand_in_coqc.setenv("ANSWERS", "")
        stand_in_coqc.setenv("PATH", os.environ["PATH"])  # same stand-in; the list is empty
        with pytest.raises(ExternalToolError, match="printed 0 decisions, expected 3"):
            replay_decisions(INSTS)
        return
    stand_in_coqc.setenv("ANSWERS", answers)
    with pytest.raises(ExternalToolError, match=fragment):
        replay_decisions(INSTS)


def test_replay_without_instances_runs_nothing(stand_in_coqc):
    out = replay_decisions([])
    assert out == {"trials": 0, "covered": 0, "not_covered": 0, "agree": 0, "disagreements": [], "prover": None,
                   "seconds": 0.0, "status": "unavailable"}
    with pytest.raises(InvalidType, match=r"instances\[0\] must be a ReplayInstance"):
        replay_decisions([object()])


def test_replay_checks_the_round_trip_before_coqc(stand_in_coqc):
    stand_in_coqc.setenv("ANSWERS", "true; false; true")

    def doubled(i):
        return instance_to_coq(ReplayInstance(i.xs, 2 * i.eps, i.a, i.b, i.expected, i.label))

    with pytest.raises(ExportMismatch):
        replay_decisions(INSTS, exporter=doubled)


def test_certificate_export_by_hand():
    cert = Certificate((F(1, 2), F(-1, 3)), F(1, 4), F(-1), F(1), (0b01, 0b10), (F(1, 2), F(-1, 3)))
    assert _q(F(-1, 3)) == "(-1 # 3)" and _q(2) == "(2 # 1)"
    assert certificate_to_coq(cert, "c1") == (
        "Module c1.\n"
        "Definition xs : list Q := [(1 # 2); (-1 # 3)].\n"
        "Definition eps : Q := (1 # 4).\n"
        "Definition a : Q := (-1 # 1).\n"
        "Definition b : Q := (1 # 1).\n"
        "Definition masks : list (list bool) := [\n  [true; false];\n  [false; true]\n].\n"
        "Lemma cert_ok : check_certificate xs eps a b masks = true.\n"
        "Proof. vm_compute. reflexivity. Qed.\n"
        "End c1.\n")
    assert certificate_to_coq(cert).startswith("Module cert.\n")
    with pytest.raises(InvalidArgument, match="name must be a Coq identifier"):
        certificate_to_coq(cert, "1bad")


def test_parse_assumptions_blocks():
    text = ("noise\nAUDIT claim-a Prunegap.A.thm\nClosed under the global context\n"
            "AUDIT claim-b Prunegap.B.thm\nAxioms:\nClassicalEpsilon.constructive_indefinite_description\n"
            "  : forall (A : Type) (P : A -> Prop),\n    (exists x : A, P x) -> {x : A | P x}\n"
            "Rdefinitions.R : Set\n\nAUDIT claim-c C.t\nAxioms:\nFoo : nat\nUnguarded fixpoints:\nSTATEMENT x y\n"
            "Closed under the global context\n")
    out = parse_assumptions(text)
    assert out["claim-a"] == {"name": "Prunegap.A.thm", "axioms": [], "types": {}, "closed": True, "other": []}
    b = out["claim-b"]
    assert b["axioms"] == ["ClassicalEpsilon.constructive_indefinite_description", "Rdefinitions.R"]
    assert b["types"]["ClassicalEpsilon.constructive_indefinite_description"] == \
        "forall (A : Type) (P : A -> Prop), (exists x : A, P x) -> {x : A | P x}"
    assert b["types"]["Rdefinitions.R"] == "Set" and not b["closed"] and b["other"] == []
    c = out["claim-c"]
    assert c["axioms"] == ["Foo"] and c["other"] == ["Unguarded fixpoints:"] and not c["closed"]


def test_statement_parsing_and_normalisation():
    assert normalize_statement("  forall x,\n\t x = x  ") == "forall x, x = x"
    text = ("STATEMENT claim-a Prunegap.A.thm_a\nthm_a\n     : forall x : R,\n       x = x\n"
            "STATEMENT claim-b Prunegap.B.thm_b\nPrunegap.B.thm_b : True\nAUDIT claim-b Prunegap.B.thm_b\n"
            "Closed under the global context\nSTATEMENT claim-c C.c\nc : 1 = 1")
    assert parse_statements(text) == {"claim-a": "forall x : R, x = x", "claim-b": "True", "claim-c": "1 = 1"}
    assert parse_statements("STATEMENT k n\nn : P\nEND\nignored", markers=("END",)) == {"k": "P"}


def test_statement_file_lines_print_each_theorem():
    from pybridge.claims import Claim, Source

    c = Claim(id="x-y", statement="s", latex="l", model="m", source=Source("THEORY", None, "w", "RECON"), kind="lemma",
              twin="pybridge.formal.twins:relu", tests=(), coq="Prunegap.X.y")
    assert statement_file_lines([c]) == ['Goal True. idtac "STATEMENT x-y Prunegap.X.y". Abort.', "Check Prunegap.X.y."]


def test_golden_files_round_trip(tmp_path):
    path = tmp_path / "g.golden"
    assert read_golden(path) == {}
    write_golden(path, {"a": ("N.a", "forall x,\n  P x"), "b": ("N.b", "Q")}, "Coq 8.16")
    text = path.read_text()
    assert text.startswith("# Pinned Coq 8.16 theorem statements (issue 10 §1). Generated by "
                           "`prunegap formal --write-pins`; do not edit by hand.\n# claim id")
    assert text.endswith("a\tN.a\tforall x, P x\nb\tN.b\tQ\n")
    assert read_golden(path) == {"a": ("N.a", "forall x, P x"), "b": ("N.b", "Q")}
    path.write_text("# c\n\nx\ty\n")
    with pytest.raises(InvalidArgument, match=r"g.golden:3: expected 'claim id<TAB>name<TAB>statement'"):
        read_golden(path)
    with pytest.raises(InvalidArgument, match="not a regular file"):
        read_golden(tmp_path)
    with pytest.raises(InvalidType, match="path must be a path"):
        read_golden(3)


def test_lean_signature_from_sources():
    src = {"A.lean": "/- block\n theorem foo : False := x -/\n-- theorem foo : False\n"
                     "@[simp] theorem Prunegap.foo (x : Nat) -- note\n  : x = x := by rfl\n"
                     "lemma foo' : True := trivial\ntheorem nosig : True\n"}
    assert lean_signature("Prunegap.foo", src) == "@[simp] theorem Prunegap.foo (x : Nat) : x = x"
    assert lean_signature("foo'", src) == "lemma foo' : True"
    assert lean_signature("missing", src) is None
    assert lean_signature("nosig", src) is None
    with pytest.raises(InvalidType, match="sources must be a dict"):
        lean_signature("foo", ["x"])
