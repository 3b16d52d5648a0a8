r"""Rare-event estimation of the RSS failure probability by generalized splitting.

Target: :math:`q(n, \varepsilon) = \Pr[\rho(X_1..X_n; [a, b]) > \varepsilon]` for
:math:`X_i` i.i.d. from a registered law (:math:`\rho` = covering radius, so this is
:math:`1 - P(n, \varepsilon)`), down to :math:`q \approx 10^{-9}` (issue 14).

Method: **generalized splitting** (GS; Botev & Kroese, *Efficient Monte Carlo
simulation via the generalized splitting method*, Stat. Comput. 22 (2012) 1–16,
Algorithm "GS with fixed levels and splitting factors"), which is **unbiased** for
any Markov kernels that leave the conditional laws invariant, with levels and
splitting factors fixed before the main runs by an independent adaptive pilot.

Levels.  Coverage is monotone in the number of samples (claim
``rss-subset-sum-monotone``), so the radii of the prefixes
:math:`\rho_m = \rho(X_1..X_m)` are non-increasing in m and the events
:math:`A_t = \{\rho_{m_t} > \varepsilon\}` for prefix lengths
:math:`m_1 < \dots < m_T = n` are nested, with :math:`A_T` the failure event.
The importance function is the first covering prefix length
:math:`\tau(X) = \min\{m : \rho_m \le \varepsilon\}` (:math:`A_t = \{\tau > m_t\}`),
an integer score; the integer ties are harmless because GS uses fixed levels.
*Why not levels on the full-sample radius* :math:`\rho_n` *at fixed n*:
resolving :math:`\rho_n` below a level costs a decision at that level, and at
n = 48 the typical radius is near :math:`10^{-12}` while already
:math:`\Pr[\rho_{48} > 10^{-5}] < 1/4000` (measured); a decision at
:math:`10^{-6}` takes ~50 ms and at :math:`10^{-8}` exceeds the interval cap.
Prefix levels need decisions at the target :math:`\varepsilon` only (~10 µs at
:math:`\varepsilon = 10^{-2}`).

Kernel at level t (leaves :math:`f^{\otimes n}(\cdot \mid A_t)` invariant):
resample the free coordinates :math:`X_{m_t+1..n}` exactly from the law, then
``updates`` random-scan Metropolis-within-Gibbs updates of one coordinate
:math:`i \le m_t` with an independent proposal from the law, accepted iff the
prefix still fails (:math:`\rho_{m_t} > \varepsilon`, decided exactly).  Each
update is reversible for the restricted law.

One GS run: draw :math:`X \sim f^{\otimes n}`; if :math:`X \in A_1` it is the one
particle of level 1.  For t = 1..T-1 each particle starts a chain of
:math:`K = \lfloor s_t \rfloor + \mathrm{Bernoulli}(s_t - \lfloor s_t \rfloor)` kernel
steps; the chain states in :math:`A_{t+1}` are the particles of level t+1.
The run returns :math:`N_T / \prod_t s_t`, an unbiased estimate of q.

Replications are chunks: replication r (``runs`` GS runs) draws only from
``child_rng(root, MAIN, r)``; the pilot from ``PILOT``, the planning
replications for a relative-error request from ``AUX``.  So every result is
bit-identical for any number of workers.  The confidence interval is the
**Student t interval over independent replications** (scipy.stats.t), clipped at 0;
it is asymptotic (valid as each replication mean becomes normal) and its
empirical coverage is checked (claim ``rare-ci-coverage``).

Maintained implementations considered (package lists, 2026-12).  **UQpy 4.2**
``reliability.SubsetSimulation`` (source read): adaptive quantile levels with the estimator
:math:`p_0^{L} \cdot N_{fail}/N`, which assumes that exactly :math:`p_0 N` samples pass each
level -- wrong for our integer score with heavy ties (and biased at O(1/N) even for a continuous
score); conditional moves through a generic UQpy MCMC class proposing in the input space (no
conditional Gibbs move with an exact decision), its unchanged-state test compares only the first two
coordinates; one ``random_state`` stream (int or ``RandomState``), not per-replication SeedSequence
children; its CoV is one run's asymptotic formula; every evaluation goes through ``RunModel``.
OpenTURNS ``SubsetSampling`` follows the same adaptive-quantile scheme with a global
``RandomGenerator`` state (not evaluated further); ``pytams`` 1.0 is trajectory-AMS for dynamical
systems; ``rareeventestimation`` 0.3 (2023) targets continuous limit-state functions.  None fits,
so GS is written here (about 200 lines): unbiased with fixed levels, exact decisions in the move,
replications as chunks on our SeedSequence children.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.rfss import as_target, counting_bound_n_fixed, fixed_decide_float
from pybridge.rss import Law, counting_bound_n, covers_exact, get_law, prefix_covers_status
from pybridge.runtime import seeding
from pybridge.stats.monotone_search import first_true
from pybridge.runtime.parallel import run_tasks
from pybridge.validation import (check_bool, check_int, check_interval, check_interval_pair, check_probability,
                                 check_real, check_rng, check_samples)
from pybridge.kernels.interval_union import gibbs_updates
from pybridge.rare.loo import LooCounters, loo_step

__all__ = ["LevelPlan", "RareEstimate", "plan_levels", "estimate_failure_probability", "first_cover_length",
           "METHOD", "CI_METHOD"]

METHOD = ("generalized splitting (Botev & Kroese 2012), fixed levels on prefix covering radii "
          "(rho(X_1..X_m) > eps), Metropolis-within-Gibbs moves, exact decisions")
#: the same method with the leave-one-out kernel (``move="loo"``, :mod:`pybridge.rare.loo`)
METHOD_LOO = ("generalized splitting (Botev & Kroese 2012), fixed levels on prefix covering radii "
              "(rho(X_1..X_m) > eps), leave-one-out Metropolis-within-Gibbs moves (one union pass per "
              "updated coordinate, several proposals per coordinate), exact decisions")
MOVES = ("gibbs", "loo")
CI_METHOD = "student-t over independent replications"
#: largest number of particles one GS run may hold (a guard against a bad level plan)
MAX_PARTICLES = 20_000
#: largest splitting factor
MAX_SPLIT = 200.0
MAX_N = 400
#: independent replications (namespace AUX) that plan the count for a relative-error request
PLANNING_REPLICATIONS = 30
#: replications when neither ``replications`` nor ``rel_error`` is given
DEFAULT_REPLICATIONS = 20
#: fewest replications a relative-error plan asks for (its t interval needs a few degrees of freedom)
MIN_PLANNED_REPLICATIONS = 10
#: floor of a pilot fraction before it is inverted into a splitting factor (a zero fraction gets MAX_SPLIT)
FRACTION_FLOOR = 1e-300


@dataclass(frozen=True, kw_only=True)
class PlannerSettings:
    r"""How the pilot planners continue when the pilot dies out before n (both planners use :data:`PLANNER`).

    The levels past the last one the pilot reached are placed with a per-sample survival ``rate``: the
    geometric mean of the pilot's measured conditional fractions (per sample), clipped to
    ``[min_rate, max_rate]``, or ``fallback_rate`` when the pilot measured no decay.  These choose only
    levels and factors, so the estimate stays unbiased for any values (GS with fixed levels).

    Attributes
    ----------
    fallback_rate : float, default 0.5
        Per-sample survival assumed when no measured fraction is available.
    min_rate : float, default 1e-3
        Smallest rate used (a splitting factor of at most 1000 per sample before the MAX_SPLIT cap).
    max_rate : float, default 0.9
        Largest rate used (every extrapolated level still splits by at least 1/0.9 per sample).
    """

    fallback_rate: float = 0.5
    min_rate: float = 1e-3
    max_rate: float = 0.9

    def rate(self, product: float, span: int) -> float:
        """The clipped per-sample rate from the product of the measured fractions over ``span`` samples."""
        rate = product ** (1.0 / span) if span > 0 else self.fallback_rate
        return min(max(rate, self.min_rate), self.max_rate)


#: the planners' settings
PLANNER = PlannerSettings()


def _split_factors(fracs) -> tuple:
    """Splitting factors 1/p of the conditional fractions after the first, in [1, MAX_SPLIT]."""
    return tuple(float(min(MAX_SPLIT, max(1.0, 1.0 / max(f, FRACTION_FLOOR)))) for f in fracs[1:])


def _fails(x: np.ndarray, m: int, eps: float, a: float, b: float, fixed=None) -> bool:
    """Exact: the prefix x[:m] does not cover [a, b] at eps (rho(x[:m]) > eps).

    ``fixed = (k, target, target_floats)``: the fixed-size event instead (no k-subset of x[:m] within
    eps of some z of the target; :func:`pybridge.rfss.fixed_decide_float`, exact fallback).
    """
    if fixed is not None:
        return not fixed_decide_float(x[:m], fixed[0], eps, fixed[1], target_floats=fixed[2])
    status = prefix_covers_status(x, m, eps, a, b)
    if status < 0:  # near-tie (or interval cap): the exact decision (raises ResourceLimitError if too big)
        return not covers_exact(x[:m].tolist(), eps, a, b)
    return status == 0


def first_cover_length(x: np.ndarray, eps: float, a: float, b: float, lo: int = 0, fixed=None) -> int:
    r"""Smallest m >= ``lo`` whose prefix covers (:math:`\rho_m \le \varepsilon`), or ``len(x) + 1``.

    Requires that no prefix shorter than ``lo`` covers (binary search, monotone in m).
    """
    if not (isinstance(x, np.ndarray) and x.ndim == 1 and x.dtype == np.float64):
        x = check_samples("x", x)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    lo = check_int("lo", lo, min_value=0, max_value=x.size)
    if fixed is not None:
        fixed = _check_fixed(fixed)
    return first_true(lambda m: not _fails(x, m, eps, a, b, fixed), lo, x.size, gallop=False)


def _check_fixed(fixed):
    """``fixed = (k, target, target.floats())`` of the fixed-size event (see :func:`_fails`)."""
    from pybridge.rfss import Target

    if not (isinstance(fixed, tuple) and len(fixed) == 3 and isinstance(fixed[1], Target)):
        raise InvalidType(f"fixed must be (k, Target, Target.floats()), got fixed={fixed!r}")
    return (check_int("fixed[0]", fixed[0], min_value=1), fixed[1], fixed[1].floats())


@dataclass
class _Counters:
    proposals: int = 0
    accepted: int = 0
    decisions: int = 0
    loo: LooCounters | None = None

    def add(self, other: "_Counters"):
        self.proposals += other.proposals
        self.accepted += other.accepted
        self.decisions += other.decisions


def _move(x, m, eps, a, b, law, rng, updates, cnt: _Counters, fixed=None):
    """One kernel step at level m (in place): fresh free coordinates, then Gibbs updates of x[:m]."""
    n = x.size
    if m < n:
        x[m:] = law.draw(rng, n - m)
    idx = rng.integers(0, m, size=updates)
    props = np.asarray(law.draw(rng, updates), dtype=np.float64)
    cnt.proposals += updates
    cnt.decisions += updates
    if fixed is not None:  # fixed-size events: the same Gibbs updates, decided by the RFSS engine
        for i, v in zip(idx, props):
            old = x[i]
            x[i] = v
            if _fails(x, m, eps, a, b, fixed):
                cnt.accepted += 1
            else:
                x[i] = old
        return
    k = 0
    while k < updates:
        k, acc = gibbs_updates(x, m, idx, props, k, eps, a, b)
        cnt.accepted += acc
        if k < updates:  # near-tie at update k (not applied yet): decide it exactly
            i = idx[k]
            old = x[i]
            x[i] = props[k]
            if not covers_exact(x[:m].tolist(), eps, a, b):
                cnt.accepted += 1
            else:
                x[i] = old
            k += 1


@dataclass(frozen=True)
class LevelPlan:
    r"""Fixed levels and splitting factors for GS (from an independent adaptive pilot).

    Attributes
    ----------
    levels : tuple of int
        Prefix lengths :math:`m_1 < \dots < m_T = n`; level t is :math:`\rho_{m_t} > \varepsilon`.
    split : tuple of float
        Splitting factors :math:`s_1..s_{T-1}` (:math:`1/\hat p_{t+1|t}` of the pilot, in [1, 200]).
    pilot_fractions : tuple of float
        Pilot conditional fractions :math:`\hat p_1, \hat p_{2|1}, \dots` (adaptive, so their product
        is biased at O(1/N); it is reported as ``pilot_estimate`` and never as the result).
    extrapolated : int
        Number of trailing levels whose factor was extrapolated (pilot died out before n).
    """

    levels: tuple
    split: tuple
    pilot_fractions: tuple
    pilot_particles: int
    extrapolated: int = 0

    @property
    def pilot_estimate(self) -> float:
        return float(np.prod(self.pilot_fractions)) if self.pilot_fractions else float("nan")

    def to_dict(self) -> dict:
        return {"levels": list(self.levels), "split": [float(s) for s in self.split],
                "pilot_fractions": [float(p) for p in self.pilot_fractions],
                "pilot_particles": self.pilot_particles, "pilot_estimate": self.pilot_estimate,
                "extrapolated_levels": self.extrapolated}


def _check_plan_args(n, eps, a, b, law, rng, particles, p0, updates, steps, every_level, fixed, move, tries):
    """The arguments of :func:`plan_levels`, validated (``move`` checked only)."""
    n = check_int("n", n, min_value=1, max_value=MAX_N)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    if not isinstance(law, Law):
        raise InvalidType(f"law must be a pybridge.rss.Law (get_law(name)), got law={law!r}")
    rng = check_rng("rng", rng, allow_none=False)
    particles = check_int("particles", particles, min_value=2, max_value=10**6)
    p0 = check_probability("p0", p0)
    updates = check_int("updates", updates, min_value=1, max_value=10**4)
    steps = check_int("steps", steps, min_value=1, max_value=10**4)
    every_level = check_bool("every_level", every_level)
    if fixed is not None:
        fixed = _check_fixed(fixed)
    if not isinstance(move, str) or move not in MOVES:
        raise InvalidArgument(f"move must be one of {MOVES}, got move={move!r:.60}")
    tries = check_int("tries", tries, min_value=1, max_value=10**4)
    return n, eps, a, b, rng, particles, p0, updates, steps, every_level, fixed, tries


def plan_levels(n, eps, a, b, law, rng, *, particles=200, p0=0.1, updates=8, steps=1,
                every_level=False, fixed=None, move="gibbs", tries=4) -> LevelPlan:
    r"""Adaptive fixed-effort pilot choosing the levels :math:`m_t` and the factors :math:`s_t`.

    Level t+1 is the largest prefix length whose surviving fraction is still :math:`\ge p_0`
    (at least one more sample than level t); with ``every_level`` every prefix length from the
    first level to n is a level (so one run estimates :math:`q(m, \varepsilon)` for every m).
    Survivors are resampled to ``particles`` and moved ``steps`` kernel steps before scoring the
    next level.  Only the levels and factors are kept: the pilot's own product of fractions is
    adaptive (biased at O(1/N)) and is reported, never used as the estimate.
    With ``move="loo"`` (every level only) each survivor makes one leave-one-out kernel step, whose
    exact level check scores the next level (no binary search).
    """
    n, eps, a, b, rng, particles, p0, updates, steps, every_level, fixed, tries = _check_plan_args(
        n, eps, a, b, law, rng, particles, p0, updates, steps, every_level, fixed, move, tries)
    if move == "loo" and fixed is None and every_level:
        return _plan_levels_loo(n, eps, a, b, law, rng, particles=particles, p0=p0, coords=updates, tries=tries)
    m_min = max(1, counting_bound_n(eps, a, b) if fixed is None else counting_bound_n_fixed(fixed[0], eps, fixed[1]))
    X = np.asarray(law.draw(rng, (particles, n)), dtype=np.float64).reshape(particles, n)
    T = np.array([first_cover_length(x, eps, a, b, m_min, fixed) for x in X])
    levels, fracs = [], []
    m_prev = m_min - 1
    cnt = _Counters()
    while True:
        m = m_prev + 1
        while m < n and (not every_level or not levels) and np.count_nonzero(T > m + 1) >= p0 * particles:
            m += 1
        frac = np.count_nonzero(T > m) / particles
        levels.append(m)
        fracs.append(frac)
        if m >= n or frac == 0:
            break
        alive = np.flatnonzero(T > m)
        X = X[alive[rng.integers(0, alive.size, size=particles)]].copy()
        for x in X:
            for _ in range(steps):
                _move(x, m, eps, a, b, law, rng, updates, cnt, fixed)
        T = np.array([first_cover_length(x, eps, a, b, m + 1, fixed) for x in X])
        m_prev = m
    extrapolated = _extrapolate(levels, fracs, n, p0, every_level) if levels[-1] < n else 0
    return LevelPlan(tuple(int(v) for v in levels), _split_factors(fracs), tuple(float(f) for f in fracs),
                     int(particles), extrapolated)


def _extrapolate(levels: list, fracs: list, n: int, p0: float, every_level: bool) -> int:
    """The pilot died out before n: continue the levels (in place) with the mean per-sample decay measured
    so far (:class:`PlannerSettings`); returns the number of extrapolated levels."""
    good = [(lv, f) for lv, f in zip(levels[1:], fracs[1:]) if f > 0]
    span = (good[-1][0] - levels[0]) if good else 0
    rate = PLANNER.rate(float(np.prod([f for _, f in good])), span)
    step = 1 if every_level else max(1, int(round(math.log(p0) / math.log(rate))))
    fracs[-1] = rate ** (levels[-1] - levels[-2]) if len(levels) > 1 else rate
    m = levels[-1]
    extrapolated = 1
    while m < n:
        nxt = min(n, m + step)
        levels.append(nxt)
        fracs.append(rate ** (nxt - m))
        m = nxt
        extrapolated += 1
    return extrapolated


def _plan_levels_loo(n, eps, a, b, law, rng, *, particles, p0, coords, tries) -> LevelPlan:
    """Every-level pilot with the leave-one-out kernel (see :func:`plan_levels`)."""
    m_min = max(1, counting_bound_n(eps, a, b))
    X = np.asarray(law.draw(rng, (particles, n)), dtype=np.float64).reshape(particles, n)
    T = np.array([first_cover_length(x, eps, a, b, m_min) for x in X])
    m = m_min
    while m < n and np.count_nonzero(T > m + 1) >= p0 * particles:
        m += 1
    levels, fracs = [m], [np.count_nonzero(T > m) / particles]
    alive_mask = T > m
    cnt = LooCounters()
    while levels[-1] < n and fracs[-1] > 0:
        alive = np.flatnonzero(alive_mask)
        X = X[alive[rng.integers(0, alive.size, size=particles)]].copy()
        alive_mask = np.array([loo_step(x, m, m + 1, eps, a, b, law, rng, coords, tries, cnt)[2] for x in X])
        m += 1
        levels.append(m)
        fracs.append(np.count_nonzero(alive_mask) / particles)
    extrapolated = 0
    if levels[-1] < n or fracs[-1] == 0:  # pilot died out: the mean per-sample decay measured so far
        good = [f for f in fracs[1:] if f > 0]
        rate = PLANNER.rate(float(np.prod(good)), len(good))
        if fracs[-1] == 0:
            fracs[-1] = rate
            extrapolated += 1
        while levels[-1] < n:
            levels.append(levels[-1] + 1)
            fracs.append(rate)
            extrapolated += 1
    split = _split_factors(fracs)
    return LevelPlan(tuple(int(v) for v in levels), split, tuple(float(f) for f in fracs), int(particles),
                     extrapolated)


def _gs_run(x0, plan: LevelPlan, eps, a, b, law, rng, updates, cnt: _Counters, level_counts, fixed=None,
            move="gibbs", tries=4):
    """One GS run from the sample x0; returns N_T (the estimate is N_T / prod(split))."""
    cnt.decisions += 1
    if not _fails(x0, plan.levels[0], eps, a, b, fixed):
        return 0
    particles = [x0]
    level_counts[0] += 1
    for t in range(len(plan.levels) - 1):
        m, m_next, s = plan.levels[t], plan.levels[t + 1], plan.split[t]
        new = []
        for y in particles:
            k = int(math.floor(s)) + int(rng.random() < s - math.floor(s))
            z = y.copy()
            for _ in range(k):
                if move == "loo":
                    props, acc, fails = loo_step(z, m, m_next, eps, a, b, law, rng, updates, tries, cnt.loo)
                    cnt.proposals += props
                    cnt.accepted += acc
                    cnt.decisions += props + 1
                    if fails:
                        new.append(z.copy())
                    continue
                _move(z, m, eps, a, b, law, rng, updates, cnt, fixed)
                cnt.decisions += 1
                if _fails(z, m_next, eps, a, b, fixed):
                    new.append(z.copy())
            if len(new) > MAX_PARTICLES:
                raise ResourceLimitError(f"splitting population exceeded {MAX_PARTICLES:,} particles at level "
                                         f"m={m_next}: the level plan is unsuitable (levels={plan.levels})")
        particles = new
        level_counts[t + 1] += len(particles)
        if not particles:
            return 0
    return len(particles)


def _fixed_spec(fixed_size):
    if fixed_size is None:
        return None
    target = as_target(fixed_size)
    return (fixed_size, target, target.floats())


def _replication(dist, n, eps, a, b, plan_d, entropy, spawn_key, namespace, index, runs, updates, fixed_size=None,
                 move="gibbs", tries=4):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    rng = seeding.child_rng(root, namespace, index)
    law = get_law(dist)
    plan = LevelPlan(tuple(plan_d["levels"]), tuple(plan_d["split"]), (), 0)
    cnt = _Counters(loo=LooCounters() if move == "loo" else None)
    level_counts = [0] * len(plan.levels)
    total = 0
    fixed = _fixed_spec(fixed_size)
    for _ in range(runs):
        total += _gs_run(law.sample(rng, n), plan, eps, a, b, law, rng, updates, cnt, level_counts, fixed, move,
                         tries)
    out = {"hits": total, "level_counts": level_counts, "proposals": cnt.proposals, "accepted": cnt.accepted,
           "decisions": cnt.decisions}
    if cnt.loo is not None:
        out.update(union_passes=cnt.loo.passes, merges=cnt.loo.merges, exact_fallbacks=cnt.loo.exact)
    return out


@dataclass(frozen=True)
class RareEstimate:
    r"""Estimate of :math:`q(n, \varepsilon) = \Pr[\rho > \varepsilon]` by generalized splitting.

    ``q_hat`` is the mean of the replication estimates (each unbiased); ``[ci_low, ci_high]`` the
    Student t interval over replications at ``confidence`` (two-sided), clipped at 0.
    """

    n: int
    eps: float
    dist: str
    target_interval: tuple
    q_hat: float
    ci_low: float
    ci_high: float
    confidence: float
    replications: int
    runs_per_replication: int
    updates: int
    plan: LevelPlan
    replication_estimates: tuple
    level_counts: tuple
    proposals: int
    accepted: int
    decisions: int
    seed_entropy: str
    planning: dict | None = field(default=None)
    level_estimates: tuple = ()
    #: per replication, per level: the unbiased estimate of q(m_t, eps) (shape (replications, levels))
    rep_level_estimates: tuple = ()
    #: k for the fixed-size event (RFSS), None for plain RSS coverage
    fixed_size: int | None = None
    #: kernel: "gibbs" (default) or "loo" (with its proposals per coordinate and work counters)
    move: str = "gibbs"
    tries: int | None = None
    loo_work: dict | None = None

    @property
    def relative_half_width(self) -> float:
        return (self.ci_high - self.ci_low) / 2 / self.q_hat if self.q_hat > 0 else float("inf")

    @property
    def nonzero_replications(self) -> int:
        return sum(1 for v in self.replication_estimates if v > 0)

    def to_dict(self) -> dict:
        return {
            "n": self.n, "eps": self.eps, "dist": self.dist, "target_interval": list(self.target_interval),
            "q_hat": self.q_hat, "ci_low": self.ci_low, "ci_high": self.ci_high, "confidence": self.confidence,
            "relative_half_width": self.relative_half_width,
            "method": METHOD if self.replications else "exact (counting bound: q = 1)",
            "ci_method": CI_METHOD if self.replications else "exact", "unbiased": True,
            "replications": self.replications, "runs_per_replication": self.runs_per_replication,
            "nonzero_replications": self.nonzero_replications,
            "gibbs_updates_per_step": self.updates, **self.plan.to_dict(),
            "particles_per_level": list(self.level_counts),
            "moves": self.proposals, "accepted": self.accepted,
            "acceptance_rate": self.accepted / self.proposals if self.proposals else None,
            "decisions": self.decisions,
            "replication_estimates": list(self.replication_estimates),
            "seed_entropy": self.seed_entropy, "planning": self.planning,
            "level_estimates": list(self.level_estimates),
            "fixed_size": self.fixed_size,
            **({"method": METHOD_LOO, "move": "loo", "proposals_per_coordinate": self.tries,
                "coordinates_per_step": self.updates, **(self.loo_work or {})} if self.move == "loo" else {}),
        }

    def tail(self) -> list[dict]:
        r"""Per-level estimates :math:`\hat q(m_t, \varepsilon)` (each unbiased; t intervals; correlated)."""
        return list(self.level_estimates)


def t_interval(values, confidence: float) -> tuple[float, float, float]:
    """Mean and two-sided Student t interval (clipped at 0) of independent replication estimates."""
    v = np.asarray(values, dtype=float)
    mean = float(v.mean())
    if v.size < 2:
        return mean, 0.0, math.inf
    se = float(v.std(ddof=1)) / math.sqrt(v.size)
    t = float(stats.t.ppf(0.5 + confidence / 2, v.size - 1))
    return mean, max(0.0, mean - t * se), mean + t * se


def _run_reps(dist, n, eps, a, b, plan, root, namespace, count, runs, updates, workers, progress, fixed_size=None,
              move="gibbs", tries=4):
    plan_d = {"levels": list(plan.levels), "split": list(plan.split)}
    extra = () if move == "gibbs" else (move, tries)
    args = [(dist, n, eps, a, b, plan_d, root.entropy, tuple(root.spawn_key), namespace, r, runs, updates, fixed_size,
             *extra) for r in range(count)]
    return run_tasks(_replication, args, workers=workers, progress=progress)


def estimate_failure_probability(n: int, eps: float, *, dist: str = "uniform", interval=(-1.0, 1.0),
                                 replications: int | None = None, rel_error: float | None = None, runs: int = 100,
                                 updates: int = 8, pilot_particles: int = 200, p0: float = 0.1,
                                 every_level: bool = False, plan: LevelPlan | None = None,
                                 fixed_size: int | None = None, move: str = "gibbs", tries: int = 4,
                                 confidence: float = 0.95, seed=None, workers: int = 1, max_replications: int = 2000,
                                 progress=None, on_plan=None) -> RareEstimate:
    r"""Unbiased estimate of :math:`q(n, \varepsilon) = \Pr[\rho(X_1..X_n; [a, b]) > \varepsilon]` with a CI.

    Parameters
    ----------
    n : int >= 1
        Number of samples.
    eps : float > 0
        Radius (closed convention: failure is :math:`\rho > \varepsilon`).
    dist : str, default "uniform"
        Registered law (:data:`pybridge.rss.LAWS`).
    interval : (a, b), default (-1, 1)
        Target interval.
    replications : int, optional
        Independent replications (default 20 when ``rel_error`` is not given).
    rel_error : float, optional
        Requested relative half-width of the interval: the replication count is fixed up
        front from 30 independent planning replications (namespace AUX), never by watching
        the interval shrink.
    runs : int, default 100
        GS runs per replication.
    updates : int, default 8
        Gibbs updates per kernel step.
    pilot_particles : int, default 200
        Particles of the adaptive pilot that fixes the levels (namespace PILOT).
    p0 : float in (0, 1), default 0.1
        Pilot fraction that places the levels (the first level is the longest prefix that still fails for
        at least this fraction of the pilot); a larger p0 starts the levels earlier, where q is larger (needed
        when the quantity of interest, e.g. n* for delta = eps, lies near q = p0).
    every_level : bool, default False
        Use every prefix length as a level: ``level_estimates`` then gives an unbiased
        :math:`\hat q(m, \varepsilon)` with its t interval for every m from the first level to n.
    plan : LevelPlan, optional
        Fixed levels and factors (e.g. shared by repeated estimates); skips the pilot.  The
        estimate is unbiased for any fixed plan whose last level is n.
    fixed_size : int k, optional
        Estimate the fixed-size failure probability instead: no k-subset sum within eps of some z of
        :math:`[-\sqrt k, \sqrt k]` (RFSS Corollary 1's event, closed inequality; ``interval`` is then
        ignored).  Coverage by k-subsets is monotone in the prefix too, so the same prefix levels apply.
    move : {"gibbs", "loo"}, default "gibbs"
        Kernel.  ``"gibbs"``: ``updates`` single-proposal updates of random coordinates per step, each
        an exact decision.  ``"loo"`` (plain RSS only): ``updates`` coordinates per step, each with one
        leave-one-out union pass and ``tries`` proposals decided by one merge each
        (:mod:`pybridge.rare.loo`; the affordable kernel at eps <= 1e-5).  Both are exact and unbiased;
        they use the random stream differently.
    tries : int, default 4
        Proposals per updated coordinate for ``move="loo"``.
    confidence : float, default 0.95
    seed : int, SeedSequence or None
        Root seed (recorded as ``seed_entropy``).
    workers : int, default 1
        Worker processes; the result does not depend on it.
    on_plan : callable, optional
        ``on_plan(plan, replications, planning)``, called once the levels are fixed and before any
        replication runs: ``planning`` is True when ``PLANNING_REPLICATIONS`` planning replications
        come first and ``replications`` is then the most the plan may ask for; with a relative-error
        request it is called again (``planning`` False) with the planned count.  It may raise to stop
        the run (the command's budget check does); it changes no number.

    Returns
    -------
    RareEstimate

    Raises
    ------
    InvalidArgument
        Bad n, eps, interval, counts, law, or both ``replications`` and ``rel_error``.
    ResourceLimitError
        A decision needs too many intervals, or the splitting population explodes.

    Notes
    -----
    Botev & Kroese 2012 (GS, unbiased); claims ``rare-agrees-plain-mc``, ``rare-ci-coverage``;
    issue 14.
    """
    n, eps, a, b, confidence, runs, updates, pilot_particles, p0, max_replications, tries, fixed = _check_estimate_args(
        n, eps, dist, interval, confidence, runs, updates, pilot_particles, p0, max_replications, replications,
        rel_error, move, tries, fixed_size)
    root = seeding.root_seed_sequence(seed)
    m_min = counting_bound_n(eps, a, b) if fixed is None else counting_bound_n_fixed(fixed_size, eps, fixed[1])
    if n < m_min:  # counting bound (claim rss-counting-bound): every sample fails, q = 1 exactly
        return _exact_one(n, eps, dist, a, b, confidence, root, runs)
    if plan is None:
        plan = plan_levels(n, eps, a, b, get_law(dist), seeding.child_rng(root, seeding.PILOT, 0),
                           particles=pilot_particles, p0=p0, updates=updates, every_level=every_level, fixed=fixed,
                           move=move, tries=tries)
    else:
        _check_plan(plan, n)
    work = (dist, n, eps, a, b, plan, root)
    kernel = (runs, updates, workers)
    options = (fixed_size, move, tries)
    planning = None
    if rel_error is not None:
        replications, planning = _plan_replications(work, kernel, options, rel_error, confidence, max_replications,
                                                    on_plan)
    elif replications is None:
        replications = DEFAULT_REPLICATIONS
    replications = check_int("replications", replications, min_value=2, max_value=max_replications)
    if on_plan is not None:
        on_plan(plan, replications, False)
    parts = _run_reps(dist, n, eps, a, b, plan, root, seeding.MAIN, replications, runs, updates, workers, progress,
                      fixed_size, move, tries)
    return _estimate_from_parts(parts, work, runs, updates, confidence, replications, planning, options)


def _check_estimate_args(n, eps, dist, interval, confidence, runs, updates, pilot_particles, p0, max_replications,
                         replications, rel_error, move, tries, fixed_size):
    """The arguments of :func:`estimate_failure_probability`, validated; the target interval of the
    fixed-size event replaces ``interval`` (``fixed`` is its decision spec, None for plain coverage)."""
    n = check_int("n", n, min_value=1, max_value=MAX_N)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval_pair(interval)
    get_law(dist)
    confidence = check_probability("confidence", confidence)
    runs = check_int("runs", runs, min_value=1, max_value=10**7)
    updates = check_int("updates", updates, min_value=1, max_value=10**4)
    pilot_particles = check_int("pilot_particles", pilot_particles, min_value=20, max_value=10**6)
    p0 = check_real("p0", p0, min_value=0.0, max_value=1.0, min_open=True, max_open=True)
    max_replications = check_int("max_replications", max_replications, min_value=2)
    if replications is not None and rel_error is not None:
        raise InvalidArgument(f"give replications or rel_error, not both (replications={replications}, "
                              f"rel_error={rel_error})")
    if not isinstance(move, str) or move not in MOVES:
        raise InvalidArgument(f"move must be one of {MOVES}, got move={move!r:.60}")
    tries = check_int("tries", tries, min_value=1, max_value=10**4)
    if move == "loo" and fixed_size is not None:
        raise InvalidArgument(f"move='loo' is for plain RSS coverage only, got fixed_size={fixed_size!r}")
    fixed = None
    if fixed_size is not None:
        fixed_size = check_int("fixed_size", fixed_size, min_value=1, max_value=n)
        fixed = _fixed_spec(fixed_size)
        a, b = -math.sqrt(fixed_size), math.sqrt(fixed_size)
    return n, eps, a, b, confidence, runs, updates, pilot_particles, p0, max_replications, tries, fixed


def _check_plan(plan, n: int) -> None:
    """A caller's plan must be a LevelPlan with increasing levels ending at n and one factor per step."""
    if not isinstance(plan, LevelPlan):
        raise InvalidType(f"plan must be a LevelPlan (plan_levels(...)), got plan={plan!r:.60} "
                          f"(type={type(plan).__name__})")
    if (not plan.levels or plan.levels[-1] != n or list(plan.levels) != sorted(set(plan.levels))
            or len(plan.split) != len(plan.levels) - 1):
        raise InvalidArgument(f"plan must have increasing levels ending at n={n} and one factor per step, "
                              f"got plan={plan.to_dict()}")


def _plan_replications(work, kernel, options, rel_error, confidence, max_replications, on_plan):
    """Replication count for a relative-error request, from PLANNING_REPLICATIONS independent replications
    (namespace AUX); returns ``(replications, planning record)``."""
    dist, n, eps, a, b, plan, root = work
    runs, updates, workers = kernel
    rel_error = check_real("rel_error", rel_error, min_value=0.0, max_value=10.0, min_open=True)
    if on_plan is not None:
        on_plan(plan, max_replications, True)
    pre = _run_reps(dist, n, eps, a, b, plan, root, seeding.AUX, PLANNING_REPLICATIONS, runs, updates, workers,
                    None, *options)
    vals = np.array([p["hits"] for p in pre], dtype=float)
    if vals.sum() == 0:
        replications = max_replications
        cv = None
    else:
        cv = float(vals.std(ddof=1) / vals.mean())
        t = float(stats.t.ppf(0.5 + confidence / 2, PLANNING_REPLICATIONS - 1))
        replications = min(max_replications, max(MIN_PLANNED_REPLICATIONS, math.ceil((t * cv / rel_error) ** 2)))
    return replications, {"planning_replications": PLANNING_REPLICATIONS, "cv_per_replication": cv,
                          "rel_error": rel_error, "planned_replications": replications}


def _level_table(parts, plan: LevelPlan, runs: int, confidence: float):
    """Per replication and level the unbiased estimate of q(m_t, eps), and per level its t interval."""
    norms = [runs * float(np.prod(plan.split[:t])) for t in range(len(plan.levels))]
    rep_levels = tuple(tuple(p["level_counts"][t] / norms[t] for t in range(len(plan.levels))) for p in parts)
    levels_out = []
    for t, m in enumerate(plan.levels):
        vals = [row[t] for row in rep_levels]
        qt, lt, ht = t_interval(vals, confidence)
        levels_out.append({"m": int(m), "q_hat": qt, "ci_low": lt, "ci_high": ht,
                           "nonzero_replications": sum(1 for v in vals if v > 0)})
    return rep_levels, tuple(levels_out)


def _estimate_from_parts(parts, work, runs, updates, confidence, replications, planning, options) -> RareEstimate:
    """The estimate, its t interval, the per-level table and the work counters of the main replications."""
    dist, n, eps, a, b, plan, root = work
    fixed_size, move, tries = options
    norm = runs * float(np.prod(plan.split)) if plan.split else float(runs)
    ests = tuple(p["hits"] / norm for p in parts)
    q_hat, lo, hi = t_interval(ests, confidence)
    counts = tuple(int(sum(p["level_counts"][t] for p in parts)) for t in range(len(plan.levels)))
    rep_levels, levels_out = _level_table(parts, plan, runs, confidence)
    loo_work = ({k: int(sum(p[k] for p in parts)) for k in ("union_passes", "merges", "exact_fallbacks")}
                if move == "loo" else None)
    return RareEstimate(
        n, eps, dist, (a, b), q_hat, lo, hi, confidence, replications, runs, updates, plan, ests, counts,
        int(sum(p["proposals"] for p in parts)), int(sum(p["accepted"] for p in parts)),
        int(sum(p["decisions"] for p in parts)), seeding.seed_entropy(root), planning, levels_out,
        rep_levels, fixed_size, move, tries if move == "loo" else None, loo_work)


def _exact_one(n, eps, dist, a, b, confidence, root, runs) -> RareEstimate:
    """q = 1 exactly below the counting bound (no sampling needed; reported as an exact case)."""
    plan = LevelPlan((n,), (), (1.0,), 0)
    return RareEstimate(n, eps, dist, (a, b), 1.0, 1.0, 1.0, confidence, 0, runs, 0, plan, (), (), 0, 0, 0,
                        seeding.seed_entropy(root), {"exact": "counting bound: 2^n * 2 eps < b - a"},
                        ({"m": n, "q_hat": 1.0, "ci_low": 1.0, "ci_high": 1.0, "nonzero_replications": 0},),
                        ((1.0,),))
