"""Numeric evaluation of exact constants with mpmath in an explicit, private context.

Layer two of "exact, then numeric, then certified".  The value is computed at
``dps + GUARD_DIGITS`` and again with twice the guard; if the two agree to ``dps``
digits it is rounded back to ``dps``, otherwise the guard is doubled (mpmath's
``hypsum`` pattern).  The global ``mpmath.mp`` is never written.
"""

from __future__ import annotations

from symbolic.core._translate import check_closed, to_mpmath
from symbolic.core._validation import check_dps
from symbolic.core.context import GUARD_DIGITS, MAX_CERTIFY_DPS, new_context
from symbolic.core.errors import PrecisionExhaustedError

__all__ = ["evaluate_expr", "mpf_to_str"]


def evaluate_expr(expr, *, dps: int = 50):
    """Value of a closed exact sympy expression to ``dps`` significant digits.

    Parameters
    ----------
    expr : sympy.Expr
        Closed (no free symbols), exact (no ``Float``) real expression.
    dps : int, default 50
        Decimal digits of the result, in ``[15, 10000]``.

    Returns
    -------
    mpmath.mpf
        The value, rounded to ``dps`` digits, belonging to a private context whose
        ``dps`` is ``dps`` (so ``str`` shows ``dps`` digits).  Not certified: use
        :func:`symbolic.core.certify.certify_expr` for a rigorous enclosure.

    Raises
    ------
    InvalidType
        If ``expr`` contains floats, or ``dps`` is not an int.
    InvalidArgument
        If ``expr`` has free symbols or unsupported functions, or ``dps`` is out of range.
    PrecisionExhaustedError
        If two evaluations with different guard digits never agree (severe cancellation).

    Notes
    -----
    Source: house style §2.5 (precision rules); no paper claim.

    Examples
    --------
    >>> import sympy
    >>> str(evaluate_expr(sympy.log(2) / 2, dps=20))
    '0.34657359027997265471'
    """
    dps = check_dps(dps)
    expr = check_closed(expr)
    ctx = new_context(dps)
    guard = GUARD_DIGITS
    while dps + 2 * guard <= MAX_CERTIFY_DPS:
        with ctx.workdps(dps + guard):
            first = to_mpmath(expr, ctx)
        with ctx.workdps(dps + 2 * guard):
            second = to_mpmath(expr, ctx)
            scale = max(abs(second), ctx.mpf(10) ** (-dps - guard))
            agree = abs(first - second) <= scale * ctx.mpf(10) ** (-dps - 2)
        if agree:
            return +second
        guard *= 2
    raise PrecisionExhaustedError(f"evaluation of {expr} did not stabilise below dps={MAX_CERTIFY_DPS}")


def mpf_to_str(value, dps: int) -> str:
    """Decimal string of an mpmath number with ``dps`` significant digits (no padding tricks)."""
    return value.context.nstr(value, dps, strip_zeros=False)
