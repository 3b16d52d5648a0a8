"""Trial planning (:func:`trials_for_half_width`), its argument checks, and the estimate's packaging.

Expected values come from scipy's exact binomial test directly (``scipy.stats.binomtest``) and from a brute-force
scan for the least trial count that fits, not from the planning code.  Mutation-tested by
``benchmarks/mutation.py --only estimate``.
"""

from __future__ import annotations

import pytest
from scipy import stats

from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import MAX_TRIALS, BinomialEstimate, clopper_pearson, format_confidence, \
    trials_for_half_width


def cp_half_width(k, n, conf):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=conf, method="exact")
    return (ci.high - ci.low) / 2


def fits(n, h, conf, p=0.5):
    return cp_half_width(round(p * n), n, conf) <= h


def least_fitting(h, conf, p=0.5, start=1):
    n = start
    while not fits(n, h, conf, p):
        n += 1
    return n


@pytest.mark.parametrize("h,conf", [(0.1, 0.95), (0.08, 0.99), (0.2, 0.9)])
def test_planned_count_fits_and_is_within_one_step_of_the_least(h, conf):
    n = trials_for_half_width(h, confidence=conf)
    assert fits(n, h, conf)
    start = int(0.85 * n)
    assert not fits(start, h, conf)
    n_min = least_fitting(h, conf, start=start)  # the least fitting count above a count that does not fit
    assert n_min <= n <= 1.05 * n_min + 1
    assert trials_for_half_width(h, confidence=conf, p_low=0.0, p_high=1.0) == n  # the default range is [0, 1]


def test_worst_p_is_one_half_whenever_the_range_contains_it():
    n = trials_for_half_width(0.05)
    assert trials_for_half_width(0.05, p_low=0.5, p_high=0.7) == n
    assert trials_for_half_width(0.05, p_low=0.3, p_high=0.5) == n
    n_hi = trials_for_half_width(0.05, p_low=0.7, p_high=0.9)  # worst p is 0.7 -> fewer trials
    assert fits(n_hi, 0.05, 0.95, 0.7) and n_hi < n
    assert trials_for_half_width(0.05, p_low=0.1, p_high=0.3) == trials_for_half_width(0.05, p_low=0.7, p_high=0.9)


def test_closed_convention_a_count_that_fits_exactly_is_enough():
    h10 = cp_half_width(5, 10, 0.95)  # the exact half-width of 5 out of 10 (about 0.31)
    assert trials_for_half_width(h10) == 10
    assert trials_for_half_width(h10 * (1 - 1e-9)) > 10
    n1 = trials_for_half_width(0.05)
    h1 = cp_half_width(round(0.5 * n1), n1, 0.95)  # the exact half-width at n1 (<= 0.05)
    assert trials_for_half_width(h1, max_trials=n1) == n1  # at the cap: fits exactly, so no error


@pytest.mark.parametrize("conf", [0.95, 0.99])
def test_any_cap_either_fits_or_raises(conf):
    h = 0.06
    accepted = refused = 0
    for cap in range(200, 620, 13):
        try:
            n = trials_for_half_width(h, confidence=conf, max_trials=cap)
        except InvalidArgument as e:
            assert "max_trials" in str(e) and not fits(cap, h, conf)
            refused += 1
            continue
        accepted += 1
        assert n <= cap and fits(n, h, conf), (cap, n)
    assert accepted and refused


def test_one_trial_cap_is_allowed():
    assert trials_for_half_width(0.5, max_trials=1) == 1


@pytest.mark.parametrize("kwargs,name", [
    (dict(half_width=0), "half_width"), (dict(half_width=-0.1), "half_width"), (dict(half_width=0.6), "half_width"),
    (dict(half_width=0.1, p_low=-0.1), "p_low"), (dict(half_width=0.1, p_low=1.5), "p_low"),
    (dict(half_width=0.1, p_high=1.5), "p_high"), (dict(half_width=0.1, confidence=1.5), "confidence"),
    (dict(half_width=0.1, confidence=0.0), "confidence"), (dict(half_width=0.1, max_trials=0), "max_trials"),
])
def test_bad_planning_arguments_name_the_argument(kwargs, name):
    with pytest.raises(InvalidArgument, match=rf"^{name} must"):
        trials_for_half_width(**kwargs)


def test_counts_are_checked_against_the_largest_trial_count():
    with pytest.raises(InvalidArgument, match="^trials must"):
        clopper_pearson(0, MAX_TRIALS + 1)
    with pytest.raises(InvalidArgument, match="^successes must"):
        clopper_pearson(11, 10)


def test_estimate_dict_has_the_point_estimate():
    est = BinomialEstimate.from_counts(3, 10, confidence=0.9, seed_entropy=12)
    d = est.to_dict()
    assert d["p_hat"] == pytest.approx(0.3) and d["successes"] == 3 and d["trials"] == 10
    assert d["seed_entropy"] == "12" and d["method"] == "clopper-pearson"
    assert est.half_width == pytest.approx(cp_half_width(3, 10, 0.9))


@pytest.mark.parametrize("conf,text", [(0.95, "95%"), (0.999999, "99.9999%"), (0.5, "50%"),
                                       (1 - 1e-12, "99.9999999999%"), (0.999999999999999, "99.9999999999999%")])
def test_format_confidence_shows_every_digit_and_never_100(conf, text):
    assert format_confidence(conf) == text


def test_format_confidence_rejects_bad_levels():
    with pytest.raises(InvalidArgument, match="^confidence must"):
        format_confidence(1.0)
