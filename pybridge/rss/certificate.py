r"""Coverage certificates: witness subsets whose exact sums form an ε-chain over [a, b].

A certificate for "every z in [a, b] is within ε of a subset sum of xs" is a
list of masks (bit i selects ``xs[i]``) whose exact sums :math:`s_1 \le \dots
\le s_m` satisfy :math:`s_1 \le a + \varepsilon`, :math:`s_m \ge b -
\varepsilon` and :math:`s_{j+1} - s_j \le 2\varepsilon` (claim
``rss-gap-certificate``, theory §5.3 L3, RECON; tools §D).  It is checked with
exact rationals by :func:`verify_certificate` and, in Coq, by the verified
checker ``Prunegap.Checker.check_certificate`` (claim ``rss-certificate-sound``).

Construction (greedy, exact integers): :math:`s_1` is the largest subset sum
:math:`\le a + \varepsilon`; then :math:`s_{j+1}` is the largest subset sum
:math:`\le s_j + 2\varepsilon`, until :math:`s_j \ge b - \varepsilon`.  Every
query is a meet-in-the-middle search (Horowitz–Sahni), so the chain has at
most :math:`(b-a)/\varepsilon + 2` links and costs
:math:`O(m \cdot 2^{n/2} \log 2^{n/2})`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from fractions import Fraction

from pybridge.validation import check_exact, check_exact_instance, check_instance, check_int, check_sequence
from pybridge.errors import InvalidArgument, InvalidType
from pybridge.rss.coverage import scaled_integers

__all__ = ["Certificate", "build_certificate", "verify_certificate", "mask_sum", "greedy_chain", "chain_verifies"]

#: meet-in-the-middle enumerates 2**ceil(n/2) sums per query; beyond this n it is too slow
MAX_CERTIFICATE_N = 36


@dataclass(frozen=True)
class Certificate:
    """Witness subsets for an ε-cover of [a, b] (all values exact).

    Attributes
    ----------
    xs : tuple of Fraction
        The samples, exactly (index order = mask bit order).
    eps, a, b : Fraction
        Radius and target interval.
    masks : tuple of int
        Witness subsets; bit i of a mask selects ``xs[i]``.
    sums : tuple of Fraction
        Exact subset sums of the masks, nondecreasing.
    """

    xs: tuple
    eps: Fraction
    a: Fraction
    b: Fraction
    masks: tuple
    sums: tuple

    def to_dict(self) -> dict:
        return {
            "xs": [str(x) for x in self.xs],
            "eps": str(self.eps),
            "a": str(self.a),
            "b": str(self.b),
            "masks": [format(m, "b").zfill(len(self.xs))[::-1] for m in self.masks],
            "sums": [str(s) for s in self.sums],
        }


def mask_sum(xs, mask: int) -> Fraction:
    """Exact sum of the samples selected by ``mask`` (bit i selects ``xs[i]``)."""
    xs = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs))]
    mask = check_int("mask", mask, min_value=0)
    if mask >> len(xs):
        raise InvalidArgument(f"mask selects samples beyond n={len(xs)}, got mask={mask:#x}"[:200])
    total = Fraction(0)
    i = 0
    while mask:
        if mask & 1:
            total += xs[i]
        mask >>= 1
        i += 1
    return total


def _half_sums(values: list[int], offset: int) -> list[tuple[int, int]]:
    sums = [(0, 0)]
    for i, v in enumerate(values):
        bit = 1 << (offset + i)
        sums += [(s + v, m | bit) for s, m in sums]
    sums.sort()
    return sums


def _largest_at_most(groups, keys, t: int):
    """Largest ``s1 + s2 <= t`` over the groups' pairs (meet in the middle, Horowitz-Sahni); ties keep the first."""
    best = None
    for (left, right), rkeys in zip(groups, keys):
        if not rkeys:
            continue
        for s1, m1 in left:
            j = bisect.bisect_right(rkeys, t - s1) - 1
            if j >= 0:
                cand = s1 + rkeys[j]
                if best is None or cand > best[0]:
                    best = (cand, m1 | right[j][1])
    return best


def _check_half(name: str, half) -> list:
    half = check_sequence(name, half)
    for i, entry in enumerate(half):
        if not (isinstance(entry, tuple) and len(entry) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in entry)):
            raise InvalidType(f"{name}[{i}] must be a (sum, mask) pair of ints, got {name}[{i}]={entry!r:.80}")
    return half


