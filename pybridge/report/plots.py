"""Figures of the RSS section (matplotlib, headless ``Agg`` backend)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

__all__ = ["plot_cover_curves", "plot_thresholds"]


def plot_cover_curves(curves, path) -> None:
    """P(n, eps) against n with 95% Clopper–Pearson bands, one curve per (law, interval, eps)."""
    fig, ax = plt.subplots(figsize=(8, 5))
    for ct in curves:
        lo_n = max(0, int(ct.times.min()) - 1)
        ns = np.arange(lo_n, min(ct.n_max, int(np.max(np.minimum(ct.times, ct.n_max))) + 1) + 1)
        est = [ct.estimate(int(n)) for n in ns]
        p = np.array([e.p_hat for e in est])
        lo = np.array([e.ci_low for e in est])
        hi = np.array([e.ci_high for e in est])
        label = f"{ct.dist} [{ct.interval[0]:g},{ct.interval[1]:g}] eps={ct.eps:g}"
        (line,) = ax.step(ns, p, where="post", label=label)
        ax.fill_between(ns, lo, hi, step="post", alpha=0.2, color=line.get_color())
    ax.set_xlabel("n (samples)")
    ax.set_ylabel("P(n, eps): every target eps-approximated")
    ax.set_title("Random subset sum: success probability (95% Clopper-Pearson bands)")
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_thresholds(rows, fits, path) -> None:
    """n*(eps, 0.01) against log2(1/eps) with the fitted lines."""
    fig, ax = plt.subplots(figsize=(7, 5))
    groups = {}
    for r in rows:
        groups.setdefault(f"{r['dist']} on [{r['interval'][0]:g}, {r['interval'][1]:g}]", []).append(r)
    for name, rs in groups.items():
        pts = [(math.log2(1 / r["eps"]), r["n_star_delta_0.01"]) for r in rs if r["n_star_delta_0.01"] is not None]
        if not pts:
            continue
        x, y = zip(*pts)
        (line,) = ax.plot(x, y, "o", label=f"n*(eps, 0.01): {name}")
        f = fits.get(name, {})
        if "C" in f:
            xs = np.linspace(min(x), max(x), 50)
            ax.plot(xs, f["C"] * xs + f["c0"], "-", color=line.get_color(), alpha=0.7,
                    label=f"fit {f['C']:.2f} log2(1/eps) + {f['c0']:.1f}")
    xs = np.linspace(1, 21, 50)
    ax.plot(xs, xs, ":", color="gray", label="counting bound log2(1/eps)")
    ax.set_xlabel("log2(1/eps)")
    ax.set_ylabel("n*")
    ax.set_title("Empirical RSS threshold (delta = 0.01)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
