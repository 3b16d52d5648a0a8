r"""Result objects for the sum-boundedness constants (theory §1.7, RFSS Definition 1 / Lemma 1).

See :mod:`symbolic.constants.sum_bounded` for the derivations and the evidence.  Every value
here is RECON (our computation) unless stated; RFSS only proves that some
:math:`c_l, c_u > 0` exist.
"""

from __future__ import annotations

import sympy

from symbolic.constants.irwin_hall import MAX_K, p_l, scaled_density_at_sqrt_k, scaled_density_at_zero_squared
from symbolic.constants.sum_bounded import (
    allasia_c18_formula,
    cl_limit_formula,
    edgeworth_coefficients,
    sum_bounded_evidence,
)
from symbolic.core._validation import check_dps, check_int
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "EVIDENCE_K_MAX",
    "allasia_c18",
    "allasia_ratio",
    "irwin_hall_cl",
    "irwin_hall_cl_term",
    "irwin_hall_cu",
    "irwin_hall_cu_limit",
    "irwin_hall_edgeworth",
    "p_l_limit",
    "p_l_min",
]

#: Range of the exact/certified evidence quoted in derivations.
EVIDENCE_K_MAX = 200

_RFSS = "2410.14754"


def _sum_bounded_source(location: str, tag: str = "RECON", note: str = "") -> Source:
    return Source(
        paper="RFSS",
        arxiv=_RFSS,
        location=location,
        tag=tag,
        note=note or "RFSS proves existence only; this value and its evidence are our computation "
        "(arXiv version read not recorded; full-text conversion)",
    )


def irwin_hall_cl(*, dps: int = 50) -> ConstantResult:
    r"""Sharp lower sum-boundedness constant :math:`c_l^*=\inf_k\sqrt k f_k(\sqrt k)=\sqrt{3/(2\pi)}e^{-3/2}`.

    An infimum, not attained: :math:`\sqrt k f_k(\sqrt k)` decreases to the CLT limit
    (certified for ``k <= 200``; Edgeworth rate ``1 + 0.3/k``).

    Parameters
    ----------
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``sqrt(6)*exp(-3/2)/(2*sqrt(pi))`` (dimensionless), about 0.1541803.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-irwin-hall-cl``; tag RECON (theory §1.7).  Status: evidence for
    ``k <= 200``, not a proof for all ``k``.

    Examples
    --------
    >>> irwin_hall_cl(dps=15).value_str
    '0.154180329803769'
    """
    dps = check_dps(dps)
    (low, _), derivation = cl_limit_formula()
    evidence = sum_bounded_evidence(EVIDENCE_K_MAX)
    return build_result(
        name="irwin-hall-cl",
        claim_id="const-irwin-hall-cl",
        symbol=r"c_l^* = \inf_k \sqrt{k} f_k(\sqrt{k})",
        expr=low,
        derivation=f"{derivation}; {evidence.summary()}",
        source=_sum_bounded_source("Definition 1, Lemma 1 (lower constant); theory.md §1.7"),
        dps=dps,
    )


def irwin_hall_cl_term(k: int = 120, *, dps: int = 50) -> ConstantResult:
    r"""One term :math:`\sqrt k f_k(\sqrt k)` of the sequence defining :math:`c_l^*`, exactly in :math:`\mathbb Q(\sqrt k)`.

    Parameters
    ----------
    k : int, default 120
        ``1 <= k <= 5000``.
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``a + b*sqrt(k)`` with rationals ``a``, ``b``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``k`` or ``dps`` is invalid.

    Notes
    -----
    Claim ``const-irwin-hall-cl``; tag RECON (theory §1.7 lists 0.5, 0.20711,
    0.17404, 0.16667, 0.16496 for k = 1..5 and 0.1545678 at k = 120).

    Examples
    --------
    >>> irwin_hall_cl_term(2, dps=15).expr
    -1/2 + sqrt(2)/2
    """
    k = check_int("k", k, min_value=1, max_value=MAX_K)
    term = scaled_density_at_sqrt_k(k)
    return build_result(
        name="irwin-hall-cl-term",
        claim_id="const-irwin-hall-cl",
        symbol=r"\sqrt{k} f_k(\sqrt{k})",
        expr=term.to_sympy(),
        params=(("k", sympy.Integer(k)),),
        derivation="exact alternating Irwin-Hall sum over j < x = (k + sqrt k)/2 in Q(sqrt k), "
        "integer arithmetic (no cancellation error)",
        source=_sum_bounded_source("Definition 1 (density of the k-fold sum); theory.md §1.7"),
        dps=check_dps(dps),
    )


