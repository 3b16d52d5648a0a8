r"""Cost models of ``prunegap statdim`` and ``prunegap prunelimit``, before any work (issue 11 §2).

Measured 2026-12-02 in one process (2 cores shared by 6 engineers, load average 4-5).

**statdim, exact / certified value** (:func:`symbolic.constants.statdim.statdim`), seconds:

===========  ============================================  ==============================================
cone         measured                                      model
===========  ============================================  ==============================================
orthant      <= 1 ms (d = 5..10^6, dps 50 and 1000)          0.05 + 1e-9 dps^2 (an exact rational)
subspace     <= 1 ms (d = 5..10^6, dps 50 and 1000)          as orthant
circular     d = 3: 2.0; d = 5: 3.6-13.6 (dps 50-1000),    d <= 8 (exact sympy integral):
             16.2 (dps 3000); d = 6: 41; d = 8: 66          :data:`CIRCULAR_EXACT_SECONDS` [d]
             (dps 50), 89 (dps 1000)                        x max(1, dps/3000)^2.9
circular     d = 100: 0.3 / 1.2 / 19.4 / 637 (dps 50 /      (1.5 for d <= 1000, else 8.0)
             1000 / 3000 / 10000); d = 10^4: 0.01 / 6.0;    x max(1, dps/1000)^2.9
             d = 10^6: 0.02 / 2.1 (dps 50 / 1000)
l1-descent   0.01-2.0 (dps 50), 0.15-0.38 (dps 1000);       max(2, 0.5 x max(1, dps/1000)^2.9)
             d = 100: 9.1 (dps 3000), 105 (dps 10000)
===========  ============================================  ==============================================

times :data:`SAFETY`.  The digit exponent 2.9 is the measured growth from 3000 to 10000 digits of the
circular value at d = 100 (2.5 from 1000 to 3000; l1-descent 3.3 and 2.0), so at 10000 digits the
model is 2.8x (circular, d = 100) and 5.7x (l1-descent, d = 100) above the measured times.  Values for
d = 10^4, and for d <= 8 beyond 3000 digits, are extrapolated, not measured.

**statdim --mc TRIALS** (:func:`pybridge.prunelimit.projections.estimate_statdim`): per Gaussian
coordinate 27-50 ns (orthant), 29-48 ns (subspace), 31-64 ns (circular), 110 / 145 / 522 ns
(l1-descent at d = 100 / 1000 / 10^4: a sort per row), so ``70 ns`` and ``60 ns * log2(d + 1)`` x
:data:`SAFETY`; memory: chunks of 500 vectors, about 4 (l1-descent 12) arrays of ``500 x d`` floats.

**prunelimit** (:func:`pybridge.prunelimit.prediction.predict_ratio`): the code's ratio is evaluated on
the outer product of the ``D + 1`` radii and the ``n`` eigenvalues: 32-96 ns per element at up to
4e6 elements, 239 ns at 1.6e7 (memory-bound), so ``250 ns`` per element; peak memory three
``(D + 1) x n`` float arrays (the product, its quotient and the weighted terms).
"""

from __future__ import annotations

import math

from pybridge.runtime.budget import WorkEstimate, format_count
from pybridge.validation import check_choice, check_int

__all__ = ["statdim_estimate", "prunelimit_estimate", "CIRCULAR_EXACT_SECONDS", "SAFETY"]

SAFETY = 1.5
#: measured (3, 5, 6, 8; with margin) and interpolated (2, 4, 7) seconds of the exact circular value at d <= 8
CIRCULAR_EXACT_SECONDS = {2: 1.0, 3: 3.0, 4: 8.0, 5: 15.0, 6: 45.0, 7: 70.0, 8: 100.0}
CONES = ("orthant", "subspace", "circular", "l1-descent")
#: rows of a Monte Carlo chunk (:data:`pybridge.prunelimit.projections.CHUNK`)
MC_CHUNK = 500


def _exact_seconds(cone: str, d: int, dps: int) -> float:
    f = max(1.0, dps / 1000.0) ** 2.9
    if cone in ("orthant", "subspace"):  # exact rationals: only their decimal expansion grows with dps
        return 0.05 + 1e-9 * dps**2
    if cone == "circular":
        if d in CIRCULAR_EXACT_SECONDS:  # the exact sympy integral dominates up to a few thousand digits
            return CIRCULAR_EXACT_SECONDS[d] * max(1.0, dps / 3000.0) ** 2.9
        return (1.5 if d <= 1000 else 8.0) * f
    return max(2.0, 0.5 * f)


def statdim_estimate(cone: str, d: int, dps: int, trials: int | None = None) -> WorkEstimate:
    """The plan of ``prunegap statdim CONE --d D --dps DPS [--mc TRIALS]``.

    Parameters
    ----------
    cone : {"orthant", "subspace", "circular", "l1-descent"}
    d : int >= 1
        Ambient dimension.
    dps : int
        Digits of the certified value.
    trials : int or None
        Monte Carlo vectors (``--mc``), if any.
    """
    check_choice("cone", cone, CONES)
    d = check_int("d", d, min_value=1, max_value=10**12)
    dps = check_int("dps", dps, min_value=1, max_value=10**6)
    secs = SAFETY * _exact_seconds(cone, d, dps)
    what = f"{cone} cone, d={d}, {dps} digits"
    peak = 0
    flags = ("--dps", "--d")
    if trials is not None:
        trials = check_int("trials", trials, min_value=0, max_value=10**15)
        per = 60e-9 * math.log2(d + 1) if cone == "l1-descent" else 70e-9
        secs += SAFETY * trials * d * per
        peak = 8 * MC_CHUNK * d * (12 if cone == "l1-descent" else 4)
        what += f" + {format_count(trials)} Monte Carlo vectors"
        flags = ("--mc", "--d", "--dps")
    return WorkEstimate(what, secs, 1, int(peak), flags)


def prunelimit_estimate(dimension: int, spectrum: int) -> WorkEstimate:
    """The plan of ``prunegap prunelimit`` for ``dimension`` weights and ``spectrum`` eigenvalues."""
    dimension = check_int("dimension", dimension, min_value=0)
    spectrum = check_int("spectrum", spectrum, min_value=0)
    cells = (dimension + 1) * spectrum
    return WorkEstimate(f"{format_count(cells)} ratio terms ({dimension:,} weights x {spectrum:,} eigenvalues)",
                        SAFETY * 250e-9 * cells, 1, 3 * 8 * cells, ("--weights", "--spectrum"))
