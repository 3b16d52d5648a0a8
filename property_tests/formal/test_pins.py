"""Pinned statements (issue 10 §1): a proved theorem is evidence only if it still says what was pinned.

Each tamper edits a scratch copy of one built development (``coq/theories/Kinks.v``) and recompiles only
that file and the ones after it in ``_CoqProject`` (one partial scratch build per tamper, a few seconds of
coqc); the committed sources and golden files are never touched.
"""

from __future__ import annotations

import shutil

import pytest

from pybridge.domains import registry
from pybridge.formal.coq import CoqBuild, audit_coq, build_coq, coq_statements
from pybridge.formal.lean import lean_statement_problems, lean_statements
from pybridge.formal.pin import (COQ_GOLDEN, LEAN_GOLDEN, STATEMENT_MISMATCH, normalize_statement, parse_statements,
                                 read_golden, write_golden)
from pybridge.formal.sources import COQ_DIR, LEAN_DIR, lean_signature
from pybridge.runtime.runner import coq_required, find_tool

CLAIMS = registry()
KINK = CLAIMS["kink-line-three-point"]
STATEMENT = """Theorem kink_line_three_point (alpha beta J delta : R) :
  0 <= J -> 0 < delta ->
  J * delta <= 4 * Rmax (Rabs (line_error alpha beta J (- delta)))
                        (Rmax (Rabs (line_error alpha beta J 0))
                              (Rabs (line_error alpha beta J delta))).
Proof.
  intros _ Hd."""


@pytest.fixture(scope="module")
def coq_build():
    if find_tool("coqc") is None:
        if coq_required():
            pytest.fail("coqc is unavailable but PRUNEGAP_REQUIRE_COQ=1")
        pytest.skip("coqc is unavailable (install Coq 8.16: apt-get install coq)")
    build = build_coq()
    yield build
    build.cleanup()


def _tampered(coq_build, tmp_path, edit) -> CoqBuild:
    """A copy of ``coq_build`` with ``edit(text)`` applied to Kinks.v, recompiled from Kinks.v on."""
    root = tmp_path / "build"
    shutil.copytree(coq_build.root, root)
    build = CoqBuild(root, coq_build.flags, coq_build.files, 0.0)
    path = build.coq_dir / "theories" / "Kinks.v"
    text = path.read_text()
    new = edit(text)
    assert new != text
    path.write_text(new)
    for f in build.files[build.files.index("theories/Kinks.v"):]:
        build.coqc(f)
    return build


def _weaken_to_true(text: str) -> str:
    assert STATEMENT in text
    start = text.index(STATEMENT)
    end = text.index("Qed.", start) + len("Qed.")
    return (text[:start] + "Theorem kink_line_three_point (alpha beta J delta : R) :\n  0 <= J -> 0 < delta -> True.\n"
            "Proof. intros; exact I. Qed." + text[end:])


def test_committed_pins_match_the_built_development(coq_build):
    claims = [c for c in CLAIMS.values() if c.coq]
    results = audit_coq(coq_build, claims)
    assert {cid: r.outcome for cid, r in results.items()} == {c.id: "proved" for c in claims}
    pins = read_golden(COQ_GOLDEN)
    assert set(pins) == {c.id for c in claims}
    assert all(r.statement == pins[cid][1] for cid, r in results.items())
    assert "line_error alpha beta J" in pins[KINK.id][1] and pins[KINK.id][1].startswith("forall alpha beta J delta")


def test_weakened_conclusion_is_a_statement_mismatch(coq_build, tmp_path):
    build = _tampered(coq_build, tmp_path, _weaken_to_true)
    res = audit_coq(build, [KINK])[KINK.id]
    assert res.outcome == STATEMENT_MISMATCH, res
    assert res.statement.endswith("-> True") and STATEMENT_MISMATCH in res.message
    # an intended change: regenerating the pins (here into a scratch golden file) makes the audit pass again
    golden = tmp_path / "statements.golden"
    write_golden(golden, coq_statements(build, [KINK]), "Coq")
    assert read_golden(golden)[KINK.id][1].endswith("-> True")
    assert audit_coq(build, [KINK], pinned=golden)[KINK.id].outcome == "proved"


def test_dropped_hypothesis_is_a_statement_mismatch(coq_build, tmp_path):
    def drop(text):
        return text.replace(STATEMENT, STATEMENT.replace("  0 <= J -> 0 < delta ->", "  0 < delta ->")
                            .replace("intros _ Hd.", "intros Hd."))

    res = audit_coq(_tampered(coq_build, tmp_path, drop), [KINK])[KINK.id]
    assert res.outcome == STATEMENT_MISMATCH, res
    assert "Rdefinitions.Rle (Rdefinitions.IZR BinNums.Z0) J" not in res.statement


