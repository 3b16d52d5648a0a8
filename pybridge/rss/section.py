r"""The random-subset-sum section of ``prunegap check`` (issue 2 claims).

Checks, on a budget fixed up front:

* ``rss-counting-bound`` — for every law, at an (n, ε) with :math:`2^n 2\varepsilon < b-a`,
  the estimator returns exactly 0 successes;
* ``rss-subset-sum-monotone`` — on coupled samples, adding a sample or doubling ε never
  breaks coverage (exact decisions);
* ``rss-log-sample-size`` — the empirical threshold :math:`n^*(\varepsilon, \delta)`
  (smallest n whose Clopper–Pearson lower bound reaches 1 − δ) for ε from 1e-1 down to
  1e-6, δ = 0.01 and δ = ε where the trial count allows it, with a least-squares fit
  :math:`n^* \approx C\log_2(1/\varepsilon) + c_0` and the Lueker form
  :math:`\kappa^*(C) = 2C + 4 + 4\sqrt{C+1}` beside it.
"""

from __future__ import annotations

import math
import time

import numpy as np
from scipy import stats

from pybridge.errors import InvalidArgument
from pybridge.runtime import seeding
from pybridge.validation import check_vector
from pybridge.claims import ClaimCheck, Plan, Section, SectionSpec
from pybridge.rss.laws import LAWS, get_law
from pybridge.rss.montecarlo import counting_bound_n, coverage_times, estimate_cover_probability
from pybridge.rss.twins import monotone_in_eps, monotone_in_samples
from pybridge.stats.power import POWER, power_record, threshold_resolution

__all__ = ["rss_section", "rss_budget", "fit_threshold", "SECTION"]

HALF = (-0.5, 0.5)
#: 'consistent' needs the 95% CI of the slope C of n* against log2(1/eps) below this (samples per bit)
MAX_LOG_SLOPE = 4.0
FULL = (-1.0, 1.0)


#: smallest eps whose trials enter the verified replay (the unpruned Coq interval union costs ~1/eps)
REPLAY_MIN_EPS = 1e-2


def rss_budget(quick: bool) -> dict:
    """The trial budget of the RSS section (fixed before any trial runs)."""
    if quick:
        return {
            "replay_trials": 20,
            "counting_trials": 64,
            "monotone_trials": 64,
            "curves": [("uniform", FULL, [1e-1, 1e-2, 1e-3, 1e-4], 600)],
            "delta_eps_trials": {1e-1: 600, 1e-2: 600},
        }
    return {
        "replay_trials": 200,
        "counting_trials": 256,
        "monotone_trials": 256,
        "curves": [
            ("uniform", FULL, [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6], 600),
            ("uniform", HALF, [1e-1, 1e-2, 1e-3, 1e-4], 600),
            ("pensia", FULL, [1e-1, 1e-2, 1e-3], 600),
        ],
        "delta_eps_trials": {1e-1: 600, 1e-2: 600, 1e-3: 4000},
    }


def _n_max(dist: str, eps: float, interval) -> int:
    """Largest n tried; generous, since a trial that never covers counts as a failure at every n."""
    if dist == "pensia":  # half the samples are 0 and E[X+] = 1/16: the edge z = 1 needs ~60 samples
        return int(math.ceil(3 * math.log2(1 / eps))) + 64
    return int(math.ceil(2 * math.log2(1 / eps))) + 14 + counting_bound_n(eps, *interval) // 4


def fit_threshold(eps_values, n_stars) -> dict:
    r"""Least-squares fit :math:`n^* = C\log_2(1/\varepsilon) + c_0` with standard errors.

    Returns a dict with C, c0, their standard errors, a 95 % t-interval for C
    (``None`` with fewer than 3 points) and R².
    """
    eps_arr = check_vector("eps_values", eps_values)
    y = check_vector("n_stars", n_stars, length=eps_arr.size)
    if (eps_arr <= 0).any():
        raise InvalidArgument("eps_values must be > 0")
    L = np.log2(1 / eps_arr)
    if L.size >= 2 and np.ptp(L) == 0:
        raise InvalidArgument("eps_values must not all be equal (the fit needs two distinct eps)")
    if L.size < 2:
        return {"points": int(L.size)}
    r = stats.linregress(L, y)
    out = {"C": float(r.slope), "c0": float(r.intercept), "points": int(L.size),
           "r_squared": float(r.rvalue**2) if L.size > 2 else 1.0}
    if L.size > 2:
        t = stats.t.ppf(0.975, L.size - 2)
        out.update(C_stderr=float(r.stderr), c0_stderr=float(r.intercept_stderr),
                   C_ci95=[float(r.slope - t * r.stderr), float(r.slope + t * r.stderr)])
    return out


