"""The figures of the ``prunelimit`` section (:class:`~pybridge.claims.section.Figure`: file, draw, caption)."""

from __future__ import annotations

import math

from pybridge.claims import Figure
from pybridge.prunelimit.checks import ETAS
from pybridge.prunelimit.kinematic import a_eta

#: the figure builders are the section's own (no public API: they take the checks' result rows and write files)
__all__: list[str] = []


def _pyplot():
    """``(new_figure, save_figure)`` of the package style, imported on first use (matplotlib is slow to load)."""
    from pybridge.report.plots import new_figure, save_figure

    return new_figure, save_figure


def plot_transition(curves: list, path) -> None:
    """Meeting frequencies against the centred, scaled m, with Theorem I's windows (PNG at ``path``)."""
    new_figure, save_figure = _pyplot()
    fig, ax = new_figure(figsize=(7.5, 4.5))
    for c in curves:
        x = [(p["m"] - (c["d"] - (c["delta_low"] + c["delta_high"]) / 2)) / math.sqrt(c["d"]) for p in c["points"]]
        y = [p["freq"] for p in c["points"]]
        lo = [p["freq"] - p["ci_low"] for p in c["points"]]
        hi = [p["ci_high"] - p["freq"] for p in c["points"]]
        ax.errorbar(x, y, yerr=[lo, hi], marker="o", ms=3, capsize=2, label=f"{c['cone']} D={c['d']}")
    for i, eta in enumerate(ETAS):
        w = a_eta(eta)
        ax.axvspan(-w, w, alpha=0.04, color="k")
        ax.axvline(-w, ls=":", lw=0.7, color="k",
                   label=None if i else "Theorem I windows +-a_eta (eta = " + ", ".join(f"{e:g}" for e in ETAS) + ")")
        ax.axvline(w, ls=":", lw=0.7, color="k")
    ax.set_xlabel("(m - (D - delta(C))) / sqrt(D)   [dotted: +-a_eta, eta = 1/2, 1/10, 1/100]")
    ax.set_ylabel("Pr[random m-dim subspace meets C]  (1e-6 CP bars)")
    ax.set_title("Approximate kinematic formula (ALMT Theorem I, MEM)")
    ax.legend(fontsize=7)
    save_figure(fig, path, dpi=110)


def plot_prediction(rows: list, mlp: dict | None, path) -> None:
    """Predicted against true fractions removed, per quadratic family (and the MLP) (PNG at ``path``)."""
    new_figure, save_figure = _pyplot()
    fig, ax = new_figure(figsize=(5.5, 5))
    for rot, marker in ((False, "o"), (True, "s")):
        sel = [r for r in rows if r["rotated"] == rot]
        ax.scatter([r["true"] for r in sel], [r["predicted"] for r in sel], marker=marker,
                   label="quadratic, " + ("rotated H" if rot else "diagonal H") + " (code's rho_hat)")
        ax.scatter([r["true"] for r in sel], [r["magnitude"] for r in sel], marker=marker, facecolors="none",
                   edgecolors="gray",
                   label="magnitude pruning, " + ("rotated H" if rot else "diagonal H") + " (no re-fit)")
    if mlp:
        ax.scatter([mlp["true_removed_fraction"]], [mlp["predicted_exact"]], marker="*", s=150, c="r",
                   label="digits MLP: exact spectrum vs magnitude pruning")
    ax.plot([0, 1], [0, 1], "k--", lw=0.8, label="prediction = truth")
    ax.set_xlabel("true limit (fraction removed)")
    ax.set_ylabel("prediction (fraction removed)")
    ax.set_title("Zhang et al.'s predicted pruning ratio vs truth")
    ax.legend(fontsize=7)
    save_figure(fig, path, dpi=110)


def transition_figure(curves: list) -> Figure:
    trials = sorted({p["trials"] for c in curves for p in c["points"]})
    return Figure(
        file="prunelimit_transition.png", draw=lambda path: plot_transition(curves, path),
        caption="Phase transition of the approximate kinematic formula (ALMT Theorem I): the frequency with which "
                "a uniformly random m-dimensional subspace of R^D meets a cone C (circular of half-angle pi/6, "
                "orthant, a subspace of dimension D/3, and in the full run the l1 descent cone), against "
                "(m - (D - delta(C))) / sqrt(D), with Clopper-Pearson bars at 1 - 1e-6; shaded: Theorem I's "
                "windows +- a_eta for eta = 1/2, 1/10, 1/100. Data: this run's Monte Carlo ("
                + ", ".join(map(str, trials)) + " random subspaces per point; seeded stream KINEMATIC), delta(C) "
                "from the certified closed forms.",
        alt="Meeting frequency against centred, scaled subspace dimension for each cone, rising from 0 to 1 "
            "well inside the shaded windows.")


def prediction_figure(rows: list, mlp: dict | None) -> Figure:
    return Figure(
        file="prunelimit_prediction.png", draw=lambda path: plot_prediction(rows, mlp, path),
        caption="Zhang et al.'s predicted pruning ratio (the authors' code's rho_hat, fraction removed) against "
                "the true limit for quadratic losses L(w) = (w - w0)' H (w - w0) / 2 with eps = L(0)/10 (one point "
                "per family: spectrum flat/power/spiked, w0 Gaussian/heavy-tailed, H diagonal or Haar-rotated; "
                "means over the family's seeded instances, stream QUADRATIC), and magnitude pruning without re-fit "
                "(open marks)" + ("; the star is the digits MLP (exact Hessian spectrum against global magnitude "
                                  "pruning)" if mlp else "") + ". The dashed line is prediction = truth. Data: this "
                "run's exact truths (exhaustive search or sorted costs; bracket midpoints for D = 40).",
        alt="Scatter of predicted against true fraction removed per quadratic family, with the diagonal.")
