"""Bounded work of rfss, rare, sweep, statdim and prunelimit: refused before any work, announced when long.

Each command estimates its work from its measured cost model (``pybridge/<domain>/cost.py``) before
starting.  The tests take the estimate/refusal path only: a huge request is refused with exit 2 naming
the flags, a medium one prints its plan line (the engine is replaced by a stub that stops the run right
after the plan), and ``--max-seconds`` moves the limit both ways on a small run.
"""

from __future__ import annotations

import numpy as np
import pytest

from pybridge import cli
from pybridge.errors import InvalidArgument
from pybridge.runtime.budget import BudgetExceeded, enforce


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refusal(err: str) -> str:
    lines = [line for line in err.splitlines() if "error" in line]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


class Stopped(InvalidArgument):
    """Raised by a stub engine: the command got past its budget check."""


def _stub(monkeypatch, module, name):
    import importlib

    def stop(*a, **k):
        raise Stopped("stub engine: stopped after the plan")
    monkeypatch.setattr(importlib.import_module(module), name, stop)


def _npy(path, size):
    arr = np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(size,))
    arr[:] = 0.5
    arr.flush()
    del arr
    return str(path)


# ---------------------------------------------------------------------------------------------- rfss

def test_rfss_huge_is_refused_before_any_work(capsys, monkeypatch):
    _stub(monkeypatch, "pybridge.rfss.montecarlo", "estimate_fixed_probability")
    code, out, err = run(capsys, "rfss", "--n", "100000", "--k", "10000", "--eps", "0.01", "--workers", "1")
    line = refusal(err)
    assert code == 2 and out == "" and "stub" not in err
    assert "memory limit" in line and "--n" in line and "--k" in line


def test_rfss_medium_prints_the_plan(capsys, monkeypatch):
    _stub(monkeypatch, "pybridge.rfss.montecarlo", "estimate_fixed_probability")
    code, _, err = run(capsys, "rfss", "--n", "2000", "--k", "50", "--eps", "0.01", "--trials", "100",
                       "--workers", "1")
    assert code == 2 and "stub engine" in err
    assert "prunegap rfss: plan: 100 trials of n=2000, k=50, eps=0.01, est." in err


def test_rfss_max_seconds_moves_the_limit(capsys):
    argv = ["rfss", "--n", "10", "--k", "2", "--eps", "0.1", "--trials", "20", "--workers", "1", "--seed", "3"]
    code, _, err = run(capsys, *argv, "--max-seconds", "0.001")
    assert code == 2 and "--max-seconds" in refusal(err)
    code, out, _ = run(capsys, *argv, "--max-seconds", "60")
    assert code == 0 and "/20 = " in out


# ---------------------------------------------------------------------------------------------- rare

def test_rare_huge_is_refused_before_any_work(capsys, monkeypatch):
    _stub(monkeypatch, "pybridge.rare.splitting", "estimate_failure_probability")
    code, out, err = run(capsys, "rare", "--n", "400", "--eps", "1e-9", "--replications", "2000", "--workers", "1")
    line = refusal(err)
    assert code == 2 and out == "" and "stub" not in err
    assert "at least" in line and "decisions" in line and "--replications" in line and "--max-seconds" in line


def test_rare_medium_prints_the_plan(capsys, monkeypatch):
    _stub(monkeypatch, "pybridge.rare.splitting", "estimate_failure_probability")
    code, _, err = run(capsys, "rare", "--n", "60", "--eps", "1e-3", "--rel-error", "0.1", "--workers", "1")
    assert code == 2 and "stub engine" in err
    assert "prunegap rare: plan: at least" in err and "2,030 replications x 100 runs" in err


def test_rare_plan_after_the_pilot_is_enforced():
    from pybridge.rare import LevelPlan
    from pybridge.rare.cost import decisions_per_run, planned_estimate

    plan = LevelPlan((30, 35, 40), (10.0, 10.0), (0.5, 0.1, 0.1), 200)
    # 1 + 0.5 * 10 * 9 + 0.5 * 10 * 9 (the population stays 0.5 with s = 1/p)
    assert decisions_per_run(plan) == pytest.approx(91.0)
    est = planned_estimate(plan, 40, 1e-3, replications=2000, workers=1)
    with pytest.raises(BudgetExceeded, match="--replications"):
        enforce("rare", est)
    enforce("rare", est, max_seconds=est.seconds * 2)


def test_rare_max_seconds_moves_the_limit(capsys):
    argv = ["rare", "--n", "12", "--eps", "0.1", "--replications", "2", "--workers", "1", "--seed", "1"]
    code, _, err = run(capsys, *argv, "--max-seconds", "1e-6")
    assert code == 2 and "--max-seconds" in refusal(err)
    code, out, _ = run(capsys, *argv, "--max-seconds", "600")
    assert code == 0 and "q(n=12, eps=0.1)" in out


# ---------------------------------------------------------------------------------------------- statdim

def test_statdim_huge_is_refused_before_any_work(capsys, monkeypatch):
    _stub(monkeypatch, "symbolic.constants.statdim", "statdim")
    code, out, err = run(capsys, "statdim", "circular", "--d", "10000", "--angle", "pi/6", "--dps", "10000")
    line = refusal(err)
    assert code == 2 and out == "" and "--dps" in line and "--max-seconds" in line
    code, _, err = run(capsys, "statdim", "l1-descent", "--d", "100000", "--s", "3", "--mc", "10000000")
    assert code == 2 and "--mc" in refusal(err)


