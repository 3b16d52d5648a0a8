"""Property tests of the exact fixed-size (k-subset) decisions and certificates (issue 13 §1).

Brute force = all k-subset sums exactly (n <= 16), compared with Fractions; the square-root
ends of [-sqrt k, sqrt k] are compared exactly by squaring.

Claims: rfss-decision-exact, rfss-counting-bound.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import dyadic_radii, dyadic_samples, intervals, radii, samples

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rfss import (build_fixed_certificate, decide_fixed_cover, fixed_covers, hits_target, rational_target,
                           sqrt_target, verify_fixed_certificate)
from pybridge.rfss.twins import counting_bound_fixed


def k_sums(xs, k):
    q = [Fraction(x) for x in xs]
    return sorted({sum(c, Fraction(0)) for c in itertools.combinations(q, k)})


def _le_sqrt(v: Fraction, k: int) -> bool:
    """v <= sqrt(k), exactly."""
    return v <= 0 or v * v <= k


def _ge_sqrt(v: Fraction, k: int) -> bool:
    """v >= sqrt(k), exactly."""
    return v >= 0 and v * v >= k


def brute_force(xs, k, eps, a=None, b=None) -> bool:
    """Every z in [a, b] within eps of a k-sum; a, b None means -sqrt(k), sqrt(k) (exact)."""
    e = Fraction(eps)
    sums = k_sums(xs, k)
    if not sums:
        return False
    # reach = sup of the covered prefix starting at a; compare with ends exactly
    def below_a(v):  # v <= a
        return -v >= 0 and (-v) * (-v) >= k if a is None else v <= Fraction(a)

    def at_least_b(v):  # v >= b
        return _ge_sqrt(v, k) if b is None else v >= Fraction(b)

    reach = None  # None: the covered prefix ends at a itself
    for s in sums:
        lo, hi = s - e, s + e
        if (not below_a(lo)) if reach is None else lo > reach:
            return False
        if reach is None:
            if not below_a(hi):
                reach = hi
        else:
            reach = max(reach, hi)
        if reach is not None and at_least_b(reach):
            return True
    return False


def brute_hit(xs, k, eps, z) -> bool:
    e, z = Fraction(eps), Fraction(z)
    return any(abs(s - z) < e for s in k_sums(xs, k))


@given(samples(min_size=1, max_size=10), st.data(), radii(min_value=0.02, max_value=0.6), intervals(bound=1.5))
def test_decision_equals_brute_force(xs, data, eps, iv):
    k = data.draw(st.integers(0, len(xs)))
    want = brute_force(xs, k, eps, *iv)
    assert fixed_covers(xs, k, eps, interval=iv) is want
    assert fixed_covers(xs, k, eps, interval=iv, exact=True) is want


@given(samples(min_size=1, max_size=12), st.data(), radii(min_value=0.02, max_value=0.6))
def test_default_sqrt_target_equals_brute_force(xs, data, eps):
    k = data.draw(st.integers(1, len(xs)))
    want = brute_force(xs, k, eps)
    res = decide_fixed_cover(xs, k, eps)
    assert res.covered is want
    assert res.target == f"[-sqrt({k}), sqrt({k})]"
    assert fixed_covers(xs, k, eps, exact=True) is want


@settings(max_examples=8)
@given(st.integers(0, 2**32 - 1), st.integers(2, 6))
def test_brute_force_n16(seed, k):
    rng = np.random.default_rng(seed)
    xs = rng.uniform(-1, 1, 16)
    for eps in (0.01, 0.05):
        assert fixed_covers(xs, k, eps) is brute_force(xs, k, eps)


@given(dyadic_samples(min_size=1, max_size=10, denom_log2=4), st.data(), dyadic_radii(denom_log2=5))
def test_float_equals_exact_dyadic_ties(xs, data, eps):
    """Dyadic samples and radii: sums tie at gaps of exactly 2 eps and at the ends; both modes agree."""
    k = data.draw(st.integers(0, len(xs)))
    iv = data.draw(st.sampled_from([(-1.0, 1.0), (-0.5, 0.75), (0.0, 0.5)]))
    want = brute_force(xs, k, eps, *iv)
    assert fixed_covers(xs, k, eps, interval=iv) is want
    assert fixed_covers(xs, k, eps, interval=iv, exact=True) is want
    z = data.draw(st.sampled_from([0.0, 0.25, -0.5, 1.0]))
    assert hits_target(xs, k, eps, z) is brute_hit(xs, k, eps, z)
    assert hits_target(xs, k, eps, Fraction(z), exact=True) is brute_hit(xs, k, eps, z)


def test_single_target_is_strict():
    xs = [0.25, 0.5, 0.125]
    # the 2-sums are 0.75, 0.375, 0.625; |0.75 - 1| = 0.25 exactly: strict inequality fails
    assert hits_target(xs, 2, 0.25, 1.0) is False
    assert hits_target(xs, 2, 0.25 + 2**-40, 1.0) is True
    assert fixed_covers(xs, 2, 0.25, interval=(1.0, 1.5)) is False  # closed: z = 1 covered, but not 1.5
    assert hits_target(xs, 2, Fraction(1, 4), Fraction(1), exact=True) is False


@given(samples(min_size=1, max_size=10), st.data(), radii(min_value=0.01, max_value=0.4))
def test_single_target_equals_brute_force(xs, data, eps):
    k = data.draw(st.integers(0, len(xs)))
    z = data.draw(st.floats(-2, 2, allow_nan=False))
    assert hits_target(xs, k, eps, z) is brute_hit(xs, k, eps, z)


@given(samples(min_size=2, max_size=11), st.data(), radii(min_value=0.03, max_value=0.6))
def test_certificates_replay_exactly(xs, data, eps):
    k = data.draw(st.integers(1, len(xs)))
    res = decide_fixed_cover(xs, k, eps, certificate=True)
    if not res.covered:
        assert res.certificate is None
        with pytest.raises(InvalidArgument):
            build_fixed_certificate(xs, k, eps, sqrt_target(k))
        return
    cert = res.certificate
    assert verify_fixed_certificate(cert, sqrt_target(k))
    assert all(bin(m).count("1") == k for m in cert.masks)
    # tampering: one more bit, or a sum moved, is rejected
    bad = type(cert)(cert.xs, cert.k, cert.eps, cert.a, cert.b, cert.masks, tuple(s + 1 for s in cert.sums))
    assert not verify_fixed_certificate(bad)
    if len(cert.xs) > k:
        free = next(i for i in range(len(cert.xs)) if not cert.masks[0] >> i & 1)
        bad = type(cert)(cert.xs, cert.k, cert.eps, cert.a, cert.b, (cert.masks[0] | 1 << free,) + cert.masks[1:],
                         cert.sums)
        assert not verify_fixed_certificate(bad)


@given(samples(min_size=1, max_size=12), st.data(), radii(min_value=0.01, max_value=0.5), st.randoms())
def test_permutation_invariance(xs, data, eps, rnd):
    k = data.draw(st.integers(1, len(xs)))
    ys = list(xs)
    rnd.shuffle(ys)
    assert fixed_covers(xs, k, eps) is fixed_covers(ys, k, eps)


@given(samples(min_size=1, max_size=12), st.data(), radii(min_value=0.01, max_value=0.3),
       st.floats(1.0, 4.0), st.floats(-1, 1, allow_nan=False))
def test_monotone_in_eps_and_samples(xs, data, eps, factor, extra):
    k = data.draw(st.integers(1, len(xs)))
    if fixed_covers(xs, k, eps):
        assert fixed_covers(xs, k, eps * factor)
        assert fixed_covers(list(xs) + [extra], k, eps)


@given(samples(min_size=0, max_size=12), st.integers(1, 6), radii(min_value=1e-4, max_value=0.05))
def test_counting_bound_no_cover(xs, k, eps):
    assume(k <= len(xs))
    assert counting_bound_fixed(xs, k, eps)
    if math.comb(len(xs), k) * 2 * eps < 2 * math.sqrt(k) * (1 - 1e-12):
        assert not fixed_covers(xs, k, eps)


def test_perfect_square_and_irrational_ends_are_exact():
    # k = 4: sqrt(4) = 2 exactly; the 4-sums of [0.5]*4 + [0] reach exactly 2 = sqrt(4)
    xs = [0.5, 0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5, 0.0, 0.25, -0.25, 0.125, -0.125]
    for eps in (0.0625, 0.125, 0.25):
        assert fixed_covers(xs, 4, eps) is brute_force(xs, 4, eps)
    # k = 2: a 2-sum within 1e-17 of sqrt(2) + eps decides exactly
    s2 = Fraction(math.isqrt(2 * 10**40), 10**20)
    xs = [s2 / 2 - Fraction(1, 10), s2 / 2 - Fraction(1, 10)]
    assert fixed_covers(xs, 2, Fraction(1, 5) + Fraction(1, 10**10), interval=None, exact=True) is \
        brute_force(xs, 2, Fraction(1, 5) + Fraction(1, 10**10), None, None)


def test_k_larger_than_n_and_target_objects():
    assert fixed_covers([0.1, 0.2], 3, 1.0) is False
    assert fixed_covers([0.1, 0.2], 2, 1.0, interval=rational_target(-0.5, 0.5)) is True
    assert str(sqrt_target(3)) == "[-sqrt(3), sqrt(3)]"


@pytest.mark.parametrize("call, match", [
    (lambda: fixed_covers([0.1], 1, 0.0), "eps"),
    (lambda: fixed_covers([0.1], -1, 0.1), "k"),
    (lambda: fixed_covers([float("nan")], 1, 0.1), "xs"),
    (lambda: fixed_covers([0.1], 1, 0.1, interval=(1.0, 0.0)), "a < b"),
    (lambda: fixed_covers([0.1], 1, 0.1, interval=3), "interval"),
])
def test_bad_input_is_one_line(call, match):
    with pytest.raises((InvalidArgument, InvalidType), match=match) as exc:
        call()
    assert "\n" not in str(exc.value)


def test_bad_types():
    with pytest.raises(InvalidType, match="k"):
        fixed_covers([0.1], "2", 0.1)
