"""The power helpers against brute force over every success count.

Rejection regions are recomputed with ``scipy.stats.binomtest`` p-values (one-sided ``less``/``greater``) over
all k = 0..N, and powers by summing binomial masses over that region, independently of
:mod:`pybridge.stats.power`'s bisection and tail formulas.  Targeted tests of
``benchmarks/mutation.py --only power``.
"""

from __future__ import annotations

import pytest
from scipy.stats import binom, binomtest

from pybridge.errors import InvalidArgument
from pybridge.stats.power import detectable_deviation, detectable_excess, rejection_threshold, two_sided_rejects


def p_greater(k, n, p):
    return binomtest(k, n, p, alternative="greater").pvalue


def p_less(k, n, p):
    return binomtest(k, n, p, alternative="less").pvalue


@pytest.mark.parametrize("bound,trials,alpha", [(0.3, 40, 0.01), (0.05, 200, 1e-6), (0.5, 7, 0.05), (0.0, 10, 0.01),
                                                (0.9, 30, 1e-3), (0.2, 1, 0.5)])
def test_rejection_threshold_is_the_least_rejected_count(bound, trials, alpha):
    rejected = [k for k in range(trials + 1) if p_greater(k, trials, bound) < alpha]
    want = min(rejected) if rejected else None
    assert rejection_threshold(bound, trials, alpha=alpha) == want
    if want is not None:
        assert all(k in rejected for k in range(want, trials + 1))  # a tail region


def test_rejection_threshold_none_when_even_all_successes_are_plausible():
    assert p_greater(5, 5, 0.99) >= 1e-6
    assert rejection_threshold(0.99, 5, alpha=1e-6) is None
    assert rejection_threshold(1.0, 50, alpha=0.5) is None
    assert rejection_threshold(0.0, 1, alpha=1e-9) == 1


@pytest.mark.parametrize("bound,trials,alpha", [(0.3, 60, 0.01), (0.1, 300, 1e-6)])
def test_detectable_excess_reaches_the_power_exactly(bound, trials, alpha):
    k = min(k for k in range(trials + 1) if p_greater(k, trials, bound) < alpha)
    for power in (0.9, 0.5):
        d = detectable_excess(bound, trials, alpha=alpha, power=power)
        mass = lambda p: sum(binom.pmf(j, trials, p) for j in range(k, trials + 1))  # noqa: E731
        assert mass(bound + d) == pytest.approx(power, abs=1e-8)
        assert mass(bound + d - 1e-5) < power
    assert detectable_excess(bound, trials, alpha=alpha) == detectable_excess(bound, trials, alpha=alpha, power=0.9)


def test_detectable_excess_zero_and_none_cases():
    # the rejection region already has mass >= power at the bound itself (tiny power): zero excess
    k = rejection_threshold(0.3, 60, alpha=0.01)
    tail = binom.sf(k - 1, 60, 0.3)
    assert 0 < tail < 0.01
    assert detectable_excess(0.3, 60, alpha=0.01, power=tail / 2) == 0.0
    assert detectable_excess(0.3, 60, alpha=0.01, power=tail * 2) > 0.0
    assert detectable_excess(0.99, 5, alpha=1e-6) is None  # nothing is rejected
    # rejected only at k = N, and even p = 1 ... reaches power 1: the excess is finite
    assert detectable_excess(0.5, 10, alpha=0.001) == pytest.approx(0.9 ** (1 / 10) - 0.5, abs=1e-9)


@pytest.mark.parametrize("p0,trials,alpha", [(0.5, 30, 0.05), (0.2, 50, 1e-3), (0.74, 120, 1e-6), (0.0, 10, 0.1)])
def test_two_sided_rejects_equals_the_two_one_sided_p_values(p0, trials, alpha):
    for k in range(trials + 1):
        want = bool(p_less(k, trials, p0) < alpha / 2 or p_greater(k, trials, p0) < alpha / 2)
        assert two_sided_rejects(k, trials, p0, alpha=alpha) is want, (k, trials, p0)


def _power(p, p0, trials, alpha):
    region = [k for k in range(trials + 1)
              if p_less(k, trials, p0) < alpha / 2 or p_greater(k, trials, p0) < alpha / 2]
    return sum(binom.pmf(k, trials, p) for k in region)


@pytest.mark.parametrize("p0,trials,alpha", [(0.5, 80, 0.01), (0.3, 150, 1e-6)])
def test_detectable_deviation_reaches_the_power_on_each_side(p0, trials, alpha):
    dev = detectable_deviation(p0, trials, alpha=alpha)
    up, down = dev["above"], dev["below"]
    assert 0 < up < 1 - p0 and 0 < down < p0
    assert _power(p0 + up, p0, trials, alpha) >= 0.9 - 1e-6
    assert _power(p0 + up - 1e-4, p0, trials, alpha) < 0.9
    assert _power(p0 - down, p0, trials, alpha) >= 0.9 - 1e-6
    assert _power(p0 - down + 1e-4, p0, trials, alpha) < 0.9
    half = detectable_deviation(p0, trials, alpha=alpha, power=0.5)
    assert half["above"] < up and half["below"] < down


