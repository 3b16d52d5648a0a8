"""Precision contexts: private mpmath contexts and a scoped python-flint precision.

Rules (house style §2.5):

* mpmath work always happens in a *private* :class:`mpmath.MPContext`, at
  ``dps + GUARD_DIGITS`` inside ``ctx.workdps``, and results are rounded back to
  ``dps`` with unary ``+``.  The global ``mpmath.mp`` is never written.
* python-flint keeps its working precision in the process-global ``flint.ctx.prec``.
  :func:`arb_prec` is the only place in ``symbolic`` that changes it, and it always
  restores the previous value (``try``/``finally``).  It is therefore not
  thread-safe; ``symbolic`` is single-threaded.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import flint
import mpmath

from symbolic.core._validation import MAX_DPS, MIN_DPS, check_dps, check_int

__all__ = [
    "GUARD_DIGITS",
    "MAX_CERTIFY_DPS",
    "MAX_DPS",
    "MIN_DPS",
    "arb_prec",
    "dps_to_bits",
    "escalating_dps",
    "new_context",
]

#: Extra decimal digits used internally before rounding back to the requested ``dps``.
GUARD_DIGITS = 15
#: Precision ceiling (decimal digits) of certification escalation loops.
MAX_CERTIFY_DPS = 4 * MAX_DPS


def dps_to_bits(dps: int) -> int:
    """Bits needed to hold ``dps`` decimal digits: ``ceil(dps * log2(10)) + 1``.

    Parameters
    ----------
    dps : int
        Decimal digits (not validated: internal use, may exceed ``MAX_DPS``).

    Returns
    -------
    int
        Binary precision in bits.
    """
    return math.ceil(dps * math.log2(10)) + 1


def escalating_dps(start: int, max_dps: int):
    """Working precisions of a certification loop: ``start``, doubled each time, capped at ``max_dps``.

    Parameters
    ----------
    start, max_dps : int
        First and last working precision (decimal digits; not validated: internal use).

    Yields
    ------
    int
        ``start, 2 start, 4 start, ...`` while below ``max_dps``, then ``max_dps`` once (only
        ``start`` when ``start >= max_dps``).  The caller tries each and raises after the last.

    Examples
    --------
    >>> list(escalating_dps(30, 200))
    [30, 60, 120, 200]
    """
    work = start
    while True:
        yield work
        if work >= max_dps:
            return
        work = min(2 * work, max_dps)


def new_context(dps: int) -> mpmath.ctx_mp.MPContext:
    """A fresh private mpmath context whose ``dps`` is ``dps``.

    Parameters
    ----------
    dps : int
        Decimal digits, in ``[MIN_DPS, MAX_DPS]``.

    Returns
    -------
    mpmath.ctx_mp.MPContext
        A new context, independent of the global ``mpmath.mp``.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``dps`` is not an integer in range.

    Examples
    --------
    >>> ctx = new_context(30)
    >>> ctx.dps
    30
    >>> import mpmath; mpmath.mp.dps
    15
    """
    dps = check_dps(dps)
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


@contextmanager
def arb_prec(bits: int):
    """Temporarily set python-flint's working precision to ``bits``; always restore it.

    Parameters
    ----------
    bits : int
        Binary precision, at least 16.

    Raises
    ------
    InvalidType, InvalidArgument
        If ``bits`` is not an integer >= 16.

    Examples
    --------
    >>> import flint
    >>> before = flint.ctx.prec
    >>> with arb_prec(200):
    ...     flint.ctx.prec
    200
    >>> flint.ctx.prec == before
    True
    """
    bits = check_int("bits", bits, min_value=16)
    old = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        yield bits
    finally:
        flint.ctx.prec = old
