"""The power helpers of ``pybridge.stats.power`` against independent computations (issue 10 §4).

Each helper is checked against a closed form or a simulation with a fixed seed; the simulated
rejection frequencies use the same decision rule as the project's checks at the stated false-alarm
rate.  Simulations are small (a few thousand draws) and the tolerances leave a margin of several
standard errors, so no test can flake (fixed seeds anyway).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import clopper_pearson
from pybridge.stats.power import (agreement_detectable_ratio, empirical_bernstein_floor,
                                  hoeffding_detectable_difference, ks_detectable_distance, power_record,
                                  t_detectable_shift, threshold_resolution)


# ----------------------------------------------------------------------------- n* rule


def test_threshold_resolution_zero_failure_closed_form():
    # 400 trials, delta 0.01: 0 failures give the CP lower bound 0.025^(1/400) = 0.99082 >= 0.99, 1 failure
    # gives 0.9861 < 0.99
    res = threshold_resolution(0.01, 400, confidence=0.95)
    assert 0.025 ** (1 / 400) >= 0.99
    assert res["max_failures"] == 0
    # declared with probability (1 - f)^400 = 0.9  <=>  f = 1 - 0.9^(1/400)
    assert res["declare_failure_rate_p90"] == pytest.approx(1 - 0.9 ** (1 / 400), rel=1e-9)
    assert res["early_probability"] == pytest.approx(0.99 ** 400, rel=1e-9)


@pytest.mark.parametrize("delta,trials", [(0.01, 600), (0.05, 150), (0.01, 4000)])
def test_threshold_resolution_matches_the_clopper_pearson_rule(delta, trials):
    res = threshold_resolution(delta, trials, confidence=0.95)
    k = res["max_failures"]
    assert clopper_pearson(trials - k, trials, confidence=0.95)[0] >= 1 - delta
    assert clopper_pearson(trials - k - 1, trials, confidence=0.95)[0] < 1 - delta
    assert stats.binom.cdf(k, trials, res["declare_failure_rate_p90"]) == pytest.approx(0.9, abs=1e-9)
    assert res["early_probability"] <= 0.025  # the rule is a one-sided 97.5% confidence bound


def test_threshold_resolution_by_simulation():
    res = threshold_resolution(0.01, 600, confidence=0.95)
    rng = np.random.default_rng(7)
    fails = rng.binomial(600, res["declare_failure_rate_p90"], size=4000)
    declared = np.mean([clopper_pearson(600 - int(f), 600, confidence=0.95)[0] >= 0.99 for f in fails[:400]])
    assert declared == pytest.approx(0.9, abs=0.05)
    assert np.mean(fails <= res["max_failures"]) == pytest.approx(0.9, abs=0.02)


def test_threshold_resolution_no_power():
    res = threshold_resolution(0.001, 100)  # 0 failures of 100 reach only 0.025^(1/100) = 0.964
    assert res["max_failures"] is None and res["declare_failure_rate_p90"] is None


# ----------------------------------------------------------------------------- Kolmogorov-Smirnov


def test_ks_distance_is_below_the_dkw_massart_bound_and_above_the_critical_value():
    n, alpha = 5000, 1e-6
    dist = ks_detectable_distance(n, alpha=alpha)
    dkw = math.sqrt(math.log(2 / alpha) / (2 * n)) + math.sqrt(math.log(2 / 0.1) / (2 * n))  # Massart 1990
    assert stats.kstwo.isf(alpha, n) < dist <= dkw


def test_ks_distance_by_simulation():
    # alternative at sup-distance w/2 from U[0, 1]: the mixture (1 - w) U[0, 1] + w U[0, 1/2]
    n, alpha = 400, 1e-3
    dist = ks_detectable_distance(n, alpha=alpha)
    w = 2 * dist
    rng = np.random.default_rng(11)
    rejects = 0
    reps = 300
    for _ in range(reps):
        x = np.where(rng.random(n) < w, rng.random(n) / 2, rng.random(n))
        rejects += stats.kstest(x, "uniform").pvalue < alpha
    assert rejects / reps >= 0.9  # the bound is sufficient: the power at that distance is at least 0.9
    # and the test holds its false-alarm rate under the null
    null = sum(stats.kstest(rng.random(n), "uniform").pvalue < alpha for _ in range(reps))
    assert null <= 2


# ----------------------------------------------------------------------------- Hoeffding


def test_hoeffding_closed_form_and_simulation():
    x = hoeffding_detectable_difference(400, 400, alpha=1e-6)
    h = (1 / 400 + 1 / 400) / 2
    assert x == pytest.approx(math.sqrt(math.log(2e6) * h) + math.sqrt(math.log(10) * h), rel=1e-12)
    rng = np.random.default_rng(3)
    p1, p2 = 0.5 + x / 2, 0.5 - x / 2
    t = math.sqrt(math.log(2e6) * h)
    a = rng.binomial(400, p1, size=2000) / 400
    b = rng.binomial(400, p2, size=2000) / 400
    assert np.mean(np.abs(a - b) >= t) >= 0.9


# ----------------------------------------------------------------------------- t interval


def test_t_shift_by_simulation():
    n, sd, alpha = 200, 2.0, 1e-6
    shift = t_detectable_shift(sd, n, alpha=alpha)
    rng = np.random.default_rng(5)
    tq = stats.t.ppf(1 - alpha / 2, n - 1)
    excl = 0
    for _ in range(2000):
        x = rng.normal(shift, sd, n)
        half = tq * x.std(ddof=1) / math.sqrt(n)
        excl += abs(x.mean()) > half
    assert excl / 2000 == pytest.approx(0.9, abs=0.03)


# ----------------------------------------------------------------------------- interval agreement


def test_agreement_ratio_by_simulation():
    q, trials, reps, alpha_each = 0.02, 4000, 20, 5e-7
    se = 0.1 * q
    t = stats.t.ppf(1 - alpha_each / 2, reps - 1)
    half = t * se
    dev = agreement_detectable_ratio(q, trials, se=se, half_width=half, alpha_each=alpha_each)
    assert dev["above"] is not None and dev["above"] > 1
    rng = np.random.default_rng(9)
    sims = 3000
    counts = rng.binomial(trials, q, size=sims)
    cp = {int(x): clopper_pearson(int(x), trials, confidence=1 - alpha_each) for x in np.unique(counts)}
    means = rng.normal(dev["above"] * q, se, size=sims)
    rejects = sum((m - half > cp[int(x)][1]) or (m + half < cp[int(x)][0]) for x, m in zip(counts, means))
    assert rejects / sims == pytest.approx(0.9, abs=0.025)


def test_agreement_relative_ratio_by_simulation():
    # a multiplicative bias: the whole estimator (mean, spread, interval) is multiplied by the ratio
    q, trials, reps, alpha_each = 0.02, 20000, 40, 5e-7
    se = 0.05 * q
    t = stats.t.ppf(1 - alpha_each / 2, reps - 1)
    dev = agreement_detectable_ratio(q, trials, se=se, half_width=t * se, alpha_each=alpha_each, relative=True)
    assert dev["above"] > 1 > dev["below"]
    rng = np.random.default_rng(13)
    sims = 3000
    counts = rng.binomial(trials, q, size=sims)
    cp = {int(x): clopper_pearson(int(x), trials, confidence=1 - alpha_each) for x in np.unique(counts)}
    for r in (dev["above"], dev["below"]):
        means = r * rng.normal(q, se, size=sims)
        half = r * t * se
        rej = sum((m - half > cp[int(x)][1]) or (m + half < cp[int(x)][0]) for x, m in zip(counts, means))
        assert rej / sims == pytest.approx(0.9, abs=0.025)


def test_agreement_no_power_below_when_the_interval_reaches_zero():
    dev = agreement_detectable_ratio(0.0125, 4000, se=0.0035, half_width=0.0368, alpha_each=5e-7)
    assert dev["below"] is None and dev["above"] > 3


# ----------------------------------------------------------------------------- empirical Bernstein


def test_bernstein_floor_is_the_bound_on_a_constant_zero_sample():
    from pybridge.gap.checks import empirical_bernstein_upper

    assert empirical_bernstein_floor(64, alpha=1e-6) == pytest.approx(empirical_bernstein_upper(np.zeros(64), 1e-6))


def test_power_record_and_bad_input():
    rec = power_record("t", alpha=1e-6, trials=10, text="Power: none", method="m", detectable=None)
    assert rec["no_power"] and rec["power"] == 0.9
    assert not power_record("t", alpha=1e-6, trials=10, text="x", method="m", d={"a": 0.1})["no_power"]
    with pytest.raises(InvalidArgument, match="samples"):
        ks_detectable_distance(0, alpha=1e-6)
    with pytest.raises(InvalidArgument, match="delta"):
        threshold_resolution(0.0, 10)
    with pytest.raises(InvalidArgument, match="alpha_each"):
        agreement_detectable_ratio(0.1, 10, se=0.1, half_width=0.1, alpha_each=1.0)
