"""The statement pins' pure-Python parts on hand-made inputs: which claims are compared, the messages of a
missing or changed Lean pin, the one-line errors for bad input (naming the argument and its value), comments
inside a Lean signature, the committed golden files being exactly what ``prunegap formal --write-pins`` writes,
and golden files written and read as UTF-8 whatever the locale.

No Coq or Lean is needed: Lean signatures are read from scratch source trees.  Targeted tests of
``benchmarks/mutation.py --only pin`` (issue 10 §3).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pybridge
from pybridge.claims import Claim, Source
from pybridge.domains import registry
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.formal.lean import lean_statement_problems, lean_statements
from pybridge.formal.pin import (COQ_GOLDEN, LEAN_GOLDEN, STATEMENT_MISMATCH, normalize_statement, parse_statements,
                                 read_golden, statement_file_lines, write_golden)
from pybridge.formal.sources import lean_signature

CLAIMS = registry()


def _claim(cid, *, coq=None, lean=None):
    return Claim(id=cid, statement="s", latex="l", model="m", source=Source("THEORY", None, "w", "RECON"),
                 kind="lemma", twin="pybridge.formal.twins:relu", tests=(), coq=coq, lean=lean)


# --------------------------------------------------------------------------- which claims


def test_claims_may_be_a_registry_mapping_or_a_sequence():
    a, b = _claim("p-a", coq="Prunegap.A.a"), _claim("p-b", coq="Prunegap.B.b")
    expected = ['Goal True. idtac "STATEMENT p-a Prunegap.A.a". Abort.', "Check Prunegap.A.a.",
                'Goal True. idtac "STATEMENT p-b Prunegap.B.b". Abort.', "Check Prunegap.B.b."]
    assert statement_file_lines({"p-a": a, "p-b": b}) == expected  # a mapping gives its values
    assert statement_file_lines((a, b)) == expected
    assert len(statement_file_lines(CLAIMS)) == 2 * sum(1 for _ in CLAIMS.values())  # the registry itself
    with pytest.raises(InvalidType, match=r"^claims must be a sequence \(list, tuple or 1-D array\), got claims=3 "):
        statement_file_lines(3)
    with pytest.raises(InvalidType, match=r"^claims\[1\] must be a Claim, got claims\[1\]='p-b' \(type=str\)$"):
        statement_file_lines([a, "p-b"])


# --------------------------------------------------------------------------- bad input: one-line errors


def test_statement_parsers_name_their_arguments():
    with pytest.raises(InvalidType, match=r"^text must be a str, got text=3 \(type=int\)$"):
        normalize_statement(3)
    with pytest.raises(InvalidType, match=r"^text must be a str, got text=None \(type=NoneType\)$"):
        parse_statements(None)
    with pytest.raises(InvalidType, match=r"^markers must be a sequence .*got markers='AUDIT ' \(type=str\)$"):
        parse_statements("", markers="AUDIT ")
    with pytest.raises(InvalidType, match=r"^markers\[1\] must be a str, got markers\[1\]=3 \(type=int\)$"):
        parse_statements("", markers=("END", 3))
    with pytest.raises(InvalidArgument, match=r"^markers\[0\] must have at most 100 characters, got 101$"):
        parse_statements("", markers=("E" * 101,))
    long = "E" * 100  # a marker of exactly 100 characters is accepted and ends a block
    assert parse_statements(f"STATEMENT k n\nn : P\n{long}\nignored", markers=(long,)) == {"k": "P"}


def test_lean_inputs_name_their_arguments():
    with pytest.raises(InvalidType, match=r"^name must be a str, got name=3 \(type=int\)$"):
        lean_signature(3, {})
    with pytest.raises(InvalidArgument, match=r"^name must have at most 1000 characters, got 1001$"):
        lean_signature("x" * 1001, {})
    assert lean_signature("x" * 1000, {"A.lean": "theorem y : True := trivial"}) is None
    with pytest.raises(InvalidType, match=r"^root must be a path, got root=3$"):
        lean_statements([], 3)


def test_read_golden_errors_name_the_file(tmp_path):
    with pytest.raises(InvalidType, match=r"^path must be a path, got path=3 \(type=int\)$"):
        read_golden(3)
    with pytest.raises(InvalidArgument) as exc:
        read_golden(tmp_path)
    assert str(exc.value) == f"path must be a golden file, got path={str(tmp_path)!r} (not a regular file)"
    bad = tmp_path / "latin1.golden"
    bad.write_bytes("a\tN.a\t\u2264\n".encode("latin-1", errors="replace") + b"\xff\xfe\n")
    with pytest.raises(InvalidArgument) as exc:
        read_golden(bad)
    msg = str(exc.value)
    assert msg.startswith(f"path must be a readable text golden file, got path={str(bad)!r} (")
    assert "utf-8" in msg and "\n" not in msg
    line = "only-two-fields\t" + "y" * 100
    (tmp_path / "long.golden").write_text(f"# head\n{line}\n", encoding="utf-8")
    with pytest.raises(InvalidArgument) as exc:
        read_golden(tmp_path / "long.golden")
    assert str(exc.value) == f"long.golden:2: expected 'claim id<TAB>name<TAB>statement', got {line[:80]!r}"


# --------------------------------------------------------------------------- Lean signatures and their pins


def test_a_block_comment_inside_a_signature_is_one_blank():
    src = {"A.lean": "theorem foo (x : Nat)/- the first -/(y : Nat) /- doc\n-/ : x + y = y + x := by omega\n"}
    assert lean_signature("Prunegap.foo", src) == "theorem foo (x : Nat) (y : Nat) : x + y = y + x"


def _lean_root(tmp_path, body: str) -> Path:
    root = tmp_path / "lean"
    (root / "Prunegap").mkdir(parents=True)
    (root / "Prunegap" / "A.lean").write_text(body, encoding="utf-8")
    return root


def test_lean_statement_problems_messages(tmp_path):
    long_type = " ∧ ".join(f"x{i} ≤ x{i} + 1" for i in range(40))  # a signature well over 160 characters
    root = _lean_root(tmp_path, f"theorem beta (x : ℕ) : x ≤ x := le_refl x\n"
                                f"theorem gamma {{n : ℕ}} : {long_type} := by omega\n")
    none = _claim("c-none")  # no Lean name: not compared
    undeclared = _claim("c-undeclared", lean="Prunegap.missing")  # reported by the static checks, not here
    beta = _claim("c-beta", lean="Prunegap.beta")
    gamma = _claim("c-gamma", lean="Prunegap.gamma")
    golden = tmp_path / "lean.golden"
    old = "theorem gamma {n : ℕ} : " + " ∧ ".join(f"x{i} ≤ x{i}" for i in range(40))
    write_golden(golden, {"c-gamma": ("Prunegap.gamma", old)}, "Lean")
    now = f"theorem gamma {{n : ℕ}} : {long_type}"
    assert lean_statements([none, undeclared, beta, gamma], root) == {
        "c-beta": ("Prunegap.beta", "theorem beta (x : ℕ) : x ≤ x"), "c-gamma": ("Prunegap.gamma", now)}
    problems = lean_statement_problems([none, undeclared, beta, gamma], root=root, golden=golden)
    assert problems == {
        "c-beta": f"{STATEMENT_MISMATCH}: Prunegap.beta has no pinned statement in lean.golden",
        "c-gamma": (f"{STATEMENT_MISMATCH}: the signature of Prunegap.gamma differs from the one pinned in "
                    f"lean.golden (pinned: {old[:160]!r}; now: {now[:160]!r})")}
    assert len(old) > 161 and len(now) > 161
    # the claims after an undeclared or a Lean-less one are still compared
    assert set(lean_statement_problems([undeclared, none, gamma], root=root, golden=golden)) == {"c-gamma"}
    # pinning the current signatures clears both
    write_golden(golden, lean_statements([beta, gamma], root), "Lean")
    assert lean_statement_problems([none, undeclared, beta, gamma], root=root, golden=golden) == {}


# --------------------------------------------------------------------------- committed golden files


@pytest.mark.parametrize("golden", [COQ_GOLDEN, LEAN_GOLDEN], ids=["coq", "lean"])
def test_committed_golden_files_are_what_write_pins_writes(golden, tmp_path):
    text = golden.read_text(encoding="utf-8")
    prover = re.match(r"# Pinned (.+) theorem statements \(issue 10 §1\)", text).group(1)
    out = tmp_path / golden.name
    write_golden(out, read_golden(golden), prover)
    assert out.read_text(encoding="utf-8") == text  # no hand edit: regenerating from the pins changes nothing


_PINS = {"c": ("Prunegap.c", "theorem c {n : \u2115} : n \u2264 n")}
_CHILD = """
import json, sys
from pathlib import Path
from pybridge.domains import registry
from pybridge.formal.lean import lean_statement_problems
from pybridge.formal.pin import LEAN_GOLDEN, read_golden, write_golden
path = Path(sys.argv[1])
write_golden(path, PINS, "Lean")
claims = [c for c in registry().values() if c.lean]
print(json.dumps({"round_trip": read_golden(path), "lean": read_golden(LEAN_GOLDEN),
                  "problems": lean_statement_problems(claims)}))
""".replace("PINS", ascii(_PINS))  # an ASCII command line


def test_golden_files_are_utf8_in_any_locale(tmp_path):
    """Under the C locale without UTF-8 mode (ASCII default encoding) the pins still round-trip and compare."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0",
               PYTHONPATH=os.pathsep.join([str(Path(pybridge.__file__).resolve().parents[1]),
                                           env.get("PYTHONPATH", "")]))
    run = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "u.golden")], env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    assert out["round_trip"] == {"c": ["Prunegap.c", "theorem c {n : ℕ} : n ≤ n"]}
    write_golden(tmp_path / "here.golden", _PINS, "Lean")  # the same file as written in this process
    assert (tmp_path / "u.golden").read_bytes() == (tmp_path / "here.golden").read_bytes()
    assert "{n : ℕ} : n ≤ n".encode("utf-8") in (tmp_path / "u.golden").read_bytes()
    assert out["lean"] == {k: list(v) for k, v in read_golden(LEAN_GOLDEN).items()}
    assert "≤" in "".join(v[1] for v in out["lean"].values())
    assert out["problems"] == {}
