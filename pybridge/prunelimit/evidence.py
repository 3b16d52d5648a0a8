"""Evidence records of the ``prunelimit`` section, built from the checks' results (no prose about the claims).

Statements, models and sources are the registry's (:mod:`pybridge.prunelimit.claims`); a record says what was
computed (``setting``), the figures its verdict rests on (its typed fields, rows in ``details``), its power
where it is a test, and its scope (``note``).  Methods keep each claim's status: the certified enclosures are
:class:`CertifiedValue` ("value certified"), the exact enumerations :class:`ExactCheck`, the Monte Carlo sides
:class:`AgreementTest` / :class:`BoundTest`.
"""

from __future__ import annotations

import numpy as np

from pybridge.claims import AgreementTest, BoundTest, CertifiedValue, ExactCheck, Power
from pybridge.prunelimit.checks import ETAS
from pybridge.report.intervals import decimal_enclosure
from pybridge.stats.power import POWER, detectable_excess, t_detectable_shift

#: the record builders are the section's own (no public API: they take the checks' result rows)
__all__ = ["ALPHA"]

#: false-alarm rate of every interval of the section (Student t and Clopper-Pearson at 1 - 1e-6)
ALPHA = 1e-6
#: one tail of the two-sided Clopper-Pearson interval at 1 - ALPHA
TAIL = 5e-7
#: significant digits of the certified enclosures shown (outward rounded)
DIGITS = 21


def _verdict(ok: bool) -> str:
    return "holds" if ok else "violated"


def certified_records(parts: dict, budget, *, angle: str) -> tuple:
    """``prunelimit-statdim-certified``: the polar identity, the orthant's exact value, the l1 minimiser."""
    cid, d, s = "prunelimit-statdim-certified", budget.certified_d, budget.certified_s
    polar, orthant, l1 = parts["polar"], parts["orthant"], parts["l1"]
    low, high = decimal_enclosure(polar["low"], polar["high"], digits=DIGITS)
    t_low, t_high = decimal_enclosure(l1["minimiser_low"], l1["minimiser_high"], digits=DIGITS)
    d_low, d_high = decimal_enclosure(l1["delta_low"], l1["delta_high"], digits=DIGITS)
    return (
        CertifiedValue(claim_id=cid, verdict=_verdict(polar["holds"]),
                       quantity=f"delta(Circ_{d}(a)) + delta(Circ_{d}(pi/2 - a)), a = {angle}", low=low, high=high,
                       dps=budget.certified_dps, setting=f"Polar identity in D = {d}: the enclosure must contain {d}",
                       details={"d": d, "s": s, "angle": angle}),
        ExactCheck(claim_id=cid, verdict=_verdict(orthant["holds"]), instances=1, failures=int(not orthant["holds"]),
                   setting=f"delta(R^{d}_+) computed exactly (sympy): {orthant['value']}, which must be D/2",
                   details={"d": d, "value": str(orthant["value"])}),
        CertifiedValue(claim_id=cid, verdict=_verdict(l1["holds"]),
                       quantity=f"The minimiser tau* of J (l1 descent cone, D = {d}, s = {s})", low=t_low,
                       high=t_high, dps=budget.certified_dps,
                       setting=f"J' changes sign on the enclosure (certified); inf J = D psi(s/D) in [{d_low}, "
                               f"{d_high}], above the lower error bound D psi - 2 sqrt(D/s)",
                       details={"d": d, "s": s}),
    )


def statdim_power(row: dict) -> Power:
    """Power of one statistical-dimension row: the shift of the mean its t interval detects (issue 10 §4)."""
    shift = t_detectable_shift(row["std"], row["trials"], alpha=1 - row["confidence"], power=POWER)
    relative = shift / max(row["delta_high"], 1e-300)
    return Power(test="Student t interval at 1 - 1e-6 must meet the certified interval", alpha=ALPHA,
                 trials=row["trials"], level=POWER,
                 detectable={"detectable_shift_p90": shift, "relative_to_delta": relative},
                 method="normal approximation (t quantile + z_0.9) x sd / sqrt(N)",
                 statement=f"Power: a Monte Carlo mean off the certified delta by >= {shift:.3g} ({relative:.1%} of "
                           "delta) is detected with probability >= 0.9 (normal approximation of the mean).")


