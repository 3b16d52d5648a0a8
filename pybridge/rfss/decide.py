r"""Exact decisions of the fixed-size subset-sum events (RFSS, theory §2).

* :func:`decide_fixed_cover` — the coverage event of RFSS Corollary 1: **every**
  :math:`z \in [a, b]` has a subset :math:`S` with :math:`|S| = k` and
  :math:`|\Sigma_S - z| \le \varepsilon` (closed inequality, as the RSS engine; default
  :math:`[a, b] = [-\sqrt k, \sqrt k]` with exact irrational ends).  Corollary 1 states the
  strict inequality; the two events differ only on a null set for continuous laws, and the
  closed one is the one whose gap criterion (claim ``rss-gap-certificate``) gives certificates.
* :func:`hits_target` — the single-target event of RFSS Theorem 2:
  :math:`\exists S, |S| = k: |\Sigma_S - z| < \varepsilon` (**strict**, as the paper states it).

Modes (as :func:`pybridge.coverage.decide_cover`): ``exact=True`` runs the recursion on
exact integers (:mod:`pybridge.rfss.exact`); the default float mode runs the compiled kernel
(:func:`pybridge.kernels.interval_union.fixed_kernel`; recursion, windows, exits and margins in
:mod:`pybridge.rfss.exact`) with a sound rounding margin and falls back to exact mode on a
near-tie, so both modes always return the same answer (property-tested, dyadic ties included).
Source: Natale et al., NeurIPS 2024, arXiv 2410.14754 (READ, theory §2); algorithm issue 13 §1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.validation import (check_bool, check_exact, check_exact_instance, check_int, check_real, check_samples,
                                 check_sequence)
from pybridge.rss import scaled_integers
from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.rfss.exact import fixed_cover_int
from pybridge.kernels.interval_union import MAX_INTERVALS, fixed_kernel
from pybridge.rfss.target import Target, point_target, rational_target, sqrt_target

__all__ = ["FixedCoverResult", "decide_fixed_cover", "fixed_covers", "hits_target", "fixed_decide_float",
           "as_target"]

_U52 = 2.0**-52
#: precision (bits) of the first rational enclosure of an irrational target end; doubled until decided
_FIRST_BITS = 64
_MAX_BITS = 1 << 14


@dataclass(frozen=True)
class FixedCoverResult:
    """Outcome of one fixed-size decision.

    Attributes
    ----------
    covered : bool
        The exact answer.
    mode : str
        ``"exact"`` or ``"float"``.
    fell_back : bool
        Float mode met a near-tie and exact mode decided.
    n, k : int
    eps : float
    target : str
        The target interval, exactly (e.g. ``[-sqrt(3), sqrt(3)]``).
    certificate : FixedSizeCertificate or None
    """

    covered: bool
    mode: str
    fell_back: bool
    n: int
    k: int
    eps: float
    target: str
    certificate: object = None


def processing_order(xs: np.ndarray) -> np.ndarray:
    """Indices by increasing |x| (stable), as the RSS engine; the answer does not depend on the order."""
    return np.argsort(np.abs(xs), kind="stable")


def as_target(k: int, interval=None) -> Target:
    """``interval=None`` -> :math:`[-\\sqrt k, \\sqrt k]`; a :class:`Target` as is; else a pair ``(a, b)``."""
    if interval is None:
        return sqrt_target(k)
    if isinstance(interval, Target):
        return interval
    try:
        a, b = interval
    except (TypeError, ValueError):
        raise InvalidArgument(f"interval must be a pair (a, b), got interval={interval!r}") from None
    return rational_target(a, b)


def _exact_decision(q: list, k: int, e: Fraction, target: Target, *, strict: bool = False) -> bool:
    bits = _FIRST_BITS
    while bits <= _MAX_BITS:
        a_lo, a_hi, b_lo, b_hi = target.enclose(bits)
        ints, _ = scaled_integers(q + [e, a_lo, a_hi, b_lo, b_hi])
        X = ints[: len(q)]
        E, A_out, A_in, B_in, B_out = ints[-5], ints[-4], ints[-3], ints[-2], ints[-1]
        if strict:
            E -= 1  # integers: |D| < E  <=>  |D| <= E - 1
        order = sorted(range(len(X)), key=lambda i: (abs(X[i]), i))
        status = fixed_cover_int([X[i] for i in order], k, E, A_out, B_out, A_in, B_in)
        if status >= 0:
            return bool(status)
        bits *= 2
    raise ResourceLimitError(f"target {target} could not be separated from the k-sums at {_MAX_BITS} bits")


def _float_status(arr_sorted: np.ndarray, k: int, e: float, tf) -> int:
    a_out, a_in, b_in, b_out = tf
    with np.errstate(over="ignore", invalid="ignore"):
        mag = float(np.abs(arr_sorted).sum()) + e + abs(a_out) + abs(b_out)
        rho = 2.0 * (arr_sorted.shape[0] + 2) * _U52 * max(mag, 1e-300)
    if not (math.isfinite(mag) and math.isfinite(4.0 * (mag + 4.0 * rho))):
        return -1
    eps_in = e - 2.0 * rho
    if eps_in <= 0.0:
        return -1
    return int(fixed_kernel(arr_sorted, int(k), eps_in, a_out, b_out, a_in, b_in, 3.0 * rho, MAX_INTERVALS))


def fixed_decide_float(xs: np.ndarray, k: int, eps: float, target: Target, *, strict: bool = False,
                       target_floats=None) -> bool:
    """Fast path for validated float samples (Monte Carlo): kernel, then exact fallback.

    ``target_floats`` may pass ``target.floats()`` precomputed as ``(a_lo, a_hi, b_lo, b_hi)``.
    """
    if not (isinstance(xs, np.ndarray) and xs.ndim == 1 and xs.dtype == np.float64):
        xs = check_samples("xs", xs)
    if type(k) is not int:
        k = check_int("k", k, min_value=0)
    if type(eps) is not float:
        eps = check_real("eps", eps, min_value=0.0, min_open=True)
    if type(strict) is not bool:
        strict = check_bool("strict", strict)
    if not isinstance(target, Target):
        raise InvalidType(f"target must be a Target, got target={target!r} (type={type(target).__name__})")
    if target_floats is not None and (not isinstance(target_floats, tuple) or len(target_floats) != 4):
        raise InvalidType(f"target_floats must be the 4-tuple target.floats(), got target_floats={target_floats!r}")
    if k > xs.shape[0]:
        return False
    tf = target_floats if target_floats is not None else target.floats()
    a_lo, a_hi, b_lo, b_hi = tf
    status = _float_status(np.ascontiguousarray(xs[processing_order(xs)]), k, eps, (a_lo, a_hi, b_lo, b_hi))
    if status >= 0:
        return bool(status)
    return _exact_decision([Fraction(float(v)) for v in xs], k, Fraction(eps), target, strict=strict)


def _all_float(xs, eps) -> bool:
    if isinstance(xs, (str, bytes, bytearray, dict, set, frozenset)) or not hasattr(xs, "__iter__"):
        return False  # the exact path refuses it with its name
    if isinstance(xs, np.ndarray) and xs.dtype.kind == "f":
        ok = True
    else:
        ok = all(isinstance(v, (float, np.floating)) or (isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                                                       and abs(int(v)) <= 2**53) for v in xs)
    return ok and isinstance(eps, (float, int, np.floating, np.integer)) and not isinstance(eps, bool)


def _float_decision(xs, k: int, eps, target):
    """The float kernel's decision (exact fallback on a near-tie): ``(FixedCoverResult, samples as a list)``."""
    arr = check_samples("xs", xs)
    e = check_real("eps", eps, min_value=0.0, min_open=True)
    q = arr.tolist()
    if k > arr.size:
        return FixedCoverResult(False, "float", False, arr.size, k, e, str(target)), q
    status = _float_status(np.ascontiguousarray(arr[processing_order(arr)]), k, e, target.floats())
    if status < 0:
        ok = _exact_decision([Fraction(v) for v in q], k, Fraction(e), target)
        return FixedCoverResult(ok, "exact", True, arr.size, k, e, str(target)), q
    return FixedCoverResult(bool(status), "float", False, arr.size, k, e, str(target)), q


