r"""Exact rational decisions about a bias-free ReLU combination in the plane (model M0).

The inputs are float64 numbers, hence exact dyadic rationals; every decision here is
made in exact rational arithmetic (:class:`fractions.Fraction`), so it is the true
answer for the instance as given, with no rounding anywhere.

* :func:`kinks_within` — which units have a kink within :math:`\eta_\varepsilon =
  2\arctan 2\varepsilon` of the target's kink (Theorem A's test).  With
  :math:`\eta_i = \operatorname{atan2}(|q_i|, |p_i|) \in [0, \pi/2]` and
  :math:`r_i = \sqrt{p_i^2 + q_i^2}`,
  :math:`\tan(\eta_i/2) = |q_i|/(|p_i| + r_i)`, so :math:`\eta_i < \eta_\varepsilon` iff
  :math:`|q_i| - 2\varepsilon|p_i| < 2\varepsilon r_i`: true when the left side is
  negative, and otherwise iff its square is below :math:`4\varepsilon^2 r_i^2`.
* :func:`sup_below` — whether :math:`\sup_{\|x\| = 1}|E(x)| < \varepsilon` for
  :math:`E(x) = \sum_i c_i\sigma(\langle u_i, x\rangle) - \sigma(x_1)` in
  :math:`\mathbb R^2`, :math:`u_i = (p_i, q_i)`.  By positive homogeneity :math:`E` is
  linear, :math:`E(x) = \langle g, x\rangle`, on each closed sector between
  consecutive *kink rays* (the rays :math:`\pm(-q_i, p_i)` where
  :math:`\langle u_i, x\rangle = 0`, and :math:`\pm e_2` for the target).  On a sector
  from ray :math:`a` counter-clockwise to ray :math:`b` (angle at most :math:`\pi`,
  because :math:`\pm e_2` are both rays) the sup of :math:`|\langle g, x\rangle|` over
  unit :math:`x` is :math:`|g|` if :math:`g` or :math:`-g` points strictly inside the
  sector, and otherwise the larger of the values at the two boundary rays.  So
  :math:`\sup|E| < \varepsilon` iff :math:`\langle g, a\rangle^2 < \varepsilon^2|a|^2` at
  every ray (unnormalised) and :math:`|g|^2 < \varepsilon^2` for every sector holding
  :math:`\pm g`.  Rays are sorted by an exact angular comparison (half-plane, then
  cross product); crossing ray :math:`(-q_i, p_i)` counter-clockwise switches unit
  :math:`i` off (:math:`g \mathrel{-}= c_iu_i`), crossing its opposite switches it on.

This is the certified sup of theory §3.3 (Lemma K3: each piece is a sinusoid) for
``d = 2``, where the circle sup is the sup over :math:`B^2`.  Source: theory §3.3,
§3.4–§3.6 (RECON); claims ``kink-free-affine``, ``theorem-a-core``.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cmp_to_key

import numpy as np

from pybridge.validation import check_real, check_vector
from pybridge.errors import InvalidArgument

__all__ = ["kinks_within", "sup_below"]


def _eps(eps) -> Fraction:
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    return Fraction(eps)


def kinks_within(p, q, eps) -> np.ndarray:
    r"""Exactly which units have a kink within :math:`\eta_\varepsilon = 2\arctan 2\varepsilon` of the target's.

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Plane coordinates of the hidden weights (float64, taken as exact rationals).
    eps : float > 0

    Returns
    -------
    ndarray of bool, shape (n,)
        ``True`` where :math:`\eta_i < \eta_\varepsilon` (a unit with
        :math:`(p_i, q_i) = 0` has no kink: ``False``).

    Notes
    -----
    Theorem A's certificate :math:`\tfrac12\tan(\eta_{\min}/2) \ge \varepsilon` holds iff
    no entry is ``True`` (claim ``theorem-a-core``; theory §3.6, RECON).

    Examples
    --------
    >>> kinks_within([1.0, 0.0], [0.01, 1.0], 0.05).tolist()
    [True, False]
    """
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q))):
        raise InvalidArgument("p and q must be finite")
    e2 = 2 * _eps(eps)
    out = np.zeros(p.size, dtype=bool)
    for i in range(p.size):
        a, b = abs(Fraction(float(p[i]))), abs(Fraction(float(q[i])))
        if a == 0 and b == 0:
            continue
        lhs = b - e2 * a
        out[i] = lhs < 0 or lhs * lhs < e2 * e2 * (a * a + b * b)
    return out


def _half(x, y) -> int:
    """0 for angles in [0, pi), 1 for [pi, 2 pi)."""
    return 0 if (y > 0 or (y == 0 and x > 0)) else 1


def _angle_cmp(r, s) -> int:
    hr, hs = _half(*r[0]), _half(*s[0])
    if hr != hs:
        return hr - hs
    cross = r[0][0] * s[0][1] - r[0][1] * s[0][0]
    return -1 if cross > 0 else (1 if cross < 0 else 0)


def _rays(p, q, coef):
    """Kink rays ``((x, y), delta)``: ``delta`` is the change of the gradient when crossing counter-clockwise."""
    rays = [((Fraction(0), Fraction(1)), (Fraction(1), Fraction(0))),
            ((Fraction(0), Fraction(-1)), (Fraction(-1), Fraction(0)))]
    for pi, qi, ci in zip(p, q, coef):
        if ci == 0.0 or (pi == 0.0 and qi == 0.0):
            continue
        a, b, c = Fraction(float(pi)), Fraction(float(qi)), Fraction(float(ci))
        rays.append(((-b, a), (-c * a, -c * b)))
        rays.append(((b, -a), (c * a, c * b)))
    order = np.argsort([np.arctan2(float(r[0][1]), float(r[0][0])) % (2 * np.pi) for r in rays], kind="stable")
    return sorted((rays[k] for k in order), key=cmp_to_key(_angle_cmp))  # nearly sorted: few exact comparisons


def _gradient_at(m, p, q, coef):
    gx, gy = Fraction(0), Fraction(0)
    for pi, qi, ci in zip(p, q, coef):
        if ci == 0.0:
            continue
        a, b = Fraction(float(pi)), Fraction(float(qi))
        if a * m[0] + b * m[1] > 0:
            c = Fraction(float(ci))
            gx += c * a
            gy += c * b
    if m[0] > 0:
        gx -= 1
    return gx, gy


def _inside(g, a, b) -> bool:
    """``g`` strictly inside the sector from ray ``a`` counter-clockwise to ray ``b`` (angle <= pi)."""
    return a[0] * g[1] - a[1] * g[0] > 0 and g[0] * b[1] - g[1] * b[0] > 0


def sup_below(p, q, coef, eps) -> bool:
    r"""Exactly whether :math:`\sup_{x \in B^2}|\sum_i c_i\sigma(\langle u_i, x\rangle) - \sigma(x_1)| < \varepsilon`.

    Parameters
    ----------
    p, q : array_like, shape (n,)
        The hidden weights :math:`u_i = (p_i, q_i)` (plane coordinates; float64, exact rationals).
    coef : array_like, shape (n,)
        Output coefficients :math:`c_i` (neuron pruning: :math:`v_i` on the kept units, 0 elsewhere).
    eps : float > 0

    Returns
    -------
    bool
        The exact answer for the rational instance (no rounding).

    Raises
    ------
    InvalidArgument
        Mismatched shapes, non-finite input, ``eps <= 0``.

    Notes
    -----
    Method in the module docstring (sectors between kink rays; Lemma K3).  For ``d > 2``
    the plane instance's answer is about the circle of the plane only.

    Examples
    --------
    >>> sup_below([1.0], [0.0], [1.0], 1e-300)  # the target itself
    True
    >>> sup_below([1.0], [0.0], [0.5], 0.5), sup_below([1.0], [0.0], [0.5], 0.5000001)
    (False, True)
    """
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    coef = check_vector("coef", coef, length=p.size, flatten=True)
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q)) and np.all(np.isfinite(coef))):
        raise InvalidArgument("p, q, coef must be finite")
    e = _eps(eps)
    rays = _rays(p, q, coef)
    dirs = [rays[0][0]]
    deltas = [[rays[0][1]]]
    for vec, delta in rays[1:]:
        if _angle_cmp((vec, None), (dirs[-1], None)) == 0:
            deltas[-1].append(delta)
        else:
            dirs.append(vec)
            deltas.append([delta])
    k = len(dirs)  # >= 2: +-e2 are opposite
    a, b = dirs[0], dirs[1]
    m = (a[0] + b[0], a[1] + b[1]) if (a[0] * b[1] - a[1] * b[0]) != 0 else (-a[1], a[0])
    g = _gradient_at(m, p, q, coef)  # gradient on the sector from dirs[0] to dirs[1]
    e2 = e * e
    for j in range(k):
        a, b = dirs[j], dirs[(j + 1) % k]
        if j > 0:
            for dx, dy in deltas[j]:
                g = (g[0] + dx, g[1] + dy)
        for r in (a, b):
            val = g[0] * r[0] + g[1] * r[1]
            if val * val >= e2 * (r[0] * r[0] + r[1] * r[1]):
                return False
        if (_inside(g, a, b) or _inside((-g[0], -g[1]), a, b)) and g[0] * g[0] + g[1] * g[1] >= e2:
            return False
    return True
