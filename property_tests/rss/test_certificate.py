"""Coverage certificates against brute force: the greedy chain, its failure messages, and the exact verifier.

The reference enumerates subset sums with :mod:`itertools` (mask sums by summing the selected samples), so the
greedy chain's documented links (the largest subset sum <= a + eps, then the largest <= previous + 2 eps) are
recomputed independently.  Targeted tests of ``benchmarks/mutation.py --only rss-certificate``.
"""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import numpy as np
import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss import Certificate, build_certificate, mask_sum, verify_certificate


def all_sums(xs):
    return [sum(c, Fraction(0)) for k in range(len(xs) + 1) for c in itertools.combinations(xs, k)]


def by_bits(xs, mask):
    return sum((Fraction(x) for i, x in enumerate(xs) if mask >> i & 1), Fraction(0))


def greedy_chain(xs, eps, a, b):
    """The documented chain from brute force, or None when [a, b] is not eps-covered."""
    sums = sorted(set(all_sums([Fraction(x) for x in xs])))
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


def _cases():
    rng = np.random.default_rng(424242)
    out = []
    for _ in range(70):
        n = int(rng.integers(1, 8))
        xs = [Fraction(int(v), 16) for v in rng.integers(-20, 21, n)]
        a = Fraction(int(rng.integers(-24, 8)), 16)
        b = a + Fraction(int(rng.integers(1, 30)), 16)
        eps = Fraction(int(rng.integers(1, 9)), 32)
        out.append((xs, eps, a, b))
    return out


CASES = _cases()


def test_greedy_chain_equals_brute_force_and_verifies():
    built = failed = 0
    for xs, eps, a, b in CASES:
        want = greedy_chain(xs, eps, a, b)
        if want is None:
            with pytest.raises(InvalidArgument, match="do not eps-cover"):
                build_certificate(xs, eps, a, b)
            failed += 1
            continue
        cert = build_certificate(xs, eps, a, b)
        built += 1
        assert list(cert.sums) == want, (xs, eps, a, b)
        assert [by_bits(xs, m) for m in cert.masks] == want
        assert cert.xs == tuple(xs) and (cert.eps, cert.a, cert.b) == (eps, a, b)
        assert verify_certificate(cert)
    assert built >= 15 and failed >= 15


def test_failure_messages_name_the_uncovered_place():
    with pytest.raises(InvalidArgument, match=r"a=-1 is not within eps=1/10"):
        build_certificate([Fraction(1, 2)], Fraction(1, 10), -1, 1)
    # sums 0, 1/2: the gap (1/8, 3/8) between 0 + eps and 1/2 - eps is uncovered
    with pytest.raises(InvalidArgument, match=r"z=1/8 "):
        build_certificate([Fraction(1, 2)], Fraction(1, 8), 0, Fraction(1, 2))


def test_float_inputs_are_their_dyadic_values():
    cert = build_certificate([0.5, 0.25, -0.75], 0.125, -0.875, 0.875)
    assert cert.sums == tuple(greedy_chain([0.5, 0.25, -0.75], Fraction(1, 8), Fraction(-7, 8), Fraction(7, 8)))
    assert all(isinstance(s, Fraction) for s in cert.sums)


def test_too_many_samples_refused():
    with pytest.raises(InvalidArgument, match="n <= 36"):
        build_certificate([Fraction(1, 64)] * 37, Fraction(1), -1, 1)


def test_to_dict_writes_exact_strings_and_bit_strings_low_bit_first():
    cert = Certificate((Fraction(1, 2), Fraction(-1, 3), Fraction(1)), Fraction(1, 4), Fraction(-1), Fraction(1),
                       (0b011, 0b100), (Fraction(1, 6), Fraction(1)))
    assert cert.to_dict() == {"xs": ["1/2", "-1/3", "1"], "eps": "1/4", "a": "-1", "b": "1",
                              "masks": ["110", "001"], "sums": ["1/6", "1"]}


def test_mask_sum_by_hand_and_bad_masks():
    xs = [Fraction(1, 2), Fraction(-1, 3), Fraction(5)]
    assert mask_sum(xs, 0) == 0
    assert mask_sum(xs, 0b101) == Fraction(11, 2)
    assert mask_sum(xs, 0b111) == Fraction(31, 6)
    assert mask_sum([0.5, 0.25], 0b10) == Fraction(1, 4)
    with pytest.raises(InvalidArgument, match="beyond n=3"):
        mask_sum(xs, 0b1000)
    with pytest.raises(InvalidArgument, match="^mask must"):
        mask_sum(xs, -1)


