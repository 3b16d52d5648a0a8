r"""A small trained network: the code's predicted pruning ratio against global magnitude pruning.

Data: scikit-learn's bundled ``digits`` (1797 images 8x8, shipped inside the package, no download;
optional dependency, extra ``prunelimit``).  Model: 64 -> ``hidden`` (tanh) -> 10 softmax, loss the
mean cross-entropy plus ``(l2/2)||theta||^2`` (``l2 = 1e-3``: keeps the Hessian positive definite at the
optimum), trained full-batch by L-BFGS (scipy) from a seeded initialisation.

* Hessian: exact up to finite differences of the analytic (back-propagated) gradient, central
  differences with step ``1e-5`` per coordinate, symmetrised; its spectrum by ``numpy.linalg.eigvalsh``.
* :math:`\varepsilon`: ``np.std`` (ddof 0) of the losses of consecutive batches of 128 of a seeded
  permutation of the training set, as the authors' ``utils.cal_loss`` (READ (code)).
* Truth: the largest fraction removed by global magnitude pruning (all parameters, smallest
  :math:`|\theta_i|` first, no re-training) for which :math:`L(\theta_{pruned})-L(\theta)\le\varepsilon`.
* Prediction: :func:`pybridge.prunelimit.prediction.predict_ratio` with (a) the exact spectrum,
  (b) stochastic Lanczos quadrature (96 steps, 1 probe, as the code's configs) with the code's
  smoothing, (c) the raw SLQ nodes and weights.  ARPACK (``scipy.sparse.linalg.eigsh``) gives the top
  eigenvalues beside the exact ones.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import optimize
from scipy.sparse.linalg import LinearOperator, eigsh

from pybridge.errors import PrunegapError
from pybridge.prunelimit.prediction import predict_ratio, slq_density, smoothed_ratio

__all__ = ["DatasetUnavailable", "MlpResult", "load_digits_data", "run_mlp"]


class DatasetUnavailable(PrunegapError):
    """scikit-learn (which ships the digits data set) is not installed."""


#: central-difference step of the Hessian (per coordinate)
FD_STEP = 1e-5
#: weight decay: the loss carries (L2/2) ||theta||^2
L2 = 1e-3
#: batch size of the per-batch losses whose std is eps (the authors' ``utils.cal_loss``)
BATCH = 128
#: L-BFGS gradient tolerance
LBFGS_GTOL = 1e-10


def load_digits_data():
    """``(X, Y)``: digits scaled to [0, 1] and one-hot labels; raises DatasetUnavailable without scikit-learn."""
    try:
        from sklearn.datasets import load_digits
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DatasetUnavailable("scikit-learn is not installed (pip install 'prunegap[prunelimit]')") from exc
    x, y = load_digits(return_X_y=True)
    return x / 16.0, np.eye(10)[y]


class _Net:
    def __init__(self, n_in, hidden, n_out):
        self.shapes = [(n_in, hidden), (hidden,), (hidden, n_out), (n_out,)]
        self.sizes = [int(np.prod(s)) for s in self.shapes]
        self.dim = sum(self.sizes)

    def unpack(self, theta):
        out, i = [], 0
        for shp, sz in zip(self.shapes, self.sizes):
            out.append(theta[i:i + sz].reshape(shp))
            i += sz
        return out

    def loss_grad(self, theta, x, y, *, grad=True):
        w1, b1, w2, b2 = self.unpack(theta)
        h = np.tanh(x @ w1 + b1)
        z = h @ w2 + b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        n = x.shape[0]
        loss = -np.sum(y * np.log(p + 1e-300)) / n + 0.5 * L2 * theta @ theta
        if not grad:
            return loss
        dz = (p - y) / n
        gw2, gb2 = h.T @ dz, dz.sum(axis=0)
        dh = (dz @ w2.T) * (1 - h * h)
        gw1, gb1 = x.T @ dh, dh.sum(axis=0)
        g = np.concatenate([gw1.ravel(), gb1, gw2.ravel(), gb2]) + L2 * theta
        return loss, g


@dataclass
class MlpResult:
    """Everything measured on the trained network (see module docstring)."""

    dimension: int
    hidden: int
    train_loss: float
    train_accuracy: float
    eps: float
    true_removed_fraction: float
    predicted_exact: float
    predicted_slq_smoothed: float
    predicted_slq_raw: float
    lambda_min: float
    lambda_max: float
    top_exact: list
    top_arpack: list
    seconds: dict
    curve: dict

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def run_mlp(hidden: int, rng: np.random.Generator, *, lanczos_steps: int = 96, maxiter: int = 300) -> MlpResult:
    """Train the MLP, compute its exact Hessian and compare the predictions with magnitude pruning.

    Parameters
    ----------
    hidden : int
        Hidden units (``D = 75 * hidden + 10``).
    rng : numpy.random.Generator
        Initialisation, batch permutation and Lanczos probe.
    lanczos_steps : int, default 96
    maxiter : int, default 300
        L-BFGS iterations.

    Returns
    -------
    MlpResult

    Raises
    ------
    DatasetUnavailable
        Without scikit-learn.
    """
    t0 = time.perf_counter()
    x, y = load_digits_data()
    net = _Net(64, hidden, 10)
    theta = _train(net, x, y, rng, maxiter=maxiter)
    t_train = time.perf_counter()
    hess = _hessian(net, theta, x, y)
    lam = np.linalg.eigvalsh(hess)
    t_hess = time.perf_counter()
    eps = _batch_eps(net, theta, x, y, rng)
    base = net.loss_grad(theta, x, y, grad=False)
    increases = _magnitude_increases(net, theta, x, y, base)
    bad = np.nonzero(increases > eps)[0]
    true_k = int(bad[0] - 1) if bad.size else net.dim
    t_truth = time.perf_counter()
    preds = _predictions(hess, lam, theta, eps, rng, lanczos_steps=lanczos_steps)
    t_end = time.perf_counter()
    d = net.dim
    ks = np.arange(d + 1)
    return MlpResult(
        dimension=d, hidden=hidden, train_loss=float(base), train_accuracy=_accuracy(net, theta, x, y), eps=eps,
        true_removed_fraction=true_k / d, lambda_min=float(lam[0]), lambda_max=float(lam[-1]),
        top_exact=[float(v) for v in lam[::-1][:10]], **preds,
        seconds={"train": t_train - t0, "hessian": t_hess - t_train, "truth": t_truth - t_hess,
                 "predictions": t_end - t_truth},
        curve={"removed_fraction": (ks / d)[::max(1, d // 200)].tolist(),
               "loss_increase": increases[::max(1, d // 200)].tolist()},
    )


def _train(net: _Net, x, y, rng, *, maxiter: int) -> np.ndarray:
    """Seeded initialisation (first draws of ``rng``), then full-batch L-BFGS."""
    hidden = net.shapes[1][0]
    theta0 = np.concatenate([rng.standard_normal(64 * hidden) / 8.0, np.zeros(hidden),
                             rng.standard_normal(hidden * 10) / np.sqrt(hidden), np.zeros(10)])
    res = optimize.minimize(net.loss_grad, theta0, args=(x, y), jac=True, method="L-BFGS-B",
                            options={"maxiter": maxiter, "gtol": LBFGS_GTOL})
    return res.x


def _hessian(net: _Net, theta, x, y) -> np.ndarray:
    """Central differences of the analytic gradient, step :data:`FD_STEP` per coordinate, symmetrised."""
    d = net.dim
    hess = np.empty((d, d))
    for j in range(d):
        e = np.zeros(d)
        e[j] = FD_STEP
        hess[:, j] = (net.loss_grad(theta + e, x, y)[1] - net.loss_grad(theta - e, x, y)[1]) / (2 * FD_STEP)
    return 0.5 * (hess + hess.T)


def _batch_eps(net: _Net, theta, x, y, rng) -> float:
    """``np.std`` of the losses of consecutive batches of :data:`BATCH` of a seeded permutation."""
    perm = rng.permutation(x.shape[0])
    batch_losses = [net.loss_grad(theta, x[perm[i:i + BATCH]], y[perm[i:i + BATCH]], grad=False)
                    for i in range(0, x.shape[0], BATCH)]
    return float(np.std(batch_losses))


def _magnitude_increases(net: _Net, theta, x, y, base) -> np.ndarray:
    """Loss increase after removing the ``k`` smallest ``|theta_i|``, ``k = 0..D`` (no re-training)."""
    d = net.dim
    order = np.argsort(np.abs(theta), kind="stable")
    increases = np.empty(d + 1)
    increases[0] = 0.0
    pruned = theta.copy()
    for k in range(1, d + 1):
        pruned[order[k - 1]] = 0.0
        increases[k] = net.loss_grad(pruned, x, y, grad=False) - base
    return increases


def _predictions(hess, lam, theta, eps, rng, *, lanczos_steps: int) -> dict:
    """The code's prediction from the exact spectrum, from SLQ (smoothed and raw), and ARPACK's top 10."""
    d = hess.shape[0]
    pred_exact = predict_ratio(lam, theta, eps)
    nodes, wts = slq_density(lambda v: hess @ v, d, steps=lanczos_steps, probes=1, rng=rng)
    grid, dens = smoothed_ratio(nodes, wts)
    pred_smooth = predict_ratio(grid, theta, eps, density_weights=dens)
    pred_raw = predict_ratio(nodes.ravel(), theta, eps, density_weights=wts.ravel())
    op = LinearOperator((d, d), matvec=lambda v: hess @ v, dtype=float)
    top = np.sort(eigsh(op, k=10, which="LA", v0=np.ones(d), return_eigenvectors=False))[::-1]
    return {"predicted_exact": pred_exact.removed_fraction, "predicted_slq_smoothed": pred_smooth.removed_fraction,
            "predicted_slq_raw": pred_raw.removed_fraction, "top_arpack": [float(v) for v in top]}


def _accuracy(net: _Net, theta, x, y) -> float:
    """Training accuracy of the trained network."""
    w1, b1, w2, b2 = net.unpack(theta)
    return float(np.mean(np.argmax(np.tanh(x @ w1 + b1) @ w2 + b2, axis=1) == np.argmax(y, axis=1)))
