"""Cost model of ``prunegap constants``: seconds per constant at ``dps`` digits (issue 11 §2).

Measured on 2 shared cores (one evaluation: exact form, value at ``dps`` digits, certified
interval, strings), in seconds:

==========================  =======  =======  =======  ========
constant                    dps=50   dps=200  dps=800  dps=2000
==========================  =======  =======  =======  ========
gauss-product-weight        0.42     3.6      12.8     (> 60)
gauss-mixture-weight        0.013    0.069    3.5      232
statdim-circular            12.4     (~10 at dps=600)
every other constant        <= 0.71  <= 0.04  <= 0.06  <= 0.23
==========================  =======  =======  =======  ========

Model: ``t_ref * (dps / dps_ref) ** k`` with ``k = k_low`` below ``dps_ref`` and ``k_high``
above (fitted on the table; above the last measured point it extrapolates, so a 10000-digit
plan is an estimate of its order, printed as "est.").
"""

from __future__ import annotations

from pybridge.runtime.budget import WorkEstimate
from pybridge.validation import check_int, check_sequence, check_text

__all__ = ["constant_seconds", "constants_estimate"]

#: name -> (t_ref seconds, dps_ref, k_low, k_high)
MODELS = {
    "gauss-product-weight": (12.8, 800, 1.0, 1.5),
    "gauss-mixture-weight": (3.5, 800, 2.8, 4.6),
    "statdim-circular": (12.0, 600, 0.0, 2.0),
}
DEFAULT_MODEL = (0.3, 2000, 0.5, 2.0)
#: imports and first-call set-up of sympy/mpmath/flint
STARTUP_SECONDS = 1.5


def constant_seconds(name: str, dps: int) -> float:
    """Estimated seconds of one constant at ``dps`` digits."""
    check_text("name", name, max_len=200)
    dps = check_int("dps", dps, min_value=1, max_value=10**6)
    t_ref, ref, k_low, k_high = MODELS.get(name, DEFAULT_MODEL)
    return t_ref * (dps / ref) ** (k_low if dps < ref else k_high)


def constants_estimate(names, dps: int) -> WorkEstimate:
    """The :class:`~pybridge.runtime.budget.WorkEstimate` of evaluating ``names`` at ``dps`` digits."""
    names = [check_text("names[i]", x, max_len=200) for x in check_sequence("names", names)]
    dps = check_int("dps", dps, min_value=1, max_value=10**6)
    names = list(names)
    secs = STARTUP_SECONDS + sum(constant_seconds(n, dps) for n in names)
    return WorkEstimate(f"{len(names)} constant{'s' if len(names) != 1 else ''} at {dps} digits", secs, 1,
                        0, ("--dps", "NAME (fewer constants)"))
