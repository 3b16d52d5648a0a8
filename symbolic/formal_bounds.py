"""Certified rational enclosures of the constants, for export to the formal layer (Coq, Lean).

A later issue writes these into ``coq/`` and ``lean/``; this module only produces
them.  Each enclosure comes from arb ball arithmetic and is rounded *outward* onto a
decimal grid of ``digits`` significant digits, so denominators stay modest
(a power of ten over a small factor).
"""

from __future__ import annotations

from fractions import Fraction

from symbolic.core._validation import check_int
from symbolic.registry import CONSTANT_NAMES, evaluate, evaluate_all

__all__ = ["export_records", "rational_bounds_for_export"]


def rational_bounds_for_export(*, digits: int = 30, names=None) -> dict[str, tuple[Fraction, Fraction]]:
    """Certified ``(lo, hi)`` with ``lo <= constant <= hi`` for each named constant at its default parameters.

    Parameters
    ----------
    digits : int, default 30
        Significant decimal digits of the outward-rounded endpoints, in ``[15, 200]``.
    names : iterable of str, optional
        Subset of ``symbolic.CONSTANT_NAMES`` (all by default).

    Returns
    -------
    dict
        ``name -> (lo, hi)`` as :class:`fractions.Fraction`.

    Raises
    ------
    InvalidType, InvalidArgument
        For bad ``digits`` or unknown names.

    Notes
    -----
    Claim ids: ``symbolic.CLAIM_IDS``.  Status: not yet formalized (a later issue
    emits these as ``(p : Rat) / q`` in Coq and Lean).

    Examples
    --------
    >>> lo, hi = rational_bounds_for_export(digits=20, names=["pensia-uniform-weight"])["pensia-uniform-weight"]
    >>> lo < hi and hi - lo < Fraction(1, 10**19)
    True
    """
    digits = check_int("digits", digits, min_value=15, max_value=200)
    return {r.name: (r.certified.lo, r.certified.hi) for r in evaluate_all(dps=digits, names=names)}


def export_records(*, digits: int = 30, names=None) -> list[dict]:
    """JSON-safe export records: name, claim id, tag, exact form and ``"p/q"`` endpoints.

    Parameters
    ----------
    digits : int, default 30
    names : iterable of str, optional

    Returns
    -------
    list of dict

    Raises
    ------
    InvalidType, InvalidArgument
        For bad ``digits`` or unknown names.

    Notes
    -----
    Claim ids as in ``symbolic.CLAIM_IDS``; endpoints as in :func:`rational_bounds_for_export`.

    Examples
    --------
    >>> export_records(digits=15, names=["irwin-hall-cu"])[0]["exact"]
    'sqrt(2)/2'
    """
    digits = check_int("digits", digits, min_value=15, max_value=200)
    out = []
    for name in CONSTANT_NAMES if names is None else names:
        r = evaluate(name, dps=digits)
        lo, hi = r.certified.to_strings()
        out.append({"name": r.name, "claim_id": r.claim_id, "tag": r.tag, "exact": str(r.expr),
                    "params": {k: str(v) for k, v in r.params}, "lo": lo, "hi": hi})
    return out
