"""The Lean audit (``pybridge/formal/lean.py``) pinned on hand-written inputs, without a Lean toolchain.

``lean_build_and_audit`` is driven by a stand-in ``lake`` (a small Python script selected with
``PRUNEGAP_LAKE``) that checks its command line (``lake build``; ``lake env lean PrunegapAudit/Axioms.lean``)
and working directory, logs each call, and prints chosen Lean 4 diagnostics (``file:line:col: severity: text``
with indented continuation lines) and ``#print axioms`` output (``'N' depends on axioms: [a, b]`` /
``'N' does not depend on any axioms``).  Every outcome and message list is written out by hand.
The static checks, parsers and helpers run on small ``tmp_path`` source trees.  Targeted tests of
``benchmarks/mutation.py --only lean-audit``.
"""

from __future__ import annotations

import json
import locale
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from pybridge.claims import Claim, Source
from pybridge.errors import InvalidType
from pybridge.formal.lean import (LeanMessage, find_lake, lean_build_and_audit, lean_static_checks,
                                  parse_lean_messages, parse_print_axioms)
from pybridge.formal.sources import lean_declared, lean_sources, strip_lean_comments

AXIOMS = "PrunegapAudit/Axioms.lean"
ALLOWED = "propext, Classical.choice, Quot.sound"


def _claim(cid, lean, status="proof-written"):
    return Claim(id=cid, statement="s", latex="l", model="m", source=Source("THEORY", None, "w", "RECON"),
                 kind="lemma", twin="pybridge.formal.twins:relu", tests=(), lean=lean, lean_status=status)


A = _claim("t-a", "Prunegap.alpha")
B = _claim("t-b", "Prunegap.beta")
S = _claim("t-s", "Prunegap.gamma", "stated")
NO_LEAN = _claim("t-n", None, "pending")
CLAIMS = (A, B, S, NO_LEAN)


@contextmanager
def ascii_locale():
    """LC_CTYPE=C for this process: a text read without an explicit encoding then decodes as ASCII."""
    old = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, old)


def _write(root: Path, files: dict) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- the stand-in lake

_LAKE = '''#!{exe} -S
import json, os, sys, time
cfg = json.load(open({cfg!r}, encoding="utf-8"))
with open({log!r}, "a", encoding="utf-8") as fh:
    fh.write(json.dumps({{"argv": sys.argv[1:], "cwd": os.getcwd()}}) + "\\n")
in_root = os.path.isfile("lakefile.toml") and os.path.isfile({axioms!r})
if sys.argv[1:] == ["build"] and in_root:
    step = cfg["build"]
elif sys.argv[1:] == ["env", "lean", {axioms!r}] and in_root:
    step = cfg["audit"]
else:
    sys.stderr.write("stand-in lake: unexpected call\\n")
    sys.exit(64)
if step.get("remove_self"):
    os.remove(sys.argv[0])
time.sleep(step.get("sleep", 0))
sys.stdout.write(step.get("out", ""))
sys.stderr.write(step.get("err", ""))
sys.exit(step.get("rc", 0))
'''


