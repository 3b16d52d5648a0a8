"""Independent evaluations of every constant (a different formula, a quadrature, or a series).

Each function recomputes a constant by a route that shares no code with its exact
form: mpmath quadrature of a defining integral, a numerical root or minimiser, a
different closed form, or a differently arranged sum.  All work happens in a
private mpmath context at ``dps + CROSSCHECK_GUARD`` digits and is rounded back to
``dps``.  Agreement with :func:`symbolic.evaluate` to ``dps`` digits is what the
tests and the golden file check.
"""

from __future__ import annotations

import math

import sympy

from symbolic.core._validation import check_dps
from symbolic.core.context import new_context
from symbolic.core.errors import InvalidArgument

__all__ = ["CROSSCHECKS", "CROSSCHECK_METHODS", "crosscheck"]

#: Extra digits for quadratures and root finding.
CROSSCHECK_GUARD = 20
_EPS, _HALF, _EPS_A_PRIME = sympy.Rational(1, 100), sympy.Rational(1, 2), sympy.Rational(1, 10000)


def _q(ctx, r):
    r = sympy.Rational(r)
    return ctx.mpf(int(r.p)) / int(r.q)


def _ih_density(ctx, k: int, y):
    """Density of a sum of k Unif[-1,1] via the *symmetric* Irwin-Hall formula
    (1/(2(k-1)!)) sum_{j=0}^{k} (-1)^j C(k,j) (x-j)^{k-1} sgn(x-j), x = (y+k)/2, sgn(0) := -1."""
    x = (abs(y) + k) / 2
    total = ctx.mpf(0)
    for j in range(k + 1):
        d = x - j
        s = 1 if d > 0 else -1
        total += (-1) ** j * math.comb(k, j) * d ** (k - 1) * s
    return total / (2 * math.factorial(k - 1)) / 2


def _lueker_kappa(ctx, C=1):
    c = _q(ctx, C)
    roots = ctx.polyroots([1, -4 * (c + 2), 4 * c * c], extraprec=ctx.prec)
    return max(ctx.re(r) for r in roots)


def _lueker_c_from_kappa(ctx, kappa):
    k = _q(ctx, kappa)
    return ctx.findroot(lambda c: 2 * c + 4 + 4 * ctx.sqrt(c + 1) - k, k / 2)


def _xy_weight(ctx):
    # f_XY(1/2) = int_0^1 f_X(x) f_Y(z/x)/x dx with f_Y(z/x) = 1/2 iff x >= z.
    return ctx.quad(lambda x: 1 / (2 * x), [ctx.mpf(1) / 2, 1])


def _gauss_weight(ctx):
    z = ctx.mpf(1) / 2
    return ctx.quad(lambda x: ctx.exp(-x**2 / 2 - z**2 / (2 * x**2)) / x, [0, 1, ctx.inf]) / ctx.pi


def _gauss_normaliser(ctx):
    """int_R exp(-x^2/2) dx by quadrature (= sqrt(2 pi), not used in closed form)."""
    return ctx.quad(lambda x: ctx.exp(-x**2 / 2), [-ctx.inf, 0, ctx.inf])


def _exp_series(ctx, x):
    """exp(x) as the partial sum of its Taylor series (terms until below the working precision)."""
    total, term, j = ctx.mpf(0), ctx.mpf(1), 0
    while j < 4 or abs(term) > ctx.eps * abs(total) / 8:
        total += term
        j += 1
        term = term * x / j
    return total


def _cl(ctx):
    # series for exp(-3/2), quadrature for sqrt(2 pi): neither evaluates the closed form sqrt(6) e^{-3/2}/(2 sqrt pi)
    return ctx.sqrt(3) * _exp_series(ctx, ctx.mpf(-3) / 2) / _gauss_normaliser(ctx)


def _cl_term(ctx, k=120):
    k = int(k)
    with ctx.extradps(2 * k):
        rk = ctx.sqrt(k)
        return rk * _ih_density(ctx, k, rk)


def _edgeworth(ctx):
    m2 = ctx.quad(lambda x: x**2 / 2, [-1, 1])
    m4 = ctx.quad(lambda x: x**4 / 2, [-1, 1])
    kappa4 = m4 / m2**2 - 3
    he4 = lambda t: t**4 - 6 * t**2 + 3
    return kappa4 * he4(ctx.sqrt(3)) / 24


def _cu(ctx):
    with ctx.extradps(10):
        return max(ctx.sqrt(k) * _ih_density(ctx, k, 0) for k in range(1, 8))


def _cu_limit(ctx):
    return ctx.sqrt(3) / _gauss_normaliser(ctx)


def _phi_diff(ctx):
    return ctx.quad(ctx.npdf, [ctx.sqrt(3), 2 * ctx.sqrt(3)])


def _c18(ctx):
    return _phi_diff(ctx) - 2 * ctx.sqrt(3) / (20 * ctx.sqrt(18))


def _allasia_ratio(ctx):
    return _cl(ctx) / _c18(ctx)


