r"""Evidence records of the rare-event engine's validation (the ``rare`` section, issue 14; records: issue 20).

* :func:`radius_record` — the covering-radius criterion on random samples (:class:`ExactCheck`);
* :func:`agreement_records` — splitting against plain Monte Carlo at :math:`q \approx 10^{-2}` (one
  :class:`AgreementTest` per compared level, with its power against a multiplicative bias);
* :func:`exact_record` — the estimator on cases with a known q (:class:`ExactCheck`);
* :func:`coverage_record` — empirical coverage of the nominal 95% t interval (:class:`IntervalEstimate`; full
  budget only).

Each takes the section's budget and named streams (:mod:`pybridge.rare.streams`) and returns records; the
statements are the registry's (:mod:`pybridge.rare.claims`), never retyped here.
"""

from __future__ import annotations

from pybridge.claims import AgreementTest, ExactCheck, IntervalEstimate, Power
from pybridge.rare.budget import FULL, HALF
from pybridge.rare.checks import ALPHA_EACH, agreement, ci_coverage, exact_cases, radius_criterion
from pybridge.rare.splitting import estimate_failure_probability, plan_levels
from pybridge.rare.streams import Stream
from pybridge.rss import coverage_times, get_law
from pybridge.stats.power import agreement_detectable_ratio, detectable_deviation, power_record

#: the record builders take the section's budget and streams: section internals, not public API (not fuzzed)
__all__ = ["AGREEMENT_TEST", "COVERAGE_TEST", "ALPHA", "NOMINAL"]

#: the rule of the agreement test (each interval at 1 - ALPHA_EACH, total false alarm <= 1e-6)
AGREEMENT_TEST = "two intervals (t at 1 - 5e-7, Clopper-Pearson at 1 - 5e-7) must intersect"
#: the rule of the coverage check
COVERAGE_TEST = "coverage frequency against 0.95 (Clopper-Pearson at 1 - 1e-6)"
#: total false-alarm rate of the two-sided tests of this module
ALPHA = 1e-6
#: the nominal coverage of the splitting estimator's t interval
NOMINAL = 0.95


def _tick(progress, k: int = 1) -> None:
    if progress is not None:
        progress(k)


def radius_record(budget, streams) -> ExactCheck:
    """``rss-radius-criterion`` on ``budget.radius_samples`` Uniform[-1,1] samples (n = 0..10)."""
    rng = streams.rng(Stream.RADIUS_SAMPLES, 0)
    law = get_law("uniform")
    total, bad = budget.radius_samples, 0
    for k in range(total):
        n = int(rng.integers(0, 11))
        iv = FULL if k % 2 == 0 else HALF
        if not radius_criterion(law.sample(rng, n), iv):
            bad += 1
    return ExactCheck(
        claim_id="rss-radius-criterion", verdict="violated" if bad else "holds", instances=total, failures=bad,
        setting=f"{total} Uniform[-1,1] samples, n = 0..10 drawn uniformly, targets [-1, 1] and [-1/2, 1/2] "
                "alternately",
        note="Each instance: the exact radius rho covers at eps = rho and not at rho(1 - 2^-40) (exact decisions), "
             "and the float bracket at floor rho/4 contains rho.",
        details={"samples": total, "failures": bad})


def _agreement_rows(budget, est, ct) -> list[dict]:
    levels = list(est.plan.levels)
    rows = []
    for m in budget.agree_checks:
        if m not in levels:  # below the first level: every level-0 sample counts (q near 1), not a rare check
            continue
        t = levels.index(m)
        split = {"replication_estimates": [r[t] for r in est.rep_level_estimates]}
        rows.append({"m": m, **agreement(split, ct.trials - ct.successes(m), ct.trials)})
    return rows


