"""The covering radius against brute force on small exact instances, and its result record, mode choice, errors
and the compiled prefix decision (mutation testing of ``pybridge/rss/radius.py``, issue 10 §3).

Brute force (independent of the interval union): all 2^n subset sums as exact Fractions; the distance to the
sums is piecewise linear in z, so rho = max over z in {a, b} and the midpoints of consecutive sums inside
[a, b] of min_S |z - S|.  Instances are dyadic or small rationals on intervals with fractional ends (ends inside
a gap, on a sum, at a midpoint), so boundary ties occur; a fixed seed keeps the list deterministic.  With the
closed convention coverage at eps holds iff rho <= eps (module docstring of ``pybridge.rss.radius``).
"""

from __future__ import annotations

from fractions import Fraction as F
import warnings
from itertools import combinations

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.rss import (RadiusResult, coverage_on_grid, covering_radius, covers, covers_exact,
                          prefix_covers_status, radius_exceeds)
from pybridge.rss import radius as radius_module


def _sums(xs):
    return sorted({sum(c, F(0)) for k in range(len(xs) + 1) for c in combinations(xs, k)})


def _rho(xs, a, b):
    s = _sums(xs)
    cands = [a, b] + [(u + v) / 2 for u, v in zip(s, s[1:]) if a <= (u + v) / 2 <= b]
    return max(min(abs(z - t) for t in s) for z in cands)


def _instances(count, seed, denom=8):
    rng = np.random.default_rng(seed)
    out = [((), F(-1, 4), F(1, 2)), ((F(1),), F(3, 4), F(1)), ((F(1),), F(0), F(1, 4)),
           ((F(1, 2), F(1, 4)), F(-3, 8), F(7, 8))]
    while len(out) < count:
        n = int(rng.integers(0, 6))
        xs = tuple(F(int(k), denom) for k in rng.integers(-12, 13, n))
        a = F(int(rng.integers(-3 * denom, 2 * denom)), denom) + F(int(rng.integers(0, 2)), 2 * denom)
        b = a + F(int(rng.integers(1, 3 * denom)), denom)
        out.append((xs, a, b))
    return out


CASES = _instances(120, 20261202)


def test_exact_radius_equals_brute_force():
    for xs, a, b in CASES:
        rho = _rho(xs, a, b)
        r = covering_radius(list(xs), interval=(a, b))
        assert (r.value, r.low, r.high, r.censored, r.mode) == (rho, rho, rho, False, "exact"), (xs, a, b)
        assert r.n == len(xs) and r.interval == (float(a), float(b)) and 0 < r.floor < rho
        # the same dyadic values given as floats (no floor): still the exact radius
        assert covering_radius([float(x) for x in xs], interval=(float(a), float(b))).value == rho


def test_exact_radius_with_a_floor_is_censored_iff_rho_at_most_floor():
    for xs, a, b in CASES[:60]:
        rho = _rho(xs, a, b)
        for fl in (rho, rho / 2, 2 * rho, F(1, 8), rho + F(1, 64)):
            r = covering_radius(list(xs), interval=(a, b), floor=fl, exact=True)
            assert r.mode == "exact" and r.floor == fl and r.n == len(xs)
            if rho <= fl:
                assert (r.censored, r.low, r.high, r.value) == (True, 0, fl, None), (xs, a, b, fl)
            else:
                assert (r.censored, r.low, r.high, r.value) == (False, rho, rho, rho), (xs, a, b, fl)


def test_empty_sample_radius_is_the_farther_end():
    # rho = max(|a|, |b|); a floor at or above it censors (it used to report rho = floor: the pass tests
    # containment only after a sample)
    assert covering_radius([], interval=(F(-1, 4), F(1, 2))).value == F(1, 2)
    r = covering_radius([], interval=(F(-1, 4), F(1, 2)), floor=F(1), exact=True)
    assert r.censored and (r.low, r.high) == (0, 1)
    r = covering_radius([], interval=(F(-1, 4), F(1, 2)), floor=F(1, 2), exact=True)
    assert r.censored and r.high == F(1, 2)
    assert covering_radius([], interval=(F(-1, 4), F(1, 2)), floor=F(1, 3), exact=True).value == F(1, 2)
    f = covering_radius(np.array([]), interval=(-0.25, 0.5), floor=0.75)
    assert f.censored and f.mode == "float" and f.high == 0.75


