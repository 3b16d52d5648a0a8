"""The stated power of the one-sided Clopper–Pearson bound tests (issue 10 §4)."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binom

from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import clopper_pearson_lower
from pybridge.stats.power import detectable_excess, rejection_threshold


@pytest.mark.parametrize("bound,trials", [(0.901, 160), (0.743, 160), (0.3, 2000), (0.05, 400)])
def test_threshold_is_where_the_clopper_pearson_lower_bound_crosses_the_bound(bound, trials):
    alpha = 1e-6
    k = rejection_threshold(bound, trials, alpha=alpha)
    assert clopper_pearson_lower(k, trials, alpha=alpha) > bound
    assert clopper_pearson_lower(k - 1, trials, alpha=alpha) <= bound


@pytest.mark.parametrize("bound,trials", [(0.901, 160), (0.743, 160), (0.3, 2000)])
def test_detectable_excess_has_power_0_9_and_is_the_smallest(bound, trials):
    alpha = 1e-6
    d = detectable_excess(bound, trials, alpha=alpha)
    k = rejection_threshold(bound, trials, alpha=alpha)
    assert binom.sf(k - 1, trials, bound + d) == pytest.approx(0.9, abs=1e-9)
    assert binom.sf(k - 1, trials, bound + d - 1e-6) < 0.9
    assert binom.sf(k - 1, trials, bound) < alpha  # and the false-alarm rate at the bound is <= alpha


def test_all_successes_closed_form():
    # bound 0.901, 160 trials: only 160/160 rejects, so power p^160 >= 0.9 gives p = 0.9^(1/160)
    assert detectable_excess(0.901, 160, alpha=1e-6) == pytest.approx(0.9 ** (1 / 160) - 0.901, abs=1e-9)


def test_no_power_and_bad_input():
    assert detectable_excess(0.99, 5, alpha=1e-6) is None
    with pytest.raises(InvalidArgument, match="trials"):
        rejection_threshold(0.5, 0, alpha=1e-6)
    with pytest.raises(InvalidArgument, match="alpha"):
        rejection_threshold(0.5, 10, alpha=0.0)
    assert math.isfinite(detectable_excess(0.0, 100, alpha=1e-6))
