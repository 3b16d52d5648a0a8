r"""Ground truth for quadratic losses :math:`L(w)=\tfrac12(w-w_0)^\top H(w-w_0)`, ``H`` positive definite.

The true pruning limit is the largest number of coordinates that can be set to zero with
:math:`L\le\varepsilon` when the remaining ones may move (re-fit): for a removed set ``Z`` the best
cost is the Schur-complement form :math:`c(Z)=\tfrac12 w_{0,Z}^\top\big((H^{-1})_{ZZ}\big)^{-1}w_{0,Z}`,
which increases with ``Z``.  (Our derivation, RECON; the paper's question, READ-2ND.)

* diagonal ``H``: :math:`c(Z)=\tfrac12\sum_{i\in Z}\lambda_iw_{0,i}^2`; sort the costs; exact in
  rational arithmetic (the float inputs are converted exactly);
* ``D <= 20``: exhaustive over supports, size by size from the top (batched solves, double precision;
  a decision within a relative ``1e-9`` of ``eps`` is flagged as a tie);
* larger ``D``: certified bounds.  Above: if :math:`H\succeq\operatorname{diag}(s)` then
  :math:`c(Z)\ge\tfrac12\sum_{Z}s_iw_{0,i}^2`, so the count of the sorted costs
  :math:`s_iw_{0,i}^2/2` bounds the limit; we take :math:`s=c\,\operatorname{diag}(H)` with ``c`` the
  smallest eigenvalue of the Jacobi-scaled ``H`` shrunk by ``1e-6`` and verify
  :math:`H-\operatorname{diag}(s)\succ0` by a Cholesky factorisation (floating point: a sufficient
  test up to rounding, not an interval proof).  Below: greedy backward elimination (optimal brain
  surgeon: remove the coordinate that raises ``c`` least, with rank-one updates), a feasible support
  whose exact cost is recomputed.

The magnitude-pruning limit is the largest ``k`` for which zeroing the ``k`` smallest :math:`|w_{0,i}|`
keeps :math:`L\le\varepsilon` without re-fitting (``magnitude_limit``) or with re-fitting (``refit=True``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.errors import InvalidArgument
from pybridge.validation import check_int, check_matrix, check_real, check_sequence, check_vector

__all__ = ["LimitResult", "exhaustive_limit", "diagonal_limit", "greedy_limit", "magnitude_limit",
           "relaxation_upper", "schur_cost", "true_limit"]

EXHAUSTIVE_MAX_D = 20
#: largest dimension of the quadratic model (the greedy and relaxation bounds are O(D^4) and O(D^3))
MAX_D = 2000
TIE = 1e-9


@dataclass(frozen=True)
class LimitResult:
    """Largest removable count: ``low <= true <= high``; ``exact`` when ``low == high`` by an exact method."""

    low: int
    high: int
    method: str
    ties: int = 0

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def to_dict(self) -> dict:
        return {"low": self.low, "high": self.high, "method": self.method, "exact": self.exact, "ties": self.ties}


def _check(H, w0, eps):
    H = check_matrix("H", H)
    w0 = check_vector("w0", w0, flatten=True)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    if w0.size > MAX_D:
        raise InvalidArgument(f"w0 must have at most {MAX_D} entries, got {w0.size}")
    if H.ndim != 2 or H.shape != (w0.size, w0.size):
        raise InvalidArgument(f"H must be square of size len(w0)={w0.size}, got shape {H.shape}")
    if not (np.isfinite(eps) and eps > 0):
        raise InvalidArgument(f"eps must be a positive number, got eps={eps!r}")
    return H, w0


def schur_cost(H, w0, removed) -> float:
    """Best loss with the coordinates ``removed`` set to 0 (others re-fitted): :math:`c(Z)`."""
    H, w0 = _check(H, w0, 1.0)
    removed = [check_int(f"removed[{i}]", j, min_value=0, max_value=w0.size - 1)
               for i, j in enumerate(check_sequence("removed", removed))]
    if len(set(removed)) != len(removed):
        raise InvalidArgument(f"removed must not repeat an index, got removed={removed!r}")
    z = np.asarray(sorted(removed), dtype=int)
    if z.size == 0:
        return 0.0
    p = np.linalg.inv(H)[np.ix_(z, z)]
    return 0.5 * float(w0[z] @ np.linalg.solve(p, w0[z]))


def diagonal_limit(lam, w0, eps) -> LimitResult:
    """Exact limit for diagonal ``H = diag(lam)``: sort the costs, exact rational sums."""
    lam = check_vector("lam", lam, flatten=True)
    w0 = check_vector("w0", w0, flatten=True)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    if lam.shape != w0.shape or np.any(lam <= 0):
        raise InvalidArgument("lam must be positive with the shape of w0")
    costs = sorted(Fraction(float(a)) * Fraction(float(b)) ** 2 / 2 for a, b in zip(lam, w0))
    budget, total, k = Fraction(float(eps)), Fraction(0), 0
    for c in costs:
        if total + c > budget:
            break
        total += c
        k += 1
    return LimitResult(k, k, "exact (diagonal, sorted costs, rational arithmetic)")


def exhaustive_limit(H, w0, eps) -> LimitResult:
    """Exact limit for ``D <= 20`` by exhaustive search over supports (largest size first)."""
    H, w0 = _check(H, w0, eps)
    d = w0.size
    if d > EXHAUSTIVE_MAX_D:
        raise InvalidArgument(f"exhaustive search needs D <= {EXHAUSTIVE_MAX_D}, got D={d}")
    P = np.linalg.inv(H)
    ties = 0
    for k in range(d, 0, -1):
        subsets = np.array(list(itertools.combinations(range(d), k)))
        blocks = P[subsets[:, :, None], subsets[:, None, :]]
        rhs = w0[subsets]
        costs = 0.5 * np.einsum("ij,ij->i", rhs, np.linalg.solve(blocks, rhs[..., None])[..., 0])
        ties += int(np.count_nonzero(np.abs(costs - eps) <= TIE * eps))
        if np.any(costs <= eps):
            return LimitResult(k, k, "exact (exhaustive over supports, double precision)", ties)
    return LimitResult(0, 0, "exact (exhaustive over supports, double precision)", ties)


def greedy_limit(H, w0, eps) -> int:
    """A feasible removable count by greedy backward elimination (exact cost of the final support rechecked)."""
    H, w0 = _check(H, w0, eps)
    d = w0.size
    P = np.linalg.inv(H)
    removed: list[int] = []
    remaining = list(range(d))
    best_feasible = 0
    for _ in range(d):
        best, best_cost = None, np.inf
        for i in remaining:
            z = removed + [i]
            pz = P[np.ix_(z, z)]
            c = 0.5 * float(w0[z] @ np.linalg.solve(pz, w0[z]))
            if c < best_cost:
                best, best_cost = i, c
        if best_cost > eps:
            break
        removed.append(best)
        remaining.remove(best)
        best_feasible = len(removed)
    if best_feasible and schur_cost(H, w0, removed) > eps:  # pragma: no cover - rounding safety
        best_feasible -= 1
    return best_feasible


def relaxation_upper(H, w0, eps) -> int:
    """Upper bound on the removable count from :math:`H\\succeq c\\,\\mathrm{diag}(H)` (see module docstring)."""
    H, w0 = _check(H, w0, eps)
    dg = np.diag(H)
    scale = 1 / np.sqrt(dg)
    c = float(np.linalg.eigvalsh(H * np.outer(scale, scale))[0]) * (1 - 1e-6)
    if c <= 0:
        return w0.size
    s = c * dg
    np.linalg.cholesky(H - np.diag(s))  # raises LinAlgError if the relaxation were invalid
    return diagonal_limit(s, w0, eps).high


def true_limit(H, w0, eps) -> LimitResult:
    """The true limit: exact for diagonal ``H`` or ``D <= 20``, else ``[greedy, relaxation]`` bounds."""
    H, w0 = _check(H, w0, eps)
    if np.count_nonzero(H - np.diag(np.diag(H))) == 0:
        return diagonal_limit(np.diag(H), w0, eps)
    if w0.size <= EXHAUSTIVE_MAX_D:
        return exhaustive_limit(H, w0, eps)
    lo, hi = greedy_limit(H, w0, eps), relaxation_upper(H, w0, eps)
    return LimitResult(lo, max(lo, hi), "bounds: greedy backward elimination (below), diag(s) <= H relaxation (above)")


def magnitude_limit(H, w0, eps, *, refit: bool = False) -> int:
    """Largest ``k`` such that zeroing the ``k`` smallest magnitudes keeps the loss ``<= eps``."""
    H, w0 = _check(H, w0, eps)
    order = np.argsort(np.abs(w0), kind="stable")
    k_best = 0
    P = np.linalg.inv(H) if refit else None
    for k in range(1, w0.size + 1):
        z = order[:k]
        if refit:
            c = 0.5 * float(w0[z] @ np.linalg.solve(P[np.ix_(z, z)], w0[z]))
        else:
            c = 0.5 * float(w0[z] @ H[np.ix_(z, z)] @ w0[z])
        if c > eps:
            break
        k_best = k
    return k_best
