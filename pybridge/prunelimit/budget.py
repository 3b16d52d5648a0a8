"""The budget of the ``prunelimit`` section: what each check spends, quick and full, as one frozen dataclass.

Quick (a few seconds on 2 cores): D = 50, few trials, no MLP.  Full (about 30-40 s): more dimensions and
trials, the l1-descent transition curve, the bracketed D = 40 quadratic families and the digits MLP with
``hidden = 5`` (D = 385), the largest part.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = ["PrunelimitBudget", "QUADRATIC_BASES"]

#: stream index base of the quadratic families (rotated D = ``quad_rotated_d``, diagonal D = ``quad_diagonal_d``,
#: bracketed D = ``quad_bounds_d``): instance indices of one table never reach the next base
QUADRATIC_BASES = (0, 10000, 20000)


@dataclass(frozen=True, kw_only=True)
class PrunelimitBudget:
    """What the section spends; build it with :meth:`for_plan` (or :meth:`quick` / :meth:`full`)."""

    #: dimensions of the statistical-dimension Monte Carlo (four cones each)
    mc_ds: tuple
    #: Gaussian vectors per cone and dimension
    mc_trials: int
    #: dimensions of the circular-cone transition curves
    circ_ds: tuple
    #: random subspaces per point of a circular curve
    circ_trials: int
    #: dimension of the LP-decided curves (orthant, subspace, l1 descent)
    lp_d: int
    #: random subspaces per point of an LP-decided curve
    lp_trials: int
    #: whether the l1-descent curve runs (its LP is the slowest decision)
    l1: bool
    #: instances per quadratic family
    quad_instances: int
    #: dimension of the bracketed rotated families (0: not run)
    quad_bounds_d: int
    #: hidden units of the digits MLP (0: not run)
    mlp_hidden: int
    #: rotated D = ``truth_d`` instances of the quadratic-truth check
    truth_instances: int
    #: ``prunelimit-statdim-certified``: the dimension, the sparsity of the l1 point and the working digits
    certified_d: int = 60
    certified_s: int = 6
    certified_dps: int = 30
    #: working digits of the closed forms the Monte Carlo and the curves are compared with
    exact_dps: int = 20
    #: points of a transition curve, spread over D - delta +- grid_half_width sqrt(D)
    grid_points: int = 11
    grid_half_width: float = 3.5
    #: dimensions of the exact quadratic families (rotated: exhaustive search; diagonal: sorted costs)
    quad_rotated_d: int = 12
    quad_diagonal_d: int = 100
    #: dimension of the quadratic-truth instances (exhaustive search is exponential in it)
    truth_d: int = 10
    #: fixed seed of the quadratic-truth instances (the same instances in every run, as the claim's twin draws them)
    truth_seed: int = 0
    #: L-BFGS iterations of the MLP's training
    mlp_maxiter: int = 200

    @classmethod
    def quick(cls) -> "PrunelimitBudget":
        return cls(mc_ds=(50,), mc_trials=1000, circ_ds=(50, 100), circ_trials=200, lp_d=30, lp_trials=15, l1=False,
                   quad_instances=3, quad_bounds_d=0, mlp_hidden=0, truth_instances=4)

    @classmethod
    def full(cls) -> "PrunelimitBudget":
        return cls(mc_ds=(50, 200), mc_trials=4000, circ_ds=(50, 100, 200, 400), circ_trials=1000, lp_d=50,
                   lp_trials=30, l1=True, quad_instances=10, quad_bounds_d=40, mlp_hidden=5, truth_instances=8)

    @classmethod
    def for_plan(cls, plan) -> "PrunelimitBudget":
        return cls.quick() if plan.quick else cls.full()

    def to_dict(self) -> dict:
        """Every field (results.json ``config``)."""
        return dataclasses.asdict(self)