class StandInLake:
    def __init__(self, tmp_path: Path, monkeypatch):
        self.dir = tmp_path / "lake-bin"
        self.dir.mkdir()
        self.cfg, self.log, self.path = self.dir / "cfg.json", self.dir / "calls.jsonl", self.dir / "lake"
        self.root = _write(tmp_path / "lean", {"lakefile.toml": "name = \"prunegap\"\n", AXIOMS: "import Prunegap\n"})
        self.path.write_text(_LAKE.format(exe=sys.executable, cfg=str(self.cfg), log=str(self.log), axioms=AXIOMS))
        self.path.chmod(self.path.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setenv("PRUNEGAP_LAKE", str(self.path))

    def set(self, build: dict, audit: dict):
        self.cfg.write_text(json.dumps({"build": build, "audit": audit}), encoding="utf-8")

    def run(self, claims=CLAIMS, **kw):
        return lean_build_and_audit(claims, root=self.root, **kw)

    def calls(self):
        return [json.loads(x) for x in self.log.read_text(encoding="utf-8").splitlines()] if self.log.exists() else []


@pytest.fixture
def lake(tmp_path, monkeypatch):
    return StandInLake(tmp_path, monkeypatch)


def _r(lean, outcome, axioms=(), messages=()):
    return {"lean": lean, "outcome": outcome, "axioms": list(axioms), "messages": list(messages)}


BUILT = {"out": "✔ [1/2] Built Prunegap.Basic\n✔ [2/2] Built Prunegap\nBuild completed successfully.\n"}


def test_proved_and_stated_with_the_exact_calls(lake):
    lake.set(BUILT, {"out": f"'Prunegap.alpha' depends on axioms: [{ALLOWED}]\n"
                            "'Prunegap.beta' does not depend on any axioms\n"})
    assert lake.run() == {"t-a": _r("Prunegap.alpha", "proved", ["propext", "Classical.choice", "Quot.sound"]),
                          "t-b": _r("Prunegap.beta", "proved"),
                          "t-s": _r("Prunegap.gamma", "stated")}  # not printed: a stated claim needs no audit line
    root = os.path.realpath(lake.root)
    assert [(c["argv"], os.path.realpath(c["cwd"])) for c in lake.calls()] == [
        (["build"], root), (["env", "lean", "PrunegapAudit/Axioms.lean"], root)]


def test_stated_is_never_proved_even_with_clean_axioms(lake):
    lake.set(BUILT, {"out": f"'Prunegap.alpha' depends on axioms: [propext]\n"
                            "'Prunegap.beta' does not depend on any axioms\n"
                            "'Prunegap.gamma' does not depend on any axioms\n"})
    res = lake.run()
    assert res["t-s"] == _r("Prunegap.gamma", "stated")
    assert res["t-a"] == _r("Prunegap.alpha", "proved", ["propext"])
    pending = _claim("t-p", "Prunegap.beta", "pending")  # any status but proof-written is "stated"
    assert lake.run([pending]) == {"t-p": _r("Prunegap.beta", "stated")}


def test_nonzero_exit_without_a_parsed_message_rejects(lake):
    lake.set({"out": "error: build failed\n", "rc": 1}, {"out": f"'Prunegap.alpha' depends on axioms: [{ALLOWED}]\n"
                                                             "'Prunegap.beta' does not depend on any axioms\n"})
    exit1 = ["lake build exited with status 1"]
    assert lake.run() == {"t-a": _r("Prunegap.alpha", "rejected", ["propext", "Classical.choice", "Quot.sound"],
                                    exit1),
                          "t-b": _r("Prunegap.beta", "rejected", messages=exit1),
                          "t-s": _r("Prunegap.gamma", "stated", messages=exit1)}
    lake.set({"rc": 2}, {"out": "'Prunegap.alpha' does not depend on any axioms\n"})
    assert lake.run((A,)) == {"t-a": _r("Prunegap.alpha", "rejected", messages=["lake build exited with status 2"])}


@pytest.mark.parametrize("rc", [0, 1])
def test_an_error_message_rejects_whatever_the_exit_status(lake, rc):
    lake.set({"out": "✔ [1/2] Built Prunegap.Basic\nPrunegap/Kinks.lean:12:4: error: unknown identifier 'foo'\n"
                     "  in the term\n", "err": "Prunegap/Relu.lean:7:2: warning: unused variable `h`\n", "rc": rc},
             {"out": "'Prunegap.alpha' does not depend on any axioms\n"
                     "'Prunegap.beta' does not depend on any axioms\n"})
    msg = (["lake build exited with status 1"] if rc else []) + [
        "Prunegap/Kinks.lean:12: error: unknown identifier 'foo'\nin the term"]
    assert lake.run() == {"t-a": _r("Prunegap.alpha", "rejected", messages=msg),
                          "t-b": _r("Prunegap.beta", "rejected", messages=msg),
                          "t-s": _r("Prunegap.gamma", "stated", messages=msg)}


def test_a_sorry_warning_rejects_and_errors_come_first(lake):
    lake.set({"out": "Prunegap/Relu.lean:3:8: warning: declaration uses 'sorry'\n"
                     "Prunegap/Relu.lean:9:0: warning: unused variable `x`\n"},
             {"out": "'Prunegap.alpha' does not depend on any axioms\n"
                     "'Prunegap.beta' does not depend on any axioms\n"})
    sorry = "Prunegap/Relu.lean:3: warning: declaration uses 'sorry'"
    assert lake.run((A,)) == {"t-a": _r("Prunegap.alpha", "rejected", messages=[sorry])}
    lake.set({"out": "Prunegap/Relu.lean:3:8: warning: declaration uses 'sorry'\n"
                     "Prunegap/Basic.lean:1:0: error: unexpected token\n", "rc": 1},
             {"out": "'Prunegap.alpha' does not depend on any axioms\n"})
    assert lake.run((A,))["t-a"]["messages"] == ["lake build exited with status 1",
                                                 "Prunegap/Basic.lean:1: error: unexpected token", sorry]


def test_missing_print_axioms_output_rejects_that_claim_only(lake):
    lake.set(BUILT, {"out": f"'Prunegap.alpha' depends on axioms: [{ALLOWED}]\n"})
    assert lake.run() == {"t-a": _r("Prunegap.alpha", "proved", ["propext", "Classical.choice", "Quot.sound"]),
                          "t-b": _r("Prunegap.beta", "rejected", messages=["no #print axioms output"]),
                          "t-s": _r("Prunegap.gamma", "stated")}


def test_a_failing_audit_file_still_audits_what_it_printed(lake):
    # the audit's exit status is not a verdict: each claim stands on its own #print axioms line
    lake.set(BUILT, {"out": "'Prunegap.alpha' does not depend on any axioms\n"
                            "PrunegapAudit/Axioms.lean:20:15: error: unknown constant 'Prunegap.beta'\n", "rc": 1})
    assert lake.run() == {"t-a": _r("Prunegap.alpha", "proved"),
                          "t-b": _r("Prunegap.beta", "rejected", messages=["no #print axioms output"]),
                          "t-s": _r("Prunegap.gamma", "stated")}


def test_a_disallowed_axiom_rejects(lake):
    lake.set(BUILT, {"out": "'Prunegap.alpha' depends on axioms: [propext, sorryAx, Lean.ofReduceBool]\n"
                            f"'Prunegap.beta' depends on axioms: [{ALLOWED}]\n"
                            "'Prunegap.gamma' depends on axioms: [sorryAx]\n"})
    assert lake.run() == {
        "t-a": _r("Prunegap.alpha", "rejected", ["propext", "sorryAx", "Lean.ofReduceBool"],
                  ["disallowed axioms: ['sorryAx', 'Lean.ofReduceBool']"]),
        "t-b": _r("Prunegap.beta", "proved", ["propext", "Classical.choice", "Quot.sound"]),
        "t-s": _r("Prunegap.gamma", "stated", ["sorryAx"], ["disallowed axioms: ['sorryAx']"])}


def test_diagnostics_are_capped_at_20_before_the_axiom_lines(lake):
    errors = "".join(f"Prunegap/Big.lean:{i}:0: error: e{i}\n" for i in range(1, 26))
    lake.set({"out": "Prunegap/Big.lean:100:2: warning: declaration uses 'sorry'\n" + errors, "rc": 1},
             {"out": "'Prunegap.alpha' depends on axioms: [Classical.choice, cheat]\n"})
    first20 = ["lake build exited with status 1"] + [f"Prunegap/Big.lean:{i}: error: e{i}" for i in range(1, 21)]
    assert lake.run((A, B)) == {
        "t-a": _r("Prunegap.alpha", "rejected", ["Classical.choice", "cheat"],
                  first20 + ["disallowed axioms: ['cheat']"]),
        "t-b": _r("Prunegap.beta", "rejected", [], first20 + ["no #print axioms output"])}


def test_a_build_timeout_rejects_every_claim_with_the_tool_error(lake):
    lake.set({"sleep": 30}, {"out": "'Prunegap.alpha' does not depend on any axioms\n"})
    msg = f"{lake.path} timed out after 0.5 s (argv={[str(lake.path), 'build']!r}, exit=None)"
    assert lake.run(timeout=0.5) == {"t-a": _r("Prunegap.alpha", "rejected", messages=[msg]),
                                     "t-b": _r("Prunegap.beta", "rejected", messages=[msg]),
                                     "t-s": _r("Prunegap.gamma", "rejected", messages=[msg])}


def test_an_audit_timeout_rejects_every_claim_with_the_tool_error(lake):
    lake.set(BUILT, {"sleep": 30})
    argv = [str(lake.path), "env", "lean", AXIOMS]
    msg = f"{lake.path} timed out after 0.5 s (argv={argv!r}, exit=None)"
    assert lake.run((A, NO_LEAN), timeout=0.5) == {"t-a": _r("Prunegap.alpha", "rejected", messages=[msg])}


def test_a_lake_that_vanishes_is_a_tool_failure(lake):
    lake.set(dict(BUILT, remove_self=True), {"out": "'Prunegap.alpha' does not depend on any axioms\n"})
    argv = [str(lake.path), "env", "lean", AXIOMS]
    msg = f"{lake.path} is unavailable (not found on PATH) (argv={argv!r}, exit=None)"
    assert lake.run((A,)) == {"t-a": _r("Prunegap.alpha", "rejected", messages=[msg])}


def test_without_lake_every_lean_claim_is_unavailable(tmp_path, monkeypatch):
    monkeypatch.delenv("PRUNEGAP_LAKE", raising=False)
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_lake() is None
    assert lean_build_and_audit(CLAIMS, root=tmp_path) == {
        "t-a": _r("Prunegap.alpha", "unavailable", messages=["lake not found"]),
        "t-b": _r("Prunegap.beta", "unavailable", messages=["lake not found"]),
        "t-s": _r("Prunegap.gamma", "unavailable", messages=["lake not found"])}


def test_find_lake_uses_path_without_the_variable(lake, monkeypatch):
    monkeypatch.delenv("PRUNEGAP_LAKE")
    monkeypatch.setenv("PATH", str(lake.dir))
    assert find_lake() == str(lake.dir / "lake")


# --------------------------------------------------------------------------- parsers


def test_parse_lean_messages_by_hand():
    text = ("  an indented line before any message\n"
            "✔ [1/3] Built Prunegap.Basic\n"
            "Prunegap/A.lean:3:7: error: type mismatch\n"
            "  h\n"
            "\thas type\n"
            "Prunegap/B.lean:10:0: declaration uses 'sorry'\n"
            "warning: Prunegap/C.lean:1:2: unused variable `x`\n"
            "✖ [3/3] Building Prunegap.C\n"
            "error: Prunegap/D.lean:4:5: warning: both prefixes\n"
            "    note: more\n"
            "\t\tand more\n")
    assert parse_lean_messages(text) == [
        LeanMessage("Prunegap/A.lean", 3, 7, "error", "type mismatch\nh\nhas type"),
        LeanMessage("Prunegap/B.lean", 10, 0, "info", "declaration uses 'sorry'"),
        LeanMessage("Prunegap/C.lean", 1, 2, "warning", "unused variable `x`"),
        LeanMessage("Prunegap/D.lean", 4, 5, "warning", "both prefixes\nnote: more\nand more")]
    assert parse_lean_messages("") == []
    assert parse_lean_messages("\tonly continuation\n  lines\n") == []


def test_parse_print_axioms_by_hand():
    text = (f"'Prunegap.a' depends on axioms: [{ALLOWED}]\n"
            "  'Prunegap.b' does not depend on any axioms\n"
            "'Prunegap.c' depends on axioms: []\n"
            "'Prunegap.d' depends on axioms: [ sorryAx ,Lean.ofReduceBool]\n"
            "PrunegapAudit/Axioms.lean:9:0: error: unknown constant 'Prunegap.e'\n")
    assert parse_print_axioms(text) == {"Prunegap.a": ["propext", "Classical.choice", "Quot.sound"],
                                        "Prunegap.b": [], "Prunegap.c": [],
                                        "Prunegap.d": ["sorryAx", "Lean.ofReduceBool"]}


@pytest.mark.parametrize("parse", [parse_lean_messages, parse_print_axioms])
def test_parsers_name_the_argument(parse):
    with pytest.raises(InvalidType, match=r"^text must be a str, got text=b'x' \(type=bytes\)$"):
        parse(b"x")


# --------------------------------------------------------------------------- comments, declarations, sources


def test_strip_comments_keeps_line_numbers():
    assert strip_lean_comments("a /- x\ny\n-/ b -- c\nd -- e\n") == "a \n\n b \nd \n"
    assert strip_lean_comments("/-- doc -/theorem t -- x") == " theorem t "  # a blank keeps the tokens apart
    assert strip_lean_comments("so/- x -/rry") == "so rry"  # Lean reads two tokens here, not `sorry`
    assert strip_lean_comments("no comment\n") == "no comment\n"


def test_declared_by_hand():
    src = {"A.lean": "/- theorem hidden : True -/\n-- lemma hidden2 : True\n"
                     "theorem foo_bar : True := trivial\ntheorem foo' : True := trivial\n"
                     "  @[simp] private lemma beta : True := trivial\n"
                     "def Prunegap.gamma := 1\nabbrev delta := 2\n"}
    assert not lean_declared("Prunegap.foo", src)  # only foo_bar and foo' are declared
    assert lean_declared("Prunegap.foo_bar", src) and lean_declared("Prunegap.foo'", src)
    assert lean_declared("Prunegap.beta", src)
    assert lean_declared("gamma", src) and lean_declared("Prunegap.gamma", src)
    assert lean_declared("Prunegap.Sub.delta", src)  # the last component is looked up
    assert not lean_declared("Prunegap.hidden", src) and not lean_declared("Prunegap.hidden2", src)
    assert lean_declared("Prunegap.x", {"A.lean": "", "B.lean": "theorem x : True := trivial"})


def test_lean_sources_relative_utf8_without_lake_dir(tmp_path):
    root = _write(tmp_path / "lean", {"Prunegap/A.lean": "theorem a : (1 : ℕ) ≤ 2 := by decide\n",
                                      "Top.lean": "import Prunegap.A\n",
                                      ".lake/packages/mathlib/Mathlib.lean": "sorry\n",
                                      "README.md": "not Lean\n"})
    with ascii_locale():
        src = lean_sources(root)
    assert list(src) == ["Prunegap/A.lean", "Top.lean"]
    assert src["Prunegap/A.lean"] == "theorem a : (1 : ℕ) ≤ 2 := by decide\n"


# --------------------------------------------------------------------------- static checks

TREE = {
    "Prunegap/A.lean": ("/-! Module doc\nspanning lines, sorry in a comment -/\n"  # 1-2
                        "namespace Prunegap\n\n"  # 3-4
                        "/-- Claim `t-a`. -/\ntheorem alpha : True := trivial\n"  # 5-6
                        "@[simp] private lemma beta : True := trivial -- sorry in a comment\n"  # 7
                        "theorem gamma_ext : True := by sorry -- todo\n"  # 8
                        "def delta := admit\n"  # 9
                        "private axiom cheat : False\n"  # 10
                        "axiom\n  cheat2 : False\n"  # 11-12
                        "end Prunegap\n"),
    AXIOMS: "import Prunegap\n#print axioms Prunegap.alpha\n-- #print axioms Prunegap.beta\n"
            "/- #print axioms Prunegap.beta -/\n",
    "Prunegap/Generated/Constants.lean": "def c : ℚ := 1/2 -- ≤ 1\n",
}


def test_static_checks_by_hand(tmp_path):
    root = _write(tmp_path / "lean", TREE)
    claims = [A, B, S, NO_LEAN, _claim("t-d", "Prunegap.Sub.delta", "stated")]
    assert lean_static_checks(claims, root=root) == [
        "Prunegap/A.lean:8: forbidden (theorem gamma_ext : True := by sorry)",
        "Prunegap/A.lean:9: forbidden (def delta := admit)",
        "Prunegap/A.lean:10: forbidden (private axiom cheat : False)",
        "Prunegap/A.lean:11: forbidden (axiom)",
        "t-b: Prunegap.beta is missing from PrunegapAudit/Axioms.lean",  # only in comments there
        "t-s: Lean name Prunegap.gamma is not declared in lean/",  # stated: need not be in the axioms file
    ]


def test_static_checks_without_an_axioms_file(tmp_path):
    root = _write(tmp_path / "lean", {"Prunegap/A.lean": "theorem alpha : True := trivial\n"})
    assert lean_static_checks([A], root=root) == ["t-a: Prunegap.alpha is missing from PrunegapAudit/Axioms.lean"]


CLEAN = {"Prunegap/A.lean": "theorem alpha : True := trivial\n", AXIOMS: "#print axioms Prunegap.alpha\n",
         "Prunegap/Generated/Constants.lean": TREE["Prunegap/Generated/Constants.lean"]}


def test_static_checks_generated_constants_drift(tmp_path):
    root = _write(tmp_path / "lean", CLEAN)
    drift = "Prunegap/Generated/Constants.lean is out of sync with symbolic (regenerate it)"
    with ascii_locale():
        assert lean_static_checks([A], root=root, generated_text=CLEAN["Prunegap/Generated/Constants.lean"]) == []
        assert lean_static_checks([A], root=root, generated_text="def c : ℚ := 1/3 -- ≤ 1\n") == [drift]
    (root / "Prunegap/Generated/Constants.lean").unlink()
    assert lean_static_checks([A], root=root, generated_text="") == [drift]
    assert lean_static_checks([A], root=root) == []  # no generated_text: no drift check


def test_static_checks_on_an_empty_tree(tmp_path):
    root = _write(tmp_path / "lean", {".lake/packages/x/X.lean": "theorem alpha : True := trivial\n"})
    assert lean_static_checks([A], root=root) == [f"no Lean sources under {root}"]
