"""Figure of the masks section: the masked overparameterization factor against p (lazy matplotlib)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from pybridge.masks.factor import CANDIDATE_LAWS  # noqa: E402
from pybridge.report.plots import new_figure, save_figure  # noqa: E402

__all__ = ["plot_factor"]


def plot_factor(tables: dict, path) -> None:
    """``tables``: label -> rows of :func:`pybridge.masks.factor_table`; both candidate laws drawn."""
    fig, ax = new_figure(figsize=(7, 5))
    for label, rows in tables.items():
        ok = [r for r in rows if r["factor"] is not None]
        p = np.array([r["p"] for r in ok])
        f = np.array([r["factor"] for r in ok])
        err = np.array([[r["factor"] - r["factor_ci95"][0], r["factor_ci95"][1] - r["factor"]]
                        if r["factor_ci95"] else [0, 0] for r in ok]).T
        ax.errorbar(p, f, yerr=err, fmt="o-", capsize=3, label=label, alpha=0.8)
    ps = np.linspace(0.05, 0.95, 100)
    for (name, law), style in zip(CANDIDATE_LAWS.items(), ("k--", "k:")):
        ax.plot(ps, [law(v) for v in ps], style, label=name)
    ax.set_xlabel("p (keep probability; sparsity 1 - p)")
    ax.set_ylabel("n*_p / n*_1")
    ax.set_yscale("log")
    ax.set_title("Masked overparameterization factor (95% paired bootstrap intervals)")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=7)
    save_figure(fig, path, dpi=110)
