r"""Python twins of the fixed-size claims (each checks its claim on one instance; True = holds).

Sources: RFSS (Natale et al., arXiv 2410.14754, READ, theory §2) and our counting lemma
(RECON, beside ``rss-counting-bound``).  Decisions are exact.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from pybridge.validation import check_exact, check_int, check_real, check_samples, check_sequence
from pybridge.rfss.decide import as_target, fixed_covers

from pybridge.errors import InvalidArgument

#: the recursion lists every k-subset: at most this many samples
MAX_TWIN_N = 24

__all__ = ["counting_bound_fixed", "decision_matches_brute_force", "k_subset_sums", "thm5_counting_core"]


def k_subset_sums(xs, k: int) -> list:
    """All sums of exactly ``k`` of ``xs`` (one per subset, exact Fractions), by the recursion
    ``KS(k, x :: xs) = KS(k, xs) ++ (x + KS(k - 1, xs))`` of the Coq/Lean ``k_subset_sums``."""
    q = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs, max_len=MAX_TWIN_N))]

    def ks(c, v):
        if not v:
            return [Fraction(0)] if c == 0 else []
        if c == 0:
            return ks(0, v[1:])
        return ks(c, v[1:]) + [v[0] + s for s in ks(c - 1, v[1:])]

    return ks(check_int("k", k, min_value=0), q)


def counting_bound_fixed(xs, k, eps, interval=None) -> bool:
    r"""Claim ``rfss-counting-bound``: :math:`\binom nk 2\varepsilon < b - a` implies no k-subset cover (exact)."""
    xs = check_samples("xs", xs)
    k = check_int("k", k, min_value=1)
    e = check_exact("eps", eps, positive=True)
    t = as_target(k, interval)
    a_lo, a_hi, b_lo, b_hi = t.enclose(128)
    if math.comb(xs.size, k) * 2 * e >= b_lo - a_hi:
        return True
    return not fixed_covers(xs.tolist(), k, e, interval=t, exact=True)


def decision_matches_brute_force(xs, k, eps, a=-1.0, b=1.0) -> bool:
    """Claim ``rfss-decision-exact``: float mode = exact mode = brute force over all k-subsets (n <= 16)."""
    xs = check_samples("xs", xs)
    if xs.size > 16:
        raise InvalidArgument(f"brute force needs n <= 16, got n={xs.size}")
    k = check_int("k", k, min_value=0)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_real("a", a), check_real("b", b)
    e, qa, qb = Fraction(float(eps)), Fraction(float(a)), Fraction(float(b))
    sums = sorted({sum(c, Fraction(0)) for c in itertools.combinations([Fraction(v) for v in xs], k)})
    want, reach = False, qa
    for s in sums:
        if s - e > reach:
            break
        reach = max(reach, s + e)
        if reach >= qb:
            want = True
            break
    return fixed_covers(xs, k, eps, interval=(a, b)) is want and \
        fixed_covers(xs.tolist(), k, eps, interval=(a, b), exact=True) is want


def thm5_counting_core(k: int, eps) -> bool:
    r"""Claim ``rfss-theorem5-counting-core``: the smallest n with :math:`\binom nk 2\varepsilon \ge 2\sqrt k`
    satisfies RFSS Theorem 5's inequality for d = 1, :math:`nH_2(k/n) \ge \frac12\log_2(k/\varepsilon)`.

    Exact: :math:`2^{nH_2(k/n)} = n^n/(k^k(n-k)^{n-k})`, so the inequality is
    :math:`(n^n)^2 \varepsilon \ge k (k^k (n-k)^{n-k})^2`; for ``n = k`` (:math:`H_2(1) = 0`) it reads
    :math:`\varepsilon \ge k`.
    """
    from pybridge.rfss.montecarlo import counting_bound_n_fixed

    k = check_int("k", k, min_value=1)
    e = check_exact("eps", eps, positive=True)
    n = counting_bound_n_fixed(k, e)
    lhs = Fraction(n**n) ** 2 * e
    rhs = k * Fraction(k**k * (n - k) ** (n - k)) ** 2
    return lhs >= rhs
