"""Monte Carlo of the pruning gap: reproducibility, bad input, and the frequencies against Theorem A.

Statistical tests use fixed seeds and a one-sided exact (Clopper-Pearson) bound at false-alarm
rate alpha = 1e-6: an alarm is raised only when the lower confidence bound of the success
frequency exceeds the Theorem A bound (theory §3.6, RECON), so a true bound raises a false
alarm with probability at most 1e-6 per test.  Checks the claim ids theorem-a,
theorem-a-line-uniform, d1-no-gap, weight-pruning-b0, weight-pruning-b1, m0-diagonal-caveat
and the section of prunegap check that reports them.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from pybridge.claims.records import record_from_dict, thaw
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.stats.estimate import clopper_pearson_lower
from pybridge.gap.bounds import line_variant_bound, theorem_a_bound
from pybridge.gap.figure import write_gap_figure, write_success_figure
from pybridge.gap.montecarlo import ALPHA, run_gap_experiment
from pybridge.gap.section import TABLE_EPS, gap_section, gap_steps
from pybridge.report.evidence import evidence_text, section_markdown
from pybridge.gap.width import WidthTimes, _first_time, _success, first_success_times
from pybridge.gap.networks import make_target, sample_network


def test_results_do_not_depend_on_the_number_of_workers():
    a = run_gap_experiment("M0", "G", 2, 6, 0.05, pruning="rf", trials=40, seed=11, workers=1)
    b = run_gap_experiment("M0", "G", 2, 6, 0.05, pruning="rf", trials=40, seed=11, workers=2)
    assert a.to_dict() == b.to_dict()
    assert np.array_equal(a.error_upper, b.error_upper)


def test_json_has_the_fields_the_cli_needs():
    r = run_gap_experiment("M1", "U", 3, 12, 0.05, target="random", pruning="weight", trials=20, seed=3)
    d = json.loads(json.dumps(r.to_dict()))
    for key in ("successes", "trials", "ci_low", "ci_high", "confidence", "bound", "reference", "model",
                "seed_entropy", "success_event", "exactness", "verdict"):
        assert key in d
    assert d["model"]["domain"] == "unit ball B^d" and d["model"]["norm"] == "sup"
    assert d["model"]["model"] == "M1" and d["model"]["law"] == "U" and d["model"]["d"] == 3
    assert d["seed_entropy"] == "3"
    assert d["scheme"] == "b1"


@pytest.mark.parametrize("model,law,d,n,target,pruning", [
    ("M0", "G", 1, 10, "axis", "neuron"), ("M1", "U", 1, 10, "axis", "neuron"), ("M0", "U", 1, 10, "axis", "rf"),
    ("M0", "G", 1, 10, "axis", "weight"), ("M1", "G", 2, 8, "diagonal", "neuron"),
    ("M0", "U", 2, 20, "axis", "weight"), ("M0", "G", 2, 6, "diagonal", "weight"),
    ("M0", "U", 3, 18, "random", "neuron"), ("M1", "G", 2, 16, "random", "weight"),
])
def test_every_supported_combination_runs(model, law, d, n, target, pruning):
    r = run_gap_experiment(model, law, d, n, 0.1, target=target, pruning=pruning, trials=4, seed=1)
    assert 0 <= r.estimate.successes <= 4
    json.dumps(r.to_dict())


@pytest.mark.parametrize("kwargs,exc", [
    ({"d": 0}, InvalidArgument), ({"eps": 0.0}, InvalidArgument), ({"eps": 0.5}, InvalidArgument),
    ({"eps": math.nan}, InvalidArgument), ({"n": 0}, InvalidArgument), ({"model": "M2"}, InvalidArgument),
    ({"law": "N"}, InvalidArgument), ({"target": "tilted"}, InvalidArgument), ({"pruning": "edge"}, InvalidArgument),
    ({"model": "M1", "pruning": "rf"}, InvalidArgument), ({"model": "M1", "n": 17}, InvalidArgument),
    ({"d": 3, "target": "diagonal", "pruning": "weight"}, InvalidArgument), ({"trials": 0}, InvalidArgument),
    ({"d": 2.5}, InvalidType),
])
def test_bad_input_is_a_one_line_error(kwargs, exc):
    args = {"model": "M0", "law": "G", "d": 2, "n": 5, "eps": 0.1, "target": "axis", "pruning": "neuron",
            "trials": 2, "seed": 0, **kwargs}
    with pytest.raises(exc) as info:
        run_gap_experiment(args.pop("model"), args.pop("law"), args.pop("d"), args.pop("n"), args.pop("eps"), **args)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("vector", [[0.0, 0.0], [1.0, math.nan], [math.inf, 1.0]])
def test_zero_or_non_finite_target_is_rejected(vector):
    with pytest.raises(InvalidArgument):
        make_target(vector, 2)


@pytest.mark.slow
def test_rf_and_neuron_frequencies_sit_below_theorem_a():
    """Alarm iff the one-sided Clopper-Pearson lower bound (alpha = 1e-6) exceeds 1 - (1 - 2 eta_eps/pi)^n."""
    for k, (pruning, n, eps) in enumerate([("rf", 10, 0.05), ("rf", 30, 0.02), ("neuron", 8, 0.1)]):
        r = run_gap_experiment("M0", "G", 2, n, eps, pruning=pruning, trials=160, seed=500 + k, workers=2)
        low = clopper_pearson_lower(r.estimate.successes, r.estimate.trials, alpha=ALPHA)
        assert low <= theorem_a_bound(n, eps).value, r.to_dict()
        assert r.verdict == "consistent"


@pytest.mark.slow
def test_uniform_law_frequency_sits_below_the_line_variant():
    """Law U, w* = e1: alarm iff the one-sided lower bound (alpha = 1e-6) exceeds 1 - (1 - 2 eps/s0)^n."""
    r = run_gap_experiment("M0", "U", 2, 12, 0.05, pruning="rf", trials=160, seed=601, workers=2)
    low = clopper_pearson_lower(r.estimate.successes, r.estimate.trials, alpha=ALPHA)
    assert low <= line_variant_bound(12, 0.05, "U").value
    assert r.bound.claim == "theorem-a-line-uniform"


@pytest.mark.slow
def test_d1_neuron_pruning_beats_the_two_dimensional_bound():
    """No gap in d = 1: alarm iff the one-sided upper bound (alpha = 1e-6) is below the d >= 2 value."""
    from pybridge.stats.estimate import clopper_pearson_upper

    r = run_gap_experiment("M0", "G", 1, 40, 1e-3, pruning="neuron", trials=120, seed=701)
    assert clopper_pearson_upper(r.estimate.successes, r.estimate.trials, alpha=ALPHA) > theorem_a_bound(40, 1e-3).value
    assert r.bound is None and r.reference.claim == "d1-no-gap"


def test_n_half_is_the_median_of_the_first_success_times():
    times = np.array([3, 5, 5, 7, 9, 11, 40, 41])
    t = WidthTimes(times=times, n_max=40, seed_entropy="0", paradigm="b0", model="M0", law="G", d=2, target="axis",
                   eps=0.1)
    nh = t.n_half()
    assert nh["point"] == 7  # 4 of 8 trials have succeeded by n = 7
    assert t.successes(7) / t.trials >= 0.5 and t.successes(6) / t.trials < 0.5
    assert nh["ci_high"] is None  # beyond n_max: censored
    assert nh["ci_low"] <= nh["point"]


@pytest.mark.parametrize("paradigm,kind,d", [("b0", "axis", 2), ("b1", "diagonal", 2), ("rf", "axis", 2)])
def test_first_success_time_is_the_first_success(paradigm, kind, d):
    rng = np.random.default_rng(5)
    eps = 0.05
    for _ in range(3):
        target = make_target(kind, d, rng=rng)
        net = sample_network("M1" if paradigm == "b1" else "M0", "G", d, 60, rng=rng)
        t = _first_time(paradigm, net, target, eps, 60)
        if t <= 60:
            assert _success(paradigm, net, target, eps, t)
            if t > 1:
                assert not _success(paradigm, net, target, eps, t - 1)
        else:
            assert not _success(paradigm, net, target, eps, 60)


def test_width_estimates_do_not_depend_on_workers():
    a = first_success_times("b0", 1e-2, n_max=48, trials=20, seed=9, workers=1)
    b = first_success_times("b0", 1e-2, n_max=48, trials=20, seed=9, workers=2)
    assert np.array_equal(a.times, b.times)


@pytest.mark.slow
def test_quick_gap_section_holds_and_draws_its_figure(tmp_path):
    calls = []
    sec = gap_section(True, seed=2024, workers=2, progress=calls.append)
    assert len(calls) == gap_steps(True)
    bad = [(c.claim_id, c.verdict, evidence_text(c)) for c in sec.evidence if c.verdict in ("violated", "failed")]
    assert not bad
    ids = {c.claim_id for c in sec.evidence}
    assert {"gap-ordering", "theorem-a", "theorem-a-line-uniform", "kink-angle-law", "expected-optimal-error",
            "d1-no-gap", "weight-pruning-b0", "weight-pruning-b1", "m0-diagonal-caveat", "theorem-a-core",
            "kink-arc-three-point"} <= ids
    for c in sec.evidence:  # issue 10 §4: every Monte Carlo record states its power, as data and in words
        assert record_from_dict(c.to_dict()).to_dict() == c.to_dict()
        if c.method == "monte-carlo":
            assert c.power is not None and c.power.statement.startswith("Power:"), c.claim_id
            assert "power" in evidence_text(c).lower(), c.claim_id
    table = sec.data["table"]
    assert [row["eps"] for row in table] == list(TABLE_EPS)
    for row in table:  # the exponential gap at eps <= 1e-3: weight pruning far below the neuron bound
        if row["eps"] <= 1e-3:
            assert row["b0"]["point"] < row["theorem_a"] / 5 and row["b1"]["point"] < row["theorem_a"] / 3
    n_half, comparison = sec.tables
    assert [r[0] for r in n_half.rows] == list(TABLE_EPS) and len(comparison.rows) == len(sec.data["neuron_vs_rf"])
    assert all(isinstance(cell, (int, float, str)) or cell is None for r in n_half.rows for cell in r)
    path = write_gap_figure(sec, tmp_path / "gap.png")
    assert (tmp_path / "gap.png").stat().st_size > 10_000
    write_success_figure(sec.data, tmp_path / "success.png")
    assert (tmp_path / "success.png").stat().st_size > 10_000
    assert [f.file for f in sec.figures] == ["gap_width.png", "gap_success.png"] and all(f.caption for f in sec.figures)
    json.dumps(thaw(sec.data))
    body = section_markdown(sec)
    assert "n_1/2" in body and "gap_width.png" in body and path.endswith("gap.png")
