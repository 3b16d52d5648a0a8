"""The gap and constants commands: JSON fields, exit codes, one-line errors (issues 3 and 4)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _run(*argv, timeout=300):
    return subprocess.run([sys.executable, "-m", "pybridge.cli", *argv], capture_output=True, text=True,
                          timeout=timeout)


def test_gap_json_names_the_model_and_the_bound():
    proc = _run("gap", "--model", "M0", "--law", "G", "--d", "2", "--n", "12", "--eps", "0.1", "--pruning", "rf",
                "--trials", "12", "--seed", "3", "--workers", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    for key in ("successes", "trials", "interval", "ci_low", "ci_high", "confidence", "bound", "model",
                "seed_entropy"):
        assert key in d
    assert d["model"]["model"] == "M0" and d["model"]["domain"] == "unit ball B^d" and d["model"]["norm"] == "sup"
    assert d["bound"]["value"] > 0 and "Theorem A" in d["bound"]["source"]
    assert d["interval"] == [d["ci_low"], d["ci_high"]]


@pytest.mark.parametrize("argv", [
    ["--model", "M3", "--law", "G", "--d", "2", "--n", "10", "--eps", "0.1"],
    ["--model", "M0", "--law", "X", "--d", "2", "--n", "10", "--eps", "0.1"],
    ["--model", "M0", "--law", "G", "--d", "0", "--n", "10", "--eps", "0.1"],
    ["--model", "M0", "--law", "G", "--d", "2", "--n", "0", "--eps", "0.1"],
    ["--model", "M0", "--law", "G", "--d", "2", "--n", "10", "--eps", "0.5"],
    ["--model", "M0", "--law", "G", "--d", "2", "--n", "10", "--eps", "-0.1"],
    ["--model", "M0", "--law", "G", "--d", "2", "--n", "10", "--eps", "0.1", "--target", "slanted"],
    ["--model", "M0", "--law", "G", "--d", "2", "--n", "10", "--eps", "0.1", "--pruning", "channel"],
])
def test_gap_bad_input_is_one_line_exit_2(argv):
    proc = _run("gap", *argv)
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr


def test_constants_json_and_bad_input():
    proc = _run("constants", "eta-eps", "n-half", "--dps", "30", "--json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert [c["name"] for c in d["constants"]] == ["eta-eps", "n-half"]
    from fractions import Fraction

    for c in d["constants"]:
        lo, hi = (Fraction(x) for x in c["certified"])
        v = Fraction(c["value"])  # 30 significant digits, rounded
        assert lo <= hi and lo - Fraction(1, 10**25) <= v <= hi + Fraction(1, 10**25)
    for argv in (["constants", "--dps", "3"], ["constants", "nope"], ["constants", "--dps", "x"]):
        proc = _run(*argv)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
