r"""The headline figure of the pruning gap (matplotlib, headless ``Agg``).

Width :math:`n_{1/2}` needed for success probability ½ against :math:`1/\varepsilon`
(log–log): neuron pruning (Theorem A necessary width, and the RF Monte Carlo) against
weight pruning (B0 and B1 Monte Carlo), each curve labelled with its model.

Source: theory §3.6, §3.8 (RECON); issue 3 item 8.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import matplotlib

matplotlib.use("Agg")  # headless; must precede pyplot
import matplotlib.pyplot as plt

from pybridge.errors import InvalidArgument
from pybridge.gap.bounds import theorem_a_q
from pybridge.report.plots import new_figure, save_figure  # noqa: E402

__all__ = ["write_gap_figure", "write_success_figure"]


def _data(section) -> Mapping:
    """The section's data: a mapping as given, else its ``data`` (a SectionResult)."""
    return section if isinstance(section, Mapping) else getattr(section, "data", {})

_STYLE = {
    "theorem_a": {"color": "tab:red", "linestyle": "-", "marker": None},
    "rf": {"color": "tab:orange", "linestyle": ":", "marker": "s"},
    "b0": {"color": "tab:blue", "linestyle": "--", "marker": "o"},
    "b1": {"color": "tab:green", "linestyle": "--", "marker": "^"},
}


def write_gap_figure(section, path) -> str:
    r"""Write the :math:`n_{1/2}` against :math:`1/\varepsilon` figure of a gap section.

    Parameters
    ----------
    section : SectionResult or Mapping
        From :func:`pybridge.gap.section.gap_section` (or its ``data``).
    path : str or os.PathLike
        Output file; the format follows the suffix (``.png``, ``.svg``, ``.pdf``).

    Returns
    -------
    str
        The path written.

    Raises
    ------
    InvalidArgument
        The section has no figure data.

    Notes
    -----
    Claims ``theorem-a``, ``weight-pruning-b0``, ``weight-pruning-b1``; theory §3 (RECON).
    """
    data = _data(section)
    curves = data.get("figure", {}).get("curves")
    if not curves:
        raise InvalidArgument("the gap section has no figure data")
    fig, ax = new_figure(figsize=(7.5, 5.0))
    for c in curves:
        st = _STYLE.get(c["key"], {"color": None, "linestyle": "-", "marker": "."})
        if not c["inv_eps"]:
            continue
        if c["kind"] == "bound":
            ax.plot(c["inv_eps"], c["n_half"], color=st["color"], linestyle="-", label=c["label"])
            continue
        lo = [p - (low if low is not None else p) for p, low in zip(c["n_half"], c["ci_low"])]
        hi = [(h if h is not None else p) - p for p, h in zip(c["n_half"], c["ci_high"])]
        ax.errorbar(c["inv_eps"], c["n_half"], yerr=[lo, hi], color=st["color"], linestyle=st["linestyle"],
                    marker=st["marker"], capsize=3, label=c["label"])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$1/\varepsilon$ (sup error over $B^d$)")
    ax.set_ylabel(r"hidden units $n_{1/2}$ for success probability 1/2")
    ax.set_title("Pruning gap: neuron pruning ~ 1/eps vs weight pruning ~ log(1/eps)\n(theorems RECON, theory §3)",
                 fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    path = os.fspath(path)
    save_figure(fig, path, dpi=120)
    return path


def write_success_figure(section, path) -> str:
    r"""Success frequency against the width n (coupled Monte Carlo, 95% Clopper–Pearson bands).

    One panel per epsilon in {1e-1, 1e-2, 1e-4}: RF (M0), B0 (M0) and B1 (M1) where run, with the
    Theorem A upper bound :math:`1 - (1 - 2\eta_\varepsilon/\pi)^n` on neuron pruning (M0, law G).

    Parameters
    ----------
    section : SectionResult or Mapping
    path : str or os.PathLike

    Returns
    -------
    str
        The path written.

    Raises
    ------
    InvalidArgument
        The section has no success curves.

    Notes
    -----
    Claims ``theorem-a``, ``weight-pruning-b0``, ``weight-pruning-b1``; theory §3.6, §3.8 (RECON).
    """
    data = _data(section)
    curves = data.get("figure", {}).get("success_curves")
    if not curves:
        raise InvalidArgument("the gap section has no success curves")
    eps_values = sorted({c["eps"] for c in curves}, reverse=True)
    fig, axes = new_figure(1, len(eps_values), figsize=(4.2 * len(eps_values), 3.8), squeeze=False)
    for ax, eps in zip(axes[0], eps_values):
        top = 1
        for c in (c for c in curves if c["eps"] == eps):
            st = _STYLE.get(c["key"], {"color": None})
            last = max([n for n, p in zip(c["n"], c["p_hat"]) if p < 0.999] + [1])
            k = min(len(c["n"]), last + 5)
            top = max(top, c["n"][k - 1])
            ax.plot(c["n"][:k], c["p_hat"][:k], color=st["color"], label=c["label"].split(",")[0] + f" ({c['key']})")
            ax.fill_between(c["n"][:k], c["ci_low"][:k], c["ci_high"][:k], color=st["color"], alpha=0.2)
        q = theorem_a_q(eps)
        ns = list(range(1, top + 1))
        ax.plot(ns, [1 - (1 - q) ** n for n in ns], color=_STYLE["theorem_a"]["color"],
                label="Theorem A upper bound (M0, G)")
        ax.set_title(f"eps = {eps:g}", fontsize=10)
        ax.set_xlabel("hidden units n")
        ax.set_ylim(-0.02, 1.02)
        ax.grid(True, alpha=0.3)
    axes[0][0].set_ylabel("success frequency")
    axes[0][0].legend(fontsize=6, loc="lower right")
    fig.suptitle("Success against width: RF (M0) and B0 (M0, axis), B1 (M1, diagonal), law G; RECON", fontsize=9)
    path = os.fspath(path)
    save_figure(fig, path, dpi=110)
    return path
