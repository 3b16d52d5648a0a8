"""Figures of the RFSS section (matplotlib, headless ``Agg`` backend; imported lazily)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from pybridge.stats.estimate import clopper_pearson  # noqa: E402
from pybridge.report.plots import new_figure, save_figure  # noqa: E402

__all__ = ["plot_fixed_curves", "plot_fixed_thresholds"]


def plot_fixed_curves(curves, path) -> None:
    """P_k(n, eps) against n with 95% Clopper–Pearson bands, one curve per (law, k, eps)."""
    fig, ax = new_figure(figsize=(8, 5))
    for ct in curves:
        finite = ct.times[ct.times <= ct.n_max]
        lo_n = max(ct.k, int(ct.times.min()) - 1)
        hi_n = int(finite.max()) + 1 if finite.size else ct.n_max
        ns = np.arange(lo_n, min(ct.n_max, hi_n) + 1)
        s = np.array([ct.successes(int(n)) for n in ns])
        ci = np.array([clopper_pearson(int(v), ct.trials) for v in s])
        (line,) = ax.step(ns, s / ct.trials, where="post", label=f"{ct.dist} k={ct.k} eps={ct.eps:g}")
        ax.fill_between(ns, ci[:, 0], ci[:, 1], step="post", alpha=0.2, color=line.get_color())
    ax.set_xscale("log")
    ax.set_xlabel("n (samples)")
    ax.set_ylabel("P_k(n, eps): every z in [-sqrt k, sqrt k] hit by a k-subset")
    ax.set_title("Fixed-size subset sum: success probability (95% Clopper-Pearson bands)")
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=6, ncol=3)
    save_figure(fig, path, dpi=110)


def plot_fixed_thresholds(rows, path) -> None:
    """n*_k H2(k/n*_k) against log2(k/eps) (log-log), with slopes 1 and 2 for reference."""
    fig, ax = new_figure(figsize=(7, 5))
    for k in sorted({r["k"] for r in rows}):
        sel = [r for r in rows if r["k"] == k and r["n_star"] is not None and r["dist"] == "uniform"]
        if sel:
            ax.plot([r["log2_k_over_eps"] for r in sel], [r["n_star_H2"] for r in sel], "o-", label=f"k={k}")
    L = np.array([r["log2_k_over_eps"] for r in rows])
    if L.size:
        xs = np.linspace(L.min(), L.max(), 20)
        ys = [r["n_star_H2"] for r in rows if r["n_star"] is not None]
        y0 = float(np.median(ys)) if ys else 1.0
        x0 = float(np.median(L))
        ax.plot(xs, y0 * xs / x0, "k--", lw=0.8, label="slope 1: log2(k/eps)")
        ax.plot(xs, y0 * (xs / x0) ** 2, "k:", lw=0.8, label="slope 2: log2^2(k/eps)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("log2(k/eps)")
    ax.set_ylabel("n*_k H2(k/n*_k)")
    ax.set_title("Empirical thresholds n*_k(eps, delta) against the two candidate forms")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=7)
    save_figure(fig, path, dpi=110)
