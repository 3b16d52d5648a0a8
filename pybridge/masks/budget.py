"""The trial budget of the ``masks`` section, fixed before any trial runs, and the instances of its checks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from pybridge.rss import counting_bound_n
from pybridge.validation import check_bool

__all__ = ["MasksBudget", "PS", "DELTA", "ALPHA", "EXACT_ATOMS", "EXACT_EPS", "EXACT_INTERVAL", "EXACT_PS",
           "EXACT_K", "MIXTURE_N", "MIXTURE_EPS", "MIXTURE_P", "FIXED_K", "FIXED_MIXTURE_N", "FIXED_MIXTURE_EPS",
           "FIXED_MIXTURE_P"]

#: keep probabilities p of the factor tables (sparsity 1 - p)
PS = (0.9, 0.7, 0.5, 0.3, 0.1)
#: the failure probability delta of the thresholds n*_p(eps, delta)
DELTA = 0.05
#: false-alarm rate of the Hoeffding two-sample tests of the mixture identity
ALPHA = 1e-6

#: exact mixture identity: the finite-atom law (uniform on these atoms), radius, target interval, keep
#: probabilities, and the subset size of its k-subset event
EXACT_ATOMS = (Fraction(-1, 2), Fraction(-1, 4), Fraction(1, 4), Fraction(1, 2))
EXACT_EPS = Fraction(1, 8)
EXACT_INTERVAL = (Fraction(-1, 2), Fraction(1, 2))
EXACT_PS = (Fraction(1, 2), Fraction(1, 3))
EXACT_K = 2

#: Monte Carlo mixture identity for RSS: n samples, radius eps, keep probability p (targets [-1, 1])
MIXTURE_N, MIXTURE_EPS, MIXTURE_P = 24, 1e-2, 0.7
#: the masked fixed-size checks use k-subsets of this size (targets [-sqrt k, sqrt k])
FIXED_K = 4
#: ... and their mixture identity this n, eps and p
FIXED_MIXTURE_N, FIXED_MIXTURE_EPS, FIXED_MIXTURE_P = 30, 1e-1, 0.6
#: largest n of the fixed-size first-cover times: FIXED_N_MAX for eps >= 1e-2, FIXED_N_MAX_SMALL_EPS below
FIXED_N_MAX, FIXED_N_MAX_SMALL_EPS = 160, 200
#: largest n of the RSS first-cover times: RSS_N_MAX_SLOPE * log2(1/eps) (rounded up) + RSS_N_MAX_EXTRA
#: + counting_bound_n(eps) // RSS_N_MAX_DIVISOR (generous: a trial that never covers fails at every n)
RSS_N_MAX_SLOPE, RSS_N_MAX_EXTRA, RSS_N_MAX_DIVISOR = 2, 14, 4


def rss_n_max(eps: float) -> int:
    """Largest n of the factor table's RSS first-cover times at ``eps`` (see :data:`RSS_N_MAX_SLOPE`)."""
    return int(math.ceil(RSS_N_MAX_SLOPE * math.log2(1 / eps))) + RSS_N_MAX_EXTRA + counting_bound_n(eps) // \
        RSS_N_MAX_DIVISOR


def fixed_n_max(eps: float) -> int:
    """Largest n of the fixed-size first-cover times at ``eps`` (see :data:`FIXED_N_MAX`)."""
    return FIXED_N_MAX if eps >= 1e-2 else FIXED_N_MAX_SMALL_EPS


@dataclass(frozen=True, kw_only=True)
class MasksBudget:
    """What the ``masks`` section spends (see :meth:`quick` and :meth:`full`)."""

    #: trials of each side of the RSS mixture-identity test
    mc_trials: int
    #: eps of the RSS factor tables
    factor_eps: tuple
    #: coupled RSS trials per factor table
    factor_trials: int
    #: bootstrap resamples per factor
    bootstrap: int
    #: eps of the fixed-size factor tables
    fixed_eps: tuple
    #: coupled fixed-size trials per table, and trials of each side of its mixture-identity test
    fixed_trials: int
    #: n of the exact mixture identity (every sample and mask enumerated)
    exact_n: int

    def __post_init__(self):
        object.__setattr__(self, "factor_eps", tuple(self.factor_eps))
        object.__setattr__(self, "fixed_eps", tuple(self.fixed_eps))

    @classmethod
    def quick(cls) -> "MasksBudget":
        return cls(mc_trials=400, factor_eps=(1e-1, 1e-2), factor_trials=300, bootstrap=60, fixed_eps=(1e-1,),
                   fixed_trials=150, exact_n=3)

    @classmethod
    def full(cls) -> "MasksBudget":
        return cls(mc_trials=3000, factor_eps=(1e-1, 1e-2, 1e-3), factor_trials=1000, bootstrap=200,
                   fixed_eps=(1e-1, 1e-2), fixed_trials=400, exact_n=4)

    @classmethod
    def for_plan(cls, plan) -> "MasksBudget":
        return cls.quick() if check_bool("quick", plan.quick) else cls.full()

    def steps(self) -> int:
        """Progress-bar steps: one per factor table."""
        return len(self.factor_eps) + len(self.fixed_eps)

    def to_dict(self) -> dict:
        """The budget in the form of earlier reports' ``budget`` (lists)."""
        return {"mc_trials": self.mc_trials, "factor_eps": list(self.factor_eps), "factor_trials": self.factor_trials,
                "bootstrap": self.bootstrap, "fixed_eps": list(self.fixed_eps), "fixed_trials": self.fixed_trials,
                "exact_n": self.exact_n}
