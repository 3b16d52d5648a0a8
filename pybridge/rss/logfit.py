r"""``rss-log-sample-size``: the fit of the empirical thresholds against :math:`\log_2(1/\varepsilon)`.

The threshold :math:`n^*(\varepsilon, 0.01)` (smallest n whose two-sided 95 % Clopper–Pearson lower bound
reaches 0.99) is fitted by least squares, :math:`n^* \approx C\log_2(1/\varepsilon) + c_0`, per (law, target
interval); the verdict rests on the slope C of Uniform[-1, 1] samples with targets [-1, 1], recorded as an
:class:`~pybridge.claims.records.IntervalEstimate` with the power of the n* rule.  Lueker's form
:math:`\kappa^*(C) = 2C + 4 + 4\sqrt{C+1}` is stated beside it.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from pybridge.claims.records import IntervalEstimate, Power
from pybridge.errors import InvalidArgument
from pybridge.rss.budget import FULL
from pybridge.stats.power import POWER, power_record
from pybridge.validation import check_vector

__all__ = ["fit_threshold", "MAX_LOG_SLOPE", "MAIN_FIT"]

#: 'consistent' needs the 95% CI of the slope C of n* against log2(1/eps) below this (samples per bit)
MAX_LOG_SLOPE = 4.0
#: the fit the verdict rests on
MAIN_FIT = "uniform on [-1, 1]"
#: what the n*(eps, 0.01) rule is, for the power statement
_RULE = "n*(eps, 0.01) rule"
_RULE_DEFINED = _RULE + ": first n whose two-sided 95% Clopper-Pearson lower bound reaches 0.99"


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


def lueker_kappa(C: float) -> float:
    r"""Lueker's constant :math:`\kappa^*(C) = 2C + 4 + 4\sqrt{C+1}` (theory §1.2, RECON)."""
    return 2 * C + 4 + 4 * math.sqrt(C + 1)


def _group(r) -> tuple:
    return r["dist"], tuple(r["interval"])


def threshold_fits(rows) -> dict:
    """``{"<law> on [a, b]": fit}`` of n*(eps, 0.01), with the eps where n* was not found and the delta = eps
    points."""
    fits = {}
    for key in sorted({_group(r) for r in rows}):
        group = [r for r in rows if _group(r) == key]
        sel = [r for r in group if r["n_star_delta_0.01"] is not None]
        fit = fit_threshold([r["eps"] for r in sel], [r["n_star_delta_0.01"] for r in sel])
        fit["missing_eps"] = [r["eps"] for r in group if r["n_star_delta_0.01"] is None]
        sel_e = [r for r in group if r["n_star_delta_eps"] is not None]
        if sel_e:
            fit["delta_eps_points"] = [(r["eps"], r["n_star_delta_eps"]) for r in sel_e]
        fits[f"{key[0]} on [{key[1][0]:g}, {key[1][1]:g}]"] = fit
    return fits


def _verdict(fits, main_rows) -> str:
    """'consistent': every n* found, >= 3 points, n* nondecreasing in 1/eps, C > 0 and the CI below the cap."""
    main = fits.get(MAIN_FIT, {})
    ns = [r["n_star_delta_0.01"] for r in main_rows]
    monotone = all(x is not None and y is not None and x <= y for x, y in zip(ns, ns[1:]))
    ok = bool(main) and not main.get("missing_eps") and main.get("points", 0) >= 3 and monotone \
        and main.get("C", 0) > 0 and main.get("C_ci95", [0, float("inf")])[1] < MAX_LOG_SLOPE
    bad_any = any(f.get("missing_eps") for f in fits.values())
    return "consistent" if ok and not bad_any else "undetermined"


def _setting(main: dict, main_rows) -> str:
    trials = sorted({r["trials"] for r in main_rows if "trials" in r})
    per = f"; {'/'.join(map(str, trials))} trials per eps" if trials else ""
    fit = (f"c0 = {main['c0']:.2f}" + (f", R^2 = {main['r_squared']:.4f}" if "C_ci95" in main else "")
           if "C" in main else "no slope: fewer than 2 values of eps with an n*")
    return (f"Uniform[-1,1] samples, targets [-1, 1], delta = 0.01: least-squares fit n*(eps) = C log2(1/eps) + c0 "
            f"over {main.get('points', 0)} values of eps ({fit}){per}")


