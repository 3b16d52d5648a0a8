"""Fixed-size certificates against brute force (itertools k-subsets) and the exact verifier's rejections.

The reference chain is the documented greedy one recomputed from every k-subset sum; the irrational ends of
[-sqrt k, sqrt k] are checked against sympy's exact sqrt.  Targeted tests of
``benchmarks/mutation.py --only rfss-certificate``; public names of :mod:`pybridge.rfss` only.
"""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy

from pybridge.errors import InvalidArgument
from pybridge.rfss import (FixedSizeCertificate, build_fixed_certificate, point_target, rational_target,
                           sqrt_target, verify_fixed_certificate)


def k_sums(xs, k):
    return sorted({sum(c, Fraction(0)) for c in itertools.combinations([Fraction(x) for x in xs], k)})


def greedy(xs, k, eps, a, b):
    sums = k_sums(xs, k)
    below = [s for s in sums if s <= a + eps]
    if not below or below[-1] < a - eps:
        return None
    chain = [below[-1]]
    while chain[-1] < b - eps:
        nxt = max(s for s in sums if s <= chain[-1] + 2 * eps)
        if nxt <= chain[-1]:
            return None
        chain.append(nxt)
    return chain


def by_bits(xs, m):
    return sum((Fraction(x) for i, x in enumerate(xs) if m >> i & 1), Fraction(0))


def _cases():
    rng = np.random.default_rng(99)
    out = []
    for _ in range(60):
        n = int(rng.integers(1, 9))
        k = int(rng.integers(0, n + 1))
        xs = [Fraction(int(v), 8) for v in rng.integers(-12, 13, n)]
        a = Fraction(int(rng.integers(-12, 4)), 8)
        b = a + Fraction(int(rng.integers(1, 10)), 8)
        eps = Fraction(int(rng.integers(1, 11)), 16)
        out.append((xs, k, eps, a, b))
    return out


def test_rational_targets_equal_brute_force():
    built = failed = 0
    for xs, k, eps, a, b in _cases():
        want = greedy(xs, k, eps, a, b)
        if want is None:
            with pytest.raises(InvalidArgument, match=f"with {k}-subsets"):
                build_fixed_certificate(xs, k, eps, rational_target(a, b))
            failed += 1
            continue
        cert = build_fixed_certificate(xs, k, eps, rational_target(a, b))
        built += 1
        assert list(cert.sums) == want, (xs, k, eps, a, b)
        assert all(bin(m).count("1") == k and by_bits(xs, m) == s for m, s in zip(cert.masks, cert.sums))
        assert (cert.k, cert.eps, cert.a, cert.b, cert.xs) == (k, eps, a, b, tuple(xs))
        assert verify_fixed_certificate(cert) and verify_fixed_certificate(cert, rational_target(a, b))
        assert not verify_fixed_certificate(cert, rational_target(a - Fraction(1, 10**6), b))
        assert not verify_fixed_certificate(cert, rational_target(a, b + Fraction(1, 10**6)))
    assert built >= 10 and failed >= 10


def test_sqrt_target_uses_an_outer_rational_enclosure():
    xs = [Fraction(v, 4) for v in (-3, -2, -1, 1, 2, 3, 5, -5)]
    k, eps = 2, Fraction(1, 4)
    cert = build_fixed_certificate(xs, k, eps, sqrt_target(2))
    r2 = sympy.sqrt(2)
    assert sympy.Rational(cert.a.numerator, cert.a.denominator) < -r2 < -r2 + sympy.Rational(1, 10**30)
    assert sympy.Rational(cert.b.numerator, cert.b.denominator) > r2
    assert abs(cert.b - Fraction(1414213562373095, 10**15)) < Fraction(1, 10**14)
    assert list(cert.sums) == greedy(xs, k, eps, cert.a, cert.b)
    assert verify_fixed_certificate(cert, sqrt_target(2))
    # the true ends only (a = -sqrt 2 rounded inward) must not pass against the irrational target
    inner = dataclasses.replace(cert, a=Fraction(-14142135623730950488, 10**19))
    assert not verify_fixed_certificate(inner, sqrt_target(2))