def test_statdim_medium_prints_the_plan(capsys, monkeypatch):
    _stub(monkeypatch, "symbolic.constants.statdim", "statdim")
    code, _, err = run(capsys, "statdim", "circular", "--d", "8", "--angle", "pi/6")
    assert code == 2 and "stub engine" in err
    assert "prunegap statdim: plan: circular cone, d=8, 50 digits, est." in err


def test_statdim_max_seconds_moves_the_limit(capsys):
    code, _, err = run(capsys, "statdim", "orthant", "--d", "5", "--max-seconds", "0.001")
    assert code == 2 and "--max-seconds" in refusal(err)
    code, out, _ = run(capsys, "statdim", "orthant", "--d", "5", "--max-seconds", "10")
    assert code == 0 and "exact: 5/2" in out


# ---------------------------------------------------------------------------------------------- prunelimit

def test_prunelimit_huge_is_refused_before_loading(capsys, monkeypatch, tmp_path):
    _stub(monkeypatch, "pybridge.prunelimit.prediction", "predict_ratio")
    w, lam = _npy(tmp_path / "w.npy", 100_000), _npy(tmp_path / "l.npy", 100_000)
    code, out, err = run(capsys, "prunelimit", "--spectrum", lam, "--weights", w, "--eps", "0.1")
    line = refusal(err)
    assert code == 2 and out == "" and "memory limit" in line and "--weights" in line and "--spectrum" in line


def test_prunelimit_medium_prints_the_plan(capsys, monkeypatch, tmp_path):
    _stub(monkeypatch, "pybridge.prunelimit.prediction", "predict_ratio")
    w, lam = _npy(tmp_path / "w.npy", 20_000), _npy(tmp_path / "l.npy", 2_000)
    code, _, err = run(capsys, "prunelimit", "--spectrum", lam, "--weights", w, "--eps", "0.1")
    assert code == 2 and "stub engine" in err
    assert "prunegap prunelimit: plan: 4e+07 ratio terms (20,000 weights x 2,000 eigenvalues), est." in err


def test_prunelimit_max_seconds_moves_the_limit(capsys, tmp_path):
    w, lam = _npy(tmp_path / "w.npy", 50), _npy(tmp_path / "l.npy", 40)
    argv = ["prunelimit", "--spectrum", lam, "--weights", w, "--eps", "0.1"]
    code, _, err = run(capsys, *argv, "--max-seconds", "1e-9")
    assert code == 2 and "--max-seconds" in refusal(err)
    code, out, _ = run(capsys, *argv, "--max-seconds", "10")
    assert code == 0 and "predicted pruning ratio" in out


# ---------------------------------------------------------------------------------------------- sweep

_SPEC = """
[[sweep]]
engine = "rss"
n = [30, 40]
eps = 1e-5
trials = {trials}
seed = 1

[[sweep]]
engine = "rfss"
n = 20
k = 3
eps = 0.1
trials = 20
seed = 2

[[sweep]]
engine = "gap"
model = "M0"
law = "G"
d = 2
n = 4
eps = 0.2
trials = 4
seed = 3
"""


def _spec(tmp_path, trials):
    p = tmp_path / "spec.toml"
    p.write_text(_SPEC.format(trials=trials))
    return str(p)


def test_sweep_huge_is_refused_before_any_work(capsys, monkeypatch, tmp_path):
    _stub(monkeypatch, "pybridge.sweep.run", "run_sweep")
    code, out, err = run(capsys, "sweep", _spec(tmp_path, 10**6), "--workers", "1", "--store",
                         str(tmp_path / "s.sqlite"))
    line = refusal(err)
    assert code == 2 and out == "" and "4 grid points" in line and "--max-seconds" in line


def test_sweep_medium_prints_the_plan(capsys, monkeypatch, tmp_path):
    _stub(monkeypatch, "pybridge.sweep.run", "run_sweep")
    code, _, err = run(capsys, "sweep", _spec(tmp_path, 2000), "--workers", "1", "--store",
                       str(tmp_path / "s.sqlite"))
    assert code == 2 and "stub engine" in err
    assert "prunegap sweep: plan: 4 grid points to compute, est." in err


def test_sweep_cost_sums_the_engines_models(tmp_path):
    from pybridge.gap import gap_spec, monte_carlo_estimate as gap_estimate
    from pybridge.rfss import monte_carlo_estimate as rfss_estimate
    from pybridge.rss import monte_carlo_estimate as rss_estimate
    from pybridge.runtime.store import ChunkStore
    from pybridge.sweep import load_spec, sweep_status
    from pybridge.sweep.cost import sweep_estimate

    points = [p for b in load_spec(_spec(tmp_path, 500)) for p in b.points()]
    store = ChunkStore(str(tmp_path / "s.sqlite"))
    try:
        est = sweep_estimate(sweep_status(points, store), 1)
    finally:
        store.close()
    want = (rss_estimate(30, 1e-5, 500).seconds + rss_estimate(40, 1e-5, 500).seconds
            + rfss_estimate(20, 3, 0.1, 20).seconds + gap_estimate(gap_spec("M0", "G", 2, 4, 0.2), 4).seconds)
    assert est.seconds == pytest.approx(want)


def test_sweep_max_seconds_moves_the_limit(capsys, tmp_path):
    spec = tmp_path / "small.toml"
    spec.write_text('[[sweep]]\nengine = "rfss"\nn = 12\nk = 2\neps = 0.2\ntrials = 10\nseed = 5\n')
    argv = ["sweep", str(spec), "--workers", "1", "--store", str(tmp_path / "s.sqlite")]
    code, _, err = run(capsys, *argv, "--max-seconds", "1e-6")
    assert code == 2 and "--max-seconds" in refusal(err)
    code, out, _ = run(capsys, *argv, "--max-seconds", "60")
    assert code == 0 and "/10 [" in out
