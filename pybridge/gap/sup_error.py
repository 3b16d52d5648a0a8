r"""Exact sup-norm error of a ReLU combination against :math:`\sigma(\langle w^*, x\rangle)`.

On the circle :math:`x_\theta = \cos\theta\,w^* + \sin\theta\,e` of a plane
:math:`P \ni w^*`, a combination :math:`\sum_i c_i\sigma(p_i\cos\theta + q_i\sin\theta)`
is, between consecutive kinks, of the form :math:`A\cos\theta + B\sin\theta`
(theory §3.3(b,d), Lemma K3), and so is the error against :math:`\sigma(\cos\theta)`
(whose kinks :math:`\pm\pi/2` are added).  The sup of :math:`|A\cos\theta + B\sin\theta|`
over a closed arc is attained at an end or at a stationary point
:math:`\operatorname{atan2}(B, A)` (:math:`+\pi`).  So

.. math:: \sup_\theta |E(\theta)| = \max_{\theta \in C} |E(\theta)|,

where the candidate set :math:`C` holds every kink and the two stationary points
of every piece, each evaluated *directly*.  Extra candidates are harmless (every
value is a value of :math:`E`), so the stationary points of all pieces are
included without testing whether they fall inside their arc.

With an output ReLU (model M1), :math:`\sigma(g) - \sigma(\cos\theta)` is
piecewise sinusoidal once the zero crossings of :math:`g` on each piece
(:math:`\operatorname{atan2}(B_g, A_g) \pm \pi/2`) are added as break points.

Exactness: exact up to float64 rounding (the maximiser is in :math:`C`; an angle
computed with rounding :math:`\delta` changes the value by :math:`O(\delta^2)`).

* ``d = 2``: the plane is :math:`\mathbb R^2`, and by 1-homogeneity (theory §3.3(a))
  the circle sup *is* the sup over :math:`B^2`: **exact**.
* ``d > 2``: the sup over the circle of :math:`P = \mathrm{span}\{w^*, e\}` is a
  **lower bound** on the sup over :math:`B^d` (theory §3.3(d)).
  :func:`sampled_sup_lower` adds a sampled lower bound over the sphere.
* ``d = 1``: :math:`B^1 = [-1, 1]` and the only kink is 0, so the sup is at
  :math:`x = \pm1`: **exact** (:func:`sup_error_line`).

Source: theory §3.3–§3.4 (RECON); claims ``kink-free-affine`` (K3) and
``gap-ordering`` use these numbers.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

from pybridge.validation import check_choice, check_int, check_matrix, check_real, check_vector
from pybridge.errors import InvalidArgument, InvalidType

__all__ = [
    "SupError",
    "EXACT",
    "PLANE_LOWER",
    "SAMPLED_LOWER",
    "CERTIFIED_UPPER",
    "circle_kinks",
    "circle_error",
    "circle_candidates",
    "sup_error_circle",
    "sup_error_line",
    "sampled_sup_lower",
]

TWO_PI = 2.0 * math.pi
HALF_PI = 0.5 * math.pi

#: exactness labels carried by every reported error
EXACT = "exact (float64 rounding): kinks and closed-form stationary points"
PLANE_LOWER = "exact sup over the circle of the plane span{w*, e}: a LOWER bound on the sup over B^d"
SAMPLED_LOWER = "max over sampled points of the sphere: a LOWER bound on the sup over B^d"
CERTIFIED_UPPER = "certified UPPER bound from the construction (exact rationals, sqrt rounded up)"


@dataclass(frozen=True)
class SupError:
    r"""A sup-norm error with its exactness.

    Attributes
    ----------
    value : float
        The sup of :math:`|E|` (dimensionless, same units as the target).
    theta : float or None
        An angle in :math:`[0, 2\pi)` of the plane where it is attained (``None`` off the plane).
    exactness : str
        One of :data:`EXACT`, :data:`PLANE_LOWER`, :data:`SAMPLED_LOWER`, :data:`CERTIFIED_UPPER`.
    """

    value: float
    theta: float | None
    exactness: str

    def to_dict(self) -> dict:
        return {"value": self.value, "theta": self.theta, "exactness": self.exactness}


def _clean(p, q, coef):
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    coef = check_vector("coef", coef, length=p.size, flatten=True)
    if not (p.shape == q.shape == coef.shape):
        raise InvalidArgument(f"p, q, coef must have one shape, got {p.shape}, {q.shape}, {coef.shape}")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q)) and np.all(np.isfinite(coef))):
        raise InvalidArgument("p, q, coef must be finite")
    keep = ((p != 0.0) | (q != 0.0)) & (coef != 0.0)  # a zero unit or coefficient contributes nothing
    return p[keep], q[keep], coef[keep]


def circle_kinks(p, q) -> np.ndarray:
    r"""Sorted distinct kink angles in :math:`[0, 2\pi)` of the units and of the target.

    Unit i (with :math:`(p_i, q_i) \ne 0`) has kinks at :math:`\alpha_i \pm \pi/2`,
    :math:`\alpha_i = \operatorname{atan2}(q_i, p_i)`; the target at :math:`\pm\pi/2`.
    """
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    nz = (p != 0.0) | (q != 0.0)
    alpha = np.arctan2(q[nz], p[nz])
    k = np.concatenate([alpha + HALF_PI, alpha - HALF_PI, [HALF_PI, -HALF_PI]])
    return np.unique(np.mod(k, TWO_PI))


def _hidden(theta, p, q, coef):
    return np.maximum(np.outer(np.cos(theta), p) + np.outer(np.sin(theta), q), 0.0) @ coef


def circle_error(theta, p, q, coef, *, model: str = "M0") -> np.ndarray:
    r"""Signed error :math:`E(\theta)` at angles ``theta`` (direct evaluation, float64).

    :math:`E = \sum_i c_i\sigma(p_i\cos\theta + q_i\sin\theta) - \sigma(\cos\theta)` (M0),
    or :math:`\sigma(\cdot) - \sigma(\cos\theta)` of the same sum (M1).
    """
    check_choice("model", model, ("M0", "M1"))
    if isinstance(theta, np.ndarray) and theta.ndim == 0:
        theta = theta.reshape(1)
    if isinstance(theta, (numbers.Real, np.floating)) and not isinstance(theta, (bool, np.bool_)):
        theta = np.array([check_real("theta", theta)])
    else:
        theta = check_vector("theta", theta, flatten=True)
    p, q, coef = _clean(p, q, coef)
    g = _hidden(theta, p, q, coef)
    if model == "M1":
        g = np.maximum(g, 0.0)
    return g - np.maximum(np.cos(theta), 0.0)


def _pieces(breaks, p, q, coef):
    """Coefficients (A_g, B_g) of the hidden sum on each arc between consecutive breaks, and midpoints."""
    nxt = np.roll(breaks, -1)
    nxt[-1] += TWO_PI
    mid = 0.5 * (breaks + nxt)
    active = (np.outer(np.cos(mid), p) + np.outer(np.sin(mid), q)) > 0.0
    return active @ (coef * p), active @ (coef * q), mid


def circle_candidates(p, q, coef, *, model: str = "M0") -> tuple[np.ndarray, np.ndarray]:
    r"""Candidate angles containing every maximiser of :math:`|E|`, and :math:`E` there.

    Parameters
    ----------
    p, q, coef : array_like, shape (n,)
        Plane coordinates of the units and their output coefficients.
    model : {"M0", "M1"}

    Returns
    -------
    theta : ndarray, shape (m,)
        Kinks (and, for M1, zero crossings of the hidden sum) and the stationary
        points of every piece, in :math:`[0, 2\pi)`.
    err : ndarray, shape (m,)
        Signed error at ``theta`` (direct evaluation).
    """
    check_choice("model", model, ("M0", "M1"))
    p, q, coef = _clean(p, q, coef)
    breaks = circle_kinks(p, q)
    if model == "M1" and p.size:
        ag, bg, _ = _pieces(breaks, p, q, coef)
        zeros = np.arctan2(bg, ag)
        breaks = np.unique(np.mod(np.concatenate([breaks, zeros + HALF_PI, zeros - HALF_PI]), TWO_PI))
    ag, bg, mid = _pieces(breaks, p, q, coef)
    on = np.cos(mid) > 0.0
    if model == "M1":
        pos = (ag * np.cos(mid) + bg * np.sin(mid)) > 0.0
        ag, bg = np.where(pos, ag, 0.0), np.where(pos, bg, 0.0)
    phi = np.arctan2(bg, ag - on)
    theta = np.mod(np.concatenate([breaks, phi, phi + math.pi]), TWO_PI)
    return theta, circle_error(theta, p, q, coef, model=model)


def sup_error_circle(p, q, coef, *, model: str = "M0", d: int = 2) -> SupError:
    r"""Exact sup over the circle of the plane of :math:`|E(\theta)|`.

    Parameters
    ----------
    p, q, coef : array_like, shape (n,)
        Plane coordinates (:func:`pybridge.gap.networks.plane_coordinates`) and coefficients.
        Neuron pruning keeps :math:`c_i = v_i` on the subset, 0 elsewhere.
    model : {"M0", "M1"}, default "M0"
    d : int >= 2, default 2
        Input dimension; only sets the exactness label (exact for ``d = 2``,
        a lower bound on the :math:`B^d` sup for ``d > 2``).

    Returns
    -------
    SupError
        Value exact up to float64 rounding on the circle.

    Raises
    ------
    InvalidArgument
        Mismatched shapes, non-finite input, unknown model, ``d < 2``.

    Notes
    -----
    Source: theory §3.3(a,b,d) and Lemma K3 (RECON).  Claims: ``kink-free-affine``,
    ``gap-ordering``.

    Examples
    --------
    >>> round(sup_error_circle([1.0], [0.0], [0.5]).value, 12)  # c = 1/2 of the target itself
    0.5
    >>> sup_error_circle([1.0], [0.0], [1.0]).value  # the target exactly
    0.0
    """
    d = check_int("d", d, min_value=2)
    theta, err = circle_candidates(p, q, coef, model=model)
    k = int(np.argmax(np.abs(err)))
    return SupError(float(abs(err[k])), float(theta[k]), EXACT if d == 2 else PLANE_LOWER)


def sup_error_line(u, w_sign, coef, *, model: str = "M0") -> SupError:
    r"""Exact sup over :math:`B^1 = [-1, 1]` for ``d = 1``.

    Every term is 1-homogeneous with its only kink at 0, so :math:`|E|` is
    piecewise linear with :math:`E(0) = 0`: the sup is at :math:`x = \pm 1`.

    Parameters
    ----------
    u : array_like, shape (n,)
        Hidden weights (scalars).
    w_sign : float, +1 or -1
        The unit target :math:`w^*`.
    coef : array_like, shape (n,)
        Output coefficients.
    model : {"M0", "M1"}

    Returns
    -------
    SupError
        Exact up to float64 rounding; ``theta`` is None.

    Notes
    -----
    Source: theory §3.6, corollary "d = 1 is degenerate" (RECON); claim ``d1-no-gap``.
    """
    check_choice("model", model, ("M0", "M1"))
    u = check_vector("u", u, flatten=True)
    coef = check_vector("coef", coef, length=u.size, flatten=True)
    check_real("w_sign", w_sign)
    x = np.array([1.0, -1.0])
    g = np.maximum(np.outer(x, u), 0.0) @ coef
    if model == "M1":
        g = np.maximum(g, 0.0)
    err = np.abs(g - np.maximum(x * float(w_sign), 0.0))
    return SupError(float(err.max()), None, EXACT)


def sampled_sup_lower(u, coef, w, *, model: str = "M0", rng, samples: int = 4096) -> SupError:
    r"""Sampled lower bound on :math:`\sup_{B^d}|N - f^*|` from points of the unit sphere.

    Parameters
    ----------
    u : ndarray, shape (n, d)
    coef : ndarray, shape (n,)
    w : ndarray, shape (d,)
        Unit target.
    model : {"M0", "M1"}
    rng : numpy.random.Generator, int or None
    samples : int, default 4096
        Uniform points on the sphere (plus :math:`\pm w^*`).

    Returns
    -------
    SupError
        Labelled :data:`SAMPLED_LOWER`.
    """
    check_choice("model", model, ("M0", "M1"))
    samples = check_int("samples", samples, min_value=1)
    if isinstance(rng, bool) or not isinstance(rng, (int, np.random.SeedSequence, np.random.Generator)):
        raise InvalidType(f"rng must be a numpy Generator, SeedSequence or int seed, got rng={rng!r:.80}")
    gen = np.random.default_rng(check_int("rng", rng, min_value=0) if isinstance(rng, int) else rng)
    samples = check_int("samples", samples, min_value=1, max_value=10**6)
    u = check_matrix("u", u)
    w = check_vector("w", w, length=u.shape[1], flatten=True)
    coef = check_vector("coef", coef, length=u.shape[0], flatten=True)
    x = gen.standard_normal((samples, u.shape[1]))
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-300)
    x = np.vstack([x, w, -w])
    g = np.maximum(x @ u.T, 0.0) @ np.asarray(coef, dtype=np.float64)
    if model == "M1":
        g = np.maximum(g, 0.0)
    err = np.abs(g - np.maximum(x @ w, 0.0))
    return SupError(float(err.max()), None, SAMPLED_LOWER)
