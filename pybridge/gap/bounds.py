r"""Closed-form bounds of the pruning gap: Theorem A, its certificate, its line variant, A′.

* :func:`theorem_a_certificate` — the deterministic lower bound
  :math:`\tfrac12\tan(\eta_{\min}/2)` on the error of *every* RF combination (hence
  of every neuron-pruned subnetwork) in model M0, for any weights (claims
  ``theorem-a-core``, ``kink-arc-three-point``, ``gap-ordering``).
* :func:`theorem_a_bound` — :math:`\Pr[\mathrm{RF\ error} < \varepsilon] \le 1 - (1 -
  2\eta_\varepsilon/\pi)^n`, :math:`\eta_\varepsilon = 2\arctan 2\varepsilon`, for a law
  rotation-invariant in the plane (law (G)); claim ``theorem-a``.
* :func:`line_variant_q` — the line variant (Lemma K1 with :math:`\delta = 4\varepsilon`,
  :math:`s_0 = \sqrt{1 - 16\varepsilon^2}`) giving :math:`1 - (1-q)^n`; for law (U)
  with :math:`w^* = e_1`: :math:`q = 2\varepsilon/s_0`; claim ``theorem-a-line-uniform``.
* :func:`n_half_theorem_a` — the necessary width :math:`n_{1/2}(\varepsilon) =
  \ln 2/(-\ln(1-q))`, :math:`q = (4/\pi)\arctan 2\varepsilon` (a LOWER bound on the
  width neuron pruning needs for success probability ½).
* :func:`theorem_a_prime_bound` — the weak M1 bound (theory §3.10).

All of Theorem A and its corollaries are our reconstructions (theory §3.6, RECON),
not statements read in arXiv 2603.02234 (whose body is unavailable).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.errors import InvalidArgument
from pybridge.validation import check_choice, check_int, check_real, check_vector

#: largest width n of the bounds (far beyond any network here; keeps every float finite)
MAX_WIDTH = 10**12

__all__ = [
    "Bound",
    "eta_eps",
    "kink_angles",
    "theorem_a_certificate",
    "theorem_a_q",
    "theorem_a_bound",
    "line_variant_q",
    "line_variant_bound",
    "n_half_theorem_a",
    "theorem_a_prime_bound",
    "expected_error_lower",
    "check_theorem_a_core",
]


@dataclass(frozen=True)
class Bound:
    """A bound with its formula, source and applicability.

    Attributes
    ----------
    value : float or None
        The bound's value (``None`` when no bound applies to the model).
    formula : str
    source : str
        Theory section, claim id and tag.
    claim : str
        Claim id.
    relation : str
        What the bound bounds, e.g. ``"upper bound on Pr[error < eps]"``.
    """

    value: float | None
    formula: str
    source: str
    claim: str
    relation: str

    def to_dict(self) -> dict:
        return {"value": self.value, "formula": self.formula, "source": self.source, "claim": self.claim,
                "relation": self.relation}


def _eps(eps):
    return check_real("eps", eps, min_value=0.0, max_value=0.5, min_open=True, max_open=True)


def eta_eps(eps: float) -> float:
    r""":math:`\eta_\varepsilon = 2\arctan(2\varepsilon)` (radians), the kink distance that K2 rules out."""
    return 2.0 * math.atan(2.0 * _eps(eps))


def kink_angles(p, q) -> np.ndarray:
    r"""Angles :math:`\eta_i \in [0, \pi/2]` between the lines :math:`\mathbb R Pu_i` and :math:`\mathbb R w^*`.

    :math:`\eta_i = \operatorname{atan2}(|q_i|, |p_i|)`, the distance of the projected
    direction angle :math:`\alpha_i` to :math:`\{0, \pi\}`; a unit with
    :math:`Pu_i = 0` has no kink on the circle and gets :math:`\pi/2`.
    Source: theory §3.5 (RECON).
    """
    p = np.abs(check_vector("p", p, flatten=True))
    q = np.abs(check_vector("q", q, length=p.size, flatten=True))
    eta = np.arctan2(q, p)
    return np.where((p == 0.0) & (q == 0.0), 0.5 * math.pi, eta)


def theorem_a_certificate(p, q) -> tuple[float, float]:
    r"""Theorem A certificate :math:`(\eta_{\min}, \tfrac12\tan(\eta_{\min}/2))` for model M0.

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Plane coordinates of the hidden weights.

    Returns
    -------
    eta_min : float
        :math:`\min_i \eta_i` in radians (``pi/2`` for n = 0).
    certificate : float
        :math:`\tfrac12\tan(\eta_{\min}/2)`: no coefficients :math:`c \in \mathbb R^n`
        give :math:`\sup_{B^d}|\sum c_i\sigma(\langle u_i,x\rangle) - f^*| <` this
        value (deterministic; any law).  Float64 rounding.

    Notes
    -----
    Claims ``theorem-a-core`` and ``kink-arc-three-point`` (theory §3.4 K2, §3.6
    steps 2–4, RECON, machine-checked in Coq as ``Prunegap.TheoremA.theorem_a_core``),
    used by ``gap-ordering``.  The arc :math:`(\pi/2 - \eta_{\min}, \pi/2 + \eta_{\min})`
    holds no unit kink, so the approximant is a sinusoid there (K3) and K2 applies.

    Examples
    --------
    >>> eta, cert = theorem_a_certificate([0.0], [1.0])  # the unit is orthogonal to w*
    >>> round(eta, 12), round(cert, 12)
    (1.570796326795, 0.5)
    """
    eta = kink_angles(p, q)
    eta_min = float(eta.min()) if eta.size else 0.5 * math.pi
    return eta_min, 0.5 * math.tan(0.5 * eta_min)


def theorem_a_q(eps: float) -> float:
    r""":math:`q(\varepsilon) = 2\eta_\varepsilon/\pi = (4/\pi)\arctan 2\varepsilon` (law (G), circle)."""
    return 2.0 * eta_eps(eps) / math.pi


def theorem_a_bound(n: int, eps: float) -> Bound:
    r"""Theorem A: :math:`\Pr[\exists c:\ \mathrm{error} < \varepsilon] \le 1 - (1 - 2\eta_\varepsilon/\pi)^n`.

    Parameters
    ----------
    n : int >= 1
    eps : float in (0, 1/2)

    Returns
    -------
    Bound
        Valid for model M0, :math:`d \ge 2`, hidden weights rotation-invariant in
        :math:`\mathrm{span}\{w^*, e\}` (law (G)), any output weights; RF and every
        neuron-pruned subnetwork.

    Notes
    -----
    Claim ``theorem-a``; source theory §3.6 (RECON, full proof).  Also
    :math:`\le 2n\eta_\varepsilon/\pi \le 8n\varepsilon/\pi` (claim ``theorem-a-union-bound``).

    Examples
    --------
    >>> round(theorem_a_bound(27, 0.01).value, 4)
    0.5016
    """
    n = check_int("n", n, min_value=1, max_value=MAX_WIDTH)
    q = theorem_a_q(eps)
    return Bound(
        1.0 - (1.0 - q) ** n,
        "1 - (1 - 2*eta_eps/pi)^n, eta_eps = 2*arctan(2*eps)",
        "theory §3.6 Theorem A (RECON; M0, d >= 2, law rotation-invariant in the plane: law G)",
        "theorem-a",
        "upper bound on Pr[error < eps] (RF, hence neuron pruning)",
    )


def line_variant_q(eps: float, law: str) -> float:
    r"""Kink probability :math:`q(\varepsilon)` of the line variant (K1, :math:`\delta = 4\varepsilon`).

    With :math:`s_0 = \sqrt{1 - 16\varepsilon^2}` and :math:`r = \delta/s_0`:
    (G) :math:`q = (2/\pi)\arctan r`; (U) with :math:`w^* = e_1, e = e_2`:
    :math:`q = r/2` for :math:`r \le 1`, :math:`1 - 1/(2r)` beyond (theory §3.5).
    For :math:`\varepsilon \ge 1/4` the segment leaves :math:`B^d` and :math:`q = 1`.
    Source: theory §3.6 corollaries (RECON).
    """
    eps = _eps(eps)
    check_choice("law", law, ("G", "U"))
    if 16.0 * eps * eps >= 1.0:
        return 1.0
    r = 4.0 * eps / math.sqrt(1.0 - 16.0 * eps * eps)
    if law == "G":
        return (2.0 / math.pi) * math.atan(r)
    return r / 2.0 if r <= 1.0 else 1.0 - 1.0 / (2.0 * r)


def line_variant_bound(n: int, eps: float, law: str = "U") -> Bound:
    r"""Line variant of Theorem A: :math:`\Pr[\mathrm{RF\ error} < \varepsilon] \le 1 - (1 - q)^n`.

    For law (U) it needs :math:`w^* = e_1` (the plane vector :math:`e = e_2`); claim
    ``theorem-a-line-uniform``; source theory §3.6 corollaries (RECON).

    Examples
    --------
    >>> round(line_variant_q(0.01, "U"), 6)  # 2 eps / sqrt(1 - 16 eps^2)
    0.020016
    """
    n = check_int("n", n, min_value=1, max_value=MAX_WIDTH)
    q = line_variant_q(eps, law)
    return Bound(
        1.0 - (1.0 - q) ** n,
        "1 - (1 - q)^n, q = 2*eps/s0, s0 = sqrt(1 - 16*eps^2)" if law == "U"
        else "1 - (1 - q)^n, q = (2/pi)*arctan(4*eps/s0), s0 = sqrt(1 - 16*eps^2)",
        "theory §3.6 corollary 'line variant' (RECON; M0, d >= 2, "
        + ("law U with w* = e1)" if law == "U" else "law G)"),
        "theorem-a-line-uniform" if law == "U" else "theorem-a",
        "upper bound on Pr[error < eps] (RF, hence neuron pruning)",
    )


def n_half_theorem_a(eps: float) -> float:
    r"""Theorem A necessary width :math:`n_{1/2}(\varepsilon) = \ln 2 / (-\ln(1 - q))`, :math:`q = (4/\pi)\arctan 2\varepsilon`.

    A LOWER bound on the width needed for success probability ½ (model M0, law (G),
    :math:`d \ge 2`); it tends to :math:`\pi\ln 2/(8\varepsilon)`.  Source: theory §3.6
    corollary (RECON); claim ``theorem-a``.

    Examples
    --------
    >>> [round(n_half_theorem_a(e), 1) for e in (0.1, 0.01, 0.001)]
    [2.4, 26.9, 271.9]
    """
    q = theorem_a_q(eps)
    if not q < 1.0:  # eps within rounding of 1/2: q(eps) rounds to 1 and no width is needed
        raise InvalidArgument(f"eps must be < 1/2 by more than float rounding, got eps={eps!r}")
    return math.log(2.0) / -math.log1p(-q)


def theorem_a_prime_bound(n: int, eps: float) -> Bound:
    r"""Theorem A′ (M1): :math:`\Pr[\exists S \ne \emptyset: \mathcal E(N_S) < \varepsilon] \le 5.007\,(n^{3/2} + n^{1/2})\sqrt\varepsilon`.

    Source: theory §3.10 (RECON, full proof, for (G) first layer and
    :math:`v_i \sim` Uniform[-1,1]; the proof only uses :math:`\Pr(|v_i| < x) \le x`,
    which :math:`N(0,1)` output weights also satisfy).  Capped at 1.
    """
    n = check_int("n", n, min_value=1, max_value=MAX_WIDTH)
    eps = _eps(eps)
    c = 2.0 * math.sqrt(5.0 * math.sqrt(math.pi / 2.0))
    return Bound(
        min(1.0, c * (n**1.5 + n**0.5) * math.sqrt(eps)),
        "min(1, 2*sqrt(5*sqrt(pi/2)) * (n^1.5 + n^0.5) * sqrt(eps))",
        "theory §3.10 Theorem A' (RECON; M1, law G first layer)",
        "theorem-a",
        "upper bound on Pr[error < eps] (neuron pruning in M1)",
    )


def expected_error_lower(n: int) -> float:
    r""":math:`\pi/(8(n+1))`, a lower bound on :math:`\mathbb E[\inf_c \mathcal E]` (M0, law (G), :math:`d \ge 2`).

    Source: theory §3.6 corollary "expected best error" (RECON); claim
    ``expected-optimal-error``.
    """
    n = check_int("n", n, min_value=1, max_value=MAX_WIDTH)
    return math.pi / (8.0 * (n + 1))


def check_theorem_a_core(p, q, coef, eta: float) -> tuple[bool, bool]:
    r"""Check Lemma K2 / the Theorem A core in exact rational arithmetic on one instance.

    With :math:`s = \sin\eta`, :math:`c = \cos\eta` taken as the exact rationals of their
    float64 values, the three points :math:`x_- = (s, c)`, :math:`x_0 = (0, 1)`,
    :math:`x_+ = (-s, c)` (coordinates in the basis :math:`(w^*, e)`), and the error
    :math:`E(x) = \sum_i c_i\sigma(p_ix_1 + q_ix_2) - \sigma(x_1)`:

    Parameters
    ----------
    p, q, coef : array_like, shape (n,)
        Plane coordinates and coefficients (floats, taken exactly).
    eta : float in (0, pi/2]
        Half-width of the arc around :math:`\pi/2` (use slightly less than :math:`\eta_{\min}`).

    Returns
    -------
    hypothesis : bool
        Every unit's three values are all :math:`\ge 0` or all :math:`\le 0` (no kink strictly
        inside the arc), decided exactly.
    conclusion : bool
        :math:`s \le 2(1 + c)\max(|E(x_-)|, |E(x_0)|, |E(x_+)|)`, decided exactly.

    Notes
    -----
    Claims ``theorem-a-core`` and ``kink-arc-three-point`` (theory §3.4 K2, §3.6, RECON;
    Coq ``Prunegap.TheoremA.theorem_a_core``).  The lemma says hypothesis implies conclusion.
    """
    eta = check_real("eta", eta, min_value=0.0, max_value=0.5 * math.pi, min_open=True)
    p = check_vector("p", p, flatten=True)
    q = check_vector("q", q, length=p.size, flatten=True)
    coef = check_vector("coef", coef, length=p.size, flatten=True)
    s = Fraction(math.sin(eta))
    c = Fraction(math.cos(eta))
    pts = ((s, c), (Fraction(0), Fraction(1)), (-s, c))
    hyp = True
    errs = [Fraction(0), Fraction(0), Fraction(0)]
    for pi, qi, ci in zip(np.asarray(p, float), np.asarray(q, float), np.asarray(coef, float)):
        fp, fq, fc = Fraction(float(pi)), Fraction(float(qi)), Fraction(float(ci))
        vals = [fp * x1 + fq * x2 for x1, x2 in pts]
        if not (all(v >= 0 for v in vals) or all(v <= 0 for v in vals)):
            hyp = False
        for k, val in enumerate(vals):
            if val > 0:
                errs[k] += fc * val
    for k, (x1, _) in enumerate(pts):
        errs[k] -= max(x1, Fraction(0))
    return hyp, s <= 2 * (1 + c) * max(abs(e) for e in errs)