def agreement_power(rows, reps) -> dict:
    """Detectable relative deviation of the splitting estimate from plain Monte Carlo (issue 10 §4)."""
    from scipy import stats as _st

    out, parts = [], []
    t = float(_st.t.ppf(1 - ALPHA_EACH / 2, reps - 1))
    for r in rows:
        half = (r["split_ci"][1] - r["split_q"])  # the upper half-width (the lower end is clipped at 0)
        q = r["plain_q"] if r["plain_q"] > 0 else r["split_q"]
        if not 0 < q < 1:
            out.append({"m": r["m"], "above": None, "below": None})
            parts.append(f"n={r['m']}: no power (no reference frequency in (0, 1))")
            continue
        dev = agreement_detectable_ratio(q, r["plain_trials"], se=half / t, half_width=half, alpha_each=ALPHA_EACH,
                                         power=0.9, relative=True)
        out.append({"m": r["m"], "reference_q": q, **dev})
        up = (f"detects a splitting estimate >= {dev['above']:.2f} x the true q (+{dev['above'] - 1:.0%})"
              if dev["above"] is not None else "no power above the true q (its t interval reaches 0 at any scale)")
        lo = (f"detects one <= {dev['below']:.2f} x the true q (-{1 - dev['below']:.0%})" if dev["below"] is not None
              else "no power below it")
        parts.append(f"n={r['m']}: {up}; {lo}")
    text = ("Power against a multiplicative bias of the splitting estimator (probability >= 0.9; exact binomial "
            "sum for the plain count, the splitting mean normal with its observed relative spread, total false alarm "
            "<= 1e-6): " + "; ".join(parts) + ".")
    return power_record(AGREEMENT_TEST, alpha=ALPHA, trials=min((r["plain_trials"] for r in rows), default=None),
                        text=text, method="exact binomial sum x normal splitting mean", rows=out,
                        no_power=all(x.get("above") is None and x.get("below") is None for x in out),
                        detectable_ratio_p90={str(x["m"]): x.get("above") for x in out})


def _agreement_record(r, budget, est, ct) -> AgreementTest:
    eps = budget.agree_eps
    return AgreementTest(
        claim_id="rare-agrees-plain-mc", verdict="holds" if r["agree"] else "violated",
        quantity=f"q(n={r['m']}, eps={eps:g}) on [-1, 1]", first="generalized splitting", first_value=r["split_q"],
        second="plain Monte Carlo", second_value=r["plain_q"], second_trials=r["plain_trials"], alpha=ALPHA,
        difference=r["split_q"] - r["plain_q"], test=AGREEMENT_TEST,
        power=Power.from_record(agreement_power([r], budget.agree_reps)),
        setting=f"Uniform[-1,1], eps = {eps:g}, target [-1, 1], n = {r['m']}: splitting {budget.agree_reps} "
                f"replications x {budget.agree_runs} runs, t interval at 1 - 5e-7 [{r['split_ci'][0]:.3g}, "
                f"{r['split_ci'][1]:.3g}]; plain Monte Carlo {r['plain_failures']}/{r['plain_trials']} failures, "
                f"Clopper-Pearson at 1 - 5e-7 [{r['plain_ci'][0]:.3g}, {r['plain_ci'][1]:.3g}]",
        note="Two-sided: disjoint intervals would be a false alarm with probability <= 1e-6 (the t interval's "
             "coverage is asymptotic).",
        details={"row": r, "splitting": est.to_dict(), "plain_seed_entropy": ct.seed_entropy})


def agreement_records(budget, streams, workers: int, progress=None):
    """``rare-agrees-plain-mc``: one :class:`AgreementTest` per level of ``budget.agree_checks``; and the
    every-level splitting estimate (the tail of q(n, 1e-2) it measures feeds ``rare-tail-exponent``)."""
    ct = coverage_times(budget.agree_eps, n_max=budget.agree_n, trials=budget.plain_trials,
                        seed=streams.seed(Stream.PLAIN_MC, 0), workers=workers)
    _tick(progress)
    est = estimate_failure_probability(budget.agree_n, budget.agree_eps, replications=budget.agree_reps,
                                       runs=budget.agree_runs, every_level=True,
                                       seed=streams.seed(Stream.AGREEMENT_SPLITTING, 0), workers=workers)
    _tick(progress)
    rows = _agreement_rows(budget, est, ct)
    if rows:
        return [_agreement_record(r, budget, est, ct) for r in rows], est
    record = IntervalEstimate(
        claim_id="rare-agrees-plain-mc", verdict="undetermined", quantity=f"q(n={budget.agree_n}, "
        f"eps={budget.agree_eps:g}) on [-1, 1]", value=est.q_hat, low=est.ci_low, high=est.ci_high, confidence=0.95,
        estimator="generalized splitting", seed_entropy=est.seed_entropy,
        note="No compared level reached the splitting plan's first level: no agreement test was possible.",
        details={"splitting": est.to_dict(), "plain_seed_entropy": ct.seed_entropy})
    return [record], est


