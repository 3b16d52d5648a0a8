r"""The two binomial–entropy bounds of RFSS, checked exhaustively for ``n <= n_max`` and all ``k``.

RFSS (arXiv 2410.14754) [READ], proof of Theorem 2 step (i) and of Theorem 5
(MacWilliams–Sloane), for :math:`1\le k\le n-1` and :math:`2^{nH_2(k/n)}=n^n/(k^k(n-k)^{n-k})`:

* lower bound on the binomial (claim ``const-rfss-binomial-entropy-lower``):
  :math:`1/\binom nk\le\sqrt{8k(n-k)/n}\;2^{-nH_2(k/n)}`;
* upper bound on the binomial (claim ``const-rfss-binomial-entropy-upper``):
  :math:`\binom nk\le\sqrt{n/(2\pi k(n-k))}\;2^{nH_2(k/n)}`.

With Stirling's remainder :math:`\theta_m=\ln m!-(m\ln m-m+\tfrac12\ln(2\pi m))` the log
margin of the upper bound is :math:`D=\theta_k+\theta_{n-k}-\theta_n`, and the lower
bound is :math:`D\le\tfrac12\ln(4/\pi)`.  The check decides both for every pair with
certified arb balls; a pair the balls cannot decide is settled in exact integer
arithmetic (squares of both sides; :math:`\pi` enters only through a certified
comparison with a rational).  Equality occurs exactly at ``(n, k) = (2, 1)`` for the
lower bound, so its constant :math:`\sqrt8` is attained.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import sympy
from flint import arb

from symbolic.core._validation import check_int
from symbolic.core.certify import certify_expr, certify_less
from symbolic.core.context import arb_prec
from symbolic.core.errors import InvalidArgument

__all__ = ["BinomialEntropyCheck", "check_binomial_entropy_bounds", "exact_pair_verdicts"]

#: Largest ``n_max`` accepted by the exact (integer) method.
MAX_EXACT_N = 1000


@dataclass(frozen=True)
class BinomialEntropyCheck:
    """Outcome of the exhaustive check of both bounds for ``n_min <= n <= n_max``, ``1 <= k <= n-1``.

    Attributes
    ----------
    n_min, n_max : int
    pairs : int
        Number of ``(n, k)`` pairs covered (all ``k``; the bounds are symmetric in ``k <-> n-k``,
        so only ``k <= n/2`` is computed).
    lower_holds, upper_holds : bool
        Whether every pair satisfies the bound.
    lower_equalities : tuple of (int, int)
        Pairs (with ``k <= n/2``) where the lower bound holds with equality.
    lower_counterexamples, upper_counterexamples : tuple of (int, int)
        Violations (empty when the bound holds).
    exact_fallbacks : int
        Pairs decided in exact arithmetic because the balls overlapped.
    min_upper_margin : float
        Smallest log margin :math:`\\theta_k+\\theta_{n-k}-\\theta_n` (reporting only; float).
    min_upper_margin_at : tuple of (int, int)
    max_upper_margin : float
        Largest log margin; the lower bound's log margin is ``ln(4/pi)/2`` minus it.
    method : str
        ``"arb"`` or ``"exact"``.
    """

    n_min: int
    n_max: int
    pairs: int
    lower_holds: bool
    upper_holds: bool
    lower_equalities: tuple
    lower_counterexamples: tuple
    upper_counterexamples: tuple
    exact_fallbacks: int
    min_upper_margin: float
    min_upper_margin_at: tuple
    max_upper_margin: float
    method: str

    def summary(self) -> str:
        """One-line description for derivations and reports."""
        return (
            f"checked all 1 <= k <= n-1, {self.n_min} <= n <= {self.n_max} ({self.pairs} pairs, method {self.method}): "
            f"lower bound holds = {self.lower_holds} (equality at {list(self.lower_equalities)}), "
            f"upper bound holds = {self.upper_holds}; smallest log margin of the upper bound "
            f"{self.min_upper_margin:.3e} at (n, k) = {self.min_upper_margin_at}"
        )


def exact_pair_verdicts(n: int, k: int) -> tuple[int, bool]:
    """Exact verdicts for one pair ``1 <= k <= n-1``.

    Returns
    -------
    lower : int
        Sign of ``RHS^2 - LHS^2`` of the lower bound in integers: ``1`` strict, ``0`` equality,
        ``-1`` violated.
    upper : bool
        Whether the upper bound holds (strictly; decided by a certified comparison of pi
        with a rational).
    """
    n = check_int("n", n, min_value=2)
    k = check_int("k", k, min_value=1, max_value=n - 1)
    c2 = math.comb(n, k) ** 2
    ent2_den = k ** (2 * k) * (n - k) ** (2 * (n - k))  # (2^{nH})^2 = n^(2n) / ent2_den
    lhs = n ** (2 * n) * n
    rhs = 8 * k * (n - k) * c2 * ent2_den
    lower = (rhs > lhs) - (rhs < lhs)
    # upper: 2 pi k (n-k) C^2 ent2_den <= n^(2n+1)  <=>  pi <= R = num/den
    num, den = n ** (2 * n + 1), 2 * k * (n - k) * c2 * ent2_den
    pi_iv = _pi_enclosure()
    if num * pi_iv.hi.denominator >= pi_iv.hi.numerator * den:
        return lower, True
    if num * pi_iv.lo.denominator < pi_iv.lo.numerator * den:
        return lower, False
    return lower, not certify_less(sympy.Rational(num, den), sympy.pi, dps=60, max_dps=5000)


@lru_cache(maxsize=1)
def _pi_enclosure():
    """Certified rational enclosure of pi to 60 digits."""
    return certify_expr(sympy.pi, dps=60)


def _theta_table(n_max: int) -> list:
    """Stirling remainders theta_m, m = 0..n_max, as arb balls (theta_0 unused)."""
    two_pi = 2 * arb.pi()
    table = [arb(0)]
    for m in range(1, n_max + 1):
        am = arb(m)
        table.append(arb(m + 1).lgamma() - am * am.log() + am - (two_pi * am).log() / 2)
    return table


def _check_bounds_iv(n_min, n_max, method) -> tuple[int, int]:
    """Validate the arguments of :func:`check_binomial_entropy_bounds`; return ``(n_min, n_max)`` as ints."""
    n_min = check_int("n_min", n_min, min_value=2)
    n_max = check_int("n_max", n_max, min_value=n_min)
    if not isinstance(method, str) or method not in ("arb", "exact"):
        raise InvalidArgument(f"method must be 'arb' or 'exact', got method={method!r}")
    if method == "exact" and n_max > MAX_EXACT_N:
        raise InvalidArgument(f"method='exact' needs n_max <= {MAX_EXACT_N}, got n_max={n_max}")
    return n_min, n_max


@dataclass
class _Tally:
    """Pairs (with ``k <= n/2``) at equality or in violation, and the count of exact fallbacks."""

    equalities: list = field(default_factory=list)
    low_bad: list = field(default_factory=list)
    up_bad: list = field(default_factory=list)
    fallbacks: int = 0

    def record(self, n: int, k: int, lower: int, upper: bool) -> None:
        """File the exact verdicts of one pair (see :func:`exact_pair_verdicts`)."""
        if lower == 0:
            self.equalities.append((n, k))
        elif lower < 0:
            self.low_bad.append((n, k))
        if not upper:
            self.up_bad.append((n, k))


def _decide_row(n: int, theta: list, tn_hi: arb, method: str, tally: _Tally) -> None:
    r"""Decide both bounds for every ``1 <= k <= n/2`` into ``tally`` (call under ``arb_prec``).

    ``method="arb"`` skips a pair when the balls certify :math:`\theta_n < \theta_k+\theta_{n-k} <
    \theta_n+\tfrac12\ln(4/\pi)` (``tn_hi`` is the right end) and settles it exactly otherwise.
    """
    tn = theta[n]
    for k in range(1, n // 2 + 1):
        if method != "exact":
            s = theta[k] + theta[n - k]
            if s > tn and s < tn_hi:
                continue
            tally.fallbacks += 1
        tally.record(n, k, *exact_pair_verdicts(n, k))


def _margin_extremes(n: int, theta_f: np.ndarray, best: tuple, worst: float) -> tuple[tuple, float]:
    """Update the smallest (with its pair) and largest float log margin of the upper bound with row ``n``."""
    ks = np.arange(1, n // 2 + 1)  # margins in floats, for reporting only
    margins = theta_f[ks] + theta_f[n - ks] - theta_f[n]
    i = int(np.argmin(margins))
    if margins[i] < best[0]:
        best = (float(margins[i]), (n, int(ks[i])))
    return best, max(worst, float(margins.max()))


def check_binomial_entropy_bounds(n_max: int = 10_000, *, n_min: int = 2, method: str = "arb") -> BinomialEntropyCheck:
    r"""Check both RFSS binomial–entropy bounds for every ``n_min <= n <= n_max`` and every ``k``.

    Parameters
    ----------
    n_max : int, default 10000
        Largest ``n`` (``>= n_min``).  ``method="arb"`` takes about 13 s on one core for 10**4.
    n_min : int, default 2
    method : {"arb", "exact"}, default "arb"
        ``"arb"``: certified ball comparisons of the log margin, exact fallback on overlap.
        ``"exact"``: integer arithmetic on squared sides for every pair (``n_max <= 1000``).

    Returns
    -------
    BinomialEntropyCheck

    Raises
    ------
    InvalidType, InvalidArgument
        For non-integers, ``n_min < 2``, ``n_max < n_min``, an unknown method, or
        ``method="exact"`` beyond ``n_max = 1000``.

    Notes
    -----
    Claims ``const-rfss-binomial-entropy-lower`` and ``const-rfss-binomial-entropy-upper``.
    Source: RFSS arXiv 2410.14754, proof of Theorem 2 (i) and of Theorem 5 [READ];
    theory §2, §5.2.

    Examples
    --------
    >>> r = check_binomial_entropy_bounds(30)
    >>> r.lower_holds, r.upper_holds, r.lower_equalities
    (True, True, ((2, 1),))
    """
    n_min, n_max = _check_bounds_iv(n_min, n_max, method)
    tally = _Tally()
    best, worst = (math.inf, None), -math.inf
    with arb_prec(128):
        theta = _theta_table(n_max)
        half_log = (4 / arb.pi()).log() / 2
        theta_f = np.array([float(x.mid()) for x in theta])
        for n in range(n_min, n_max + 1):
            _decide_row(n, theta, theta[n] + half_log, method, tally)
            best, worst = _margin_extremes(n, theta_f, best, worst)
    return BinomialEntropyCheck(
        n_min=n_min,
        n_max=n_max,
        pairs=sum(n - 1 for n in range(n_min, n_max + 1)),
        lower_holds=not tally.low_bad,
        upper_holds=not tally.up_bad,
        lower_equalities=tuple(tally.equalities),
        lower_counterexamples=tuple(tally.low_bad),
        upper_counterexamples=tuple(tally.up_bad),
        exact_fallbacks=tally.fallbacks,
        min_upper_margin=best[0],
        min_upper_margin_at=best[1],
        max_upper_margin=worst,
        method=method,
    )