def _pl_min(ctx):
    with ctx.extradps(40):
        a, b = ctx.sqrt(18), 2 * ctx.sqrt(18)
        return ctx.quad(lambda y: _ih_density(ctx, 18, y), [a, 6, 8, b])


def _atan_quad(ctx, upper):
    return ctx.quad(lambda t: 1 / (1 + t**2), [0, upper])


def _eta(ctx, eps=_EPS):
    return 2 * _atan_quad(ctx, 2 * _q(ctx, eps))


def _q_eps(ctx, eps=_EPS):
    return 4 * _atan_quad(ctx, 2 * _q(ctx, eps)) / ctx.pi


def _n_half(ctx, eps=_EPS, p=_HALF):
    q = _q_eps(ctx, eps)
    neg_log = lambda u: ctx.quad(lambda t: 1 / (1 - t), [0, u])
    return neg_log(_q(ctx, p)) / neg_log(q)


def _n_half_asymptote(ctx):
    # Serret's integral: int_0^1 ln(1+x)/(1+x^2) dx = pi ln2 / 8.
    return ctx.quad(lambda x: ctx.log1p(x) / (1 + x**2), [0, 1])


def _expected_eta_min(ctx, n=10):
    n = int(n)
    return ctx.quad(lambda t: (1 - 2 * t / ctx.pi) ** n, [0, ctx.pi / 2])


def _line_q_gauss(ctx, eps=_EPS):
    e = _q(ctx, eps)
    s0, delta = ctx.sqrt(1 - 16 * e**2), 4 * e
    return ctx.quad(lambda t: s0 / (ctx.pi * (s0**2 + t**2)), [-delta, 0, delta])


def _line_q_uniform(ctx, eps=_EPS):
    e = _q(ctx, eps)
    slope = 4 * e / ctx.sqrt(1 - 16 * e**2)  # Pr(|u2| < slope |u1|) = E min(1, slope |u1|)
    return ctx.quad(lambda x: min(1, slope * abs(x)) / 2, [-1, 0, 1])


def _binom_lower(ctx):
    n, k = 2, 1
    ent = ctx.mpf(n) ** n / (ctx.mpf(k) ** k * ctx.mpf(n - k) ** (n - k))
    return ent / (ctx.binomial(n, k) * ctx.sqrt(ctx.mpf(k * (n - k)) / n))


def _binom_upper(ctx):
    return 1 / _gauss_normaliser(ctx)


def _thm5_min_n(ctx, d=2, k=4, eps=_EPS):
    d, k = int(d), int(k)
    need = ctx.mpf(d * d) / 2 * ctx.log(k / _q(ctx, eps), 2)
    lam = 1 - 1 / (2 * ctx.pi)
    for n in range(k + 1, k + 10**6):
        p = ctx.mpf(k) / n
        h2 = -p * ctx.log(p, 2) - (1 - p) * ctx.log(1 - p, 2)
        if lam * n >= k and n * h2 >= need:
            return ctx.mpf(n)
    raise InvalidArgument("crosscheck scan for Theorem 5 exceeded 10**6 steps")


def _a_prime(ctx):
    b = 5 * ctx.sqrt(ctx.pi / 2)
    x0 = ctx.findroot(lambda x: 1 - b / x**2, 1)  # minimiser of x + b/x
    return x0 + b / x0


def _a_prime_bound_fn(ctx, n, eps):
    n, e = ctx.mpf(int(n)), _q(ctx, eps)
    return lambda r: 2 * n * r / ctx.pi + n**2 * r / ctx.pi + n * 5 * ctx.pi * ctx.sqrt(ctx.pi / 2) * e / r


def _a_prime_rho(ctx, n=10, eps=_EPS_A_PRIME):
    bound = _a_prime_bound_fn(ctx, n, eps)
    scale = int(n) * (int(n) + 2) / ctx.pi  # B' is of this size; normalise for findroot's tolerance
    # Ridders' bracketing method on B'(rho): negative near 0, positive at rho = 2.
    return ctx.findroot(lambda r: ctx.diff(bound, r) / scale, (ctx.mpf(10) ** -8, 2), solver="ridder")


def _a_prime_bound(ctx, n=10, eps=_EPS_A_PRIME):
    return _a_prime_bound_fn(ctx, n, eps)(_a_prime_rho(ctx, n, eps))


def _almt_window(ctx, eta=sympy.Rational(1, 100)):
    e = _q(ctx, eta)
    return ctx.findroot(lambda a: a * a / 8 - ctx.log(4) + ctx.log(e), 7)


def _statdim_circular(ctx, d=5, angle_over_pi=sympy.Rational(1, 6)):
    d, a = int(d), ctx.pi * _q(ctx, angle_over_pi)
    half = ctx.quad(lambda t: ctx.sin(t) ** (d - 2), [0, a])
    rest = ctx.quad(lambda t: ctx.cos(t - a) ** 2 * ctx.sin(t) ** (d - 2), [a, a + ctx.pi / 2])
    return d * (half + rest) / ctx.quad(lambda t: ctx.sin(t) ** (d - 2), [0, ctx.pi])


