"""Clopper-Pearson helpers and the trial planner: bad input names the argument, defaults, and the planner's
contract (issue 10 §3, closing mutation-testing survivors of ``pybridge.stats.estimate``)."""

from __future__ import annotations

import math

import pytest

from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import (BinomialEstimate, clopper_pearson, clopper_pearson_lower, clopper_pearson_upper,
                                     trials_for_half_width)


@pytest.mark.parametrize("call, words", [
    (lambda: clopper_pearson(1, 0), "trials=0"),
    (lambda: clopper_pearson(-1, 5), "successes=-1"),
    (lambda: clopper_pearson(6, 5), "successes=6"),
    (lambda: clopper_pearson(1, 5, confidence=1.5), "confidence=1.5"),
    (lambda: clopper_pearson_upper(1, 5, alpha=0.0), "alpha=0.0"),
    (lambda: clopper_pearson_lower(1, 5, alpha=2.0), "alpha=2.0"),
    (lambda: trials_for_half_width(0.6), "half_width=0.6"),
    (lambda: trials_for_half_width(0.1, p_low=0.7, p_high=0.2), "p_high=0.2"),
    (lambda: trials_for_half_width(0.1, max_trials=0), "max_trials=0"),
    (lambda: trials_for_half_width(1e-4, max_trials=1000), "max_trials=1,000"),
])
def test_bad_input_names_the_argument(call, words):
    with pytest.raises(InvalidArgument, match=words.replace("(", r"\(")):
        call()


def test_defaults_and_record():
    assert clopper_pearson(7, 40) == clopper_pearson(7, 40, confidence=0.95)
    e = BinomialEstimate.from_counts(7, 40, confidence=0.9, seed_entropy="123")
    assert (e.successes, e.trials, e.confidence, e.seed_entropy) == (7, 40, 0.9, "123")
    assert (e.ci_low, e.ci_high) == clopper_pearson(7, 40, confidence=0.9)
    assert e.p_hat == 7 / 40 and e.half_width == pytest.approx((e.ci_high - e.ci_low) / 2)
    d = e.to_dict()
    assert d["successes"] == 7 and d["trials"] == 40 and d["ci_low"] == e.ci_low and d["seed_entropy"] == "123"


@pytest.mark.parametrize("h, conf, plo, phi", [(0.05, 0.95, 0.0, 1.0), (0.02, 0.99, 0.0, 0.1), (0.03, 0.9, 0.8, 0.95),
                                               (0.1, 0.95, 0.45, 0.55)])
def test_planned_trials_meet_the_half_width_and_are_not_wasteful(h, conf, plo, phi):
    n = trials_for_half_width(h, confidence=conf, p_low=plo, p_high=phi)
    p = 0.5 if plo <= 0.5 <= phi else (plo if plo > 0.5 else phi)
    lo, hi = clopper_pearson(round(p * n), n, confidence=conf)
    assert (hi - lo) / 2 <= h
    # at most ~5% above the smallest count that fits (the planner grows by 5% steps from the Wald count)
    m = math.floor(n / 1.06)
    lo, hi = clopper_pearson(round(p * m), m, confidence=conf)
    assert (hi - lo) / 2 > h or m < 10
    # planning for the worst p is more than for an easier one
    if p == 0.5:
        assert n >= trials_for_half_width(h, confidence=conf, p_low=0.0, p_high=0.05)


def test_planner_cap():
    n = trials_for_half_width(0.05)
    assert trials_for_half_width(0.05, max_trials=n) == n
    assert trials_for_half_width(0.05, max_trials=n + 10**6) == n
