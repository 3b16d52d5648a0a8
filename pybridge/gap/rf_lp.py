r"""The random-features (RF) optimum in the plane: a linear program refined by cutting planes.

RF lets the output coefficients be free (theory §3.2):

.. math:: \mathrm{RF}^* = \inf_{c \in \mathbb R^n} \sup_\theta
   \Big|\sum_i c_i\sigma(p_i\cos\theta + q_i\sin\theta) - \sigma(\cos\theta)\Big| .

Every neuron-pruned subnetwork is an RF combination (:math:`c_i = v_i 1_{i \in S}`),
so a lower bound on :math:`\mathrm{RF}^*` is one for neuron pruning.

Algorithm.  Minimise :math:`t` subject to :math:`|\Phi_k c - f_k| \le t` on a finite
angle set (:func:`scipy.optimize.linprog`: HiGHS interior point without
crossover, so the solution lies in the relative interior of the (highly
degenerate) optimal face; dual simplex as fallback; feasibility tolerances
:data:`HIGHS_TOL`).  The reported ``lp_value`` is the largest lower estimate of
the discrete optimum met so far: the smaller of the interior point's primal and
dual objectives, or, when that duality gap exceeds ``tol``, the dual-simplex
optimum of the same angle set (a basis, whose primal and dual values agree).
When a round makes no progress (the new cuts lie within the interior point's
accuracy, which degrades as angles are added), the remaining rounds use dual
simplex, whose bases are accurate to rounding.  The initial set holds every kink,
the three points of Lemma K2 (:math:`\pi/2` and :math:`\pi/2 \pm \eta_{\min}`) and a
uniform grid.  Then **cutting planes**: compute the exact sup of the LP solution
(:mod:`pybridge.gap.sup_error`), add the candidate angles where the error exceeds the
LP value, and re-solve, until ``upper - lp_value <= tol``, where ``upper`` is the
smallest exact sup of the solutions met (each is an RF combination).

Result: a bracket :math:`\mathrm{lp\_value} \le \mathrm{RF}^* \le \mathrm{upper}`,
where ``lp_value`` is the LP optimum on a finite angle set (a lower bound up to
the solver tolerance) and ``upper`` the exact sup of the returned coefficients
(float64).  Because the K2 points are in the set, ``lp_value`` is at least the
Theorem A certificate up to the solver tolerance (claim ``gap-ordering``).

For ``d > 2`` the plane RF optimum is a LOWER bound on the RF optimum over
:math:`B^d` (a sup over the plane's circle is at most the sup over the ball).

Source: theory §3.2, §3.6 "Numerical check" (RECON).  An LP that fails, or
cutting planes that do not converge within ``max_iter``, raise
:class:`~pybridge.errors.SolverError`: never a number.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import OptimizeWarning
from scipy.optimize import linprog as _linprog

from pybridge.validation import check_int, check_real, check_vector
from pybridge.errors import InvalidArgument, SolverError
from pybridge.gap.bounds import theorem_a_certificate
from pybridge.gap.sup_error import circle_candidates, circle_kinks
from pybridge.runtime.signals import interruptible


def linprog(*args, **kwargs):
    """:func:`scipy.optimize.linprog` (HiGHS), with SIGINT/SIGTERM handled during the solve."""
    return interruptible(_linprog, *args, **kwargs)

__all__ = ["RFResult", "rf_optimum", "HIGHS_TOL", "DEFAULT_TOL"]

#: HiGHS primal/dual feasibility tolerance used for every gap LP
HIGHS_TOL = 1e-10
#: default stopping tolerance of the cutting planes: upper - lp_value <= DEFAULT_TOL (absolute)
DEFAULT_TOL = 1e-9
#: at most this many violated candidate angles are added per round
MAX_CUTS = 64


@dataclass(frozen=True)
class RFResult:
    r"""Bracket on the RF optimum in the plane.

    Attributes
    ----------
    lp_value : float
        Optimum of the LP on the final angle set: a lower bound on
        :math:`\mathrm{RF}^*` up to the HiGHS tolerance :data:`HIGHS_TOL`.
    upper : float
        Exact sup (float64) of ``coef``: an upper bound on :math:`\mathrm{RF}^*`.
    coef : ndarray, shape (n,)
        The coefficients with the smallest exact sup among the LP solutions of all rounds.
    theta_worst : float
        An angle where ``upper`` is attained.
    iterations : int
        LP solves (1 + cutting-plane rounds).
    n_angles : int
        Size of the final angle set.
    tol : float
        Stopping tolerance reached: ``upper - lp_value <= tol``.
    eta_min, certificate : float
        Theorem A certificate of the same features (model M0).
    """

    lp_value: float
    upper: float
    coef: np.ndarray = field(repr=False)
    theta_worst: float = 0.0
    iterations: int = 0
    n_angles: int = 0
    tol: float = DEFAULT_TOL
    eta_min: float = math.pi / 2
    certificate: float = 0.5

    def decide(self, eps: float) -> str:
        """``"success"`` (upper < eps), ``"failure"`` (lp_value >= eps) or ``"undetermined"``."""
        if self.upper < eps:
            return "success"
        if self.lp_value >= eps:
            return "failure"
        return "undetermined"

    def to_dict(self) -> dict:
        return {
            "lp_value": self.lp_value,
            "upper": self.upper,
            "lp_value_meaning": "LP optimum on a finite angle set: lower bound on the RF optimum "
                                f"(HiGHS feasibility tolerance {HIGHS_TOL:g})",
            "upper_meaning": "exact sup (float64) of the best LP solution: upper bound on the RF optimum",
            "tol": self.tol,
            "iterations": self.iterations,
            "n_angles": self.n_angles,
            "eta_min": self.eta_min,
            "certificate": self.certificate,
        }


def _lp_arrays(phi, f):
    m, n = phi.shape
    ones = np.ones((m, 1))
    a_ub = np.vstack([np.hstack([phi, -ones]), np.hstack([-phi, -ones])])
    b_ub = np.concatenate([f, -f])
    cost = np.zeros(n + 1)
    cost[-1] = 1.0
    return cost, a_ub, b_ub, [(None, None)] * n + [(0.0, None)]


_TOLS = {"primal_feasibility_tolerance": HIGHS_TOL, "dual_feasibility_tolerance": HIGHS_TOL}


def _solve(phi: np.ndarray, f: np.ndarray, method: str = "ipm") -> tuple[np.ndarray, float, float]:
    """Solve the discretised LP; return (coef, primal t, dual objective).

    ``method="simplex"``: dual simplex (a basis: accurate to rounding, but a vertex of the
    optimal face).  ``method="ipm"`` (default):

    HiGHS interior point *without crossover* returns a point in the relative interior
    of the optimal face (the LP optimum is highly degenerate: far from the critical
    angles many coefficient vectors are optimal, and a simplex vertex touches the
    bound ``t`` at grid points and overshoots between them, so cutting planes would
    chase it).  If the interior point method does not report optimality, dual
    simplex is tried.
    """
    cost, a_ub, b_ub, bounds = _lp_arrays(phi, f)
    if method == "simplex":
        res = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs-ds", options=_TOLS)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OptimizeWarning)  # run_crossover is passed to HiGHS verbatim
            res = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs-ipm",
                          options={**_TOLS, "ipm_optimality_tolerance": 1e-12, "run_crossover": "off"})
    if res.status != 0 or res.x is None:
        res = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs-ds", options=_TOLS)
    if res.status != 0 or res.x is None:
        raise SolverError(f"RF linear program failed: HiGHS status {res.status} ({res.message})")
    dual = -math.inf
    marg = getattr(getattr(res, "ineqlin", None), "marginals", None)
    if marg is not None and np.all(np.isfinite(marg)):
        dual = float(b_ub @ np.asarray(marg))
    return np.asarray(res.x[:-1]), float(res.x[-1]), dual


def _simplex_value(phi: np.ndarray, f: np.ndarray) -> float:
    """Optimum of the discretised LP by dual simplex (a basis: primal and dual values agree)."""
    cost, a_ub, b_ub, bounds = _lp_arrays(phi, f)
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs-ds", options=_TOLS)
    if res.status != 0:
        raise SolverError(f"RF linear program (dual simplex) failed: HiGHS status {res.status} ({res.message})")
    return float(res.fun)


def _features(theta, p, q):
    return np.maximum(np.outer(np.cos(theta), p) + np.outer(np.sin(theta), q), 0.0)


def _rf_optimum_iv(p, q, tol, max_iter, grid):
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    if p.shape != q.shape or p.size == 0:
        raise InvalidArgument(f"p and q must have one nonempty shape, got {p.shape} and {q.shape}")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q))):
        raise InvalidArgument("p and q must be finite")
    tol = check_real("tol", tol, min_value=0.0, min_open=True)
    max_iter = check_int("max_iter", max_iter, min_value=1, max_value=10**4)
    grid = check_int("grid", grid, min_value=0, max_value=10**6)
    return p, q, tol, max_iter, grid


def _initial_angles_rf(p, q, eta_min: float, grid: int) -> np.ndarray:
    """The kinks, the three K2 angles around the target's kink, and a uniform grid, reduced mod 2 pi."""
    k2 = np.array([0.5 * math.pi - eta_min, 0.5 * math.pi, 0.5 * math.pi + eta_min])
    theta = np.concatenate([circle_kinks(p, q), k2, np.arange(grid) * (2.0 * math.pi / max(grid, 1))])
    return np.unique(np.mod(theta, 2.0 * math.pi))