def statdim_mc_records(rows: list) -> tuple:
    """``prunelimit-statdim-mc``: one agreement test per cone and dimension.

    The t interval ``mean +- h_t`` meets the certified interval ``mid +- h_c`` iff ``|mean - mid| <= h_t + h_c``:
    that is the threshold; the verdict is the intervals' own comparison.
    """
    out = []
    for r in rows:
        mid = (r["delta_low"] + r["delta_high"]) / 2
        params = "".join(f", {k} = {v}" for k, v in r["params"].items())
        out.append(AgreementTest(
            claim_id="prunelimit-statdim-mc", verdict=_verdict(r["agrees"]),
            quantity=f"delta({r['cone']}{params}) in D = {r['d']}", first="Monte Carlo mean of ||Pi_C g||^2",
            first_value=r["mc_estimate"], first_trials=r["trials"], second="certified closed form (midpoint)",
            second_value=mid, difference=r["mc_estimate"] - mid,
            threshold=(r["ci_high"] - r["ci_low"]) / 2 + (r["delta_high"] - r["delta_low"]) / 2, alpha=ALPHA,
            test="Student t interval at 1 - 1e-6 meets the certified interval", power=statdim_power(r),
            setting=f"{r['trials']} Gaussian vectors, exact projections; t interval [{r['ci_low']:.4f}, "
                    f"{r['ci_high']:.4f}], certified interval [{r['delta_low']:.4f}, {r['delta_high']:.4f}]",
            note="The four cones of one dimension project the same Gaussian vectors (common random numbers).",
            details=r))
    return tuple(out)


def kinematic_power(point_trials, eta: float) -> Power:
    """Power of the Monte Carlo side at one eta: the excess over the bound each point size detects."""
    sizes = sorted(set(point_trials))
    excess = {t: detectable_excess(eta, t, alpha=TAIL, power=POWER) for t in sizes}
    text = ", ".join(f"{x:.3f} ({t} trials)" if x is not None else f"none ({t} trials: no power)"
                     for t, x in excess.items())
    return Power(test="Clopper-Pearson interval at 1 - 1e-6 outside Theorem I's bound", alpha=ALPHA,
                 trials=sizes[0] if sizes else None, level=POWER,
                 detectable={f"excess at {t} trials per point": x for t, x in excess.items()},
                 method="exact binomial tails (one-sided tail 5e-7)",
                 statement=f"Power: a wrong-side probability above {eta:g} is caught at a point with probability "
                           f">= 0.9 when it exceeds the bound by >= {text}.")


def _wrong_side(curves: list, eta: float) -> dict:
    """The grid points in a bound region of ``eta``: how many, their trials, their wrong-side events."""
    tested, trials, events = 0, 0, 0
    for c in curves:
        w = c["window"][str(eta)]
        for p in c["points"]:
            if p["m"] <= c["d"] - c["delta_high"] - w:
                events += p["meets"]
            elif p["m"] >= c["d"] - c["delta_low"] + w:
                events += p["trials"] - p["meets"]
            else:
                continue
            tested, trials = tested + 1, trials + p["trials"]
    return {"points_tested": tested, "trials": trials, "events": events}


def _kinematic_exact(transition) -> ExactCheck:
    regions = transition.regions
    instances = sum(r["instances"] for r in regions)
    failures = sum(r["failures"] for r in regions)
    verdict = "violated" if failures or transition.exact_bad else ("holds" if instances else "undetermined")
    curves = ", ".join(f"{c['cone']} D = {c['d']}" for c in transition.curves)
    return ExactCheck(
        claim_id="prunelimit-kinematic", verdict=verdict, instances=instances, failures=failures,
        setting=f"Exact Pr[L meets C] on every integer m of Theorem I's bound regions, eta in {ETAS}, for the "
                f"curves with a closed form among {curves}",
        note="Circular cone: regularised incomplete beta in double precision (scipy); orthant: exact rationals; "
             "subspace: 0 or 1. The l1 descent cone has no closed form (Monte Carlo only).",
        details={"regions": regions, "curves": transition.curves, "exact_violations": transition.exact_bad[:5]})


