r"""Sum-boundedness constants of ``Unif[-1, 1]``: :math:`c_l^*`, :math:`c_u^*`, Allasia's :math:`C_{18}`.

RFSS Definition 1 [READ, arXiv 2410.14754]: a density is sum-bounded if the density
of the sum of ``k`` copies satisfies :math:`c_l/\sqrt k \le f_k(x)` on
:math:`[-\sqrt k,\sqrt k]` and :math:`f_k \le c_u/\sqrt k` everywhere, for every ``k``.
RFSS Lemma 1 [READ] proves ``Unif[-1,1]`` is sum-bounded via Berry–Esseen with
Allasia's constant, giving :math:`c_l \ge C_{18}` for :math:`k\ge 18`.

[RECON, theory §1.7] Since :math:`f_k` is even and unimodal, the best constants are
:math:`c_l^*=\inf_k\sqrt k f_k(\sqrt k)` and :math:`c_u^*=\sup_k\sqrt k f_k(0)`.
We find :math:`c_l^* = \sqrt{3/(2\pi)}e^{-3/2}` (an infimum: the sequence decreases
to its CLT limit) and :math:`c_u^*=1/\sqrt2` (attained at ``k = 2``).  The evidence
is exact/certified for ``k <= k_max`` plus the Edgeworth rate; it is not a proof
for all ``k``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy
from flint import arb, fmpq

from symbolic.constants.irwin_hall import MAX_K, p_l, scaled_density_at_sqrt_k, scaled_density_at_zero_squared
from symbolic.core._translate import to_arb
from symbolic.core._validation import check_int
from symbolic.core.certify import certify_ball, certify_balls_less
from symbolic.core.errors import PrunegapError

__all__ = [
    "SumBoundedEvidence",
    "allasia_c18_formula",
    "cl_limit_formula",
    "edgeworth_coefficients",
    "sum_bounded_evidence",
]

x, t = sympy.symbols("x t", real=True)
_k = sympy.Symbol("k", positive=True)


def _phi_cdf(v):
    return (1 + sympy.erf(v / sympy.sqrt(2))) / 2


@lru_cache(maxsize=1)
def _uniform_moments():
    m2 = sympy.integrate(x**2 / 2, (x, -1, 1))
    m4 = sympy.integrate(x**4 / 2, (x, -1, 1))
    return m2, m4


@lru_cache(maxsize=1)
def cl_limit_formula() -> tuple[sympy.Expr, str]:
    r"""CLT limit of :math:`\sqrt k f_k(\sqrt k)`: :math:`\sqrt{3/(2\pi)}\,e^{-3/2}` (and of :math:`\sqrt k f_k(0)`).

    Returns
    -------
    limits : tuple of sympy.Expr
        ``(lower_limit, upper_limit)`` = :math:`(\sqrt3\,\phi(\sqrt3),\ \sqrt3\,\phi(0))`.
    derivation : str
    """
    m2, _ = _uniform_moments()
    var = _k * m2
    gauss = lambda y: sympy.exp(-y**2 / (2 * var)) / sympy.sqrt(2 * sympy.pi * var)
    low = sympy.simplify(sympy.sqrt(_k) * gauss(sympy.sqrt(_k)))
    up = sympy.simplify(sympy.sqrt(_k) * gauss(0))
    if low.has(_k) or up.has(_k):
        raise PrunegapError(f"CLT limits depend on k: {low}, {up}")
    if sympy.simplify(low - sympy.sqrt(3 / (2 * sympy.pi)) * sympy.exp(-sympy.Rational(3, 2))) != 0:
        raise PrunegapError(f"unexpected lower limit {low}")
    derivation = (
        f"Var Unif[-1,1] = {m2}; the N(0, k*{m2}) density at sqrt(k) times sqrt(k) simplifies to {low} "
        f"(k cancels); at 0 it gives {up}"
    )
    return (low, up), derivation


@lru_cache(maxsize=1)
def edgeworth_coefficients() -> tuple[sympy.Rational, sympy.Rational, str]:
    r"""First Edgeworth coefficients ``a`` in :math:`\sqrt k f_k(\cdot) \approx L\,(1 + a/k)`.

    Returns
    -------
    at_sqrt_k : sympy.Rational
        ``3/10`` (the ``0.3`` of theory §1.7), for :math:`\sqrt k f_k(\sqrt k)`.
    at_zero : sympy.Rational
        ``-3/20``, for :math:`\sqrt k f_k(0)`.
    derivation : str
    """
    m2, m4 = _uniform_moments()
    kappa4 = m4 / m2**2 - 3
    he4 = t**4 - 6 * t**2 + 3
    a_low = sympy.simplify(kappa4 * he4.subs(t, sympy.sqrt(3)) / 24)
    a_up = sympy.simplify(kappa4 * he4.subs(t, 0) / 24)
    if not (a_low.is_Rational and a_up.is_Rational):
        raise PrunegapError(f"Edgeworth coefficients not rational: {a_low}, {a_up}")
    derivation = (
        f"standardized 4th cumulant of Unif[-1,1]: {m4}/({m2})**2 - 3 = {kappa4}; density correction "
        f"1 + kappa4*He4(x)/(24k) with He4 = {he4}; at x = sqrt(3): {a_low}/k, at x = 0: {a_up}/k"
    )
    return a_low, a_up, derivation


def allasia_c18_formula() -> tuple[sympy.Expr, str]:
    r"""Allasia's :math:`C_{18}=\Phi(2\sqrt3)-\Phi(\sqrt3)-2\cdot\sqrt3/(20\sqrt{18})` derived from the standardisation.

    ``P_L(n) = Pr(sqrt(3) <= Z_n <= 2 sqrt(3))`` for ``Z_n = S_n / sqrt(n/3)``; two
    applications of :math:`|F_n-\Phi|\le\sqrt3/(20\sqrt n)` at ``n = 18``.
    """
    m2, _ = _uniform_moments()
    n = sympy.Integer(18)
    sd = sympy.sqrt(n * m2)
    lo, hi = sympy.sqrt(n) / sd, 2 * sympy.sqrt(n) / sd
    be = sympy.sqrt(3) / (20 * sympy.sqrt(n))
    expr = _phi_cdf(hi) - _phi_cdf(lo) - 2 * be
    derivation = (
        f"S_n/sqrt(n*{m2}) standardises [sqrt(n), 2 sqrt(n)] to [{lo}, {hi}]; Allasia: |F_n - Phi| <= "
        f"sqrt(3)/(20 sqrt(n)); at n = 18 the two-sided loss is {2 * be}"
    )
    return expr, derivation


@dataclass(frozen=True)
class SumBoundedEvidence:
    """Exact/certified checks behind :math:`c_l^*` and :math:`c_u^*` for ``k <= k_max``.

    Attributes
    ----------
    k_max : int
    lower_decreasing : bool
        :math:`\\sqrt k f_k(\\sqrt k)` strictly decreasing on ``1..k_max`` (certified).
    lower_first_violation : int or None
        First ``k`` with :math:`g(k+1) \\ge g(k)`, if any.
    lower_above_limit : bool
        Every term exceeds :math:`c_l^*` (certified), so the infimum is not attained on ``1..k_max``.
    upper_argmax : int
        Exact argmax of :math:`k f_k(0)^2` over ``1..k_max``.
    upper_increasing_from_3 : bool
        :math:`k f_k(0)^2` strictly increasing on ``3..k_max`` (exact rationals).
    upper_below_limit : bool
        :math:`k f_k(0)^2 < 3/(2\\pi)` for ``3 <= k <= k_max`` (certified), and ``3/(2 pi) < 1/2``.
    p_l_decreasing : bool
        :math:`P_L(n)` strictly decreasing on ``2..k_max`` (certified).
    edgeworth : tuple of (int, str, str)
        ``(k, k*(g(k)/c_l^* - 1), k*(sqrt(k) f_k(0)/lim - 1))`` to 12 digits, against ``3/10`` and ``-3/20``.
    """

    k_max: int
    lower_decreasing: bool
    lower_first_violation: int | None
    lower_above_limit: bool
    upper_argmax: int
    upper_increasing_from_3: bool
    upper_below_limit: bool
    p_l_decreasing: bool
    edgeworth: tuple

    def summary(self) -> str:
        """One-paragraph text for derivations and reports."""
        return (
            f"checked for k <= {self.k_max}: sqrt(k) f_k(sqrt k) strictly decreasing = {self.lower_decreasing} "
            f"(certified), all above the limit = {self.lower_above_limit}; k f_k(0)^2 exact argmax k = "
            f"{self.upper_argmax}, increasing from k = 3 = {self.upper_increasing_from_3}, below 3/(2 pi) = "
            f"{self.upper_below_limit}; P_L(n) decreasing on 2..{self.k_max} = {self.p_l_decreasing}; "
            f"Edgeworth k*(ratio - 1) at k = {', '.join(f'{k}: {a}' for k, a, _ in self.edgeworth)} (-> 3/10)"
        )


def _rat_arb(q: Fraction) -> arb:
    return arb(fmpq(q.numerator, q.denominator))


def _less(lhs, rhs) -> bool:
    """Certified ``lhs() < rhs()`` for ball callables; cancelling sums may need many digits."""
    return certify_balls_less(lhs, rhs, dps=40, max_dps=20000, what="Irwin-Hall comparison")


def _edgeworth(term, limit: sympy.Expr, k: int) -> str:
    """``k * (term / limit - 1)`` to 12 significant digits (certified enclosure midpoint)."""
    iv = certify_ball(lambda: k * (term() / to_arb(limit) - 1), dps=15, what="Edgeworth ratio")
    return f"{float(iv.mid):.12g}"


def _lower_evidence(terms: list, low_lim: sympy.Expr) -> tuple[int | None, bool]:
    r"""The c_l* evidence: where :math:`\sqrt k f_k(\sqrt k)` first fails to decrease; all above the limit?

    Returns the first such ``k`` (None if it decreases throughout) and whether every term is above
    ``low_lim``, both certified with arb balls.
    """
    violation = next((k for k in range(1, len(terms)) if not _less(terms[k].to_arb, terms[k - 1].to_arb)), None)
    above = all(_less(lambda: to_arb(low_lim), g.to_arb) for g in terms)
    return violation, above


def _upper_evidence(squares: list) -> tuple[int, bool, bool]:
    r"""The c_u* evidence on the exact rationals :math:`k f_k(0)^2`, ``k = 1..len(squares)``.

    Returns the argmax, whether the terms increase from ``k = 3`` (exact), and whether every term from
    ``k = 3`` lies below the limit :math:`3/(2\pi)`, itself below 1/2 (certified).
    """
    k_max = len(squares)
    argmax = max(range(1, k_max + 1), key=lambda k: squares[k - 1])
    increasing = all(squares[k - 1] < squares[k] for k in range(3, k_max))
    limit_sq = sympy.Rational(3, 2) / sympy.pi
    below = all(_less(lambda q=q: _rat_arb(q), lambda: to_arb(limit_sq)) for q in squares[2:])
    below = below and _less(lambda: to_arb(limit_sq), lambda: _rat_arb(Fraction(1, 2)))
    return argmax, increasing, below


def _edgeworth_rows(terms: list, squares: list, limits: tuple, ks: tuple) -> tuple:
    """``(k, lower ratio, upper ratio)`` of :func:`_edgeworth` for each ``k`` in ``ks`` up to ``len(terms)``."""
    low_lim, up_lim = limits
    return tuple(
        (k, _edgeworth(terms[k - 1].to_arb, low_lim, k),
         _edgeworth(lambda q=squares[k - 1]: _rat_arb(q).sqrt(), up_lim, k))
        for k in ks
        if k <= len(terms)
    )


@lru_cache(maxsize=8)
def sum_bounded_evidence(k_max: int = 200, *, edgeworth_ks: tuple = (10, 50, 120, 200)) -> SumBoundedEvidence:
    """Run the exact/certified checks behind c_l* and c_u* for ``1 <= k <= k_max``.

    Parameters
    ----------
    k_max : int, default 200
        Range of the checks, ``3 <= k_max <= 5000``.
    edgeworth_ks : tuple of int
        Where to report the Edgeworth agreement (values above ``k_max`` are skipped).

    Returns
    -------
    SumBoundedEvidence

    Raises
    ------
    InvalidType, InvalidArgument
        If ``k_max`` is not an int in range.
    NotCertifiedError
        If a comparison cannot be decided (not expected: the terms are distinct).

    Notes
    -----
    Claims ``const-irwin-hall-cl`` and ``const-irwin-hall-cu``; tag RECON (theory §1.7).
    Comparisons of terms in Q(sqrt k) are certified with arb balls (escalating
    precision); comparisons of rationals are exact.

    Examples
    --------
    >>> ev = sum_bounded_evidence(20, edgeworth_ks=())
    >>> ev.lower_decreasing, ev.upper_argmax
    (True, 2)
    """
    k_max = check_int("k_max", k_max, min_value=3, max_value=MAX_K)
    (low_lim, up_lim), _ = cl_limit_formula()
    terms = [scaled_density_at_sqrt_k(k) for k in range(1, k_max + 1)]
    violation, above = _lower_evidence(terms, low_lim)
    squares = [scaled_density_at_zero_squared(k) for k in range(1, k_max + 1)]
    argmax, increasing, below = _upper_evidence(squares)
    pl = [p_l(n) for n in range(2, k_max + 1)]
    pl_decreasing = all(_less(pl[i + 1].to_arb, pl[i].to_arb) for i in range(len(pl) - 1))
    edgeworth = _edgeworth_rows(terms, squares, (low_lim, up_lim), edgeworth_ks)
    return SumBoundedEvidence(
        k_max=k_max,
        lower_decreasing=violation is None,
        lower_first_violation=violation,
        lower_above_limit=above,
        upper_argmax=argmax,
        upper_increasing_from_3=increasing,
        upper_below_limit=below,
        p_l_decreasing=pl_decreasing,
        edgeworth=edgeworth,
    )