def test_float_bracket_against_brute_force():
    for xs, a, b in CASES[:80]:
        rho = _rho(xs, a, b)
        arr = np.array([float(x) for x in xs])
        for fl in (float(rho) / 4, float(rho) * 2, 1 / 64):
            r = covering_radius(arr, interval=(float(a), float(b)), floor=fl)
            assert r.mode == "float" and r.floor == fl and r.n == len(xs) and r.interval == (float(a), float(b))
            if rho > fl:
                assert r.censored is False and r.low <= rho <= r.high, (xs, a, b, fl)
                assert r.high - r.low <= 1e-12 and isinstance(r.low, float) and r.value is None
            elif rho <= fl / 2:
                assert r.censored and (r.low, r.high) == (0.0, fl), (xs, a, b, fl)
            # at every eps the bracket answers rho > eps exactly
            for eps in {float(rho), float(rho) * (1 - 2**-20), float(rho) * (1 + 2**-20), fl}:
                assert radius_exceeds(r, eps, arr) == (rho > F(eps)), (xs, a, b, fl, eps)


def test_float_path_falls_back_to_exact_when_the_margin_swamps_the_floor():
    # samples of size 2^40 make the rounding bound exceed a floor of 1e-6: the exact radius is returned
    xs = [2.0**40, 1.0]
    r = covering_radius(xs, interval=(0.0, 2.0**41), floor=1e-6)
    assert r.mode == "exact" and r.value == _rho([F(x) for x in xs], F(0), F(2**41))


def test_mode_follows_the_input_types():
    def mode(xs, floor=0.01, interval=(-1.0, 1.0)):
        return covering_radius(xs, interval=interval, floor=floor).mode

    assert mode([0.5, -0.25]) == "float"
    assert mode(np.array([0.5, -0.25], dtype=np.float32)) == "float"
    assert mode([1, -1], interval=(-2, 2)) == "float"            # small ints are exact floats
    assert mode(np.array([1, -1]), interval=(-2, 2)) == "float"
    assert mode([2**53], interval=(-1, 1), floor=2.0**60) == "float"
    assert mode([2**53 + 1], interval=(-1, 1), floor=2.0**60) == "exact"  # not a float
    assert mode(np.array([2**53 + 1], dtype=np.int64), interval=(-1, 1), floor=2.0**60) == "exact"
    with pytest.raises(InvalidType, match=r"^xs\[0\] must be a number"):  # a bool is no sample (exact check)
        mode([True, 0.5])
    assert mode([F(1, 3)]) == "exact"
    assert mode([0.5], floor=F(1, 100)) == "exact"
    assert mode([0.5], interval=(F(-1), 1.0)) == "exact"
    assert mode([0.5], interval=(-1.0, F(1))) == "exact"
    assert covering_radius([0.5, 0.25], floor=0.01, exact=True).mode == "exact"
    # a large integer sample keeps its exact value (2^53 + 1 has no float)
    r = covering_radius([2**53 + 1], interval=(0, 2**54), floor=1000)
    assert r.mode == "exact" and r.value == 2**53 - 1
    r = covering_radius([F(1, 3)], interval=(0.0, 1.0), floor=0.01)
    assert r.value == F(2, 3)  # b = 1 is 2/3 from the sum 1/3


def test_result_record_to_dict():
    r = covering_radius([F(1, 2), F(1, 4)], interval=(F(-3, 8), F(7, 8)))
    d = r.to_dict()
    assert d == {"low": 0.375, "high": 0.375, "censored": False, "mode": "exact", "floor": float(r.floor), "n": 2,
                 "interval": [-0.375, 0.875], "exact_value": "3/8"}
    assert all(type(d[k]) is float for k in ("low", "high", "floor")) and type(d["interval"]) is list
    c = covering_radius([0.5, 0.25], interval=(0.0, 0.75), floor=0.5).to_dict()
    assert c == {"low": 0.0, "high": 0.5, "censored": True, "mode": "float", "floor": 0.5, "n": 2,
                 "interval": [0.0, 0.75], "exact_value": None}
    e = RadiusResult(F(0), F(1, 2), True, "exact", F(1, 2), 1, (0.0, 1.0))
    assert e.value is None and e.to_dict()["exact_value"] is None
    assert RadiusResult(F(2, 3), F(2, 3), False, "exact", F(1, 12), 1, (0.0, 1.0)).to_dict()["exact_value"] == "2/3"
    assert RadiusResult(0.25, 0.26, False, "float", 0.1, 1, (0.0, 1.0)).value is None