def test_renamed_constant_is_a_statement_mismatch(coq_build, tmp_path):
    # rename the (closed, global) definition the statement is about, consistently: everything still proves
    res = audit_coq(_tampered(coq_build, tmp_path, lambda t: t.replace("line_error", "line_err")), [KINK])[KINK.id]
    assert res.outcome == STATEMENT_MISMATCH, res
    assert "line_err alpha" in res.statement


def test_missing_pin_is_not_proved(coq_build, tmp_path):
    golden = tmp_path / "empty.golden"
    golden.write_text("# no pins\n")
    assert audit_coq(coq_build, [KINK], pinned=golden)[KINK.id].outcome == STATEMENT_MISMATCH


def test_prunegap_formal_exits_1_on_the_tamper(coq_build, tmp_path, monkeypatch, capsys):
    """The issue's tamper end to end: `prunegap formal` on a scratch copy of coq/ whose Kinks.v was weakened."""
    repo = tmp_path / "repo"
    from pybridge.formal import coq as coq_mod

    shutil.copytree(COQ_DIR, repo / "coq",
                    ignore=shutil.ignore_patterns("*.vo", "*.vok", "*.vos", "*.glob", ".*.aux", "Makefile.coq*"))
    kinks = repo / "coq" / "theories" / "Kinks.v"
    kinks.write_text(_weaken_to_true(kinks.read_text()))
    import pybridge.formal.section as section_mod

    monkeypatch.setattr(section_mod, "build_coq", lambda: coq_mod.build_coq(repo / "coq"))
    from pybridge.formal.command import _cmd_formal

    class Args:
        claims = {KINK.id: KINK}
        replay, seed, json, write_pins, check_pins = 0, 0, False, False, False

    code = _cmd_formal(Args())
    out = capsys.readouterr().out
    assert code == 1
    assert any(line.startswith(KINK.id) and STATEMENT_MISMATCH in line for line in out.splitlines()), out


def test_parse_statements_blocks():
    text = ("AUDIT a X.f\nClosed under the global context\nSTATEMENT a X.f\nf\n     : forall n : nat,\n"
            "       n = n\nSTATEMENT b Y.g\ng : True\n")
    assert parse_statements(text) == {"a": "forall n : nat, n = n", "b": "True"}
    assert normalize_statement("  a \n\t b ") == "a b"


# --------------------------------------------------------------------------- Lean (no toolchain: source text)


def test_lean_pins_match_the_sources():
    claims = [c for c in CLAIMS.values() if c.lean]
    assert lean_statement_problems(claims) == {}
    assert set(read_golden(LEAN_GOLDEN)) == {c.id for c in claims}


def test_lean_tampers_are_statement_mismatches(tmp_path):
    claims = [c for c in CLAIMS.values() if c.lean]
    for edit in (lambda t: t.replace("J * δ ≤ 4 * max |lineError α β J (-δ)|", "True ∨ J * δ ≤ 4 * max |lineError α β J (-δ)|"),
                 lambda t: t.replace("(_hJ : 0 ≤ J) (hδ : 0 < δ)", "(hδ : 0 < δ)"),
                 lambda t: t.replace("lineError", "lineErr")):
        root = tmp_path / f"lean{id(edit)}"
        shutil.copytree(LEAN_DIR, root, ignore=shutil.ignore_patterns(".lake"))
        path = root / "Prunegap" / "Kinks.lean"
        text = path.read_text()
        path.write_text(edit(text))
        assert path.read_text() != text
        problems = lean_statement_problems(claims, root=root)
        assert KINK.id in problems and STATEMENT_MISMATCH in problems[KINK.id]
        # regenerating the pins after the (intended) change makes it pass
        golden = tmp_path / "lean.golden"
        write_golden(golden, lean_statements(claims, root), "Lean")
        assert lean_statement_problems(claims, root=root, golden=golden) == {}


def test_lean_signature_ignores_comments_and_proof():
    src = {"a.lean": "/- theorem foo : False := -/\n-- theorem foo : False\ntheorem foo {n : ℕ}\n  (h : 0 < n) :\n"
                     "    n ≠ 0 := by\n  omega\n"}
    assert lean_signature("Prunegap.foo", src) == "theorem foo {n : ℕ} (h : 0 < n) : n ≠ 0"
    assert lean_signature("Prunegap.bar", src) is None
