r"""The authors' predicted pruning ratio (Zhang et al., arXiv 2306.05857, code ``cal_rate.cal_gw``).

READ (code), commit a8ef834 of QiaozheZhang/Global-One-shot-Pruning, ``cal_rate.py``: for a radius
``R`` the code computes :math:`\hat\rho(R)=\sum_i p_i\,r_i^2/(R^2+r_i^2)/\sum_i p_i` with
:math:`r_i^2=2\varepsilon/|\lambda_i|`, i.e. :math:`\hat\rho(R)=\frac1D\sum_i1/(1+R^2|\lambda_i|/(2\varepsilon))`
for an exact spectrum (weights :math:`p_i` of a smoothed spectral density otherwise), ``epsilon`` the
standard deviation (``np.std``, ddof 0) of the per-batch training losses (``utils.cal_loss``), and
``R`` the L2 distance between the dense weights and their global magnitude-pruned copy
(``utils.get_sparse_model`` zeroes the ``ceil(r D)`` smallest magnitudes).  It then returns the ratio
``r`` whose :math:`\hat\rho(R(r))` is closest to ``r`` and prints it as the "predicted maximum pruning
ratio".

**Convention (ours, everywhere in this domain): ratios are fractions REMOVED** (the code's
``sparsity_rate``), so :math:`\hat\rho` is the predicted removable fraction and the predicted kept
fraction is :math:`1-\hat\rho`.  Issue 15 calls :math:`\hat\rho` a kept fraction; our reading of the
code (``gw_list[R]`` compared with ``sparsity_rate``) says removed.

Differences from the code, by design: ``R`` is used exactly (the code rounds it to an integer and
uses a grid of integer radii), and the fixed point is the discrete crossing
:math:`k^*=\max\{k: k/D\le\hat\rho(R_k)\}` (unique: :math:`k/D-\hat\rho(R_k)` is increasing in ``k``).
The code's extra "important eigenvalue" mass at :math:`10^{-30}` (``important_ev_num``; zero for FC
models) is not used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pybridge.errors import InvalidArgument, InvalidType, ResourceLimitError
from pybridge.validation import check_callable, check_int, check_real, check_rng, check_vector

#: largest radius x eigenvalue table of :func:`code_ratio` (three float arrays of it: the 8 GiB limit)
MAX_CELLS = (8 * 2**30) // 24

__all__ = ["Prediction", "code_ratio", "magnitude_radii", "predict_ratio", "slq_density", "smoothed_ratio"]


def _array(name: str, values) -> np.ndarray:
    """``values`` as a float array (any shape); str, bytes, dict, sets and non-numbers are refused."""
    if isinstance(values, (str, bytes, bytearray, dict, set, frozenset)) or values is None:
        raise InvalidType(f"{name} must be an array of real numbers, got {name}={values!r:.60} "
                          f"(type={type(values).__name__})")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise InvalidType(f"{name} must be an array of real numbers, got {name}={values!r:.60}") from None
    return arr


def _vector(name: str, values) -> np.ndarray:
    """A flattened float vector (any shape is raveled; a scalar is one value, as ``np.ravel`` gives)."""
    arr = _array(name, values).ravel()
    return arr


def code_ratio(eigenvalues, eps: float, radius, *, weights=None) -> np.ndarray:
    """:math:`\\hat\\rho(R)=\\sum_ip_i/(1+R^2|\\lambda_i|/(2\\varepsilon))/\\sum_ip_i` (fraction removed).

    Parameters
    ----------
    eigenvalues : array_like, shape (n,)
        Hessian eigenvalues (absolute values are used, as in the code).
    eps : float
        Loss tolerance :math:`\\varepsilon>0`.
    radius : float or array_like
        ``R >= 0``.
    weights : array_like, shape (n,), optional
        Spectral-density weights (default: all 1, an exact spectrum).

    Returns
    -------
    ndarray
        Same shape as ``radius``.

    Raises
    ------
    InvalidArgument
        Non-positive ``eps``, negative radius, empty spectrum or weights of the wrong shape.
    """
    lam = np.abs(_vector("eigenvalues", eigenvalues))
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    if lam.size == 0 or not np.all(np.isfinite(lam)):
        raise InvalidArgument(f"eigenvalues must be a non-empty finite array, got shape {lam.shape}")
    if not (np.isfinite(eps) and eps > 0):
        raise InvalidArgument(f"eps must be a positive number, got eps={eps!r}")
    w = np.ones_like(lam) if weights is None else _vector("weights", weights)
    if w.shape != lam.shape or np.any(w < 0) or w.sum() <= 0:
        raise InvalidArgument(f"weights must be non-negative with the spectrum's shape {lam.shape}")
    r = _array("radius", radius)
    if not np.all(np.isfinite(r)):
        raise InvalidArgument(f"radius must be finite, got radius={radius!r}")
    if r.size * lam.size > MAX_CELLS:
        raise ResourceLimitError(f"the ratio table needs {r.size:,} x {lam.size:,} cells, more than {MAX_CELLS:,} "
                                 f"(8 GiB); use fewer radii or a smoothed spectrum")
    if np.any(r < 0):
        raise InvalidArgument(f"radius must be >= 0, got radius={radius!r}")
    terms = 1.0 / (1.0 + np.multiply.outer(r**2, lam) / (2.0 * eps))
    return (terms * w).sum(axis=-1) / w.sum()


def magnitude_radii(weights) -> np.ndarray:
    """:math:`R_k=\\|w-w^{(k)}\\|_2` for ``k = 0..D`` (``w^{(k)}``: the ``k`` smallest magnitudes zeroed)."""
    a = np.sort(np.abs(_vector("weights", weights)))
    return np.sqrt(np.concatenate([[0.0], np.cumsum(a * a)]))


@dataclass(frozen=True)
class Prediction:
    """The code's predicted pruning ratio (fraction removed) and the curve behind it."""

    removed_fraction: float
    removed_count: int
    dimension: int
    radius: float
    eps: float

    def to_dict(self) -> dict:
        return {"predicted_removed_fraction": self.removed_fraction,
                "predicted_kept_fraction": 1 - self.removed_fraction,
                "predicted_removed_count": self.removed_count, "dimension": self.dimension,
                "radius_at_prediction": self.radius, "eps": self.eps, "convention": "fraction removed"}