def exact_record(streams) -> ExactCheck:
    """``rare-exact-cases``: the estimator on the cases of :func:`pybridge.rare.checks.exact_cases`."""
    rows = exact_cases(seed=int(streams.seed(Stream.EXACT_CASES, 0).generate_state(1)[0]))
    bad = sum(not r["ok"] for r in rows)
    setting = "Known q: " + "; ".join(
        f"n={r['n']}, eps={r['eps']:g}, [{r['interval'][0]:g}, {r['interval'][1]:g}]: q={r['q_exact']:.4g} "
        f"({r['why']}), estimate {r['q_hat']:.4g} [{r['ci'][0]:.4g}, {r['ci'][1]:.4g}]" for r in rows)
    return ExactCheck(claim_id="rare-exact-cases", verdict="violated" if bad else "holds", instances=len(rows),
                      failures=bad, setting=setting,
                      note="Degenerate cases must be exact; the n = 1 case must lie in the t interval at 1 - 1e-6. "
                           "No closed form for a genuinely rare q was found (theory has none).",
                      details={"rows": rows})


def _coverage_power(estimates: int) -> tuple[Power, dict]:
    dev = detectable_deviation(NOMINAL, estimates, alpha=ALPHA, power=0.9)
    text = ("Power: a true coverage "
            + (f"below 0.95 by >= {dev['below']:.3f}" if dev["below"] is not None else "(no power below 0.95)")
            + " or " + (f"above it by >= {dev['above']:.3f}" if dev["above"] is not None
                        else "above 0.95: no power (at most 0.05 above)")
            + f" is detected with probability >= 0.9 ({estimates} intervals; the Clopper-Pearson interval at "
              "1 - 1e-6 excludes 0.95 iff the equal-tailed exact test rejects; exact binomial tails).")
    return Power.from_record(power_record(COVERAGE_TEST, alpha=ALPHA, trials=estimates, text=text,
                                          method="exact binomial tails", detectable_deviation_p90=dev)), dev


def _coverage_not_run() -> IntervalEstimate:
    text = "Power: none at this budget (not run)."
    power = Power.from_record(power_record(COVERAGE_TEST, alpha=ALPHA, trials=0, text=text, method="not run",
                                           detectable_deviation_p90=None))
    return IntervalEstimate(claim_id="rare-ci-coverage", verdict="undetermined",
                            quantity="coverage of the nominal 95% t interval", value=None, low=None, high=None,
                            trials=0, power=power, note="Not run on the --quick budget (full check only).")


def coverage_record(budget, streams, workers: int) -> IntervalEstimate:
    """``rare-ci-coverage``: how often ``cfg.estimates`` nominal 95% t intervals contain a reference value."""
    cfg = budget.coverage
    if cfg is None:
        return _coverage_not_run()
    plan = plan_levels(cfg.n, cfg.eps, -1.0, 1.0, get_law("uniform"), streams.rng(Stream.COVERAGE_PLAN, 0))
    ref = estimate_failure_probability(cfg.n, cfg.eps, replications=cfg.ref_replications, runs=cfg.ref_runs,
                                       plan=plan, seed=streams.seed(Stream.COVERAGE_REFERENCE, 0), workers=workers)
    # the estimates' seed: the root's second state word (kept so earlier full reports reproduce)
    cov = ci_coverage(cfg.n, cfg.eps, estimates=cfg.estimates, replications=cfg.replications, runs=cfg.runs,
                      reference=ref.q_hat, seed=int(streams.root.generate_state(2)[1]), plan=plan, workers=workers)
    lo, hi = cov["coverage_ci_1e-6"]
    power, _ = _coverage_power(cov["estimates"])
    return IntervalEstimate(
        claim_id="rare-ci-coverage", verdict="holds" if lo <= NOMINAL <= hi else "violated",
        quantity="coverage of the nominal 95% t interval", value=cov["coverage"], low=lo, high=hi,
        confidence=1 - ALPHA, estimator="Clopper-Pearson", trials=cov["estimates"], power=power,
        setting=f"q(n={cfg.n}, eps={cfg.eps:g}) on [-1, 1], reference {ref.q_hat:.4g} (relative half-width "
                f"{ref.relative_half_width:.2%}, {cfg.ref_replications} x {cfg.ref_runs} runs, independent): "
                f"{cov['covered']}/{cov['estimates']} nominal 95% t intervals ({cfg.replications} replications x "
                f"{cfg.runs} runs each, median relative half-width {cov['median_relative_half_width']:.0%}) "
                "contain it",
        note="Holds when the interval contains 0.95. The reference's own error makes the measured coverage "
             "slightly conservative-to-low.",
        details={**cov, "reference_estimate": ref.to_dict()})
