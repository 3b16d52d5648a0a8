"""Theorem I's violation rule (:func:`kinematic_violations`) on synthetic points with hand-placed regions.

The window a_eta = sqrt(8 ln(4/eta)) is evaluated by hand here; points are placed inside, on the edge of and
outside the two regions m <= d - delta_high - a sqrt(d) and m >= d - delta_low + a sqrt(d), with exact values and
Clopper–Pearson ends on both sides of eta and 1 - eta.  Targeted tests of
``benchmarks/mutation.py --only prunelimit-checks``.
"""

from __future__ import annotations

import math
from pybridge.prunelimit.checks import ETAS, kinematic_violations
from pybridge.prunelimit.kinematic import KinematicPoint

D = 100
W = {eta: math.sqrt(8 * math.log(4 / eta)) * math.sqrt(D) for eta in (0.5, 0.1, 0.01)}  # 40.8, 54.3, 69.2


class _FakePoint(KinematicPoint):
    """A KinematicPoint with chosen fields only (the rule checks the type, then reads these)."""

    def __init__(self, **fields):  # noqa: D107 - bypasses the frozen dataclass's generated __init__
        for k, v in fields.items():
            object.__setattr__(self, k, v)


def pt(m, exact, lo, hi):
    return _FakePoint(d=D, m=m, exact=exact, ci_low=lo, ci_high=hi,
                      to_dict=lambda: {"m": m, "exact": exact, "ci": [lo, hi]})


def test_etas():
    assert ETAS == (0.5, 0.1, 0.01)


def test_violations_in_each_region_and_none_between():
    dl, dh = 40.0, 50.0  # lower region (eta 0.5): m <= 100 - 50 - 40.8 = 9.2; upper: m >= 100 - 40 + 40.8 = 100.8
    points = [pt(5, 0.6, 0.55, 0.7), pt(5, 0.5, 0.5, 0.6), pt(30, 0.9, 0.9, 1.0)]
    exact_bad, mc_bad = kinematic_violations(points, dl, dh)
    assert exact_bad == [(0.5, {"m": 5, "exact": 0.6, "ci": [0.55, 0.7]})]
    assert mc_bad == [(0.5, {"m": 5, "exact": 0.6, "ci": [0.55, 0.7]})]
    dl = 10.0  # upper region (eta 0.5): m >= 100 - 10 + 40.8 = 130.8: no point of d = 100 is in it
    assert kinematic_violations([pt(100, 0.0, 0.0, 0.0)], dl, dh) == ([], [])
    dl = 80.0  # upper region: eta 0.5: m >= 60.8, eta 0.1: m >= 74.3, eta 0.01: m >= 89.2
    exact_bad, mc_bad = kinematic_violations([pt(95, 0.4, 0.3, 0.45), pt(95, 0.995, 0.99, 0.99)], dl, dh)
    assert [(e, x["exact"]) for e, x in exact_bad] == [(0.5, 0.4), (0.1, 0.4), (0.01, 0.4)]
    assert [(e, x["exact"]) for e, x in mc_bad] == [(0.5, 0.4), (0.1, 0.4), (0.01, 0.4)]  # 0.99 < 0.99 is false


def test_mc_rule_alone_when_there_is_no_exact_value():
    exact_bad, mc_bad = kinematic_violations([pt(2, None, 0.6, 0.7)], 40.0, 50.0)
    assert exact_bad == [] and [e for e, _ in mc_bad] == [0.5]
    exact_bad, mc_bad = kinematic_violations([pt(2, None, 0.4, 0.7)], 40.0, 50.0)
    assert (exact_bad, mc_bad) == ([], [])
    # upper region with an exact value that is fine but an interval that is too low
    exact_bad, mc_bad = kinematic_violations([pt(99, 0.995, 0.2, 0.3)], 90.0, 50.0)
    assert exact_bad == [] and [e for e, _ in mc_bad] == [0.5, 0.1, 0.01]


def test_region_edges_are_closed_and_bounds_strict():
    w = W[0.5]
    dh = 45.0
    lo_edge = D - dh - w  # lower region edge for eta = 0.5 (a point exactly on it; m as computed in floats)
    exact_bad, mc_bad = kinematic_violations([pt(lo_edge, 0.51, 0.51, 0.9)], 0.0, dh)
    assert [e for e, _ in exact_bad] == [0.5] and [e for e, _ in mc_bad] == [0.5]
    assert kinematic_violations([pt(math.nextafter(lo_edge, math.inf), 0.51, 0.51, 0.9)], 0.0, dh) == ([], [])
    exact_bad, mc_bad = kinematic_violations([pt(lo_edge, 0.5, 0.5, 0.9)], 0.0, dh)  # equal to eta: no violation
    assert (exact_bad, mc_bad) == ([], [])
    dl = 55.0
    up_edge = D - dl + w  # upper region edge for eta = 0.5
    exact_bad, mc_bad = kinematic_violations([pt(up_edge, 0.49, 0.1, 0.49)], dl, 1000.0)
    assert [e for e, _ in exact_bad] == [0.5] and [e for e, _ in mc_bad] == [0.5]
    assert kinematic_violations([pt(math.nextafter(up_edge, -math.inf), 0.49, 0.1, 0.49)], dl, 1000.0) == ([], [])
    exact_bad, mc_bad = kinematic_violations([pt(up_edge, 0.5, 0.1, 0.5)], dl, 1000.0)
    assert (exact_bad, mc_bad) == ([], [])
