r"""RFSS constants: the binomial–entropy constants and the smallest width allowed by Theorem 5.

RFSS = Natale et al., *On the Sparsity of the SLTH*, NeurIPS 2024, arXiv 2410.14754
[READ from a full-text conversion; the arXiv version read is not recorded].

Theorem 5 (lower bound) [READ]: for :math:`1\le k\le\lambda n`, :math:`\lambda=1-\frac1{2\pi}`,
:math:`\varepsilon<1/16`, if every linear target :math:`\|W\|\le\sqrt k` in
:math:`\mathbb R^{d\times d}` is approximated with probability :math:`\ge1/2` by pruning
an ``n``-parameter network to ``k`` parameters, then
:math:`n\ge\frac{d^2}{2}\log_2(k/\varepsilon)/H_2(k/n)`.  Since :math:`nH_2(k/n)` increases
with ``n``, this is :math:`nH_2(k/n)\ge\frac{d^2}2\log_2(k/\varepsilon)`, i.e.
:math:`\big(n^n/(k^k(n-k)^{n-k})\big)^2\ge(k/\varepsilon)^{d^2}`, decided here exactly or with
certified balls.
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from symbolic.constants.binomial_entropy import check_binomial_entropy_bounds
from symbolic.core._validation import check_dps, check_exact, check_int
from symbolic.core.certify import certified_ceil, certify_less
from symbolic.core.errors import InvalidArgument, NotCertifiedError
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "DEFAULT_CHECK_N_MAX",
    "THM5_LAMBDA",
    "rfss_binomial_entropy_lower",
    "rfss_binomial_entropy_upper",
    "rfss_thm5_min_n",
    "thm5_holds",
    "thm5_min_n",
]

#: Range of the exhaustive check quoted in the constants' derivations (about 0.15 s).
DEFAULT_CHECK_N_MAX = 1000
#: Theorem 5's lambda = 1 - 1/(2 pi).
THM5_LAMBDA = 1 - 1 / (2 * sympy.pi)
#: Exact fallback is attempted only below this ``n`` (integers of about 2 n log2 n bits).
_MAX_EXACT_THM5_N = 200_000
#: Default accuracy of the example point of Theorem 5.
DEFAULT_EPS = sympy.Rational(1, 100)


def _rfss(location: str, note: str = "") -> Source:
    return Source(paper="RFSS", arxiv="2410.14754", location=location, tag="READ",
                  note=note or "statement read in a full-text conversion (version not recorded)")


@lru_cache(maxsize=4)
def _cached_check(n_max: int):
    return check_binomial_entropy_bounds(n_max)


def rfss_binomial_entropy_lower(*, dps: int = 50, n_max: int = DEFAULT_CHECK_N_MAX) -> ConstantResult:
    r"""Constant :math:`\sqrt8` of :math:`1/\binom nk\le\sqrt{8k(n-k)/n}\,2^{-nH_2(k/n)}` (a lower bound on the binomial).

    Tight: equality at ``(n, k) = (2, 1)``, so no smaller constant works.

    Parameters
    ----------
    dps : int, default 50
    n_max : int, default 1000
        Range of the exhaustive check quoted in ``derivation``
        (use :func:`symbolic.constants.binomial_entropy.check_binomial_entropy_bounds` for 10**4).

    Returns
    -------
    ConstantResult
        Exact ``2*sqrt(2)``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` or ``n_max`` is invalid.

    Notes
    -----
    Claim ``const-rfss-binomial-entropy-lower``; tag READ (RFSS proof of Theorem 2, range (i)).

    Examples
    --------
    >>> rfss_binomial_entropy_lower(dps=15, n_max=20).expr
    2*sqrt(2)
    """
    check = _cached_check(check_int("n_max", n_max, min_value=2))
    if not check.lower_holds:
        raise InvalidArgument(f"lower binomial-entropy bound fails at {check.lower_counterexamples[:5]}")
    # The ratio 2^(nH) / (C(n,k) sqrt(k(n-k)/n)) is the best constant at (n, k); the check found
    # equality of the bound exactly at the pairs below, so the supremum is attained there.
    n, k = (sympy.Integer(v) for v in check.lower_equalities[0])
    tight = n**n / (k**k * (n - k) ** (n - k)) / (sympy.binomial(n, k) * sympy.sqrt(k * (n - k) / n))
    if tight != 2 * sympy.sqrt(2):
        raise InvalidArgument(f"unexpected best constant {tight} at (n, k) = ({n}, {k})")
    return build_result(
        name="rfss-binomial-entropy-lower",
        claim_id="const-rfss-binomial-entropy-lower",
        symbol=r"\sqrt{8}",
        expr=tight,
        derivation=f"best constant at (n, k) is 2^(nH)/(C(n,k) sqrt(k(n-k)/n)); the bound with sqrt(8) holds with "
        f"equality at ({n}, {k}), where that ratio is {tight}; {check.summary()}",
        source=_rfss("proof of Theorem 2, overlap range (i); theory.md §2, §5.2"),
        dps=check_dps(dps),
    )


def rfss_binomial_entropy_upper(*, dps: int = 50, n_max: int = DEFAULT_CHECK_N_MAX) -> ConstantResult:
    r"""Constant :math:`1/\sqrt{2\pi}` of :math:`\binom nk\le\sqrt{n/(2\pi k(n-k))}\,2^{nH_2(k/n)}` (MacWilliams–Sloane).

    Tight as a supremum: the log margin :math:`\theta_k+\theta_{n-k}-\theta_n` tends to 0
    as :math:`k, n-k\to\infty` (Stirling), e.g. 2.5e-5 at ``(10**4, 5000)``.

    Parameters
    ----------
    dps : int, default 50
    n_max : int, default 1000
        Range of the exhaustive check quoted in ``derivation``.

    Returns
    -------
    ConstantResult
        Exact ``sqrt(2)/(2*sqrt(pi))``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` or ``n_max`` is invalid.

    Notes
    -----
    Claim ``const-rfss-binomial-entropy-upper``; tag READ (RFSS proof of Theorem 5).

    Examples
    --------
    >>> rfss_binomial_entropy_upper(dps=15, n_max=20).value_str
    '0.398942280401433'
    """
    check = _cached_check(check_int("n_max", n_max, min_value=2))
    if not check.upper_holds:
        raise InvalidArgument(f"upper binomial-entropy bound fails at {check.upper_counterexamples[:5]}")
    return build_result(
        name="rfss-binomial-entropy-upper",
        claim_id="const-rfss-binomial-entropy-upper",
        symbol=r"1/\sqrt{2\pi}",
        expr=1 / sympy.sqrt(2 * sympy.pi),
        derivation="C(n,k) sqrt(2 pi k(n-k)/n) / 2^(nH) = exp(theta_n - theta_k - theta_(n-k)) < 1 with supremum 1 "
        f"(Stirling remainders theta_m -> 0); {check.summary()}",
        source=_rfss("proof of Theorem 5 (MacWilliams-Sloane bound); theory.md §2, §5.2"),
        dps=check_dps(dps),
    )


def _thm5_iv(d, k, eps):
    d = check_int("d", d, min_value=1)
    k = check_int("k", k, min_value=1)
    e = check_exact("eps", eps, low=0, high=sympy.Rational(1, 16))
    return d, k, e


def _margin(n: int, k: int, d: int, e: sympy.Rational) -> sympy.Expr:
    """``ln 2 * (n H2(k/n) - (d^2/2) log2(k/eps))`` as an exact expression."""
    n_, k_ = sympy.Integer(n), sympy.Integer(k)
    return n_ * sympy.log(n_) - k_ * sympy.log(k_) - (n_ - k_) * sympy.log(n_ - k_) - sympy.Rational(d * d, 2) * sympy.log(k_ / e)


def thm5_holds(n: int, d: int, k: int, eps) -> bool:
    r"""Whether ``n`` satisfies Theorem 5's inequality :math:`nH_2(k/n)\ge\frac{d^2}2\log_2(k/\varepsilon)` (for ``n > k``).

    Parameters
    ----------
    n, d, k : int
        ``n > k >= 1``, ``d >= 1``.
    eps : exact rational in ``(0, 1/16)``

    Returns
    -------
    bool

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or values out of range.
    NotCertifiedError
        If balls cannot decide and ``n`` is too large for the exact comparison.

    Notes
    -----
    Claim ``const-rfss-thm5-min-n``; tag READ (RFSS Theorem 5).  Certified arb comparison of
    ``n ln n - k ln k - (n-k) ln(n-k) - (d^2/2) ln(k/eps)`` with 0; exact integers on a tie.

    Examples
    --------
    >>> thm5_holds(32, 2, 4, sympy.Rational(1, 100)), thm5_holds(31, 2, 4, sympy.Rational(1, 100))
    (True, False)
    """
    d, k, e = _thm5_iv(d, k, eps)
    n = check_int("n", n, min_value=k + 1)
    try:
        return not certify_less(_margin(n, k, d, e), sympy.S.Zero, dps=30, max_dps=400)
    except NotCertifiedError:
        if n > _MAX_EXACT_THM5_N:
            raise
    a, b = int(e.p), int(e.q)  # eps = a/b
    lhs = n ** (2 * n) * a ** (d * d)
    rhs = (k * b) ** (d * d) * k ** (2 * k) * (n - k) ** (2 * (n - k))
    return lhs >= rhs


def thm5_min_n(d: int = 2, k: int = 4, eps=DEFAULT_EPS) -> int:
    r"""Smallest ``n`` consistent with Theorem 5: :math:`k\le\lambda n` and :math:`nH_2(k/n)\ge\frac{d^2}2\log_2(k/\varepsilon)`.

    Parameters
    ----------
    d : int, default 2
        Target dimension (targets are ``d x d`` matrices).
    k : int, default 4
        Number of parameters kept.
    eps : exact rational, default 1/100
        Accuracy, ``0 < eps < 1/16``.

    Returns
    -------
    int
        Number of parameters of the dense network.

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or values out of range.
    NotCertifiedError
        If a comparison cannot be decided.

    Notes
    -----
    Claim ``const-rfss-thm5-min-n``; tag READ (RFSS Theorem 5; the minimisation is ours).

    Examples
    --------
    >>> thm5_min_n(2, 4, sympy.Rational(1, 100))
    32
    """
    d, k, e = _thm5_iv(d, k, eps)
    start = max(certified_ceil(sympy.Integer(k) / THM5_LAMBDA), k + 1)
    if thm5_holds(start, d, k, e):
        return start
    lo, hi = start, 2 * start  # invariant: fails at lo, holds at hi (after the loop)
    while not thm5_holds(hi, d, k, e):
        lo, hi = hi, 2 * hi
        if hi.bit_length() > 4000:
            raise InvalidArgument(f"Theorem 5 minimum beyond 2**4000 for d={d}, k={k}, eps={e}")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if thm5_holds(mid, d, k, e):
            hi = mid
        else:
            lo = mid
    return hi


def rfss_thm5_min_n(d: int = 2, k: int = 4, eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""Theorem 5's smallest admissible ``n`` as a :class:`ConstantResult` (an exact integer).

    Parameters
    ----------
    d, k : int, defaults 2 and 4
    eps : exact rational, default 1/100
    dps : int, default 50

    Returns
    -------
    ConstantResult
        ``expr`` is the integer; ``derivation`` records the certified comparisons at ``n-1`` and ``n``.

    Raises
    ------
    InvalidType, InvalidArgument, NotCertifiedError
        As for :func:`thm5_min_n`.

    Notes
    -----
    Claim ``const-rfss-thm5-min-n``; tag READ (RFSS Theorem 5, arXiv 2410.14754; theory §2).

    Examples
    --------
    >>> rfss_thm5_min_n(dps=15).expr
    32
    """
    d, k, e = _thm5_iv(d, k, eps)
    n = thm5_min_n(d, k, e)
    n_s, k_s = sympy.symbols("n k", positive=True)
    h2 = -(k_s / n_s) * sympy.log(k_s / n_s, 2) - (1 - k_s / n_s) * sympy.log(1 - k_s / n_s, 2)
    formula = sympy.Rational(d * d, 2) * sympy.log(k_s / e, 2) / h2
    lam_n = certified_ceil(sympy.Integer(k) / THM5_LAMBDA)
    below = "n - 1 fails the entropy inequality" if n - 1 > k and thm5_holds(n - 1, d, k, e) is False else (
        f"n - 1 violates k <= lambda n (smallest admissible n is {lam_n})")
    return build_result(
        name="rfss-thm5-min-n",
        claim_id="const-rfss-thm5-min-n",
        symbol=r"n_{\min}(d, k, \varepsilon)",
        formula=formula,
        expr=sympy.Integer(n),
        params=(("d", sympy.Integer(d)), ("k", sympy.Integer(k)), ("eps", e)),
        derivation="n >= (d^2/2) log2(k/eps) / H2(k/n) with n H2(k/n) increasing in n (derivative ln(n/(n-k)) > 0), "
        f"and k <= lambda n with lambda = 1 - 1/(2 pi); certified: n = {n} satisfies it, {below}",
        source=_rfss("Theorem 5 (lower bound); theory.md §2",
                     note="statement READ (full-text conversion); solving for the smallest n is our computation"),
        dps=check_dps(dps),
    )
