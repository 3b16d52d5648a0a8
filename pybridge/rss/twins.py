r"""Python twins of the random-subset-sum claims (see :mod:`pybridge.claims.registry`).

Each twin checks its claim on one instance and returns ``True`` when it holds.
Decisions are exact (:mod:`pybridge.rss.coverage`).  Sources: theory §1, §5.3 (RECON),
tools §D.
"""

from __future__ import annotations

from fractions import Fraction

from pybridge.validation import check_exact, check_samples, check_sequence
from pybridge.rss.certificate import build_certificate, verify_certificate
from pybridge.rss.coverage import covers_exact
from pybridge.rss.decide import covers

__all__ = ["counting_bound", "monotone_in_samples", "monotone_in_eps", "gap_certificate", "subset_sum_recursion"]


def counting_bound(xs, eps, a=-1.0, b=1.0) -> bool:
    r"""Claim ``rss-counting-bound``: if :math:`2^n \cdot 2\varepsilon < b - a` then ``xs`` does not cover."""
    xs = check_samples("xs", xs)
    e, qa, qb = check_exact("eps", eps, positive=True), check_exact("a", a), check_exact("b", b)
    if (2**xs.size) * 2 * e >= qb - qa:
        return True
    return not covers_exact(xs.tolist(), e, qa, qb)


def monotone_in_samples(xs, x, eps, a=-1.0, b=1.0) -> bool:
    """Claim ``rss-subset-sum-monotone``: adding a sample never breaks coverage."""
    xs = check_samples("xs", xs)
    if not covers(xs, eps, interval=(a, b)):
        return True
    return covers(list(xs) + [x], eps, interval=(a, b))


def monotone_in_eps(xs, eps, eps2, a=-1.0, b=1.0) -> bool:
    """Claim ``rss-subset-sum-monotone``: an eps-cover is an eps2-cover for eps2 >= eps."""
    e, e2 = check_exact("eps", eps, positive=True), check_exact("eps2", eps2, positive=True)
    if e2 < e or not covers(xs, eps, interval=(a, b)):
        return True
    return covers(xs, eps2, interval=(a, b))


def gap_certificate(xs, eps, a=-1.0, b=1.0) -> bool:
    """Claim ``rss-gap-certificate``: a certificate exists iff the samples cover, and it verifies exactly."""
    xs = check_sequence("xs", xs)
    ok = covers_exact(xs, eps, a, b)
    if not ok:
        return True
    return verify_certificate(build_certificate(list(xs), eps, a, b))


def subset_sum_recursion(xs) -> bool:
    r"""Claim ``rss-subset-sum-recursion``: :math:`SS(x::xs) = SS(xs) \cup (x + SS(xs))`, :math:`|SS| = 2^n` (as multisets)."""
    q = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs, max_len=20))]

    def ss(v):
        if not v:
            return [Fraction(0)]
        rest = ss(v[1:])
        return rest + [v[0] + s for s in rest]

    full = ss(q)
    if len(full) != 2 ** len(q):
        return False
    if not q:
        return full == [0]
    rest = ss(q[1:])
    return sorted(full) == sorted(rest + [q[0] + s for s in rest])
