r"""What the rare-event engine measures, as evidence records (the ``rare`` section, issue 14; records: issue 20).

* :func:`run_grid` — one every-level splitting run per cell of the budget's grid;
* :func:`threshold_records` — :math:`n^*(\varepsilon, \delta = \varepsilon)` and the slope of its fit in
  :math:`\ln(1/\varepsilon)` on [-1, 1] and [-1/2, 1/2] (one :class:`IntervalEstimate` per target);
* :func:`tail_record` — the decay rate of :math:`q(m, 10^{-2})` in m against the exact bound
  :math:`q \ge 2^{-m}` (:class:`IntervalEstimate`);
* :func:`lueker_rows_rare` — the rows of the tight-constants table (read by the ``constants`` section).
"""

from __future__ import annotations

import math

from pybridge.claims import IntervalEstimate, Power
from pybridge.rare.budget import FULL, HALF, REQUIRED_EPS
from pybridge.rare.checks import fit_slope_ln, lueker_kappa, tail_rate, threshold_delta_eps
from pybridge.rare.splitting import estimate_failure_probability
from pybridge.rare.streams import Stream
from pybridge.stats.power import power_record
from pybridge.validation import check_mapping

#: the public API; the record builders take the section's budget, streams and estimates (section internals)
__all__ = ["lueker_rows_rare", "n_text", "LUEKER_PROOF"]

#: the proof's constant kappa*(C) >= kappa*(0) (Lueker Cor. 2.5, READ-2ND; closed form RECON)
LUEKER_PROOF = "kappa*(C) >= kappa*(0) = 8 (Lueker Cor. 2.5, READ-2ND; closed form RECON)"


def interval_label(iv) -> str:
    """``[-1, 1]`` for the interval ``(-1.0, 1.0)``."""
    return f"[{iv[0]:g}, {iv[1]:g}]"


def n_text(n) -> str:
    """A sample size n*, or "not reached" for ``None`` (no Python token in report text)."""
    return "not reached" if n is None else str(n)


