"""The tables of the ``rare`` section, as data (:class:`~pybridge.claims.Table`; the report renders them)."""

from __future__ import annotations

from pybridge.claims import Table
from pybridge.rare.measures import interval_label, lueker_rows_rare

#: section internals only (the tables are reached through the section's result)
__all__: list = []


def _threshold_table(rows) -> Table:
    return Table(
        title="n*(eps, delta = eps) by generalized splitting",
        columns=("target", "eps", "n*", "n* low", "n* high", "levels up to", "replications", "runs", "seed entropy"),
        rows=[(interval_label(r["interval"]), r["eps"], r["n_star"], r["n_star_low"], r["n_star_high"], r["n_max"],
               r["replications"], r["runs"], str(r["seed_entropy"])) for r in rows],
        caption="n* = first n whose splitting estimate of q(n, eps) = Pr[rho > eps] is <= eps; low and high from "
                "the 95% t interval over independent replications (high = conservative). Uniform[-1,1] samples.",
        blank="not reached", formats={"eps": "g"})


def _fit_table(fits, deep) -> Table:
    rows = [("this run", name, f.get("K"), *(f.get("K_ci95") or (None, None)), f.get("c"), f["points"])
            for name, f in fits.items()]
    rows += [("committed benchmark", name, f.get("K"), *(f.get("K_ci95") or (None, None)), f.get("c"), f["points"])
             for name, f in ((deep or {}).get("fits") or {}).items()]
    return Table(title="Fits n* = K ln(1/eps) + c", columns=("data", "target", "K", "K 95% low", "K 95% high", "c",
                                                              "points"),
                 rows=rows, caption="Least squares on the point estimates n* (scipy linregress); compare Lueker's "
                                    "kappa*(C) >= 8. The slope's interval needs at least 3 points.",
                 blank="n/a", formats={"K": ".2f", "K 95% low": ".2f", "K 95% high": ".2f", "c": ".1f"})


def _deep_table(deep) -> Table:
    rows = []
    for r in deep["rows"]:
        x = r.get("extrapolated") or {}
        iv, lv = x.get("interval") or (None, None), x.get("fit_levels") or (None, None)
        rows.append((interval_label(r["interval"]), r["eps"], r["n_star"], r["n_star_low"], r["n_star_high"], *iv,
                     *lv, r["replications"], r["runs"], r["move"], r["seconds"], r["decisions"],
                     str(r["seed_entropy"])))
    return Table(
        title="n*(eps, delta = eps) from the committed benchmark (not re-run by this check)",
        columns=("target", "eps", "n*", "n* low", "n* high", "extrapolated low", "extrapolated high",
                 "tail from m", "tail to m", "replications", "runs", "kernel", "seconds", "decisions",
                 "seed entropy"),
        rows=rows, blank="-", formats={"eps": "g", "seconds": ".0f"},
        caption=f"Source: {deep['source']}. Generalized splitting, every prefix length a level, 95% Student t "
                "interval over independent replications; seconds are wall-clock on 2 shared cores. A blank (-) "
                "n* is not reached (the splitting population died out); the extrapolation columns (a log-linear "
                "tail over levels m, NOT a measurement) are blank where n* was measured.")


def _rfss_table(rf) -> Table:
    return Table(
        title="RFSS Corollary 1 at small k (committed benchmark, not re-run by this check)",
        columns=("k", "eps", "n*", "n* low", "n* high", "clipped", "c_need", "c_need (conservative)",
                 "log2 n at c_amp = 8", "seconds", "decisions"),
        rows=[(r["k"], r["eps"], r["n_star"], r["n_star_low"], r["n_star_high"], bool(r.get("clipped")),
               r["c_need"], r["c_need_conservative"], r["log2_n_corollary_at_c8"], r["seconds"], r["decisions"])
              for r in rf["rows"]],
        caption=f"Source: {rf['source']}. Uniform[-1,1], target [-sqrt k, sqrt k], delta = eps; c_need = "
                "(n*-1) H2(k/(n*-1))/log2^2(k/eps) is the least c_amp for which the Corollary's hypothesis admits "
                "no n below n*; the proof's c_amp >= 8 asks n >= 2^t (t in the column 'log2 n at c_amp = 8'). "
                "n/a: no n* to compute c_need from.",
        blank="n/a", formats={"eps": "g", "c_need": ".3f", "c_need (conservative)": ".3f",
                              "log2 n at c_amp = 8": ".1f", "seconds": ".0f"})


def _lueker_table(rows) -> Table:
    return Table(title="Lueker's sample-size constant: measured against the proof's",
                 columns=("row", "tight constant", "proof constant", "ratio"),
                 rows=[(r["name"], r["tight_constant"], r["proof_constant"], r["ratio"]) for r in rows],
                 caption="The smallest kappa with n*(eps, eps) <= kappa ln(1/eps) on the measured eps (conservative "
                         "n*), beside the proof's kappa*(C) >= 8; these rows also enter the constants section's "
                         "tight-constants table.")


def _tail_table(est) -> Table:
    return Table(title=f"Tail q(n, {est.eps:g}) on {interval_label(est.target_interval)}",
                 columns=("n", "q_hat", "95% t low", "95% t high"),
                 rows=[(lv["m"], lv["q_hat"], lv["ci_low"], lv["ci_high"]) for lv in est.tail()],
                 caption="The every-level splitting run of the agreement test; 95% t interval over its replications.",
                 formats={"q_hat": ".3g", "95% t low": ".3g", "95% t high": ".3g"})


def rare_tables(rows, fits, agree_est, bench) -> tuple:
    """The section's tables: thresholds, fits, committed benchmarks, Lueker rows, the tail of q(n, 1e-2)."""
    deep, rf = (bench or {}).get("deep"), (bench or {}).get("rfss")
    out = [_threshold_table(rows), _fit_table(fits, deep)]
    if deep:
        out.append(_deep_table(deep))
    if rf:
        out.append(_rfss_table(rf))
    lueker = lueker_rows_rare({"thresholds": rows, "benchmark": bench})
    if lueker:
        out.append(_lueker_table(lueker))
    return tuple(out + [_tail_table(agree_est)])
