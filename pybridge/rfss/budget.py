"""The trial budget of the ``rfss`` section, fixed before any trial runs, and the constants of its checks."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from pybridge.errors import InvalidType
from pybridge.rfss.montecarlo import counting_bound_n_fixed, theorem2_threshold_n
from pybridge.validation import check_bool

__all__ = ["RfssBudget", "Curve", "DELTA", "ALPHA", "Z_FRACTIONS", "CORE_K", "CORE_EPS", "DECISION_N",
           "DECISION_K_MAX", "DECISION_EPS", "DELTA_EPS_TAIL", "MISS"]

#: the failure probability delta of the thresholds n*_k(eps, delta) of ``rfss-corollary1-all-targets``
DELTA = 0.05
#: family-wise error of the simultaneous lower bound on c_thm (``rfss-theorem2-fixed-target``)
ALPHA = 0.05
#: ``rfss-theorem2-fixed-target``: the targets z = f sqrt k of each (k, eps) cell, for f in these fractions
Z_FRACTIONS = (-1.0, -0.5, 0.0, 0.5, 1.0)
#: ``rfss-theorem5-counting-core``: the k and eps (exact) whose counting-bound n is compared with Theorem 5
CORE_K = tuple(range(2, 11))
CORE_EPS = (Fraction(1, 10), Fraction(1, 100), Fraction(1, 1000), Fraction(1, 10**4), Fraction(1, 10**5))
#: ``rfss-decision-exact``: random instances have n in [DECISION_N[0], DECISION_N[1]], k <= min(n,
#: DECISION_K_MAX), Uniform[-1, 1] samples and eps drawn from DECISION_EPS
DECISION_N = (2, 12)
DECISION_K_MAX = 5
DECISION_EPS = (0.05, 0.1, 0.2)
#: n*_k(eps, delta = eps) is decidable only if zero failures bring the two-sided 95% Clopper-Pearson lower bound
#: to 1 - eps, i.e. at >= log(2 / DELTA_EPS_TAIL) / eps trials (DELTA_EPS_TAIL = 1 - confidence)
DELTA_EPS_TAIL = 0.05
#: the power statements use level 0.9: a success is missed with probability at most MISS = 1 - 0.9
MISS = 0.1
#: a curve tries n up to max(THM2_SCALE * (Theorem 2's n) + THM2_EXTRA, COUNT_SCALE * (counting n) + COUNT_EXTRA)
#: (generous: a trial that never covers counts as a failure at every n)
THM2_SCALE, THM2_EXTRA, COUNT_SCALE, COUNT_EXTRA = 4, 20, 3, 40


# not in __all__ (so not fuzzed): a tiny eps makes the two thresholds' searches run very long
def curve_n_max(k: int, eps: float) -> int:
    """Largest n a first-cover curve tries at ``(k, eps)`` (see :data:`THM2_SCALE`)."""
    return max(THM2_SCALE * theorem2_threshold_n(k, eps) + THM2_EXTRA,
               COUNT_SCALE * counting_bound_n_fixed(k, Fraction(eps)) + COUNT_EXTRA)


@dataclass(frozen=True, kw_only=True)
class Curve:
    """First-cover times of ``dist`` samples, k-subsets of size ``k``, targets [-sqrt k, sqrt k], at each ``eps``."""

    dist: str
    k: int
    eps: tuple

    def __post_init__(self):
        object.__setattr__(self, "eps", tuple(float(e) for e in self.eps))


@dataclass(frozen=True, kw_only=True)
class RfssBudget:
    """What the ``rfss`` section spends (see :meth:`quick` and :meth:`full`)."""

    #: ``(k, eps)`` pairs at which the estimator runs just below the counting bound
    counting: tuple
    #: estimator trials per pair and law
    counting_trials: int
    #: random instances of the exact decision check
    exact_instances: int
    #: the k and eps of Theorem 2's cells
    thm2_k: tuple
    thm2_eps: tuple
    #: trials per Theorem 2 cell
    thm2_trials: int
    #: the first-cover curves of Corollary 1
    curves: tuple
    #: coupled trials per curve
    curve_trials: int

    def __post_init__(self):
        for name in ("counting", "thm2_k", "thm2_eps", "curves"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if not all(isinstance(c, Curve) for c in self.curves):
            raise InvalidType(f"curves must be Curve objects, got curves={self.curves!r:.80}")

    @classmethod
    def quick(cls) -> "RfssBudget":
        return cls(counting=((2, 1e-2), (3, 1e-3)), counting_trials=32, exact_instances=30, thm2_k=(2, 4),
                   thm2_eps=(1e-1, 1e-2), thm2_trials=100,
                   curves=(Curve(dist="uniform", k=4, eps=(1e-1, 3e-2, 1e-2, 3e-3)),), curve_trials=100)

    @classmethod
    def full(cls) -> "RfssBudget":
        five = (1e-1, 3e-2, 1e-2, 3e-3, 1e-3)
        return cls(counting=((2, 1e-2), (3, 1e-3), (4, 1e-3), (6, 1e-4)), counting_trials=128,
                   exact_instances=150, thm2_k=(2, 4, 8), thm2_eps=(1e-1, 1e-2, 1e-3), thm2_trials=400,
                   curves=(Curve(dist="uniform", k=3, eps=five), Curve(dist="uniform", k=4, eps=five),
                           Curve(dist="uniform", k=6, eps=five), Curve(dist="mixture", k=3, eps=(1e-1, 1e-2, 1e-3))),
                   curve_trials=300)

    @classmethod
    def for_plan(cls, plan) -> "RfssBudget":
        return cls.quick() if check_bool("quick", plan.quick) else cls.full()

    def steps(self) -> int:
        """Progress-bar steps: one per (curve, eps)."""
        return sum(len(c.eps) for c in self.curves)

    def to_dict(self) -> dict:
        """The budget in the form of earlier reports' ``budget`` (lists; curves as ``[dist, k, eps list]``)."""
        return {"counting": [list(p) for p in self.counting], "counting_trials": self.counting_trials,
                "exact_instances": self.exact_instances, "thm2_k": list(self.thm2_k), "thm2_eps": list(self.thm2_eps),
                "thm2_trials": self.thm2_trials, "curves": [[c.dist, c.k, list(c.eps)] for c in self.curves],
                "curve_trials": self.curve_trials}