def decide_fixed_cover(xs, k, eps, *, interval=None, exact: bool = False, certificate: bool = False) -> FixedCoverResult:
    r"""Decide whether every z in the target is within ``eps`` of a sum of exactly ``k`` samples.

    Parameters
    ----------
    xs : array_like, shape (n,)
        Finite real samples (dimensionless); exact rationals are never rounded.
    k : int >= 0
        Subset size; ``k > n`` gives "not covered" (no k-subset exists).
    eps : float or exact number, > 0
        Radius (closed inequality :math:`|\Sigma_S - z| \le \varepsilon`).
    interval : (a, b), Target or None
        Target interval (``a < b``); default :math:`[-\sqrt k, \sqrt k]` (exact ends).
    exact : bool
        Exact integers throughout (slow); the float default returns the same answer.
    certificate : bool
        When covered, attach witness k-subsets (:class:`pybridge.rfss.certificate.FixedSizeCertificate`).

    Returns
    -------
    FixedCoverResult

    Raises
    ------
    InvalidArgument
        Bad samples, ``eps <= 0``, ``a >= b``, ``k < 0``.
    ResourceLimitError
        More intervals than the memory cap (eps too small for n, k).

    Notes
    -----
    Claims ``rfss-counting-bound``, ``rfss-decision-exact``; RFSS Cor. 1 (arXiv 2410.14754, READ).
    """
    k = check_int("k", k, min_value=0)
    exact, certificate = check_bool("exact", exact), check_bool("certificate", certificate)
    target = as_target(max(k, 1), interval)
    if target.a.enclose(8)[1] >= target.b.enclose(8)[0] and target.exact:
        raise InvalidArgument(f"interval needs a < b, got {target}")
    if not exact and not _all_float(xs, eps):
        exact = True
    if exact:
        q, e, _, _ = check_exact_instance(xs, eps, 0, 1)
        ok = len(q) >= k and _exact_decision(q, k, e, target)
        # the result's eps is a float for display: an exact radius beyond the float range shows as inf
        res = FixedCoverResult(ok, "exact", False, len(q), k, float(e) if e < 2**1023 else math.inf, str(target))
    else:
        res, q = _float_decision(xs, k, eps, target)
    if certificate and res.covered:
        from pybridge.rfss.certificate import build_fixed_certificate

        cert = build_fixed_certificate(q, k, eps, target)
        res = FixedCoverResult(res.covered, res.mode, res.fell_back, res.n, res.k, res.eps, res.target, cert)
    return res


