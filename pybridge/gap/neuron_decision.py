r"""Exact decision for neuron pruning in the plane: is there a subset with sup error < ε?

The Monte Carlo of neuron pruning needs only the event "some subset :math:`S` of the
hidden units has :math:`\sup_\theta|E_S(\theta)| < \varepsilon`", where (model M0, on the
circle :math:`x_\theta` of the plane; :math:`d = 2`: the sup over :math:`B^2` by positive
homogeneity, theory §3.3(a))

.. math:: E_S(\theta) = \sum_{i \in S} v_i\sigma(p_i\cos\theta + q_i\sin\theta) - \sigma(\cos\theta).

:func:`decide_neuron_pruning` answers ``"yes"``, ``"no"`` or ``"undetermined"``, in stages:

1. **Certificate** (exact, at once).  Only units with :math:`v_i \ne 0` count.  If none
   has its kink within :math:`\eta_\varepsilon = 2\arctan 2\varepsilon` of the target's
   (:func:`pybridge.gap.exact_sup.kinks_within`, exact rationals), Theorem A's
   certificate :math:`\tfrac12\tan(\eta_{\min}/2) \ge \varepsilon` bounds the error of
   *every* real combination of the units, so of every subset: **no**.  The same lemma,
   applied to a subset, gives a valid inequality for all later stages: a subset with error
   < ε contains a unit :math:`i \in K` (kink within :math:`\eta_\varepsilon`),
   :math:`\sum_{i \in K} b_i \ge 1`.  Rotated and scaled, the same lemma gives the
   kink-isolation cuts of :func:`_partner_rows` (a kept unit with a large jump needs
   another kink nearby) and fixes to 0 the units that have none.
2. **Relaxation** (proves *no*).  On a finite angle set :math:`\Theta` (every kink near
   the target's, Lemma K2's three points, a uniform grid), a subset with error < ε
   satisfies :math:`|\sum_i b_iv_i\phi_i(\theta_k) - f_k| \le \varepsilon + \delta` for
   :math:`b \in \{0,1\}^n`, hence for some :math:`b \in [0,1]^n` (a box-constrained RF
   combination).  If this linear program is infeasible: **no**.
3. **Constructive search** (proves *yes*).  The same system with binary :math:`b` is
   solved by :func:`scipy.optimize.milp` (HiGHS, feasibility).  Infeasible: **no** (a
   relaxation of the question, as in 2).  Feasible: the subset found is checked by the
   exact sup (:func:`pybridge.gap.exact_sup.sup_below`, rational arithmetic on each
   sinusoidal piece): below ε: **yes**.  Otherwise **cutting planes**: every candidate
   maximiser of :math:`|E_S|` (kinks and the stationary points of every piece, so every
   violated local maximum) where :math:`|E_S| \ge \varepsilon` is added to
   :math:`\Theta` at once; when none of them exceeds :math:`\varepsilon + 2\delta` (the
   subset would survive them), a no-good cut :math:`\sum_{i \in S}(1 - b_i) + \sum_{i
   \notin S} b_i \ge 1` removes it — valid because its exact sup is at least ε.
   Then re-solve.

Soundness.  *Yes* is proved by an exact computation on the returned subset, independent
of any solver.  *No* rests on the exact certificate (stage 1) or on an infeasibility
reported by HiGHS for a system that every subset with error < ε satisfies with slack at
least :data:`MARGIN` on every row (stages 2–3; the angle cuts and no-good cuts only remove
subsets whose error is at least ε): the margin is 10× HiGHS's MIP feasibility tolerance
(1e-6), so such a subset cannot be lost to tolerances.  A solver failure, a time limit or
:data:`MAX_ROUNDS` rounds give **undetermined**: never a guess.  Float exactness: the
instance :math:`(p, q, v)` is taken as exact rationals; the plane coordinates of a
non-axis target or of ``d > 2`` are themselves rounded projections (and for ``d > 2`` the
plane's circle gives an event containing the true one, as in
:mod:`pybridge.gap.neuron_pruning`).

Source: theory §3.3–§3.6 (RECON; Lemmas K2, K3, Theorem A); claims ``theorem-a-core``,
``gap-ordering``.
"""

from __future__ import annotations

import math
import time
import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, OptimizeWarning
from scipy.optimize import linprog as _linprog
from scipy.optimize import milp as _milp
from scipy.sparse import csr_matrix, vstack as sparse_vstack

from pybridge.errors import InvalidArgument
from pybridge.gap.bounds import eta_eps
from pybridge.gap.exact_sup import kinks_within, sup_below
from pybridge.gap.sup_error import circle_candidates, circle_kinks
from pybridge.runtime.signals import interruptible
from pybridge.validation import check_int, check_real, check_vector