def predict_ratio(eigenvalues, weights, eps: float, *, density_weights=None) -> Prediction:
    """The fixed point :math:`k^*=\\max\\{k: k/D\\le\\hat\\rho(R_k)\\}` of the code's prediction.

    Parameters
    ----------
    eigenvalues : array_like
        Spectrum (exact: ``D`` values; smoothed: grid values with ``density_weights``).
    weights : array_like, shape (D,)
        Dense weights; ``D`` is their number.
    eps : float
    density_weights : array_like, optional

    Returns
    -------
    Prediction

    Raises
    ------
    InvalidArgument
        As for :func:`code_ratio`, or empty weights.
    """
    w = _vector("weights", weights)
    eps = check_real("eps", eps, min_value=0.0, min_open=True)
    if w.size == 0 or not np.all(np.isfinite(w)):
        raise InvalidArgument(f"weights must be a non-empty finite array, got shape {w.shape}")
    d = w.size
    radii = magnitude_radii(w)
    rho = code_ratio(eigenvalues, eps, radii, weights=density_weights)
    ok = np.nonzero(np.arange(d + 1) / d <= rho + 1e-15)[0]
    k = int(ok.max())
    return Prediction(removed_fraction=k / d, removed_count=k, dimension=d, radius=float(radii[k]), eps=float(eps))