def _counting_check(budget, seed_root, workers) -> ClaimCheck:
    rows = []
    eps = 1e-3
    n = counting_bound_n(eps) - 1
    for i, name in enumerate(sorted(LAWS)):
        est = estimate_cover_probability(n, eps, dist=name, trials=budget["counting_trials"],
                                         seed=seeding.child_seed(seed_root, 10, i), workers=1)
        rows.append({"law": name, "n": n, "eps": eps, "interval": list(FULL),
                     "successes": est.estimate.successes, "trials": est.estimate.trials})
    bad = [r for r in rows if r["successes"] != 0]
    verdict = "violated" if bad else "holds"
    text = (f"At n={n}, eps={eps:g} on [-1, 1] (2^n*2eps = {2**n * 2 * eps:g} < 2), the estimator returned "
            + ", ".join(f"{r['successes']}/{r['trials']} ({r['law']})" for r in rows)
            + " successes: exactly 0 for every law, as the counting bound forces.")
    return ClaimCheck("rss-counting-bound", verdict, text, "exact", {"rows": rows})


def _monotone_check(budget, seed_root) -> ClaimCheck:
    rows = []
    violations = 0
    for i, name in enumerate(sorted(LAWS)):
        law = get_law(name)
        eps = 1e-2
        n = counting_bound_n(eps) + (8 if name == "pensia" else 3)
        rng = seeding.child_rng(seed_root, 11, i)
        for _ in range(budget["monotone_trials"]):
            xs = law.sample(rng, n + 1)
            ok1 = monotone_in_samples(xs[:n], float(xs[n]), eps)
            ok2 = monotone_in_eps(xs[:n], eps, 2 * eps)
            violations += (not ok1) + (not ok2)
        rows.append({"law": name, "n": n, "eps": eps, "trials": budget["monotone_trials"]})
    verdict = "violated" if violations else "holds"
    text = (f"On {sum(r['trials'] for r in rows)} coupled samples (4 laws, n near the threshold, eps=1e-2, "
            f"[-1, 1]): adding one sample or doubling eps broke coverage {violations} times (exact decisions).")
    return ClaimCheck("rss-subset-sum-monotone", verdict, text, "exact", {"rows": rows, "violations": violations})


def _curves(budget, seed_root, workers, progress):
    curves = []
    for ci, (dist, interval, eps_list, trials) in enumerate(budget["curves"]):
        for ei, eps in enumerate(eps_list):
            t = budget["delta_eps_trials"].get(eps, trials) if dist == "uniform" and interval == FULL else trials
            ct = coverage_times(eps, n_max=_n_max(dist, eps, interval), trials=t, interval=interval, dist=dist,
                                seed=seeding.child_seed(seed_root, 20 + ci, ei), workers=workers)
            curves.append(ct)
            if progress:
                progress(1)
    return curves


def _threshold_rows(curves):
    rows = []
    for ct in curves:
        d001 = ct.threshold(0.01)
        # delta = eps is decidable only if even 0 failures can push the CP lower bound to 1 - eps
        zero_fail_low = (1 - ct.confidence) / 2
        need = math.log(1 / zero_fail_low) / ct.eps
        d_eps = ct.threshold(ct.eps) if ct.trials >= need and ct.eps < 1 else None
        rows.append({
            "dist": ct.dist, "interval": list(ct.interval), "eps": ct.eps, "trials": ct.trials,
            "n_star_delta_0.01": d001,
            "n_star_delta_eps": d_eps,
            "delta_eps_status": ("estimated" if ct.trials >= need
                                 else f"needs >= {math.ceil(need)} trials (splitting: rare section)"),
            "counting_bound_n": counting_bound_n(ct.eps, *ct.interval),
            "median_first_cover": float(np.median(ct.times)),
            "seed_entropy": ct.seed_entropy,
            "n_max": ct.n_max,
            # power (issue 10 §4): the resolution of the n*(eps, 0.01) rule at this trial count
            "power_delta_0.01": threshold_resolution(0.01, ct.trials, confidence=ct.confidence, power=POWER),
        })
    return rows