def irwin_hall_edgeworth(*, dps: int = 50) -> ConstantResult:
    r"""Edgeworth coefficient ``3/10``: :math:`\sqrt k f_k(\sqrt k) = c_l^*(1 + \tfrac{3}{10k} + O(k^{-2}))`.

    Returns
    -------
    ConstantResult
        Exact ``3/10``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-irwin-hall-cl``; tag RECON (theory §1.7 writes it as ``(1 + 0.3/k)``).

    Examples
    --------
    >>> irwin_hall_edgeworth(dps=15).expr
    3/10
    """
    a_low, _, derivation = edgeworth_coefficients()
    return build_result(
        name="irwin-hall-edgeworth",
        claim_id="const-irwin-hall-cl",
        symbol=r"a_l",
        expr=a_low,
        derivation=derivation,
        source=_sum_bounded_source("theory.md §1.7 (Edgeworth correction)"),
        dps=check_dps(dps),
    )


def irwin_hall_cu(*, dps: int = 50) -> ConstantResult:
    r"""Sharp upper sum-boundedness constant :math:`c_u^*=\sup_k\sqrt k f_k(0)=1/\sqrt2`, attained at ``k = 2``.

    Returns
    -------
    ConstantResult
        Exact ``sqrt(2)/2``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-irwin-hall-cu``; tag RECON (theory §1.7).  Evidence: exact rationals
    :math:`k f_k(0)^2` for ``k <= 200`` (argmax 2, increasing from ``k = 3`` towards
    :math:`3/(2\pi) < 1/2`).

    Examples
    --------
    >>> irwin_hall_cu(dps=15).expr
    sqrt(2)/2
    """
    dps = check_dps(dps)
    evidence = sum_bounded_evidence(EVIDENCE_K_MAX)
    k = evidence.upper_argmax
    sq = scaled_density_at_zero_squared(k)
    return build_result(
        name="irwin-hall-cu",
        claim_id="const-irwin-hall-cu",
        symbol=r"c_u^* = \sup_k \sqrt{k} f_k(0)",
        expr=sympy.sqrt(sympy.Rational(sq.numerator, sq.denominator)),
        derivation=f"k f_k(0)^2 exact for k <= {evidence.k_max}, maximal at k = {k} with value {sq}; "
        + evidence.summary(),
        source=_sum_bounded_source("Definition 1, Lemma 1 (upper constant); theory.md §1.7"),
        dps=dps,
    )


def irwin_hall_cu_limit(*, dps: int = 50) -> ConstantResult:
    r"""CLT limit :math:`\lim_k\sqrt k f_k(0)=\sqrt{3/(2\pi)}\approx0.69099` (below :math:`c_u^*`).

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-irwin-hall-cu``; tag RECON (theory §1.7).

    Examples
    --------
    >>> irwin_hall_cu_limit(dps=15).value_str
    '0.690988298942671'
    """
    (_, up), derivation = cl_limit_formula()
    return build_result(
        name="irwin-hall-cu-limit",
        claim_id="const-irwin-hall-cu",
        symbol=r"\sqrt{3/(2\pi)}",
        expr=up,
        derivation=derivation,
        source=_sum_bounded_source("theory.md §1.7 (limit of sqrt(k) f_k(0))"),
        dps=check_dps(dps),
    )


