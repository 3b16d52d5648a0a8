r"""Exact covering radius of a random-subset-sum sample.

The covering radius of reals :math:`x_1..x_n` on a target interval :math:`[a, b]` is

.. math::  \rho(x; [a, b]) = \sup_{z \in [a, b]} \min_{S \subseteq [n]} |z - \Sigma_S|

(the empty sum counts).  The sup is attained (finitely many sums, compact
interval), so with the **closed** convention of :mod:`pybridge.rss.coverage`
(:math:`|z - \Sigma_S| \le \varepsilon`) coverage at :math:`\varepsilon` holds
**iff** :math:`\rho \le \varepsilon`: at :math:`\varepsilon = \rho` exactly the
sample covers, for every smaller :math:`\varepsilon` it does not (tested at ties).
One radius per sample therefore decides coverage for a whole grid of
:math:`\varepsilon` at once (:func:`coverage_on_grid`).  Issue 14, claim
``rss-radius-criterion``; theory §1.1, §5.1 (the law of
:math:`\mathrm{err}_n(z)`).

Algorithm (direct, one pass; no bisection).  Let :math:`g(z) = \min_S|z - \Sigma_S|`
and :math:`U(\tau) = \{g \le \tau\}` (the interval union of
:mod:`pybridge.rss.coverage`).  For any floor :math:`\tau > 0`,
:math:`\mathrm{dist}(z, U(\tau)) = \max(g(z) - \tau, 0)` (the distance to a
neighbourhood of a set), so

.. math::  \max(\rho, \tau) = \tau + \max_{z \in [a, b]} \mathrm{dist}(z, U(\tau)),

and the right side is read off the sorted disjoint intervals of :math:`U(\tau)`:
the largest clipped half-gap between consecutive intervals, or the distance from
:math:`a` (resp. :math:`b`) to the first (last) interval.  Since
:math:`0 \in \Sigma` gives :math:`\rho \le R_0 = \max(|a|, |b|)`, intervals
outside :math:`[a - R_0, b + R_0]` never matter and are pruned by the same
reachability window as the decision.  If :math:`[a, b] \subseteq U(\tau)` the
result is *censored*: only :math:`\rho \le \tau` is known.  The exact mode
scales all inputs to integers (:func:`pybridge.rss.coverage.scaled_integers`, common
denominator :math:`D`); every candidate value is a multiple of :math:`1/(2D)`,
so :math:`\rho \ge 1/(2D)` and the default floor :math:`\tau = 1/(4D)` gives the
exact rational :math:`\rho` with no censoring (cost up to :math:`2^n` intervals:
small n only, else :class:`~pybridge.errors.ResourceLimitError`).

Float fast path (``floor`` given, float inputs): the compiled kernel builds a
float set :math:`F` at the inner radius :math:`\tau_{in} = \tau - 2\delta` with the
decision's rounding bound :math:`\delta = 2(n+2)2^{-52}M`, where
:math:`M = \sum_i |x_i| + \tau + |a| + |b| + 2R_0` bounds every magnitude of the pass, so
:math:`U(\tau_{in}-\delta) \subseteq F \subseteq U(\tau_{in}+\delta)`.  Taking
distances, :math:`\max(g, \tau_{in}+\delta) - \delta \le \tau_{in} + \mathrm{dist}(\cdot, F)
\le \max(g, \tau_{in}-\delta) + \delta` pointwise, hence for the float value
:math:`\hat\rho`: :math:`\rho \le \hat\rho + \delta` always and
:math:`\rho \ge \hat\rho - \delta` when :math:`\hat\rho > \tau_{in}`; the result
is the bracket ``[low, high]`` with twice that margin (the last subtraction
rounds too).  A float "covered" means :math:`\rho \le \tau_{in} + \delta < \tau`:
a sound censor.  :func:`radius_exceeds` decides :math:`\rho > \varepsilon` from a
bracket and falls back to the exact decision only when :math:`\varepsilon` lies
inside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.validation import (check_bool, check_exact, check_exact_instance, check_instance, check_int,
                                 check_interval, check_real, check_samples, check_sequence)
from pybridge.kernels.interval_union import (CAP_EXCEEDED, COVERED, MAX_INTERVALS, decide_kernel, prefix_covers_status,
                                            radius_kernel)
from pybridge.rss.coverage import MAX_EXACT_INTERVALS, covers_exact, scaled_integers
from pybridge.rss.intervals import union_pass_int
from pybridge.errors import InvalidArgument, ResourceLimitError

__all__ = ["RadiusResult", "covering_radius", "radius_exceeds", "coverage_on_grid", "prefix_covers_status"]

_U52 = 2.0**-52


@dataclass(frozen=True)
class RadiusResult:
    r"""Covering radius of one sample, exact or bracketed.

    Attributes
    ----------
    low, high : Fraction or float
        :math:`\text{low} \le \rho \le \text{high}`.  Equal (a ``Fraction``) in exact mode
        when not censored.  When ``censored``: ``low = 0`` and ``high = floor``.
    censored : bool
        True when :math:`[a, b] \subseteq U(\text{floor})`: only :math:`\rho \le` floor is known.
    mode : str
        ``"exact"`` or ``"float"``.
    floor : Fraction or float
        The floor :math:`\tau` used.
    n : int
    interval : tuple of float
    """

    low: object
    high: object
    censored: bool
    mode: str
    floor: object
    n: int
    interval: tuple

    @property
    def value(self):
        """The exact radius (exact mode, not censored), else ``None``."""
        if self.mode == "exact" and not self.censored:
            return self.low
        return None

    def to_dict(self) -> dict:
        return {"low": float(self.low), "high": float(self.high), "censored": self.censored, "mode": self.mode,
                "floor": float(self.floor), "n": self.n, "interval": list(self.interval),
                "exact_value": None if self.value is None else f"{self.value.numerator}/{self.value.denominator}"}


# --------------------------------------------------------------------------- float kernel


def _max_distance_float(lo: np.ndarray, hi: np.ndarray, a: float, b: float) -> float:
    """max over z in [a, b] of dist(z, union of [lo_j, hi_j]) (sorted, disjoint, nonempty)."""
    r = np.concatenate([[-np.inf], hi])
    l = np.concatenate([lo, [np.inf]])
    keep = (l > a) & (r < b)
    r, l = r[keep], l[keep]
    if r.size == 0:
        return 0.0
    with np.errstate(invalid="ignore"):
        mid = np.where(np.isinf(r), -np.inf, np.where(np.isinf(l), np.inf, 0.5 * (r + l)))
    z = np.clip(mid, a, b)
    with np.errstate(invalid="ignore"):
        d = np.minimum(np.where(np.isinf(r), np.inf, z - r), np.where(np.isinf(l), np.inf, l - z))
    return float(max(d.max(), 0.0))


# --------------------------------------------------------------------------- exact mode


def _radius_int(X: list[int], E: int, A: int, B: int, WA: int, WB: int):
    """Exact interval union at radius E pruned to [WA, WB]; None when [A, B] is covered."""
    if not X:  # U = [-E, E]: the pass tests containment only after each sample
        return None if -E <= A and B <= E else ([-E], [E])
    status, lo, hi, k = union_pass_int(X, E, A, B, WA, WB, prune=False, cap=MAX_EXACT_INTERVALS)
    if status == CAP_EXCEEDED:
        raise ResourceLimitError(
            f"exact covering radius needs more than {MAX_EXACT_INTERVALS:,} intervals after {k + 1} of n={len(X)} "
            "samples; give a larger floor or fewer samples")
    if status == COVERED:
        return None
    return lo, hi


def _max_distance2_int(lo: list[int], hi: list[int], A: int, B: int) -> int:
    """Twice max over z in [A, B] of dist(z, union) (exact integers; halves stay exact)."""
    best2 = 0
    prev_r = None
    for l, r in list(zip(lo, hi)) + [(None, None)]:
        gl = prev_r  # gap (gl, l)
        if (l is None or l > A) and (gl is None or gl < B):
            if gl is None:
                cand2 = 2 * (l - A)
            elif l is None:
                cand2 = 2 * (B - gl)
            else:
                mid2 = gl + l  # twice the midpoint
                if mid2 < 2 * A:
                    cand2 = 2 * (l - A)
                elif mid2 > 2 * B:
                    cand2 = 2 * (B - gl)
                else:
                    cand2 = l - gl
            best2 = max(best2, cand2)
        prev_r = r
    return best2


def _exact_radius(q: list[Fraction], qa: Fraction, qb: Fraction, floor: Fraction | None):
    r0 = max(abs(qa), abs(qb))
    extra = [floor] if floor is not None else []
    ints, den = scaled_integers(q + [qa, qb, r0] + extra)
    scale = 4 if floor is None else 1
    ints = [scale * v for v in ints]
    den *= scale
    X = sorted(ints[: len(q)], key=abs)
    A, B, R0 = ints[len(q)], ints[len(q) + 1], ints[len(q) + 2]
    E = ints[-1] if floor is not None else 1
    tau = Fraction(E, den)
    res = _radius_int(X, E, A, B, A - R0, B + R0)
    if res is None:
        return Fraction(0), tau, True, tau
    d2 = _max_distance2_int(res[0], res[1], A, B)
    rho = Fraction(2 * E + d2, 2 * den)
    return rho, rho, False, tau


# --------------------------------------------------------------------------- public API


def _float_radius(xs, a, b, floor, cap_intervals: int) -> RadiusResult:
    """The float fast path of :func:`covering_radius` (module docstring): a sound bracket, or a censor.

    Falls back to the exact mode when the rounding margin swallows the floor or a magnitude overflows.
    """
    arr = check_samples("xs", xs)
    tau = check_real("floor", floor, min_value=0.0, min_open=True)
    a, b = check_interval(a, b)
    r0 = max(abs(a), abs(b))
    xs_sorted = np.ascontiguousarray(arr[np.argsort(np.abs(arr), kind="stable")])
    with np.errstate(over="ignore", invalid="ignore"):
        mag = float(np.abs(arr).sum()) + tau + abs(a) + abs(b) + 2 * r0
        delta = 2.0 * (arr.size + 2) * _U52 * max(mag, 1e-300)
    tau_in = tau - 2.0 * delta
    if not math.isfinite(mag) or tau_in <= 0.0:
        return covering_radius(xs, interval=(a, b), floor=floor, exact=True)
    status, lo, hi = radius_kernel(xs_sorted, tau_in, a, b, a - r0, b + r0, delta, int(cap_intervals))
    if status == -2:
        raise ResourceLimitError(f"covering radius needs more than {cap_intervals:,} intervals (n={arr.size}, "
                                 f"floor={tau!r}); give a larger floor or fewer samples")
    if status == 1:
        return RadiusResult(0.0, tau, True, "float", tau, arr.size, (a, b))
    rho_hat = tau_in + _max_distance_float(lo, hi, a, b)
    margin = 2.0 * delta
    if rho_hat <= tau_in:  # covered up to rounding: rho <= tau_in + delta < tau
        return RadiusResult(0.0, tau, True, "float", tau, arr.size, (a, b))
    return RadiusResult(max(rho_hat - margin, 0.0), rho_hat + margin, False, "float", tau, arr.size, (a, b))


def covering_radius(xs, *, interval=(-1.0, 1.0), floor=None, exact: bool = False,
                    cap_intervals: int = MAX_INTERVALS) -> RadiusResult:
    r"""Covering radius :math:`\rho(x; [a, b])`, exact or as a sound float bracket.

    Parameters
    ----------
    xs : array_like, shape (n,)
        Finite real samples (dimensionless); floats are the dyadic rationals they store.
    interval : (a, b), default (-1, 1)
        Target interval, a < b.
    floor : float or exact number > 0, optional
        Resolve :math:`\rho` only above ``floor`` (cost ~ window / floor intervals); at or
        below it the result is censored.  ``None``: the exact radius with no censoring
        (exact mode; up to :math:`2^n` intervals).
    exact : bool, default False
        Exact rationals throughout.  Implied by ``floor=None`` and by non-float inputs.

    Returns
    -------
    RadiusResult
        ``low <= rho <= high``; exact mode (not censored): ``low == high == rho`` (Fraction).

    Raises
    ------
    InvalidArgument
        NaN/inf samples, a >= b, floor <= 0.
    ResourceLimitError
        More intervals than the cap (floor too small for this n).

    Notes
    -----
    Claim ``rss-radius-criterion`` (coverage at eps iff rho <= eps, closed convention);
    algorithm in the module docstring; issue 14.
    """
    exact = check_bool("exact", exact)
    cap_intervals = check_int("cap_intervals", cap_intervals, min_value=1, max_value=MAX_INTERVALS)
    if not (isinstance(xs, np.ndarray) and xs.ndim == 1):
        xs = check_sequence("xs", xs)
    a, b = _pair(interval)
    if floor is None or exact or not _floats(xs, floor, (a, b)):
        fl = None if floor is None else check_exact("floor", floor, positive=True)
        q, _, qa, qb = check_exact_instance(xs, 1, a, b)
        low, high, censored, tau = _exact_radius(q, qa, qb, fl)
        return RadiusResult(low, high, censored, "exact", tau, len(q), (float(qa), float(qb)))
    return _float_radius(xs, a, b, floor, cap_intervals)


def radius_exceeds(result: RadiusResult, eps, xs) -> bool:
    r"""Exact answer to :math:`\rho > \varepsilon` (i.e. *not covered* at ``eps``) from a radius result.

    Decided by the bracket when ``eps`` lies outside ``[low, high)``; otherwise by the exact
    decision :func:`pybridge.rss.coverage.covers_exact` on ``xs`` (the samples of ``result``).
    """
    check_instance("result", result, RadiusResult)
    eps = check_exact("eps", eps, positive=True)
    xs = check_sequence("xs", xs)
    if eps >= result.high:
        return False
    if not result.censored and eps < result.low:
        return True
    a, b = result.interval
    return not covers_exact(xs, eps, a, b)


def coverage_on_grid(xs, eps_grid, *, interval=(-1.0, 1.0)) -> list[bool]:
    r"""Coverage at every ``eps`` of a grid from one covering radius (floor = the smallest eps).

    Returns ``[rho <= eps for eps in eps_grid]`` (exact answers; near-ties go to the exact decision).
    """
    grid = [check_real("eps", e, min_value=0.0, min_open=True) for e in check_sequence("eps_grid", eps_grid)]
    if not grid:
        return []
    res = covering_radius(xs, interval=interval, floor=min(grid))
    return [not radius_exceeds(res, e, xs) for e in grid]


def _pair(interval):
    if isinstance(interval, (str, bytes, dict, set, frozenset)):
        raise InvalidArgument(f"interval must be a pair (a, b), got interval={interval!r:.80}")
    try:
        a, b = interval
    except (TypeError, ValueError):
        raise InvalidArgument(f"interval must be a pair (a, b), got interval={interval!r}") from None
    return a, b


def _floats(xs, floor, interval) -> bool:
    def ok(v):
        return isinstance(v, (float, np.floating)) or (isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                                                       and abs(int(v)) <= 2**53)
    if isinstance(xs, np.ndarray) and xs.dtype.kind == "f":
        vals = True
    else:
        vals = all(ok(x) for x in xs)
    return vals and ok(floor) and all(ok(v) for v in interval)
