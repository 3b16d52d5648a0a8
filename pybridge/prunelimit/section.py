r"""The ``prunelimit`` section of ``prunegap check``: statistical dimensions, the phase transition, the prediction.

Budgets (2 cores): ``--quick`` a few seconds (D = 50, few trials, no MLP); full about 30-40 s (the
MLP with ``hidden = 5``, D = 385, is the largest part).  All randomness from the section's
SeedSequence (seed_key 8); ratios are fractions removed.
"""

from __future__ import annotations

import math
import time

import numpy as np

from pybridge.claims import ClaimCheck, Plan, Section, SectionSpec
from pybridge.prunelimit.checks import (
    ETAS,
    kinematic_violations,
    prediction_table,
    statdim_certified_holds,
    statdim_mc_agrees,
)
from pybridge.prunelimit.kinematic import a_eta, kinematic_curve

__all__ = ["SECTION", "prunelimit_section"]

QUICK = {"mc_ds": (50,), "mc_trials": 1000, "circ_ds": (50, 100), "circ_trials": 200, "lp_d": 30,
         "lp_trials": 15, "l1": False, "quad_instances": 3, "quad_bounds_d": 0, "mlp_hidden": 0}
FULL = {"mc_ds": (50, 200), "mc_trials": 4000, "circ_ds": (50, 100, 200, 400), "circ_trials": 1000, "lp_d": 50,
        "lp_trials": 30, "l1": True, "quad_instances": 10, "quad_bounds_d": 40, "mlp_hidden": 5}


def _statdim_power(rows) -> dict:
    """Power of the statistical-dimension Monte Carlo check (issue 10 §4)."""
    from scipy import stats as _st

    from pybridge.stats.power import power_record, t_detectable_shift

    shifts = []
    for r in rows:
        shift = t_detectable_shift(r["std"], r["trials"], alpha=1 - r["confidence"], power=0.9)
        shifts.append({"cone": r["cone"], "d": r["d"], "detectable_shift_p90": shift,
                       "relative_to_delta": shift / max(r["delta_high"], 1e-300)})
    worst = max((x["relative_to_delta"] for x in shifts), default=None)
    text = ("Power: a Monte Carlo mean off the certified delta by >= "
            + ", ".join(f"{x['detectable_shift_p90']:.3g} ({x['cone']}, D={x['d']})" for x in shifts)
            + f" is detected with probability >= 0.9 (at most {worst:.1%} of delta; t interval at 1 - 1e-6, normal "
              "approximation of the mean)." if shifts else "Power: no rows.")
    return power_record("Student t interval at 1 - 1e-6 must meet the certified interval", alpha=1e-6,
                        trials=min((r["trials"] for r in rows), default=None), text=text,
                        method="normal approximation (t quantile + z_0.9) x sd / sqrt(N)",
                        rows=shifts, worst_relative_shift_p90=worst)


def _kinematic_power(curves) -> dict:
    """Power of the Monte Carlo side of the kinematic check: the one-sided exact test at each tail 5e-7."""
    from pybridge.stats.power import detectable_excess, power_record

    trials = sorted({p["trials"] for c in curves for p in c["points"]})
    rows = []
    for t in trials:
        for eta in ETAS:
            # lower region: Pr <= eta rejected when the CP lower end exceeds eta; the upper region is symmetric
            rows.append({"trials": t, "eta": eta,
                         "detectable_excess_p90": detectable_excess(eta, t, alpha=5e-7, power=0.9)})
    text = ("Power: a probability beyond Theorem I's bound (above eta in the lower region, below 1 - eta in the "
            "upper one) is caught with probability >= 0.9 when it exceeds the bound by >= "
            + ", ".join(f"{r['detectable_excess_p90']:.3f} (eta={r['eta']:g}, {r['trials']} trials)"
                        if r["detectable_excess_p90"] is not None else f"- (eta={r['eta']:g}, {r['trials']} trials: "
                        "no power)" for r in rows)
            + " (two-sided Clopper-Pearson at 1 - 1e-6, exact binomial tails).")
    return power_record("Clopper-Pearson interval at 1 - 1e-6 outside Theorem I's bound", alpha=1e-6,
                        trials=trials[0] if trials else None, text=text, method="exact binomial tails", rows=rows)