def test_radius_exceeds_at_the_bracket_ends():
    xs = [F(1, 2), F(1, 4)]
    r = covering_radius(xs, interval=(F(-3, 8), F(7, 8)))
    assert radius_exceeds(r, F(3, 8), xs) is False          # rho = 3/8 covers (closed)
    assert radius_exceeds(r, F(3, 8) - F(1, 2**40), xs) is True
    assert radius_exceeds(r, F(1), xs) is False
    c = covering_radius(xs, interval=(F(-3, 8), F(7, 8)), floor=F(1, 2), exact=True)
    assert c.censored
    assert radius_exceeds(c, F(3, 8), xs) is False and radius_exceeds(c, F(3, 8) - F(1, 2**40), xs) is True
    # the fallback decides on the result's own interval
    d = covering_radius([0.5], interval=(0.0, 0.5), floor=0.5)
    assert d.censored and radius_exceeds(d, 0.25, [0.5]) is False and radius_exceeds(d, 0.2, [0.5]) is True
    with pytest.raises(InvalidType, match=r"^result must be a RadiusResult"):
        radius_exceeds(0.5, 0.1, xs)
    for bad in (0, -1, F(0)):
        with pytest.raises(InvalidArgument, match=r"^eps must be > 0"):
            radius_exceeds(r, bad, xs)
    with pytest.raises(InvalidType, match=r"^eps must be"):
        radius_exceeds(r, None, xs)
    with pytest.raises(InvalidType, match=r"^xs must be a sequence"):
        radius_exceeds(r, 0.1, 5)


def test_coverage_on_grid_arguments_and_large_n():
    with pytest.raises(InvalidArgument, match=r"^eps must be > 0"):
        coverage_on_grid([0.5], [0.1, 0.0])
    with pytest.raises(InvalidArgument, match=r"^eps must be > 0"):
        coverage_on_grid([0.5], [0.1, -0.1])
    with pytest.raises(InvalidType, match=r"^eps_grid must be a sequence"):
        coverage_on_grid([0.5], 0.1)
    assert coverage_on_grid([0.5], []) == []
    # n = 40: only the floor (the smallest eps) keeps the interval union small; the answers are exact
    x = np.random.default_rng(5).uniform(-1, 1, 40)
    grid = [0.05, 1e-3, 1e-6]
    assert coverage_on_grid(x, grid) == [covers(x, e) for e in grid]


def test_covering_radius_bad_arguments_name_themselves():
    with pytest.raises(InvalidType, match=r"^exact must be True or False"):
        covering_radius([0.5], exact="yes")
    for cap in (0, radius_module.MAX_INTERVALS + 1):
        with pytest.raises(InvalidArgument, match=r"^cap_intervals must be"):
            covering_radius([0.5], floor=0.1, cap_intervals=cap)
    with pytest.raises(ResourceLimitError, match=r"^covering radius needs more than 1 intervals \(n=1, floor=0.1\)"):
        covering_radius([0.5], floor=0.1, cap_intervals=1)
    assert covering_radius([0.5], floor=0.1, cap_intervals=2).low > 0
    with pytest.raises(InvalidType, match=r"^xs must be a sequence"):
        covering_radius(5)
    with pytest.raises(InvalidArgument, match=r"^xs must be one-dimensional"):
        covering_radius(np.zeros((2, 2)), floor=0.1)
    with pytest.raises(InvalidArgument, match=r"^xs"):
        covering_radius(np.array([0.5, np.inf]), floor=0.1)
    with pytest.raises(InvalidArgument, match=r"^floor must be > 0"):
        covering_radius([0.5], floor=0, exact=True)


def test_cap_of_the_exact_union_names_the_step(monkeypatch):
    # generic samples at radius 1/(4D): the union doubles with every sample (1, 2, 4, 8, 16 intervals), so a cap
    # of 8 is exceeded after the 4th of 6 samples
    monkeypatch.setattr(radius_module, "MAX_EXACT_INTERVALS", 8)
    xs = [F(1, 3), F(1, 5), F(1, 7), F(1, 11), F(1, 13), F(1, 17)]
    with pytest.raises(ResourceLimitError) as err:
        covering_radius(xs, interval=(F(-1), F(1)))
    assert str(err.value) == ("exact covering radius needs more than 8 intervals after 4 of n=6 samples; give a "
                              "larger floor or fewer samples")


