r"""Weight pruning by the constructions B0 (M0, axis target) and B1 (M1, any target).

Weight pruning masks individual weights: hidden masks :math:`M_i \in \{0,1\}^d`
and output masks :math:`m_i \in \{0,1\}` (theory §3.2).

**B0** (model M0, :math:`w^* = s\,e_j`, theory §3.8).  Mask every kept unit to
coordinate :math:`j`.  For :math:`s\,u_{ij} > 0`, :math:`\sigma(u_{ij}x_j) = |u_{ij}|\sigma(s x_j)`
(claim ``b0-positive-homogeneity``), so the pruned network is
:math:`(\sum_{i\in S}v_i|u_{ij}|)\,\sigma(s x_j)` and its error over :math:`B^d` is
**exactly** :math:`|\Sigma_S - 1|`.  :math:`S` is the best subset of
:math:`X_i = v_i|u_{ij}|1\{s u_{ij} > 0\}` for target 1 (meet in the middle,
:func:`pybridge.rss.subset_sum.best_subset`; exact rational re-evaluation).
:func:`b0_covers_all_scalings` decides with the interval recursion
(:func:`pybridge.rss.decide_cover`) whether *every* axis target
:math:`\sigma(w x_j)`, :math:`|w| \le 1`, is reached within ε at once.

**B1** (model M1, general unit :math:`w^*`, theory §3.8).  Split the units into
:math:`d` blocks (unit i in block :math:`i \bmod d`); in block j mask to coordinate j.
Units with :math:`u_{ij} > 0` serve :math:`\sigma(x_j)` with
:math:`X^+_i = v_iu_{ij}`, target :math:`w^*_j`; units with :math:`u_{ij} < 0` serve
:math:`\sigma(-x_j)` with :math:`X^-_i = v_i|u_{ij}|`, target :math:`-w^*_j`.  With
:math:`\delta^\pm_j` the exact subset-sum errors,
:math:`h(x) - \langle w^*, x\rangle = \sum_j \delta^+_j\sigma(x_j) + \delta^-_j\sigma(-x_j)`, so
by Cauchy–Schwarz and the 1-Lipschitz output ReLU the error over :math:`B^d` is at most

.. math:: \Big(\sum_j \max(|\delta^+_j|, |\delta^-_j|)^2\Big)^{1/2}

— a **certified upper bound** (exact rationals, square root rounded up).  For
``d <= 2`` the exact sup of the constructed network is also returned; for ``d > 2``
its exact sup over the plane and a sampled sup (both lower bounds).

Source: theory §3.8 Theorem B (RECON, assembled from READ-2ND components: Pensia et
al. 2020 Cor. 1–2 via RFSS); claims ``weight-pruning-b0``, ``weight-pruning-b1``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from pybridge.rss import decide_cover
from pybridge.errors import InvalidArgument
from pybridge.validation import check_bool, check_exact, check_instance, check_int
from pybridge.gap.networks import Network, Target
from pybridge.rss import best_subset
from pybridge.gap.sup_error import (
    CERTIFIED_UPPER,
    EXACT,
    SupError,
    sampled_sup_lower,
    sup_error_circle,
    sup_error_line,
)

__all__ = ["WeightPruningResult", "prune_b0", "prune_b1", "b0_covers_all_scalings", "certified_sqrt",
           "MAX_CANDIDATES"]

#: each subset-sum instance searches at most this many usable units (the first ones): meet in
#: the middle costs 13 ms at 32 and 0.6 s at 40 units; 32 units reach errors far below 1e-4
MAX_CANDIDATES = 32


@dataclass(frozen=True)
class WeightPruningResult:
    r"""A weight-pruned network and its error.

    Attributes
    ----------
    construction : {"B0", "B1"}
    model : {"M0", "M1"}
    hidden_mask : ndarray of bool, shape (n, d)
        Kept hidden weights :math:`M_i`.
    output_mask : ndarray of bool, shape (n,)
        Kept output weights :math:`m_i`.
    error : float
        B0: the exact error over :math:`B^d`.  B1: the certified upper bound.
    exactness : str
        Label of ``error``.
    error_exact : Fraction or None
        B0: the exact rational error :math:`|\Sigma_S - 1|`.
    lower : SupError or None
        B1: exact sup (``d <= 2``) or the best lower bound (``d > 2``) of the constructed network.
    truncated : bool
        True when some instance had more than :data:`MAX_CANDIDATES` usable units and only the first
        :data:`MAX_CANDIDATES` were searched (still a valid weight pruning, possibly not the best).
    """

    construction: str
    model: str
    hidden_mask: np.ndarray = field(repr=False)
    output_mask: np.ndarray = field(repr=False)
    error: float = 1.0
    exactness: str = EXACT
    error_exact: Fraction | None = None
    lower: SupError | None = None
    truncated: bool = False

    @property
    def units_kept(self) -> int:
        return int(np.count_nonzero(self.output_mask))

    @property
    def weights_kept(self) -> int:
        return int(np.count_nonzero(self.hidden_mask) + np.count_nonzero(self.output_mask))

    def pruned(self, net: Network) -> Network:
        """The pruned network (masked weights set to zero)."""
        return Network(net.model, net.law, net.u * self.hidden_mask, net.v * self.output_mask)

    def to_dict(self) -> dict:
        out = {
            "construction": self.construction,
            "model": self.model,
            "error": self.error,
            "exactness": self.exactness,
            "units_kept": self.units_kept,
            "weights_kept": self.weights_kept,
            "kept_units": [int(i) for i in np.flatnonzero(self.output_mask)],
            "truncated": self.truncated,
        }
        if self.error_exact is not None:
            out["error_exact"] = str(self.error_exact)
        if self.lower is not None:
            out["constructed_network_sup"] = self.lower.to_dict()
        return out


def certified_sqrt(x: Fraction) -> float:
    """Smallest float ``r`` found with ``r*r >= x`` exactly (an upper bound on sqrt(x))."""
    x = check_exact("x", x)
    if x < 0 or x > 10**300:
        raise InvalidArgument(f"x must be in [0, 1e300], got x={str(x)[:40]}")
    r = math.sqrt(float(x))
    while Fraction(r) ** 2 < x:
        r = math.nextafter(r, math.inf)
    return r


def _best(xs: np.ndarray, target: float):
    """Best subset of the first MAX_CANDIDATES candidates: (local mask bits, exact signed error, truncated)."""
    truncated = xs.size > MAX_CANDIDATES
    xs = xs[:MAX_CANDIDATES]
    if target == 0.0 or xs.size == 0:
        return 0, -Fraction(target), truncated
    res = best_subset(xs, target)
    return res.mask, res.subset_sum - Fraction(target), truncated


def _mark(mask_bits: int, idx: np.ndarray, j: int, hidden: np.ndarray, out: np.ndarray) -> None:
    for k, i in enumerate(idx[:MAX_CANDIDATES]):
        if (mask_bits >> k) & 1:
            hidden[i, j] = True
            out[i] = True


def _check_pair(net, target) -> None:
    """``net`` a Network and ``target`` a Target of its input dimension."""
    check_instance("net", net, Network)
    check_instance("target", target, Target)
    if target.d != net.u.shape[1]:
        raise InvalidArgument(f"target must have the network's input dimension d={net.u.shape[1]}, got d={target.d}")


def prune_b0(net: Network, target: Target) -> WeightPruningResult:
    r"""Construction B0: weight pruning of an axis target in model M0, with its exact error.

    Parameters
    ----------
    net : Network
        Model M0 (any law, any d >= 1).
    target : Target
        Axis-aligned: :math:`w^* = \pm e_j`.

    Returns
    -------
    WeightPruningResult
        ``error`` is the exact sup over :math:`B^d` (float of the exact rational
        ``error_exact`` = :math:`|\Sigma_S - 1|`).

    Raises
    ------
    InvalidArgument
        Model M1, a non-axis target (theory §3.9: no such escape in M0), or dimension mismatch.

    Notes
    -----
    Claims ``weight-pruning-b0``, ``b0-positive-homogeneity``; theory §3.8 (RECON).
    """
    _check_pair(net, target)
    if net.model != "M0":
        raise InvalidArgument(f"B0 is the construction for model M0, got model={net.model!r} (use B1)")
    if not target.is_axis or target.d != net.d:
        raise InvalidArgument("B0 needs an axis-aligned target w* = +-e_j of the network's dimension")
    j = int(np.flatnonzero(target.w)[0])
    s = 1.0 if target.w[j] > 0 else -1.0
    idx = np.flatnonzero(s * net.u[:, j] > 0.0)
    xs = net.v[idx] * np.abs(net.u[idx, j])
    bits, signed, truncated = _best(xs, 1.0)
    hidden = np.zeros((net.n, net.d), dtype=bool)
    out = np.zeros(net.n, dtype=bool)
    _mark(bits, idx, j, hidden, out)
    err = abs(signed)
    return WeightPruningResult("B0", "M0", hidden, out, float(err), EXACT, err, None, truncated)


def b0_covers_all_scalings(net: Network, target: Target, eps: float) -> bool:
    r"""Whether B0 reaches every axis target :math:`\sigma(w\,x_j)`, :math:`|w| \le 1`, within ``eps`` at once.

    Decided exactly by the interval recursion (:func:`pybridge.rss.decide_cover`) on
    :math:`\{v_i|u_{ij}|\}_{u_{ij} > 0}` and :math:`\{v_i|u_{ij}|\}_{u_{ij} < 0}` over :math:`[0, 1]`
    (positive :math:`w` uses :math:`\sigma(x_j)`, negative :math:`w` uses :math:`\sigma(-x_j)`).
    Source: theory §3.8 B0 "simultaneously for all w" (RECON); claim ``weight-pruning-b0``.
    """
    _check_pair(net, target)
    if not target.is_axis:
        raise InvalidArgument("b0_covers_all_scalings needs an axis-aligned target")
    j = int(np.flatnonzero(target.w)[0])
    col = net.u[:, j]
    pos = net.v[col > 0] * col[col > 0]
    neg = net.v[col < 0] * np.abs(col[col < 0])
    return (decide_cover(pos, eps, interval=(0.0, 1.0)).covered
            and decide_cover(neg, eps, interval=(0.0, 1.0)).covered)


def prune_b1(net: Network, target: Target, *, rng=None, samples: int = 4096,
             with_lower: bool = True) -> WeightPruningResult:
    r"""Construction B1: weight pruning of a general unit target in model M1, with a certified bound.

    Parameters
    ----------
    net : Network
        Model M1 (any law, any d >= 1, ideally n >= 2d).
    target : Target
        Any unit :math:`w^*`.
    rng : numpy.random.Generator, int or None
        Only for the sampled lower bound when ``d > 2``.
    samples : int, default 4096
        Sphere points of the sampled lower bound (``d > 2``).
    with_lower : bool, default True
        Also compute ``lower`` (skip it when only the certified bound is needed).

    Returns
    -------
    WeightPruningResult
        ``error`` = the certified upper bound :math:`(\sum_j \max(|\delta^+_j|,|\delta^-_j|)^2)^{1/2}`;
        ``lower`` = the exact sup of the constructed network for ``d <= 2``, otherwise
        the larger of its plane sup and its sampled sup (lower bounds).

    Raises
    ------
    InvalidArgument
        Model M0 (use B0, or see theory §3.9) or a dimension mismatch.

    Notes
    -----
    Claim ``weight-pruning-b1``; theory §3.8 (RECON).  The per-coordinate instances
    are solved independently (a union bound needs no independence).
    """
    _check_pair(net, target)
    samples = check_int("samples", samples, min_value=1, max_value=10**6)
    with_lower = check_bool("with_lower", with_lower)
    if net.model != "M1":
        raise InvalidArgument(f"B1 is the construction for model M1, got model={net.model!r}")
    if target.d != net.d:
        raise InvalidArgument(f"target dimension {target.d} != network dimension {net.d}")
    hidden, out, bound, truncated = _b1_masks(net, target)
    if not with_lower:
        return WeightPruningResult("B1", "M1", hidden, out, bound, CERTIFIED_UPPER, None, None, truncated)
    lower = _b1_lower(net.u * hidden, net.v * out, target, rng=rng, samples=samples)
    return WeightPruningResult("B1", "M1", hidden, out, bound, CERTIFIED_UPPER, None, lower, truncated)


def _b1_masks(net: Network, target: Target):
    """B1's masks: per coordinate j, the best subset sums of the block's units towards +-w*_j; and the
    certified bound (sum_j max(|delta+_j|, |delta-_j|)^2)^(1/2) with whether any search was truncated."""
    d = net.d
    hidden = np.zeros((net.n, d), dtype=bool)
    out = np.zeros(net.n, dtype=bool)
    total = Fraction(0)
    truncated = False
    block = np.arange(net.n) % d
    for j in range(d):
        col = net.u[:, j]
        worst = Fraction(0)
        for side, goal in ((1.0, float(target.w[j])), (-1.0, -float(target.w[j]))):
            idx = np.flatnonzero((block == j) & (side * col > 0.0))
            bits, signed, trunc = _best(net.v[idx] * np.abs(col[idx]), goal)
            truncated |= trunc
            _mark(bits, idx, j, hidden, out)
            worst = max(worst, abs(signed))
        total += worst * worst
    return hidden, out, certified_sqrt(total), truncated


def _b1_lower(masked_u, coef, target: Target, *, rng, samples: int):
    """A lower bound on the sup error of B1's network: exact for d <= 2, else max(plane sup, sampled sup)."""
    d = masked_u.shape[1]
    if d == 1:
        return sup_error_line(masked_u[:, 0], float(target.w[0]), coef, model="M1")
    plane = sup_error_circle(masked_u @ target.w, masked_u @ target.e, coef, model="M1", d=d)
    if d <= 2:
        return plane
    sampled = sampled_sup_lower(masked_u, coef, target.w, model="M1", rng=rng, samples=samples)
    return sampled if sampled.value > plane.value else plane
