r"""First-passage (first-success) times of coupled Monte Carlo trials, and what they estimate.

A coupled trial draws one sequence of samples (or one network of ``n_max`` units) and records the first
size :math:`T` at which its prefix succeeds; success must be monotone in the size (subset-sum coverage,
claim ``rss-subset-sum-monotone``; k-subset coverage; the B0/B1/RF constructions in the width), so the
prefix of size n succeeds iff :math:`T \le n` and one run gives the success indicator at every n at once:
:math:`\hat p(n) = \#\{T \le n\}/N`.  ``T = n_max + 1`` marks a trial that never succeeds up to
``n_max`` (censored).  The rss, rfss and gap engines record their runs in :class:`FirstSuccessTimes`
(subclasses add the model's fields and its ``to_dict``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from pybridge.stats.estimate import BinomialEstimate, clopper_pearson
from pybridge.validation import check_probability

#: (``chunk_sizes``, ``times_array`` and ``threshold_from_times`` are internal helpers of the three engines:
#: their callers pass validated values)
__all__ = ["FirstSuccessTimes"]


def chunk_sizes(trials: int, chunk: int) -> list[tuple[int, int]]:
    """``(index, size)`` of the fixed trial chunks (chunk ``i`` has its own random stream)."""
    return [(i, min(chunk, trials - i * chunk)) for i in range(math.ceil(trials / chunk))]


def times_array(parts) -> np.ndarray:
    """The first-success times of every chunk, in chunk order, as one int64 array."""
    return np.array([t for part in parts for t in part], dtype=np.int64)


def threshold_from_times(times: np.ndarray, n_max: int, delta: float, confidence: float) -> int | None:
    r"""Smallest n <= ``n_max`` whose two-sided Clopper–Pearson lower bound of :math:`\#\{T \le n\}/N`
    reaches :math:`1 - \delta` (None if none).

    The count only changes at observed times, so only those are tried (the smallest qualifying n is one).
    """
    trials = int(times.size)
    srt = np.sort(times)
    for n in np.unique(srt[srt <= n_max]):
        s = int(np.searchsorted(srt, n, side="right"))
        lo, _ = clopper_pearson(s, trials, confidence=confidence)
        if lo >= 1 - delta:
            return int(n)
    return None


@dataclass(frozen=True)
class FirstSuccessTimes:
    r"""First successful size of each coupled trial.

    Attributes
    ----------
    times : ndarray of int, shape (trials,)
        ``times[t]`` = smallest size whose prefix succeeds; ``n_max + 1`` if none does (censored).
    n_max : int
        Largest size searched.
    seed_entropy : str
        Entropy of the run's root SeedSequence (replay).
    confidence : float, default 0.95
        Default two-sided confidence of the intervals.
    """

    times: np.ndarray = field(repr=False)
    n_max: int
    seed_entropy: str = ""
    confidence: float = 0.95

    @property
    def trials(self) -> int:
        return int(self.times.size)

    def successes(self, n: int) -> int:
        """Trials whose prefix of size ``n`` succeeds (coupled across n)."""
        return int(np.count_nonzero(self.times <= n))

    def estimate(self, n: int, *, confidence: float | None = None) -> BinomialEstimate:
        """Clopper–Pearson estimate of the success probability at size ``n``."""
        conf = self.confidence if confidence is None else confidence
        return BinomialEstimate.from_counts(self.successes(n), self.trials, confidence=conf,
                                            seed_entropy=self.seed_entropy)

    def threshold(self, delta: float, times=None) -> int | None:
        r"""Empirical :math:`n^*(\delta)`: smallest n whose two-sided CP lower bound reaches 1 − δ.

        None when no n <= n_max qualifies (including when the trial count is too small for any lower
        bound to reach 1 − δ).  ``times`` replaces the recorded times (e.g. a resample).
        """
        delta = check_probability("delta", delta)
        t = self.times if times is None else times
        return threshold_from_times(t, self.n_max, delta, self.confidence)

    def n_half(self, *, confidence: float | None = None) -> dict:
        r"""Median of T (smallest n with :math:`\hat p(n) \ge 1/2`) and an order-statistic interval.

        Returns a dict with ``point``, ``ci_low``, ``ci_high`` (``None`` when beyond
        ``n_max``: censored), ``confidence`` and ``method``.
        """
        confidence = check_probability("confidence", self.confidence if confidence is None else confidence)
        t = np.sort(self.times)
        size = t.size
        k = math.ceil(size / 2)
        lo_idx = int(stats.binom.ppf((1 - confidence) / 2, size, 0.5))
        hi_idx = size + 1 - lo_idx

        def at(i):
            if i < 1 or i > size or t[i - 1] > self.n_max:
                return None
            return int(t[i - 1])

        return {"point": at(k), "ci_low": at(lo_idx) if lo_idx >= 1 else 1, "ci_high": at(hi_idx),
                "confidence": confidence, "n_max": self.n_max,
                "method": "median of the first successful width (coupled prefixes); order-statistic CI"}

    def curve(self, *, confidence: float | None = None) -> dict:
        r"""Coupled success frequency :math:`\hat p(n)` with Clopper–Pearson intervals for n = 1..n_max.

        Returns a dict of lists ``n``, ``successes``, ``p_hat``, ``ci_low``, ``ci_high`` (plus ``trials``).
        """
        conf = self.confidence if confidence is None else confidence
        ns = list(range(1, self.n_max + 1))
        ests = [self.estimate(n, confidence=conf) for n in ns]
        return {"trials": self.trials, "confidence": conf, "n": ns,
                "successes": [e.successes for e in ests], "p_hat": [e.p_hat for e in ests],
                "ci_low": [e.ci_low for e in ests], "ci_high": [e.ci_high for e in ests]}