def rf_optimum(p, q, *, tol: float = DEFAULT_TOL, max_iter: int = 100, grid: int = 256) -> RFResult:
    r"""RF optimum in the plane (model M0) by LP and cutting planes, as a bracket.

    Parameters
    ----------
    p, q : array_like, shape (n,), n >= 1
        Plane coordinates of the features (:func:`pybridge.gap.networks.plane_coordinates`);
        for the §3.9 masked-feature RF pass the coordinates of every masked feature.
    tol : float, default 1e-9
        Stop when ``upper - lp_value <= tol`` (absolute, dimensionless).
    max_iter : int, default 100
        Maximum number of LP solves.
    grid : int, default 256
        Uniform angles in the initial set.

    Returns
    -------
    RFResult
        ``lp_value <= RF* <= upper`` with ``upper - lp_value <= tol``.

    Raises
    ------
    InvalidArgument
        Empty or mismatched, non-finite input; bad tolerance.
    SolverError
        HiGHS fails, or the cutting planes do not reach ``tol`` within ``max_iter`` solves.

    Notes
    -----
    Claims ``gap-ordering`` (certificate <= RF <= neuron-pruned), ``theorem-a``;
    source theory §3.6 (RECON).

    Examples
    --------
    >>> r = rf_optimum([1.0, 0.0], [0.0, 1.0])  # a feature aligned with w*
    >>> r.upper < 1e-9
    True
    """
    p, q, tol, max_iter, grid = _rf_optimum_iv(p, q, tol, max_iter, grid)
    eta_min, cert = theorem_a_certificate(p, q)
    theta = _initial_angles_rf(p, q, eta_min, grid)
    phi = _features(theta, p, q)
    f = np.maximum(np.cos(theta), 0.0)
    lower = -math.inf
    best = (math.inf, None, 0.0)  # (exact sup, coefficients, worst angle) of the best solution so far
    method, last_gap = "ipm", math.inf
    for it in range(1, max_iter + 1):
        coef, t, dual = _solve(phi, f, method)
        lower = max(lower, min(dual, t))  # adding angles never lowers the discrete optimum
        cand, err = circle_candidates(p, q, coef)
        abs_err = np.abs(err)
        k = int(np.argmax(abs_err))
        if abs_err[k] < best[0]:  # every solution is an RF combination: keep the best upper bound
            best = (float(abs_err[k]), coef, float(cand[k]))
        upper = best[0]
        if abs_err[k] - t <= 0.5 * tol and upper - lower > tol:
            # the interior point's duality gap can exceed tol: certify the discrete optimum by a basis
            lower = max(lower, min(_simplex_value(phi, f), upper))
        if upper - lower <= tol:
            return RFResult(lower, upper, best[1], best[2], it, int(theta.size), tol, eta_min, cert)
        if method == "ipm" and abs_err[k] - t > 0.9 * last_gap:
            # no progress: the new cuts are within the interior point's accuracy (its residual
            # tolerance grows with the number of angles); finish with exact bases
            method = "simplex"
        last_gap = abs_err[k] - t
        bad = np.flatnonzero(abs_err > t + 0.25 * tol)
        bad = bad[np.argsort(-abs_err[bad])][:MAX_CUTS]
        if bad.size == 0:
            raise SolverError(f"RF cutting planes stalled: no violated angle but bracket [{lower!r}, {upper!r}] "
                              f"wider than tol={tol:g} (n={p.size})")
        new = cand[bad]
        theta = np.concatenate([theta, new])
        phi = np.vstack([phi, _features(new, p, q)])
        f = np.concatenate([f, np.maximum(np.cos(new), 0.0)])
    raise SolverError(
        f"RF cutting planes did not reach tol={tol:g} in {max_iter} LP solves "
        f"(last bracket [{lower!r}, {upper!r}], n={p.size})"
    )
