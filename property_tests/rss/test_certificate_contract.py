"""Contract of the exact chain checker and the greedy chain builder (issue 10 §3, mutation survivors).

Every expected value is computed independently: subset sums by brute force over ``itertools`` subsets with
``Fraction``; the greedy chain by a brute-force greedy over all subset sums.  Claim ``rss-gap-certificate``
(theory §5.3 L3, RECON).
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss import build_certificate, chain_verifies, greedy_chain
from pybridge.rss.certificate import MAX_CERTIFICATE_N, _half_sums

XS = [F(1, 2), F(1, 3), F(-1, 4)]


def brute_sum(xs, mask):
    return sum((x for i, x in enumerate(xs) if mask >> i & 1), F(0))


def masks_of_size(n, k):
    return [sum(1 << i for i in c) for c in itertools.combinations(range(n), k)]


# ---- chain_verifies -----------------------------------------------------------------------------------------

def test_boundary_gap_exactly_two_eps_accepted_and_two_eps_plus_delta_rejected():
    xs = [F(1), F(2)]                       # sums 0, 1, 2, 3 (masks 0, 1, 2, 3)
    eps = F(1, 2)                           # 2 eps = 1: the gaps 0->1->2->3 are exactly 2 eps
    assert chain_verifies(xs, eps, F(1, 2), F(5, 2), [0, 1, 2, 3], [F(0), F(1), F(2), F(3)])
    delta = F(1, 10**9)
    xs2 = [F(1) + delta, F(2)]              # gap 0 -> 1 + delta = 2 eps + delta
    assert not chain_verifies(xs2, eps, F(1, 2), F(5, 2), [0, 1, 2], [F(0), 1 + delta, F(2)])


def test_wrong_sums_rejected():
    assert chain_verifies(XS, F(1), F(-1), F(1), [0b100, 0b011], [F(-1, 4), F(5, 6)])
    assert not chain_verifies(XS, F(1), F(-1), F(1), [0b100, 0b011], [F(-1, 4), F(5, 7)])


@pytest.mark.parametrize("sums", [(F(-1, 4),), (F(-1, 4), F(5, 6), F(5, 6)), ()])
def test_size_mismatch_between_masks_and_sums_rejected(sums):
    assert not chain_verifies(XS, F(1), F(-1), F(1), (0b100, 0b011), sums)


def test_sums_not_a_list_or_tuple_rejected_without_raising():
    assert not chain_verifies(XS, F(1), F(-1), F(1), [0b100, 0b011], (s for s in [F(-1, 4), F(5, 6)]))


@pytest.mark.parametrize("masks", [[0b1000], [-1], [1.0], [True], "ab", [], 5])
def test_masks_of_wrong_length_or_type_rejected(masks):
    assert not chain_verifies(XS, F(10), F(-1), F(1), masks, [F(0)] * (len(masks) if hasattr(masks, "__len__") else 1))


def test_fixed_size_masks_with_exactly_size_bits():
    xs = [F(1), F(2), F(4), F(8)]
    for k in range(len(xs) + 1):
        for m in masks_of_size(len(xs), k):
            s = brute_sum(xs, m)
            # a one-link chain at the point s with radius 1 (exact): accepted iff the size matches
            for size in range(len(xs) + 1):
                assert chain_verifies(xs, F(1), s, s, [m], [s], size=size) is (size == k)
            assert chain_verifies(xs, F(1), s, s, [m], [s])


@pytest.mark.parametrize("size", [True, 1.0, "1", F(1)])
def test_size_of_wrong_type_rejected(size):
    # mask 0b001 has exactly one bit, so only the type of size can reject it
    assert chain_verifies(XS, F(1), F(1, 2), F(1, 2), [0b001], [F(1, 2)], size=1)
    assert not chain_verifies(XS, F(1), F(1, 2), F(1, 2), [0b001], [F(1, 2)], size=size)


# ---- greedy_chain -------------------------------------------------------------------------------------------

def brute_greedy(values, A, B, E):
    """Greedy over all subset sums by brute force: (list of sums, complete)."""
    sums = sorted({sum(c) for r in range(len(values) + 1) for c in itertools.combinations(values, r)})
    below = [s for s in sums if s <= A + E]
    if not below or below[-1] < A - E:
        return [], False
    chain = [below[-1]]
    while chain[-1] < B - E:
        nxt = max(s for s in sums if s <= chain[-1] + 2 * E)
        if nxt <= chain[-1]:
            return chain, False
        chain.append(nxt)
    return chain, True


INSTANCES = [([3, 5, -2, 7], -6, 6, 1), ([1, 1, 1, 1, 1], -1, 6, 1), ([4, 9, -5], -10, 10, 2),
             ([10, 20], -3, 3, 1), ([2, 3, 7, -4, 6], -4, 18, 1), ([100], 5, 7, 1), ([0, 0, 1], 0, 1, 1)]


@pytest.mark.parametrize("values,A,B,E", INSTANCES)
@pytest.mark.parametrize("h", [0, 1, 2])
def test_greedy_chain_matches_brute_force(values, A, B, E, h):
    chain, complete = greedy_chain([(_half_sums(values[:h], 0), _half_sums(values[h:], h))], A, B, E)
    expect, expect_complete = brute_greedy(values, A, B, E)
    assert [s for s, _ in chain] == expect
    assert complete is expect_complete
    for s, m in chain:
        assert sum(v for i, v in enumerate(values) if m >> i & 1) == s


def test_no_first_link_is_incomplete():
    assert greedy_chain([(_half_sums([10], 0), _half_sums([20], 1))], -3, 3, 1) == ([], False)


def test_empty_right_group_is_skipped_not_the_end():
    # group 0 has no right sums (an RFSS split with too few samples); group 1 must still be searched
    groups = [([(0, 0)], []), ([(0, 0), (2, 1)], [(0, 0), (3, 2)])]
    chain, complete = greedy_chain(groups, 0, 5, 1)
    assert chain == [(0, 0), (2, 1), (3, 2), (5, 3)] and complete


def test_tie_keeps_the_first_pair_of_the_groups_order():
    # sum 1 is reached as 0 + 1 (mask 2) and 1 + 0 (mask 1): the first left sum wins
    chain, complete = greedy_chain([([(0, 0), (1, 1)], [(0, 0), (1, 2)])], 1, 1, 0)
    assert chain == [(1, 2)] and complete


def test_right_with_equal_entries_is_sorted():
    chain, complete = greedy_chain([([(0, 0)], [(1, 1), (1, 1)])], 1, 1, 0)
    assert chain == [(1, 1)] and complete


def test_right_unsorted_at_the_last_pair_refused():
    with pytest.raises(InvalidArgument, match=r"^groups\[0\]\.right must be sorted$"):
        greedy_chain([([(0, 0)], [(0, 0), (2, 1), (1, 2)])], 0, 1, 1)


@pytest.mark.parametrize("arg", ["A", "B", "E"])
def test_non_integer_ends_named(arg):
    kw = {"A": 0, "B": 1, "E": 1, arg: 1.5}
    with pytest.raises(InvalidType, match=rf"^{arg} must be an integer, got {arg}=1\.5"):
        greedy_chain([([(0, 0)], [(0, 0)])], kw["A"], kw["B"], kw["E"])


def test_groups_not_a_sequence_named():
    with pytest.raises(InvalidType, match=r"^groups must be a sequence"):
        greedy_chain(5, 0, 1, 1)


@pytest.mark.parametrize("pair", [([(0, 0)], [(0, 0)], []), ([(0, 0)],)])
def test_group_not_a_pair_refused(pair):
    with pytest.raises(InvalidType, match=r"^groups\[0\] must be a \(left, right\) pair, got groups\[0\]="):
        greedy_chain([pair], 0, 1, 1)


@pytest.mark.parametrize("side", [0, 1])
@pytest.mark.parametrize("entry", [(1.5, 0), (True, 0), [0, 0], (0, 0, 0), (0,)])
def test_half_entry_not_an_int_pair_named(side, entry):
    name = ("left", "right")[side]
    pair = [[(0, 0)], [(0, 0)]]
    pair[side] = [entry]
    with pytest.raises(InvalidType, match=rf"^groups\[0\]\.{name}\[0\] must be a \(sum, mask\) pair of ints, got "
                                          rf"groups\[0\]\.{name}\[0\]="):
        greedy_chain([tuple(pair)], 0, 1, 1)


@pytest.mark.parametrize("side", [0, 1])
def test_half_not_a_sequence_named(side):
    name = ("left", "right")[side]
    pair = [[(0, 0)], [(0, 0)]]
    pair[side] = 7
    with pytest.raises(InvalidType, match=rf"^groups\[0\]\.{name} must be a sequence"):
        greedy_chain([tuple(pair)], 0, 1, 1)


# ---- build_certificate: the size limit is inclusive ---------------------------------------------------------

def test_largest_n_accepted_and_one_more_refused():
    xs = [F(1, 2**i) for i in range(MAX_CERTIFICATE_N)]   # distinct binary fractions: 1/4 is only xs[2]
    cert = build_certificate(xs, F(1, 4), 0, F(1, 4))    # one link: the largest sum <= 1/4, which is >= 0
    assert cert.masks == (0b100,) and cert.sums == (F(1, 4),)
    with pytest.raises(InvalidArgument, match=rf"^certificates need n <= {MAX_CERTIFICATE_N}, got n=37$"):
        build_certificate(xs + [F(1)], F(1, 4), 0, F(1, 4))
