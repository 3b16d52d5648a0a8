r"""Monte Carlo of the fixed-size events, with Clopper–Pearson intervals (RFSS, theory §2).

* :func:`estimate_fixed_probability` — :math:`P_k(n, \varepsilon)` (every target of
  ``[a, b]`` hit by a k-subset, closed inequality; default :math:`[-\sqrt k, \sqrt k]`) or,
  with ``target=z``, the single-target probability of RFSS Theorem 2
  (:math:`\exists |S| = k: |\Sigma_S - z| < \varepsilon`, strict).  With ``density=p`` each
  sample is kept independently with probability ``p`` (mask drawn from the trial's own
  generator after its samples) and the k-subsets range over the kept samples only.
* :func:`fixed_coverage_times` — coupled first-cover sample sizes for fixed ``k``: coverage
  by k-subsets is monotone in ``n`` (a k-subset of a prefix is a k-subset of the whole
  sample), so one binary search per trial gives the success indicator at every ``n``.

Every event is decided exactly (:mod:`pybridge.rfss.decide`).  Randomness: fixed chunks of
:data:`CHUNK` trials, chunk ``i`` drawing from ``child_seed(root, namespace, i)`` only, so
results are bit-identical for any worker count; the root entropy is recorded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.runtime import seeding
from pybridge.validation import check_exact, check_instance, check_int, check_probability, check_real
from pybridge.errors import InvalidArgument, ResourceLimitError
from pybridge.stats.estimate import BinomialEstimate, clopper_pearson, trials_for_half_width
from pybridge.stats.first_passage import FirstSuccessTimes, chunk_sizes, times_array
from pybridge.stats.monotone_search import first_true
from pybridge.runtime.parallel import run_tasks
from pybridge.rfss.decide import as_target, fixed_decide_float
from pybridge.rfss.laws import get_rfss_law
from pybridge.rfss.target import Target, point_target

__all__ = ["CHUNK", "RFSSEstimate", "estimate_fixed_probability", "FixedCoverageTimes", "fixed_coverage_times",
           "counting_bound_n_fixed", "theorem2_threshold_n"]

CHUNK = 64
PILOT_TRIALS = 200
MAX_N = 100_000
#: the exact threshold search of :func:`theorem2_threshold_n` stops after this many steps past 2k
MAX_THRESHOLD_STEPS = 20_000


def counting_bound_n_fixed(k: int, eps, target: Target | None = None) -> int:
    r"""Smallest n not excluded by the counting bound :math:`\binom nk 2\varepsilon \ge b - a` (exact).

    For smaller n no sample of any law covers with k-subsets (claim ``rfss-counting-bound``).
    The target's width is compared exactly (outer enclosure, so the n returned is never too large).
    """
    k = check_int("k", k, min_value=1, max_value=10**6)
    e = check_exact("eps", eps, positive=True)
    if target is not None:
        check_instance("target", target, Target)
    t = target if target is not None else as_target(k)
    a_lo, a_hi, b_lo, b_hi = t.enclose(128)
    width = b_lo - a_hi  # inner width: n below the answer cannot cover even the inner interval
    if math.comb(k, k) * 2 * e >= width:
        return k
    lo, hi = k, 2 * k  # invariant: excluded at lo
    while math.comb(hi, k) * 2 * e < width:
        lo, hi = hi, 2 * hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if math.comb(mid, k) * 2 * e < width:
            lo = mid
        else:
            hi = mid
    return hi


def theorem2_threshold_n(k: int, eps, c_hyp: int = 1) -> int:
    r"""Smallest :math:`n \ge 2k` with :math:`n \ge c_{hyp}\log_2(k/\varepsilon)/H_2(k/n)` (exact integers).

    Equivalently :math:`\big(n^n/(k^k(n-k)^{n-k})\big) \ge (k/\varepsilon)^{c_{hyp}}`, since
    :math:`2^{nH_2(k/n)} = n^n/(k^k(n-k)^{n-k})`.  RFSS Theorem 2's hypothesis with
    :math:`k \le n/2` (arXiv 2410.14754, READ).
    """
    k = check_int("k", k, min_value=1, max_value=10**4)
    c_hyp = check_int("c_hyp", c_hyp, min_value=1, max_value=100)
    e = check_exact("eps", eps)
    if not 0 < e < 1:
        raise InvalidArgument(f"eps must be in (0, 1), got eps={eps!r}")
    p, q = e.numerator, e.denominator  # k/eps = k q / p
    n = 2 * k
    while n**n * p**c_hyp < (k * q) ** c_hyp * k**k * (n - k) ** (n - k):
        n += 1
        if n > 2 * k + MAX_THRESHOLD_STEPS:
            raise ResourceLimitError(f"the Theorem 2 threshold is beyond n = {n} (eps={eps!r} too small for k={k})")
    return n


def _draw(law, rng, n, density):
    xs = law.sample(rng, n)
    if density is not None and density < 1.0:
        keep = rng.random(n) < density  # the trial's own generator, after its samples
        xs = xs[keep]
    return xs


def _chunk_hits(dist, n, k, eps, target, density, strict, entropy, spawn_key, namespace, index, size):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, namespace, index)
    law = get_rfss_law(dist)
    tf = target.floats()
    hits = 0
    for _ in range(size):
        hits += fixed_decide_float(_draw(law, rng, n, density), k, eps, target, strict=strict, target_floats=tf)
    return hits


def _run(dist, n, k, eps, target, density, strict, root, namespace, trials, workers, progress):
    chunks = chunk_sizes(trials, CHUNK)
    args = [(dist, n, k, eps, target, density, strict, root.entropy, tuple(root.spawn_key), namespace, i, s)
            for i, s in chunks]
    return int(sum(run_tasks(_chunk_hits, args, workers=workers, progress=progress)))


@dataclass(frozen=True)
class RFSSEstimate:
    """Estimate of :math:`P_k(n, \\varepsilon)` (or of the single-target probability) for one law."""

    n: int
    k: int
    eps: float
    target_interval: list | None
    target: float | None
    target_exact: str
    dist: str
    density: float | None
    estimate: BinomialEstimate
    pilot: dict | None = None

    def to_dict(self) -> dict:
        e = self.estimate
        return {
            "n": self.n, "k": self.k, "eps": self.eps,
            "event": ("single target: exists |S|=k with |sum_S - z| < eps (strict)" if self.target is not None
                      else "every z in the interval: exists |S|=k with |sum_S - z| <= eps"),
            "target_interval": self.target_interval, "target": self.target, "target_exact": self.target_exact,
            "dist": self.dist, "density": self.density, "trials": e.trials, "successes": e.successes,
            "p_hat": e.p_hat, "ci_low": e.ci_low, "ci_high": e.ci_high, "confidence": e.confidence,
            "ci_method": e.method, "seed_entropy": e.seed_entropy, "chunk": CHUNK,
            "decision": "exact (float kernel with exact fallback)", "pilot": self.pilot,
        }


def estimate_fixed_probability(n: int, k: int, eps: float, *, interval=None, target=None, dist: str = "uniform",
                               density: float | None = None, trials: int | None = None,
                               half_width: float | None = None, confidence: float = 0.95, seed=None,
                               workers: int = 1, max_trials: int = 10**7, progress=None) -> RFSSEstimate:
    r"""Monte Carlo of the fixed-size coverage (or single-target) probability, Clopper–Pearson interval.

    Parameters
    ----------
    n : int >= 0
        Samples (before masking).
    k : int >= 1
        Subset size.
    eps : float > 0
    interval : (a, b) or None
        Target interval; default :math:`[-\sqrt k, \sqrt k]` (exact ends).  Ignored with ``target``.
    target : float or None
        A single target z: estimate RFSS Theorem 2's :math:`\Pr[\exists |S|=k: |\Sigma_S - z| < \varepsilon]`.
    dist : {"uniform", "mixture"}
    density : float in (0, 1] or None
        Keep probability of the random mask (None = no mask).
    trials, half_width, confidence, seed, workers
        As :func:`pybridge.rss.estimate_cover_probability` (half-width plans the count from a
        200-trial independent pilot).

    Raises
    ------
    InvalidArgument
        Bad n, k, eps, interval, density, law, trial counts.
    """
    n = check_int("n", n, min_value=0, max_value=MAX_N)
    k = check_int("k", k, min_value=1)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    get_rfss_law(dist)
    if density is not None:
        density = check_real("density", density, min_value=0.0, max_value=1.0, min_open=True)
    confidence = check_probability("confidence", confidence)
    if target is not None:
        z = check_real("target", target)
        tgt, strict, interval_out = point_target(z), True, None
    else:
        z = None
        tgt, strict = as_target(k, interval), False
        interval_out = tgt.display()
    if trials is not None and half_width is not None:
        raise InvalidArgument(f"give trials or half_width, not both (trials={trials}, half_width={half_width})")
    root = seeding.root_seed_sequence(seed)
    pilot = None
    if half_width is not None:
        half_width = check_real("half_width", half_width, min_value=0.0, max_value=0.5, min_open=True)
        ps = _run(dist, n, k, eps, tgt, density, strict, root, seeding.PILOT, PILOT_TRIALS, workers, None)
        lo, hi = clopper_pearson(ps, PILOT_TRIALS, confidence=confidence)
        trials = trials_for_half_width(half_width, confidence=confidence, p_low=lo, p_high=hi, max_trials=max_trials)
        pilot = {"successes": ps, "trials": PILOT_TRIALS, "planned_trials": trials, "half_width": half_width}
    elif trials is None:
        trials = 1000
    trials = check_int("trials", trials, min_value=1, max_value=max_trials)
    hits = _run(dist, n, k, eps, tgt, density, strict, root, seeding.MAIN, trials, workers, progress)
    est = BinomialEstimate.from_counts(hits, trials, confidence=confidence, seed_entropy=seeding.seed_entropy(root))
    return RFSSEstimate(n, k, eps, interval_out, z, str(tgt), dist, density, est, pilot)


# --------------------------------------------------------------------------- coupled curve in n


def _chunk_times(dist, n_max, k, eps, target, entropy, spawn_key, index, size, n_min):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, seeding.AUX, index)
    law = get_rfss_law(dist)
    tf = target.floats()
    out = []
    for _ in range(size):
        xs = law.sample(rng, n_max)
        out.append(first_true(lambda m: fixed_decide_float(xs[:m], k, eps, target, target_floats=tf),
                              max(n_min, k), n_max, gallop=False))
    return out


@dataclass(frozen=True, kw_only=True)
class FixedCoverageTimes(FirstSuccessTimes):
    r"""First covering sample size of each trial for one (law, k, ε, target)
    (:class:`pybridge.stats.first_passage.FirstSuccessTimes`).

    ``times[t]`` = smallest n whose first n samples cover with k-subsets; ``n_max + 1`` if none.
    """

    dist: str
    k: int
    eps: float
    target: str

    def to_dict(self) -> dict:
        ns = list(range(int(self.times.min(initial=self.n_max)), self.n_max + 1))
        return {"dist": self.dist, "k": self.k, "eps": self.eps, "target_interval": self.target,
                "n_max": self.n_max, "trials": self.trials, "seed_entropy": self.seed_entropy,
                "confidence": self.confidence,
                "curve": [{"n": n, "successes": self.successes(n)} for n in ns]}


def fixed_coverage_times(k: int, eps: float, *, n_max: int, trials: int, interval=None, dist: str = "uniform",
                         confidence: float = 0.95, seed=None, workers: int = 1, progress=None) -> FixedCoverageTimes:
    """Coupled estimates of :math:`P_k(n, \\varepsilon)` for all n <= ``n_max`` (see module docstring)."""
    k = check_int("k", k, min_value=1)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    n_max = check_int("n_max", n_max, min_value=k, max_value=2000)
    trials = check_int("trials", trials, min_value=1)
    get_rfss_law(dist)
    tgt = as_target(k, interval)
    root = seeding.root_seed_sequence(seed)
    n_min = counting_bound_n_fixed(k, Fraction(eps), tgt)
    args = [(dist, n_max, k, eps, tgt, root.entropy, tuple(root.spawn_key), i, s, n_min)
            for i, s in chunk_sizes(trials, CHUNK)]
    times = times_array(run_tasks(_chunk_times, args, workers=workers, progress=progress))
    return FixedCoverageTimes(times=times, n_max=n_max, seed_entropy=seeding.seed_entropy(root), confidence=confidence,
                              dist=dist, k=k, eps=eps, target=str(tgt))