__all__ = ["YES", "NO", "UNDETERMINED", "MARGIN", "MAX_ROUNDS", "NeuronDecision", "decide_neuron_pruning"]

YES, NO, UNDETERMINED = "yes", "no", "undetermined"
#: slack added to eps on every row: 10x HiGHS's MIP feasibility tolerance (1e-6)
MARGIN = 1e-5
#: cutting-plane rounds before "undetermined"
MAX_ROUNDS = 200
#: uniform angles of the initial set
GRID = 64


@dataclass(frozen=True)
class NeuronDecision:
    r"""The answer to "is there a subset with sup error < ε?" and how it was reached.

    Attributes
    ----------
    answer : str
        ``"yes"``, ``"no"`` or ``"undetermined"``.
    mask : ndarray of bool, shape (n,)
        For ``"yes"``: a subset with exact sup error < ε.  Otherwise the best subset met
        (smallest float64 sup error; the empty subset if none).
    upper : float
        Sup error of ``mask`` (float64 evaluation; exact answer for the comparison with ε).
    lower : float
        A lower bound on the optimum: ε for ``"no"``, Theorem A's certificate otherwise.
    stage : str
        ``"certificate"``, ``"relaxation"``, ``"milp"`` or ``"limit"``.
    rounds : int
        MILP solves.
    reason : str
        Why the answer is undetermined (empty otherwise).
    """

    answer: str
    mask: np.ndarray = field(repr=False)
    upper: float = 1.0
    lower: float = 0.0
    stage: str = "certificate"
    rounds: int = 0
    reason: str = ""

    def to_dict(self) -> dict:
        return {"answer": self.answer, "kept_units": [int(i) for i in np.flatnonzero(self.mask)],
                "upper": self.upper, "lower": self.lower, "stage": self.stage, "rounds": self.rounds,
                "reason": self.reason}


def _features(theta, p, q):
    return np.maximum(np.outer(np.cos(theta), p) + np.outer(np.sin(theta), q), 0.0)


def _initial_angles(p, q, eps):
    eta = eta_eps(eps)
    kinks = circle_kinks(p, q)
    off = np.abs(np.mod(kinks, math.pi) - 0.5 * math.pi)  # distance to the target's kinks +-pi/2
    near = kinks[off < 4.0 * eta]
    k2 = np.array([-eta, 0.0, eta])
    theta = np.concatenate([near, 0.5 * math.pi + k2, -0.5 * math.pi + k2, np.arange(GRID) * (2 * math.pi / GRID)])
    return np.unique(np.mod(theta, 2 * math.pi))


def _rows(theta, p, q, v, tau):
    a = _features(theta, p, q) * v
    f = np.maximum(np.cos(theta), 0.0)
    a[np.abs(a) < 1e-13] = 0.0
    return csr_matrix(a), f - tau, f + tau


def _circ(a, b):
    d = np.abs(np.mod(a - b, 2 * math.pi))
    return np.minimum(d, 2 * math.pi - d)


def _partner_rows(p, q, v, eps, live):
    r"""Kink-isolation cuts: each kink of a kept unit needs another kink within :math:`\eta_i^*`.

    A kept unit :math:`i` puts a kink of jump :math:`J_i = |v_i|\,\|u_i\|` at
    :math:`\alpha_i \pm \pi/2`.  If no other kink of the subset (nor the target's) lies
    within :math:`\eta_i^* = 2\arctan(2\varepsilon/J_i)` of it, the error there is a
    sinusoid plus that one kink, at least :math:`J_i\cdot\tfrac12\tan(\eta_i^*/2) =
    \varepsilon` (Lemma K2, rotated and scaled; it needs :math:`\eta_i^* \le \pi/2`, i.e.
    :math:`J_i \ge 2\varepsilon`, so smaller units get no cut).  So
    :math:`b_i \le \sum_{j \in P} b_j` over the units :math:`P` with a kink that close
    (partners are over-included by a relative 1e-9, which only weakens the cut);
    :math:`P = \emptyset` fixes :math:`b_i = 0`, and fixing repeats until nothing changes.
    Returns ``(rows, fixed)``: a list of ``(i, partners)`` and a bool mask of units fixed to 0.
    """
    alpha = np.arctan2(q, p)
    kinks = np.stack([alpha + 0.5 * math.pi, alpha - 0.5 * math.pi])  # (2, n)
    jump = np.abs(v) * np.hypot(p, q)
    with np.errstate(divide="ignore"):
        reach = 2.0 * np.arctan(2.0 * eps / jump) * (1 + 1e-9) + 1e-12
    cut = live & (jump > 2.0 * eps * (1 + 1e-9))  # K2 needs an arc of half-width <= pi/2: J_i > 2 eps
    fixed = ~live
    while True:
        rows, newly = [], False
        for i in np.flatnonzero(cut & ~fixed):
            for k in kinks[:, i]:
                if min(abs(_circ(k, 0.5 * math.pi)), abs(_circ(k, -0.5 * math.pi))) < reach[i]:
                    continue
                close = (_circ(kinks, k) < reach[i]).any(axis=0) & ~fixed
                close[i] = False
                if not close.any():
                    fixed[i], newly = True, True
                    break
                rows.append((int(i), np.flatnonzero(close)))
        if not newly:
            return [(i, part) for i, part in rows if not fixed[i]], fixed & live