def audit_instances(curves, rows, rng: np.random.Generator, count: int) -> list[dict]:
    r"""A deterministic audit subset of the very trials behind the P(n, eps) points and n* thresholds.

    Among the curves with eps >= :data:`REPLAY_MIN_EPS`, ``count`` (trial, n) pairs are drawn from
    ``rng`` (a child of the section's SeedSequence): a curve, a trial index and an n between the
    counting bound and the curve's n*(eps, 0.01) (``n_max`` when n* is not found).  Each trial's
    samples are regenerated from the run's seeds (:meth:`CoverageTimes.trial_samples`); the fast
    decision recorded by the run is "covered at n" iff ``times[t] <= n``.  Covered and not-covered
    come as they are drawn, except that the last pick is redrawn among the not-covered pairs when
    none was drawn and the data contain one.

    Returns
    -------
    list of dict
        JSON-safe exact instances: ``xs`` (float.hex strings of the first n samples), ``eps``, ``a``,
        ``b`` (float.hex), ``expected`` (bool), ``label``.
    """
    pool = []
    for ct, row in zip(curves, rows):
        if ct.eps >= REPLAY_MIN_EPS and ct.root is not None:
            lo = max(1, row["counting_bound_n"])
            hi = max(lo, min(ct.n_max, row["n_star_delta_0.01"] or ct.n_max))
            pool.append((ct, lo, hi))
    if not pool or count <= 0:
        return []
    picks = []
    for _ in range(count):
        ct, lo, hi = pool[int(rng.integers(len(pool)))]
        picks.append((ct, int(rng.integers(ct.trials)), int(rng.integers(lo, hi + 1))))
    if all(ct.times[t] <= n for ct, t, n in picks):
        fails = [(ct, t, lo) for ct, lo, hi in pool for t in range(ct.trials) if ct.times[t] > lo]
        if fails:
            ct, t, lo = fails[int(rng.integers(len(fails)))]
            picks[-1] = (ct, t, int(rng.integers(lo, int(ct.times[t]))))
    out = []
    for ct, t, n in picks:
        xs = ct.trial_samples(t)[:n]
        out.append({"xs": [float(x).hex() for x in xs], "eps": float(ct.eps).hex(),
                    "a": float(ct.interval[0]).hex(), "b": float(ct.interval[1]).hex(),
                    "expected": bool(ct.times[t] <= n),
                    "label": f"{ct.dist} on [{ct.interval[0]:g}, {ct.interval[1]:g}], eps={ct.eps:g}, "
                             f"trial {t} (seed entropy {ct.seed_entropy}), n={n}"})
    return out


def _lueker_kappa(C: float) -> float:
    return 2 * C + 4 + 4 * math.sqrt(C + 1)