def _note(main: dict) -> str:
    slope_ln = f"{main['C'] / math.log(2):.2f}" if "C" in main else "not measured"
    return (f"Criterion for 'consistent': every n* found, >= 3 points, n* nondecreasing in 1/eps, C > 0 and the 95% "
            f"CI for C below {MAX_LOG_SLOPE:g} per bit (growth like 1/eps would multiply n* by 10 per decade); data "
            f"cannot prove an O(log) statement. Lueker's form needs n >= kappa*(C') ln(1/eps) with kappa*(C') >= "
            f"kappa*(0) = {lueker_kappa(0.0):g} (theory §1.2, RECON; for failure <= eps on [-1/2, 1/2]); the "
            f"measured slope per ln(1/eps) at delta = 0.01 is {slope_ln}.")


def log_sample_size_record(rows) -> tuple[IntervalEstimate, dict]:
    """The ``rss-log-sample-size`` record (the slope C of the main fit with its 95% CI and the power of the n*
    rule) and every fit."""
    fits = threshold_fits(rows)
    main = fits.get(MAIN_FIT, {})
    main_rows = sorted((r for r in rows if r["dist"] == "uniform" and tuple(r["interval"]) == FULL),
                       key=lambda r: -r["eps"])
    ci = main.get("C_ci95")
    trials = sorted({r["trials"] for r in main_rows if "trials" in r})
    entropies = sorted({r["seed_entropy"] for r in main_rows if "seed_entropy" in r})
    record = IntervalEstimate(
        claim_id="rss-log-sample-size", verdict=_verdict(fits, main_rows), setting=_setting(main, main_rows),
        note=_note(main), quantity="slope C of n*(eps, 0.01) against log2(1/eps)", value=main.get("C"),
        low=ci[0] if ci else None, high=ci[1] if ci else None, confidence=0.95 if ci else None,
        estimator="least squares on the thresholds, t-interval for the slope", trials=trials[0] if trials else None,
        seed_entropy=entropies[0] if len(entropies) == 1 else None, power=Power.from_record(_log_power(main_rows)),
        details={"fits": fits, "lueker_kappa_at_0": lueker_kappa(0.0)})
    return record, fits


def _power_unknown(main_rows, trials) -> dict | None:
    """The power record when the n* rule has none (no trial counts, or no failure count can be declared)."""
    if any("power_delta_0.01" not in r or "trials" not in r for r in main_rows):  # rows without a budget
        return power_record(_RULE, alpha=None, trials=None, method="none",
                            text="Power: unknown (the rows carry no trial counts).", declare_failure_rate_p90=None)
    if not main_rows or any(r["power_delta_0.01"]["max_failures"] is None for r in main_rows):
        text = ("Power: none at this budget: no failure count lets the two-sided 95% Clopper-Pearson lower bound "
                "reach 0.99, so no n* can be declared.")
        return power_record(_RULE, alpha=None, trials=trials[0] if trials else None, text=text,
                            method="exact binomial tails", declare_failure_rate_p90=None)
    return None


def _log_power(main_rows) -> dict:
    """The power of the n* rule and of the log-sample-size criterion on the main curve (issue 10 §4)."""
    trials = sorted({r["trials"] for r in main_rows if "trials" in r})
    unknown = _power_unknown(main_rows, trials)
    if unknown is not None:
        return unknown
    res = [r["power_delta_0.01"] for r in main_rows]
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
    return power_record(_RULE_DEFINED, alpha=early, trials=trials[0], text=text, method="exact binomial tails",
                        declare_failure_rate_p90=worst, missed_threshold_beyond_n_max_detected=1 - early,
                        n_max={str(r["eps"]): r["n_max"] for r in main_rows})