class _System:
    """The rows of the finite-angle system plus the certificate row and no-good rows."""

    def __init__(self, p, q, v, eps, near, partners):
        self.p, self.q, self.v, self.tau = p, q, v, eps + MARGIN
        self.blocks, self.lo, self.hi = [], [], []
        self.theta = np.empty(0)
        row = np.zeros((1 + len(partners), v.size))
        row[0, near] = 1.0
        for k, (i, part) in enumerate(partners, start=1):
            row[k, part] = -1.0
            row[k, i] = 1.0
        self._add(csr_matrix(row), [1.0] + [-np.inf] * len(partners), [np.inf] + [0.0] * len(partners))

    def _add(self, a, lo, hi):
        self.blocks.append(a)
        self.lo.append(np.asarray(lo, dtype=np.float64))
        self.hi.append(np.asarray(hi, dtype=np.float64))

    def add_angles(self, theta):
        new = np.setdiff1d(np.mod(theta, 2 * math.pi), self.theta)
        if new.size:
            self.theta = np.concatenate([self.theta, new])
            self._add(*_rows(new, self.p, self.q, self.v, self.tau))
        return new.size

    def add_no_good(self, mask):
        row = np.where(mask, -1.0, 1.0)[None, :]
        self._add(csr_matrix(row), [1.0 - float(np.count_nonzero(mask))], [np.inf])

    def constraint(self):
        return LinearConstraint(sparse_vstack(self.blocks, format="csr"), np.concatenate(self.lo),
                                np.concatenate(self.hi))


def _relaxation_infeasible(system, n, ub, remaining):
    """Stage 2: the box relaxation b in [0, 1]^n of the finite-angle system (None: solver trouble)."""
    con = system.constraint()
    a = con.A
    a_ub = sparse_vstack([a, -a], format="csr")
    b_ub = np.concatenate([con.ub, -con.lb])
    keep = np.isfinite(b_ub)
    res = interruptible(_linprog, np.zeros(n), A_ub=a_ub[keep], b_ub=b_ub[keep], bounds=list(zip(np.zeros(n), ub)),
                        method="highs", options={"time_limit": max(remaining, 1e-3)})
    if res.status == 2:
        return True
    return False if res.status == 0 else None


