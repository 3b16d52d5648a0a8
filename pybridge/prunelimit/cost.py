r"""Cost models of ``prunegap statdim`` and ``prunegap prunelimit``, before any work (issue 11 §2).

Measured 2026-12-02 in one process (2 cores shared by 6 engineers, load average 4-5).

**statdim, exact / certified value** (:func:`symbolic.statdim.statdim`), seconds:

===========  ============================================  ===========================================
cone         measured                                      model at ``dps <= 1000``
===========  ============================================  ===========================================
orthant      <= 1 ms (d = 5..10^6, dps 50 and 1000)          0.05
subspace     <= 1 ms (d = 5..10^6, dps 50 and 1000)          0.05
circular     d = 3: 2.0; d = 5: 3.6-13.6; d = 6: 41;       d <= 8 (exact sympy integral):
             d = 8: 66 (dps 50), 89 (dps 1000)             :data:`CIRCULAR_EXACT_SECONDS` [d]
circular     d = 100: 0.3 / 1.2; d = 10^4: 0.01 / 6.0;     8.0
             d = 10^6: 0.02 / 2.1 (dps 50 / 1000)
l1-descent   0.01-2.0 (dps 50), 0.15-0.38 (dps 1000)        2.0
===========  ============================================  ===========================================

Above 1000 digits the certified evaluation grows like a power of the digits: d = 100 at dps 3000
took 19.4 s (circular, 16x its dps-1000 time) and 9.1 s (l1-descent, 39x), so the model multiplies
by :math:`(\mathrm{dps}/1000)^{3.3}` (a factor 38 at 3000 digits, 2000 at 10000).

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

from pybridge.stats.budget import WorkEstimate, format_count
from pybridge.validation import check_choice, check_int

__all__ = ["statdim_estimate", "prunelimit_estimate", "CIRCULAR_EXACT_SECONDS", "SAFETY"]

SAFETY = 1.5
#: measured (3, 5, 6, 8; with margin) and interpolated (2, 4, 7) seconds of the exact circular value at d <= 8
CIRCULAR_EXACT_SECONDS = {2: 1.0, 3: 3.0, 4: 8.0, 5: 15.0, 6: 45.0, 7: 70.0, 8: 100.0}
CONES = ("orthant", "subspace", "circular", "l1-descent")
#: rows of a Monte Carlo chunk (:data:`pybridge.prunelimit.projections.CHUNK`)
MC_CHUNK = 500


def _exact_seconds(cone: str, d: int, dps: int) -> float:
    if cone in ("orthant", "subspace"):
        base = 0.05
    elif cone == "circular":
        base = CIRCULAR_EXACT_SECONDS.get(d, 8.0)
    else:
        base = 2.0
    return base * max(1.0, dps / 1000.0) ** 3.3


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