def allasia_c18(*, dps: int = 50) -> ConstantResult:
    r"""Allasia's :math:`C_{18}=\Phi(2\sqrt3)-\Phi(\sqrt3)-\sqrt6/60\approx5.414\times10^{-4}`.

    The lower constant RFSS Lemma 1's Berry–Esseen route gives for ``k >= 18``.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-allasia-c18``; tag RECON: RFSS Lemma 1 [READ] uses Allasia's
    :math:`\sqrt3/(20\sqrt n)` on :math:`P_L(n)` for :math:`n\ge18`; the closed form
    is our reading of that proof (theory §1.7, §2).

    Examples
    --------
    >>> allasia_c18(dps=15).value_str
    '0.000541426532819274'
    """
    expr, derivation = allasia_c18_formula()
    return build_result(
        name="allasia-c18",
        claim_id="const-allasia-c18",
        symbol=r"C_{18}",
        expr=expr,
        derivation=derivation,
        source=_sum_bounded_source(
            "Lemma 1 proof (Berry-Esseen with Allasia's constant, n >= 18); theory.md §1.7, §2",
            note="the use of Allasia's constant at n >= 18 is READ; the closed form is our reading of the proof",
        ),
        dps=check_dps(dps),
    )


def allasia_ratio(*, dps: int = 50) -> ConstantResult:
    r"""Looseness :math:`c_l^*/C_{18}\approx 284.8` of RFSS Lemma 1's lower constant.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-allasia-c18``; tag RECON (theory §1.7: "roughly 285x").

    Examples
    --------
    >>> allasia_ratio(dps=15).value_str
    '284.766852856164'
    """
    (low, _), _ = cl_limit_formula()
    c18, _ = allasia_c18_formula()
    return build_result(
        name="allasia-ratio",
        claim_id="const-allasia-c18",
        symbol=r"c_l^*/C_{18}",
        expr=low / c18,
        derivation="ratio of the exact forms of c_l* and C_18",
        source=_sum_bounded_source("Lemma 1 vs theory.md §1.7"),
        dps=check_dps(dps),
    )


def p_l_min(*, dps: int = 50) -> ConstantResult:
    r""":math:`\min_{2\le n\le18}P_L(n)=P_L(18)`, exactly in :math:`\mathbb Q(\sqrt{18})` (``P_L`` decreases).

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-allasia-c18``; tag RECON (theory §5.2).  ``P_L(1) = 0``.

    Examples
    --------
    >>> p_l_min(dps=15).value_str
    '0.0414513274746310'
    """
    dps = check_dps(dps)
    evidence = sum_bounded_evidence(EVIDENCE_K_MAX)
    return build_result(
        name="irwin-hall-pl-min",
        claim_id="const-allasia-c18",
        symbol=r"\min_{2\le n\le 18} P_L(n)",
        expr=p_l(18).to_sympy(),
        derivation=f"P_L(n) = F_n(2 sqrt n) - F_n(sqrt n) exact in Q(sqrt n); certified strictly decreasing on "
        f"2..{evidence.k_max} = {evidence.p_l_decreasing}, so the minimum over 2..18 is P_L(18)",
        source=_sum_bounded_source("Lemma 1 proof (P_L(n)); theory.md §5.2"),
        dps=dps,
    )


def p_l_limit(*, dps: int = 50) -> ConstantResult:
    r""":math:`\lim_n P_L(n)=\Phi(2\sqrt3)-\Phi(\sqrt3)\approx0.041366`, the infimum of :math:`P_L(n)` over :math:`n\ge18`.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-allasia-c18``; tag RECON.  An infimum (``P_L`` is certified
    decreasing for ``n <= 200``; not a proof for all ``n``).

    Examples
    --------
    >>> p_l_limit(dps=15).value_str
    '0.0413662555792056'
    """
    c18, _ = allasia_c18_formula()
    expr = c18 + sympy.sqrt(6) / 60
    return build_result(
        name="irwin-hall-pl-limit",
        claim_id="const-allasia-c18",
        symbol=r"\Phi(2\sqrt3)-\Phi(\sqrt3)",
        expr=expr,
        derivation="CLT limit of P_L(n) = Pr(sqrt(3) <= Z_n <= 2 sqrt(3)); C_18 without the Berry-Esseen loss",
        source=_sum_bounded_source("Lemma 1 proof (P_L(n), n -> oo); theory.md §1.7"),
        dps=check_dps(dps),
    )