def slq_density(matvec, d: int, *, steps: int, probes: int, rng: np.random.Generator):
    """Stochastic Lanczos quadrature: Ritz values and weights (as PyHessian's ``density``; own code).

    Parameters
    ----------
    matvec : callable
        ``v -> H v`` for a symmetric ``H`` of size ``d``.
    d : int
    steps : int
        Lanczos steps (the code's ``lanczos_iter``, 96 in its configs), full reorthogonalisation.
    probes : int
        Rademacher start vectors (the code's ``lanczos_num``).
    rng : numpy.random.Generator

    Returns
    -------
    (nodes, weights) : ndarrays of shape (probes, steps')
        Ritz values and squared first components of the Ritz vectors (each row sums to 1).
    """
    matvec = check_callable("matvec", matvec)
    d = check_int("d", d, min_value=1, max_value=10**6)
    steps = check_int("steps", steps, min_value=1, max_value=10**4)
    probes = check_int("probes", probes, min_value=1, max_value=10**4)
    rng = check_rng("rng", rng, allow_none=False)
    if min(steps, d) * d > MAX_CELLS:
        raise ResourceLimitError(f"the Lanczos basis needs {min(steps, d):,} x {d:,} floats, beyond 8 GiB")
    steps = min(steps, d)
    nodes, wts = [], []
    for _ in range(probes):
        v = rng.choice([-1.0, 1.0], size=d)
        v /= np.linalg.norm(v)
        basis = np.zeros((steps, d))
        alpha, beta = np.zeros(steps), np.zeros(steps)
        basis[0] = v
        m = steps
        for j in range(steps):
            w = matvec(basis[j])
            alpha[j] = basis[j] @ w
            w = w - basis[: j + 1].T @ (basis[: j + 1] @ w)
            w = w - basis[: j + 1].T @ (basis[: j + 1] @ w)
            if j + 1 < steps:
                beta[j] = np.linalg.norm(w)
                if beta[j] < 1e-12:
                    m = j + 1
                    break
                basis[j + 1] = w / beta[j]
        t = np.diag(alpha[:m]) + np.diag(beta[: m - 1], 1) + np.diag(beta[: m - 1], -1)
        theta, vecs = np.linalg.eigh(t)
        nodes.append(theta)
        wts.append(vecs[0] ** 2)
    width = min(len(n) for n in nodes)
    return np.array([n[:width] for n in nodes]), np.array([w[:width] for w in wts])


def smoothed_ratio(nodes, wts, *, num_bins: int = 100000, sigma_squared: float = 1e-10, overhead: float = 0.01):
    """The code's Gaussian smoothing of SLQ output onto a grid (``density_plot.density_generate``; own code).

    READ (code): grid of ``num_bins`` points on ``[mean min - overhead, mean max + overhead]``, kernel
    variance ``sigma_squared * max(1, range)`` (the code passes it as the variance), density averaged
    over probes and normalised.  Returns ``(grid, density)`` to feed :func:`code_ratio` as
    ``eigenvalues=grid, weights=density``.
    """
    nodes, wts = np.atleast_2d(_array("nodes", nodes)), np.atleast_2d(_array("wts", wts))
    if nodes.shape != wts.shape or nodes.ndim != 2 or nodes.size == 0:
        raise InvalidArgument(f"nodes and wts must be non-empty (probes, steps) arrays of one shape, got shapes "
                              f"{nodes.shape} and {wts.shape}")
    if not (np.all(np.isfinite(nodes)) and np.all(np.isfinite(wts))):
        raise InvalidArgument("nodes and wts must be finite")
    num_bins = check_int("num_bins", num_bins, min_value=2, max_value=10**7)
    sigma_squared = check_real("sigma_squared", sigma_squared, min_value=0.0, min_open=True)
    overhead = check_real("overhead", overhead, min_value=0.0, max_value=1e100)
    if nodes.size * num_bins > 10**9:
        raise ResourceLimitError(f"smoothing {nodes.size:,} nodes on {num_bins:,} bins is beyond 10^9 evaluations")
    lmax = float(np.mean(nodes.max(axis=1))) + overhead
    lmin = float(np.mean(nodes.min(axis=1))) - overhead
    grid = np.linspace(lmin, lmax, num_bins)
    var = sigma_squared * max(1.0, lmax - lmin)
    dens = np.zeros(num_bins)
    for th, w in zip(nodes, wts):
        for t, p in zip(th, w):
            lo, hi = np.searchsorted(grid, [t - 12 * np.sqrt(var), t + 12 * np.sqrt(var)])
            dens[lo:hi] += p * np.exp(-(grid[lo:hi] - t) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)
    dens /= len(nodes)
    total = dens.sum() * (grid[1] - grid[0])
    if total <= 0:
        raise InvalidArgument("the smoothed density vanishes on the grid (all Ritz values fell between grid points)")
    return grid, dens / total
