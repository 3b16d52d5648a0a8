"""Benchmark of the RSS coverage decision (issue 2 §7). Prints medians; asserts nothing.

Run: ``python benchmarks/bench_rss.py [--trials 40]``.
Targets (issue 2): float mode <= 15 ms per trial at (n=42, eps=1e-6) on one core; peak memory < 1 GiB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import numpy as np

from pybridge.rss.coverage import covers_exact, covers_float_kernel, processing_order


def _float_trial(xs, eps):
    o = np.ascontiguousarray(xs[processing_order(xs)])
    t0 = time.perf_counter()
    status, ops = covers_float_kernel(o, eps, -1.0, 1.0)
    return time.perf_counter() - t0, ops, status


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=40)
    p.add_argument("--seed", type=int, default=2024)
    args = p.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    _float_trial(rng.uniform(-1, 1, 10), 1e-3)  # JIT warm-up (cached afterwards)
    for n, eps in [(42, 1e-6), (24, 1e-3)]:
        times, ops, covered = [], [], 0
        for _ in range(args.trials):
            dt, op, st = _float_trial(rng.uniform(-1, 1, n), eps)
            times.append(dt)
            ops.append(op)
            covered += st == 1
        print(f"float mode  n={n:2d} eps={eps:g}: median {statistics.median(times) * 1e3:8.3f} ms/trial, "
              f"p90 {np.quantile(times, 0.9) * 1e3:8.3f} ms, median interval ops {statistics.median(ops):,.0f}, "
              f"covered {covered}/{args.trials}")
    times = []
    for _ in range(max(5, args.trials // 4)):
        xs = rng.uniform(-1, 1, 24).tolist()
        t0 = time.perf_counter()
        covers_exact(xs, 1e-3)
        times.append(time.perf_counter() - t0)
    print(f"exact mode  n=24 eps=0.001: median {statistics.median(times) * 1e3:8.3f} ms/trial")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