def test_detectable_deviation_without_power():
    assert detectable_deviation(0.5, 5, alpha=1e-6) == {"above": None, "below": None}
    one = detectable_deviation(0.0, 40, alpha=0.01)  # nothing below 0: only the upper side
    assert one["below"] is None and one["above"] > 0
    top = detectable_deviation(1.0, 40, alpha=0.01)
    assert top["above"] is None and top["below"] > 0
    assert detectable_deviation(0.5, 80, alpha=0.01, power=1e-9)["above"] == 0.0


@pytest.mark.parametrize("call,name", [
    (lambda: rejection_threshold(0.5, 0, alpha=0.1), "trials"), (lambda: rejection_threshold(1.5, 10, alpha=0.1), "bound"),
    (lambda: rejection_threshold(-0.1, 10, alpha=0.1), "bound"), (lambda: rejection_threshold(0.5, 10, alpha=0.0), "alpha"),
    (lambda: rejection_threshold(0.5, 10, alpha=1.0), "alpha"), (lambda: rejection_threshold(0.5, 10**7 + 1, alpha=0.1), "trials"),
    (lambda: detectable_excess(0.5, 10, alpha=0.1, power=0.0), "power"),
    (lambda: detectable_excess(0.5, 10, alpha=0.1, power=1.0), "power"),
    (lambda: detectable_excess(1.5, 10, alpha=0.1), "bound"),
    (lambda: two_sided_rejects(11, 10, 0.5, alpha=0.1), "successes"), (lambda: two_sided_rejects(-1, 10, 0.5, alpha=0.1), "successes"),
    (lambda: two_sided_rejects(1, 0, 0.5, alpha=0.1), "trials"), (lambda: two_sided_rejects(1, 10**7 + 1, 0.5, alpha=0.1), "trials"),
    (lambda: two_sided_rejects(1, 10, 1.5, alpha=0.1), "p0"), (lambda: two_sided_rejects(1, 10, -0.5, alpha=0.1), "p0"),
    (lambda: two_sided_rejects(1, 10, 0.5, alpha=0.0), "alpha"), (lambda: two_sided_rejects(1, 10, 0.5, alpha=1.0), "alpha"),
    (lambda: detectable_deviation(0.5, 0, alpha=0.1), "trials"), (lambda: detectable_deviation(0.5, 10**7 + 1, alpha=0.1), "trials"),
    (lambda: detectable_deviation(1.5, 10, alpha=0.1), "p0"), (lambda: detectable_deviation(-0.5, 10, alpha=0.1), "p0"),
    (lambda: detectable_deviation(0.5, 10, alpha=0.0), "alpha"), (lambda: detectable_deviation(0.5, 10, alpha=1.0), "alpha"),
    (lambda: detectable_deviation(0.5, 10, alpha=0.1, power=0.0), "power"),
    (lambda: detectable_deviation(0.5, 10, alpha=0.1, power=1.0), "power"),
])
def test_bad_arguments_name_themselves(call, name):
    with pytest.raises(InvalidArgument, match=rf"^{name} must"):
        call()


def test_tails_equal_to_alpha_are_not_rejected():
    """At p = 1/2 and N = 10 the tails are exact dyadic numbers: Pr[X >= 10] = Pr[X <= 0] = 1/1024 and
    Pr[X >= 9] = 11/1024.  A tail equal to alpha (or alpha/2) is not below it: not rejected."""
    assert binom.sf(9, 10, 0.5) == 1 / 1024 and binom.sf(8, 10, 0.5) == 11 / 1024
    assert rejection_threshold(0.5, 10, alpha=1 / 1024) is None
    assert rejection_threshold(0.5, 10, alpha=1 / 1024 * (1 + 1e-9)) == 10
    assert rejection_threshold(0.5, 10, alpha=11 / 1024) == 10
    assert rejection_threshold(0.5, 10, alpha=11 / 1024 * (1 + 1e-9)) == 9
    for k in (0, 10):
        assert two_sided_rejects(k, 10, 0.5, alpha=2 / 1024) is False
        assert two_sided_rejects(k, 10, 0.5, alpha=2 / 1024 * (1 + 1e-9)) is True
    assert detectable_deviation(0.5, 10, alpha=2 / 1024) == {"above": None, "below": None}


def test_deviation_when_only_the_extreme_counts_are_rejected():
    """p0 = 1/2, N = 10, alpha = 0.01: only k = 0 and k = 10 are rejected, so power 0.9 needs p^10 = 0.9."""
    dev = detectable_deviation(0.5, 10, alpha=0.01)
    assert dev["above"] == pytest.approx(0.9 ** 0.1 - 0.5, abs=1e-10)
    assert dev["below"] == pytest.approx(0.9 ** 0.1 - 0.5, abs=1e-10)
    assert detectable_deviation(0.5, 80, alpha=0.01, power=1e-9)["below"] == 0.0


def test_a_single_trial_is_a_valid_budget():
    assert two_sided_rejects(0, 1, 0.5, alpha=0.5) is False
    assert two_sided_rejects(1, 1, 0.01, alpha=0.1) is True
    assert detectable_deviation(0.5, 1, alpha=0.5) == {"above": None, "below": None}