def test_prefix_covers_status_against_brute_force():
    rng = np.random.default_rng(7)
    seen, undetermined = set(), 0
    for _ in range(120):
        n = int(rng.integers(1, 9))
        x = rng.uniform(-1, 1, n)
        m = int(rng.integers(0, n + 1))
        eps = float(rng.choice([0.3, 0.1, 0.03]))
        a, b = sorted(rng.uniform(-1, 1, 2))
        st = prefix_covers_status(x, m, eps, a, b)
        seen.add(int(st))
        want = covers_exact([F(v) for v in x[:m]], F(eps), F(a), F(b))
        assert st in (-1, 0, 1) and (st == -1 or bool(st) == want), (x, m, eps, a, b, st)
        undetermined += st == -1
    assert seen == {-1, 0, 1} and undetermined <= 20
    # the prefix only: the sample beyond m would cover
    x = np.array([0.5, 0.25])
    assert prefix_covers_status(x, 1, 0.125, 0.0, 0.75) == 0 and prefix_covers_status(x, 2, 0.125, 0.0, 0.75) in (1, -1)
    assert prefix_covers_status(x, 2, 0.2, 0.0, 0.75) == 1
    # a radius at the rounding scale, and non-finite magnitudes: decide exactly (-1)
    assert prefix_covers_status(x, 2, 1e-17, 0.0, 0.75) == -1
    assert prefix_covers_status(np.array([np.inf, 0.5]), 2, 0.1, 0.0, 0.75) == -1
    assert prefix_covers_status(np.array([1e308, 1e308]), 2, 0.1, 0.0, 0.75) == -1


@pytest.mark.parametrize("xs,interval,floor", [([0.5, 0.25, -0.125], (-0.5, 1.5), 0.25),
                                               ([0.01, 0.02], (0.0, 0.05), 0.001)])
def test_float_bracket_half_width_is_the_documented_margin(xs, interval, floor):
    # module docstring: [low, high] = rho_hat -+ 2 delta, delta = 2 (n + 2) 2^-52 M,
    # M = sum |x_i| + tau + |a| + |b| + 2 R0 (the second case has M < 1)
    a, b = interval
    n, r0 = len(xs), max(abs(a), abs(b))
    delta = 2 * (n + 2) * 2.0**-52 * (sum(abs(x) for x in xs) + floor + abs(a) + abs(b) + 2 * r0)
    r = covering_radius(np.array(xs), interval=interval, floor=floor)
    rho = _rho([F(x) for x in xs], F(a), F(b))
    assert r.mode == "float" and r.censored is False and r.low <= rho <= r.high
    assert abs((r.high - r.low) - 4 * delta) <= 4 * np.spacing(r.high)


def test_fallback_keeps_the_floor_and_raises_no_warning():
    # the magnitudes overflow (sum 2e308): exact mode with the same floor (censored: rho = 1 <= 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = covering_radius(np.array([1e308, 1e308]), interval=(-1.0, 1.0), floor=2.0)
    assert (r.mode, r.censored, r.low, r.high, r.floor) == ("exact", True, 0, 2, 2)
    r = covering_radius(np.array([1e308, 1e308]), interval=(-1.0, 1.0), floor=0.5)
    assert (r.mode, r.censored, r.value) == ("exact", False, 1)


def test_more_bad_arguments_name_themselves():
    with pytest.raises(InvalidArgument, match=r"^interval must be a pair \(a, b\), got interval='ab'"):
        covering_radius([0.5], interval="ab")
    with pytest.raises(InvalidArgument, match=r"^floor must be > 0"):
        covering_radius([0.5], floor=-1.0)
    with pytest.raises(InvalidType, match=r"^xs must be a sequence"):
        covering_radius(5, floor=0.1)


def test_prefix_covers_status_at_tiny_scale():
    # magnitudes ~1e-300: the rounding bound scales with them, so the decision is still made
    x = np.array([1e-300])
    assert prefix_covers_status(x, 1, 1e-300, 0.0, 1e-300) == 1
    assert prefix_covers_status(x, 1, 1e-300, 0.0, 3e-300) == 0


