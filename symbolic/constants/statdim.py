r"""Statistical dimension of the standard cones: sympy derivation, mpmath value, certified interval.

The statistical dimension of a closed convex cone :math:`C\subseteq\mathbb R^D` is
:math:`\delta(C)=\mathbb E\|\Pi_C(g)\|^2`, :math:`g\sim N(0,I_D)` (Amelunxen, Lotz, McCoy, Tropp,
*Living on the edge*, arXiv 1303.6672, Def. of the statistical dimension; tag MEM: we read only
the abstract (READ-ABS), which introduces the parameter; the formulas below are checked against
M. B. McCoy's reference code ``snow.m`` (READ (code), secondary: an ALMT author's implementation),
and against Monte Carlo in ``pybridge.prunelimit``).

Cones and what is exact
-----------------------
``orthant``
    :math:`\delta(\mathbb R^D_+)=D/2` exactly (sympy: :math:`\mathbb E\max(g,0)^2=1/2`).
``subspace``
    :math:`\delta(L)=k` for a subspace of dimension ``k`` exactly (:math:`\mathbb E g^2=1`).
``circular``
    :math:`\mathrm{Circ}_D(\alpha)=\{x: x_1\ge\|x\|\cos\alpha\}`, :math:`0<\alpha<\pi/2`.  Writing
    :math:`\theta` for the angle between :math:`g` and :math:`e_1` (density
    :math:`\propto\sin^{D-2}\theta` on :math:`[0,\pi]`, independent of :math:`\|g\|^2`, mean :math:`D`),
    :math:`\|\Pi_C g\|^2=\|g\|^2 f(\theta)` with :math:`f=1` on :math:`[0,\alpha]`,
    :math:`\cos^2(\theta-\alpha)` on :math:`[\alpha,\alpha+\pi/2]`, 0 beyond; so
    :math:`\delta = D\,\big(\int_0^{\alpha}\sin^{D-2}+\int_\alpha^{\alpha+\pi/2}\cos^2(\theta-\alpha)
    \sin^{D-2}\theta\,d\theta\big)/\big(\sqrt\pi\,\Gamma(\tfrac{D-1}2)/\Gamma(\tfrac D2)\big)`.
    This is our derivation (the same integral as ``snow.m``'s ``sdim_circ``, READ (code)); exact
    closed form by sympy for ``D <= 8``; otherwise the value is a certified arb integral
    (``acb.integral``), never a float.
``l1-descent``
    descent cone of :math:`\|\cdot\|_1` at an ``s``-sparse point of :math:`\mathbb R^D`:
    :math:`J(\tau)=s(1+\tau^2)+(D-s)\sqrt{2/\pi}\int_\tau^\infty(u-\tau)^2e^{-u^2/2}du
    =s(1+\tau^2)+(D-s)\big((1+\tau^2)\operatorname{erfc}(\tau/\sqrt2)-\tau\sqrt{2/\pi}e^{-\tau^2/2}\big)`
    (sympy), strictly convex (:math:`J''=2s+2(D-s)\operatorname{erfc}(\tau/\sqrt2)>0`), and
    :math:`D\psi(s/D)=\inf_{\tau\ge0}J(\tau)`.  ALMT (MEM: their Prop. 4.5 as we remember it, not
    read here) give :math:`D\psi-2\sqrt{D/s}\le\delta\le D\psi`; the stationarity equation matches
    ``snow.m``'s ``sdim_lone`` (READ (code)).  The minimiser is certified by an enclosure
    :math:`[\tau_-,\tau_+]` on which :math:`J'` changes sign (arb balls), and the minimum by
    :math:`J([\tau_-,\tau_+])\ni\inf J\le\min(J(\tau_-),J(\tau_+))`.

Also: :func:`almt_window` :math:`a_\eta=\sqrt{8\log(4/\eta)}` of the approximate kinematic formula
(ALMT Theorem I, MEM: as stated in issue 15 and remembered, not read here).

No global mpmath state is touched; every value lives in a private context.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy
from flint import acb, arb

from symbolic.core._translate import check_closed, to_arb
from symbolic.core._validation import check_dps, check_exact, check_int
from symbolic.core.certify import RationalInterval, certify_ball, certify_expr
from symbolic.core.context import arb_prec, dps_to_bits, new_context
from symbolic.core.errors import InvalidArgument, InvalidType, NotCertifiedError, PrecisionExhaustedError
from symbolic.core.numeric import evaluate_expr, mpf_to_str
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "CONES",
    "StatDimResult",
    "almt_window",
    "statdim_circular_constant",
    "circular_integral_form",
    "l1_descent_formulas",
    "parse_angle",
    "statdim",
    "statdim_circular",
    "statdim_l1_descent",
    "statdim_orthant",
    "statdim_subspace",
]

CONES = ("orthant", "subspace", "circular", "l1-descent")
#: Largest ambient dimension for which the circular cone is integrated exactly by sympy.
CIRCULAR_EXACT_MAX_D = 8
MAX_D = 10**6

tau, u, theta = sympy.symbols("tau u theta", real=True)
D_sym, s_sym = sympy.symbols("D s", positive=True, integer=True)

ALMT_SOURCE = Source(
    paper="ALMT", arxiv="1303.6672",
    location="statistical dimension and the l1 descent-cone formula; Prop. 4.5 error bound as remembered",
    tag="MEM",
    note=("we read the ALMT abstract only (READ-ABS); the l1 and circular formulas agree with M. B. McCoy's "
          "reference code snow.m (READ (code)); the error bound 2 sqrt(D/s) is from memory (MEM)"),
)
ALMT_THM1_SOURCE = Source(
    paper="ALMT", arxiv="1303.6672", location="Theorem I (approximate kinematic formula), a_eta as remembered",
    tag="MEM", note="a_eta = sqrt(8 log(4/eta)) as given in issue 15 and remembered; not read here",
)
EXACT_SOURCE = Source(
    paper="THEORY", arxiv=None, location="symbolic/constants/statdim.py module docstring (our derivation)",
    tag="RECON", note="our derivation of a textbook fact (E max(g,0)^2 = 1/2, E g^2 = 1), sympy-checked",
)


@dataclass(frozen=True)
class StatDimResult:
    """Statistical dimension of one cone at exact parameters.

    Attributes
    ----------
    cone : str
        One of :data:`CONES`.
    params : tuple of (str, sympy.Expr)
        Exact parameters (``d``; ``k``, ``angle`` or ``s``).
    exact : sympy.Expr or None
        Exact closed value when one exists (orthant, subspace, circular with ``d <= 8``).
    value : mpmath.mpf
        The value to ``dps`` digits (private context; for ``l1-descent`` the value of
        :math:`D\\psi(s/D)=\\inf_\\tau J(\\tau)`).
    certified : RationalInterval
        Rigorous enclosure of ``value``'s quantity, outward-rounded to ``dps`` digits.
    delta_bounds : RationalInterval
        Rigorous interval for :math:`\\delta(C)` itself: equal to ``certified`` where the formula is
        exact; for ``l1-descent`` :math:`[D\\psi-2\\sqrt{D/s},\\,D\\psi]` (ALMT error bound, MEM).
    minimiser : RationalInterval or None
        ``l1-descent`` only: certified enclosure of the minimising :math:`\\tau^*`.
    dps : int
    derivation : str
    source : symbolic.core.sources.Source
    """

    cone: str
    params: tuple
    exact: object
    value: object
    certified: RationalInterval
    delta_bounds: RationalInterval
    minimiser: RationalInterval | None
    dps: int
    derivation: str
    source: Source

    @property
    def value_str(self) -> str:
        """``value`` with ``dps`` significant digits."""
        return mpf_to_str(self.value, self.dps)

    def to_dict(self) -> dict:
        """JSON-safe dictionary; intervals as ``"p/q"`` strings."""
        return {
            "cone": self.cone,
            "parameters": {k: str(v) for k, v in self.params},
            "exact": None if self.exact is None else str(self.exact),
            "value": self.value_str,
            "certified_interval": list(self.certified.to_strings()),
            "delta_bounds": list(self.delta_bounds.to_strings()),
            "minimiser": None if self.minimiser is None else list(self.minimiser.to_strings()),
            "dps": self.dps,
            "derivation": self.derivation,
            "source": self.source.to_dict(),
        }


def _dimension(d) -> int:
    return check_int("d", d, min_value=1, max_value=MAX_D)


def _exact_result(cone, params, expr, derivation, dps, source=EXACT_SOURCE) -> StatDimResult:
    iv = certify_expr(expr, dps=dps)
    return StatDimResult(cone=cone, params=tuple(params), exact=expr, value=evaluate_expr(expr, dps=dps),
                         certified=iv, delta_bounds=iv, minimiser=None, dps=dps, derivation=derivation,
                         source=source)


@lru_cache(maxsize=1)
def _gauss_moments() -> tuple[sympy.Expr, sympy.Expr]:
    x = sympy.symbols("x", real=True)
    phi = sympy.exp(-x**2 / 2) / sympy.sqrt(2 * sympy.pi)
    half = sympy.simplify(sympy.integrate(x**2 * phi, (x, 0, sympy.oo)))
    full = sympy.simplify(sympy.integrate(x**2 * phi, (x, -sympy.oo, sympy.oo)))
    if half != sympy.Rational(1, 2) or full != 1:
        raise PrecisionExhaustedError(f"sympy Gaussian moments unexpected: {half}, {full}")  # pragma: no cover
    return half, full


def statdim_orthant(d, *, dps: int = 50) -> StatDimResult:
    """:math:`\\delta(\\mathbb R^d_+)=d/2`, exact.

    Parameters
    ----------
    d : int
        Ambient dimension, ``1 <= d <= 10**6``.
    dps : int, default 50

    Returns
    -------
    StatDimResult

    Raises
    ------
    InvalidType, InvalidArgument
        For a non-integer or out-of-range ``d`` or ``dps``.

    Examples
    --------
    >>> str(statdim_orthant(7, dps=15).exact)
    '7/2'
    """
    d, dps = _dimension(d), check_dps(dps)
    half, _ = _gauss_moments()
    expr = sympy.Integer(d) * half
    return _exact_result("orthant", (("d", sympy.Integer(d)),), expr,
                         f"Pi(g) = max(g, 0) coordinatewise; sympy: E max(g,0)^2 = {half}; delta = d/2 = {expr}", dps)


def statdim_subspace(d, k, *, dps: int = 50) -> StatDimResult:
    """:math:`\\delta(L)=k` for a linear subspace of dimension ``k`` in :math:`\\mathbb R^d`, exact.

    Parameters
    ----------
    d : int
        Ambient dimension.
    k : int
        ``0 <= k <= d``.
    dps : int, default 50

    Returns
    -------
    StatDimResult

    Raises
    ------
    InvalidType, InvalidArgument
        For bad ``d``, ``k`` or ``dps``.

    Examples
    --------
    >>> str(statdim_subspace(10, 3, dps=15).exact)
    '3'
    """
    d, dps = _dimension(d), check_dps(dps)
    k = check_int("k", k, min_value=0, max_value=d)
    _, full = _gauss_moments()
    expr = sympy.Integer(k) * full
    return _exact_result("subspace", (("d", sympy.Integer(d)), ("k", sympy.Integer(k))), expr,
                         f"Pi(g) = first k coordinates in an adapted basis; sympy: E g^2 = {full}; delta = k", dps)


def parse_angle(angle) -> sympy.Expr:
    """An exact angle in radians, ``0 < angle < pi/2``.

    Parameters
    ----------
    angle : str, int, Fraction, sympy.Expr
        For example ``"pi/6"``, ``"1/2"`` (radians), ``sympy.pi / 5``.  Floats are refused.

    Returns
    -------
    sympy.Expr
        Closed exact expression.

    Raises
    ------
    InvalidType
        For floats.
    InvalidArgument
        For unparsable text or angles outside ``(0, pi/2)``.
    """
    if isinstance(angle, float):
        raise InvalidType(f"angle must be exact, got the float angle={angle!r}; pass e.g. 'pi/6' or '1/2'")
    if isinstance(angle, str):
        try:
            expr = sympy.sympify(angle.strip(), rational=True, locals={"pi": sympy.pi})
        except (sympy.SympifyError, TypeError, SyntaxError) as exc:
            raise InvalidArgument(f"angle is not an exact expression, got angle={angle!r}") from exc
    elif isinstance(angle, Fraction):
        expr = sympy.Rational(angle.numerator, angle.denominator)
    else:
        expr = angle
    try:
        expr = check_closed(expr, name="angle")
    except (InvalidType, InvalidArgument) as exc:
        raise InvalidArgument(f"angle must be a closed exact number, got angle={angle!r}") from exc
    lo = certify_expr(expr, dps=20)
    if not (lo.lo > 0 and lo.hi < Fraction(15707963267948966, 10**16)):
        raise InvalidArgument(f"angle must lie in (0, pi/2) radians, got angle={angle!r}")
    return expr


@lru_cache(maxsize=1)
def circular_integral_form() -> dict:
    """The circular-cone integrals as sympy objects (unevaluated), and the normaliser, derived by sympy.

    Returns
    -------
    dict
        ``inner`` and ``outer`` integrands (in ``theta``, ``D`` and ``alpha``), ``normaliser``
        :math:`\\int_0^\\pi\\sin^{D-2}` in closed form (checked by sympy for ``D = 2..4``).
    """
    alpha = sympy.symbols("alpha", positive=True)
    normaliser = sympy.sqrt(sympy.pi) * sympy.gamma((D_sym - 1) / 2) / sympy.gamma(D_sym / 2)
    for dv in range(2, 5):
        got = sympy.integrate(sympy.sin(theta) ** (dv - 2), (theta, 0, sympy.pi))
        if sympy.simplify(got - normaliser.subs(D_sym, dv)) != 0:  # pragma: no cover - a sympy bug
            raise PrecisionExhaustedError(f"normaliser mismatch at D={dv}: {got}")
    return {"alpha": alpha, "inner": sympy.sin(theta) ** (D_sym - 2),
            "outer": sympy.cos(theta - alpha) ** 2 * sympy.sin(theta) ** (D_sym - 2), "normaliser": normaliser}


def _circular_exact(d: int, angle: sympy.Expr) -> sympy.Expr:
    form = circular_integral_form()
    inner = sympy.integrate(form["inner"].subs(D_sym, d), (theta, 0, angle))
    outer = sympy.integrate(form["outer"].subs({D_sym: d, form["alpha"]: angle}),
                            (theta, angle, angle + sympy.pi / 2))
    return sympy.simplify(d * (inner + outer) / form["normaliser"].subs(D_sym, d))


def _circular_ball(d: int, angle: sympy.Expr) -> arb:
    a = to_arb(angle)
    half_pi = arb.pi() / 2

    def inner(x, analytic):
        return x.sin() ** (d - 2)

    def outer(x, analytic):
        return (x - a).cos() ** 2 * x.sin() ** (d - 2)

    total = acb.integral(inner, acb(0), acb(a)) + acb.integral(outer, acb(a), acb(a + half_pi))
    norm = arb.pi().sqrt() * arb(d - 1).__truediv__(2).gamma() / arb(d).__truediv__(2).gamma()
    if abs(total.imag.mid()) > 0 and not total.imag.contains(0):  # pragma: no cover
        raise NotCertifiedError("complex part of a real integral does not contain 0")
    return d * total.real / norm


def _interval_mid_mpf(iv: RationalInterval, dps: int):
    ctx = new_context(dps)
    with ctx.workdps(dps + 10):
        m = ctx.mpf(iv.mid.numerator) / iv.mid.denominator
    return +m


def statdim_circular(d, angle, *, dps: int = 50) -> StatDimResult:
    """:math:`\\delta(\\mathrm{Circ}_d(\\alpha))`, exact (sympy) for ``d <= 8``, else a certified arb integral.

    Parameters
    ----------
    d : int
        Ambient dimension, ``2 <= d <= 10**6``.
    angle : str or exact sympy expression
        Half-aperture :math:`\\alpha\\in(0,\\pi/2)` radians (see :func:`parse_angle`).
    dps : int, default 50

    Returns
    -------
    StatDimResult
        ``exact`` is ``None`` for ``d > 8``; ``value`` is then the midpoint of the certified ball
        (an mpmath quadrature of the same integral agrees: see the tests).

    Raises
    ------
    InvalidType, InvalidArgument
        Bad ``d``, ``angle`` or ``dps``.

    Examples
    --------
    >>> r = statdim_circular(2, "pi/4", dps=15); str(r.exact)
    '1'
    """
    d, dps = check_int("d", d, min_value=2, max_value=MAX_D), check_dps(dps)
    a = parse_angle(angle)
    params = (("d", sympy.Integer(d)), ("angle", a))
    src = Source(paper="ALMT", arxiv="1303.6672", location="circular cone; formula as in snow.m sdim_circ",
                 tag="READ-2ND", note="our derivation (module docstring); matches McCoy's snow.m (READ (code))")
    derivation = ("delta = D * (int_0^a sin^(D-2) + int_a^(a+pi/2) cos^2(t-a) sin^(D-2)) / "
                  "(sqrt(pi) Gamma((D-1)/2)/Gamma(D/2))")
    if d <= CIRCULAR_EXACT_MAX_D:
        expr = _circular_exact(d, a)
        iv = certify_expr(expr, dps=dps)
        return StatDimResult(cone="circular", params=params, exact=expr, value=evaluate_expr(expr, dps=dps),
                             certified=iv, delta_bounds=iv, minimiser=None, dps=dps,
                             derivation=derivation + "; integrated exactly by sympy", source=src)
    iv = certify_ball(lambda: _circular_ball(d, a), dps=dps, what=f"delta(Circ_{d}({a}))", max_dps=4 * dps + 200)
    return StatDimResult(cone="circular", params=params, exact=None, value=_interval_mid_mpf(iv, dps),
                         certified=iv, delta_bounds=iv, minimiser=None, dps=dps,
                         derivation=derivation + "; certified by arb (acb.integral) on the two pieces", source=src)


@lru_cache(maxsize=1)
def l1_descent_formulas() -> dict:
    """Derive :math:`J(\\tau)`, :math:`J'` and :math:`J''` for the l1 descent cone with sympy.

    Returns
    -------
    dict
        ``J`` (closed form in ``tau``, ``D``, ``s``), ``dJ``, ``d2J``, ``inner`` (the integral as
        sympy returned it) and ``derivation``.

    Raises
    ------
    PrecisionExhaustedError
        If a sympy identity unexpectedly fails (a bug, never silent).
    """
    tp = sympy.symbols("tau", positive=True)
    inner = sympy.integrate((u - tp) ** 2 * sympy.exp(-u**2 / 2), (u, tp, sympy.oo))
    closed = ((1 + tp**2) * sympy.erfc(tp / sympy.sqrt(2)) - tp * sympy.sqrt(2 / sympy.pi) * sympy.exp(-tp**2 / 2))
    if sympy.simplify((sympy.sqrt(2 / sympy.pi) * inner - closed).rewrite(sympy.erf)) != 0:  # pragma: no cover
        raise PrecisionExhaustedError(f"l1 inner integral: sympy gave {inner}")
    J = s_sym * (1 + tp**2) + (D_sym - s_sym) * closed
    dJ = sympy.simplify(sympy.diff(J, tp))
    d2J = sympy.simplify(sympy.diff(J, tp, 2))
    expected_d2 = 2 * s_sym + 2 * (D_sym - s_sym) * sympy.erfc(tp / sympy.sqrt(2))
    if sympy.simplify((d2J - expected_d2).rewrite(sympy.erf)) != 0:  # pragma: no cover
        raise PrecisionExhaustedError(f"l1 J'': sympy gave {d2J}")
    expected_d1 = 2 * s_sym * tp + 2 * (D_sym - s_sym) * (tp * sympy.erfc(tp / sympy.sqrt(2))
                                                          - sympy.sqrt(2 / sympy.pi) * sympy.exp(-tp**2 / 2))
    if sympy.simplify((dJ - expected_d1).rewrite(sympy.erf)) != 0:  # pragma: no cover
        raise PrecisionExhaustedError(f"l1 J': sympy gave {dJ}")
    J, dJ, d2J = (e.subs(tp, tau) for e in (J, expected_d1, expected_d2))
    derivation = (f"sqrt(2/pi) int_tau^oo (u-tau)^2 e^(-u^2/2) du = (1+tau^2) erfc(tau/sqrt2) - tau sqrt(2/pi) "
                  f"e^(-tau^2/2) (sympy); J = {J}; J' = {dJ}; J'' = {d2J} > 0 (strictly convex); "
                  f"J'(0) = -2 (D-s) sqrt(2/pi) < 0 and J'(tau) -> +oo, so a unique minimiser tau* > 0")
    return {"J": J, "dJ": dJ, "d2J": d2J, "inner": inner, "derivation": derivation}


def _arb_J(t: arb, d: int, s: int) -> arb:
    e = (t / arb(2).sqrt()).erfc()
    g = (-(t * t) / 2).exp() * (arb(2) / arb.pi()).sqrt()
    return s * (1 + t * t) + (d - s) * ((1 + t * t) * e - t * g)


def _arb_dJ(t: arb, d: int, s: int) -> arb:
    e = (t / arb(2).sqrt()).erfc()
    g = (-(t * t) / 2).exp() * (arb(2) / arb.pi()).sqrt()
    return 2 * s * t + 2 * (d - s) * (t * e - g)


def _fraction_to_arb(q: Fraction) -> arb:
    return arb(q.numerator) / q.denominator


def _float_minimiser(d: int, s: int, dps: int) -> Fraction:
    """The root of :math:`J'` by mpmath at ``dps + 20`` digits (bracket, then Newton), as an exact dyadic."""
    ctx = new_context(dps)
    with ctx.workdps(dps + 20):
        def djf(t):
            return 2 * s * t + 2 * (d - s) * (t * ctx.erfc(t / ctx.sqrt(2)) - ctx.sqrt(2 / ctx.pi) * ctx.exp(-t * t / 2))
        hi = ctx.mpf(1)
        while djf(hi) <= 0:
            hi *= 2
        t_star = ctx.findroot(djf, (ctx.mpf(0), hi), solver="anderson")
        t_star = ctx.findroot(djf, t_star)  # polish (Newton on a smooth convex derivative)
        man, exp = ctx.mpf(t_star).man_exp
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def _certified_sign_change(t_q: Fraction, d: int, s: int, dps: int) -> tuple[Fraction, Fraction]:
    """Rationals ``(t_lo, t_hi)`` around ``t_q`` with :math:`J'(t_{lo}) < 0 < J'(t_{hi})` certified (arb).

    The half-width starts at ``10**-(dps+12)`` and grows a thousandfold per try, twelve tries at most.

    Raises
    ------
    NotCertifiedError
        If no try certifies the sign change.
    """
    width = Fraction(1, 10 ** (dps + 12))
    for _ in range(12):
        t_lo, t_hi = max(t_q - width, Fraction(0)), t_q + width
        with arb_prec(dps_to_bits(dps + 40)):
            lo_sign = _arb_dJ(_fraction_to_arb(t_lo), d, s)
            hi_sign = _arb_dJ(_fraction_to_arb(t_hi), d, s)
            certified_change = lo_sign < 0 and hi_sign > 0
        if certified_change:
            return t_lo, t_hi
        width *= 1000
    raise NotCertifiedError(f"could not certify the sign change of J' for d={d}, s={s}")


def _ball_min_J(t_lo: Fraction, t_hi: Fraction, d: int, s: int) -> arb:
    r"""A ball containing :math:`\inf J`.

    It runs from the low end of :math:`J([t_{lo}, t_{hi}])` to :math:`\min(J(t_{lo}), J(t_{hi}))`, widened by
    a relative :math:`2^{-200}`.
    """
    mid = (t_lo + t_hi) / 2
    rad = (t_hi - t_lo) / 2
    ball = arb(_fraction_to_arb(mid).mid(), arb(rad.numerator) / rad.denominator)
    enclosure = _arb_J(ball, d, s)
    upper = min(_arb_J(_fraction_to_arb(t_lo), d, s).upper(), _arb_J(_fraction_to_arb(t_hi), d, s).upper())
    low = enclosure.lower()
    return arb((low + upper) / 2, (upper - low) / 2 + abs(upper - low) * arb(2) ** -200)


def statdim_l1_descent(d, s, *, dps: int = 50) -> StatDimResult:
    """:math:`D\\psi(s/D)=\\inf_{\\tau\\ge0}J(\\tau)` for the l1 descent cone at an ``s``-sparse point, certified.

    Parameters
    ----------
    d : int
        Ambient dimension ``D >= 2``.
    s : int
        Sparsity, ``1 <= s <= d - 1``.
    dps : int, default 50

    Returns
    -------
    StatDimResult
        ``certified`` encloses :math:`\\inf J`; ``minimiser`` encloses :math:`\\tau^*` (where
        :math:`J'` changes sign, certified); ``delta_bounds`` is
        :math:`[\\max(0,\\inf J-2\\sqrt{D/s}),\\,\\inf J]` (ALMT error bound, MEM).

    Raises
    ------
    InvalidType, InvalidArgument
        Bad ``d``, ``s`` or ``dps``.
    NotCertifiedError
        If the sign change of :math:`J'` cannot be certified (never observed).

    Examples
    --------
    >>> r = statdim_l1_descent(100, 10, dps=15); r.value_str
    '32.8793505453631'
    """
    d, dps = check_int("d", d, min_value=2, max_value=MAX_D), check_dps(dps)
    s = check_int("s", s, min_value=1, max_value=d - 1)
    f = l1_descent_formulas()
    t_lo, t_hi = _certified_sign_change(_float_minimiser(d, s, dps), d, s, dps)
    minimiser = RationalInterval(t_lo, t_hi)
    iv = certify_ball(lambda: _ball_min_J(t_lo, t_hi, d, s), dps=dps, what=f"inf J for d={d}, s={s}",
                      max_dps=4 * dps + 200)
    # delta bounds: [inf J - 2 sqrt(d/s), inf J]  (ALMT error bound, MEM), rounded outward.
    err = certify_expr(2 * sympy.sqrt(sympy.Rational(d, s)), dps=dps)
    bounds = RationalInterval(max(iv.lo - err.hi, Fraction(0)), iv.hi)
    derivation = f["derivation"] + (f"; tau* in [{float(t_lo):.17g}, {float(t_hi):.17g}] "
                                    f"(J' < 0 < J' at the endpoints, arb); inf J in J([tau-, tau+])")
    return StatDimResult(cone="l1-descent", params=(("d", sympy.Integer(d)), ("s", sympy.Integer(s))), exact=None,
                         value=_interval_mid_mpf(iv, dps), certified=iv, delta_bounds=bounds, minimiser=minimiser,
                         dps=dps, derivation=derivation, source=ALMT_SOURCE)


def statdim(cone: str, *, d, s=None, k=None, angle=None, dps: int = 50) -> StatDimResult:
    """Dispatch to the cone's function (the ``prunegap statdim`` entry point).

    Parameters
    ----------
    cone : str
        One of :data:`CONES`.
    d : int
    s, k, angle : optional
        ``s`` for ``l1-descent``, ``k`` for ``subspace``, ``angle`` for ``circular``.
    dps : int, default 50

    Returns
    -------
    StatDimResult

    Raises
    ------
    InvalidType, InvalidArgument
        Unknown cone, a missing or superfluous parameter, bad values.
    """
    if not isinstance(cone, str) or cone not in CONES:
        raise InvalidArgument(f"cone must be one of {', '.join(CONES)}, got cone={cone!r}")
    needed = {"orthant": (), "subspace": ("k",), "circular": ("angle",), "l1-descent": ("s",)}[cone]
    given = {"s": s, "k": k, "angle": angle}
    for name, value in given.items():
        if name in needed and value is None:
            raise InvalidArgument(f"cone {cone} needs --{name}, got {name}=None")
        if name not in needed and value is not None:
            raise InvalidArgument(f"cone {cone} takes no {name}, got {name}={value!r}")
    if cone == "orthant":
        return statdim_orthant(d, dps=dps)
    if cone == "subspace":
        return statdim_subspace(d, k, dps=dps)
    if cone == "circular":
        return statdim_circular(d, angle, dps=dps)
    return statdim_l1_descent(d, s, dps=dps)


def statdim_circular_constant(d=5, angle_over_pi=sympy.Rational(1, 6), *, dps: int = 50) -> ConstantResult:
    """The exact :math:`\\delta(\\mathrm{Circ}_d(\\pi\\,a))` as a registered constant (``statdim-circular``).

    Parameters
    ----------
    d : int, default 5
        ``2 <= d <= 8`` (the sympy-exact range).
    angle_over_pi : exact rational in (0, 1/2), default 1/6
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        Bad ``d``, ``angle_over_pi`` or ``dps``.

    Examples
    --------
    >>> statdim_circular_constant(5, sympy.Rational(1, 6), dps=15).expr
    53/16 - 15*sqrt(3)/16
    """
    dv = check_int("d", d, min_value=2, max_value=CIRCULAR_EXACT_MAX_D)
    a = check_exact("angle_over_pi", angle_over_pi, low=0, high=sympy.Rational(1, 2))
    expr = _circular_exact(dv, sympy.pi * a)
    return build_result(name="statdim-circular", claim_id="const-statdim-circular", symbol=r"\delta(\mathrm{Circ}_d(\alpha))",
                        expr=expr, params=(("d", sympy.Integer(dv)), ("angle_over_pi", a)),
                        derivation="D (int_0^a sin^(D-2) + int_a^(a+pi/2) cos^2(t-a) sin^(D-2)) / "
                                   "(sqrt(pi) Gamma((D-1)/2)/Gamma(D/2)), integrated exactly by sympy",
                        source=Source(paper="ALMT", arxiv="1303.6672", location="circular cone (snow.m sdim_circ)",
                                      tag="READ-2ND", note="our derivation; matches McCoy's snow.m (READ (code))"),
                        dps=check_dps(dps))


def almt_window(eta=sympy.Rational(1, 100), *, dps: int = 50) -> ConstantResult:
    """:math:`a_\\eta=\\sqrt{8\\log(4/\\eta)}` of the approximate kinematic formula (ALMT Theorem I, MEM).

    Parameters
    ----------
    eta : exact rational in (0, 1), default 1/100
    dps : int, default 50
        (Registered as the constant ``almt-a-eta``.)

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        Floats or out-of-range ``eta``.

    Examples
    --------
    >>> almt_window(sympy.Rational(1, 100), dps=15).value_str
    '6.92327353040914'
    """
    e = check_exact("eta", eta, low=0, high=1)
    expr = sympy.sqrt(8 * sympy.log(4 / e))
    return build_result(name="almt-a-eta", claim_id="const-almt-window", symbol=r"a_\eta",
                        formula=sympy.sqrt(8 * sympy.log(4 / sympy.Symbol("eta", positive=True))), expr=expr,
                        params=(("eta", e),), derivation="a_eta = sqrt(8 log(4/eta)) (ALMT Theorem I as remembered)",
                        source=ALMT_THM1_SOURCE, dps=check_dps(dps))
