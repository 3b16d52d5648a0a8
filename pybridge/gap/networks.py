r"""Random bias-free two-layer ReLU networks and single-neuron targets (the models of the pruning gap).

The model is a first-class object: every number prunegap reports about the pruning
gap says which model it is for (theory §3.2, RECON; the paper's body is not available).

* **Target** :math:`f^*(x) = \sigma(\langle w^*, x\rangle)` with :math:`\|w^*\|_2 = 1`,
  on the unit ball :math:`B^d` with the sup norm.  Kinds: ``"axis"`` (:math:`e_1`),
  ``"diagonal"`` (:math:`(1,\dots,1)/\sqrt d`), ``"random"`` (uniform on the sphere,
  drawn from an explicit ``rng``).
* **Laws** of the weights :math:`u_i \in \mathbb R^d` and :math:`v_i \in \mathbb R`:
  ``"G"`` (all entries i.i.d. :math:`N(0,1)`) or ``"U"`` (all entries i.i.d.
  Uniform[-1, 1]).
* **Models**: ``"M0"`` :math:`g(x)=\sum_i v_i\sigma(\langle u_i,x\rangle)`;
  ``"M1"`` :math:`N(x)=\sigma(g(x))` (an output ReLU).

The plane of theory §3.3(d): :math:`P = \mathrm{span}\{w^*, e\}` with a unit
:math:`e \perp w^*`; a hidden weight projects to :math:`(p_i, q_i) = (\langle u_i,
w^*\rangle, \langle u_i, e\rangle)` and on :math:`x_\theta = \cos\theta\,w^* + \sin\theta\,e`
the unit computes :math:`\sigma(p_i\cos\theta + q_i\sin\theta)` while the target is
:math:`\sigma(\cos\theta)`.  For :math:`d = 2` the plane is all of :math:`\mathbb R^2`.

Source: theory §3.2–§3.3 (RECON).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

import numpy as np

from pybridge.validation import (check_choice, check_instance, check_int, check_matrix, check_rng,
                                 check_sequence)
from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError

__all__ = [
    "MODELS",
    "GAP_LAWS",
    "TARGET_KINDS",
    "MODEL_TEXT",
    "LAW_TEXT",
    "Target",
    "Network",
    "make_target",
    "sample_weights",
    "sample_network",
    "plane_coordinates",
    "model_description",
]

MODELS = ("M0", "M1")
GAP_LAWS = ("G", "U")
#: largest input dimension (one target is d floats; one network n * d)
MAX_D = 10**6
TARGET_KINDS = ("axis", "diagonal", "random")

MODEL_TEXT = {
    "M0": "g(x) = sum_i v_i relu(<u_i, x>)  (no output activation)",
    "M1": "N(x) = relu(sum_i v_i relu(<u_i, x>))  (output ReLU)",
}
LAW_TEXT = {
    "G": "u_ij, v_i i.i.d. N(0, 1)",
    "U": "u_ij, v_i i.i.d. Uniform[-1, 1]",
}


@dataclass(frozen=True)
class Target:
    r"""A unit target direction :math:`w^*` and the plane vector :math:`e \perp w^*`.

    Attributes
    ----------
    kind : str
        ``"axis"``, ``"diagonal"``, ``"random"`` or ``"custom"``.
    w : ndarray, shape (d,)
        Unit vector :math:`w^*` (float64).
    e : ndarray, shape (d,) or None
        Unit vector orthogonal to ``w`` spanning the plane :math:`P` with it
        (``None`` when ``d = 1``).  For ``w = e_1`` it is ``e_2`` (as in theory
        §3.5, needed by the (U) line variant of Theorem A).
    """

    kind: str
    w: np.ndarray = field(repr=False)
    e: np.ndarray | None = field(repr=False)

    @property
    def d(self) -> int:
        return int(self.w.size)

    @property
    def is_axis(self) -> bool:
        r"""True when :math:`w^* = \pm e_j` for some coordinate j (exactly)."""
        return int(np.count_nonzero(self.w)) == 1

    def to_dict(self) -> dict:
        return {"kind": self.kind, "w": [float(x) for x in self.w]}


def _plane_vector(w: np.ndarray) -> np.ndarray | None:
    d = w.size
    if d == 1:
        return None
    if np.count_nonzero(w) == 1:
        j = int(np.flatnonzero(w)[0])
        e = np.zeros(d)
        e[(j + 1) % d] = 1.0
        return e
    k = int(np.argmin(np.abs(w)))
    e = -w[k] * w
    e[k] += 1.0
    e -= np.dot(e, w) * w  # second Gram-Schmidt pass for orthogonality to rounding
    return e / np.linalg.norm(e)


def make_target(kind, d, *, rng=None) -> Target:
    r"""Build a unit target :math:`w^*` of the given kind in dimension ``d``.

    Parameters
    ----------
    kind : {"axis", "diagonal", "random"} or array_like of shape (d,)
        ``"axis"``: :math:`e_1`; ``"diagonal"``: :math:`(1,\dots,1)/\sqrt d`;
        ``"random"``: uniform on the unit sphere (needs ``rng``); an array: a custom
        direction, normalised to unit length (kind ``"custom"``).
    d : int >= 1
        Input dimension.
    rng : numpy.random.Generator, int or None
        Randomness for ``"random"`` only.

    Returns
    -------
    Target
        ``w`` exact up to float64 rounding of the normalisation.

    Raises
    ------
    InvalidArgument
        ``d < 1``, unknown kind, a custom vector of the wrong shape, zero, or with a
        non-finite entry.

    Notes
    -----
    Source: theory §3.2 (RECON): :math:`\|w^*\| = 1`; general :math:`w^*` scales
    every error by :math:`\|w^*\|`.

    Examples
    --------
    >>> make_target("diagonal", 2).w.round(6).tolist()
    [0.707107, 0.707107]
    """
    d = check_int("d", d, min_value=1, max_value=MAX_D)
    if isinstance(kind, str):
        check_choice("target", kind, TARGET_KINDS)
        w = _named_direction(kind, d, rng)
        return Target(kind, w, _plane_vector(w))
    w = _custom_direction(kind, d)
    return Target("custom", w, _plane_vector(w))


def _named_direction(kind: str, d: int, rng) -> np.ndarray:
    """e_1, (1, ..., 1)/sqrt(d), or a uniform point of the sphere drawn from ``rng``."""
    if kind == "axis":
        w = np.zeros(d)
        w[0] = 1.0
        return w
    if kind == "diagonal":
        return np.full(d, 1.0 / math.sqrt(d))
    gen = check_rng("rng", rng)
    while True:
        w = gen.standard_normal(d)
        nrm = float(np.linalg.norm(w))
        if nrm > 1e-12:
            break
    return w / nrm


def _custom_direction(kind, d: int) -> np.ndarray:
    """A custom vector of shape (d,), finite and nonzero, normalised to unit length."""
    try:
        w = np.asarray(kind, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise InvalidType(f"target must be a kind {list(TARGET_KINDS)} or a vector, got target={kind!r:.80}") from exc
    if w.shape != (d,):
        raise InvalidArgument(f"target vector must have shape ({d},), got shape {w.shape}")
    if not np.all(np.isfinite(w)):
        raise InvalidArgument(f"target vector must be finite, got target={w.tolist()!r}")
    with np.errstate(over="ignore"):
        nrm = float(np.linalg.norm(w))
    if nrm == 0.0:
        raise InvalidArgument("target vector must be nonzero, got the zero vector")
    if not math.isfinite(nrm):
        raise InvalidArgument("target vector must have a finite norm (entries up to about 1e154)")
    return w / nrm


@dataclass(frozen=True)
class Network:
    r"""A sampled random two-layer bias-free ReLU network.

    Attributes
    ----------
    model : {"M0", "M1"}
    law : {"G", "U"}
    u : ndarray, shape (n, d)
        Hidden weights (row i is :math:`u_i`).
    v : ndarray, shape (n,)
        Output weights.
    """

    model: str
    law: str
    u: np.ndarray = field(repr=False)
    v: np.ndarray = field(repr=False)

    @property
    def n(self) -> int:
        return int(self.v.size)

    @property
    def d(self) -> int:
        return int(self.u.shape[1])

    def prefix(self, n: int) -> Network:
        """The network of the first ``n`` hidden units (nested: used for coupling in n)."""
        return Network(self.model, self.law, self.u[:n], self.v[:n])

    def evaluate(self, x, *, mask=None) -> np.ndarray:
        r"""Network output at points ``x`` (shape (m, d)) keeping the units in ``mask``.

        Returns an array of shape (m,): :math:`g_S(x)` (M0) or :math:`\sigma(g_S(x))` (M1).
        """
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        coef = self.v if mask is None else self.v * np.asarray(mask, dtype=np.float64)
        g = np.maximum(x @ self.u.T, 0.0) @ coef
        return np.maximum(g, 0.0) if self.model == "M1" else g


def sample_weights(law: str, shape, rng: np.random.Generator) -> np.ndarray:
    """I.i.d. weights of ``law`` (``"G"``: N(0,1); ``"U"``: Uniform[-1,1]) of ``shape``."""
    check_choice("law", law, GAP_LAWS)
    rng = check_rng("rng", rng, allow_none=False)
    if isinstance(shape, (numbers.Integral,)) and not isinstance(shape, bool):
        shape = (shape,)
    shape = tuple(check_int(f"shape[{i}]", k, min_value=0) for i, k in enumerate(check_sequence("shape", shape)))
    if math.prod(shape) > 10**8:
        raise ResourceLimitError(f"shape must have at most 1e+08 entries, got shape={shape}")
    if law == "G":
        return rng.standard_normal(shape)
    return rng.uniform(-1.0, 1.0, shape)


def sample_network(model, law, d, n, *, rng) -> Network:
    r"""Draw a random network: first ``u`` (shape (n, d)), then ``v`` (shape (n,)).

    Parameters
    ----------
    model : {"M0", "M1"}
    law : {"G", "U"}
    d, n : int >= 1
        Input dimension and number of hidden units.
    rng : numpy.random.Generator, int or None
        Explicit randomness (SPEC 7); normalised once with ``default_rng``.

    Returns
    -------
    Network

    Raises
    ------
    InvalidArgument
        Unknown model or law, ``d < 1`` or ``n < 1``.

    Notes
    -----
    Source: theory §3.2 (RECON).

    Examples
    --------
    >>> net = sample_network("M0", "G", 2, 5, rng=0)
    >>> net.u.shape, net.v.shape
    ((5, 2), (5,))
    """
    check_choice("model", model, MODELS)
    check_choice("law", law, GAP_LAWS)
    d = check_int("d", d, min_value=1)
    n = check_int("n", n, min_value=1)
    if n * d > 10**8:
        raise ResourceLimitError(f"n * d must be <= 1e+08 (the weights of one network), got n={n}, d={d}")
    gen = check_rng("rng", rng)
    u = sample_weights(law, (n, d), gen)
    v = sample_weights(law, n, gen)
    return Network(model, law, u, v)


def plane_coordinates(u, target: Target) -> tuple[np.ndarray, np.ndarray]:
    r"""Coordinates :math:`(p_i, q_i) = (\langle u_i, w^*\rangle, \langle u_i, e\rangle)` in the plane P.

    Parameters
    ----------
    u : ndarray, shape (n, d), d >= 2
    target : Target

    Returns
    -------
    p, q : ndarray, shape (n,)
        On :math:`x_\theta` the unit computes :math:`\sigma(p_i\cos\theta + q_i\sin\theta)`.

    Raises
    ------
    InvalidArgument
        ``d = 1`` (there is no plane) or mismatched dimensions.

    Notes
    -----
    Source: theory §3.3(d) (RECON).
    """
    check_instance("target", target, Target)
    u = check_matrix("u", u)
    if target.e is None:
        raise InvalidArgument("plane_coordinates needs d >= 2 (d = 1 has no plane)")
    if u.ndim != 2 or u.shape[1] != target.d:
        raise InvalidArgument(f"u must have shape (n, {target.d}), got shape {u.shape}")
    return u @ target.w, u @ target.e


def model_description(model: str, law: str, d: int, target) -> dict:
    """The model block every gap result carries (JSON-safe)."""
    check_choice("model", model, MODELS)
    check_choice("law", law, GAP_LAWS)
    d = check_int("d", d, min_value=1)
    if not isinstance(target, (Target, str)):
        raise InvalidType(f"target must be a Target or a target kind, got target={target!r:.80}")
    kind = target.kind if isinstance(target, Target) else str(target)
    out = {
        "model": model,
        "model_formula": MODEL_TEXT[model],
        "law": law,
        "law_formula": LAW_TEXT[law],
        "d": int(d),
        "target": kind,
        "target_formula": "f*(x) = relu(<w*, x>), ||w*|| = 1",
        "domain": "unit ball B^d",
        "norm": "sup",
    }
    if isinstance(target, Target) and target.kind != "random":
        out["w_star"] = [float(x) for x in target.w]
    return out
