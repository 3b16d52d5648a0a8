r"""Which growth law do measured thresholds support?  Log–log regression with a t-interval.

For RFSS (theory §2) the two candidate forms are :math:`n \approx c\,L^{\beta}/H_2(k/n)` with
:math:`L = \log_2(k/\varepsilon)` and :math:`\beta = 1` (Theorem 2 / the lower bound of Theorem 5)
or :math:`\beta = 2` (Corollary 1's sufficient size).  Both are implicit in ``n``; writing
:math:`Y = n^*H_2(k/n^*)` (exactly the left side) they become :math:`Y = cL^\beta`, so
:math:`\log Y = \log c + \beta\log L` is a straight line whose slope tells the forms apart.
Data cannot prove a bound: the fit says which exponent the measured range supports.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from pybridge.validation import check_real, check_sequence, check_vector

__all__ = ["entropy2", "fit_growth_exponent", "BETA_GRID"]

#: the grid over which :func:`fit_offset_exponent` profiles beta: ``numpy.linspace(*BETA_GRID)``
BETA_GRID = (0.1, 3.0, 291)


def entropy2(p: float) -> float:
    """Binary entropy :math:`H_2(p)` in bits (float, for fitting only)."""
    p = check_real("p", p)
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def fit_growth_exponent(L, Y, *, candidates=(1.0, 2.0)) -> dict:
    r"""Least squares :math:`\log Y = a + \beta\log L` with a 95 % t-interval for β.

    Also fits :math:`Y = c_\beta L^\beta` through the origin for each candidate β (c by least
    squares in log space: the geometric mean of :math:`Y/L^\beta`) and its RMS log residual.

    Returns
    -------
    dict
        ``beta``, ``beta_ci95`` (None with < 3 points), ``points``, ``r_squared`` and, per
        candidate, ``c`` and ``rms_log_residual`` and ``inside_ci`` (candidate within the CI).
    """
    L = check_vector("L", L)
    Y = check_vector("Y", Y, length=L.size)
    candidates = [check_real(f"candidates[{i}]", b) for i, b in enumerate(check_sequence("candidates", candidates))]

    out: dict = {"points": int(L.size)}
    if L.size < 2 or np.ptp(np.log(L)) == 0:
        return out
    r = stats.linregress(np.log(L), np.log(Y))
    out.update(beta=float(r.slope), intercept=float(r.intercept), r_squared=float(r.rvalue**2))
    if L.size > 2:
        t = stats.t.ppf(0.975, L.size - 2)
        out["beta_ci95"] = [float(r.slope - t * r.stderr), float(r.slope + t * r.stderr)]
    else:
        out["beta_ci95"] = None
    for b in candidates:
        logc = float(np.mean(np.log(Y) - b * np.log(L)))
        res = np.log(Y) - (logc + b * np.log(L))
        ci = out["beta_ci95"]
        out[f"form_beta_{b:g}"] = {"c": math.exp(logc), "rms_log_residual": float(np.sqrt(np.mean(res**2))),
                                   "inside_ci": bool(ci is not None and ci[0] <= b <= ci[1])}
    return out


def fit_offset_exponent(L, Y, groups, *, candidates=(1.0, 2.0), grid=None) -> dict:
    r"""Fit :math:`Y = c_{0,g} + c\,L^\beta` (an intercept per group ``g``, e.g. per k; common c, β).

    β is profiled over a grid; its 95 % interval is the profile-likelihood set
    :math:`\{\beta: SSE(\beta) \le SSE_{min}(1 + F_{0.95}(1, m-p)/(m-p))\}` (m points, p = groups + 2
    parameters).  For each candidate β the fit and RMS residual are reported, and whether the
    candidate lies in the interval.  The offsets absorb the edge effects at large ε that a pure
    power law :func:`fit_growth_exponent` cannot.
    """
    L = np.asarray(L, dtype=float)
    Y = np.asarray(Y, dtype=float)
    g = list(groups)
    labels = sorted(set(g))
    m, p = L.size, len(labels) + 2
    out: dict = {"points": int(m), "groups": [str(v) for v in labels]}
    if m <= p:
        return out
    D = np.array([[1.0 if gi == lab else 0.0 for lab in labels] for gi in g])
    grid = np.linspace(*BETA_GRID) if grid is None else np.asarray(grid)

    def sse(beta):
        A = np.column_stack([D, L**beta])
        coef, *_ = np.linalg.lstsq(A, Y, rcond=None)
        r = Y - A @ coef
        return float(r @ r), coef

    vals = np.array([sse(b)[0] for b in grid])
    i = int(np.argmin(vals))
    best = float(grid[i])
    f = stats.f.ppf(0.95, 1, m - p)
    cut = vals[i] * (1 + f / (m - p))
    inside = grid[vals <= cut]
    out.update(beta=best, beta_ci95=[float(inside.min()), float(inside.max())], sse_min=float(vals[i]),
               ci_touches_grid_edge=bool(inside.min() <= grid[0] or inside.max() >= grid[-1]))
    for b in candidates:
        s, coef = sse(b)
        out[f"form_beta_{b:g}"] = {"c": float(coef[-1]), "intercepts": [float(v) for v in coef[:-1]],
                                   "rms_residual": math.sqrt(s / m), "inside_ci": bool(s <= cut)}
    return out
