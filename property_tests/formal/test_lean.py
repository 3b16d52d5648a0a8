"""The Lean 4 mirror: static checks that run everywhere, and the lake runner (issue 6).

No Lean toolchain exists on our machines: the real build is skipped (a failure when
PRUNEGAP_REQUIRE_LEAN=1) and reported as "unavailable", never as passed.  The runner's
parsing and verdict logic is exercised with a stand-in ``lake`` that prints canned output.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from pybridge.domains import registry

CLAIMS = registry()
from pybridge.formal.sources import LEAN_DIR
from pybridge.formal.lean import (
    lean_build_and_audit,
    lean_static_checks,
    parse_lean_messages,
    parse_print_axioms,
)
from pybridge.runtime.runner import find_tool, lean_required

CLAIM_TAG = re.compile(r"Claim `([a-z0-9-]+)`")


def test_lean_static_checks_pass():
    assert lean_static_checks(CLAIMS.values()) == []


def test_lean_claims_tsv_agrees_with_registry():
    rows = list(csv.DictReader((LEAN_DIR / "claims.tsv").open(), delimiter="\t"))
    assert {r["claim_id"]: r["qualified_lean_name"] for r in rows} == {c.id: c.lean for c in CLAIMS.values() if c.lean}
    for r in rows:  # "proved" in the tsv means "full proof written"; the registry never says proved in Lean
        assert CLAIMS[r["claim_id"]].lean_status == ("proof-written" if r["status"] == "proved" else "stated")


def test_every_registered_lean_name_carries_its_claim_tag():
    for c in CLAIMS.values():
        if not c.lean:
            continue
        short = c.lean.split(".")[-1]
        found = False
        for path in LEAN_DIR.rglob("*.lean"):
            text = path.read_text()
            for m in CLAIM_TAG.finditer(text):
                if m.group(1) == c.id and re.search(rf"theorem\s+{re.escape(short)}\b", text[m.end():m.end() + 2000]):
                    found = True
        assert found, f"{c.id}: no `Claim` docstring right before theorem {short}"


def test_lean_toolchain_and_mathlib_are_pinned():
    toolchain = (LEAN_DIR / "lean-toolchain").read_text().strip()
    lakefile = (LEAN_DIR / "lakefile.toml").read_text()
    m = re.fullmatch(r"leanprover/lean4:(v\d+\.\d+\.\d+)", toolchain)
    assert m, toolchain
    assert f'rev = "{m.group(1)}"' in lakefile and "autoImplicit = false" in lakefile


def test_static_check_catches_an_added_sorry(tmp_path):
    dst = tmp_path / "lean"
    shutil.copytree(LEAN_DIR, dst, ignore=shutil.ignore_patterns(".lake"))
    path = dst / "Prunegap" / "Kinks.lean"
    path.write_text(path.read_text() + "\ntheorem bogus : (1 : ℕ) = 2 := by sorry\n")
    problems = lean_static_checks(CLAIMS.values(), root=dst)
    assert any("forbidden" in p and "sorry" in p for p in problems)


def test_static_check_catches_a_missing_declaration(tmp_path):
    dst = tmp_path / "lean"
    shutil.copytree(LEAN_DIR, dst, ignore=shutil.ignore_patterns(".lake"))
    path = dst / "Prunegap" / "Kinks.lean"
    path.write_text(path.read_text().replace("theorem kink_line_three_point", "theorem kink_line_three_point'"))
    problems = lean_static_checks(CLAIMS.values(), root=dst)
    assert any("kink-line-three-point" in p for p in problems)


def test_parse_lean_messages():
    text = ("error: Prunegap/Kinks.lean:10:4: unknown identifier 'foo'\n"
            "Prunegap/Relu.lean:3:0: warning: declaration uses 'sorry'\n  more detail\n"
            "✔ [100/120] Built Prunegap.Basic\n")
    msgs = parse_lean_messages(text)
    assert [(m.file, m.line, m.severity) for m in msgs] == [("Prunegap/Kinks.lean", 10, "error"),
                                                         ("Prunegap/Relu.lean", 3, "warning")]
    assert "more detail" in msgs[1].text


def test_parse_print_axioms():
    out = parse_print_axioms("'Prunegap.a' depends on axioms: [propext, Classical.choice, Quot.sound]\n"
                             "'Prunegap.b' does not depend on any axioms\n")
    assert out == {"Prunegap.a": ["propext", "Classical.choice", "Quot.sound"], "Prunegap.b": []}


def _fake_lake(tmp_path, build_out: str, build_rc: int, audit_out: str) -> str:
    """A stand-in ``lake`` printing canned output (files, so no shell quoting is involved)."""
    (tmp_path / "build.out").write_text(build_out)
    (tmp_path / "audit.out").write_text(audit_out)
    script = tmp_path / "lake"
    script.write_text(
        "#!/bin/sh\n"
        f"if [ \"$1\" = build ]; then cat '{tmp_path}/build.out'; exit {build_rc}; fi\n"
        f"cat '{tmp_path}/audit.out'\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def _audit_text(extra: dict | None = None) -> str:
    lines = []
    for c in CLAIMS.values():
        if c.lean:
            ax = (extra or {}).get(c.lean, "propext, Classical.choice, Quot.sound")
            lines.append(f"'{c.lean}' depends on axioms: [{ax}]")
    return "\n".join(lines) + "\n"


def test_runner_verdicts_with_a_stand_in_lake(tmp_path, monkeypatch):
    monkeypatch.setenv("PRUNEGAP_LAKE", _fake_lake(tmp_path, "Build completed successfully.", 0, _audit_text()))
    res = lean_build_and_audit(CLAIMS.values())
    assert {r["outcome"] for r in res.values()} == {"proved"}
    lake = tmp_path / "b"
    lake.mkdir()
    monkeypatch.setenv("PRUNEGAP_LAKE", _fake_lake(lake, "Prunegap/Kinks.lean:5:0: warning: declaration uses "
                                                   "'sorry'\n", 0,
                                                   _audit_text({"Prunegap.counting_bound": "propext, sorryAx"})))
    res = lean_build_and_audit(CLAIMS.values())
    assert {r["outcome"] for r in res.values()} == {"rejected"}  # a sorry anywhere rejects the build
    assert any("sorryAx" in m for m in res["rss-counting-bound"]["messages"])
    err = tmp_path / "c"
    err.mkdir()
    monkeypatch.setenv("PRUNEGAP_LAKE", _fake_lake(err, "error: Prunegap/Relu.lean:3:0: unknown constant\n", 1,
                                                   _audit_text()))
    res = lean_build_and_audit(CLAIMS.values())
    assert {r["outcome"] for r in res.values()} == {"rejected"}


def test_real_lean_build_or_unavailable():
    if find_tool("lake", env_var="PRUNEGAP_LAKE") is None:
        if lean_required():
            pytest.fail("lake is unavailable but PRUNEGAP_REQUIRE_LEAN=1")
        res = lean_build_and_audit(CLAIMS.values())
        assert {r["outcome"] for r in res.values()} == {"unavailable"}
        pytest.skip("no Lean toolchain here (reported as 'unavailable', not as passed)")
    res = lean_build_and_audit(CLAIMS.values())
    bad = {k: v for k, v in res.items() if v["outcome"] != "proved"}
    assert not bad, bad


def test_generated_constants_file_is_in_sync():
    """Drift test: regenerating Prunegap/Generated/Constants.lean from symbolic gives the same bytes."""
    from pybridge.formal.lean_constants import GENERATED_PATH, expected_generated_constants

    assert GENERATED_PATH.read_text() == expected_generated_constants()


def test_constant_lemmas_hold_exactly():
    """Every `theorem ... : A < B := by norm_num [...]` of Prunegap/Constants.lean, checked with Fractions."""
    from fractions import Fraction

    import symbolic
    from pybridge.formal.lean_constants import lean_ident

    values = {}
    for name, (lo, hi) in symbolic.rational_bounds_for_export().items():
        values[lean_ident(name) + "_lo"] = lo
        values[lean_ident(name) + "_hi"] = hi

    def term(t):
        t = t.strip()
        m = re.fullmatch(r"\((.+?)\s*:\s*ℚ\)", t)
        if m:
            return Fraction(m.group(1).replace(" ", ""))
        return values[t]

    text = (LEAN_DIR / "Prunegap" / "Constants.lean").read_text()
    stmts = re.findall(r"theorem\s+(\w+)\s*:\s*(.+?)\s*(<|≤)\s*(.+?)\s*:=\s*by\s+norm_num", text)
    assert len(stmts) >= 8
    for name, lhs, op, rhs in stmts:
        a, b = term(lhs), term(rhs)
        assert (a < b) if op == "<" else (a <= b), name
