"""The rss section on the one protocol (issue 20): named streams with the historical values, the keyword-built
budget, typed evidence records (exact round trips) and tables as data."""

from __future__ import annotations

import numpy as np
import pytest

from pybridge.claims.records import ExactCheck, IntervalEstimate, record_from_dict
from pybridge.claims.section import CheckPlan, Streams
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.report.evidence import evidence_text, table_markdown
from pybridge.rss.budget import FULL, HALF, Curve, RssBudget
from pybridge.rss.checks import counting_record, monotone_record
from pybridge.rss.logfit import log_sample_size_record
from pybridge.rss.section import SECTION, _fit_table, _threshold_table
from pybridge.rss.streams import Stream
from pybridge.runtime import seeding

STREAMS = Streams(np.random.SeedSequence(20261208), Stream)


def test_stream_values_are_the_namespaces_of_earlier_reports():
    # counting 10, monotone 11, curves 20 + position in the full budget, replay audit 40: numbers unchanged
    assert {s.name: int(s) for s in Stream} == {"COUNTING": 10, "MONOTONE": 11, "CURVE_UNIFORM_FULL": 20,
                                                "CURVE_UNIFORM_HALF": 21, "CURVE_PENSIA_FULL": 22, "REPLAY_AUDIT": 40}
    for budget in (RssBudget.quick(), RssBudget.full()):
        assert [int(c.stream) for c in budget.curves] == [20 + ci for ci in range(len(budget.curves))]
    assert SECTION.seed_key == 0 and SECTION.streams is Stream
    root = np.random.SeedSequence(3)
    a = Streams(root, Stream).seed(Stream.CURVE_UNIFORM_HALF, 2).generate_state(4)
    assert np.array_equal(a, seeding.child_seed(root, 21, 2).generate_state(4))


def test_budgets_are_those_of_earlier_reports():
    assert RssBudget.quick().to_dict() == {
        "replay_trials": 20, "counting_trials": 64, "monotone_trials": 64,
        "curves": [["uniform", [-1.0, 1.0], [1e-1, 1e-2, 1e-3, 1e-4], 600]],
        "delta_eps_trials": {"0.1": 600, "0.01": 600}}
    full = RssBudget.full()
    assert full.to_dict()["curves"] == [["uniform", [-1.0, 1.0], [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6], 600],
                                        ["uniform", [-0.5, 0.5], [1e-1, 1e-2, 1e-3, 1e-4], 600],
                                        ["pensia", [-1.0, 1.0], [1e-1, 1e-2, 1e-3], 600]]
    assert full.trials_at(full.curves[0], 1e-3) == 4000 and full.trials_at(full.curves[1], 1e-3) == 600
    assert SECTION.count_steps(CheckPlan(quick=True)) == 4 and SECTION.count_steps(CheckPlan(quick=False)) == 13
    # the largest n tried: the formulas of earlier reports
    assert [full.curves[0].n_max(e) for e in (1e-1, 1e-4)] == [22, 44]
    assert full.curves[2].n_max(1e-3) == 94


def test_budget_refuses_shared_streams_and_unnamed_streams():
    c = Curve(dist="uniform", interval=FULL, eps=(0.1,), trials=10, stream=Stream.CURVE_UNIFORM_FULL)
    d = Curve(dist="uniform", interval=HALF, eps=(0.1,), trials=10, stream=Stream.CURVE_UNIFORM_FULL)
    with pytest.raises(InvalidArgument, match="distinct streams"):
        RssBudget(replay_trials=0, counting_trials=1, monotone_trials=1, curves=(c, d))
    with pytest.raises(InvalidType, match="stream"):
        Curve(dist="uniform", interval=FULL, eps=(0.1,), trials=10, stream=20)


def _small(trials):
    return RssBudget(replay_trials=0, counting_trials=trials, monotone_trials=trials, curves=())


