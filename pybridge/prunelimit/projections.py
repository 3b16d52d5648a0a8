r"""Exact Euclidean projections onto the standard cones and the Monte Carlo estimate of :math:`\mathbb E\|\Pi_C(g)\|^2`.

Every projection is exact (closed form), no convex solver is needed:

* orthant: :math:`\Pi(g)=\max(g,0)`;
* subspace spanned by the first ``k`` coordinates: truncation;
* circular cone :math:`\{x: x_1\ge\|x\|\cos\alpha\}`: with :math:`t=g_1`, :math:`r=\|g_{2:}\|`,
  :math:`\|\Pi g\|^2=t^2+r^2` if :math:`r\le t\tan\alpha`, :math:`0` if
  :math:`t\cos\alpha+r\sin\alpha\le0`, else :math:`(t\cos\alpha+r\sin\alpha)^2`;
* l1 descent cone :math:`\mathcal D` at an ``s``-sparse point (support first, signs ``+1``; the
  statistical dimension does not depend on the signs or the support by symmetry): by Moreau's
  decomposition :math:`\|\Pi_{\mathcal D}g\|^2=\operatorname{dist}^2(g,\mathcal D^\circ)` and
  :math:`\mathcal D^\circ=\operatorname{cone}\partial\|x\|_1`, so
  :math:`\|\Pi_{\mathcal D}g\|^2=\min_{t\ge0}F(t)`,
  :math:`F(t)=\sum_{i\le s}(g_i-t)^2+\sum_{i>s}(|g_i|-t)_+^2`, a convex piecewise quadratic minimised
  exactly segment by segment (sorted breakpoints and prefix sums).

The estimate is the sample mean with a Student-t interval (scipy.stats) at confidence
``1 - 1e-6`` by default (CLT: the summands have finite variance, :math:`\le\|g\|^4`).  Trials are
drawn in chunks, chunk ``i`` from the child seed ``(root, Stream.PROJECTION_CHUNK, i)``: results do
not depend on the number of workers.  Sources: ALMT (arXiv 1303.6672) definition of the statistical dimension
(READ-ABS); the projections are ours (RECON of textbook facts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from pybridge.errors import InvalidArgument
from pybridge.prunelimit.streams import Stream
from pybridge.runtime.seeding import child_rng, seed_entropy
from pybridge.validation import (
    check_choice,
    check_instance,
    check_int,
    check_matrix,
    check_probability,
    check_real,
)

__all__ = ["CONES", "McEstimate", "estimate_statdim", "squared_projection_norms"]

CONES = ("orthant", "subspace", "circular", "l1-descent")
#: Trials per seed chunk (fixed: the chunking must not depend on the worker count).
CHUNK = 500


@dataclass(frozen=True)
class McEstimate:
    """Monte Carlo estimate of :math:`\\delta(C)=\\mathbb E\\|\\Pi_C g\\|^2`.

    Attributes
    ----------
    mean, ci_low, ci_high : float
        Sample mean and Student-t interval at ``confidence``.
    std : float
        Sample standard deviation of :math:`\\|\\Pi_C g\\|^2`.
    trials : int
    confidence : float
    seed_entropy : str
    """

    mean: float
    ci_low: float
    ci_high: float
    std: float
    trials: int
    confidence: float
    seed_entropy: str

    def to_dict(self) -> dict:
        return {"mc_estimate": self.mean, "ci_low": self.ci_low, "ci_high": self.ci_high, "std": self.std,
                "trials": self.trials, "confidence": self.confidence, "ci_method": "student-t (CLT)",
                "seed_entropy": self.seed_entropy}


def _l1_descent_sq(g: np.ndarray, s: int) -> np.ndarray:
    """``min_{t>=0} F(t)`` row by row (see module docstring); ``g`` has shape (n, D)."""
    on = g[:, :s]
    off = -np.sort(-np.abs(g[:, s:]), axis=1)  # descending |g_i|, i > s
    n = off.shape[1]
    G = on.sum(axis=1)
    S2 = (on * on).sum(axis=1)
    P = np.concatenate([np.zeros((g.shape[0], 1)), np.cumsum(off, axis=1)], axis=1)  # P[:, j] = sum of j largest
    Q = np.concatenate([np.zeros((g.shape[0], 1)), np.cumsum(off * off, axis=1)], axis=1)
    j = np.arange(n + 1)
    upper = np.concatenate([np.full((g.shape[0], 1), np.inf), off], axis=1)  # segment j: t in [a_j, a_{j-1}]
    lower = np.concatenate([off, np.zeros((g.shape[0], 1))], axis=1)
    t = (G[:, None] + P) / (s + j)[None, :]
    t = np.clip(t, lower, upper)
    F = S2[:, None] - 2 * t * G[:, None] + s * t * t + Q - 2 * t * P + j[None, :] * t * t
    return np.maximum(F.min(axis=1), 0.0)


def squared_projection_norms(cone: str, g: np.ndarray, *, k=None, angle=None, s=None) -> np.ndarray:
    """:math:`\\|\\Pi_C(g_i)\\|^2` for each row ``g_i`` of ``g`` (shape ``(n, D)``), exactly.

    Parameters
    ----------
    cone : str
        One of :data:`CONES`.
    g : ndarray, shape (n, D)
    k, angle, s : as in :func:`estimate_statdim` (``angle`` a float in radians here).

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    InvalidArgument
        Unknown cone or missing parameter.
    """
    check_choice("cone", cone, CONES)
    g = check_matrix("g", g)
    D = g.shape[1]
    if cone == "subspace":
        k = check_int("k", k, min_value=0, max_value=D)
    elif cone == "l1-descent":
        s = check_int("s", s, min_value=1, max_value=max(1, D - 1))
    elif cone == "circular":
        angle = check_real("angle", angle)
        if D < 1:
            raise InvalidArgument("g needs at least one column for the circular cone")
    if cone == "orthant":
        return (np.maximum(g, 0.0) ** 2).sum(axis=1)
    if cone == "subspace":
        return (g[:, :k] ** 2).sum(axis=1)
    if cone == "circular":
        t = g[:, 0]
        r = np.sqrt((g[:, 1:] ** 2).sum(axis=1))
        c, sn = math.cos(angle), math.sin(angle)
        proj = t * c + r * sn
        inside = r * c <= t * sn
        return np.where(inside, t * t + r * r, np.where(proj <= 0, 0.0, proj * proj))
    if cone == "l1-descent":
        return _l1_descent_sq(g, s)
    raise InvalidArgument(f"cone must be one of {', '.join(CONES)}, got cone={cone!r}")


def _chunk(cone, d, n, root, index, k, angle, s):
    rng = child_rng(root, Stream.PROJECTION_CHUNK, index)
    return squared_projection_norms(cone, rng.standard_normal((n, d)), k=k, angle=angle, s=s)


def estimate_statdim(cone: str, d: int, *, trials: int, root: np.random.SeedSequence, k=None, angle=None, s=None,
                     confidence: float = 1 - 1e-6) -> McEstimate:
    """Monte Carlo estimate of the statistical dimension by exact projections of Gaussian vectors.

    Parameters
    ----------
    cone : str
        One of :data:`CONES`.
    d : int
        Ambient dimension.
    trials : int
        Number of Gaussian vectors, ``2 <= trials <= 10**7``.
    root : numpy.random.SeedSequence
        Root of the chunk streams.
    k : int, for ``subspace``; angle : float radians in (0, pi/2), for ``circular``;
    s : int, for ``l1-descent`` (``1 <= s <= d - 1``).
    confidence : float, default 1 - 1e-6

    Returns
    -------
    McEstimate

    Raises
    ------
    InvalidArgument, InvalidType
        Bad parameters.
    """
    check_choice("cone", cone, CONES)
    d = check_int("d", d, min_value=1, max_value=10**5)
    trials = check_int("trials", trials, min_value=2, max_value=10**7)
    check_instance("root", root, np.random.SeedSequence)
    confidence = check_probability("confidence", confidence)
    if cone == "subspace":
        k = check_int("k", k, min_value=0, max_value=d)
    elif cone == "l1-descent":
        s = check_int("s", s, min_value=1, max_value=d - 1)
    elif cone == "circular":
        if angle is None or not (0 < check_real("angle", angle) < math.pi / 2):
            raise InvalidArgument(f"angle must lie in (0, pi/2), got angle={angle!r}")
        angle = float(angle)
    elif cone != "orthant":
        raise InvalidArgument(f"cone must be one of {', '.join(CONES)}, got cone={cone!r}")
    sizes = [CHUNK] * (trials // CHUNK) + ([trials % CHUNK] if trials % CHUNK else [])
    values = np.concatenate([_chunk(cone, d, n, root, i, k, angle, s) for i, n in enumerate(sizes)])
    mean = float(values.mean())
    std = float(values.std(ddof=1))
    half = float(stats.t.ppf(1 - (1 - confidence) / 2, trials - 1)) * std / math.sqrt(trials)
    return McEstimate(mean=mean, ci_low=mean - half, ci_high=mean + half, std=std, trials=trials,
                      confidence=confidence, seed_entropy=seed_entropy(root))