def fixed_covers(xs, k, eps, *, interval=None, exact: bool = False) -> bool:
    """Shorthand for ``decide_fixed_cover(...).covered``."""
    return decide_fixed_cover(xs, k, eps, interval=interval, exact=exact).covered


def hits_target(xs, k, eps, z, *, exact: bool = False) -> bool:
    r"""RFSS Theorem 2's event: :math:`\exists S \subseteq [n], |S| = k: |\Sigma_S - z| < \varepsilon` (strict).

    Parameters
    ----------
    xs : array_like, shape (n,)
    k : int >= 0
    eps : float or exact number > 0
    z : float or exact number
        The fixed target.
    exact : bool
        Exact integers throughout; the float default gives the same answer.

    Notes
    -----
    The strict inequality is decided exactly: after scaling to integers, ``|D| < E`` iff
    ``|D| <= E - 1``.  Source: RFSS Theorem 2 (arXiv 2410.14754, READ, theory §2).
    """
    k = check_int("k", k, min_value=0)
    exact = check_bool("exact", exact)
    target = point_target(z)
    if not exact and _all_float(xs, eps) and isinstance(z, (float, int, np.floating, np.integer)):
        arr = check_samples("xs", xs)
        e = check_real("eps", eps, min_value=0.0, min_open=True)
        return fixed_decide_float(arr, k, e, target, strict=True)
    q = [check_exact(f"xs[{i}]", x) for i, x in enumerate(check_sequence("xs", xs))]
    e = check_exact("eps", eps, positive=True)
    return len(q) >= k and _exact_decision(q, k, e, target, strict=True)
