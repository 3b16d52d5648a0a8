"""Verified replay of exact coverage decisions (claim ``rss-decide-cover``, issue 10 §2)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from pybridge.formal import twins as tw
from pybridge.formal.replay import (ExportMismatch, ReplayInstance, check_round_trip, instance_to_coq,
                                    instances_from_records, parse_coq_instances, replay_decisions)
from pybridge.runtime.runner import find_tool
from pybridge.rss import coverage_times, decide_cover
from pybridge.rss.section import audit_instances, _threshold_rows

coqc = pytest.mark.skipif(find_tool("coqc") is None, reason="coqc unavailable")
dyadic = st.integers(-64, 64).map(lambda k: Fraction(k, 32))


@settings(max_examples=150, deadline=None)
@given(st.lists(dyadic, max_size=6), st.integers(1, 40).map(lambda k: Fraction(k, 64)))
def test_exact_decision_matches_verified_procedure(xs, eps):
    # the project's exact decision equals the mirror of the Coq decide_cover (dyadic near-ties included)
    assert tw.decide_cover_both_directions(xs, eps, Fraction(-1), Fraction(1))


def test_interval_union_decision_small_cases():
    assert tw.interval_union_decision([], 1, -1, 1)          # [-1, 1] within 1 of 0
    assert not tw.interval_union_decision([], 1, -1, 2)
    assert not tw.interval_union_decision([3], 1, -1, 4)     # [-1,1] u [2,4]: gap (1, 2)
    assert not tw.interval_union_decision([3], 1, -1, 2)     # gap (1, 2)
    assert tw.interval_union_decision([2], 1, -1, 3)         # [-1,1] u [1,3] share 1
    assert tw.interval_union_decision([5], 1, 3, 2)          # empty interval: covered
    assert not tw.interval_union_decision([], -1, 0, 0)      # negative radius covers nothing


def _inst(xs, eps, expected, label="t"):
    return ReplayInstance(tuple(Fraction(x) for x in xs), Fraction(eps), Fraction(-1), Fraction(1), expected, label)


def test_round_trip_is_exact():
    inst = _inst([0.3, -0.7, 0.1], 0.01, False)
    text = instance_to_coq(inst)
    (xs, e, a, b), = parse_coq_instances(text)
    assert (xs, e, a, b) == (inst.xs, inst.eps, inst.a, inst.b)


def test_round_trip_catches_a_2eps_exporter():
    inst = _inst([0.3, -0.7, 0.1], 0.01, False)

    def bad(i):
        return instance_to_coq(ReplayInstance(i.xs, 2 * i.eps, i.a, i.b, i.expected, i.label))

    with pytest.raises(ExportMismatch):
        replay_decisions([inst], exporter=bad)
    with pytest.raises(ExportMismatch):
        check_round_trip([inst, inst], instance_to_coq(inst))


@coqc
def test_coq_replays_covered_and_not_covered():
    rng = np.random.default_rng(11)
    insts = []
    for n in (3, 6, 9, 12, 14):
        xs = rng.uniform(-1, 1, n)
        insts.append(_inst(xs.tolist(), 0.05, decide_cover(xs.tolist(), 0.05).covered, f"n={n}"))
    # dyadic exact ties: sums k/16, gaps exactly 2 eps; covered with the second 1/16, not without it
    insts.append(_inst([0.5, 0.25, 0.125, 0.0625, 0.0625, -1.0], 0.03125, True, "dyadic tie, covered"))
    insts.append(_inst([0.5, 0.25, 0.125, 0.0625, -1.0], 0.03125, False, "dyadic tie, not covered"))
    assert [decide_cover([float(x) for x in i.xs], float(i.eps)).covered for i in insts[-2:]] == [True, False]
    assert {i.expected for i in insts} == {True, False}
    rep = replay_decisions(insts)
    assert rep["status"] == "verified" and rep["agree"] == len(insts) and rep["prover"].startswith("coq ")
    # a wrong fast answer is caught and the instance is printed
    flipped = [ReplayInstance(i.xs, i.eps, i.a, i.b, not i.expected, i.label) for i in insts[:2]]
    rep = replay_decisions(flipped)
    assert rep["status"] == "disagreement" and rep["agree"] == 0 and "n=3" in rep["disagreements"][0]


def test_audit_subset_is_the_run_trials_and_has_not_covered():
    ct = coverage_times(1e-1, n_max=20, trials=100, seed=3)
    rows = _threshold_rows([ct])
    recs = audit_instances([ct], rows, np.random.default_rng(0), 20)
    again = audit_instances([ct], rows, np.random.default_rng(0), 20)
    assert recs == again and len(recs) == 20
    assert any(not r["expected"] for r in recs) and any(r["expected"] for r in recs)
    for inst in instances_from_records(recs):
        # the recorded answer is the fast decision on the regenerated trial samples
        assert decide_cover([float(x) for x in inst.xs], float(inst.eps)).covered == inst.expected
