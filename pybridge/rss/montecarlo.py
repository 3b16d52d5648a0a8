r"""Monte Carlo of the random-subset-sum success probability :math:`P(n, \varepsilon)`.

:math:`P(n, \varepsilon) = \Pr[\forall z \in [a, b]\ \exists S \subseteq [n]:
|\Sigma_S - z| \le \varepsilon]` for i.i.d. samples from a :class:`~pybridge.rss.laws.Law`.
Each trial's event is *decided exactly* (:mod:`pybridge.rss.coverage`), never
estimated by sampling targets; the estimate carries a two-sided
Clopper–Pearson interval and the seed entropy.

Randomness: one root :class:`~numpy.random.SeedSequence` per run; trials are
split into fixed chunks of :data:`CHUNK` trials and chunk ``i`` draws from
``child_seed(root, MAIN, i)`` only, so results are bit-identical for any number
of workers.  A requested half-width fixes the trial count *up front* from an
independent pilot (namespace ``PILOT``): the final interval uses the main
trials only.

The threshold curve (:func:`coverage_times`) uses the monotonicity of coverage
in n (claim ``rss-subset-sum-monotone``): each trial draws one sequence
:math:`X_1, X_2, \dots` and records the first n at which its prefix covers
(binary search), which gives coupled estimates of :math:`P(n, \varepsilon)`
for every n at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from pybridge.runtime import seeding
from pybridge.validation import check_int, check_interval, check_interval_pair, check_probability, check_real
from pybridge.rss.coverage import covers_exact, kernel_unchecked, processing_order
from pybridge.errors import InvalidArgument
from pybridge.stats.estimate import BinomialEstimate, clopper_pearson, trials_for_half_width
from pybridge.rss.laws import get_law
from pybridge.stats.first_passage import FirstSuccessTimes, chunk_sizes, times_array
from pybridge.stats.monotone_search import first_true
from pybridge.runtime.parallel import run_tasks

__all__ = [
    "CHUNK",
    "RSSEstimate",
    "estimate_cover_probability",
    "CoverageTimes",
    "coverage_times",
    "counting_bound_n",
]

#: trials per chunk (fixed, so results do not depend on the number of workers)
CHUNK = 64
#: pilot trials used to plan a half-width request
PILOT_TRIALS = 200
#: largest sample size accepted (memory for one sample row and its decision stays small)
MAX_N = 1_000_000


def counting_bound_n(eps: float, a: float = -1.0, b: float = 1.0) -> int:
    r"""Smallest n not excluded by the counting bound :math:`2^n \cdot 2\varepsilon \ge b - a`.

    For smaller n no sample of any law covers (claim ``rss-counting-bound``).
    """
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    ratio = (b - a) / (2 * eps)
    if not math.isfinite(ratio):
        raise InvalidArgument(f"(b - a)/(2 eps) overflows a float, got eps={eps!r}, a={a!r}, b={b!r}")
    if ratio <= 1.0:  # one interval of radius eps already spans [a, b] (also when the ratio underflows to 0)
        return 0
    n = max(0, math.ceil(math.log2(ratio)))
    while n > 0 and (2.0**(n - 1)) * 2 * eps >= b - a:
        n -= 1
    while (2.0**n) * 2 * eps < b - a:
        n += 1
    return n


def _decide(xs: np.ndarray, eps: float, a: float, b: float) -> bool:
    status, _ = kernel_unchecked(np.ascontiguousarray(xs[processing_order(xs)]), eps, a, b)
    if status < 0:  # near-tie or interval cap: exact mode decides (or raises ResourceLimitError)
        return covers_exact(xs.tolist(), eps, a, b)
    return bool(status)


def _chunk_successes(dist, n, eps, a, b, entropy, spawn_key, namespace, index, size, density=None):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, namespace, index)
    law = get_law(dist)
    hits = 0
    for _ in range(size):
        xs = law.sample(rng, n)
        if density is not None:  # random mask from the trial's own generator, after its samples
            xs = xs[rng.random(n) < density]
        hits += _decide(xs, eps, a, b)
    return hits


def _run_trials(dist, n, eps, a, b, root, namespace, trials, workers, progress, density=None):
    chunks = chunk_sizes(trials, CHUNK)
    args = [
        (dist, n, eps, a, b, root.entropy, tuple(root.spawn_key), namespace, i, size, density) for i, size in chunks
    ]
    return int(sum(run_tasks(_chunk_successes, args, workers=workers, progress=progress)))


@dataclass(frozen=True)
class RSSEstimate:
    """Estimate of :math:`P(n, \varepsilon)` on ``[a, b]`` for one law.

    Attributes
    ----------
    n : int
    eps : float
    interval : tuple of float
        The target interval ``(a, b)`` (convention reported with every number).
    dist : str
        Law name (see :data:`pybridge.rss.laws.LAWS`).
    estimate : BinomialEstimate
        Successes, trials, Clopper–Pearson interval, confidence, seed entropy.
    pilot : dict or None
        When a half-width was requested: pilot successes/trials and the planned count.
    """

    n: int
    eps: float
    interval: tuple
    dist: str
    estimate: BinomialEstimate
    pilot: dict | None = None
    density: float | None = None

    def to_dict(self) -> dict:
        e = self.estimate
        return {
            "n": self.n,
            "eps": self.eps,
            "target_interval": list(self.interval),
            "interval": list(self.interval),  # deprecated alias of target_interval (kept for one release)
            "dist": self.dist,
            "trials": e.trials,
            "successes": e.successes,
            "p_hat": e.p_hat,
            "ci_low": e.ci_low,
            "ci_high": e.ci_high,
            "confidence": e.confidence,
            "ci_method": e.method,
            "seed_entropy": e.seed_entropy,
            "chunk": CHUNK,
            "decision": "exact (float kernel with exact fallback)",
            "pilot": self.pilot,
            "density": self.density,
        }


def _check_estimate_args(n, eps, interval, dist, density, confidence, max_trials, trials, half_width):
    """The arguments of :func:`estimate_cover_probability`, validated (``trials``/``half_width`` for exclusion)."""
    n = check_int("n", n, min_value=0, max_value=MAX_N)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval_pair(interval)
    get_law(dist)
    if density is not None:
        density = check_real("density", density, min_value=0.0, max_value=1.0, min_open=True)
    confidence = check_probability("confidence", confidence)
    max_trials = check_int("max_trials", max_trials, min_value=1)
    if trials is not None and half_width is not None:
        raise InvalidArgument(f"give trials or half_width, not both (trials={trials}, half_width={half_width})")
    return n, eps, a, b, density, confidence, max_trials


def _pilot_plan(dist, n, eps, a, b, root, workers, density, half_width, confidence, max_trials):
    """Trial count for a half-width request, fixed from PILOT_TRIALS independent pilot trials (namespace PILOT);
    returns ``(trials, pilot record)``."""
    half_width = check_real("half_width", half_width, min_value=0.0, max_value=0.5, min_open=True)
    ps = _run_trials(dist, n, eps, a, b, root, seeding.PILOT, PILOT_TRIALS, workers, None, density)
    p_lo, p_hi = clopper_pearson(ps, PILOT_TRIALS, confidence=confidence)
    trials = trials_for_half_width(half_width, confidence=confidence, p_low=p_lo, p_high=p_hi, max_trials=max_trials)
    return trials, {"successes": ps, "trials": PILOT_TRIALS, "planned_trials": trials, "half_width": half_width}


def estimate_cover_probability(n: int, eps: float, *, interval=(-1.0, 1.0), dist: str = "uniform",
                               trials: int | None = None, half_width: float | None = None, confidence: float = 0.95,
                               seed=None, workers: int = 1, max_trials: int = 10**7, progress=None,
                               density: float | None = None, on_plan=None) -> RSSEstimate:
    r"""Monte Carlo estimate of :math:`P(n, \varepsilon)` with a Clopper–Pearson interval.

    Parameters
    ----------
    n : int >= 0
        Number of samples.
    eps : float > 0
        Radius.
    interval : (a, b), default (-1, 1)
        Target interval.
    dist : {"uniform", "normal", "product", "pensia"} or a registered law
    trials : int, optional
        Fixed number of trials (default 1000 when ``half_width`` is not given).
    half_width : float, optional
        Requested interval half-width: the trial count is fixed up front from an
        independent pilot of 200 trials (never by watching the interval shrink).
    confidence : float, default 0.95
        Two-sided confidence of the interval.
    seed : int, SeedSequence or None
        Root seed; ``None`` draws fresh entropy (recorded in the result).
    workers : int, default 1
        Worker processes; the result does not depend on it.
    density : float in (0, 1] or None
        Random (Erdős–Rényi) mask: each sample is kept independently with probability
        ``density`` (the keep probability, as ``bernoulli_(p)`` in Gadhikar et al.'s code;
        sparsity = 1 - density), drawn from the trial's own generator; success means the kept
        samples eps-cover [a, b] (claim ``masks-mixture-identity``).

    Returns
    -------
    RSSEstimate

    Raises
    ------
    InvalidArgument
        n < 0, eps <= 0 or not finite, a >= b, trials <= 0, unknown law, bad half-width.

    Notes
    -----
    Claims ``rss-counting-bound`` (for :math:`2^n 2\varepsilon < b - a` the
    successes are exactly 0) and ``rss-log-sample-size``.  Sources: Lueker 1998
    Cor. 2.5 (READ-2ND), Pensia et al. arXiv 2006.07990v2 Cor. 2 (READ-2ND);
    theory §1.
    """
    n, eps, a, b, density, confidence, max_trials = _check_estimate_args(n, eps, interval, dist, density, confidence,
                                                                          max_trials, trials, half_width)
    root = seeding.root_seed_sequence(seed)
    pilot = None
    if half_width is not None:
        trials, pilot = _pilot_plan(dist, n, eps, a, b, root, workers, density, half_width, confidence, max_trials)
        if on_plan is not None:
            on_plan(trials, pilot["successes"])
    elif trials is None:
        trials = 1000
    trials = check_int("trials", trials, min_value=1, max_value=max_trials)
    hits = _run_trials(dist, n, eps, a, b, root, seeding.MAIN, trials, workers, progress, density)
    est = BinomialEstimate.from_counts(hits, trials, confidence=confidence, seed_entropy=seeding.seed_entropy(root))
    return RSSEstimate(n, eps, (a, b), dist, est, pilot, density)


# --------------------------------------------------------------------------- coupled threshold curve


def _first_cover(xs: np.ndarray, eps: float, a: float, b: float, n_min: int) -> int:
    """Smallest n with covers(xs[:n]) (monotone in n), or len(xs)+1."""
    return first_true(lambda n: _decide(xs[:n], eps, a, b), n_min, xs.size, gallop=False)


def _chunk_times(dist, n_max, eps, a, b, entropy, spawn_key, index, size, n_min):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, seeding.AUX, index)
    law = get_law(dist)
    return [_first_cover(law.sample(rng, n_max), eps, a, b, n_min) for _ in range(size)]


@dataclass(frozen=True, kw_only=True)
class CoverageTimes(FirstSuccessTimes):
    r"""First covering sample size of each trial, for one (law, eps, interval)
    (:class:`pybridge.stats.first_passage.FirstSuccessTimes`: ``times[t]`` = smallest n whose prefix covers,
    ``n_max + 1`` if none does; ``successes``, ``estimate``, ``threshold``).

    ``root`` is the run's SeedSequence (:meth:`trial_samples` regenerates a trial's samples from it).
    """

    dist: str
    eps: float
    interval: tuple
    root: object = field(default=None, repr=False, compare=False)

    def trial_samples(self, t: int) -> np.ndarray:
        """The samples ``X_1..X_{n_max}`` of trial ``t``, regenerated from the run's SeedSequence (bit-identical)."""
        t = check_int("t", t, min_value=0, max_value=self.trials - 1)
        if self.root is None:
            raise InvalidArgument("trial_samples needs the run's root SeedSequence (root=None)")
        rng = seeding.child_rng(self.root, seeding.AUX, t // CHUNK)
        law = get_law(self.dist)
        for _ in range(t % CHUNK):
            law.sample(rng, self.n_max)
        return law.sample(rng, self.n_max)

    def to_dict(self) -> dict:
        ns = list(range(int(self.times.min(initial=self.n_max)), self.n_max + 1))
        return {
            "dist": self.dist,
            "eps": self.eps,
            "interval": list(self.interval),
            "n_max": self.n_max,
            "trials": self.trials,
            "seed_entropy": self.seed_entropy,
            "confidence": self.confidence,
            "curve": [{"n": n, **{k: v for k, v in self.estimate(n).to_dict().items() if k != "seed_entropy"}}
                      for n in ns],
        }


def coverage_times(
    eps: float,
    *,
    n_max: int,
    trials: int,
    interval=(-1.0, 1.0),
    dist: str = "uniform",
    confidence: float = 0.95,
    seed=None,
    workers: int = 1,
    progress=None,
) -> CoverageTimes:
    r"""Coupled estimates of :math:`P(n, \varepsilon)` for all n <= ``n_max``.

    Each trial draws :math:`X_1..X_{n_{max}}` once and records the first n whose
    prefix covers (binary search, valid because coverage is monotone in n —
    claim ``rss-subset-sum-monotone``).  ``successes(n)`` is then exact for every n.
    """
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval_pair(interval)
    n_max = check_int("n_max", n_max, min_value=1, max_value=200)
    trials = check_int("trials", trials, min_value=1, max_value=10**7)
    get_law(dist)
    root = seeding.root_seed_sequence(seed)
    n_min = counting_bound_n(eps, a, b)
    args = [(dist, n_max, eps, a, b, root.entropy, tuple(root.spawn_key), i, size, n_min)
            for i, size in chunk_sizes(trials, CHUNK)]
    times = times_array(run_tasks(_chunk_times, args, workers=workers, progress=progress))
    return CoverageTimes(times=times, n_max=n_max, seed_entropy=seeding.seed_entropy(root), confidence=confidence,
                         dist=dist, eps=eps, interval=(a, b), root=root)