def _finite(x):
    """``x`` with non-finite floats as ``None`` (records hold JSON numbers that round-trip)."""
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_finite(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def run_grid(budget, streams, workers: int, progress=None):
    """One every-level splitting run per grid cell; ``(threshold rows, estimates)``."""
    rows, ests = [], []
    for k, cell in enumerate(budget.grid):
        est = estimate_failure_probability(cell.n_max, cell.eps, interval=cell.interval,
                                           replications=cell.replications, runs=cell.runs,
                                           updates=budget.grid_updates, pilot_particles=budget.grid_pilot_particles,
                                           every_level=True, seed=streams.seed(Stream.THRESHOLD_GRID, k),
                                           workers=workers)
        rows.append(threshold_delta_eps(est))
        ests.append(est)
        if progress is not None:
            progress(1)
    return rows, ests


def _target_rows(rows, iv) -> list:
    return [r for r in rows if tuple(r["interval"]) == tuple(iv)]


def threshold_fits(rows) -> dict:
    """``{target label: fit}``: n* = K ln(1/eps) + c per target, with the largest conservative n*/ln(1/eps)."""
    fits = {}
    for iv in (FULL, HALF):
        sel = _target_rows(rows, iv)
        fit = fit_slope_ln(sel)
        fit["max_ratio"] = max((r["n_star_high"] / r["ln_inv_eps"] for r in sel if r["n_star_high"]), default=None)
        fits[interval_label(iv)] = fit
    return fits


def threshold_verdict(rows, fits) -> str:
    """``consistent`` when every conservative n* with eps >= :data:`REQUIRED_EPS` was found, n* is nondecreasing
    in 1/eps on each target and every fitted slope is positive; else ``undetermined`` (never ``violated``)."""
    found = all(r["n_star_high"] is not None for r in rows if r["eps"] >= REQUIRED_EPS)
    monotone = True
    for iv in (FULL, HALF):
        ns = [r["n_star"] for r in sorted(_target_rows(rows, iv), key=lambda r: -r["eps"]) if r["n_star"] is not None]
        monotone = monotone and all(x <= y for x, y in zip(ns, ns[1:]))
    positive = all(f.get("K", 0) > 0 for f in fits.values())
    return "consistent" if found and monotone and positive else "undetermined"


def _measurement_power() -> Power:
    text = ("Power: none as a test: the verdict is 'consistent' or 'undetermined', never 'violated' (a threshold "
            "not reached within n_max, or a dying splitting population, reads 'undetermined'); n* is a measurement.")
    return Power.from_record(power_record("no rejection rule (measurement)", alpha=None, trials=None, text=text,
                                          method="none", detectable=None))


def _threshold_note(iv, fit, unresolved) -> str:
    note = (f"Criterion for 'consistent': every conservative n* found for eps >= {REQUIRED_EPS:g}, n* "
            "nondecreasing in 1/eps, positive slope on both targets. eps = 1e-4 runs on a reduced budget (full "
            "check): the splitting population may die out before q reaches eps, and then no n* is claimed"
            + (f" (not resolved this run: {', '.join(unresolved)})" if unresolved else "")
            + ". eps = 1e-5, 1e-6 are not in the check's budget (a decision on a failing sample costs ~1/eps work): "
              "the committed benchmark results (`python benchmarks/bench_rare.py --deep`) are a separate record.")
    if "K_ci95" not in fit:
        note += f" With {fit['points']} eps the slope has no interval (shown unbounded)."
    if tuple(iv) == HALF:
        ratio = fit.get("max_ratio")
        note += (f" Lueker's explicit form (theory §1.2, RECON; targets [-1/2, 1/2]) needs n >= kappa*(C) ln(1/eps) "
                 f"with kappa*(C) >= kappa*(0) = {lueker_kappa(0.0):g}; "
                 + (f"measured max conservative n*/ln(1/eps): {ratio:.2f}." if ratio else
                    "no conservative n* measured."))
    return note


def _threshold_record(iv, rows, fit, verdict, unresolved) -> IntervalEstimate:
    sel = _target_rows(rows, iv)
    ci = fit.get("K_ci95")
    cells = "; ".join(f"eps={r['eps']:g}: n* = {n_text(r['n_star'])} [{n_text(r['n_star_low'])}, "
                      f"{n_text(r['n_star_high'])}] "
                      f"({r['replications']} x {r['runs']} runs, levels up to {r['n_max']})" for r in sel)
    return IntervalEstimate(
        claim_id="rare-threshold-delta-eps", verdict=verdict,
        quantity=f"slope K of n*(eps, eps) = K ln(1/eps) + c on {interval_label(iv)}", value=fit.get("K"),
        low=ci[0] if ci else None, high=ci[1] if ci else None, confidence=0.95 if ci else None,
        estimator="least squares on the measured n* (scipy linregress)", power=_measurement_power(),
        setting=f"Uniform[-1,1] samples, target {interval_label(iv)}, delta = eps; n* = first n whose splitting "
                "estimate of q(n, eps) is <= eps, [low, high] from the 95% t interval over replications (high = "
                f"conservative): {cells}" + (f"; intercept c = {fit['c']:.1f} over {fit['points']} eps"
                                             if "c" in fit else ""),
        note=_threshold_note(iv, fit, unresolved), details={"rows": sel, "fit": _finite(fit)})


def threshold_records(rows):
    """``rare-threshold-delta-eps`` from the grid's rows: ``(records, fits)``."""
    fits = threshold_fits(rows)
    verdict = threshold_verdict(rows, fits)
    unresolved = [f"{r['eps']:g} on {interval_label(r['interval'])}" for r in rows if r["n_star_high"] is None]
    return [_threshold_record(iv, rows, fits[interval_label(iv)], verdict, unresolved) for iv in (FULL, HALF)], fits


def _tail_power() -> Power:
    text = ("Power: not computed: 'violated' needs a level's upper t bound (95%, asymptotic) below the exact 2^-m; "
            "its resolution is the splitting spread of that level, and lambda itself is a measurement.")
    return Power.from_record(power_record("upper t bound of each level >= 2^-m", alpha=0.025, trials=None, text=text,
                                          method="not computed", detectable=None))


def tail_record(est, grid_estimates) -> IntervalEstimate:
    r"""``rare-tail-exponent``: the decay rate of the agreement run's :math:`q(m, \varepsilon)` in m, and every
    level's upper t bound against the exact :math:`q(m, \varepsilon) \ge 2^{-m}`."""
    tr = tail_rate(est)
    tail = est.tail()
    bound_ok = all(lv["ci_high"] >= 2.0 ** -lv["m"] for lv in tail)
    ci = tr.get("rate_ci95")
    consistent = ci is not None and 0 < ci[0] <= math.log(2)
    verdict = "violated" if not bound_ok else ("consistent" if consistent else "undetermined")
    rates = [{"eps": e.eps, "interval": list(e.target_interval), "rate_per_sample": tail_rate(e)["rate_per_sample"]}
             for e in grid_estimates]
    value = tr["rate_per_sample"] if math.isfinite(tr["rate_per_sample"]) else None
    return IntervalEstimate(
        claim_id="rare-tail-exponent", verdict=verdict,
        quantity=f"decay rate lambda of q(m, {est.eps:g}) on {interval_label(est.target_interval)} per added sample",
        value=value, low=ci[0] if ci else None, high=ci[1] if ci else None, confidence=0.95 if ci else None,
        estimator="least squares of ln q_hat(m) on m, jackknife over the replications", power=_tail_power(),
        setting=(f"m = {tr['m_range'][0]}..{tr['m_range'][1]}" if tr["m_range"][0] is not None
                 else "fewer than 2 levels")
                + f" (resolved levels of the agreement run, {tr['replications']} replications)"
                + (f"; factor {tr['factor_per_sample']:.2f} per added sample" if value is not None else "")
                + "; the grid's runs: " + "; ".join(
                    f"eps={r['eps']:g} on {interval_label(r['interval'])}: lambda = "
                    + (f"{r['rate_per_sample']:.3f}" if math.isfinite(r["rate_per_sample"]) else "not resolved")
                    for r in rates),
        note="Exact lower bound: all samples positive (probability 2^-m) leaves z = -1 at distance 1, so "
             f"q(m, eps) >= 2^-m and lambda <= ln 2 = {math.log(2):.3f} eventually; every level's upper t bound is "
             f"{'>=' if bound_ok else 'NOT >='} 2^-m. Consistent when the rate's 95% interval lies in (0, ln 2].",
        details={"fit": _finite(tr), "tail": tail, "grid_rates": _finite(rates)})


def _lueker_row(label, statement_kind, pts, tight_tail) -> dict:
    kappa_hat = max(n / math.log(1 / e) for e, n in pts)
    return {"statement": f"n >= kappa ln(1/eps) gives Pr[fail] <= eps for Uniform[-1,1] samples, targets {label}",
            "kind": statement_kind, "proof_constant": LUEKER_PROOF,
            "tight_constant": f"{kappa_hat:.3f} = max over eps in {{{', '.join(f'{e:g}' for e, _ in pts)}}} of "
                              + tight_tail,
            "ratio": f">= {8 / kappa_hat:.2f}", "points": pts}


def _extra_text(r) -> str:
    x = r.get("extrapolated")
    if not x:
        return ""
    return (f" (not resolved: the splitting population died out before q reached eps; extrapolated, not measured: "
            f"n* in [{x['interval'][0]}, {x['interval'][1]}] from the tail over m = {x['fit_levels'][0]}.."
            f"{x['fit_levels'][1]}, local rate {x['rate_per_sample']:.2f} per sample)")


def _deep_lueker_rows(deep) -> list:
    out = []
    for label, key in (("[-1/2, 1/2]", [-0.5, 0.5]), ("[-1, 1]", [-1.0, 1.0])):
        mine = [r for r in deep["rows"] if list(r["interval"]) == key]
        sel = [r for r in mine if r["n_star_high"] is not None]
        if not sel:
            continue
        small = [r for r in sel if r["eps"] <= 1e-5]
        tail = ("conservative n*(eps, eps)/ln(1/eps); "
                + "; ".join(f"eps={r['eps']:g}: n* = {r['n_star']} [{r['n_star_low']}, {r['n_star_high']}]"
                            for r in small)
                + (f" (checked by {small[-1]['checked_by']})" if small else "")
                + "".join(f"; eps={r['eps']:g}: n* not resolved by splitting (n* >= {r['n_star_low']} from the t "
                          "interval)" + _extra_text(r) for r in mine if r["n_star_high"] is None))
        row = _lueker_row(label, "monte-carlo (generalized splitting; committed benchmark results, not re-run by "
                          "the check)", [(r["eps"], r["n_star_high"]) for r in sel], tail)
        out.append({"name": f"lueker-sample-size {label} (splitting benchmark, committed)", **row})
    return out


def lueker_rows_rare(rare_data: dict | None) -> list[dict]:
    """Rows for the tight-constants table from this section's splitting thresholds (delta = eps) and the
    committed deep benchmark (``rare_data``: ``{"thresholds": rows, "benchmark": benchmark_summary(...)}``)."""
    if rare_data is not None:
        check_mapping("rare_data", rare_data)
    if not rare_data:
        return []
    out = []
    for label, key in (("[-1/2, 1/2]", [-0.5, 0.5]), ("[-1, 1]", [-1.0, 1.0])):
        pts = [(r["eps"], r["n_star_high"]) for r in rare_data.get("thresholds", [])
               if list(r["interval"]) == key and r["n_star_high"] is not None]
        if pts:
            row = _lueker_row(label, "monte-carlo (generalized splitting)", pts,
                              "conservative n*(eps, eps)/ln(1/eps) (generalized splitting, 95% t bound)")
            out.append({"name": f"lueker-sample-size {label} (splitting)", **row})
    deep = (rare_data.get("benchmark") or {}).get("deep")
    return out + (_deep_lueker_rows(deep) if deep else [])
