"""The package's one plotting style, and the figures of the RSS section (matplotlib, headless ``Agg``).

Every figure of prunegap is made by :func:`new_figure` and written by :func:`save_figure`: constrained layout
(labels are never clipped), the Okabe–Ito colour-blind-safe palette, plain tick labels on log axes ("20", not
"2×10¹"), and the figure written twice, as PNG (the report inlines it) and as SVG beside it (for a paper).
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from cycler import cycler  # noqa: E402
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter  # noqa: E402

__all__ = ["PALETTE", "STYLE", "new_figure", "save_figure", "plain_log_ticks", "plot_cover_curves",
           "plot_thresholds"]

#: Okabe & Ito's colour-blind-safe palette (black last: it is kept for reference lines)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

#: the rc parameters of every prunegap figure
STYLE = {"axes.prop_cycle": cycler(color=PALETTE), "axes.grid": True, "grid.alpha": 0.3, "font.size": 9,
         "legend.fontsize": 7, "axes.titlesize": 10, "axes.labelsize": 9, "svg.fonttype": "none",
         "figure.constrained_layout.use": True}


def new_figure(*args, **kwargs):
    """``plt.subplots`` under :data:`STYLE` with constrained layout; returns ``(fig, ax)`` as subplots does."""
    with plt.rc_context(STYLE):
        return plt.subplots(*args, layout="constrained", **kwargs)


def _plain(value, _pos=None) -> str:
    return f"{value:g}" if value > 0 else ""


def plain_log_ticks(ax) -> None:
    """Plain decimal tick labels on every log axis of ``ax`` (1, 2, 5 per decade when a decade is shown)."""
    for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
        if scale != "log":
            continue
        low, high = sorted(axis.get_view_interval())
        decades = math.log10(high / low) if low > 0 else 99
        axis.set_major_locator(LogLocator(base=10, subs=(1.0,) if decades > 3 else (1.0, 2.0, 5.0)))
        axis.set_major_formatter(FuncFormatter(_plain))
        axis.set_minor_formatter(NullFormatter())


def save_figure(fig, path, *, dpi: int = 110) -> None:
    """Write ``fig`` as PNG at ``path`` and as SVG beside it (same name, ``.svg``), then close it."""
    path = Path(path)
    for ax in fig.axes:
        plain_log_ticks(ax)
    with plt.rc_context(STYLE):
        fig.savefig(path, dpi=dpi)
        fig.savefig(path.with_suffix(".svg"))
    plt.close(fig)


def plot_cover_curves(curves, path) -> None:
    """P(n, eps) against n with 95% Clopper–Pearson bands, one curve per (law, interval, eps)."""
    fig, ax = new_figure(figsize=(8, 5))
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
    save_figure(fig, path)


def plot_thresholds(rows, fits, path) -> None:
    """n*(eps, 0.01) against log2(1/eps) with the fitted lines."""
    fig, ax = new_figure(figsize=(7, 5))
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
    save_figure(fig, path)
