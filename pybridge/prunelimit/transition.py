r"""The phase-transition curves of the ``prunelimit`` section and the exact check of Theorem I's bound regions.

Each curve is one cone in one dimension ``D``: ``grid_points`` values of ``m`` spread evenly over
:math:`D-\delta(C)\pm\text{grid\_half\_width}\sqrt D` (rounded, clipped to ``[0, D]``), each decided on
``trials`` random subspaces (:func:`pybridge.prunelimit.kinematic.kinematic_curve`, point ``i`` of curve ``c``
from stream index ``CURVE_STRIDE * c + i``), with the exact probability where one is known.  The grid shows the
transition; it lies inside Theorem I's window :math:`\pm a_\eta\sqrt D` (:math:`a_\eta\ge a_{1/2}\approx4.08`
exceeds the grid's 3.5), so the bounds themselves are checked exactly on every integer ``m`` of the bound regions
(:func:`exact_regions`) for the cones with a closed form; Monte Carlo grid points in a region are tested with
their Clopper-Pearson intervals (:func:`pybridge.prunelimit.checks.kinematic_violations`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from pybridge.prunelimit.checks import ETAS, kinematic_violations
from pybridge.prunelimit.kinematic import a_eta, exact_meet_probability, kinematic_curve

#: the functions are the section's own (whole-experiment runs on a budget; their tests are the section's)
__all__ = ["CURVE_STRIDE", "CurveSpec", "Transition"]

#: point ``i`` of curve ``c`` draws from stream index ``CURVE_STRIDE * c + i`` (Stream.KINEMATIC_POINT)
CURVE_STRIDE = 1000


@dataclass(frozen=True)
class CurveSpec:
    """One transition curve: the cone, its dimension, its parameters (Monte Carlo, exact) and its trials."""

    cone: str
    d: int
    mc_kw: dict
    exact_kw: dict
    trials: int


@dataclass(frozen=True)
class Transition:
    """The curves (JSON rows), the (eta, point) pairs contradicting Theorem I, and the exact region rows."""

    curves: list
    exact_bad: list
    mc_bad: list
    regions: list


def curve_specs(budget) -> list[CurveSpec]:
    """The curves of a :class:`~pybridge.prunelimit.budget.PrunelimitBudget`, in stream order."""
    specs = [CurveSpec("circular", d, {"angle": math.pi / 6}, {"angle": "pi/6"}, budget.circ_trials)
             for d in budget.circ_ds]
    d = budget.lp_d
    specs += [CurveSpec("orthant", d, {}, {}, budget.lp_trials),
              CurveSpec("subspace", d, {"k": d // 3}, {"k": d // 3}, budget.lp_trials)]
    if budget.l1:
        specs.append(CurveSpec("l1-descent", d, {"s": d // 10}, {"s": d // 10}, budget.lp_trials))
    return specs


def _grid(d: int, lo: float, hi: float, budget) -> list[int]:
    centre = d - (lo + hi) / 2
    half = budget.grid_half_width * math.sqrt(d)
    return sorted({int(min(d, max(0, round(centre + t * half)))) for t in np.linspace(-1, 1, budget.grid_points)})


def transition_curves(budget, root: np.random.SeedSequence) -> Transition:
    """Every curve of ``budget`` under ``root`` (the section's ``Stream.KINEMATIC`` seed)."""
    from symbolic.constants.statdim import statdim

    curves, exact_bad, mc_bad, regions = [], [], [], []
    for i, spec in enumerate(curve_specs(budget)):
        r = statdim(spec.cone, d=spec.d, dps=budget.exact_dps, **spec.exact_kw)
        lo, hi = float(r.delta_bounds.lo), float(r.delta_bounds.hi)
        ms = _grid(spec.d, lo, hi, budget)
        pts = kinematic_curve(spec.cone, spec.d, ms, spec.trials, root, CURVE_STRIDE * i, **spec.mc_kw)
        eb, mb = kinematic_violations(pts, lo, hi)
        exact_bad += eb
        mc_bad += mb
        regions += exact_regions(spec, lo, hi)
        curves.append({"cone": spec.cone, "d": spec.d, "delta_low": lo, "delta_high": hi,
                       "points": [p.to_dict() for p in pts],
                       "window": {str(eta): a_eta(eta) * math.sqrt(spec.d) for eta in ETAS},
                       "observed_10_90_width": observed_width(ms, [p.meets / p.trials for p in pts])})
    return Transition(curves, exact_bad, mc_bad, regions)


def exact_regions(spec: CurveSpec, delta_low: float, delta_high: float) -> list[dict]:
    """Theorem I's bounds on every integer ``m`` of both bound regions, by the exact probability.

    One row per eta (none for a cone without a closed form): the regions ``m <= lower_max`` (Pr <= eta) and
    ``m >= upper_min`` (Pr >= 1 - eta), the number of ``m`` checked, those contradicting the bound, and the
    extreme probabilities met there (``None`` for an empty region).
    """
    if _exact(spec, 0) is None:  # l1-descent: no closed form (and no ``s`` argument)
        return []
    rows = []
    for eta in ETAS:
        w = a_eta(eta) * math.sqrt(spec.d)
        lower = [m for m in range(spec.d + 1) if m <= spec.d - delta_high - w]
        upper = [m for m in range(spec.d + 1) if m >= spec.d - delta_low + w]
        p_lower = [float(_exact(spec, m)) for m in lower]
        p_upper = [float(_exact(spec, m)) for m in upper]
        rows.append({"cone": spec.cone, "d": spec.d, "eta": eta, "lower_max": max(lower, default=None),
                     "upper_min": min(upper, default=None), "instances": len(lower) + len(upper),
                     "failures": sum(p > eta for p in p_lower) + sum(p < 1 - eta for p in p_upper),
                     "max_lower_probability": max(p_lower, default=None),
                     "min_upper_probability": min(p_upper, default=None)})
    return rows


def _exact(spec: CurveSpec, m: int):
    return exact_meet_probability(spec.cone, spec.d, m, angle=spec.mc_kw.get("angle"), k=spec.mc_kw.get("k"))


def observed_width(ms, freqs) -> float | None:
    """Empirical 10%-90% width of the transition in ``m`` (linear interpolation of the frequencies)."""
    def cross(level):
        for (m0, f0), (m1, f1) in zip(zip(ms, freqs), zip(ms[1:], freqs[1:])):
            if f0 <= level <= f1 and f1 > f0:
                return m0 + (level - f0) * (m1 - m0) / (f1 - f0)
        return None

    a, b = cross(0.1), cross(0.9)
    return None if a is None or b is None else b - a
