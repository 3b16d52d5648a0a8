"""The coverage decision (float kernel, exact mode, public entry point) against brute force.

The reference enumerates every subset with :func:`itertools.combinations`, sorts the exact subset sums and
scans the union of the closed intervals [s - eps, s + eps] over [a, b]; the covering radius is the largest
distance from a point of [a, b] to its nearest subset sum (attained at a, b or a midpoint of two consecutive
sums).  Neither uses the interval-union recursion of :mod:`pybridge.rss.coverage`.  The instances are fixed
(seeded numpy draws, dyadic ties at exactly 2 eps, signed samples, off-centre intervals), so these tests are
fast and deterministic; they are also the targeted tests of ``benchmarks/mutation.py`` (targets ``coverage``,
``decide``).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss import covers, decide_cover
from pybridge.rss.coverage import covers_exact, covers_float_kernel, processing_order, scaled_integers


def subset_sums(xs):
    return sorted({sum(c, Fraction(0)) for k in range(len(xs) + 1) for c in itertools.combinations(xs, k)})


def brute_covers(xs, eps, a, b) -> bool:
    xs, eps, a, b = [Fraction(x) for x in xs], Fraction(eps), Fraction(a), Fraction(b)
    reach = a  # every z in [a, reach) is within eps of a sum
    for s in subset_sums(xs):
        if s - eps > reach:
            return False
        reach = max(reach, s + eps)
        if reach >= b:
            return True
    return reach >= b


def brute_radius(xs, a, b) -> Fraction:
    sums = subset_sums([Fraction(x) for x in xs])
    a, b = Fraction(a), Fraction(b)
    cands = [a, b] + [(s + t) / 2 for s, t in zip(sums, sums[1:]) if a <= (s + t) / 2 <= b]
    return max(min(abs(z - s) for s in sums) for z in cands)


def _instances():
    """(xs as floats, eps, a, b): random signed samples at radii near and far from the critical one."""
    rng = np.random.default_rng(20261202)
    out = []
    for _ in range(100):
        n = int(rng.integers(0, 9))
        xs = rng.uniform(-1.0, 1.0, n) * rng.choice([0.3, 1.0, 2.5])
        a = float(rng.uniform(-1.5, 0.5))
        b = a + float(rng.uniform(0.05, 2.0))
        r = float(brute_radius(xs, a, b))
        for f in (0.5, 0.97, 1.03, 2.0):
            out.append((xs.tolist(), r * f if r > 0 else 0.01 * f, a, b))
    return out


INSTANCES = _instances()


def _dyadic_ties():
    """Multiples of 1/8 with eps = 1/16 or 1/8: gaps of exactly 2 eps occur (closed intervals must merge)."""
    rng = np.random.default_rng(7)
    out = []
    for _ in range(30):
        n = int(rng.integers(1, 8))
        xs = (rng.integers(-12, 13, n) / 8.0).tolist()
        for eps in (1 / 16, 1 / 8, 3 / 16):
            for a, b in ((-1.0, 1.0), (0.0, 1.0), (-0.5, 0.25), (0.125, 1.5)):
                out.append((xs, eps, a, b))
    return out


TIES = _dyadic_ties()


def test_float_and_exact_decisions_equal_brute_force():
    both = 0
    for xs, eps, a, b in INSTANCES:
        want = brute_covers(xs, eps, a, b)
        both += want
        got_f = decide_cover(xs, eps, interval=(a, b))
        got_e = decide_cover(xs, eps, interval=(a, b), exact=True)
        assert got_f.covered is want and got_e.covered is want, (xs, eps, a, b, want)
        assert covers_exact(xs, eps, a, b) is want
        assert covers(np.array(xs), eps, interval=(a, b)) is want
        assert got_e.mode == "exact" and got_e.fell_back is False
        assert (got_f.n, got_f.eps, got_f.a, got_f.b) == (len(xs), eps, a, b)
        assert (got_e.n, got_e.eps, got_e.a, got_e.b) == (len(xs), eps, a, b)
    assert 0.3 * len(INSTANCES) < both < 0.7 * len(INSTANCES)  # both answers are well represented


def test_float_kernel_decides_clear_cases_itself():
    """Radii 3% or more away from the critical one are far beyond the rounding margin: no fallback."""
    for xs, eps, a, b in INSTANCES:
        if not xs:  # the kernel answers "covered" only while adding a sample: n = 0 goes to exact mode
            continue
        res = decide_cover(xs, eps, interval=(a, b))
        assert res.mode == "float" and res.fell_back is False, (xs, eps, a, b)
        arr = np.array(xs, dtype=float)
        status, ops = covers_float_kernel(np.ascontiguousarray(arr[processing_order(arr)]), eps, a, b)
        assert status == int(brute_covers(xs, eps, a, b))
        assert ops >= 0


def test_dyadic_ties_at_two_eps_are_covered_and_decided_exactly():
    ties = 0
    for xs, eps, a, b in TIES:
        want = brute_covers(xs, eps, a, b)
        res = decide_cover(xs, eps, interval=(a, b))
        assert res.covered is want, (xs, eps, a, b)
        assert decide_cover(xs, eps, interval=(a, b), exact=True).covered is want
        if brute_radius(xs, a, b) == Fraction(eps):  # the closed tie decides: floats cannot, exact mode must
            ties += 1
            assert want and res.fell_back and res.mode == "exact", (xs, eps, a, b)
        else:
            assert not res.fell_back
    assert ties >= 10


def test_exact_fractions_equal_brute_force():
    rng = np.random.default_rng(11)
    for _ in range(80):
        n = int(rng.integers(0, 8))
        xs = [Fraction(int(v), 7) for v in rng.integers(-9, 10, n)]
        a = Fraction(int(rng.integers(-8, 3)), 5)
        b = a + Fraction(int(rng.integers(1, 12)), 5)
        r = brute_radius(xs, a, b)
        for eps in {r, r - Fraction(1, 100), r + Fraction(1, 100), r / 2 + Fraction(1, 1000)}:
            if eps <= 0:
                continue
            want = eps >= r
            assert brute_covers(xs, eps, a, b) is want
            res = decide_cover(xs, eps, interval=(a, b))  # exact inputs: never rounded to floats
            assert res.covered is want and res.mode == "exact", (xs, eps, a, b)
            assert covers_exact(xs, eps, a, b) is want


def test_counting_bound_and_block_extension_cases():
    # 2^n * 2 eps < b - a: impossible to cover
    assert not decide_cover([0.5, 0.25, 0.125], 0.05, interval=(-1.0, 1.0)).covered
    assert not covers_exact([Fraction(1, 2)] * 3, Fraction(1, 20), -1, 1)
    # exactly at the counting bound with a perfect grid: 2^3 * 2 * (1/8) = 2 = b - a, gaps of exactly 2 eps
    xs = [0.25, 0.5, 1.0]
    assert brute_covers(xs, 0.125, 0.0 - 0.125 + 0.125, 1.75)
    assert decide_cover(xs, 0.125, interval=(0.0, 1.75)).covered
    assert decide_cover(xs, 0.125, interval=(0.0, 1.75), exact=True).covered
    assert not decide_cover(xs, 0.125, interval=(0.0, 1.8751)).covered
    # negative samples reach left targets; one large sample extends a long block
    assert decide_cover([-0.75, -0.5, -0.25], 0.125, interval=(-1.625, 0.125)).covered
    assert not decide_cover([-0.75, -0.5, -0.25], 0.125, interval=(-1.625, 0.2)).covered
    assert decide_cover([0.01 * k for k in range(1, 8)] + [0.6], 0.02, interval=(0.0, 0.9)).covered is \
        brute_covers([0.01 * k for k in range(1, 8)] + [0.6], 0.02, 0.0, 0.9)


def test_empty_sample_covers_only_within_eps_of_zero():
    assert decide_cover([], 0.5, interval=(-0.5, 0.5)).covered
    assert not decide_cover([], 0.5, interval=(-0.5, 0.51)).covered
    assert covers_exact([], Fraction(1, 2), Fraction(-1, 2), Fraction(1, 2))
    assert not covers_exact([], Fraction(1, 2), Fraction(-1, 2), Fraction(51, 100))
    assert decide_cover([], 0.5, interval=(-0.5, 0.5)).n == 0


def test_certificate_attached_only_when_requested_and_covered():
    from pybridge.rss import verify_certificate

    xs, eps = [0.3, -0.45, 0.8, 0.15, -0.6], 0.2
    res = decide_cover(xs, eps, interval=(-1.0, 1.0), certificate=True)
    assert res.covered == brute_covers(xs, eps, -1, 1) is True
    assert res.certificate is not None and verify_certificate(res.certificate)
    assert decide_cover(xs, eps, interval=(-1.0, 1.0)).certificate is None
    assert decide_cover(xs, 0.01, interval=(-1.0, 1.0), certificate=True).certificate is None
    ex = decide_cover([Fraction(1, 3), Fraction(-1, 2)], Fraction(1, 4), interval=(-1, 1), certificate=True)
    assert ex.covered is brute_covers([Fraction(1, 3), Fraction(-1, 2)], Fraction(1, 4), -1, 1)


def test_scaled_integers_least_common_denominator():
    vals = [Fraction(1, 6), Fraction(-3, 4), Fraction(5), Fraction(7, 10)]
    ints, den = scaled_integers(vals)
    assert den == 60 and ints == [10, -45, 300, 42]
    assert scaled_integers([]) == ([], 1)


def test_processing_order_is_increasing_magnitude_stable():
    xs = np.array([0.5, -0.1, 0.3, -0.5, 0.1])
    assert processing_order(xs).tolist() == [1, 4, 2, 0, 3]
    assert processing_order([2.0, -1.0]).tolist() == [1, 0]


@pytest.mark.parametrize("kwargs", [dict(eps=0.0), dict(eps=-0.1), dict(eps=float("nan")),
                                    dict(interval=(1.0, -1.0)), dict(xs=[float("inf")])])
def test_bad_input_is_invalid_argument(kwargs):
    args = dict(xs=[0.5], eps=0.1, interval=(-1.0, 1.0)) | kwargs
    with pytest.raises(InvalidArgument):
        decide_cover(args["xs"], args["eps"], interval=args["interval"])
    with pytest.raises(InvalidArgument):
        decide_cover(args["xs"], args["eps"], interval=args["interval"], exact=True)


@pytest.mark.parametrize("call,name,exc", [
    (lambda: decide_cover([0.5], 0.1, exact="y"), "exact", InvalidType),
    (lambda: decide_cover([0.5], 0.1, certificate="y"), "certificate", InvalidType),
    (lambda: decide_cover(5, 0.1), "xs", InvalidType),
    (lambda: decide_cover([float("nan")], 0.1), "xs", InvalidArgument),
    (lambda: decide_cover([0.5], float("nan")), "eps", InvalidArgument),
    (lambda: decide_cover([0.5], 0.0), "eps", InvalidArgument),
    (lambda: decide_cover([0.5], 0.1, interval="ab"), "interval", InvalidType),
    (lambda: decide_cover([0.5], 0.1, interval=(1, 2, 3)), "interval", InvalidArgument),
    (lambda: decide_cover([True], 0.5), r"xs\[0\]", InvalidType),
])
def test_bad_input_names_the_argument(call, name, exc):
    with pytest.raises(exc, match=rf"^{name} must"):
        call()


def test_which_inputs_the_float_kernel_may_see():
    # floats and float arrays: the float kernel decides clear cases itself
    assert decide_cover(np.array([0.5, 0.25]), 0.3, interval=(0.0, 1.0)).mode == "float"
    assert decide_cover([10**6, 0.5], 0.3, interval=(0, 1)).mode == "float"  # an int a float holds exactly
    # 2**53 is still a float (the kernel cannot decide at that magnitude and falls back) ...
    assert decide_cover([2**53], 1, interval=(0, 1)).fell_back is True
    # ... 2**53 + 1 is not: exact mode from the start, and the answer needs the exact value
    for xs in ([2**53 + 1], np.array([2**53 + 1])):
        res = decide_cover(xs, 1, interval=(2**53, 2**53 + 2))
        assert res.covered is True and res.mode == "exact" and res.fell_back is False
    # float interval and radius: only the integer samples decide the routing (2**53 + 2 is a float)
    for xs in ([2**53 + 1], np.array([2**53 + 1])):
        res = decide_cover(xs, 1.0, interval=(2.0**53, 2.0**53 + 2))
        assert res.covered is True and res.mode == "exact" and res.fell_back is False
    # one exact input (a Fraction sample) sends everything to exact mode
    res = decide_cover([Fraction(1, 3)], 0.5, interval=(0.0, 1.0))
    assert res.mode == "exact" and res.covered is brute_covers([Fraction(1, 3)], 0.5, 0, 1)
    res = decide_cover([0.5], Fraction(1, 2), interval=(0.0, 1.0))
    assert res.mode == "exact" and res.covered is True


def test_display_values_beyond_the_float_range():
    big = Fraction(10**400)
    res = decide_cover([big], Fraction(1), interval=(-big, big), exact=True)
    assert (res.a, res.b, res.eps, res.covered) == (-math.inf, math.inf, 1.0, False)
    res = decide_cover([Fraction(1, 3)], Fraction(1, 3), interval=(Fraction(-1, 3), Fraction(1, 3)), exact=True)
    assert res.eps == 1 / 3 and res.a == -1 / 3 and res.fell_back is False


def test_certificate_keeps_the_decision_fields_and_the_interval():
    xs, eps = [0.3, -0.45, 0.8, 0.15, -0.6], 0.2
    plain = decide_cover(xs, eps, interval=(-0.5, 0.7))
    res = decide_cover(xs, eps, interval=(-0.5, 0.7), certificate=True)
    assert plain.covered and (res.covered, res.mode, res.fell_back, res.n, res.eps, res.a, res.b) == \
        (plain.covered, plain.mode, plain.fell_back, plain.n, plain.eps, plain.a, plain.b)
    assert res.certificate.a == Fraction(-0.5) and res.certificate.b == Fraction(0.7)
    assert res.certificate.eps == Fraction(0.2)


def test_interval_cap_is_the_largest_list_allowed():
    """Sums of {0.1, 0.2, 0.4} are 8 separated points all still able to reach [0.7, 0.75] before 0.8 is added:
    the last step needs 2 x 8 = 16 intervals, so a cap of 16 decides and 15 refuses (status -2)."""
    xs = np.array([0.1, 0.2, 0.4, 0.8])
    assert not brute_covers(xs.tolist(), 0.004, 0.7, 0.75)
    for cap in (1, 2, 8, 15):
        assert covers_float_kernel(xs, 0.004, 0.7, 0.75, cap_intervals=cap)[0] == -2
    for cap in (16, 17, 10**6):
        assert covers_float_kernel(xs, 0.004, 0.7, 0.75, cap_intervals=cap)[0] == 0


def test_long_interval_lists_grow_past_the_initial_capacity():
    """128 separated sums of the first seven samples can all reach [0, 0.01] (the last sample is -1/2): the
    kernel keeps 256 intervals at the last step, far past its initial arrays."""
    xs = [k / 256 for k in (1, 2, 4, 8, 16, 32, 64, -128)]
    arr = np.array(xs)
    for eps in (1 / 2048, 1 / 1024 + 1 / 8192, 1 / 512, 1 / 400):
        want = brute_covers(xs, eps, 0.0, 0.01)
        assert decide_cover(xs, eps, interval=(0.0, 0.01)).covered is want, eps
    assert covers_float_kernel(arr, 1 / 2048, 0.0, 0.01, cap_intervals=255)[0] == -2
    assert covers_float_kernel(arr, 1 / 2048, 0.0, 0.01, cap_intervals=256)[0] == 0
    assert covers_float_kernel(arr, 1 / 512, 0.0, 0.01)[0] == -1  # gaps of exactly 2 eps: a tie, undetermined


def test_perfect_grid_meets_the_measure_bound_with_equality():
    """Sums 0, 1/4, ..., 7/4 with eps = 1/8 tile [-1/8, 15/8] exactly: measure 2^3 * 2 eps = b - a, covered."""
    xs = [0.25, 0.5, 1.0]
    assert brute_covers(xs, 0.125, -0.125, 1.875)
    assert decide_cover(xs, 0.125, interval=(-0.125, 1.875)).covered
    assert covers_exact([Fraction(1, 4), Fraction(1, 2), Fraction(1)], Fraction(1, 8), Fraction(-1, 8),
                        Fraction(15, 8))
    assert not covers_exact(xs, 0.125, -0.125, 1.876)


def test_covers_exact_defaults_to_the_unit_interval():
    assert covers_exact([0.5, -0.5], 0.5) is brute_covers([0.5, -0.5], 0.5, -1, 1) is True
    assert brute_covers([0.5, -0.5], 0.5, -1, 2) is False


def test_scaled_integers_names_bad_values():
    with pytest.raises(InvalidArgument, match=r"^values\[1\] is not a finite rational"):
        scaled_integers([Fraction(1), float("nan")])
    with pytest.raises(InvalidType, match="^values must"):
        scaled_integers(5)