def test_point_target_and_failure_messages():
    cert = build_fixed_certificate([Fraction(1, 2), Fraction(1, 3)], 1, Fraction(1, 10), point_target(Fraction(2, 5)))
    assert cert.sums == (Fraction(1, 2),) and cert.masks == (0b01,)  # the largest 1-sum <= 2/5 + 1/10
    with pytest.raises(InvalidArgument, match="left end is not covered"):
        build_fixed_certificate([Fraction(1, 2)], 1, Fraction(1, 10), rational_target(0, 1))
    with pytest.raises(InvalidArgument, match=r"points just above z=3/5"):
        build_fixed_certificate([Fraction(1, 2), Fraction(1)], 1, Fraction(1, 10), rational_target(Fraction(1, 2), 1))
    with pytest.raises(InvalidArgument, match="n <= 36"):
        build_fixed_certificate([Fraction(1, 64)] * 37, 1, 1, rational_target(-1, 1))
    with pytest.raises(InvalidArgument, match="^k must"):
        build_fixed_certificate([Fraction(1)], 2, 1, rational_target(-1, 1))
    with pytest.raises(InvalidArgument, match="^eps must"):
        build_fixed_certificate([Fraction(1)], 1, 0, rational_target(-1, 1))


def _good():
    xs = (Fraction(1, 2), Fraction(-1, 2), Fraction(1, 4), Fraction(0))
    # 2-sums: -1/2 (0b1010), -1/4 (0b0110), 0 (0b0011), 1/4 (0b1100), 1/2 (0b1001), 3/4 (0b0101)
    masks = (0b1010, 0b0110, 0b0011, 0b1100, 0b1001, 0b0101)
    sums = tuple(Fraction(v, 4) for v in (-2, -1, 0, 1, 2, 3))
    return FixedSizeCertificate(xs, 2, Fraction(1, 8), Fraction(-5, 8), Fraction(7, 8), masks, sums)


def test_verifier_accepts_closed_boundaries_and_to_dict():
    cert = _good()
    assert verify_fixed_certificate(cert)
    assert verify_fixed_certificate(cert, rational_target(Fraction(-5, 8), Fraction(7, 8)))
    assert cert.to_dict()["masks"][:2] == ["0101", "0110"] and cert.to_dict()["k"] == 2
    assert cert.to_dict()["sums"][0] == "-1/2" and cert.to_dict()["eps"] == "1/8"


@pytest.mark.parametrize("change", [
    dict(masks=(), sums=()), dict(k=1), dict(k=3),
    dict(masks=(0b1010, 0b0110, 0b0011, 0b1100, 0b1001, True)),
    dict(masks=(0b1010, 0b0110, 0b0011, 0b1100, 0b1001, -1)),
    dict(masks=(0b1010, 0b0110, 0b0011, 0b1100, 0b1001, 0b10001)),
    dict(sums=tuple(Fraction(v, 4) for v in (-2, -1, 0, 1, 2, 4))),
    dict(eps=Fraction(0)), dict(eps=Fraction(1, 8) - Fraction(1, 10**9)),
    dict(a=Fraction(-5, 8) - Fraction(1, 10**9)), dict(b=Fraction(7, 8) + Fraction(1, 10**9)),
    dict(masks=(0b1010, 0b0011, 0b0110, 0b1100, 0b1001, 0b0101), sums=tuple(Fraction(v, 4) for v in (-2, 0, -1, 1, 2, 3))),
    dict(eps="abc"), dict(a=None), dict(sums=("x",) * 6), dict(xs=(Fraction(1, 2), "y", Fraction(1, 4), 0)),
])
def test_verifier_rejects_each_defect(change):
    assert verify_fixed_certificate(dataclasses.replace(_good(), **change)) is False