def _log_check(rows) -> tuple[ClaimCheck, dict]:
    fits = {}
    for key in sorted({(r["dist"], tuple(r["interval"])) for r in rows}):
        sel = [r for r in rows if (r["dist"], tuple(r["interval"])) == key and r["n_star_delta_0.01"] is not None]
        fit = fit_threshold([r["eps"] for r in sel], [r["n_star_delta_0.01"] for r in sel])
        missing = [r["eps"] for r in rows if (r["dist"], tuple(r["interval"])) == key
                   and r["n_star_delta_0.01"] is None]
        fit["missing_eps"] = missing
        sel_e = [r for r in rows if (r["dist"], tuple(r["interval"])) == key and r["n_star_delta_eps"] is not None]
        if sel_e:
            fit["delta_eps_points"] = [(r["eps"], r["n_star_delta_eps"]) for r in sel_e]
        fits[f"{key[0]} on [{key[1][0]:g}, {key[1][1]:g}]"] = fit
    main = fits.get("uniform on [-1, 1]", {})
    main_rows = sorted((r for r in rows if r["dist"] == "uniform" and r["interval"] == list(FULL)),
                       key=lambda r: -r["eps"])
    ns = [r["n_star_delta_0.01"] for r in main_rows]
    monotone = all(x is not None and y is not None and x <= y for x, y in zip(ns, ns[1:]))
    ok = bool(main) and not main.get("missing_eps") and main.get("points", 0) >= 3 and monotone \
        and main.get("C", 0) > 0 and main.get("C_ci95", [0, float("inf")])[1] < MAX_LOG_SLOPE
    bad_any = any(f.get("missing_eps") for f in fits.values())
    verdict = "consistent" if ok and not bad_any else "undetermined"
    C = main.get("C", float("nan"))
    slope_ln = C / math.log(2) if main else float("nan")
    text = (f"Uniform[-1,1] samples, targets [-1, 1], delta=0.01: n*(eps) = {C:.3f} log2(1/eps) + "
            f"{main.get('c0', float('nan')):.2f}"
            + (f" (95% CI for C: [{main['C_ci95'][0]:.3f}, {main['C_ci95'][1]:.3f}], R^2={main['r_squared']:.4f})"
               if "C_ci95" in main else "")
            + f" over {main.get('points', 0)} values of eps. Criterion for 'consistent': every n* found, >= 3 "
            f"points, n* nondecreasing in 1/eps, C > 0 and the 95% CI for C below {MAX_LOG_SLOPE:g} per bit (growth "
            "like 1/eps would multiply n* by 10 per decade); data cannot prove an O(log) statement. Lueker's form needs "
            f"n >= kappa*(C') ln(1/eps) with kappa*(C') >= kappa*(0) = 8 (theory §1.2, RECON; for failure <= eps on "
            f"[-1/2, 1/2]); the measured slope per ln(1/eps) at delta=0.01 is {slope_ln:.2f}.")
    power = _log_power(main_rows)
    text += " " + power["text"]
    return ClaimCheck("rss-log-sample-size", verdict, text, "monte-carlo",
                      {"fits": fits, "lueker_kappa_at_0": _lueker_kappa(0.0), "power": power}), fits


def _log_power(main_rows) -> dict:
    """The power of the n* rule and of the log-sample-size criterion on the main curve (issue 10 §4)."""
    if any("power_delta_0.01" not in r or "trials" not in r for r in main_rows):  # rows without a budget
        text = "Power: unknown (the rows carry no trial counts)."
        return power_record("n*(eps, 0.01) rule", alpha=None, trials=None, text=text, method="none",
                            declare_failure_rate_p90=None)
    res = [r["power_delta_0.01"] for r in main_rows]
    trials = sorted({r["trials"] for r in main_rows})
    if not main_rows or any(x["max_failures"] is None for x in res):
        text = ("Power: none at this budget: no failure count lets the two-sided 95% Clopper-Pearson lower bound "
                "reach 0.99, so no n* can be declared.")
        return power_record("n*(eps, 0.01) rule", alpha=None, trials=trials[0] if trials else None, text=text,
                            method="exact binomial tails", declare_failure_rate_p90=None)
    worst = max(x["declare_failure_rate_p90"] for x in res)
    best = min(x["declare_failure_rate_p90"] for x in res)
    early = max(x["early_probability"] for x in res)
    nmax = ", ".join(f"{r['n_max']} (eps={r['eps']:g})" for r in main_rows)
    kmin, kmax = min(x["max_failures"] for x in res), max(x["max_failures"] for x in res)
    text = (f"Power (exact binomial tails, {'/'.join(map(str, trials))} trials per eps): n* is the first n with at "
            f"most {kmin if kmin == kmax else f'{kmin}-{kmax}'} failures; it is "
            f"declared with probability >= {POWER:g} once the true failure rate 1 - P(n, eps) is <= {best:.2g}"
            f"{'' if best == worst else f'-{worst:.2g}'}, and with probability <= {early:.3f} at an n whose failure "
            f"rate is still 0.01 (so n* is conservative). A true n*(eps, 0.01) beyond the searched n_max = {nmax} "
            f"(growth faster than about 2 log2(1/eps) + 14 samples) is reported (not 'consistent') with probability "
            f">= {1 - early:.3f} per eps; a slower violation of O(log) cannot be told apart at this budget.")
    return power_record("n*(eps, 0.01) rule: first n whose two-sided 95% Clopper-Pearson lower bound reaches 0.99",
                        alpha=early, trials=trials[0], text=text, method="exact binomial tails",
                        declare_failure_rate_p90=worst, missed_threshold_beyond_n_max_detected=1 - early,
                        n_max={str(r["eps"]): r["n_max"] for r in main_rows})


