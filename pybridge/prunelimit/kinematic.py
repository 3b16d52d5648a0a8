r"""The phase transition of the approximate kinematic formula, checked on concrete random subspaces.

For a uniformly random subspace :math:`L` of dimension ``m`` in :math:`\mathbb R^D` and a closed convex
cone ``C``, ALMT Theorem I (arXiv 1303.6672; MEM: the statement as given in issue 15 and remembered,
we read only the abstract) says, with :math:`a_\eta=\sqrt{8\log(4/\eta)}`:

* :math:`m\le D-\delta(C)-a_\eta\sqrt D\Rightarrow\Pr[L\cap C\ne\{0\}]\le\eta`;
* :math:`m\ge D-\delta(C)+a_\eta\sqrt D\Rightarrow\Pr[L\cap C\ne\{0\}]\ge1-\eta`.

Each trial draws :math:`L=\operatorname{range}(B)`, ``B`` a ``D x m`` Gaussian matrix, and decides
:math:`L\cap C\ne\{0\}` exactly or by a linear program:

* circular cone, in ALMT's randomly rotated form (:math:`L` fixed, the cone's axis :math:`u` uniform on
  the sphere): meets iff :math:`\|P_Lu\|\ge\cos\alpha` (the largest cosine between the axis and
  ``L``); for a concrete basis (``decide_meets``) by QR; the exact probability is
  :math:`\Pr[\mathrm{Beta}(m/2,(D-m)/2)\ge\cos^2\alpha]` (rotation invariance; our derivation);
* subspace of dimension ``k``: meets iff ``rank [B, E_k] < m + k`` (SVD); almost surely iff
  :math:`m+k>D`;
* orthant: LP ``max 1'Bz s.t. Bz >= 0, 1'Bz <= 1`` (HiGHS): meets iff the optimum is 1 (else 0);
  exact probability :math:`2\sum_{j\ge0}v_{D-m+1+2j}` with :math:`v_i=\binom Di2^{-D}` (the Crofton
  formula for the orthant's intrinsic volumes; MEM) in exact rationals;
* l1 descent cone at an ``s``-sparse point: LP ``min sum_{i<=s} h_i + sum_{i>s} |h_i|`` over
  ``h = Bz``, ``||h||_inf <= 1``; meets iff the optimum is negative (the directional derivative of the
  l1 norm; ties have probability zero).  No exact probability: the check uses the certified interval
  of :math:`\delta` from ``symbolic.constants.statdim``.

Empirical frequencies carry Clopper-Pearson intervals; a bound is reported violated only when the
exact probability (where known) breaks it, or when the interval at confidence ``1 - 1e-6`` excludes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy import optimize, special, stats

from pybridge.errors import InvalidArgument
from pybridge.prunelimit.streams import Stream
from pybridge.runtime.seeding import child_rng
from pybridge.validation import check_choice, check_int, check_matrix, check_real

__all__ = ["KinematicPoint", "a_eta", "decide_meets", "exact_meet_probability", "kinematic_curve"]

#: a subspace meets the subspace cone when its stacked basis has a singular value below this (relative)
RANK_TOL = 1e-9
#: the l1 LP's optimum counts as negative (the subspace meets the descent cone) below this
L1_TOL = 1e-7


def a_eta(eta: float) -> float:
    """:math:`a_\\eta=\\sqrt{8\\log(4/\\eta)}` (float edge; certified value:
    ``symbolic.constants.statdim.almt_window``)."""
    eta = check_real("eta", eta)
    if not 0 < eta < 1:
        raise InvalidArgument(f"eta must lie in (0, 1), got eta={eta!r}")
    return math.sqrt(8 * math.log(4 / eta))


def _orthonormal(rng, d, m):
    q, _ = np.linalg.qr(rng.standard_normal((d, m)))
    return q


CONES = ("orthant", "subspace", "circular", "l1-descent")


def _check_cone_params(cone, d, *, angle=None, k=None, s=None, needs_s=True):
    if cone == "circular":
        a = check_real("angle", angle)
        if not 0 < a < math.pi / 2:
            raise InvalidArgument(f"angle must lie in (0, pi/2), got angle={angle!r}")
    elif cone == "subspace":
        check_int("k", k, min_value=0, max_value=d)
    elif cone == "l1-descent" and needs_s:
        check_int("s", s, min_value=1, max_value=max(1, d - 1))


def decide_meets(cone: str, basis: np.ndarray, *, angle=None, k=None, s=None) -> bool:
    """Does ``range(basis)`` (shape ``(D, m)``) meet the cone nontrivially?

    Parameters
    ----------
    cone : str
        ``circular`` (axis e_1, half-angle ``angle`` radians), ``subspace`` (first ``k`` coordinates),
        ``orthant`` or ``l1-descent`` (point ``(1,...,1,0,...,0)`` with ``s`` ones).
    basis : ndarray, shape (D, m)

    Returns
    -------
    bool

    Raises
    ------
    InvalidArgument
        Unknown cone.
    RuntimeError
        If HiGHS does not return an optimal solution (never reported as a decision).
    """
    check_choice("cone", cone, CONES)
    basis = check_matrix("basis", basis)
    d, m = basis.shape
    _check_cone_params(cone, d, angle=angle, k=k, s=s)
    if m == 0:
        return False
    if cone == "circular":
        return _meets_circular(basis, angle)
    if cone == "subspace":
        return _meets_subspace(basis, k)
    if cone == "orthant":
        return _meets_orthant(basis)
    return _meets_l1_descent(basis, s)


def _meets_circular(basis, angle) -> bool:
    """The largest squared cosine between e_1 and ``range(basis)`` reaches ``cos(angle)^2`` (QR)."""
    q, _ = np.linalg.qr(basis)
    return float(np.sum(q[0] ** 2)) >= math.cos(angle) ** 2


def _meets_subspace(basis, k) -> bool:
    """``rank [B, E_k] < m + k`` (SVD), or ``m + k > D`` (always)."""
    d, m = basis.shape
    if k == 0:
        return False
    stacked = np.concatenate([basis, np.eye(d)[:, :k]], axis=1)
    sv = np.linalg.svd(stacked, compute_uv=False)
    return bool(m + k > d or sv[-1] < RANK_TOL * sv[0])


def _meets_orthant(basis) -> bool:
    """LP ``max 1'Bz s.t. Bz >= 0, 1'Bz <= 1`` (HiGHS): meets iff the optimum is 1 (else 0)."""
    d, m = basis.shape
    res = optimize.linprog(-basis.sum(axis=0), A_ub=np.vstack([-basis, basis.sum(axis=0)[None, :]]),
                           b_ub=np.concatenate([np.zeros(d), [1.0]]), bounds=[(None, None)] * m, method="highs")
    if res.status != 0:
        raise RuntimeError(f"HiGHS failed on the orthant LP: {res.message}")
    return -res.fun > 0.5


def _meets_l1_descent(basis, s) -> bool:
    """LP ``min sum_{i<=s} h_i + sum_{i>s} |h_i|`` over ``h = Bz``, ``||h||_inf <= 1``: meets iff negative."""
    d, m = basis.shape
    n_off = d - s
    # variables: z (m), v (n_off);  minimise 1'B_S z + 1'v
    c = np.concatenate([basis[:s].sum(axis=0), np.ones(n_off)])
    off = basis[s:]
    eye = np.eye(n_off)
    a_ub = np.vstack([
        np.hstack([off, -eye]),            # B_off z - v <= 0
        np.hstack([-off, -eye]),           # -B_off z - v <= 0
        np.hstack([basis, np.zeros((d, n_off))]),   # Bz <= 1
        np.hstack([-basis, np.zeros((d, n_off))]),  # -Bz <= 1
    ])
    b_ub = np.concatenate([np.zeros(2 * n_off), np.ones(2 * d)])
    res = optimize.linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * m + [(0, None)] * n_off,
                           method="highs")
    if res.status != 0:
        raise RuntimeError(f"HiGHS failed on the l1 LP: {res.message}")
    return res.fun < -L1_TOL


def exact_meet_probability(cone: str, d: int, m: int, *, angle=None, k=None):
    """Exact :math:`\\Pr[L_m\\cap C\\ne\\{0\\}]` where known, else ``None``.

    Returns
    -------
    float, Fraction or None
        Circular: regularised incomplete beta (scipy, double precision); orthant: exact ``Fraction``;
        subspace: 0 or 1; l1-descent: ``None``.
    """
    check_choice("cone", cone, CONES)
    d = check_int("d", d, min_value=1, max_value=10**6)
    m = check_int("m", m, min_value=0, max_value=d)
    _check_cone_params(cone, d, angle=angle, k=k, needs_s=False)  # l1-descent: no closed form, s not used
    if cone == "circular":
        if m == 0:
            return 0.0
        if m == d:
            return 1.0
        return float(special.betainc(m / 2, (d - m) / 2, 1.0)
                     - special.betainc(m / 2, (d - m) / 2, math.cos(angle) ** 2))
    if cone == "orthant":
        if m == 0:
            return Fraction(0)
        total = sum(math.comb(d, i) for i in range(d - m + 1, d + 1, 2))
        return Fraction(2 * total, 2**d)
    if cone == "subspace":
        return Fraction(int(m + k > d)) if k > 0 else Fraction(0)
    return None


@dataclass(frozen=True)
class KinematicPoint:
    """One point of the transition curve: frequency, its interval, exact probability (or None)."""

    cone: str
    d: int
    m: int
    meets: int
    trials: int
    ci_low: float
    ci_high: float
    exact: float | None

    def to_dict(self) -> dict:
        return {"cone": self.cone, "d": self.d, "m": self.m, "meets": self.meets, "trials": self.trials,
                "freq": self.meets / self.trials, "ci_low": self.ci_low, "ci_high": self.ci_high,
                "exact": None if self.exact is None else float(self.exact)}


def _cp(x, n, alpha=1e-6):
    lo = 0.0 if x == 0 else float(stats.beta.ppf(alpha / 2, x, n - x + 1))
    hi = 1.0 if x == n else float(stats.beta.ppf(1 - alpha / 2, x + 1, n - x))
    return lo, hi


def kinematic_point(cone, d, m, trials, root, index, *, angle=None, k=None, s=None) -> KinematicPoint:
    """Decide ``trials`` random subspaces of dimension ``m`` (stream ``(root, Stream.KINEMATIC_POINT, index)``)."""
    rng = child_rng(root, Stream.KINEMATIC_POINT, index)
    if cone == "circular":  # fixed L = span(e_1..e_m), uniformly rotated axis u: O(D) per trial
        u = rng.standard_normal((trials, d))
        cos2 = (u[:, :m] ** 2).sum(axis=1) / (u ** 2).sum(axis=1)
        meets = int(np.count_nonzero(cos2 >= math.cos(angle) ** 2))
        lo, hi = _cp(meets, trials)
        return KinematicPoint(cone, d, m, meets, trials, lo, hi, exact_meet_probability(cone, d, m, angle=angle))
    meets = sum(decide_meets(cone, rng.standard_normal((d, m)), angle=angle, k=k, s=s) for _ in range(trials))
    lo, hi = _cp(meets, trials)
    return KinematicPoint(cone, d, m, int(meets), trials, lo, hi, exact_meet_probability(cone, d, m, angle=angle, k=k))


def kinematic_curve(cone, d, ms, trials, root, base_index, *, angle=None, k=None, s=None) -> list[KinematicPoint]:
    """:func:`kinematic_point` for each ``m`` in ``ms`` (indices ``base_index + i``)."""
    return [kinematic_point(cone, d, m, trials, root, base_index + i, angle=angle, k=k, s=s)
            for i, m in enumerate(ms)]
