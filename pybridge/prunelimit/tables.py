"""The tables of the ``prunelimit`` section as data (:class:`~pybridge.claims.section.Table`; the report renders)."""

from __future__ import annotations

from pybridge.claims import Table
from pybridge.prunelimit.checks import ETAS

#: the table builders are the section's own (no public API: they take the checks' result rows)
__all__: list[str] = []


def statdim_table(rows: list) -> Table:
    return Table(
        title="Statistical dimension: closed form vs Monte Carlo",
        columns=("cone", "D", "params", "delta low", "delta high", "MC mean", "interval low", "interval high",
                 "agrees"),
        rows=tuple((r["cone"], r["d"], ", ".join(f"{k} = {v}" for k, v in r["params"].items()) or None,
                    r["delta_low"], r["delta_high"], r["mc_estimate"], r["ci_low"], r["ci_high"], r["agrees"])
                   for r in rows),
        caption="delta(C) = E ||Pi_C g||^2: the closed form's certified interval against the Monte Carlo mean of "
                "exact projections of Gaussian vectors and its Student t interval at 1 - 1e-6.",
        blank="none", formats={"delta low": ".4f", "delta high": ".4f", "MC mean": ".3f", "interval low": ".3f",
                               "interval high": ".3f"})


def transition_table(curves: list) -> Table:
    windows = tuple(f"a_eta sqrt(D), eta = {eta:g}" for eta in ETAS)
    return Table(
        title="Phase transition (approximate kinematic formula)",
        columns=("cone", "D", "delta low", "delta high", "observed 10%-90% width (in m)") + windows,
        rows=tuple((c["cone"], c["d"], c["delta_low"], c["delta_high"], c["observed_10_90_width"],
                    *c["window"].values()) for c in curves),
        caption="The observed width interpolates the grid's frequencies; Theorem I's window is +- a_eta sqrt(D) "
                "around D - delta(C).",
        blank="not reached", formats={"delta low": ".2f", "delta high": ".2f",
                                      "observed 10%-90% width (in m)": ".1f", **{w: ".1f" for w in windows}})


def regions_table(regions: list) -> Table:
    return Table(
        title="Theorem I's bound regions, exact probabilities",
        columns=("cone", "D", "eta", "Pr <= eta for m <=", "Pr >= 1 - eta for m >=", "m checked", "contradictions",
                 "largest Pr below", "smallest Pr above"),
        rows=tuple((r["cone"], r["d"], r["eta"], r["lower_max"], r["upper_min"], r["instances"], r["failures"],
                    r["max_lower_probability"], r["min_upper_probability"]) for r in regions),
        caption="Every integer m of each bound region, for the cones with a closed form; an empty region (m "
                "outside [0, D]) is shown as empty.",
        blank="empty", formats={"eta": "g", "largest Pr below": ".3g", "smallest Pr above": ".3g"})


def prediction_table_view(rows: list) -> Table:
    return Table(
        title="Predicted vs true pruning limit, quadratic losses (fractions removed)",
        columns=("spectrum", "w0", "D", "H", "true (removed)", "magnitude", "magnitude+refit", "code's rho_hat",
                 "mean err", "mean abs err", "optimistic", "pessimistic", "truth", "bracket width"),
        rows=tuple((r["spectrum"], r["weights"], r["d"], "rotated" if r["rotated"] else "diagonal", r["true"],
                    r["magnitude"], r["magnitude_refit"], r["predicted"], r["mean_error"], r["mean_abs_error"],
                    r["optimistic"], r["pessimistic"], "exact" if r["exact"] else "bracket midpoint",
                    None if r["exact"] else r["true_bracket_width"]) for r in rows),
        caption="eps = L(0)/10; D = 12 rotated: exhaustive search (exact); D = 100 diagonal: sorted costs (exact); "
                "D = 40 rotated (full run): the greedy/relaxation bracket, its midpoint shown. Means over the "
                "family's instances; optimistic/pessimistic count the instances rho_hat over/under-shoots.",
        blank="-", formats={c: ".3f" for c in ("true (removed)", "magnitude", "magnitude+refit", "code's rho_hat",
                                               "mean abs err", "bracket width")} | {"mean err": "+.3f"})


def mlp_table(mlp: dict) -> Table:
    return Table(
        title="Digits MLP (fractions removed)",
        columns=("D", "train acc", "eps", "lambda min", "lambda max", "true (magnitude)", "rho_hat exact",
                 "rho_hat SLQ smoothed", "rho_hat SLQ raw"),
        rows=((mlp["dimension"], mlp["train_accuracy"], mlp["eps"], mlp["lambda_min"], mlp["lambda_max"],
               mlp["true_removed_fraction"], mlp["predicted_exact"], mlp["predicted_slq_smoothed"],
               mlp["predicted_slq_raw"]),),
        caption="64-h-10 tanh MLP trained on scikit-learn's digits; truth: global magnitude pruning without "
                "re-training until the loss rises by eps.",
        formats={"train acc": ".3f", "eps": ".4g", "lambda min": ".2e", "lambda max": ".3f",
                 **{c: ".3f" for c in ("true (magnitude)", "rho_hat exact", "rho_hat SLQ smoothed",
                                       "rho_hat SLQ raw")}})
