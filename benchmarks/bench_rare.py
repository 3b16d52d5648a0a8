"""Benchmark of the rare-event engine (issue 14); prints figures, asserts nothing about speed.

1. The 1e-9 goal: q(n, 1e-2) on [-1, 1], Uniform[-1, 1], at n = 48 (q about 7e-10), with the replication
   count planned for a 10% relative half-width (95% t interval): q_hat, interval, relative half-width, seconds.
2. Work-normalized relative variance at q about 1e-5 (n = 31): splitting (measured variance of the
   replication estimates x CPU seconds per replication) against plain sampling (binomial variance
   (1 - q)/q per trial x measured seconds per trial), and their ratio.
3. With ``--deep``: n*(eps, delta = eps) for eps = 1e-1 .. 1e-6 on [-1, 1] and [-1/2, 1/2] (small budgets
   below 1e-4: a decision on a failing sample costs ~1/eps work), the fitted slope per ln(1/eps) and
   Lueker's kappa*(0) = 8; the tail rate of q(n, 1e-2) in n.

Run: ``python benchmarks/bench_rare.py [--workers 2] [--deep]``.
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np

from pybridge.rare import estimate_failure_probability
from pybridge.rare.checks import fit_slope_ln, tail_rate, threshold_delta_eps
from pybridge.rss import coverage_times


def goal(workers: int) -> None:
    t0 = time.perf_counter()
    est = estimate_failure_probability(48, 1e-2, rel_error=0.1, runs=100, seed=20261201, workers=workers)
    dt = time.perf_counter() - t0
    d = est.to_dict()
    print(f"[goal] q(48, 1e-2) on [-1, 1] = {est.q_hat:.4g}, 95% t interval [{est.ci_low:.4g}, {est.ci_high:.4g}], "
          f"relative half-width {est.relative_half_width:.1%}, {est.replications} replications x 100 runs "
          f"(planned for 10%: cv/replication {d['planning']['cv_per_replication']:.3f}), levels {d['levels']}, "
          f"acceptance {d['acceptance_rate']:.2f}, {d['decisions']:,} decisions, {dt:.1f} s on {workers} worker(s)")
    tr = tail_rate(est)
    print(f"[tail] ln q(m, 1e-2) ~ -lambda m over the GS levels m = {tr['m_range'][0]}..{tr['m_range'][1]}: "
          f"lambda = {tr['rate_per_sample']:.4f} per sample (factor {tr['factor_per_sample']:.3f}; jackknife 95% CI "
          f"{[round(v, 4) for v in tr.get('rate_ci95', [])]}); ln 2 = {math.log(2):.4f}")
    for lv in est.tail():
        print(f"    n={lv['m']:3d}  q={lv['q_hat']:.4g}  [{lv['ci_low']:.4g}, {lv['ci_high']:.4g}]")


def work_normalized(workers: int) -> None:
    n, eps = 31, 1e-2
    reps, runs = 40, 100
    t0 = time.process_time()
    est = estimate_failure_probability(n, eps, replications=reps, runs=runs, seed=7, workers=1)
    cpu = time.process_time() - t0
    v = np.array(est.replication_estimates)
    relvar_rep = float(v.var(ddof=1) / v.mean() ** 2)
    wn_split = relvar_rep * cpu / reps
    trials = 20_000
    t0 = time.process_time()
    coverage_times(eps, n_max=n, trials=trials, seed=8, workers=1)
    per_trial = (time.process_time() - t0) / trials
    q = est.q_hat
    wn_plain = (1 - q) / q * per_trial
    print(f"[work] q({n}, 1e-2) = {q:.4g} (splitting, relative half-width {est.relative_half_width:.1%}); "
          f"work-normalized relative variance (relative variance x CPU seconds): splitting {wn_split:.3g} "
          f"(relvar {relvar_rep:.3f} per replication of {runs} runs, {cpu / reps:.3f} s each), plain sampling "
          f"{wn_plain:.3g} ((1-q)/q per trial x {per_trial * 1e6:.1f} us per trial, coupled first-cover trials); "
          f"ratio plain/splitting = {wn_plain / wn_split:.0f}")


DEEP = [((-1.0, 1.0), 1e-1, 16, 20, 40), ((-1.0, 1.0), 1e-2, 26, 20, 40), ((-1.0, 1.0), 1e-3, 32, 12, 40),
        ((-1.0, 1.0), 1e-4, 40, 8, 100), ((-1.0, 1.0), 1e-5, 46, 4, 100), ((-1.0, 1.0), 1e-6, 52, 4, 30),
        ((-0.5, 0.5), 1e-1, 12, 20, 40), ((-0.5, 0.5), 1e-2, 22, 20, 40), ((-0.5, 0.5), 1e-3, 28, 12, 40),
        ((-0.5, 0.5), 1e-4, 36, 8, 100), ((-0.5, 0.5), 1e-5, 44, 4, 100), ((-0.5, 0.5), 1e-6, 48, 4, 30)]
#: run the grid smallest-cost first, so an interrupted run still prints the fits it can
ORDER = sorted(range(len(DEEP)), key=lambda k: -DEEP[k][1])


def deep(workers: int) -> None:
    rows = []
    for k in ORDER:
        iv, eps, n_max, reps, runs = DEEP[k]
        t0 = time.perf_counter()
        est = estimate_failure_probability(n_max, eps, interval=iv, replications=reps, runs=runs, updates=4,
                                           pilot_particles=50 if eps >= 1e-4 else 20, every_level=True,
                                           seed=1000 + k, workers=workers)
        r = threshold_delta_eps(est)
        rows.append(r)
        print(f"[n*] target [{iv[0]:g}, {iv[1]:g}] eps={eps:g}: n* = {r['n_star']} [{r['n_star_low']}, "
              f"{r['n_star_high']}] ({reps} x {runs} runs, {time.perf_counter() - t0:.1f} s)", flush=True)
        for iv2 in ((-1.0, 1.0), (-0.5, 0.5)):
            sel = [r for r in rows if tuple(r["interval"]) == iv2]
            if len(sel) >= 3 and tuple(iv) == iv2:
                f = fit_slope_ln(sel)
                print(f"    running fit [{iv2[0]:g}, {iv2[1]:g}]: K = {f.get('K', float('nan')):.3f}, "
                      f"95% CI {f.get('K_ci95')}, {f['points']} points", flush=True)
    for iv in ((-1.0, 1.0), (-0.5, 0.5)):
        f = fit_slope_ln([r for r in rows if tuple(r["interval"]) == iv])
        print(f"[fit] [{iv[0]:g}, {iv[1]:g}]: n* = {f.get('K', float('nan')):.3f} ln(1/eps) + "
              f"{f.get('c', float('nan')):.2f}, 95% CI for K {f.get('K_ci95')}, {f['points']} points; "
              "Lueker kappa*(C) >= 8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--deep", action="store_true", help="also n*(eps, eps) down to eps = 1e-6 (slow)")
    args = p.parse_args()
    goal(args.workers)
    work_normalized(args.workers)
    if args.deep:
        deep(args.workers)


if __name__ == "__main__":
    main()
