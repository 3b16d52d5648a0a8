"""The budget of the ``rare`` section, fixed before anything runs (issue 20 item 1: keyword-built, frozen).

``RareBudget.quick()`` is about 5 s and ``RareBudget.full()`` about 60 s on 2 cores.  Every figure that used to
be a literal inside a check (the agreement's eps, the grid runs' MCMC updates and pilot size) is a named field.
"""

from __future__ import annotations

from dataclasses import dataclass

from pybridge.validation import check_bool

__all__ = ["FULL", "HALF", "REQUIRED_EPS", "GridCell", "CoverageBudget", "RareBudget"]

#: the target intervals of the n*(eps, eps) grid
FULL = (-1.0, 1.0)
HALF = (-0.5, 0.5)
#: the n*(eps, eps) verdict needs every eps >= this resolved (smaller eps: reduced budget, reported as measured)
REQUIRED_EPS = 1e-3


@dataclass(frozen=True, kw_only=True)
class GridCell:
    """One cell of the n*(eps, eps) grid: an every-level splitting run up to ``n_max`` samples."""

    #: the target interval
    interval: tuple
    #: the radius eps (and delta = eps)
    eps: float
    #: the last level (largest n)
    n_max: int
    #: independent replications (the t interval's sample)
    replications: int
    #: splitting runs per replication
    runs: int

    def to_dict(self) -> dict:
        return {"interval": list(self.interval), "eps": self.eps, "n_max": self.n_max,
                "replications": self.replications, "runs": self.runs}


@dataclass(frozen=True, kw_only=True)
class CoverageBudget:
    """The empirical coverage of the 95% t interval at q(n, 1e-2) (full check only)."""

    #: the sample size n of q(n, eps)
    n: int
    #: independent estimates, each with its own 95% t interval
    estimates: int
    #: replications x runs of each estimate
    replications: int
    runs: int
    #: replications x runs of the independent reference estimate
    ref_replications: int
    ref_runs: int
    #: the radius
    eps: float = 1e-2

    def to_dict(self) -> dict:
        return {"n": self.n, "estimates": self.estimates, "replications": self.replications, "runs": self.runs,
                "ref_replications": self.ref_replications, "ref_runs": self.ref_runs}


@dataclass(frozen=True, kw_only=True)
class RareBudget:
    """Trial, replication and grid budget of the ``rare`` section."""

    #: samples of the covering-radius criterion (n = 0..10, alternating targets)
    radius_samples: int
    #: plain Monte Carlo trials of the agreement test
    plain_trials: int
    #: the splitting run of the agreement test reaches this n
    agree_n: int
    #: the levels n at which splitting and plain Monte Carlo are compared
    agree_checks: tuple
    #: replications x runs of the agreement's splitting run
    agree_reps: int
    agree_runs: int
    #: the coverage check (``None``: not run on this budget)
    coverage: CoverageBudget | None
    #: the n*(eps, eps) grid
    grid: tuple
    #: the radius of the agreement test (and of the tail rate it measures)
    agree_eps: float = 1e-2
    #: MCMC updates per move of the grid's splitting runs
    grid_updates: int = 4
    #: pilot particles that place the grid runs' levels
    grid_pilot_particles: int = 50

    @classmethod
    def quick(cls) -> "RareBudget":
        return cls(radius_samples=60, plain_trials=4000, agree_n=18, agree_checks=(18,), agree_reps=10,
                   agree_runs=30, coverage=None,
                   grid=_cells([(FULL, 1e-1, 16, 10, 20), (FULL, 1e-2, 26, 10, 30), (HALF, 1e-1, 12, 10, 20),
                                (HALF, 1e-2, 20, 10, 20)]))

    @classmethod
    def full(cls) -> "RareBudget":
        return cls(radius_samples=300, plain_trials=200_000, agree_n=27, agree_checks=(18, 26), agree_reps=40,
                   agree_runs=50,
                   coverage=CoverageBudget(n=21, estimates=100, replications=10, runs=20, ref_replications=100,
                                           ref_runs=100),
                   grid=_cells([(FULL, 1e-1, 16, 20, 40), (FULL, 1e-2, 26, 20, 40), (FULL, 1e-3, 32, 12, 20),
                                (FULL, 1e-4, 40, 4, 30),
                                (HALF, 1e-1, 12, 20, 40), (HALF, 1e-2, 22, 20, 40), (HALF, 1e-3, 28, 12, 20),
                                (HALF, 1e-4, 36, 4, 30)]))

    @classmethod
    def for_quick(cls, quick: bool) -> "RareBudget":
        """:meth:`quick` or :meth:`full`."""
        return cls.quick() if check_bool("quick", quick) else cls.full()

    @classmethod
    def for_plan(cls, plan) -> "RareBudget":
        return cls.for_quick(plan.quick)

    @property
    def steps(self) -> int:
        """Progress-bar steps of the section under this budget."""
        return 4 + len(self.grid)

    def to_dict(self) -> dict:
        """The budget without the grid (as ``data["budget"]`` of earlier reports)."""
        return {"radius_samples": self.radius_samples, "plain_trials": self.plain_trials, "agree_n": self.agree_n,
                "agree_checks": list(self.agree_checks), "agree_reps": self.agree_reps,
                "agree_runs": self.agree_runs,
                "coverage": None if self.coverage is None else self.coverage.to_dict()}


def _cells(rows) -> tuple:
    """(target, eps, n_max, replications, runs per replication) rows as :class:`GridCell` s."""
    return tuple(GridCell(interval=iv, eps=eps, n_max=n, replications=r, runs=k) for iv, eps, n, r, k in rows)
