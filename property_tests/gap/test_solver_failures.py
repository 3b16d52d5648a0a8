"""Solver failures are recorded, never fatal (issue 24 item 2).

A trial whose decision is undetermined (time limit) or whose solver raises is a
failure: counted in ``solver_failures``, listed with its instance, replayable from
the run's seed; the interval is given both ways and many failures make the verdict
inconclusive.
"""

from __future__ import annotations

import numpy as np

import pybridge.gap.trial as trial_mod
from pybridge.errors import SolverError
from pybridge.gap.montecarlo import MAX_FAILURE_FRACTION, replay_trial, run_gap_experiment
from pybridge.gap.trial import gap_spec, run_trial


def test_a_time_limit_is_a_recorded_failure_and_the_run_continues(monkeypatch):
    monkeypatch.setattr(trial_mod, "NEURON_TIME_LIMIT", 1e-6)
    res = run_gap_experiment("M0", "G", 2, 40, 0.3, pruning="neuron", trials=20, seed=7)
    d = res.to_dict()
    assert d["trials"] == 20
    assert d["solver_failures"] == len(d["failed_trials"]) > MAX_FAILURE_FRACTION * 20
    assert d["verdict"].startswith("inconclusive")
    lo, hi = d["ci_failures_as_successes"]
    assert lo >= d["ci_low"] and hi >= d["ci_high"]
    rec = d["failed_trials"][0]
    assert rec["reason"].startswith("undetermined")
    again = replay_trial(res.spec, d["seed_entropy"], d["spawn_key"], rec["trial"])
    assert again.failed and again.instance == rec["instance"]


def test_replayed_failure_is_decided_with_a_normal_time_limit(monkeypatch):
    spec = gap_spec("M0", "G", 2, 20, 0.3, pruning="neuron")
    monkeypatch.setattr(trial_mod, "NEURON_TIME_LIMIT", 1e-6)
    failed = [k for k in range(16) if replay_trial(spec, "11", [], k).failed]
    monkeypatch.setattr(trial_mod, "NEURON_TIME_LIMIT", 60.0)
    assert failed and not any(replay_trial(spec, "11", [], k).failed for k in failed)


def test_a_raising_solver_gives_a_failed_outcome_with_its_instance(monkeypatch):
    def boom(*args, **kwargs):
        raise SolverError("HiGHS status 4 (test)")

    monkeypatch.setattr(trial_mod, "rf_optimum", boom)
    spec = gap_spec("M0", "G", 2, 5, 0.1, pruning="rf")
    out = run_trial(spec, np.random.default_rng(3))
    assert out.failed and not out.success and "HiGHS status 4" in out.failure
    assert np.array(out.instance["u"]).shape == (5, 2)
    res = run_gap_experiment("M0", "G", 2, 5, 0.1, pruning="rf", trials=4, seed=1)
    assert res.solver_failures == 4 and res.estimate.successes == 0


def test_no_failures_leave_the_verdict_and_counts_unchanged():
    d = run_gap_experiment("M0", "G", 2, 5, 0.05, pruning="rf", trials=16, seed=1).to_dict()
    assert d["solver_failures"] == 0 and d["failed_trials"] == []
    assert d["ci_failures_as_successes"] == [d["ci_low"], d["ci_high"]]
    assert d["verdict"] == "consistent"