def _good():
    xs = (Fraction(1, 2), Fraction(-1, 2), Fraction(1, 4))
    # sums: -1/2 (mask 010), -1/4 (110), 0 (0), 1/4 (100), 1/2 (001), 3/4 (101); eps = 1/8: gaps exactly 2 eps
    masks = (0b010, 0b110, 0b000, 0b100, 0b001, 0b101)
    sums = tuple(Fraction(k, 4) for k in (-2, -1, 0, 1, 2, 3))
    return Certificate(xs, Fraction(1, 8), Fraction(-5, 8), Fraction(7, 8), masks, sums)


def test_verifier_accepts_the_closed_boundaries():
    cert = _good()
    assert verify_certificate(cert)  # first sum exactly a + eps, last exactly b - eps, gaps exactly 2 eps
    assert [by_bits(cert.xs, m) for m in cert.masks] == list(cert.sums)


@pytest.mark.parametrize("change", [
    dict(masks=(), sums=()),
    dict(a=Fraction(-5, 8) - Fraction(1, 10**9)),                       # first sum above a + eps
    dict(b=Fraction(7, 8) + Fraction(1, 10**9)),                        # last sum below b - eps
    dict(eps=Fraction(1, 8) - Fraction(1, 10**9)),                      # every gap now > 2 eps
    dict(eps=Fraction(0)), dict(eps=Fraction(-1, 8)),
    dict(sums=tuple(Fraction(k, 4) for k in (-2, -1, 0, 1, 2, 4))),     # claimed sum differs from the mask's
    dict(masks=(0b010, 0b110, 0b000, 0b100, 0b001, True)),              # a bool is not a mask
    dict(masks=(0b010, 0b110, 0b000, 0b100, 0b001, -1)),
    dict(masks=(0b010, 0b110, 0b000, 0b100, 0b001, 0b1000)),            # selects a sample beyond n
    dict(masks=(0b010, 0b000, 0b110, 0b100, 0b001, 0b101),              # not sorted: a negative step
         sums=tuple(Fraction(k, 4) for k in (-2, 0, -1, 1, 2, 3))),
    dict(masks=(0b010, 0b110, 0b000, 0b001, 0b101), sums=tuple(Fraction(k, 4) for k in (-2, -1, 0, 2, 3))),
    dict(eps="abc"), dict(a=None), dict(b=[1]), dict(sums=("x",) * 6),
    dict(xs=(Fraction(1, 2), "y", Fraction(1, 4))),
])
def test_verifier_rejects_each_defect(change):
    cert = dataclasses.replace(_good(), **change)
    assert verify_certificate(cert) is False


def test_verifier_uses_the_fields_exactly():
    cert = dataclasses.replace(_good(), eps=0.125, a=-0.625, b=0.875)  # floats = the same dyadic values
    assert verify_certificate(cert)
    assert not verify_certificate(dataclasses.replace(_good(), eps=0.1249999999))
    with pytest.raises(InvalidType):
        verify_certificate({"masks": (1,)})


def test_start_exactly_eps_below_a_fails_on_the_next_point():
    # sums 0 and 1/2; eps = 1/4, a = 3/4: 1/2 is exactly eps below a (a is covered), but (3/4, 1] is not
    with pytest.raises(InvalidArgument, match=r"points just above z=3/4 are not covered"):
        build_certificate([Fraction(1, 2)], Fraction(1, 4), Fraction(3, 4), 1)
    cert = build_certificate([Fraction(1, 2)], Fraction(1, 4), Fraction(1, 2), Fraction(3, 4))
    assert cert.sums == (Fraction(1, 2),) and cert.masks == (1,)


def test_argument_names_in_errors():
    with pytest.raises(InvalidType, match="^xs must"):
        mask_sum(5, 0)
    with pytest.raises(InvalidArgument, match=r"^xs\[1\]"):
        mask_sum([Fraction(1), float("nan")], 1)
    with pytest.raises(InvalidType, match="^cert must"):
        verify_certificate("not a certificate")
    with pytest.raises(InvalidArgument) as err:  # a huge mask: the message is cut at 200 characters
        mask_sum([Fraction(1)], 2**1000)
    assert len(str(err.value)) == 200 and str(err.value).startswith("mask selects samples beyond n=1, got mask=0x1")
