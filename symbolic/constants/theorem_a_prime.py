r"""Theorem A′ (neuron pruning with an output ReLU, model M1) [RECON, theory §3.10].

Our reconstruction (not a statement of arXiv 2603.02234): for :math:`\rho\in(0,2]`
with :math:`\sin(\rho/2)>\varepsilon`,

.. math:: \Pr[\exists S\ne\emptyset:\mathcal E(N_S)<\varepsilon]\le
          B(\rho)=\frac{2n\rho}{\pi}+\frac{n^2\rho}{\pi}+n\,\frac{5\pi\sqrt{\pi/2}\,\varepsilon}{\rho}.

theory §3.10 takes :math:`\rho=\pi\sqrt{5\sqrt{\pi/2}\,\varepsilon/n}` and gets
:math:`2\sqrt{5\sqrt{\pi/2}}\,(n^{3/2}+n^{1/2})\sqrt\varepsilon\approx5.0066(\dots)`.  The exact
minimiser is :math:`\rho^*=\pi\sqrt{5\sqrt{\pi/2}\,\varepsilon/(n+2)}`, giving the slightly
smaller :math:`2\sqrt{5\sqrt{\pi/2}}\;n\sqrt{n+2}\,\sqrt\varepsilon` with the same constant.
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from symbolic.core._validation import check_dps, check_exact, check_int
from symbolic.core.certify import certify_less
from symbolic.core.errors import InvalidArgument, PrunegapError
from symbolic.core.result import ConstantResult, build_result
from symbolic.core.sources import Source

__all__ = [
    "theorem_a_prime_bound",
    "theorem_a_prime_constant",
    "theorem_a_prime_formulas",
    "theorem_a_prime_rho",
]

n_sym, EPS, rho = sympy.symbols("n epsilon rho", positive=True)
#: Default accuracy of the example point.
DEFAULT_EPS = sympy.Rational(1, 10000)

SOURCE = Source(
    paper="GAP",
    arxiv="2603.02234",
    location="no statement read (only the v1-v3 abstracts); theory.md §3.10 Theorem A' (model M1)",
    tag="RECON",
    note="our reconstruction with a full proof in theory.md; not a statement of arXiv 2603.02234",
)


@lru_cache(maxsize=1)
def theorem_a_prime_formulas() -> dict[str, sympy.Expr | str]:
    """Derive the optimised Theorem A′ bound with sympy.

    Returns
    -------
    dict
        ``bound`` B(rho), ``rho_star`` (exact minimiser), ``min_bound`` B(rho_star),
        ``rho_theory`` and ``bound_theory`` (theory §3.10's choice), ``constant``
        :math:`2\\sqrt{5\\sqrt{\\pi/2}}`, and ``derivation`` (str).

    Raises
    ------
    PrunegapError
        If a symbolic identity fails (a bug).
    """
    a = 5 * sympy.pi * sympy.sqrt(sympy.pi / 2)
    bound = 2 * n_sym * rho / sympy.pi + n_sym**2 * rho / sympy.pi + n_sym * a * EPS / rho
    crit = [r for r in sympy.solve(sympy.diff(bound, rho), rho) if r.is_positive]
    if len(crit) != 1:
        raise PrunegapError(f"Theorem A': critical points {crit}")
    rho_star = sympy.simplify(crit[0])
    if not sympy.simplify(sympy.diff(bound, rho, 2)).is_positive:
        raise PrunegapError("Theorem A': B is not convex in rho")
    constant = 2 * sympy.sqrt(5 * sympy.sqrt(sympy.pi / 2))
    min_bound = constant * n_sym * sympy.sqrt(n_sym + 2) * sympy.sqrt(EPS)
    if sympy.simplify(bound.subs(rho, rho_star) - min_bound) != 0:
        raise PrunegapError("Theorem A': minimum value mismatch")
    rho_theory = sympy.pi * sympy.sqrt(5 * sympy.sqrt(sympy.pi / 2) * EPS / n_sym)
    bound_theory = constant * (n_sym ** sympy.Rational(3, 2) + sympy.sqrt(n_sym)) * sympy.sqrt(EPS)
    if sympy.simplify(bound.subs(rho, rho_theory) - bound_theory) != 0:
        raise PrunegapError("Theorem A': theory's rho does not give the stated bound")
    if sympy.simplify(rho_star - sympy.pi * sympy.sqrt(5 * sympy.sqrt(sympy.pi / 2) * EPS / (n_sym + 2))) != 0:
        raise PrunegapError(f"Theorem A': unexpected minimiser {rho_star}")
    derivation = (
        f"B(rho) = {bound}; B'' > 0 and B'(rho) = 0 at rho* = {rho_star}; B(rho*) = {min_bound}; "
        f"theory.md's rho = {rho_theory} gives {bound_theory} (>= B(rho*) since n(n+2) <= (n+1)^2); "
        f"constant 2*sqrt(5*sqrt(pi/2)) in both"
    )
    return {
        "bound": bound,
        "rho_star": rho_star,
        "min_bound": min_bound,
        "rho_theory": rho_theory,
        "bound_theory": bound_theory,
        "constant": constant,
        "derivation": derivation,
    }


def theorem_a_prime_constant(*, dps: int = 50) -> ConstantResult:
    r"""The optimised constant :math:`2\sqrt{5\sqrt{\pi/2}}\approx5.0066` of Theorem A′.

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is out of range.

    Notes
    -----
    Claim ``const-theorem-a-prime``; tag RECON (theory §3.10).

    Examples
    --------
    >>> theorem_a_prime_constant(dps=15).value_str
    '5.00662388704304'
    """
    f = theorem_a_prime_formulas()
    return build_result(name="theorem-a-prime", claim_id="const-theorem-a-prime",
                        symbol=r"2\sqrt{5\sqrt{\pi/2}}", expr=f["constant"], derivation=f["derivation"],
                        source=SOURCE, dps=check_dps(dps))


def _iv(n, eps):
    nv = check_int("n", n, min_value=1)
    e = check_exact("eps", eps, low=0, high=sympy.Rational(1, 2))
    return nv, e


def theorem_a_prime_rho(n=10, eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""The exact optimal window :math:`\rho^*=\pi\sqrt{5\sqrt{\pi/2}\,\varepsilon/(n+2)}` (radians), side conditions certified.

    Parameters
    ----------
    n : int, default 10
        Hidden neurons, ``n >= 1``.
    eps : exact rational, default 1/10000
        :math:`\varepsilon\in(0,\tfrac12)`.
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType
        For floats.
    InvalidArgument
        If out of range, or if :math:`\rho^*\le2` or :math:`\sin(\rho^*/2)>\varepsilon` fails
        (then Theorem A′ does not apply with :math:`\rho^*`).

    Notes
    -----
    Claim ``const-theorem-a-prime``; tag RECON (theory §3.10).

    Examples
    --------
    >>> theorem_a_prime_rho(10, sympy.Rational(1, 10000), dps=15).value_str
    '0.0227025280581963'
    """
    nv, e = _iv(n, eps)
    f = theorem_a_prime_formulas()
    value = f["rho_star"].subs({n_sym: nv, EPS: e})
    if certify_less(sympy.Integer(2), value):
        raise InvalidArgument(f"rho* = {value} exceeds 2 for n={nv}, eps={e}: Theorem A' does not apply")
    if not certify_less(e, sympy.sin(value / 2)):
        raise InvalidArgument(f"sin(rho*/2) <= eps for n={nv}, eps={e}: Theorem A' does not apply")
    return build_result(name="theorem-a-prime-rho", claim_id="const-theorem-a-prime", symbol=r"\rho^*",
                        formula=f["rho_star"], expr=value, params=(("n", sympy.Integer(nv)), ("eps", e)),
                        derivation=f["derivation"] + "; side conditions rho* <= 2 and sin(rho*/2) > eps certified",
                        source=SOURCE, dps=check_dps(dps))


def theorem_a_prime_bound(n=10, eps=DEFAULT_EPS, *, dps: int = 50) -> ConstantResult:
    r"""The optimised success-probability bound :math:`2\sqrt{5\sqrt{\pi/2}}\,n\sqrt{n+2}\sqrt\varepsilon` (a probability bound; may exceed 1).

    Parameters
    ----------
    n : int, default 10
    eps : exact rational, default 1/10000
    dps : int, default 50

    Returns
    -------
    ConstantResult

    Raises
    ------
    InvalidType, InvalidArgument
        As for :func:`theorem_a_prime_rho` (side conditions included).

    Notes
    -----
    Claim ``const-theorem-a-prime``; tag RECON (theory §3.10).

    Examples
    --------
    >>> theorem_a_prime_bound(10, sympy.Rational(1, 10000), dps=15).expr
    sqrt(15)*2**(3/4)*pi**(1/4)/5
    """
    rho_result = theorem_a_prime_rho(n, eps, dps=dps)
    nv, e = _iv(n, eps)
    f = theorem_a_prime_formulas()
    return build_result(name="theorem-a-prime-bound", claim_id="const-theorem-a-prime",
                        symbol=r"B(\rho^*)", formula=f["min_bound"], expr=f["min_bound"].subs({n_sym: nv, EPS: e}),
                        params=(("n", sympy.Integer(nv)), ("eps", e)), derivation=rho_result.derivation,
                        source=SOURCE, dps=check_dps(dps))