def _reference_status(x, m, eps, a, b):
    from pybridge.rss.coverage import covers_float_kernel, processing_order
    pre = np.asarray(x[:m], dtype=float)
    return covers_float_kernel(pre[processing_order(pre)], eps, a, b)[0]


def test_prefix_status_equals_the_general_kernel_near_ties():
    # prefix_covers_status documents "the same margins and statuses" as covers_float_kernel on x[:m]: compared on
    # dyadic instances with eps stepped through the exact radius in half-units of the rounding bound, where the
    # answers change from decided to undetermined (-1) exactly where the margins put them
    rng = np.random.default_rng(17)
    changes = 0
    for _ in range(12):
        n = int(rng.integers(1, 6))
        x = rng.integers(-16, 17, n) / 16.0
        m = int(rng.integers(1, n + 1))
        a = float(rng.integers(-16, 0)) / 16
        b = float(rng.integers(1, 17)) / 16
        rho = float(covering_radius(x[:m], interval=(a, b)).value)
        unit = 2 * (m + 2) * 2.0**-52 * (float(np.abs(x[:m]).sum()) + rho + abs(a) + abs(b))
        statuses = []
        for j in range(-16, 17):
            eps = rho + j * unit / 2
            st = prefix_covers_status(x, m, eps, a, b)
            assert st == _reference_status(x, m, eps, a, b), (x, m, a, b, j)
            statuses.append(st)
        assert statuses[0] == 0 and statuses[-1] == 1
        changes += len(set(statuses))
    assert changes >= 30  # -1 between the decided ranges in most instances


def test_prefix_status_at_the_float_range_guard():
    # both kernels refuse (-1) magnitudes M with 4 (M + 4 rho) beyond the largest float and decide below it:
    # compared at 4M < max < 5M, beyond the guard, and ulp by ulp across it
    big = np.finfo(float).max
    for v in (2.5e307, 3e307):
        x = np.array([v])
        assert prefix_covers_status(x, 1, 1e307, 0.0, 5e306) == _reference_status(x, 1, 1e307, 0.0, 5e306)
    assert prefix_covers_status(np.array([2.5e307]), 1, 1e307, 0.0, 5e306) == 1
    assert prefix_covers_status(np.array([3e307]), 1, 1e307, 0.0, 5e306) == -1
    v = np.float64((big / 4 - 1.5e307) * (1 - 60 * 2.0**-52))
    seen = set()
    for _ in range(240):
        x = np.array([v])
        mag = v + 1e307 + 5e306
        rho = 2.0 * 3 * 2.0**-52 * mag
        with np.errstate(over="ignore"):
            seen.add((bool(np.isfinite(4.0 * (mag + 4.0 * rho))), bool(np.isfinite(4.0 * (mag - 4.0 * rho))),
                      bool(np.isfinite(4.0 * (mag + 5.0 * rho)))))
        assert prefix_covers_status(x, 1, 1e307, 0.0, 5e306) == _reference_status(x, 1, 1e307, 0.0, 5e306)
        v = np.nextafter(v, np.inf)
    assert seen == {(True, True, True), (True, True, False), (False, True, False), (False, False, False)}


def test_zero_inner_radius_is_left_to_the_exact_mode():
    # floors where the inner radius (floor minus the rounding margin) is exactly 0.0 in floats: the float kernels
    # need a positive one, so the radius answers in exact mode and the prefix decision says -1 (decide exactly)
    u = 2.0**-52
    tau = 24 * u + 192 * u * u  # n = 0 on [0, 1]: M = 3 + tau rounds to 3 + 24u, 2 delta = 8u M = tau
    at = covering_radius(np.array([]), interval=(0.0, 1.0), floor=tau)
    above = covering_radius(np.array([]), interval=(0.0, 1.0), floor=float(np.nextafter(tau, 1.0)))
    assert (at.mode, at.value) == ("exact", 1) and above.mode == "float" and above.low <= 1 <= above.high
    eps = 2.0**-49 + 2.0**-98  # m = 0 on [0, 1]: M = 1 + eps rounds to 1 + 2^-49, 2 rho = 2^-49 (1 + 2^-49) = eps
    x = np.array([0.5])
    assert prefix_covers_status(x, 0, eps, 0.0, 1.0) == -1 == _reference_status(x, 0, eps, 0.0, 1.0)
    assert prefix_covers_status(x, 0, float(np.nextafter(eps, 1.0)), 0.0, 1.0) == 0