def test_exact_records_count_instances_and_round_trip():
    count = counting_record(_small(8), STREAMS)
    assert isinstance(count, ExactCheck) and count.verdict == "holds"
    assert (count.instances, count.failures) == (4 * 8, 0)
    assert [r["successes"] for r in count.details["rows"]] == [0, 0, 0, 0]
    mono = monotone_record(_small(5), STREAMS)
    assert (mono.instances, mono.failures, mono.details["violations"]) == (2 * 4 * 5, 0, 0)
    assert [r["n"] for r in mono.details["rows"]] == [10, 15, 10, 10]  # counting bound 7 + 3, pensia + 8
    for rec in (count, mono):
        assert record_from_dict(rec.to_dict()) == rec and record_from_dict(rec.to_dict()).to_dict() == rec.to_dict()
        text = evidence_text(rec)
        assert "None" not in text and "**" not in text and "|" not in text


def _rows(ns, trials=None):
    eps = [1e-1, 1e-2, 1e-3, 1e-4]
    extra = {} if trials is None else {"trials": trials}
    return [{"dist": "uniform", "interval": [-1.0, 1.0], "eps": e, "n_star_delta_0.01": n,
             "n_star_delta_eps": None, **extra} for e, n in zip(eps, ns)]


def test_log_record_carries_the_slope_and_its_interval():
    rec, fits = log_sample_size_record(_rows([10, 17, 24, 31]))
    assert isinstance(rec, IntervalEstimate) and rec.method == "monte-carlo" and rec.verdict == "consistent"
    main = fits["uniform on [-1, 1]"]
    assert rec.value == main["C"] and (rec.low, rec.high) == tuple(main["C_ci95"]) and rec.confidence == 0.95
    assert rec.details["lueker_kappa_at_0"] == 8.0 and rec.details["fits"]["uniform on [-1, 1]"]["C"] == main["C"]
    assert rec.power.statement == "Power: unknown (the rows carry no trial counts)."
    assert record_from_dict(rec.to_dict()) == rec
    # too few points: no slope, no interval, an explained record (not a crash, not 'consistent')
    rec, _ = log_sample_size_record(_rows([10, None, None, None]))
    assert rec.verdict == "undetermined" and rec.value is None and rec.low is None and rec.high is None
    assert "no slope" in rec.setting and "None" not in evidence_text(rec)


def test_tables_are_data_with_explained_blanks():
    power = {"max_failures": None, "declare_failure_rate_p90": None, "early_probability": None}
    rows = [{"dist": "uniform", "interval": [-1.0, 1.0], "eps": 1e-3, "trials": 600, "counting_bound_n": 9,
             "median_first_cover": 20.0, "n_star_delta_0.01": None, "n_star_delta_eps": None,
             "delta_eps_status": "needs >= 3689 trials (splitting: rare section)", "power_delta_0.01": power}]
    text = table_markdown(_threshold_table(rows))
    assert "not reached" in text and "needs >= 3689 trials" in text and "no power" in text
    assert "None" not in text and "nan" not in text
    fits = {"uniform on [-1, 1]": {"C": 1.5, "c0": 3.0, "points": 2}, "pensia on [-1, 1]": {"points": 1}}
    table = _fit_table(fits)
    assert table.rows == (("uniform on [-1, 1]", 1.5, None, 3.0, 2),)
    assert "fewer than 3 points" in table_markdown(table)


def test_dependants_read_the_frozen_view_as_they_read_json():
    # constants reads rss's "thresholds" and "fits" through a read-only view, where lists arrive as tuples
    from pybridge.claims.records import freeze
    from pybridge.constants.section import lueker_rows

    rows = [{"dist": "uniform", "interval": list(iv), "eps": e, "n_star_delta_eps": n}
            for iv in (FULL, HALF) for e, n in ((0.1, 12), (0.01, 22))]
    data = {"thresholds": rows, "fits": {"uniform on [-1, 1]": {"C": 1.0, "c0": 16.0, "C_ci95": [0.1, 1.9]}}}
    plain, frozen = lueker_rows(data), lueker_rows(freeze(data))
    assert [r["name"] for r in plain] == ["lueker-sample-size [-1/2, 1/2]", "lueker-sample-size [-1, 1]",
                                          "rss-threshold-slope [-1, 1], delta = 0.01"]
    assert [r["name"] for r in frozen] == [r["name"] for r in plain]
    assert [r["tight_constant"] for r in frozen] == [r["tight_constant"] for r in plain]
