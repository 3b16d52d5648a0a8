"""The public coverage decision: float kernel first, exact rationals near ties, optional certificate.

:func:`decide_cover` is the one entry point (claims ``rss-gap-certificate``,
``rss-counting-bound``, ``rss-subset-sum-monotone``): it validates the instance,
runs the float kernel of :mod:`pybridge.rss.coverage` with its sound rounding
margin, falls back to the exact mode there, and builds a certificate with
:mod:`pybridge.rss.certificate` on request.  The dependency runs one way:
``decide -> certificate -> coverage``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.rss.certificate import build_certificate
from pybridge.rss.coverage import (
    MAX_INTERVALS,
    _decide_exact,
    covers_exact,
    covers_float_kernel,
    processing_order,
)
from pybridge.validation import (check_bool, check_exact_instance, check_interval, check_real, check_samples,
                                 check_sequence)

__all__ = ["CoverResult", "decide_cover", "covers"]


@dataclass(frozen=True)
class CoverResult:
    """Outcome of one coverage decision.

    Attributes
    ----------
    covered : bool
        Whether every z in [a, b] is within eps of a subset sum (exact answer).
    mode : str
        ``"exact"`` or ``"float"`` (the mode that produced the answer).
    fell_back : bool
        True when float mode met a near-tie and the exact mode decided.
    n, eps, a, b
        The instance (eps, a, b as given, converted to float for display).
    certificate : Certificate or None
        Witness subsets when requested and covered.
    """

    covered: bool
    mode: str
    fell_back: bool
    n: int
    eps: float
    a: float
    b: float
    certificate: object = None


def decide_cover(xs, eps, *, interval=(-1.0, 1.0), exact: bool = False, certificate: bool = False) -> CoverResult:
    """Decide whether every z in ``interval`` is within ``eps`` of a subset sum of ``xs``.

    Parameters
    ----------
    xs : array_like, shape (n,)
        Finite real samples (dimensionless).  ``n = 0`` is allowed (only the empty sum).
    eps : float or exact number
        Radius, > 0 and finite.
    interval : (a, b), default (-1, 1)
        Target interval with a < b.
    exact : bool, default False
        Decide with exact rationals (slow, provably right).  The default float mode
        returns the same answer (it falls back to exact arithmetic near ties).
    certificate : bool, default False
        When covered, attach witness subsets (:class:`pybridge.rss.certificate.Certificate`)
        whose exact sums, sorted, have gaps <= 2 eps and reach within eps of a and b.

    Returns
    -------
    CoverResult

    Raises
    ------
    InvalidArgument
        eps <= 0 or not finite, NaN/inf samples, a >= b.

    Notes
    -----
    Claims ``rss-gap-certificate`` (the criterion), ``rss-counting-bound``,
    ``rss-subset-sum-monotone``; source: theory §1.1, §5.3 L2–L5 (RECON) and tools §D.
    """
    exact = check_bool("exact", exact)
    certificate = check_bool("certificate", certificate)
    if not (isinstance(xs, np.ndarray) and xs.ndim == 1):
        xs = check_sequence("xs", xs)
    interval = _interval_pair(interval)
    if not exact and not _all_floats(xs, eps, interval):
        exact = True  # exact rationals (Fractions, sympy, Decimals, big ints) are never rounded to floats
    if exact:
        q, e, qa, qb = check_exact_instance(xs, eps, *interval)
        ok = _decide_exact(q, e, qa, qb)
        res = CoverResult(ok, "exact", False, len(q), _display(e), _display(qa), _display(qb))
    else:
        res, q = _float_decision(xs, eps, interval)
    if certificate and res.covered:
        cert = build_certificate(q, eps, interval[0], interval[1])
        res = CoverResult(res.covered, res.mode, res.fell_back, res.n, res.eps, res.a, res.b, cert)
    return res


def _float_decision(xs, eps, interval) -> tuple[CoverResult, list]:
    """The float kernel with its sound rounding margin, falling back to exact rationals near a tie.

    Over the interval cap it raises unless ties are possible (then the exact mode decides). Returns the
    result and the samples as a list (for the certificate).
    """
    arr = check_samples("xs", xs)
    e = check_real("eps", eps, min_value=0.0, min_open=True)
    a, b = check_interval(*interval)
    status, _ = covers_float_kernel(np.ascontiguousarray(arr[processing_order(arr)]), e, a, b)
    if status == -2 and not _ties_possible(arr, e):
        raise ResourceLimitError(
            f"coverage decision needs more than {MAX_INTERVALS:,} intervals (n={arr.size}, eps={e!r}); "
            "use a larger eps or fewer samples")
    if status < 0:
        ok = covers_exact(arr.tolist(), e, a, b)
        res = CoverResult(ok, "exact", True, arr.size, e, a, b)
    else:
        res = CoverResult(bool(status), "float", False, arr.size, e, a, b)
    return res, arr.tolist()


def _display(q) -> float:
    """Float for display only (±inf when the exact value is beyond the float range)."""
    try:
        return float(q)
    except OverflowError:
        return math.inf if q > 0 else -math.inf


def _interval_pair(interval):
    if isinstance(interval, (str, bytes, dict, set, frozenset)):
        raise InvalidType(f"interval must be a pair (a, b), got interval={interval!r:.80}")
    try:
        a, b = interval
    except (TypeError, ValueError):
        raise InvalidArgument(f"interval must be a pair (a, b), got interval={interval!r}") from None
    return a, b


def _is_float_like(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (float, np.floating)):
        return True
    if isinstance(v, (int, np.integer)):
        return abs(int(v)) <= 2**53
    return False


def _all_floats(xs, eps, interval) -> bool:
    """True when every input is a float (or an int that a float holds exactly)."""
    if isinstance(xs, np.ndarray) and xs.dtype.kind == "f":
        vals_ok = True
    else:
        vals_ok = all(_is_float_like(x) for x in xs)
    return vals_ok and _is_float_like(eps) and all(_is_float_like(v) for v in interval)


def _ties_possible(arr: np.ndarray, eps: float) -> bool:
    """Dyadic inputs with short mantissas can tie exactly (float kernel never merges a tie at the
    inner radius); exact mode merges them, so let it try before refusing."""
    vals = np.concatenate([arr, [eps]])
    m, _ = np.frexp(vals)
    return bool(np.all((m * 2.0**20) == np.round(m * 2.0**20)))


def covers(xs, eps, *, interval=(-1.0, 1.0), exact: bool = False) -> bool:
    """Shorthand for ``decide_cover(...).covered``."""
    return decide_cover(xs, eps, interval=interval, exact=exact).covered