def _transition(plan_cfg, root):
    from symbolic.constants.statdim import statdim

    curves, checks_data = [], []
    specs = [("circular", d, {"angle": math.pi / 6}, {"angle": "pi/6"}, plan_cfg["circ_trials"])
             for d in plan_cfg["circ_ds"]]
    d = plan_cfg["lp_d"]
    specs += [("orthant", d, {}, {}, plan_cfg["lp_trials"]),
              ("subspace", d, {"k": d // 3}, {"k": d // 3}, plan_cfg["lp_trials"])]
    if plan_cfg["l1"]:
        specs.append(("l1-descent", d, {"s": d // 10}, {"s": d // 10}, plan_cfg["lp_trials"]))
    exact_bad, mc_bad = [], []
    for i, (cone, dd, kw, exact_kw, trials) in enumerate(specs):
        r = statdim(cone, d=dd, dps=20, **exact_kw)
        lo, hi = float(r.delta_bounds.lo), float(r.delta_bounds.hi)
        centre = dd - (lo + hi) / 2
        half = 3.5 * math.sqrt(dd)
        ms = sorted({int(min(dd, max(0, round(centre + t * half)))) for t in np.linspace(-1, 1, 11)})
        pts = kinematic_curve(cone, dd, ms, trials, root, 1000 * i, **kw)
        eb, mb = kinematic_violations(pts, lo, hi)
        exact_bad += eb
        mc_bad += mb
        freqs = [p.meets / p.trials for p in pts]
        # empirical 10%-90% width of the transition (linear interpolation of the frequencies)
        curves.append({"cone": cone, "d": dd, "delta_low": lo, "delta_high": hi, "points": [p.to_dict() for p in pts],
                       "window": {str(eta): a_eta(eta) * math.sqrt(dd) for eta in ETAS},
                       "observed_10_90_width": _width(ms, freqs)})
        checks_data.append((cone, dd, len(pts), trials))
    return curves, exact_bad, mc_bad


def _width(ms, freqs):
    def cross(level):
        for (m0, f0), (m1, f1) in zip(zip(ms, freqs), zip(ms[1:], freqs[1:])):
            if f0 <= level <= f1 and f1 > f0:
                return m0 + (level - f0) * (m1 - m0) / (f1 - f0)
        return None

    a, b = cross(0.1), cross(0.9)
    return None if a is None or b is None else b - a


def _plot_transition(curves, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    for c in curves:
        x = [(p["m"] - (c["d"] - (c["delta_low"] + c["delta_high"]) / 2)) / math.sqrt(c["d"]) for p in c["points"]]
        y = [p["freq"] for p in c["points"]]
        lo = [p["freq"] - p["ci_low"] for p in c["points"]]
        hi = [p["ci_high"] - p["freq"] for p in c["points"]]
        ax.errorbar(x, y, yerr=[lo, hi], marker="o", ms=3, capsize=2, label=f"{c['cone']} D={c['d']}")
    for eta in ETAS:
        w = a_eta(eta)
        ax.axvspan(-w, w, alpha=0.04, color="k")
        ax.axvline(-w, ls=":", lw=0.7, color="k")
        ax.axvline(w, ls=":", lw=0.7, color="k")
    ax.set_xlabel("(m - (D - delta(C))) / sqrt(D)   [dotted: +-a_eta, eta = 1/2, 1/10, 1/100]")
    ax.set_ylabel("Pr[random m-dim subspace meets C]  (1e-6 CP bars)")
    ax.set_title("Approximate kinematic formula (ALMT Theorem I, MEM)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plot_prediction(rows, mlp, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5))
    for rot, marker in ((False, "o"), (True, "s")):
        sel = [r for r in rows if r["rotated"] == rot]
        ax.scatter([r["true"] for r in sel], [r["predicted"] for r in sel], marker=marker,
                   label="quadratic, " + ("rotated H" if rot else "diagonal H") + " (code's rho_hat)")
        ax.scatter([r["true"] for r in sel], [r["magnitude"] for r in sel], marker=marker, facecolors="none",
                   edgecolors="gray", label="magnitude pruning (no re-fit)" if not rot else None)
    if mlp:
        ax.scatter([mlp["true_removed_fraction"]], [mlp["predicted_exact"]], marker="*", s=150, c="r",
                   label="digits MLP: exact spectrum vs magnitude pruning")
    ax.plot([0, 1], [0, 1], "k--", lw=0.8)
    ax.set_xlabel("true limit (fraction removed)")
    ax.set_ylabel("prediction (fraction removed)")
    ax.set_title("Zhang et al.'s predicted pruning ratio vs truth")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _table(rows):
    out = ["| spectrum | w0 | D | H | true (removed) | magnitude | magnitude+refit | code's rho_hat | mean err | "
           "mean abs err | optimistic/pessimistic | truth |", "|" + "---|" * 12]
    for r in rows:
        truth = "exact" if r["exact"] else f"bracket width {r['true_bracket_width']:.3f} (midpoint)"
        out.append(f"| {r['spectrum']} | {r['weights']} | {r['d']} | {'rotated' if r['rotated'] else 'diagonal'} | "
                   f"{r['true']:.3f} | {r['magnitude']:.3f} | {r['magnitude_refit']:.3f} | {r['predicted']:.3f} | "
                   f"{r['mean_error']:+.3f} | {r['mean_abs_error']:.3f} | {r['optimistic']}/{r['pessimistic']} | "
                   f"{truth} |")
    return out


def prunelimit_section(quick: bool, root: np.random.SeedSequence, progress=None) -> Section:
    """Run every check of this domain (see module docstring) and assemble the report section."""
    cfg = QUICK if quick else FULL
    tick = progress or (lambda k=1: None)
    checks, md, data, seconds = [], [], {}, {}
    t_start = time.perf_counter()

    t = time.perf_counter()
    ok = statdim_certified_holds(d=60, s=6, dps=30)
    checks.append(ClaimCheck("prunelimit-statdim-certified", "holds" if ok else "violated",
                             "delta(Circ_60(pi/5)) + delta(Circ_60(3pi/10)) certified to contain 60; delta(orthant) "
                             "= 30 exactly; l1 (D=60, s=6): minimiser enclosed by a certified sign change of J'.",
                             "certified", {"d": 60, "s": 6}))
    seconds["statdim"] = time.perf_counter() - t
    tick(1)

    t = time.perf_counter()
    mc_rows = []
    for i, d in enumerate(cfg["mc_ds"]):
        mc_rows += statdim_mc_agrees(d, cfg["mc_trials"], np.random.SeedSequence(root.entropy,
                                                                                  spawn_key=tuple(root.spawn_key) + (1, i)))
    agree = all(r["agrees"] for r in mc_rows)
    mc_power = _statdim_power(mc_rows)
    checks.append(ClaimCheck("prunelimit-statdim-mc", "holds" if agree else "violated",
                             f"{len(mc_rows)} cone/dimension pairs, {cfg['mc_trials']} Gaussian vectors each; every "
                             f"1 - 1e-6 Student-t interval meets the certified interval of delta. "
                             + mc_power["text"], "monte-carlo", {"rows": mc_rows, "power": mc_power}))
    md += ["### Statistical dimension: closed form vs Monte Carlo", "",
           "| cone | D | params | closed form / certified interval of delta | MC mean | 1-1e-6 interval | agrees |",
           "|---|---|---|---|---|---|---|"]
    for r in mc_rows:
        md.append(f"| {r['cone']} | {r['d']} | {r['params']} | [{r['delta_low']:.4f}, {r['delta_high']:.4f}] | "
                  f"{r['mc_estimate']:.3f} | [{r['ci_low']:.3f}, {r['ci_high']:.3f}] | {r['agrees']} |")
    md.append("")
    seconds["statdim_mc"] = time.perf_counter() - t
    tick(1)

    t = time.perf_counter()
    curves, exact_bad, mc_bad = _transition(cfg, np.random.SeedSequence(root.entropy,
                                                                         spawn_key=tuple(root.spawn_key) + (2, 0)))
    verdict = "violated" if exact_bad or mc_bad else "holds"
    n_pts = sum(len(c["points"]) for c in curves)
    kin_power = _kinematic_power(curves)
    checks.append(ClaimCheck("prunelimit-kinematic", verdict,
                             f"{n_pts} (cone, D, m) points; for eta in {ETAS} no exact probability and no 1 - 1e-6 "
                             f"Clopper-Pearson interval contradicts Theorem I's bounds ({len(exact_bad)} exact, "
                             f"{len(mc_bad)} Monte Carlo contradictions). " + kin_power["text"], "exact",
                             {"curves": curves, "exact_violations": exact_bad[:5], "mc_violations": mc_bad[:5],
                              "power": kin_power}))
    md += ["### Phase transition (approximate kinematic formula)", "",
           "| cone | D | delta | observed 10%-90% width (in m) | a_eta sqrt(D), eta = 1/2, 1/10, 1/100 |",
           "|---|---|---|---|---|"]
    for c in curves:
        w = c["observed_10_90_width"]
        md.append(f"| {c['cone']} | {c['d']} | [{c['delta_low']:.2f}, {c['delta_high']:.2f}] | "
                  f"{'n/a' if w is None else f'{w:.1f}'} | "
                  + ", ".join(f"{v:.1f}" for v in c["window"].values()) + " |")
    md.append("")
    seconds["kinematic"] = time.perf_counter() - t
    tick(1)

    t = time.perf_counter()
    qroot = np.random.SeedSequence(root.entropy, spawn_key=tuple(root.spawn_key) + (3, 0))
    rows = prediction_table(12, True, cfg["quad_instances"], qroot, 0)
    rows += prediction_table(100, False, cfg["quad_instances"], qroot, 10000)
    if cfg["quad_bounds_d"]:
        rows += prediction_table(cfg["quad_bounds_d"], True, max(2, cfg["quad_instances"] // 3), qroot, 20000)
    from pybridge.prunelimit.checks import quadratic_truth_consistent

    consistent = quadratic_truth_consistent(d=10, instances=4 if quick else 8)
    checks.append(ClaimCheck("prunelimit-quadratic-truth", "holds" if consistent else "violated",
                             "greedy <= exhaustive <= relaxation on rotated instances (D = 10) and exhaustive = "
                             "sorted-costs on diagonal ones.", "exact", {}))
    errs = np.array([r["mean_error"] for r in rows])
    abs_errs = np.array([r["mean_abs_error"] for r in rows])
    checks.append(ClaimCheck("prunelimit-code-prediction", "consistent",
                             f"{len(rows)} families; mean signed error of rho_hat (fraction removed) "
                             f"{errs.mean():+.3f}, mean absolute error {abs_errs.mean():.3f}, worst family "
                             f"{abs_errs.max():.3f}. A measurement, not a bound.", "exact", {"rows": rows}))
    md += ["### Predicted vs true pruning limit, quadratic losses (fractions removed)", "",
           "eps = L(0)/10; D = 12 rotated: exhaustive (exact); D = 100 diagonal: sorted costs (exact); "
           "D = 40 rotated (full run): greedy/relaxation bracket, its midpoint shown.", ""] + _table(rows) + [""]
    seconds["quadratic"] = time.perf_counter() - t
    tick(1)

    mlp = None
    if cfg["mlp_hidden"]:
        t = time.perf_counter()
        from pybridge.prunelimit._compat import child_rng
        from pybridge.prunelimit.mlp import DatasetUnavailable, run_mlp

        try:
            mlp = run_mlp(cfg["mlp_hidden"], child_rng(root, 4, 0), maxiter=200).to_dict()
        except DatasetUnavailable as exc:
            checks.append(ClaimCheck("prunelimit-mlp", "unavailable", str(exc), "empirical", {}))
        if mlp is not None:
            top_err = max(abs(a - b) / abs(a) for a, b in zip(mlp["top_exact"], mlp["top_arpack"]))
            checks.append(ClaimCheck(
                "prunelimit-mlp", "consistent",
                f"D = {mlp['dimension']}, eps = {mlp['eps']:.4g}: true (magnitude pruning) {mlp['true_removed_fraction']:.3f}"
                f", predicted (exact spectrum) {mlp['predicted_exact']:.3f}, (SLQ, code's smoothing) "
                f"{mlp['predicted_slq_smoothed']:.3f}, (SLQ raw) {mlp['predicted_slq_raw']:.3f}; ARPACK top-10 "
                f"relative error {top_err:.1e}.", "exact", mlp))
            md += ["### Digits MLP (fractions removed)", "",
                   "| D | train acc | eps | lambda min / max | true (magnitude) | rho_hat exact | rho_hat SLQ smoothed "
                   "| rho_hat SLQ raw |", "|---|---|---|---|---|---|---|---|",
                   f"| {mlp['dimension']} | {mlp['train_accuracy']:.3f} | {mlp['eps']:.4g} | "
                   f"{mlp['lambda_min']:.2e} / {mlp['lambda_max']:.3f} | {mlp['true_removed_fraction']:.3f} | "
                   f"{mlp['predicted_exact']:.3f} | {mlp['predicted_slq_smoothed']:.3f} | "
                   f"{mlp['predicted_slq_raw']:.3f} |", ""]
        seconds["mlp"] = time.perf_counter() - t
    tick(1)

    md += ["Closing note: the closed forms agree with Monte Carlo; the kinematic bounds hold and are loose (the "
           "observed transition is several times narrower than 2 a_eta sqrt(D)); the code's rho_hat errs by "
           f"{abs_errs.mean():.3f} on average (fraction removed) on quadratic losses, signed {errs.mean():+.3f} "
           "(positive = optimistic)." + (f" On the digits MLP it predicts {mlp['predicted_exact']:.3f} against "
                                          f"{mlp['true_removed_fraction']:.3f}." if mlp else "")]
    data.update({"seconds": seconds, "config": cfg, "convention": "fraction removed"})
    figures = {"prunelimit_transition.png": lambda path: _plot_transition(curves, path),
               "prunelimit_prediction.png": lambda path: _plot_prediction(rows, mlp, path)}
    sec = Section("prunelimit", "The pruning-ratio limit (Zhang et al.): conic geometry and ground truth", checks,
                  "\n".join(md), figures, data)
    sec.seconds = time.perf_counter() - t_start
    return sec


def _run(plan: Plan, rng) -> Section:
    return prunelimit_section(plan.quick, rng, progress=plan.tick)


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): quick measured 3.7-6.4 s in the closing run of
    ``check --quick --seed 5`` (load 1.5-2; with margin); full not measured: the per-section budget."""
    return 8.0 if plan.quick else 40.0


SECTION = SectionSpec(name="prunelimit", title="The pruning-ratio limit (Zhang et al.): conic geometry and ground truth",
                      run=_run, steps=lambda plan: 5, seed_key=8,
                      seconds=_seconds)
