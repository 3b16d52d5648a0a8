r"""Fixed-size coverage certificates: witness k-subsets whose exact sums form an ε-chain.

A certificate for "every z in [a, b] is within ε of a sum of exactly k samples" is a
list of masks, each with exactly ``k`` bits set, whose exact sums :math:`s_1 \le \dots \le
s_m` satisfy :math:`s_1 \le a + \varepsilon`, :math:`s_m \ge b - \varepsilon` and
:math:`s_{j+1} - s_j \le 2\varepsilon` — the RSS gap criterion (claim ``rss-gap-certificate``,
proved in Coq) applied to k-subsets.  For an irrational end (:math:`\pm\sqrt k`) the
inequalities are checked against a rational enclosure on the safe side (outer ends).

Construction (greedy, exact integers, meet in the middle by subset size): :math:`s_1` is
the largest k-sum :math:`\le a + \varepsilon`, then :math:`s_{j+1}` the largest k-sum
:math:`\le s_j + 2\varepsilon`, until :math:`s_j \ge b - \varepsilon`.  Each query splits the
samples in two halves, lists the c-subset sums of each half by ``c`` and bisects.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from pybridge.validation import check_exact, check_instance, check_int, check_sequence
from pybridge.rss import chain_verifies, greedy_chain, scaled_integers
from pybridge.errors import InvalidArgument
from pybridge.rfss.target import Target

__all__ = ["FixedSizeCertificate", "build_fixed_certificate", "verify_fixed_certificate", "MAX_CERTIFICATE_N"]

#: each half lists up to 2**18 sums
MAX_CERTIFICATE_N = 36
_BITS = 128


@dataclass(frozen=True)
class FixedSizeCertificate:
    """Witness k-subsets for an ε-cover of [a, b] (all values exact).

    Attributes
    ----------
    xs : tuple of Fraction
    k : int
    eps : Fraction
    a, b : Fraction
        Outer rational enclosure of the target ends (``a <=`` true a, ``b >=`` true b).
    masks : tuple of int
        Bit i selects ``xs[i]``; each mask has exactly k bits.
    sums : tuple of Fraction
        Exact sums of the masks, nondecreasing.
    """

    xs: tuple
    k: int
    eps: Fraction
    a: Fraction
    b: Fraction
    masks: tuple
    sums: tuple

    def to_dict(self) -> dict:
        return {"xs": [str(x) for x in self.xs], "k": self.k, "eps": str(self.eps), "a": str(self.a),
                "b": str(self.b), "masks": [format(m, "b").zfill(len(self.xs))[::-1] for m in self.masks],
                "sums": [str(s) for s in self.sums]}


def _by_count(values: list[int], offset: int, k: int) -> list[list[tuple[int, int]]]:
    table: list[list[tuple[int, int]]] = [[] for _ in range(k + 1)]
    table[0].append((0, 0))
    for i, v in enumerate(values):
        bit = 1 << (offset + i)
        for c in range(min(i + 1, k), 0, -1):
            table[c].extend((s + v, m | bit) for s, m in table[c - 1])
    for row in table:
        row.sort()
    return table


def build_fixed_certificate(xs, k, eps, target: Target) -> FixedSizeCertificate:
    """Witness k-subsets for an ε-cover of ``target`` (exact); raises if the samples do not cover.

    Raises
    ------
    InvalidArgument
        No certificate exists (not covered), or ``n > 36``.
    """
    q = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs))]
    k = check_int("k", k, min_value=0, max_value=len(q))
    check_instance("target", target, Target)
    e = check_exact("eps", eps, positive=True)
    if len(q) > MAX_CERTIFICATE_N:
        raise InvalidArgument(f"certificates need n <= {MAX_CERTIFICATE_N}, got n={len(q)}")
    a_lo, _, _, b_hi = target.enclose(_BITS)
    ints, den = scaled_integers(q + [e, a_lo, b_hi])
    X, E, A, B = ints[: len(q)], ints[-3], ints[-2], ints[-1]
    h = len(X) // 2
    left = _by_count(X[:h], 0, k)
    right = _by_count(X[h:], h, k)
    chain, complete = greedy_chain([(left[c], right[k - c]) for c in range(k + 1)], A, B, E)
    if not chain:
        raise InvalidArgument(f"samples do not eps-cover the target with {k}-subsets: its left end is not covered")
    if not complete:
        z = Fraction(chain[-1][0] + E, den)
        raise InvalidArgument(f"samples do not eps-cover the target with {k}-subsets: points just above z={z}")
    return FixedSizeCertificate(tuple(q), k, e, Fraction(A, den), Fraction(B, den), tuple(m for _, m in chain),
                                tuple(Fraction(s, den) for s, _ in chain))


def verify_fixed_certificate(cert: FixedSizeCertificate, target: Target | None = None) -> bool:
    """Check a certificate with exact rationals (every sum recomputed from its mask).

    True iff every mask selects exactly ``k`` of the ``n`` samples, the exact sums equal the
    claimed ones, are nondecreasing with gaps ``<= 2 eps``, the first is ``<= a + eps`` and the
    last ``>= b - eps``; with ``target`` given, ``[a, b]`` must also contain it.
    """
    check_instance("cert", cert, FixedSizeCertificate)  # not a certificate (or target) at all: say so
    if target is not None:
        check_instance("target", target, Target)
    if not chain_verifies(cert.xs, cert.eps, cert.a, cert.b, cert.masks, cert.sums, size=cert.k):
        return False
    if target is not None:
        a_lo, a_hi, b_lo, b_hi = target.enclose(_BITS)
        if check_exact("a", cert.a) > a_lo or check_exact("b", cert.b) < b_hi:
            return False
    return True
