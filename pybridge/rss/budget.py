"""The trial budget of the ``rss`` section, fixed before any trial runs (a keyword-built frozen dataclass)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss.montecarlo import counting_bound_n
from pybridge.rss.streams import Stream

__all__ = ["RssBudget", "Curve", "FULL", "HALF", "COUNTING_EPS", "MONOTONE_EPS", "MONOTONE_N_ABOVE",
           "MONOTONE_N_ABOVE_PENSIA", "REPLAY_MIN_EPS"]

#: the target interval [-1, 1]
FULL = (-1.0, 1.0)
#: the target interval [-1/2, 1/2] (Lueker's setting)
HALF = (-0.5, 0.5)

#: ``rss-counting-bound`` runs the estimator at this eps, at n = counting bound - 1 on [-1, 1]
COUNTING_EPS = 1e-3
#: ``rss-subset-sum-monotone`` draws its coupled samples at this eps on [-1, 1]
MONOTONE_EPS = 1e-2
#: ... at n = counting bound (eps, [-1, 1]) + this many samples, near the law's coverage threshold
MONOTONE_N_ABOVE = 3
#: ... + this many for Pensia's law (half its mass at 0, so its threshold lies further out)
MONOTONE_N_ABOVE_PENSIA = 8

#: smallest eps whose trials enter the verified replay (the unpruned Coq interval union costs ~1/eps)
REPLAY_MIN_EPS = 1e-2

#: the largest n a curve tries is generous, since a trial that never covers counts as a failure at every n:
#: Pensia's law (half the samples are 0 and E[X+] = 1/16: the edge z = 1 needs ~60 samples) tries
#: ``PENSIA_N_MAX_SLOPE * log2(1/eps) + PENSIA_N_MAX_EXTRA``
PENSIA_N_MAX_SLOPE, PENSIA_N_MAX_EXTRA = 3, 64
#: every other law ``N_MAX_SLOPE * log2(1/eps) + N_MAX_EXTRA + counting_bound_n // N_MAX_COUNTING_DIVISOR``
N_MAX_SLOPE, N_MAX_EXTRA, N_MAX_COUNTING_DIVISOR = 2, 14, 4


@dataclass(frozen=True, kw_only=True)
class Curve:
    """One threshold curve: first-cover times of ``dist`` samples for targets ``interval`` at each of ``eps``.

    ``trials`` per eps (unless the budget's ``delta_eps_trials`` raises it); ``stream`` the named random stream
    it draws from (index = the eps's position).
    """

    dist: str
    interval: tuple
    eps: tuple
    trials: int
    stream: Stream

    def __post_init__(self):
        if not isinstance(self.stream, Stream):
            raise InvalidType(f"stream must be a member of rss.streams.Stream, got stream={self.stream!r}")
        object.__setattr__(self, "interval", tuple(float(x) for x in self.interval))
        object.__setattr__(self, "eps", tuple(float(e) for e in self.eps))

    def n_max(self, eps: float) -> int:
        """Largest n tried at ``eps`` (see :data:`N_MAX_SLOPE`)."""
        if self.dist == "pensia":
            return int(math.ceil(PENSIA_N_MAX_SLOPE * math.log2(1 / eps))) + PENSIA_N_MAX_EXTRA
        return (int(math.ceil(N_MAX_SLOPE * math.log2(1 / eps))) + N_MAX_EXTRA
                + counting_bound_n(eps, *self.interval) // N_MAX_COUNTING_DIVISOR)

    def to_list(self) -> list:
        """``[dist, interval, eps list, trials]``, the form of earlier reports' ``budget["curves"]``."""
        return [self.dist, list(self.interval), list(self.eps), self.trials]


@dataclass(frozen=True, kw_only=True)
class RssBudget:
    """What the ``rss`` section spends (see :meth:`quick` and :meth:`full`)."""

    #: trials of the curves audited by the verified Coq decision (formal section)
    replay_trials: int
    #: estimator trials per law below the counting bound
    counting_trials: int
    #: coupled samples per law for the monotonicity check
    monotone_trials: int
    #: the threshold curves
    curves: tuple
    #: ``((eps, trials), ...)``: trials of the uniform curve on [-1, 1] at these eps, large enough to decide
    #: n*(eps, delta = eps)
    delta_eps_trials: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "curves", tuple(self.curves))
        object.__setattr__(self, "delta_eps_trials", tuple((float(e), int(t)) for e, t in self.delta_eps_trials))
        streams = [c.stream for c in self.curves]
        if len(set(streams)) != len(streams):
            raise InvalidArgument(f"curves must draw from distinct streams, got streams={[s.name for s in streams]}")

    @classmethod
    def quick(cls) -> "RssBudget":
        return cls(replay_trials=20, counting_trials=64, monotone_trials=64,
                   curves=(Curve(dist="uniform", interval=FULL, eps=(1e-1, 1e-2, 1e-3, 1e-4), trials=600,
                                 stream=Stream.CURVE_UNIFORM_FULL),),
                   delta_eps_trials=((1e-1, 600), (1e-2, 600)))

    @classmethod
    def full(cls) -> "RssBudget":
        return cls(replay_trials=200, counting_trials=256, monotone_trials=256,
                   curves=(Curve(dist="uniform", interval=FULL, eps=(1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6),
                                 trials=600, stream=Stream.CURVE_UNIFORM_FULL),
                           Curve(dist="uniform", interval=HALF, eps=(1e-1, 1e-2, 1e-3, 1e-4), trials=600,
                                 stream=Stream.CURVE_UNIFORM_HALF),
                           Curve(dist="pensia", interval=FULL, eps=(1e-1, 1e-2, 1e-3), trials=600,
                                 stream=Stream.CURVE_PENSIA_FULL)),
                   delta_eps_trials=((1e-1, 600), (1e-2, 600), (1e-3, 4000)))

    @classmethod
    def for_plan(cls, plan) -> "RssBudget":
        return cls.quick() if plan.quick else cls.full()

    def trials_at(self, curve: Curve, eps: float) -> int:
        """Trials of ``curve`` at ``eps``: ``delta_eps_trials`` applies to the uniform curve on [-1, 1] only."""
        if curve.dist == "uniform" and curve.interval == FULL:
            return dict(self.delta_eps_trials).get(eps, curve.trials)
        return curve.trials

    def steps(self) -> int:
        """Progress-bar steps: one per (curve, eps)."""
        return sum(len(c.eps) for c in self.curves)

    def to_dict(self) -> dict:
        """The JSON form of earlier reports' ``budget`` (``delta_eps_trials`` keyed by ``str(eps)``)."""
        return {"replay_trials": self.replay_trials, "counting_trials": self.counting_trials,
                "monotone_trials": self.monotone_trials, "curves": [c.to_list() for c in self.curves],
                "delta_eps_trials": {str(e): t for e, t in self.delta_eps_trials}}
