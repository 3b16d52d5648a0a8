r"""The masked overparameterization factor :math:`n^*_p(\varepsilon, \delta) / n^*_1(\varepsilon, \delta)`.

Exact law of masked first-cover times (RECON): scan :math:`X_1, X_2, \dots` with an independent mask
:math:`B_i \sim \mathrm{Bernoulli}(p)`.  The kept samples form an i.i.d. sequence :math:`Y`; a masked
network of size n is covered iff :math:`Y_1..Y_{K(n)}` cover, :math:`K(n) = \#\{i \le n: B_i = 1\}`
(coverage is monotone: claims ``rss-subset-sum-monotone``, ``rfss-counting-bound``'s recursion).  So
its first covering size is the position of the :math:`T`-th kept sample, :math:`T` the unmasked
first-cover time of :math:`Y`: :math:`T + \mathrm{NegBin}(T, p)` failures, drawn exactly.  One set of
unmasked times therefore gives coupled masked times for every p.

Candidate laws for the factor (issue 13 §3): ``1/p`` (masking = subsampling at rate p) and
``1/log(1/(1-p))`` (the abstract's "1/log(1/sparsity)" with sparsity 1 − p; Gadhikar et al., arXiv
2210.02412, READ-ABS — the theorem's text was not available).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import clopper_pearson
from pybridge.validation import check_bool, check_int, check_probability, check_real, check_rng, check_sequence

__all__ = ["CANDIDATE_LAWS", "masked_first_cover_times", "masked_threshold", "factor_table"]

CANDIDATE_LAWS = {
    "1/p": lambda p: 1.0 / p,
    "1/log(1/(1-p))": lambda p: 1.0 / math.log(1.0 / (1.0 - p)) if p < 1 else 0.0,
}
#: a trial that never covered within n_max keeps this time (counts as a failure at every n)
NEVER = np.iinfo(np.int64).max // 4


def masked_first_cover_times(times: np.ndarray, n_max: int, p: float, rng: np.random.Generator) -> np.ndarray:
    """Masked first-cover sizes from unmasked ones (exact in law; ``NEVER`` where ``times > n_max``)."""
    p = check_real("p", p, min_value=0.0, max_value=1.0, min_open=True)
    t = _times(times)
    n_max = check_int("n_max", n_max, min_value=0, max_value=10**9)
    rng = check_rng("rng", rng, allow_none=False)
    ok = t <= n_max
    out = np.full(t.shape, NEVER, dtype=np.int64)
    if p == 1.0:
        out[ok] = t[ok]
        return out
    tt = np.maximum(t[ok], 1)
    extra = rng.negative_binomial(tt, p)
    out[ok] = np.where(t[ok] == 0, 0, tt + extra)
    return out


def _times(times) -> np.ndarray:
    """First-cover times: a 1-D array of integers >= 0 (``NEVER`` for none), as int64."""
    if isinstance(times, np.ndarray) and times.dtype.kind in "iu" and times.ndim == 1:
        t = times.astype(np.int64, copy=False)
    else:
        vals = check_sequence("times", times)
        t = np.asarray([check_int(f"times[{i}]", v, min_value=0, max_value=NEVER) for i, v in enumerate(vals)],
                       dtype=np.int64)
    if t.size and int(t.min()) < 0:
        raise InvalidArgument(f"times must be >= 0, got a time {int(t.min())}")
    return t


def _min_successes(trials: int, delta: float, confidence: float) -> int | None:
    """Smallest success count whose two-sided Clopper–Pearson lower bound reaches 1 - delta (None if none)."""
    s = np.arange(1, trials + 1)
    lower = stats.beta.ppf((1 - confidence) / 2, s, trials - s + 1)
    ok = np.flatnonzero(lower >= 1 - delta)
    if ok.size == 0:
        return None
    s_min = int(s[ok[0]])
    # confirm with the library interval at the boundary (the same exact Clopper-Pearson bound)
    assert clopper_pearson(s_min, trials, confidence=confidence)[0] >= 1 - delta - 1e-12
    return s_min


def masked_threshold(times: np.ndarray, delta: float, confidence: float = 0.95, *, s_min: int | None = None):
    """Smallest n whose two-sided CP lower bound on #(times <= n)/trials reaches 1 - delta (None if none).

    The lower bound increases with the success count, so n* is the ``s_min``-th smallest time.
    """
    delta = check_probability("delta", delta)
    t = _times(times)
    confidence = check_probability("confidence", confidence)
    if s_min is not None:
        s_min = check_int("s_min", s_min, min_value=1, max_value=max(1, t.size))
        if s_min > t.size:
            return None
    if s_min is None:
        s_min = _min_successes(t.size, delta, confidence)
    if s_min is None:
        return None
    v = int(np.partition(t, s_min - 1)[s_min - 1])
    return None if v >= NEVER else v


def factor_table(times: np.ndarray, n_max: int, ps, delta: float, rng: np.random.Generator, *,
                 bootstrap: int = 200) -> list:
    """Rows ``{p, n_star_p, n_star_1, factor, factor_ci95, laws...}`` with a paired bootstrap interval.

    The bootstrap resamples trials (the same indices for the unmasked and every masked time, so the
    ratio's interval reflects the coupling) and draws fresh masks per resample.
    """
    t = _times(times)
    n_max = check_int("n_max", n_max, min_value=0, max_value=10**9)
    ps = [check_real(f"ps[{i}]", p, min_value=0.0, max_value=1.0, min_open=True)
          for i, p in enumerate(check_sequence("ps", ps, max_len=100))]
    delta = check_probability("delta", delta)
    rng = check_rng("rng", rng, allow_none=False)
    bootstrap = check_int("bootstrap", bootstrap, min_value=0, max_value=10**5)
    if t.size == 0 or t.size > 10**6:
        raise InvalidArgument(f"times must hold 1..10^6 trials, got {t.size}")
    s_min = _min_successes(t.size, delta, 0.95)
    base = masked_threshold(np.where(t <= n_max, t, NEVER), delta, s_min=s_min)
    masked = {p: masked_first_cover_times(t, n_max, p, rng) for p in ps}
    rows = []
    boot_idx = [rng.integers(0, t.size, t.size) for _ in range(bootstrap)]
    for p in ps:
        ns = masked_threshold(masked[p], delta, s_min=s_min)
        ratios = []
        for idx in boot_idx:
            b1 = masked_threshold(np.where(t[idx] <= n_max, t[idx], NEVER), delta, s_min=s_min)
            bp = masked_threshold(masked[p][idx], delta, s_min=s_min)
            if b1 and bp:
                ratios.append(bp / b1)
        ci = [float(np.quantile(ratios, 0.025)), float(np.quantile(ratios, 0.975))] if len(ratios) > 10 else None
        row = {"p": p, "sparsity": 1 - p, "n_star_p": ns, "n_star_1": base,
               "factor": (ns / base) if (ns and base) else None, "factor_ci95": ci, "bootstrap": len(ratios)}
        for name, law in CANDIDATE_LAWS.items():
            v = law(p)
            row[name] = v
            row[f"{name} inside CI"] = bool(ci is not None and ci[0] <= v <= ci[1])
        rows.append(row)
    return rows
