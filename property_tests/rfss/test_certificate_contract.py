"""Contract of the fixed-size (RFSS) certificate: exactly k samples per mask, the size limit, argument errors
and the exact serialised form (issue 10 §3, mutation survivors).

Expected values are computed independently: k-subset sums by brute force over ``itertools.combinations`` with
``Fraction``; the serialised form written out by hand.  Claim ``rss-gap-certificate`` applied to k-subsets.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rfss import (FixedSizeCertificate, build_fixed_certificate, point_target, rational_target,
                           verify_fixed_certificate)
from pybridge.rfss.certificate import MAX_CERTIFICATE_N

XS = (F(1, 2), F(-1, 3), F(1, 5), F(0))


def brute_sum(xs, mask):
    return sum((x for i, x in enumerate(xs) if mask >> i & 1), F(0))


def test_exactly_k_samples_per_mask():
    # every mask of the 4 samples as a one-link chain at its own sum: accepted iff it has exactly k bits
    for k in range(len(XS) + 1):
        for m in range(1 << len(XS)):
            s = brute_sum(XS, m)
            cert = FixedSizeCertificate(XS, k, F(1, 100), s, s, (m,), (s,))
            assert verify_fixed_certificate(cert) is (bin(m).count("1") == k)
            assert verify_fixed_certificate(cert, point_target(s)) is (bin(m).count("1") == k)


def test_built_masks_have_exactly_k_bits_and_brute_force_sums():
    for k in range(len(XS) + 1):
        ksums = sorted({sum(c, F(0)) for c in itertools.combinations(XS, k)})
        for z in ksums:
            cert = build_fixed_certificate(XS, k, F(1, 1000), point_target(z))
            assert cert.sums == (z,) and bin(cert.masks[0]).count("1") == k
            assert brute_sum(XS, cert.masks[0]) == z and verify_fixed_certificate(cert, point_target(z))


def test_largest_n_accepted_and_one_more_refused():
    xs = [F(i, 36) for i in range(MAX_CERTIFICATE_N)]      # 1-sums 0, 1/36, ..., 35/36
    cert = build_fixed_certificate(xs, 1, F(1, 100), point_target(F(5, 36)))
    assert cert.masks == (1 << 5,) and cert.sums == (F(5, 36),)
    with pytest.raises(InvalidArgument, match=rf"^certificates need n <= {MAX_CERTIFICATE_N}, got n=37$"):
        build_fixed_certificate(xs + [F(1)], 1, F(1, 100), point_target(F(5, 36)))


def test_build_argument_errors_name_the_argument():
    t = rational_target(-1, 1)
    with pytest.raises(InvalidType, match=r"^xs must be a sequence"):
        build_fixed_certificate(5, 1, 1, t)
    with pytest.raises(InvalidType, match=r"^xs\[1\] must be an exact number"):
        build_fixed_certificate([1, None], 1, 1, t)
    with pytest.raises(InvalidArgument, match=r"^k must be >= 0, got k=-1$"):
        build_fixed_certificate([1, 2], -1, 1, t)
    with pytest.raises(InvalidType, match=r"^target must be a Target, got target="):
        build_fixed_certificate([1, 2], 1, 1, (-1, 1))


def _cert():
    # 2-sums of (1/2, -1/3, 1/5, 0): masks 0b0011 = 1/6, 0b0101 = 7/10
    return FixedSizeCertificate(XS, 2, F(3, 10), F(-1, 10), F(9, 10), (0b0011, 0b0101), (F(1, 6), F(7, 10)))


def test_verify_argument_errors_name_the_argument():
    assert verify_fixed_certificate(_cert())
    with pytest.raises(InvalidType, match=r"^cert must be a FixedSizeCertificate, got cert="):
        verify_fixed_certificate(_cert().to_dict())
    with pytest.raises(InvalidType, match=r"^target must be a Target, got target="):
        verify_fixed_certificate(_cert(), (-1, 1))


def test_to_dict_keys_and_exact_values():
    assert _cert().to_dict() == {
        "xs": ["1/2", "-1/3", "1/5", "0"], "k": 2, "eps": "3/10", "a": "-1/10", "b": "9/10",
        "masks": ["1100", "1010"],   # bit i is character i (xs[0] first)
        "sums": ["1/6", "7/10"]}


def test_largest_n_with_half_sized_subsets():
    # n = 36, k = 18: each half lists its 2**18 subsets by size (the balanced split keeps this feasible)
    xs = [F(1, 2**i) for i in range(MAX_CERTIFICATE_N)]   # distinct binary fractions: every k-sum is unique
    top = sum(xs[:18], F(0))                                # the largest 18-sum, 2 - 2**-17
    cert = build_fixed_certificate(xs, 18, F(1, 4), point_target(top))
    assert cert.masks == ((1 << 18) - 1,) and cert.sums == (top,)