def kinematic_records(transition) -> tuple:
    """``prunelimit-kinematic``: the exact bound regions, and one Monte Carlo bound test per eta on the grid."""
    out = [_kinematic_exact(transition)]
    sizes = [p["trials"] for c in transition.curves for p in c["points"]]
    n_points = len(sizes)
    for eta in ETAS:
        side = _wrong_side(transition.curves, eta)
        bad = [v for v in transition.mc_bad if v[0] == eta]
        verdict = "violated" if bad else ("holds" if side["points_tested"] else "undetermined")
        note = ("No grid point lies in a bound region of this eta: the grid spans D - delta +- 3.5 sqrt(D), inside "
                "the window +- a_eta sqrt(D); the bound is checked on the regions by the exact probabilities."
                if not side["points_tested"] else
                "Each point's interval has false-alarm rate 1e-6 (5e-7 per tail): at most 1e-6 times the points "
                "tested for the record.")
        out.append(BoundTest(
            claim_id="prunelimit-kinematic", verdict=verdict,
            quantity="Wrong-side probability at a grid point in a bound region (meets below the window, "
                     "misses above it)", bound=eta, direction="at most", trials=side["trials"],
            events=side["events"], alpha=ALPHA, test="two-sided Clopper-Pearson interval at 1 - 1e-6 per point",
            power=kinematic_power(sizes, eta),
            setting=f"{n_points} (cone, D, m) grid points, {side['points_tested']} in a bound region of eta = "
                    f"{eta:g}", note=note, details={**side, "mc_violations": bad[:5]}))
    return tuple(out)


def quadratic_truth_record(failures: int, budget, *, seed: int) -> ExactCheck:
    """``prunelimit-quadratic-truth``: the brackets and the diagonal identity on rotated instances."""
    n, d = budget.truth_instances, budget.truth_d
    return ExactCheck(
        claim_id="prunelimit-quadratic-truth", verdict=_verdict(failures == 0), instances=n, failures=failures,
        setting=f"{n} rotated instances, D = {d}, spectra flat/power/spiked and w0 Gaussian/heavy in turn, fixed "
                f"seed {seed}: greedy <= exhaustive <= relaxation, and exhaustive = sorted costs on the diagonal "
                "Hessian of the same spectrum",
        details={"d": d, "instances": n, "seed": seed})


def prediction_record(rows: list) -> ExactCheck:
    """``prunelimit-code-prediction``: the errors of the code's rho_hat, a measurement (verdict consistent)."""
    errs = np.array([r["mean_error"] for r in rows])
    abs_errs = np.array([r["mean_abs_error"] for r in rows])
    summary = {"mean_error": float(errs.mean()), "mean_abs_error": float(abs_errs.mean()),
               "worst_family_abs_error": float(abs_errs.max())}
    n = sum(r["instances"] for r in rows)
    return ExactCheck(
        claim_id="prunelimit-code-prediction", verdict="consistent", instances=n,
        setting=f"{len(rows)} families ({n} instances), eps = L(0)/10, fractions removed: mean signed error of "
                f"rho_hat {summary['mean_error']:+.3f}, mean absolute error {summary['mean_abs_error']:.3f}, worst "
                f"family {summary['worst_family_abs_error']:.3f} (positive = optimistic)",
        note="A measurement, not a bound: the truth is exact (exhaustive search or sorted costs) except on the "
             "bracketed families, where the bracket's midpoint stands for it.",
        details={"rows": rows, **summary})


def mlp_record(mlp: dict) -> ExactCheck:
    """``prunelimit-mlp``: the trained network's truth against the predictions (verdict consistent)."""
    top_err = max(abs(a - b) / abs(a) for a, b in zip(mlp["top_exact"], mlp["top_arpack"]))
    return ExactCheck(
        claim_id="prunelimit-mlp", verdict="consistent", instances=1,
        setting=f"D = {mlp['dimension']}, eps = {mlp['eps']:.4g}: true (magnitude pruning) "
                f"{mlp['true_removed_fraction']:.3f}, predicted (exact spectrum) {mlp['predicted_exact']:.3f}, (SLQ, "
                f"code's smoothing) {mlp['predicted_slq_smoothed']:.3f}, (SLQ raw) {mlp['predicted_slq_raw']:.3f}; "
                f"ARPACK top-10 relative error {top_err:.1e}",
        note="One trained network: a measurement of the prediction's error, not a bound.",
        details={**mlp, "top10_relative_error": top_err})


def mlp_unavailable(reason: str) -> ExactCheck:
    """``prunelimit-mlp`` when scikit-learn (the digits data) is missing."""
    return ExactCheck(claim_id="prunelimit-mlp", verdict="unavailable", instances=0, setting=reason)
