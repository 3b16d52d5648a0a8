"""Covering radius exactly at the floor (mutation testing of pybridge/rss/intervals.py, issue 10 §3).

The expected radius is computed independently by brute force: all 2^n subset sums (itertools, exact
Fractions), rho = max over z in [a, b] of dist(z, sums), attained at a, b or a midpoint between
consecutive sums.  The target interval is chosen as [s_min - f, s_max + f] with f the largest half-gap,
so rho = f exactly and the union of the radius-f neighbourhoods starts exactly at a and ends exactly at b
(the boundary of the "covered" tests).  The docstring of ``covering_radius``: at or below the floor the
result is censored.
"""

from __future__ import annotations

from fractions import Fraction as F
from itertools import combinations

import pytest

from pybridge.rss import covering_radius


def _sums(xs):
    return sorted({sum(c, F(0)) for k in range(len(xs) + 1) for c in combinations(xs, k)})


def _rho(xs, a, b):
    s = _sums(xs)
    cands = [a, b] + [(u + v) / 2 for u, v in zip(s, s[1:]) if a <= (u + v) / 2 <= b]
    return max(min(abs(z - t) for t in s) for z in cands)


INSTANCES = [
    [F(1, 2), F(1, 4)],
    [F(1, 2), F(1, 4), F(-1, 8)],
    [F(3, 5), F(-1, 3), F(1, 7)],
    [F(1), F(2, 3), F(-2, 9), F(1, 11)],
]


@pytest.mark.parametrize("xs", INSTANCES)
def test_radius_exactly_at_the_floor_is_censored(xs):
    s = _sums(xs)
    f = max((v - u) / 2 for u, v in zip(s, s[1:]))
    a, b = s[0] - f, s[-1] + f
    assert _rho(xs, a, b) == f  # the brute-force radius of this interval
    at = covering_radius(xs, interval=(a, b), floor=f, exact=True)
    assert at.censored and at.low == 0 and at.high == f
    below = covering_radius(xs, interval=(a, b), floor=f / 2, exact=True)
    assert not below.censored and below.low == below.high == f
    assert covering_radius(xs, interval=(a, b), exact=True).value == f