def greedy_chain(groups, A: int, B: int, E: int) -> tuple[list, bool]:
    r"""The greedy :math:`\varepsilon`-chain over ``[A, B]`` at radius ``E`` (exact integers, meet in the middle).

    Parameters
    ----------
    groups : sequence of (left, right)
        The attainable sums are ``s1 + s2`` over ``(s1, m1)`` in ``left`` and ``(s2, m2)`` in ``right``
        of one group (mask ``m1 | m2``); ``right`` sorted.  RSS: one group (the two halves' subset
        sums); RFSS: one group per split ``c + (k - c)`` of the subset size.
    A, B, E : int
        Target ends and radius, scaled to integers.

    Returns
    -------
    (chain, complete)
        ``chain``: ``(sum, mask)`` links; the first is the largest sum ``<= A + E``, each next the
        largest ``<= previous + 2E``, until a sum ``>= B - E``.  ``complete`` means the chain
        certifies the cover (claim ``rss-gap-certificate``); otherwise ``chain`` is empty (``A`` is
        not within ``E`` of a sum) or stops at the last sum below an uncovered gap.

    Raises
    ------
    InvalidType, InvalidArgument
        Malformed groups (not (sum, mask) int pairs, ``right`` unsorted) or non-integer ends.
    """
    A, B, E = check_int("A", A), check_int("B", B), check_int("E", E)
    checked = []
    for g, pair in enumerate(check_sequence("groups", groups)):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise InvalidType(f"groups[{g}] must be a (left, right) pair, got groups[{g}]={pair!r:.80}")
        left, right = _check_half(f"groups[{g}].left", pair[0]), _check_half(f"groups[{g}].right", pair[1])
        if any(right[i] > right[i + 1] for i in range(len(right) - 1)):
            raise InvalidArgument(f"groups[{g}].right must be sorted")
        checked.append((left, right))
    keys = [[s for s, _ in right] for _, right in checked]
    cur = _largest_at_most(checked, keys, A + E)
    if cur is None or cur[0] < A - E:
        return [], False
    chain = [cur]
    while chain[-1][0] < B - E:
        nxt = _largest_at_most(checked, keys, chain[-1][0] + 2 * E)
        if nxt[0] <= chain[-1][0]:
            return chain, False
        chain.append(nxt)
    return chain, True


def chain_verifies(xs, eps, a, b, masks, sums, *, size=None) -> bool:
    r"""The exact check of an :math:`\varepsilon`-chain of witness masks (claim ``rss-gap-certificate``).

    True iff every field is exact, ``masks`` is a nonempty sequence of masks of the ``n`` samples
    (each with exactly ``size`` bits when given), their exact sums (recomputed) equal ``sums``,
    are nondecreasing with gaps ``<= 2 eps``, the first is ``<= a + eps`` and the last
    ``>= b - eps``.  Never raises on a malformed field: it is rejected.
    """
    try:  # every field exactly (a float field is its dyadic value; never float arithmetic)
        xs = [check_exact(f"xs[{i}]", x) for i, x in enumerate(xs)]
        eps, a, b = check_exact("eps", eps), check_exact("a", a), check_exact("b", b)
        claimed = [check_exact("sums", s) for s in sums]
    except (InvalidArgument, TypeError, ValueError):
        return False
    if not isinstance(masks, (list, tuple)) or not masks \
            or any(not isinstance(m, int) or isinstance(m, bool) for m in masks):
        return False
    if not isinstance(sums, (list, tuple)) or len(sums) != len(masks):
        return False
    if size is not None and (not isinstance(size, int) or isinstance(size, bool)):
        return False
    n = len(xs)
    if any(m < 0 or m >> n or (size is not None and bin(m).count("1") != size) for m in masks):
        return False
    actual = [mask_sum(xs, m) for m in masks]
    if actual != claimed or eps <= 0 or actual[0] > a + eps or actual[-1] < b - eps:
        return False
    return all(0 <= t - s <= 2 * eps for s, t in zip(actual, actual[1:]))


def build_certificate(xs, eps, a=-1, b=1) -> Certificate:
    """Build witness subsets for an ε-cover of [a, b] (exact arithmetic).

    Parameters
    ----------
    xs : sequence of exact numbers or floats, length n <= 36
    eps, a, b : exact numbers or floats (floats taken as their dyadic values)

    Returns
    -------
    Certificate
        Passes :func:`verify_certificate`.

    Raises
    ------
    InvalidArgument
        If the samples do not ε-cover [a, b] (no certificate exists), or n is too large.
    """
    q, e, qa, qb = check_exact_instance(xs, eps, a, b)
    if len(q) > MAX_CERTIFICATE_N:
        raise InvalidArgument(f"certificates need n <= {MAX_CERTIFICATE_N}, got n={len(q)}")
    ints, den = scaled_integers(q + [e, qa, qb])
    X, E, A, B = ints[: len(q)], ints[-3], ints[-2], ints[-1]
    h = len(X) // 2
    chain, complete = greedy_chain([(_half_sums(X[:h], 0), _half_sums(X[h:], h))], A, B, E)
    if not chain:
        raise InvalidArgument(f"samples do not eps-cover [a, b]: a={qa} is not within eps={e} of a subset sum")
    if not complete:
        z = Fraction(chain[-1][0] + E, den)
        raise InvalidArgument(f"samples do not eps-cover [a, b]: points just above z={z} are not covered")
    masks = tuple(m for _, m in chain)
    sums = tuple(Fraction(s, den) for s, _ in chain)
    return Certificate(tuple(q), e, qa, qb, masks, sums)


def verify_certificate(cert: Certificate) -> bool:
    """Check a certificate with exact rationals (recomputing every sum from its mask).

    Returns True iff the masks' exact sums are nondecreasing with gaps <= 2 eps,
    the first is <= a + eps and the last >= b - eps.  By claim
    ``rss-gap-certificate`` (proved in Coq) acceptance implies every z in [a, b]
    is within eps of a subset sum.
    """
    check_instance("cert", cert, Certificate)
    return chain_verifies(cert.xs, cert.eps, cert.a, cert.b, cert.masks, cert.sums)
