r"""Constants of the neuron-pruning lower bound (Theorem A, theory §3.6) [RECON].

Theorem A (our reconstruction; the body of arXiv 2603.02234 was not available):
in model M0 with rotation-invariant first-layer weights, any random-features (hence
any neuron-pruned) approximation with sup-error below :math:`\varepsilon` needs a
neuron within angle :math:`\eta_\varepsilon = 2\arctan(2\varepsilon)` of the
target's kink, so

.. math:: \Pr[\text{success}] \le 1 - (1 - q(\varepsilon))^n, \qquad q(\varepsilon) = \tfrac{2\eta_\varepsilon}{\pi} = \tfrac4\pi\arctan(2\varepsilon).

Every quantity below is derived with sympy from those definitions.
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from symbolic.core._validation import check_dps, check_exact, check_int
from symbolic.core.certify import certified_ceil
from symbolic.core.errors import InvalidArgument, PrunegapError
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "eta_eps",
    "expected_eta_min",
    "line_q_gauss",
    "line_q_uniform",
    "n_half",
    "n_half_asymptote",
    "necessary_width",
    "neuron_pruning_formulas",
    "q_eps",
]

EPS = sympy.Symbol("epsilon", positive=True)
p_sym = sympy.Symbol("p", positive=True)
#: Default accuracy of the parametrised constants.
DEFAULT_EPS = sympy.Rational(1, 100)
HALF = sympy.Rational(1, 2)
n_sym = sympy.Symbol("n", positive=True, integer=True)
_eta, _t = sympy.symbols("eta t", positive=True)


def _source(location: str) -> Source:
    return Source(
        paper="GAP",
        arxiv="2603.02234",
        location=f"no statement read (only the v1-v3 abstracts); {location}",
        tag="RECON",
        note="our reconstruction (theory.md), not a statement of arXiv 2603.02234",
    )


@lru_cache(maxsize=1)
def neuron_pruning_formulas() -> dict[str, tuple[sympy.Expr, str]]:
    """All Theorem-A formulas, each derived by sympy, as ``name -> (formula, derivation)``.

    Returns
    -------
    dict
        Keys ``eta``, ``q``, ``n_p``, ``asymptote``, ``expected_eta_min``, ``line_gauss``,
        ``line_uniform``.  Formulas are in the positive symbols ``epsilon``, ``p``, ``n``.

    Raises
    ------
    PrunegapError
        If a symbolic step does not give the expected closed form (a bug).
    """
    out = {}
    # K2: the arc error is >= tan(eta/2)/2; success needs tan(eta_min/2)/2 < eps.
    sols = [s for s in sympy.solve(sympy.tan(_eta / 2) / 2 - EPS, _eta) if s.is_positive is not False]
    if sols != [2 * sympy.atan(2 * EPS)]:
        raise PrunegapError(f"eta_eps: unexpected solutions {sols}")
    eta = sols[0]
    out["eta"] = (eta, "K2 bound tan(eta/2)/2 = eps solved by sympy on (0, pi/2]: eta_eps = 2*atan(2*eps)")
    # eta_i ~ Unif[0, pi/2]: Pr(eta_i < eta) = int_0^eta 2/pi.
    q = sympy.integrate(2 / sympy.pi, (_t, 0, eta))
    out["q"] = (q, f"eta_i ~ Unif[0, pi/2], Pr(eta_i < eta_eps) = int_0^eta_eps 2/pi dt = {q}")
    # Success probability 1 - (1-q)^n reaches p iff n >= log(1-p)/log(1-q).
    # (1 - q)^n is strictly decreasing in n (0 < q < 1), so the root is unique; check it by substitution.
    n_p = sympy.log(1 - p_sym) / sympy.log(1 - q)
    if sympy.simplify((1 - q) ** n_p - (1 - p_sym)) != 0:
        raise PrunegapError(f"n_p: {n_p} does not solve (1 - q)^n = 1 - p")
    out["n_p"] = (
        n_p,
        (f"1 - (1 - q)^n = p has the unique root n = {n_p} (checked by sympy substitution); success "
         "probability >= p needs n >= this (a necessary condition)"),
    )
    asym = sympy.limit(EPS * n_p.subs(p_sym, HALF), EPS, 0, "+")
    if sympy.simplify(asym - sympy.pi * sympy.log(2) / 8) != 0:
        raise PrunegapError(f"n_half asymptote: unexpected limit {asym}")
    out["asymptote"] = (asym, f"lim_(eps->0+) eps * n_(1/2)(eps) = {asym} (sympy limit)")
    e_min = sympy.simplify(sympy.integrate((1 - 2 * _t / sympy.pi) ** n_sym, (_t, 0, sympy.pi / 2)))
    out["expected_eta_min"] = (
        e_min,
        f"Pr(eta_min > t) = (1 - 2t/pi)^n on [0, pi/2]; E eta_min = int_0^(pi/2) (1-2t/pi)^n dt = {e_min}",
    )
    # Line variant: delta = 4 eps, s0 = sqrt(1 - 16 eps^2).
    s0, delta = sympy.symbols("s_0 delta", positive=True)
    x_real = sympy.Symbol("x", real=True)
    cauchy = sympy.integrate(s0 / (sympy.pi * (s0**2 + _t**2)), (_t, -delta, delta))
    sub = {delta: 4 * EPS, s0: sympy.sqrt(1 - 16 * EPS**2)}
    out["line_gauss"] = (
        cauchy.subs(sub),
        f"(G): kink t_i ~ Cauchy(0, s0); Pr(|t_i| < delta) = {cauchy}; delta = 4 eps, s0 = sqrt(1 - 16 eps^2)",
    )
    ratio_density = sympy.integrate(sympy.Abs(x_real) / 4, (x_real, -1, 1))  # density of u2/u1 on |r| <= 1
    q_u = 2 * ratio_density * delta / s0
    out["line_uniform"] = (
        q_u.subs(sub),
        (f"(U), w* = e1: R = u2/u1 has density int |x|/4 dx = {ratio_density} on |r| <= 1; "
         f"Pr(|t_i| < delta) = Pr(|R| < delta/s0) = {q_u} for delta <= s0, i.e. 32 eps^2 <= 1"),
    )
    return out


def _eps(value, *, high=HALF) -> sympy.Rational:
    return check_exact("eps", value, low=0, high=high)


def eta_eps(eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""Critical kink angle :math:`\eta_\varepsilon = 2\arctan(2\varepsilon)` (radians).

    Parameters
    ----------
    eps : exact rational, default 1/100
        Sup-error :math:`\varepsilon\in(0,\tfrac12)`, dimensionless.  Floats are rejected.
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``2*atan(2*eps)`` in radians.

    Raises
    ------
    InvalidType
        If ``eps`` is a float (use ``sympy.Rational``).
    InvalidArgument
        If ``eps`` is not in ``(0, 1/2)`` or ``dps`` is out of range.

    Notes
    -----
    Claim ``const-eta-eps``; tag RECON (theory §3.6, Theorem A).

    Examples
    --------
    >>> eta_eps(sympy.Rational(1, 10), dps=15).expr
    2*atan(1/5)
    """
    e = _eps(eps)
    formula, derivation = neuron_pruning_formulas()["eta"]
    return build_result(name="eta-eps", claim_id="const-eta-eps", symbol=r"\eta_\varepsilon", formula=formula,
                        expr=formula.subs(EPS, e), params=(("eps", e),), derivation=derivation,
                        source=_source("theory.md §3.6 Theorem A"), dps=check_dps(dps))


