r"""The checks of the ``masks`` section, as evidence records.

* ``masks-mixture-identity`` — exact on a finite-atom law, RSS and k-subset events (:func:`exact_record`), and
  on Monte Carlo: a direct masked estimate against the binomial mixture of independent coupled first-cover
  times, Hoeffding two-sample test at false-alarm rate 1e-6 (:func:`rss_agreement_record`);
* ``masks-overparameterization-factor`` — :math:`n^*_p/n^*_1` for every p and eps with paired bootstrap
  intervals, one :class:`~pybridge.claims.records.IntervalEstimate` per factor (:func:`rss_factor_tables`,
  :func:`factor_records`);
* ``masks-fixed-size`` — the same for k-subsets of the kept samples, plus its Hoeffding check
  (:func:`fixed_factor_tables`, :func:`fixed_agreement_record`).

Every random number comes from a named stream of :class:`pybridge.masks.streams.Stream`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from pybridge.claims.records import AgreementTest, ExactCheck, IntervalEstimate, Power
from pybridge.masks.budget import (ALPHA, DELTA, EXACT_ATOMS, EXACT_EPS, EXACT_INTERVAL, EXACT_K, EXACT_PS, FIXED_K,
                                   FIXED_MIXTURE_EPS, FIXED_MIXTURE_N, FIXED_MIXTURE_P, MIXTURE_EPS, MIXTURE_N,
                                   MIXTURE_P, PS, MasksBudget, fixed_n_max, rss_n_max)
from pybridge.masks.factor import CANDIDATE_LAWS, factor_table
from pybridge.masks.mixture import binomial_mixture, hoeffding_two_sample, mixture_identity_exact
from pybridge.masks.streams import DIRECT, TIMES, Stream
from pybridge.rfss import estimate_fixed_probability, fixed_coverage_times, fixed_covers
from pybridge.rss import coverage_times, estimate_cover_probability
from pybridge.stats.power import hoeffding_detectable_difference, power_record

#: the section builds on these (``pybridge.masks.section``); not part of the package's public API, so not fuzzed
__all__: list[str] = []


def _fixed_decide(kept):
    return fixed_covers(kept, EXACT_K, EXACT_EPS, interval=EXACT_INTERVAL, exact=True)


def exact_record(budget: MasksBudget) -> ExactCheck:
    """``masks-mixture-identity`` exactly (Fractions): every sample and every mask of a finite-atom law."""
    n = budget.exact_n
    rows = [{"p": str(p), "n": n, "rss": mixture_identity_exact(list(EXACT_ATOMS), n, p, EXACT_EPS, EXACT_INTERVAL),
             "k_subsets_k2": mixture_identity_exact(list(EXACT_ATOMS), n, p, EXACT_EPS, EXACT_INTERVAL,
                                                    decide=_fixed_decide)} for p in EXACT_PS]
    failures = sum((not r["rss"]) + (not r["k_subsets_k2"]) for r in rows)
    setting = (f"Exact (Fractions): law uniform on {{{', '.join(map(str, EXACT_ATOMS))}}}, n = {n}, eps = {EXACT_EPS}, "
               f"target [{EXACT_INTERVAL[0]}, {EXACT_INTERVAL[1]}], p in {{{', '.join(map(str, EXACT_PS))}}}: "
               "every sample and every mask enumerated, the masked coverage probability compared with the binomial "
               f"mixture for RSS coverage and for {EXACT_K}-subset coverage")
    return ExactCheck(claim_id="masks-mixture-identity", verdict="violated" if failures else "holds", setting=setting,
                      instances=2 * len(rows), failures=failures,
                      note="An instance is one p and one event (RSS or k-subset); exact rational equality.",
                      details={"rows": rows})


def hoeffding_power(trials: int) -> Power:
    """Power of the Hoeffding two-sample test of the mixture identity (issue 10 §4)."""
    x = hoeffding_detectable_difference(trials, trials, alpha=ALPHA, power=0.9)
    text = (f"Power: rejects with probability >= 0.9 if the two probabilities differ by >= {x:.3f} ({trials} + "
            f"{trials} trials; Hoeffding on both sides, a sufficient bound)."
            if x < 1 else f"Power: none at this budget ({trials} + {trials} trials: a difference of {x:.2f} > 1 "
                          "would be needed).")
    return Power.from_record(power_record("Hoeffding two-sample test of two [0, 1] means", alpha=ALPHA, trials=trials,
                                          text=text, method="closed form (Hoeffding 1963, Thm 2, both tails)",
                                          detectable_difference_p90=x if x < 1 else None))


def _agreement(claim_id: str, setting: str, direct, times, n: int, p: float, trials: int) -> AgreementTest:
    mix = binomial_mixture(times.times, n, p)
    test = hoeffding_two_sample(direct.estimate.p_hat, trials, mix, trials, alpha=ALPHA)
    return AgreementTest(
        claim_id=claim_id, verdict="violated" if test["rejects"] else "holds", setting=setting,
        quantity=f"Masked coverage probability at n = {n}, p = {p}",
        first=f"direct masked estimate ({direct.estimate.successes}/{trials})", first_value=direct.estimate.p_hat,
        first_trials=trials, second="binomial mixture of independent coupled first-cover times", second_value=mix,
        second_trials=trials, alpha=ALPHA, difference=test["difference"], threshold=test["threshold"],
        test="Hoeffding two-sample test", power=hoeffding_power(trials),
        details={"direct": direct.to_dict(), "mixture": mix, "test": test, "times_seed": times.seed_entropy})


def rss_agreement_record(budget: MasksBudget, streams, workers: int) -> AgreementTest:
    """``masks-mixture-identity`` on Monte Carlo (stream ``MIXTURE_RSS``)."""
    n, eps, p, T = MIXTURE_N, MIXTURE_EPS, MIXTURE_P, budget.mc_trials
    direct = estimate_cover_probability(n, eps, density=p, trials=T, seed=streams.seed(Stream.MIXTURE_RSS, DIRECT),
                                        workers=workers)
    ct = coverage_times(eps, n_max=n, trials=T, seed=streams.seed(Stream.MIXTURE_RSS, TIMES), workers=workers)
    setting = f"Monte Carlo, Uniform[-1,1], n = {n}, eps = {eps:g}, targets [-1, 1], p = {p}"
    return _agreement("masks-mixture-identity", setting, direct, ct, n, p, T)


def fixed_agreement_record(budget: MasksBudget, streams, workers: int) -> AgreementTest:
    """``masks-fixed-size``: the mixture identity for k-subsets on Monte Carlo (stream ``MIXTURE_FIXED``)."""
    k, n, eps, p, T = FIXED_K, FIXED_MIXTURE_N, FIXED_MIXTURE_EPS, FIXED_MIXTURE_P, budget.fixed_trials
    direct = estimate_fixed_probability(n, k, eps, density=p, trials=T,
                                        seed=streams.seed(Stream.MIXTURE_FIXED, DIRECT), workers=workers)
    ct = fixed_coverage_times(k, eps, n_max=n, trials=T, seed=streams.seed(Stream.MIXTURE_FIXED, TIMES),
                              workers=workers)
    setting = (f"Monte Carlo, masked fixed-size (k = {k}), Uniform[-1,1], n = {n}, eps = {eps:g}, targets "
               f"[-sqrt k, sqrt k], p = {p}")
    return _agreement("masks-fixed-size", setting, direct, ct, n, p, T)


@dataclass(frozen=True)
class FactorTable:
    """The factor rows of one eps (:func:`pybridge.masks.factor_table`) with the times they come from."""

    label: str
    eps: float
    trials: int
    seed_entropy: str
    rows: list


def _table(label: str, ct, rng, budget: MasksBudget) -> FactorTable:
    rows = factor_table(ct.times, ct.n_max, PS, DELTA, rng, bootstrap=budget.bootstrap)
    return FactorTable(label, ct.eps, ct.trials, ct.seed_entropy, rows)


def rss_factor_tables(budget: MasksBudget, streams, workers: int, tick) -> list[FactorTable]:
    """Factor tables from RSS first-cover times, one per eps (streams ``FACTOR_TIMES``, ``FACTOR_BOOTSTRAP``)."""
    tables = []
    for i, eps in enumerate(budget.factor_eps):
        ct = coverage_times(eps, n_max=rss_n_max(eps), trials=budget.factor_trials,
                            seed=streams.seed(Stream.FACTOR_TIMES, i), workers=workers)
        tables.append(_table(f"RSS eps={eps:g}", ct, streams.rng(Stream.FACTOR_BOOTSTRAP, i), budget))
        tick(1)
    return tables


def fixed_factor_tables(budget: MasksBudget, streams, workers: int, tick) -> list[FactorTable]:
    """Factor tables from k-subset first-cover times, one per eps (streams ``FIXED_TIMES``, ``FIXED_BOOTSTRAP``)."""
    tables = []
    for i, eps in enumerate(budget.fixed_eps):
        ct = fixed_coverage_times(FIXED_K, eps, n_max=fixed_n_max(eps), trials=budget.fixed_trials,
                                  seed=streams.seed(Stream.FIXED_TIMES, i), workers=workers)
        tables.append(_table(f"k={FIXED_K} eps={eps:g}", ct, streams.rng(Stream.FIXED_BOOTSTRAP, i), budget))
        tick(1)
    return tables


def laws_summary(rows) -> dict:
    """Per candidate law: RMS and mean of log(factor / law) over the measured rows, rows inside the 95% CI."""
    out = {}
    for name in CANDIDATE_LAWS:
        res = [math.log(r["factor"] / r[name]) for r in rows if r["factor"] and r[name] > 0]
        out[name] = {"rms_log_residual": math.sqrt(sum(v * v for v in res) / len(res)) if res else None,
                     "inside_ci": sum(r[f"{name} inside CI"] for r in rows), "rows": len(rows),
                     "mean_log_ratio": sum(res) / len(res) if res else None}
    return out


def factor_power() -> Power:
    """The factors are measured and the laws ranked, not tested: no rejection rule, hence no power."""
    text = ("Power: none as a test: 'consistent' only requires every factor to be measured, and the candidate laws "
            "are ranked by RMS log residual, not rejected; the per-row 95% bootstrap intervals are the resolution.")
    return Power.from_record(power_record("no rejection rule (measurement and ranking)", alpha=None, trials=None,
                                          text=text, method="none", detectable=None))


def laws_text(laws: dict) -> str:
    """The candidate laws ranked by RMS log residual, in words."""
    ranked = sorted(laws, key=lambda k: laws[k]["rms_log_residual"] if laws[k]["rms_log_residual"] is not None
                    else math.inf)
    return (f"Best candidate by RMS log residual: {ranked[0]} (" + ", ".join(
        f"{k}: " + (f"rms {v['rms_log_residual']:.3f}, mean log(factor/law) {v['mean_log_ratio']:+.3f}, "
                    if v["rms_log_residual"] is not None else "no factor measured, ")
        + f"inside the 95% CI in {v['inside_ci']}/{v['rows']} rows" for k, v in laws.items()) + ").")


def _factor_text(r) -> str:
    if r["factor"] is None:
        return f"p={r['p']:g}: not reached"
    ci = r["factor_ci95"]
    return f"p={r['p']:g}: {r['factor']:.2f}" + (f" [{ci[0]:.2f}, {ci[1]:.2f}]" if ci else " (no interval)")


def _law_note(row) -> str:
    return "; ".join(f"{name} = {row[name]:.2f} ({'inside' if row[f'{name} inside CI'] else 'outside'} its CI)"
                     for name in CANDIDATE_LAWS)


def _table_record(claim_id: str, verdict: str, t: FactorTable, setting: str, note: str, budget: MasksBudget,
                  first: bool) -> IntervalEstimate:
    r = min(t.rows, key=lambda row: row["p"])  # the sparsest mask: the laws differ most there
    ci = r["factor_ci95"]
    return IntervalEstimate(
        claim_id=claim_id, verdict=verdict, quantity=f"n*_p / n*_1 at the sparsest mask p = {r['p']:g}",
        setting=f"{setting}, eps = {t.eps:g}, {t.trials} coupled trials; factors (95% paired bootstrap interval): "
                + ", ".join(_factor_text(row) for row in t.rows),
        value=r["factor"], low=ci[0] if ci else None, high=ci[1] if ci else None, confidence=0.95 if ci else None,
        trials=t.trials, seed_entropy=t.seed_entropy, power=factor_power() if first else None,
        estimator=f"paired bootstrap over trials, {r['bootstrap']} of {budget.bootstrap} resamples finite",
        note=f"At p = {r['p']:g}: {_law_note(r)}." + (f" {note}" if first else ""),
        details={"table": t.label, "rows": t.rows})


def factor_records(claim_id: str, tables: list, setting: str, note: str, budget: MasksBudget) -> list:
    """One :class:`IntervalEstimate` per factor table (eps): the factor at the sparsest p with its interval, every
    factor in ``setting`` and ``details["rows"]``.  All share the claim's verdict ('consistent' = every factor
    measured); the first carries the laws summary (``details["laws"]``, ``note``) and the power."""
    rows = [r for t in tables for r in t.rows]
    verdict = "consistent" if all(r["factor"] is not None for r in rows) else "undetermined"
    laws = laws_summary(rows)
    out = [_table_record(claim_id, verdict, t, setting, note, budget, i == 0) for i, t in enumerate(tables)]
    if out:
        out[0] = replace(out[0], note=f"{out[0].note} {laws_text(laws)}", details={**out[0].details, "laws": laws})
    return out
