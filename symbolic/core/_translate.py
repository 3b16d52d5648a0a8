"""Translate closed sympy expressions into mpmath numbers (private context) or arb balls.

Private module.  Both translators walk the expression tree themselves instead of
using ``lambdify`` or ``evalf``, so that (i) mpmath work happens in the caller's
private context and never touches the global ``mpmath.mp``, and (ii) every arb
operation is a rigorous ball operation.  Only the node types that ``symbolic``'s
constants use are supported; anything else raises :class:`InvalidArgument`.
"""

from __future__ import annotations

import sympy
from flint import arb, fmpq, fmpz

from symbolic.core.errors import InvalidArgument, InvalidType

__all__ = ["check_closed", "to_arb", "to_mpmath"]


def check_closed(expr, *, name: str = "expr") -> sympy.Expr:
    """Return ``sympify(expr)`` after checking it is exact, real-valued and has no free symbols."""
    if isinstance(expr, float):
        raise InvalidType(f"{name} must be exact, got the float {expr!r}; pass sympy.Rational instead")
    try:
        expr = sympy.sympify(expr, strict=True)
    except (sympy.SympifyError, TypeError) as exc:
        raise InvalidType(f"{name} must be a sympy expression, got {name}={expr!r:.80}") from exc
    except (ValueError, ArithmeticError, RecursionError) as exc:  # sympify of e.g. "1/0" or a huge string
        raise InvalidArgument(f"{name} is not a valid exact expression, got {name}={expr!r:.80}") from exc
    if not isinstance(expr, sympy.Expr) or isinstance(expr, sympy.logic.boolalg.Boolean):
        raise InvalidType(f"{name} must be a sympy expression (a number), got {name}={expr!r:.80} "
                          f"(type={type(expr).__name__})")
    if expr.atoms(sympy.Float):
        raise InvalidType(
            f"{name} contains floats {sorted(map(str, expr.atoms(sympy.Float)))}; use sympy.Rational"
        )
    if expr.free_symbols:
        raise InvalidArgument(f"{name} has free symbols {sorted(map(str, expr.free_symbols))}; substitute them")
    return expr


def _unsupported(expr):
    return InvalidArgument(f"cannot evaluate node {type(expr).__name__} in {expr}")


# --------------------------------------------------------------------------- arb


def _arb_pow(base: arb, exponent: sympy.Expr) -> arb:
    if exponent.is_Integer:
        e = int(exponent)
        return base**e if e >= 0 else 1 / base ** (-e)
    if exponent.is_Rational:
        p, q = int(exponent.p), int(exponent.q)
        if q == 2 and p == 1:
            return base.sqrt()
        if q == 2 and p == -1:
            return base.rsqrt()
        r = base.root(q)
        return r**p if p >= 0 else 1 / r ** (-p)
    return (to_arb(exponent) * base.log()).exp()


_ARB_FUNCS = {
    sympy.exp: lambda a: a.exp(),
    sympy.log: lambda a: a.log(),
    sympy.atan: lambda a: a.atan(),
    sympy.asin: lambda a: a.asin(),
    sympy.acos: lambda a: a.acos(),
    sympy.sin: lambda a: a.sin(),
    sympy.cos: lambda a: a.cos(),
    sympy.tan: lambda a: a.tan(),
    sympy.sinh: lambda a: a.sinh(),
    sympy.cosh: lambda a: a.cosh(),
    sympy.tanh: lambda a: a.tanh(),
    sympy.atanh: lambda a: a.atanh(),
    sympy.erf: lambda a: a.erf(),
    sympy.erfc: lambda a: a.erfc(),
    sympy.gamma: lambda a: a.gamma(),
    sympy.loggamma: lambda a: a.lgamma(),
    sympy.Abs: lambda a: abs(a),
}