def _solve(system, n, ub, remaining):
    """One MILP feasibility solve: ``("infeasible", None)``, ``("feasible", mask)`` or ``("failed", message)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OptimizeWarning)
        res = interruptible(_milp, np.zeros(n), integrality=np.ones(n), bounds=Bounds(0.0, ub),
                            constraints=system.constraint(), options={"time_limit": max(remaining, 1e-3)})
    if res.status == 2:
        return "infeasible", None
    if res.status == 0 and res.x is not None:
        return "feasible", res.x > 0.5
    return "failed", f"HiGHS status {res.status} ({res.message})"


def _iv(p, q, v, eps, time_limit, max_rounds):
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    v = check_vector("v", v, length=p.size, flatten=True)
    if p.size == 0:
        raise InvalidArgument("p, q, v must be nonempty, got n=0")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(q)) and np.all(np.isfinite(v))):
        raise InvalidArgument("p, q, v must be finite")
    eps = check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)
    time_limit = check_real("time_limit", time_limit, min_value=0.0, max_value=86400.0, min_open=True)
    max_rounds = check_int("max_rounds", max_rounds, min_value=1, max_value=10**5)
    return p, q, v, eps, time_limit, max_rounds


def _sup(p, q, v, mask):
    cand, err = circle_candidates(p, q, v * mask)
    return cand, np.abs(err)


def decide_neuron_pruning(p, q, v, eps, *, time_limit: float = 60.0,
                          max_rounds: int = MAX_ROUNDS) -> NeuronDecision:
    r"""Decide exactly whether some subset of the units has sup error < ε on the circle (model M0).

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Plane coordinates of the hidden weights (:func:`pybridge.gap.networks.plane_coordinates`).
    v : array_like, shape (n,)
        Output weights (neuron pruning keeps them as they are).
    eps : float in (0, 1/2)
    time_limit : float, default 60
        Seconds for all solves together; beyond it the answer is ``"undetermined"``.
    max_rounds : int, default :data:`MAX_ROUNDS`
        MILP solves before ``"undetermined"``.

    Returns
    -------
    NeuronDecision
        ``"yes"`` with a subset whose exact sup error is < ε, ``"no"`` (proved: see the
        module docstring), or ``"undetermined"`` with its reason.

    Raises
    ------
    InvalidArgument
        Empty, mismatched or non-finite input; ε outside (0, 1/2); bad limits.

    Notes
    -----
    Claims ``theorem-a-core`` (stage 1), ``gap-ordering``; theory §3.3–§3.6 (RECON).

    Examples
    --------
    >>> decide_neuron_pruning([1.0, 0.3], [0.0, 1.0], [1.0, 0.5], 0.01).answer  # unit 0 is the target
    'yes'
    >>> decide_neuron_pruning([0.0, 0.3], [1.0, 1.0], [1.0, 0.5], 0.01).answer  # no kink near the target's
    'no'
    """
    p, q, v, eps, time_limit, max_rounds = _iv(p, q, v, eps, time_limit, max_rounds)
    deadline = time.monotonic() + time_limit
    early, system, ub, cert = _stages_before_search(p, q, v, eps, deadline)
    if early is not None:
        return early
    return _cutting_planes(p, q, v, eps, system, ub, cert, deadline, time_limit, max_rounds)


def _stages_before_search(p, q, v, eps, deadline):
    """Stages 1-2: the Theorem A certificate and the relaxation (exact "no"s), else the prepared MILP system.

    Returns ``(decision or None, system, upper bounds, certificate value)``.
    """
    n = p.size
    live = v != 0.0
    near = kinks_within(p, q, eps) & live
    eta = np.where(live, np.arctan2(np.abs(q), np.abs(p)), 0.5 * math.pi)
    cert = 0.5 * math.tan(0.5 * float(eta.min()))
    empty = np.zeros(n, dtype=bool)
    if not near.any():
        return NeuronDecision(NO, empty, 1.0, eps, "certificate"), None, None, cert
    partners, fixed = _partner_rows(p, q, v, eps, live)
    near &= ~fixed
    if not near.any():
        return NeuronDecision(NO, empty, 1.0, eps, "certificate"), None, None, cert
    ub = np.where(fixed, 0.0, 1.0)
    system = _System(p, q, v, eps, near, partners)
    system.add_angles(_initial_angles(p, q, eps))
    if _relaxation_infeasible(system, n, ub, deadline - time.monotonic()):
        return NeuronDecision(NO, empty, 1.0, eps, "relaxation"), None, None, cert
    return None, system, ub, cert


def _cutting_planes(p, q, v, eps, system, ub, cert, deadline, time_limit, max_rounds) -> NeuronDecision:
    """Stage 3: MILP feasibility rounds, each adding every violated maximum (or a no-good cut)."""
    n = p.size
    best = (1.0, np.zeros(n, dtype=bool))
    for it in range(1, max_rounds + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return NeuronDecision(UNDETERMINED, best[1], best[0], cert, "limit", it - 1,
                                  f"time limit {time_limit:g} s after {it - 1} MILP solves")
        status, out = _solve(system, n, ub, remaining)
        if status == "infeasible":
            return NeuronDecision(NO, best[1], best[0], eps, "milp", it)
        if status == "failed":
            return NeuronDecision(UNDETERMINED, best[1], best[0], cert, "limit", it, f"MILP failed: {out}")
        mask = out
        cand, err = _sup(p, q, v, mask)
        top = float(err.max())
        if top < best[0]:
            best = (top, mask)
        if top < eps + 2 * MARGIN and sup_below(p, q, v * mask, eps):
            return NeuronDecision(YES, mask, top, cert, "milp", it)
        added = system.add_angles(cand[err >= eps])
        if top <= eps + 2 * MARGIN or added == 0:
            system.add_no_good(mask)  # its exact sup is >= eps (sup_below said so, or top > eps + 2 MARGIN)
    return NeuronDecision(UNDETERMINED, best[1], best[0], cert, "limit", max_rounds,
                          f"no decision in {max_rounds} MILP solves")
