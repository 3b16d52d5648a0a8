r"""The best neuron-pruned subnetwork, exactly: exhaustive search or MILP with cutting planes.

Neuron pruning keeps a subset :math:`S` of hidden units:
:math:`g_S = \sum_{i \in S} v_i\sigma(\langle u_i, x\rangle)` (M0) or :math:`\sigma(g_S)`
(M1), and the error is the exact sup (:mod:`pybridge.gap.sup_error`).

* **Exhaustive** (``n <= 16``; M0 and M1).  Every subset's error is bounded below by
  its max over a finite angle set (kinks and a uniform grid), computed for all
  :math:`2^n` subsets at once; subsets are then verified *exactly* in increasing
  order of that lower bound until the next lower bound reaches the best exact
  error.  The answer is the exact optimum (float64 rounding).
* **MILP** (M0, ``n > 16``).  :func:`scipy.optimize.milp` (HiGHS) minimises
  :math:`t` over binary :math:`b` with :math:`|\sum_i b_i v_i\phi_i(\theta_k) - f_k| \le t` on a
  finite angle set; cutting planes add the worst angles of the exact sup of the
  chosen subset until ``error - lower <= tol``.  ``lower`` is the MILP dual bound (a
  lower bound on the optimum over the finite set, hence on the true optimum).
  A MILP that fails or hits its time limit raises :class:`~pybridge.errors.SolverError`.
* **d = 1**: neuron pruning is random subset sum on :math:`\{v_iu_i\}_{u_i w^* > 0}`
  (theory §3.6 corollary, claim ``d1-no-gap``), solved by meet in the middle
  (:func:`pybridge.rss.subset_sum.best_subset`).

For ``d > 2`` the errors are over the circle of the plane :math:`P`: lower bounds
on the errors over :math:`B^d` (and the optimum over :math:`P` is a lower bound on
the optimum over :math:`B^d`).

Source: theory §3.2, §3.6, §5.1 (RECON); claim ``gap-ordering``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint
from scipy.optimize import milp as _milp_solve

from pybridge.validation import check_choice, check_int, check_real, check_vector
from pybridge.errors import InvalidArgument, SolverError
from pybridge.rss import MAX_MITM_N, best_subset
from pybridge.gap.sup_error import EXACT, PLANE_LOWER, circle_candidates, circle_kinks
from pybridge.runtime.signals import interruptible


def milp(*args, **kwargs):
    """:func:`scipy.optimize.milp` (HiGHS), with SIGINT/SIGTERM handled during the solve."""
    return interruptible(_milp_solve, *args, **kwargs)

__all__ = [
    "NeuronPruningResult",
    "best_neuron_subset",
    "best_neuron_subset_line",
    "EXHAUSTIVE_MAX",
    "MILP_MAX",
]

#: exhaustive search up to this n (2**16 subsets)
EXHAUSTIVE_MAX = 16
#: MILP refuses larger n (binary variables)
MILP_MAX = 200
_CHUNK = 4096


@dataclass(frozen=True)
class NeuronPruningResult:
    r"""The best neuron-pruned subnetwork.

    Attributes
    ----------
    mask : ndarray of bool, shape (n,)
        Kept units.
    error : float
        Exact sup error of the kept subnetwork (an upper bound on the optimum).
    lower : float
        Lower bound on the optimum (equal to ``error`` for exhaustive search and d = 1;
        the MILP dual bound otherwise).
    method : str
        ``"exhaustive"``, ``"milp"`` or ``"subset-sum (d=1)"``.
    exactness : str
        Label of ``error`` (exact for d <= 2, plane lower bound for d > 2).
    work : int
        Exact evaluations (exhaustive) or MILP solves (milp).
    """

    mask: np.ndarray = field(repr=False)
    error: float = 1.0
    lower: float = 1.0
    method: str = "exhaustive"
    exactness: str = EXACT
    work: int = 0

    @property
    def size(self) -> int:
        return int(np.count_nonzero(self.mask))

    def to_dict(self) -> dict:
        return {"error": self.error, "lower": self.lower, "kept_units": [int(i) for i in np.flatnonzero(self.mask)],
                "method": self.method, "exactness": self.exactness, "work": self.work}


def _features(theta, p, q):
    return np.maximum(np.outer(np.cos(theta), p) + np.outer(np.sin(theta), q), 0.0)


def _start_angles(p, q, grid):
    theta = np.concatenate([circle_kinks(p, q), np.arange(grid) * (2.0 * math.pi / grid)])
    return np.unique(np.mod(theta, 2.0 * math.pi))


def _exact(p, q, v, mask, model):
    theta, err = circle_candidates(p, q, v * mask, model=model)
    k = int(np.argmax(np.abs(err)))
    return float(abs(err[k])), float(theta[k])


def _exhaustive(p, q, v, model, grid):
    n = p.size
    theta = _start_angles(p, q, grid)
    fv = _features(theta, p, q) * v  # (K, n)
    f = np.maximum(np.cos(theta), 0.0)
    bits = (np.arange(1 << n)[:, None] >> np.arange(n)) & 1
    lower = np.empty(1 << n)
    for s in range(0, 1 << n, _CHUNK):
        g = bits[s:s + _CHUNK].astype(np.float64) @ fv.T
        if model == "M1":
            g = np.maximum(g, 0.0)
        lower[s:s + _CHUNK] = np.abs(g - f).max(axis=1)
    order = np.argsort(lower, kind="stable")
    best, best_mask, evaluated = math.inf, 0, 0
    for idx in order:
        if lower[idx] >= best:
            break
        err, _ = _exact(p, q, v, bits[idx].astype(np.float64), model)
        evaluated += 1
        if err < best:
            best, best_mask = err, int(idx)
    mask = bits[best_mask].astype(bool)
    return mask, best, best, evaluated


def _milp(p, q, v, grid, tol, time_limit, max_iter):
    n = p.size
    theta = _start_angles(p, q, grid)
    deadline = time.monotonic() + time_limit
    cost = np.zeros(n + 1)
    cost[-1] = 1.0
    integrality = np.concatenate([np.ones(n), [0]])
    bounds = Bounds(np.zeros(n + 1), np.concatenate([np.ones(n), [np.inf]]))
    for it in range(1, max_iter + 1):
        fv = _features(theta, p, q) * v
        f = np.maximum(np.cos(theta), 0.0)
        m = theta.size
        a = np.vstack([np.hstack([fv, -np.ones((m, 1))]), np.hstack([-fv, -np.ones((m, 1))])])
        cons = LinearConstraint(a, -np.inf, np.concatenate([f, -f]))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SolverError(f"neuron-pruning MILP hit its time limit ({time_limit:g} s) after {it - 1} solves")
        res = milp(cost, integrality=integrality, bounds=bounds, constraints=cons,
                   options={"time_limit": remaining, "mip_rel_gap": 1e-9})
        if res.status == 1:
            raise SolverError(f"neuron-pruning MILP hit its time limit ({time_limit:g} s): {res.message}")
        if res.status != 0 or res.x is None:
            raise SolverError(f"neuron-pruning MILP failed: HiGHS status {res.status} ({res.message})")
        lower = float(getattr(res, "mip_dual_bound", res.fun))
        if not math.isfinite(lower):
            lower = float(res.fun)
        mask = res.x[:n] > 0.5
        cand, err = circle_candidates(p, q, v * mask)
        abs_err = np.abs(err)
        upper = float(abs_err.max())
        if upper - lower <= tol:
            return mask, upper, min(lower, upper), it
        bad = np.flatnonzero(abs_err > float(res.x[-1]) + 0.5 * tol)
        bad = bad[np.argsort(-abs_err[bad])][:32]
        theta = np.concatenate([theta, cand[bad]])
    raise SolverError(f"neuron-pruning MILP cutting planes did not reach tol={tol:g} in {max_iter} solves")


def best_neuron_subset(p, q, v, *, model: str = "M0", d: int = 2, method: str = "auto", grid: int = 256,
                       tol: float = 1e-7, time_limit: float = 60.0, max_iter: int = 40) -> NeuronPruningResult:
    r"""Best neuron-pruned subnetwork on the circle of the plane (exact).

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Plane coordinates of the hidden weights (:func:`pybridge.gap.networks.plane_coordinates`).
    v : array_like, shape (n,)
        Output weights (kept as they are: neuron pruning only selects units).
    model : {"M0", "M1"}
    d : int >= 2, default 2
        Input dimension (sets the exactness label).
    method : {"auto", "exhaustive", "milp"}
        ``auto``: exhaustive for ``n <= 16``, MILP beyond (M0 only).
    grid : int, default 256
        Uniform angles in the finite angle set.
    tol : float, default 1e-7
        MILP stopping tolerance ``error - lower <= tol`` (absolute).
    time_limit : float, default 60
        Seconds for all MILP solves together.
    max_iter : int, default 40
        MILP solves (cutting-plane rounds).

    Returns
    -------
    NeuronPruningResult

    Raises
    ------
    InvalidArgument
        Mismatched shapes, exhaustive search beyond n = 16 (or M1 beyond it), n > 200 for MILP.
    SolverError
        The MILP fails, hits its time limit, or its cutting planes do not converge.

    Notes
    -----
    Claim ``gap-ordering`` (RF optimum <= best neuron-pruned error); theory §3.2 (RECON).

    Examples
    --------
    >>> r = best_neuron_subset([1.0, 0.3], [0.0, 1.0], [1.0, 0.5])  # unit 0 is the target
    >>> r.mask.tolist(), r.error
    ([True, False], 0.0)
    """
    check_choice("model", model, ("M0", "M1"))
    check_choice("method", method, ("auto", "exhaustive", "milp"))
    d = check_int("d", d, min_value=2)
    grid = check_int("grid", grid, min_value=8, max_value=10**5)
    tol = check_real("tol", tol, min_value=0.0, min_open=True)
    time_limit = check_real("time_limit", time_limit, min_value=0.0, max_value=86400.0, min_open=True)
    max_iter = check_int("max_iter", max_iter, min_value=1, max_value=10**4)
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    v = check_vector("v", v, length=p.size, flatten=True)
    if not (p.shape == q.shape == v.shape) or p.size == 0:
        raise InvalidArgument(f"p, q, v must have one nonempty shape, got {p.shape}, {q.shape}, {v.shape}")
    n = p.size
    if method == "auto":
        method = "exhaustive" if n <= EXHAUSTIVE_MAX else "milp"
    label = EXACT if d == 2 else PLANE_LOWER
    if method == "exhaustive":
        if n > EXHAUSTIVE_MAX:
            raise InvalidArgument(f"exhaustive neuron pruning needs n <= {EXHAUSTIVE_MAX}, got n={n}")
        mask, err, low, work = _exhaustive(p, q, v, model, grid)
        return NeuronPruningResult(mask, err, low, "exhaustive", label, work)
    if model != "M0":
        raise InvalidArgument(f"the MILP is for model M0; M1 neuron pruning is exhaustive only (n <= {EXHAUSTIVE_MAX})")
    if n > MILP_MAX:
        raise InvalidArgument(f"neuron-pruning MILP needs n <= {MILP_MAX}, got n={n}")
    mask, err, low, work = _milp(p, q, v, grid, tol, time_limit, max_iter)
    return NeuronPruningResult(mask, err, low, "milp", label, work)


def best_neuron_subset_line(u, v, w_sign, *, model: str = "M0") -> NeuronPruningResult:
    r"""Best neuron-pruned subnetwork for ``d = 1`` (random subset sum, exact).

    With :math:`w^* = \pm1`, :math:`v_i\sigma(u_i x) = v_iu_i\sigma(x)` for :math:`u_i > 0` and
    :math:`v_i|u_i|\sigma(-x)` for :math:`u_i < 0`; the error is
    :math:`\max(|A_S - 1|, |B_S|)` with :math:`A_S` the sum over kept units on the
    target's side, so the optimum keeps no unit on the other side and is the
    best subset sum of :math:`\{v_i|u_i|\}` on the target's side for target 1
    (for M1: :math:`\min(1, \cdot)`).

    Parameters
    ----------
    u, v : array_like, shape (n,)
    w_sign : +1 or -1
    model : {"M0", "M1"}

    Returns
    -------
    NeuronPruningResult
        Exact (the subset-sum error is recomputed in exact rationals; float64 returned).

    Raises
    ------
    InvalidArgument
        More than 48 units on the target's side (meet-in-the-middle limit).

    Notes
    -----
    Claim ``d1-no-gap``; theory §3.6 corollary "d = 1 is degenerate" (RECON).
    """
    check_choice("model", model, ("M0", "M1"))
    u = check_vector("u", u, flatten=True)
    v = check_vector("v", v, length=u.size, flatten=True)
    w_sign = check_real("w_sign", w_sign)
    side = np.flatnonzero(u * float(w_sign) > 0.0)
    if side.size > MAX_MITM_N:
        raise InvalidArgument(f"d = 1 neuron pruning is exact for at most {MAX_MITM_N} units on the target's side, "
                              f"got {side.size}")
    xs = v[side] * np.abs(u[side])
    res = best_subset(xs, 1.0)
    mask = np.zeros(u.size, dtype=bool)
    for j, i in enumerate(side):
        if (res.mask >> j) & 1:
            mask[i] = True
    err = float(res.error)
    if model == "M1" and err > 1.0:
        mask[:] = False
        err = 1.0
    return NeuronPruningResult(mask, err, err, "subset-sum (d=1)", EXACT, 1)