_ARB_CONSTS = {
    sympy.pi: arb.pi,
    sympy.E: arb.const_e,
    sympy.EulerGamma: arb.const_euler,
    sympy.Catalan: arb.const_catalan,
}


def to_arb(expr: sympy.Expr) -> arb:
    """Rigorous arb ball for a closed sympy expression at the current ``flint.ctx.prec``.

    The caller sets the precision (``symbolic.core.context.arb_prec``).
    """
    if expr.is_Integer:
        return arb(fmpz(int(expr)))
    if expr.is_Rational:
        return arb(fmpq(int(expr.p), int(expr.q)))
    if expr in _ARB_CONSTS:
        return _ARB_CONSTS[expr]()
    if expr.is_Add:
        total = arb(0)
        for term in expr.args:
            total += to_arb(term)
        return total
    if expr.is_Mul:
        prod = arb(1)
        for factor in expr.args:
            prod *= to_arb(factor)
        return prod
    if expr.is_Pow:
        return _arb_pow(to_arb(expr.base), expr.exp)
    if expr.func in _ARB_FUNCS:
        return _ARB_FUNCS[expr.func](to_arb(expr.args[0]))
    if expr.func is sympy.besselk:
        return to_arb(expr.args[1]).bessel_k(to_arb(expr.args[0]))
    if expr.func in (sympy.Max, sympy.Min):
        vals = [to_arb(a) for a in expr.args]
        out = vals[0]
        for v in vals[1:]:
            out = out.max(v) if expr.func is sympy.Max else out.min(v)
        return out
    raise _unsupported(expr)


# ------------------------------------------------------------------------ mpmath

_MP_FUNCS = {
    sympy.exp: "exp",
    sympy.log: "ln",
    sympy.atan: "atan",
    sympy.asin: "asin",
    sympy.acos: "acos",
    sympy.sin: "sin",
    sympy.cos: "cos",
    sympy.tan: "tan",
    sympy.sinh: "sinh",
    sympy.cosh: "cosh",
    sympy.tanh: "tanh",
    sympy.atanh: "atanh",
    sympy.erf: "erf",
    sympy.erfc: "erfc",
    sympy.gamma: "gamma",
    sympy.loggamma: "loggamma",
    sympy.Abs: "fabs",
}

_MP_CONSTS = {sympy.pi: "pi", sympy.E: "e", sympy.EulerGamma: "euler", sympy.Catalan: "catalan"}


def to_mpmath(expr: sympy.Expr, ctx):
    """mpmath number for a closed sympy expression, computed in the private context ``ctx``."""
    if expr.is_Integer:
        return ctx.mpf(int(expr))
    if expr.is_Rational:
        return ctx.mpf(int(expr.p)) / int(expr.q)
    if expr in _MP_CONSTS:
        return +getattr(ctx, _MP_CONSTS[expr])
    if expr.is_Add:
        return ctx.fsum(to_mpmath(t, ctx) for t in expr.args)
    if expr.is_Mul:
        return ctx.fprod(to_mpmath(f, ctx) for f in expr.args)
    if expr.is_Pow:
        base = to_mpmath(expr.base, ctx)
        e = expr.exp
        if e.is_Integer:
            return base ** int(e)
        if e == sympy.S.Half:
            return ctx.sqrt(base)
        if e.is_Rational:
            return ctx.root(base, int(e.q)) ** int(e.p)
        return ctx.power(base, to_mpmath(e, ctx))
    if expr.func in _MP_FUNCS:
        return getattr(ctx, _MP_FUNCS[expr.func])(to_mpmath(expr.args[0], ctx))
    if expr.func is sympy.besselk:
        return ctx.besselk(to_mpmath(expr.args[0], ctx), to_mpmath(expr.args[1], ctx))
    if expr.func in (sympy.Max, sympy.Min):
        vals = [to_mpmath(a, ctx) for a in expr.args]
        return max(vals) if expr.func is sympy.Max else min(vals)
    raise _unsupported(expr)
