r"""Uniform components of product laws: :math:`\tfrac12\ln 2`, :math:`\tfrac14\ln 2`, :math:`K_0(\tfrac12)/\pi`.

Theory §1.3.  Pensia Cor. 1 (= RFSS Lemma 2) [READ-2ND]: for ``X ~ Unif[0,1]`` and
``Y ~ Unif[-1,1]`` independent, :math:`D=\tfrac12\delta_0+\tfrac12\mathrm{Law}(XY)`
contains :math:`\mathrm{Unif}[-\tfrac12,\tfrac12]` with weight :math:`\ln 2/4`.

[RECON] The density of ``XY`` is :math:`\tfrac12\ln(1/|z|)`, so ``Law(XY)`` has a
``Unif[-1/2, 1/2]`` component of weight :math:`\tfrac12\ln2` and ``D`` one of
weight :math:`\tfrac14\ln2`.  For Gaussian factors (``X`` half-normal, ``Y ~ N(0,1)``)
the density is :math:`K_0(|z|)/\pi`, giving weight :math:`K_0(\tfrac12)/\pi`.

The largest weight ``w`` with ``P - w Unif[-1/2, 1/2] >= 0`` is the minimum of the
density on ``[-1/2, 1/2]`` (the uniform density there is 1), so these weights are
exactly tight, not merely valid.
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from symbolic.core._validation import check_dps
from symbolic.core.errors import PrunegapError
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "gauss_mixture_weight",
    "gauss_product_density",
    "gauss_product_weight",
    "pensia_uniform_weight",
    "xy_density",
    "xy_uniform_weight",
]

z = sympy.Symbol("z", positive=True)
HALF = sympy.Rational(1, 2)


@lru_cache(maxsize=1)
def xy_density() -> tuple[sympy.Expr, str]:
    r"""Density of ``XY`` (``X ~ Unif[0,1]``, ``Y ~ Unif[-1,1]``) at ``0 < z < 1``, derived by sympy.

    Returns
    -------
    density : sympy.Expr
        :math:`-\tfrac12\log z` in the positive symbol ``z`` (even in ``z``).
    derivation : str

    Notes
    -----
    Claim ``const-xy-uniform-weight``; tag RECON (theory §1.3).
    """
    x = sympy.Symbol("x", positive=True)
    # f_XY(z) = int_0^1 f_X(x) f_Y(z/x) / x dx, and f_Y(z/x) = 1/2 iff x >= z.
    density = sympy.integrate(HALF / x, (x, z, 1))
    total = 2 * sympy.integrate(density, (z, 0, 1))
    slope = sympy.diff(density, z)
    if total != 1 or not slope.is_negative:
        raise PrunegapError(f"XY density check failed: total={total}, slope={slope}")
    derivation = (
        f"f(z) = int_z^1 (1/2)/x dx = {density} on 0 < z < 1 (even in z); "
        f"2*int_0^1 f = {total}; f'(z) = {slope} < 0, so min over |z| <= 1/2 is f(1/2) = {density.subs(z, HALF)}"
    )
    return density, derivation


@lru_cache(maxsize=1)
def gauss_product_density() -> tuple[sympy.Expr, str]:
    r"""Density of ``XY`` with ``X`` half-normal and ``Y ~ N(0,1)``: :math:`K_0(|z|)/\pi`.

    The integral :math:`\int_0^\infty 2\phi(x)\phi(z/x)/x\,dx` is reduced by sympy
    (substitution :math:`x=\sqrt z\,e^{s/2}`) to :math:`\tfrac1\pi\int_0^\infty e^{-z\cosh s}ds`,
    which is :math:`K_0(z)/\pi` by the integral representation DLMF 10.32.9.  The
    identification is confirmed numerically in ``symbolic.crosschecks``.

    Returns
    -------
    density : sympy.Expr
    derivation : str

    Notes
    -----
    Claim ``const-gauss-product-weight``; tag RECON (theory §1.3).
    """
    x = sympy.Symbol("x", positive=True)
    s_real = sympy.Symbol("s", real=True)
    phi = lambda t: sympy.exp(-t**2 / 2) / sympy.sqrt(2 * sympy.pi)
    integrand = 2 * phi(x) * phi(z / x) / x
    # x = sqrt(z) exp(s/2): dx/x = ds/2, and x^2/2 + z^2/(2x^2) = z cosh(s).
    sub = sympy.sqrt(z) * sympy.exp(s_real / 2)
    transformed = sympy.simplify(integrand.subs(x, sub) * sympy.diff(sub, s_real))
    target = sympy.exp(-z * sympy.cosh(s_real)) / (2 * sympy.pi)
    if sympy.simplify((transformed - target).rewrite(sympy.exp)) != 0:
        raise PrunegapError(f"Gaussian product substitution failed: {transformed}")
    density = sympy.besselk(0, z) / sympy.pi
    derivation = (
        "f(z) = int_0^oo 2 phi(x) phi(z/x)/x dx; x = sqrt(z) e^(s/2) turns the integrand into "
        f"{target} over s in R, i.e. (1/pi) int_0^oo exp(-z cosh s) ds = K_0(z)/pi (DLMF 10.32.9); "
        "K_0 is decreasing on (0, oo), so the minimum on 0 < |z| <= 1/2 is K_0(1/2)/pi"
    )
    return density, derivation


def _product_source(tag: str, location: str, note: str) -> Source:
    return Source(paper="PEN", arxiv="2006.07990v2", location=location, tag=tag, note=note)


def xy_uniform_weight(*, dps: int = 50) -> ConstantResult:
    r"""Weight :math:`\tfrac12\ln 2` of the ``Unif[-1/2, 1/2]`` component of ``Law(XY)``.

    Parameters
    ----------
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``log(2)/2`` (dimensionless probability weight), value, certified interval.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is not an integer in ``[15, 10000]``.

    Notes
    -----
    Claim ``const-xy-uniform-weight``; tag RECON (theory §1.3, verified numerically there).

    Examples
    --------
    >>> xy_uniform_weight(dps=20).value_str
    '0.34657359027997265471'
    """
    density, derivation = xy_density()
    return build_result(
        name="xy-uniform-weight",
        claim_id="const-xy-uniform-weight",
        symbol=r"w_{XY} = \tfrac12\ln 2",
        expr=density.subs(z, HALF),
        derivation=derivation,
        source=_product_source("RECON", "Cor. 1 as RFSS Lemma 2; theory.md §1.3",
                               "the density 1/2 ln(1/|z|) and this weight are our derivation"),
        dps=check_dps(dps),
    )


def pensia_uniform_weight(*, dps: int = 50) -> ConstantResult:
    r"""Weight :math:`\tfrac14\ln 2` of ``Unif[-1/2, 1/2]`` in Pensia's ``D``; tight (the largest valid weight).

    Returns
    -------
    ConstantResult
        Exact ``log(2)/4``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-pensia-uniform-weight``; tag READ-2ND: the value :math:`\ln 2/4` is
    Pensia Cor. 1 as restated in RFSS Lemma 2 (arXiv 2006.07990v2; theory §1.3).
    Its tightness is our observation (RECON).

    Examples
    --------
    >>> pensia_uniform_weight(dps=20).expr
    log(2)/4
    """
    density, derivation = xy_density()
    return build_result(
        name="pensia-uniform-weight",
        claim_id="const-pensia-uniform-weight",
        symbol=r"w_D = \tfrac14\ln 2",
        expr=density.subs(z, HALF) / 2,
        derivation=derivation + "; D = delta_0/2 + Law(XY)/2 halves the weight",
        source=_product_source("READ-2ND", "Cor. 1 (restated as RFSS Lemma 2); theory.md §1.3",
                               "value stated by the paper; tightness (largest valid weight) is ours"),
        dps=check_dps(dps),
    )


def gauss_product_weight(*, dps: int = 50) -> ConstantResult:
    r"""Weight :math:`K_0(\tfrac12)/\pi \approx 0.294252` of ``Unif[-1/2, 1/2]`` in the Gaussian product law.

    Returns
    -------
    ConstantResult
        Exact ``besselk(0, 1/2)/pi``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-gauss-product-weight``; tag RECON (theory §1.3).

    Examples
    --------
    >>> gauss_product_weight(dps=20).value_str
    '0.29425172934860380239'
    """
    density, derivation = gauss_product_density()
    return build_result(
        name="gauss-product-weight",
        claim_id="const-gauss-product-weight",
        symbol=r"K_0(\tfrac12)/\pi",
        expr=density.subs(z, HALF),
        derivation=derivation,
        source=Source(paper="THEORY", arxiv=None, location="theory.md §1.3 (Gaussian factors)", tag="RECON",
                      note="our derivation; no paper states it"),
        dps=check_dps(dps),
    )


def gauss_mixture_weight(*, dps: int = 50) -> ConstantResult:
    r"""Weight :math:`\tfrac12 K_0(\tfrac12)/\pi \approx 0.147126` in the Gaussian analogue of ``D``.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-gauss-product-weight``; tag RECON (theory §3.8, B0 with (G) weights).

    Examples
    --------
    >>> gauss_mixture_weight(dps=15).value_str
    '0.147125864674302'
    """
    density, derivation = gauss_product_density()
    return build_result(
        name="gauss-mixture-weight",
        claim_id="const-gauss-product-weight",
        symbol=r"\tfrac12 K_0(\tfrac12)/\pi",
        expr=density.subs(z, HALF) / 2,
        derivation=derivation + "; the delta_0/2 + Law/2 mixture halves the weight",
        source=Source(paper="THEORY", arxiv=None, location="theory.md §3.8 (B0 with Gaussian weights)",
                      tag="RECON", note="our derivation; no paper states it"),
        dps=check_dps(dps),
    )
