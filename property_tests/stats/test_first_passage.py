"""The one first-success-times class (pybridge.stats.first_passage): counts, threshold, median."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pybridge.stats.estimate import clopper_pearson
from pybridge.stats.first_passage import FirstSuccessTimes, chunk_sizes, times_array


def _threshold_by_definition(times, n_max, delta, confidence):
    """Smallest n in 0..n_max with a success and CP lower bound >= 1 - delta (every n tried)."""
    for n in range(0, n_max + 1):
        s = int(np.count_nonzero(times <= n))
        if s and clopper_pearson(s, times.size, confidence=confidence)[0] >= 1 - delta:
            return n
    return None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 31), min_size=1, max_size=60), st.integers(1, 30),
       st.sampled_from([0.5, 0.2, 0.05, 0.01]), st.sampled_from([0.9, 0.95]))
def test_threshold_tries_only_observed_times_and_agrees_with_the_definition(raw, n_max, delta, confidence):
    times = np.minimum(np.array(raw, dtype=np.int64), n_max + 1)
    t = FirstSuccessTimes(times=times, n_max=n_max, confidence=confidence)
    assert t.threshold(delta) == _threshold_by_definition(times, n_max, delta, confidence)


def test_counts_are_coupled_across_sizes():
    t = FirstSuccessTimes(times=np.array([1, 3, 3, 6, 6]), n_max=5)
    assert [t.successes(n) for n in range(7)] == [0, 1, 1, 3, 3, 3, 5]
    assert t.curve()["successes"] == [1, 1, 3, 3, 3]
    assert t.n_half()["point"] == 3 and t.n_half()["ci_high"] is None


def test_chunks_cover_every_trial_once_in_order():
    assert chunk_sizes(130, 64) == [(0, 64), (1, 64), (2, 2)]
    assert chunk_sizes(64, 64) == [(0, 64)]
    assert times_array([[3, 4], [], [5]]).tolist() == [3, 4, 5]
    assert times_array([[3]]).dtype == np.int64
