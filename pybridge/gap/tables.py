r"""The gap section's tables and figure data: :math:`n_{1/2}(\varepsilon)` of both paradigms, neuron pruning
against its relaxations, and the curves of the two figures.

Tables are :class:`~pybridge.claims.section.Table` data (the report formats and renders them); every column
names its model (:data:`COLUMN_MODELS`).  :func:`neuron_vs_rf_table` computes the comparison (stream
:attr:`~pybridge.gap.streams.Stream.NEURON_VS_RF`).

Source: theory §3.6, §3.8 (RECON); issue 3.
"""

from __future__ import annotations

import math

import numpy as np

from pybridge.claims.section import Table
from pybridge.gap.bounds import n_half_theorem_a
from pybridge.gap.budget import TABLE_EPS
from pybridge.gap.networks import make_target, plane_coordinates, sample_network
from pybridge.gap.neuron_pruning import best_neuron_subset
from pybridge.gap.rf_lp import rf_optimum
from pybridge.gap.streams import Stream
from pybridge.runtime import seeding

__all__ = ["COLUMN_MODELS", "SUCCESS_CURVE_EPS", "BOUND_CURVE_DECADES", "BOUND_CURVE_POINTS"]

#: the model of each table column / figure curve
COLUMN_MODELS = {
    "theorem_a": "neuron pruning, Theorem A necessary width (M0, law G, d >= 2; RECON §3.6)",
    "rf": "RF relaxation, Monte Carlo (M0, law G, d = 2, axis target); a lower bound on neuron pruning's width",
    "b0": "weight pruning B0, Monte Carlo (M0, law G, axis target, any d)",
    "b1": "weight pruning B1, Monte Carlo (M1, law G, d = 2, diagonal target; certified bound)",
}

#: the epsilons of the success-against-width figure (one panel each, where the widths were measured)
SUCCESS_CURVE_EPS = (1e-1, 1e-2, 1e-4)
#: the Theorem A curve of the width figure: 1/eps from 10^1 to 10^4 ...
BOUND_CURVE_DECADES = (1, 4)
#: ... at this many log-spaced points
BOUND_CURVE_POINTS = 61


def neuron_vs_rf_table(ns, reps, root) -> list:
    """Mean certificate, RF optimum and best neuron-pruned error (M0, law G, d = 2) for each n.

    Neuron pruning is exhaustive for n <= 16 and a MILP beyond (exact up to its 1e-7 tolerance); shows how far
    neuron pruning sits above RF and above the certificate.  Width ``ns[k]`` draws from
    ``child_rng(root, Stream.NEURON_VS_RF, k)``.
    """
    rows = []
    for k, n in enumerate(ns):
        rng = seeding.child_rng(root, Stream.NEURON_VS_RF, k)
        cert, rf, npe = [], [], []
        for _ in range(reps):
            net = sample_network("M0", "G", 2, n, rng=rng)
            p, q = plane_coordinates(net.u, make_target("axis", 2))
            r = rf_optimum(p, q)
            cert.append(r.certificate)
            rf.append(r.upper)
            npe.append(best_neuron_subset(p, q, net.v).error)
        rows.append({"n": n, "reps": reps, "method": "exhaustive" if n <= 16 else "milp",
                     "mean_certificate": float(np.mean(cert)), "mean_rf": float(np.mean(rf)),
                     "mean_neuron": float(np.mean(npe)), "median_neuron_over_rf": float(np.median(
                         np.array(npe) / np.maximum(rf, 1e-300)))})
    return rows


def _n_half_at(times_list, eps):
    for t in times_list:
        if math.isclose(t.eps, eps):
            return t.n_half()
    return None


def table_rows(widths) -> list:
    """One dict per eps of :data:`TABLE_EPS`: ``eps``, ``inv_eps``, Theorem A's n_1/2 and each MC column's
    ``n_half()`` (``None``: not run).  ``widths`` maps ``rf``, ``b0``, ``b1`` to first-success times."""
    return [{"eps": e, "inv_eps": 1 / e, "theorem_a": n_half_theorem_a(e), "rf": _n_half_at(widths["rf"], e),
             "b0": _n_half_at(widths["b0"], e), "b1": _n_half_at(widths["b1"], e)} for e in TABLE_EPS]