def rss_section(*, quick: bool, seed_root: np.random.SeedSequence, workers: int, progress=None) -> Section:
    """Run the RSS checks on the fixed budget (see :func:`rss_budget`)."""
    t0 = time.perf_counter()
    budget = rss_budget(quick)
    sec = Section("rss", "Random subset sum")
    sec.checks.append(_counting_check(budget, seed_root, workers))
    sec.checks.append(_monotone_check(budget, seed_root))
    curves = _curves(budget, seed_root, workers, progress)
    rows = _threshold_rows(curves)
    check, fits = _log_check(rows)
    sec.checks.append(check)
    sec.data = {"budget": {k: v if k != "delta_eps_trials" else {str(e): t for e, t in v.items()}
                           for k, v in budget.items()},
                # replayed by the verified Coq decision in the formal section, which adds "verified_replay"
                "replay_audit": audit_instances(curves, rows, seeding.child_rng(seed_root, 40, 0),
                                                budget["replay_trials"]),
                "thresholds": rows, "fits": fits, "curves": [c.to_dict() for c in curves]}
    sec.markdown = _markdown(rows, fits)
    from pybridge.report.plots import plot_cover_curves, plot_thresholds

    sec.figures["rss_cover_probability.png"] = lambda path: plot_cover_curves(curves, path)
    sec.figures["rss_threshold.png"] = lambda path: plot_thresholds(rows, fits, path)
    sec.seconds = time.perf_counter() - t0
    return sec


def _markdown(rows, fits) -> str:
    lines = ["### Empirical thresholds n*(eps, delta)", "",
             "n* = smallest n whose two-sided 95% Clopper-Pearson lower bound on P(n, eps) reaches 1 - delta "
             "(coupled trials: each trial records the first n at which its prefix covers). "
             "Decisions are exact. The interval convention is given on every row.", "",
             "Power column: n*(delta=0.01) is declared with probability >= 0.9 at the first n whose true failure "
             "rate 1 - P(n, eps) is at most this (exact binomial tails; issue 10 §4).", "",
             "| law | target interval | eps | trials | counting bound n | median first cover | n*(delta=0.01) "
             "| n*(delta=eps) | power: failure rate declared (p=0.9) |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        de = r["n_star_delta_eps"] if r["n_star_delta_eps"] is not None else r["delta_eps_status"]
        lines.append(f"| {r['dist']} | [{r['interval'][0]:g}, {r['interval'][1]:g}] | {r['eps']:g} | {r['trials']} | "
                     f"{r['counting_bound_n']} | {r['median_first_cover']:g} | {r['n_star_delta_0.01']} | {de} | "
                     f"{_res_cell(r['power_delta_0.01'])} |")
    lines += ["", "Fits n*(eps, 0.01) = C log2(1/eps) + c0:", ""]
    for name, f in fits.items():
        if "C" in f:
            ci = f" (95% CI [{f['C_ci95'][0]:.3f}, {f['C_ci95'][1]:.3f}])" if "C_ci95" in f else ""
            lines.append(f"- {name}: C = {f['C']:.3f}{ci}, c0 = {f['c0']:.2f}, points = {f['points']}")
    lines += ["", "![P(n, eps)](rss_cover_probability.png)", "", "![n*(eps)](rss_threshold.png)", ""]
    return "\n".join(lines)


def _res_cell(res) -> str:
    if res["max_failures"] is None:
        return "no power (no n* can be declared)"
    return f"<= {res['declare_failure_rate_p90']:.2g} (<= {res['max_failures']} failures)"


def _run(plan: Plan, rng) -> Section:
    return rss_section(quick=plan.quick, seed_root=rng, workers=plan.workers, progress=plan.progress)


def _steps(plan: Plan) -> int:
    return sum(len(c[2]) for c in rss_budget(plan.quick)["curves"])


def _seconds(plan) -> float:
    """Estimated wall time (plan line of ``prunegap check``): measured 4.3 s quick on 2 shared cores (with
    margin); the full run within the budget of the four original sections (about 6 minutes together)."""
    return 6.0 if plan.quick else 150.0


SECTION = SectionSpec(name="rss", title="Random subset sum", run=_run, steps=_steps, seed_key=0,
                      seconds=_seconds)
