r"""Lueker's Corollary 2.5 in explicit form: :math:`\kappa^*(C) = 2C + 4 + 4\sqrt{C+1}`.

Theory §1.2.  Lueker (1998), Cor. 2.5 [READ-2ND, quoted in a cstheory.SE answer]:
for i.i.d. Unif[-1, 1] samples there is a constant ``C`` such that for
:math:`\varepsilon \ge e^{-n/(2C)}`, with probability at least
:math:`1 - \exp(-(n/2 - C\log(1/\varepsilon))^2/(2n))` every :math:`x\in[-1/2,1/2]`
is :math:`\varepsilon`-approximated by a subset sum.  Neither ``C`` nor the base of
the log is given in the quoted text.

[RECON] Assuming the natural log, put :math:`L=\ln(1/\varepsilon)` and
:math:`n=\kappa L`.  The failure probability is at most :math:`\varepsilon` iff
:math:`\kappa^2 - 4(C+2)\kappa + 4C^2 \ge 0` (with :math:`n/2 \ge CL`), i.e. iff
:math:`\kappa \ge \kappa^*(C)`.  This module derives that with sympy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy

from symbolic.core._validation import check_dps, check_exact
from symbolic.core.certify import RationalInterval, certify_expr
from symbolic.core.errors import InvalidArgument, InvalidType, PrunegapError
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "LUEKER_SOURCE",
    "LuekerFitResult",
    "kappa_star_formula",
    "lueker_c_from_kappa",
    "lueker_kappa",
    "lueker_kappa_from_fit",
]

C_SYM = sympy.Symbol("C", positive=True)

LUEKER_SOURCE = Source(
    paper="LUE",
    arxiv=None,
    location="Cor. 2.5 (failure bound, quoted in a cstheory.SE answer); theory.md §1.2",
    tag="RECON",
    note="Cor. 2.5 is READ-2ND; the closed form kappa*(C) is our derivation (natural log assumed), "
    "not a statement of the paper",
)


@lru_cache(maxsize=1)
def kappa_star_formula() -> tuple[sympy.Expr, str]:
    r"""Derive :math:`\kappa^*(C)` symbolically and check the side conditions.

    Returns
    -------
    formula : sympy.Expr
        :math:`2C + 4 + 4\sqrt{C+1}` in the positive symbol ``C``.
    derivation : str
        The steps performed (each one executed by sympy).

    Raises
    ------
    PrunegapError
        If a symbolic step does not give the expected result (a bug, not user error).

    Notes
    -----
    Claim ``const-lueker-kappa``.  Tag RECON (derived from LUE Cor. 2.5, READ-2ND).
    Status: not formalized.
    """
    kappa, L = sympy.symbols("kappa L", positive=True)
    n = kappa * L
    requirement = (n / 2 - C_SYM * L) ** 2 / (2 * n) - L  # must be >= 0
    # Multiply by 2n/L^2 * 4 > 0: a quadratic in kappa with L cancelled.
    quadratic = sympy.expand(4 * sympy.cancel(requirement * 2 * n / L**2))
    expected = kappa**2 - 4 * (C_SYM + 2) * kappa + 4 * C_SYM**2
    if sympy.expand(quadratic - expected) != 0:
        raise PrunegapError(f"Lueker derivation: unexpected quadratic {quadratic}")
    roots = sympy.solve(quadratic, kappa)
    # Side condition n/2 >= C L (and eps >= exp(-n/(2C))) is kappa >= 2C.  Decide each
    # root's position with s = sqrt(C+1) = 1 + t, t > 0 (C > 0 <=> t > 0).
    t = sympy.Symbol("t", positive=True)
    positions = [
        sympy.expand((r - 2 * C_SYM).subs(sympy.sqrt(C_SYM + 1), 1 + t).subs(C_SYM, t**2 + 2 * t)) for r in roots
    ]
    above = [r for r, p in zip(roots, positions) if p.is_positive]
    below = [r for r, p in zip(roots, positions) if p.is_negative]
    if len(above) != 1 or len(below) != 1:
        raise PrunegapError(f"Lueker derivation: cannot place roots {roots} relative to 2C")
    formula = above[0]
    derivation = (
        "require (n/2 - C*L)**2/(2*n) >= L with L = ln(1/eps), n = kappa*L; "
        f"multiply by 8n/L**2 > 0: {quadratic} >= 0; "
        f"roots {roots[0]} and {roots[1]}; with sqrt(C+1) = 1+t (t > 0) the smaller root minus 2C is "
        f"{positions[roots.index(below[0])]} < 0 and the larger minus 2C is {positions[roots.index(formula)]} > 0; "
        "the quadratic has positive leading coefficient, so on kappa >= 2C (the side condition n/2 >= C*L, "
        "equivalently eps >= exp(-n/(2C))) it is >= 0 iff kappa >= "
        f"{formula}; equivalently kappa* = 2*(sqrt(C+1)+1)**2"
    )
    if sympy.expand(formula - 2 * (sympy.sqrt(C_SYM + 1) + 1) ** 2) != 0:
        raise PrunegapError("Lueker derivation: alternative form mismatch")
    return formula, derivation


def lueker_kappa(C=1, *, dps: int = 50) -> ConstantResult:
    r"""The slope :math:`\kappa^*(C)` of the sufficient width :math:`n \ge \kappa^*(C)\ln(1/\varepsilon)`.

    Parameters
    ----------
    C : int, Fraction, sympy.Rational or str, default 1
        Lueker's constant ``C`` (dimensionless), exact, ``C > 0``.  Floats are rejected.
    dps : int, default 50
        Digits of the value and of the certified enclosure.

    Returns
    -------
    ConstantResult
        ``expr`` is :math:`2C + 4 + 4\sqrt{C+1}` at ``C`` (exact), with value,
        certified interval and the derivation.

    Raises
    ------
    InvalidType
        If ``C`` is a float (use ``sympy.Rational``).
    InvalidArgument
        If ``C <= 0`` or ``dps`` is out of range.

    Notes
    -----
    Claim ``const-lueker-kappa``; tag RECON.  Source: LUE Cor. 2.5 (READ-2ND), theory §1.2.
    Status: not formalized.

    Examples
    --------
    >>> r = lueker_kappa(3, dps=20)
    >>> r.expr
    18
    """
    c = check_exact("C", C, low=0)
    dps = check_dps(dps)
    formula, derivation = kappa_star_formula()
    return build_result(
        name="lueker-kappa",
        claim_id="const-lueker-kappa",
        symbol=r"\kappa^*(C)",
        formula=formula,
        expr=formula.subs(C_SYM, c),
        params=(("C", c),),
        derivation=derivation,
        source=LUEKER_SOURCE,
        dps=dps,
    )


def lueker_c_from_kappa(kappa=18, *, dps: int = 50) -> ConstantResult:
    r"""Invert :math:`\kappa^*`: the ``C`` whose :math:`\kappa^*(C)` equals a measured slope ``kappa``.

    :math:`C = (\sqrt{\kappa/2} - 1)^2 - 1`, defined for :math:`\kappa > 8` (``C > 0``).

    Parameters
    ----------
    kappa : exact rational, default 18
        Slope of :math:`n_{\min}` against :math:`\ln(1/\varepsilon)`, ``kappa > 8``.
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``C`` with value and certified interval.

    Raises
    ------
    InvalidType
        For floats.
    InvalidArgument
        If ``kappa <= 8``.

    Notes
    -----
    Claim ``const-lueker-kappa``; tag RECON.

    Examples
    --------
    >>> lueker_c_from_kappa(18, dps=20).expr
    3
    """
    k = check_exact("kappa", kappa, low=8)
    kappa_sym = sympy.Symbol("kappa", positive=True)
    inverse = (sympy.sqrt(kappa_sym / 2) - 1) ** 2 - 1
    formula, _ = kappa_star_formula()
    # kappa = 2(2+u)^2 with u > 0 covers kappa > 8; the round trip must be the identity.
    u = sympy.Symbol("u", positive=True)
    kappa_u = 2 * (2 + u) ** 2
    if sympy.expand(formula.subs(C_SYM, inverse.subs(kappa_sym, kappa_u)) - kappa_u) != 0:
        raise PrunegapError("Lueker derivation: inverse of kappa* does not round-trip")
    return build_result(
        name="lueker-c-from-kappa",
        claim_id="const-lueker-kappa",
        symbol=r"C(\kappa)",
        formula=inverse,
        expr=sympy.expand(inverse.subs(kappa_sym, k)),
        params=(("kappa", k),),
        derivation="kappa* = 2*(sqrt(C+1)+1)**2 solved for C on C > 0: C = (sqrt(kappa/2) - 1)**2 - 1; "
        "round trip kappa*(C(kappa)) = kappa checked symbolically for kappa = 2*(2+u)**2, u > 0",
        source=LUEKER_SOURCE,
        dps=dps,
    )


@dataclass(frozen=True)
class LuekerFitResult:
    """:math:`\\kappa^*` at a measured ``C`` and over its confidence interval.

    Attributes
    ----------
    kappa : ConstantResult
        :math:`\\kappa^*(C)` at the point estimate (taken exactly as given).
    kappa_interval : RationalInterval
        Certified enclosure of :math:`\\kappa^*([C_{lo}, C_{hi}])` (monotone in ``C``).
    c_interval : RationalInterval
        The measured confidence interval, exactly as given.
    """

    kappa: ConstantResult
    kappa_interval: RationalInterval
    c_interval: RationalInterval


def _measured(name, value) -> sympy.Rational:
    if isinstance(value, bool):
        raise InvalidType(f"{name} must be a number, got {name}={value!r}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidArgument(f"{name} must be finite, got {name}={value!r}")
        f = Fraction(value)
        return sympy.Rational(f.numerator, f.denominator)
    return check_exact(name, value)


def lueker_kappa_from_fit(C, ci_low, ci_high, *, dps: int = 30) -> LuekerFitResult:
    r""":math:`\kappa^*` for a Monte-Carlo-fitted ``C`` with its confidence interval.

    Measurements may be floats: each float is taken as the exact binary rational it
    stores (this is the one place where ``symbolic`` accepts floats, because the
    inputs are measurements, not exact constants).

    Parameters
    ----------
    C, ci_low, ci_high : float or exact rational
        Point estimate and confidence interval, ``0 < ci_low <= C <= ci_high``.
    dps : int, default 30

    Returns
    -------
    LuekerFitResult

    Raises
    ------
    InvalidArgument
        If the interval is not ordered, not positive or not finite.

    Notes
    -----
    Claim ``const-lueker-kappa``; tag RECON.  :math:`\kappa^*` is increasing in ``C``,
    so the enclosure is ``[lower(kappa*(ci_low)), upper(kappa*(ci_high))]``.

    Examples
    --------
    >>> fit = lueker_kappa_from_fit(1.5, 1.25, 1.75, dps=20)
    >>> float(fit.kappa_interval.lo) < float(fit.kappa.value) < float(fit.kappa_interval.hi)
    True
    """
    c, lo, hi = (_measured(n, v) for n, v in (("C", C), ("ci_low", ci_low), ("ci_high", ci_high)))
    if not (0 < lo <= c <= hi):
        raise InvalidArgument(f"need 0 < ci_low <= C <= ci_high, got ci_low={lo}, C={c}, ci_high={hi}")
    dps = check_dps(dps)
    formula, _ = kappa_star_formula()
    low_iv = certify_expr(formula.subs(C_SYM, lo), dps=dps)
    high_iv = certify_expr(formula.subs(C_SYM, hi), dps=dps)
    return LuekerFitResult(
        kappa=lueker_kappa(c, dps=dps),
        kappa_interval=RationalInterval(low_iv.lo, high_iv.hi),
        c_interval=RationalInterval(Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q))),
    )