def figure_data(widths) -> dict:
    """The curves of both figures: n_1/2 against 1/eps (Theorem A and each MC column), and the coupled success
    frequency against n at :data:`SUCCESS_CURVE_EPS`."""
    inv = np.logspace(*BOUND_CURVE_DECADES, BOUND_CURVE_POINTS)
    curves = [{"key": "theorem_a", "label": COLUMN_MODELS["theorem_a"], "kind": "bound",
               "inv_eps": inv.tolist(), "n_half": [n_half_theorem_a(1 / x) for x in inv]}]
    success = []
    for key in ("rf", "b0", "b1"):
        pts = [(t.eps, t.n_half()) for t in widths[key]]
        pts = [(e, h) for e, h in pts if h["point"] is not None]
        curves.append({"key": key, "label": COLUMN_MODELS[key], "kind": "monte carlo",
                       "inv_eps": [1 / e for e, _ in pts], "n_half": [h["point"] for _, h in pts],
                       "ci_low": [h["ci_low"] for _, h in pts], "ci_high": [h["ci_high"] for _, h in pts]})
    for key in ("rf", "b0", "b1"):
        for t in widths[key]:
            if any(math.isclose(t.eps, e) for e in SUCCESS_CURVE_EPS):
                success.append({"key": key, "label": COLUMN_MODELS[key], "eps": t.eps, **t.curve()})
    return {"curves": curves, "x_label": "1/eps", "y_label": "width n_1/2 (success probability 1/2)",
            "success_curves": success}


def closing_note(rows) -> str:
    """The measured widths of both paradigms in one paragraph (plain text)."""
    parts = []
    for row in rows:
        b0, b1, rf = ((row[k] or {}).get("point") for k in ("b0", "b1", "rf"))
        txt = f"eps = {row['eps']:g}: neuron pruning needs n >= {row['theorem_a']:.1f} (Theorem A, M0/G)"
        if rf is not None:
            txt += f", RF measured {rf}"
        txt += f"; weight pruning measured B0 {b0} (M0/G axis), B1 {b1} (M1/G d=2 diagonal)"
        parts.append(txt)
    return ("Measured n_1/2(eps) (width for success probability 1/2): " + "; ".join(parts) + ". "
            "Neuron pruning grows like 1/eps (Theorem A: about 0.272/eps), weight pruning like log(1/eps): the "
            "exponential gap, in models M0 (axis target) and M1. In M0 a non-axis target has no such gap "
            "(theory §3.9, claim m0-diagonal-caveat). All theorems are our reconstructions (RECON).")


def _cell(x):
    """A Monte Carlo n_1/2 cell: "point [low, high]", "> n_max" when not reached, ``None`` when not run."""
    if x is None:
        return None
    if x.get("point") is None:
        return f"> {x['n_max']}"
    hi = x["ci_high"] if x["ci_high"] is not None else f">{x['n_max']}"
    return f"{x['point']} [{x['ci_low']}, {hi}]"


def n_half_table(rows, note: str) -> Table:
    """The :math:`n_{1/2}` table of both paradigms, its columns labelled with their models in the caption."""
    models = "; ".join(f"{k}: {v}" for k, v in COLUMN_MODELS.items())
    return Table(
        title="The pruning gap: width for success probability 1/2",
        columns=("eps", "1/eps", "neuron: Theorem A n_1/2", "RF n_1/2 (MC)", "B0 n_1/2 (MC)", "B1 n_1/2 (MC)"),
        rows=[(r["eps"], r["inv_eps"], r["theorem_a"], _cell(r["rf"]), _cell(r["b0"]), _cell(r["b1"]))
              for r in rows],
        caption=(f"{note} Columns: {models}. MC cells: median first successful width [95% order-statistic "
                 "interval]."),
        blank="not run", formats={"eps": "g", "1/eps": "g", "neuron: Theorem A n_1/2": ".1f"})


def comparison_table(rows, failure=None) -> Table:
    """How far neuron pruning sits above RF and the certificate (M0, law G, d = 2, axis target)."""
    caption = "Exact sup errors; certificate <= RF <= neuron pruning on every network."
    if failure:
        caption += f" Not computed: solver failure: {failure}."
    return Table(
        title="Neuron pruning against its relaxations (M0, law G, d = 2, w* = e1)",
        columns=("n", "networks", "method", "mean certificate", "mean RF optimum", "mean best neuron-pruned",
                 "median neuron/RF"),
        rows=[(r["n"], r["reps"], r["method"], r["mean_certificate"], r["mean_rf"], r["mean_neuron"],
               r["median_neuron_over_rf"]) for r in rows],
        caption=caption,
        formats={"mean certificate": ".4f", "mean RF optimum": ".4f", "mean best neuron-pruned": ".4f",
                 "median neuron/RF": ".1f"})