def q_eps(eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""Per-neuron probability :math:`q(\varepsilon)=\tfrac4\pi\arctan(2\varepsilon)` of landing within :math:`\eta_\varepsilon`.

    Parameters
    ----------
    eps : exact rational, default 1/100
        :math:`\varepsilon\in(0,\tfrac12)`.
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact ``4*atan(2*eps)/pi`` (a probability).

    Raises
    ------
    InvalidType, InvalidArgument
        As for :func:`eta_eps`.

    Notes
    -----
    Claim ``const-eta-eps``; tag RECON (theory §3.6).

    Examples
    --------
    >>> q_eps(sympy.Rational(1, 10), dps=15).expr
    4*atan(1/5)/pi
    """
    e = _eps(eps)
    formula, derivation = neuron_pruning_formulas()["q"]
    return build_result(name="q-eps", claim_id="const-eta-eps", symbol=r"q(\varepsilon)", formula=formula,
                        expr=formula.subs(EPS, e), params=(("eps", e),), derivation=derivation,
                        source=_source("theory.md §3.6 Theorem A"), dps=check_dps(dps))


def n_half(eps=DEFAULT_EPS, *, p=HALF, dps: int = 50) -> ConstantResult:
    r"""Exact necessary width :math:`n_p(\varepsilon)=\ln\frac1{1-p}\big/\big(-\ln(1-q(\varepsilon))\big)` (default ``p = 1/2``).

    Any network with fewer hidden neurons succeeds with probability below ``p``
    (a lower bound on ``n``, not a sufficient width).

    Parameters
    ----------
    eps : exact rational, default 1/100
        :math:`\varepsilon\in(0,\tfrac12)`.
    p : exact rational, default 1/2
        Target success probability in ``(0, 1)``.
    dps : int, default 50

    Returns
    -------
    ConstantResult
        Exact real width (neurons, not rounded).  theory §3.6: 2.39, 5.11, 26.9, 271.9
        at eps = 0.1, 0.05, 0.01, 0.001.

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or values out of range.

    Notes
    -----
    Claim ``const-n-half``; tag RECON (theory §3.6, corollary "size needed").

    Examples
    --------
    >>> n_half(sympy.Rational(1, 10), dps=15).value_str
    '2.39462637406320'
    """
    e = _eps(eps)
    pv = check_exact("p", p, low=0, high=1)
    formula, derivation = neuron_pruning_formulas()["n_p"]
    return build_result(name="n-half", claim_id="const-n-half", symbol=r"n_{p}(\varepsilon)", formula=formula,
                        expr=formula.subs({EPS: e, p_sym: pv}), params=(("eps", e), ("p", pv)),
                        derivation=derivation, source=_source("theory.md §3.6 Corollaries"), dps=check_dps(dps))


def n_half_asymptote(*, dps: int = 50) -> ConstantResult:
    r"""Leading constant :math:`\pi\ln2/8\approx0.27220` of :math:`n_{1/2}(\varepsilon)\sim0.27220/\varepsilon`.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-n-half``; tag RECON (theory §3.6).

    Examples
    --------
    >>> n_half_asymptote(dps=15).expr
    pi*log(2)/8
    """
    formula, derivation = neuron_pruning_formulas()["asymptote"]
    return build_result(name="n-half-asymptote", claim_id="const-n-half", symbol=r"\pi\ln 2/8", expr=formula,
                        derivation=derivation, source=_source("theory.md §3.6 Corollaries"), dps=check_dps(dps))


def necessary_width(eps, *, p=HALF) -> int:
    r"""Smallest integer width not excluded by Theorem A: :math:`\lceil n_p(\varepsilon)\rceil`, certified.

    Parameters
    ----------
    eps : exact rational
        :math:`\varepsilon\in(0,\tfrac12)`.
    p : exact rational, default 1/2

    Returns
    -------
    int
        Number of hidden neurons.

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or values out of range.
    NotCertifiedError
        If :math:`n_p(\varepsilon)` cannot be separated from an integer.

    Notes
    -----
    Claim ``const-n-half``; tag RECON.

    Examples
    --------
    >>> necessary_width(sympy.Rational(1, 100))
    27
    """
    e = _eps(eps)
    pv = check_exact("p", p, low=0, high=1)
    formula, _ = neuron_pruning_formulas()["n_p"]
    return certified_ceil(formula.subs({EPS: e, p_sym: pv}))


def expected_eta_min(n=10, *, dps: int = 50) -> ConstantResult:
    r""":math:`\mathbb E\,\eta_{\min}=\pi/(2(n+1))` for ``n`` i.i.d. ``Unif[0, pi/2]`` angles (radians).

    The expected best error is then at least a quarter of it, :math:`\pi/(8(n+1))`.

    Parameters
    ----------
    n : int, default 10
        Number of hidden neurons, ``n >= 1``.
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        For non-integers or ``n < 1``.

    Notes
    -----
    Claim ``const-expected-eta-min``; tag RECON (theory §3.5, §3.6).

    Examples
    --------
    >>> expected_eta_min(3, dps=15).expr
    pi/8
    """
    nv = check_int("n", n, min_value=1)
    formula, derivation = neuron_pruning_formulas()["expected_eta_min"]
    return build_result(name="expected-eta-min", claim_id="const-expected-eta-min",
                        symbol=r"\mathbb{E}\,\eta_{\min}", formula=formula, expr=formula.subs(n_sym, nv),
                        params=(("n", sympy.Integer(nv)),), derivation=derivation,
                        source=_source("theory.md §3.5-3.6"), dps=check_dps(dps))


def line_q_gauss(eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""Line-variant per-neuron probability for (G): :math:`\tfrac2\pi\arctan(4\varepsilon/\sqrt{1-16\varepsilon^2})`.

    Parameters
    ----------
    eps : exact rational, default 1/100
        :math:`\varepsilon\in(0,\tfrac14)` (so that :math:`s_0` is real).
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or ``eps`` outside ``(0, 1/4)``.

    Notes
    -----
    Claim ``const-line-q-gauss``; tag RECON (theory §3.6, line variant).

    Examples
    --------
    >>> line_q_gauss(sympy.Rational(1, 10), dps=15).expr
    2*atan(2*sqrt(21)/21)/pi
    """
    e = _eps(eps, high=sympy.Rational(1, 4))
    formula, derivation = neuron_pruning_formulas()["line_gauss"]
    return build_result(name="line-q-gauss", claim_id="const-line-q-gauss", symbol=r"q_G(\varepsilon)",
                        formula=formula, expr=formula.subs(EPS, e), params=(("eps", e),), derivation=derivation,
                        source=_source("theory.md §3.6 line variant"), dps=check_dps(dps))


def line_q_uniform(eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""Line-variant per-neuron probability for (U), :math:`w^*=e_1`: :math:`2\varepsilon/\sqrt{1-16\varepsilon^2}`.

    Parameters
    ----------
    eps : exact rational, default 1/100
        :math:`\varepsilon>0` with :math:`32\varepsilon^2\le1` (so that :math:`\delta\le s_0`).
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        For floats or ``eps`` outside the range.

    Notes
    -----
    Claim ``const-line-q-uniform``; tag RECON (theory §3.5-3.6).

    Examples
    --------
    >>> line_q_uniform(sympy.Rational(1, 10), dps=15).expr
    sqrt(21)/21
    """
    e = _eps(eps, high=sympy.Rational(1, 4))
    if 32 * e**2 > 1:
        raise InvalidArgument(f"eps must satisfy 32*eps**2 <= 1 (delta <= s0), got eps={e}")
    formula, derivation = neuron_pruning_formulas()["line_uniform"]
    return build_result(name="line-q-uniform", claim_id="const-line-q-uniform", symbol=r"q_U(\varepsilon)",
                        formula=formula, expr=formula.subs(EPS, e), params=(("eps", e),), derivation=derivation,
                        source=_source("theory.md §3.5-3.6 line variant"), dps=check_dps(dps))