#: name -> (function(ctx, **params), description of the independent route)
CROSSCHECKS = {
    "lueker-kappa": (_lueker_kappa, "larger root of the quadratic by mpmath.polyroots"),
    "lueker-c-from-kappa": (lambda ctx, kappa=18: _lueker_c_from_kappa(ctx, kappa), "findroot of kappa*(C) = kappa"),
    "xy-uniform-weight": (_xy_weight, "quadrature of the product-density integral at z = 1/2"),
    "pensia-uniform-weight": (lambda ctx: _xy_weight(ctx) / 2, "half the quadrature above"),
    "gauss-product-weight": (_gauss_weight, "quadrature of int 2 phi(x) phi(z/x)/x dx at z = 1/2"),
    "gauss-mixture-weight": (lambda ctx: _gauss_weight(ctx) / 2, "half the quadrature above"),
    "irwin-hall-cl": (_cl, "series and quadrature: sqrt(3) times the Taylor series of exp(-3/2) over the "
                           "quadrature of int exp(-x^2/2) dx"),
    "irwin-hall-cl-term": (_cl_term, "symmetric Irwin-Hall formula with sgn(x-j), high-precision floats"),
    "irwin-hall-edgeworth": (_edgeworth, "moments by quadrature, kappa4 * He4(sqrt 3) / 24"),
    "irwin-hall-cu": (_cu, "max over k <= 7 of sqrt(k) f_k(0), symmetric Irwin-Hall formula"),
    "irwin-hall-cu-limit": (_cu_limit, "quadrature: sqrt(3) over the quadrature of int exp(-x^2/2) dx"),
    "allasia-c18": (_c18, "quadrature of the normal density on [sqrt 3, 2 sqrt 3] minus the Allasia loss"),
    "allasia-ratio": (_allasia_ratio, "ratio of the two independent evaluations"),
    "irwin-hall-pl-min": (_pl_min, "quadrature of the Irwin-Hall density f_18 over [sqrt 18, 2 sqrt 18]"),
    "irwin-hall-pl-limit": (_phi_diff, "quadrature of the normal density on [sqrt 3, 2 sqrt 3]"),
    "eta-eps": (_eta, "2 * quadrature of 1/(1+t^2) on [0, 2 eps]"),
    "q-eps": (_q_eps, "(4/pi) * quadrature of 1/(1+t^2)"),
    "n-half": (_n_half, "-ln(1-u) as quadratures of 1/(1-t)"),
    "n-half-asymptote": (_n_half_asymptote, "Serret's integral int_0^1 ln(1+x)/(1+x^2) dx"),
    "expected-eta-min": (_expected_eta_min, "quadrature of (1 - 2t/pi)^n on [0, pi/2]"),
    "line-q-gauss": (_line_q_gauss, "quadrature of the Cauchy(0, s0) density on [-delta, delta]"),
    "line-q-uniform": (_line_q_uniform, "quadrature of E min(1, (delta/s0)|u1|)"),
    "rfss-binomial-entropy-lower": (_binom_lower, "the best constant at (n, k) = (2, 1) in mpmath"),
    "rfss-binomial-entropy-upper": (_binom_upper, "quadrature: 1 over the quadrature of int exp(-x^2/2) dx"),
    "rfss-thm5-min-n": (_thm5_min_n, "linear scan over n in mpmath"),
    "theorem-a-prime": (_a_prime, "findroot minimiser of x + 5 sqrt(pi/2)/x"),
    "theorem-a-prime-rho": (_a_prime_rho, "Ridders root of the numerical derivative of B(rho)"),
    "theorem-a-prime-bound": (_a_prime_bound, "B at the numerical minimiser"),
    "almt-a-eta": (_almt_window, "findroot of a^2/8 = log(4/eta)"),
    "statdim-circular": (_statdim_circular, "mpmath quadrature of the three integrals (normaliser included)"),
}

#: name -> description of the independent route.
CROSSCHECK_METHODS = {name: desc for name, (_, desc) in CROSSCHECKS.items()}


def crosscheck(name: str, *, dps: int = 50, **params):
    """Independent evaluation of constant ``name`` at ``dps`` digits.

    Parameters
    ----------
    name : str
        A key of :data:`CROSSCHECKS` (the same names as ``symbolic.CONSTANT_NAMES``).
    dps : int, default 50
    **params
        Exact parameters (same names and defaults as ``symbolic.evaluate``).

    Returns
    -------
    mpmath.mpf
        The value in a private context, rounded to ``dps`` digits.

    Raises
    ------
    InvalidArgument
        For unknown names or out-of-range ``dps``.

    Notes
    -----
    Not certified; it exists to catch errors in exact forms.  Source: theory §5.2.

    Examples
    --------
    >>> str(crosscheck("n-half-asymptote", dps=20))
    '0.27219826128795026631'
    """
    if name not in CROSSCHECKS:
        raise InvalidArgument(f"name must be one of {sorted(CROSSCHECKS)}, got name={name!r}")
    dps = check_dps(dps)
    ctx = new_context(dps)
    fn, _ = CROSSCHECKS[name]
    with ctx.workdps(dps + CROSSCHECK_GUARD):
        value = fn(ctx, **params)
    return +value
