"""``prunegap statdim`` and ``prunegap prunelimit``."""

import json
import subprocess
import sys
from fractions import Fraction

import numpy as np


def _run(*args):
    return subprocess.run([sys.executable, "-m", "pybridge.cli", *args], capture_output=True, text=True)


def test_statdim_json_fields():
    p = _run("statdim", "orthant", "--d", "10", "--dps", "20", "--mc", "500", "--seed", "1", "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["cone"] == "orthant" and d["parameters"] == {"d": "10"} and Fraction(d["certified_interval"][0]) == 5
    assert d["ci_low"] <= d["mc_estimate"] <= d["ci_high"]


def test_bad_input_is_one_line_exit_2(tmp_path):
    p = _run("statdim", "circular", "--d", "10", "--angle", "3")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and "angle" in p.stderr
    p = _run("prunelimit", "--spectrum", str(tmp_path / "x.npy"), "--weights", str(tmp_path / "y.npy"), "--eps", "1")
    assert p.returncode == 2 and "--spectrum" in p.stderr


def test_prunelimit_json(tmp_path):
    np.save(tmp_path / "l.npy", np.linspace(0.1, 2, 40))
    np.save(tmp_path / "w.npy", np.random.default_rng(0).standard_normal(40))
    p = _run("prunelimit", "--spectrum", str(tmp_path / "l.npy"), "--weights", str(tmp_path / "w.npy"), "--eps",
             "0.5", "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["convention"] == "fraction removed" and 0 <= d["predicted_removed_fraction"] <= 1
